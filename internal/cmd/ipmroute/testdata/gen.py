# gen.py writes mroute.nl: route messages of the multicast families in
# rtmon's capture format (one netlink message after another), for
# `ip monitor file` to print. This kernel has no multicast routing, so the
# messages are made here; iproute2 6.1 printed the golden texts from them:
#   ip monitor file mroute.nl > mroute.txt   (and -s, -d -s, -j -s, -o)
import struct, socket

def attr(t, payload):
    l = 4 + len(payload)
    return struct.pack('HH', l, t) + payload + b'\0' * ((4 - l % 4) % 4)

def u32(t, v): return attr(t, struct.pack('I', v))
def u64(t, v): return attr(t, struct.pack('Q', v))

def msg(typ, family, table, flags, attrs, rtype=5):
    body = struct.pack('BBBBBBBBI', family, 32, 32, 0, table, 17, 0, rtype, flags) + b''.join(attrs)
    return struct.pack('IHHII', 16 + len(body), typ, 0, 0, 0) + body

def nh(ifindex, hops):
    return struct.pack('HBBi', 8, 0, hops, ifindex)

v4 = socket.inet_aton
v6 = lambda s: socket.inet_pton(socket.AF_INET6, s)
out = b''
out += msg(24, 128, 253, 0, [u32(15, 253), attr(2, v4('10.0.0.1')), attr(1, v4('239.1.1.1')), u32(3, 1),
    attr(9, nh(2, 1) + nh(3, 4)), attr(17, struct.pack('QQQ', 12, 3456, 0)), u64(23, 1234)])
out += msg(24, 128, 254, 0x20, [u32(15, 254), attr(1, v4('239.1.1.2')), u32(3, 0),
    attr(17, struct.pack('QQQ', 1, 2, 3)), u64(23, 0)])
out += msg(25, 128, 252, 8, [u32(15, 1000), attr(2, v4('10.0.0.3')), attr(1, v4('239.1.1.3')), u32(3, 7),
    attr(9, nh(7, 0))])
out += msg(24, 129, 253, 0, [u32(15, 253), attr(2, v6('2001:db8::1')), attr(1, v6('ff0e::1')), u32(3, 1),
    attr(9, nh(1, 2)), attr(17, struct.pack('QQQ', 5, 6, 0)), u64(23, 99999999)])
open('mroute.nl', 'wb').write(out)
