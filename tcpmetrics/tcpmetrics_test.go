package tcpmetrics

import (
	"bytes"
	"context"
	"errors"
	"net/netip"
	"testing"
	"time"

	"github.com/gipnet/gip/internal/nstest"

	"github.com/gipnet/gip/rtnl"
	"golang.org/x/sys/unix"
)

// The bodies iproute2 6.1 sends (strace -e sendto,sendmsg -xx) for `ip
// tcp_metrics delete 127.0.0.2 src 10.1.0.1`, `ip tcp_metrics flush ::1`
// and `ip tcp_metrics flush` (everything).
func TestRequestsGolden(t *testing.T) {
	for _, tc := range []struct {
		name      string
		got, want []byte
	}{
		{"delete 127.0.0.2 src 10.1.0.1", DeleteRequest(netip.MustParseAddr("127.0.0.2"), netip.MustParseAddr("10.1.0.1")),
			[]byte{2, 1, 0, 0, 8, 0, 1, 0, 127, 0, 0, 2, 8, 0, 11, 0, 10, 1, 0, 1}},
		{"flush ::1", DeleteRequest(netip.MustParseAddr("::1"), netip.Addr{}),
			[]byte{2, 1, 0, 0, 20, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}},
		{"flush", Header(CmdDel), []byte{2, 1, 0, 0}},
		{"list", Header(CmdGet), []byte{1, 1, 0, 0}},
	} {
		if !bytes.Equal(tc.got, tc.want) {
			t.Errorf("%s: got %v, want %v", tc.name, tc.got, tc.want)
		}
	}
}

func TestDecode(t *testing.T) {
	var vals []byte
	vals = AppendAttr(vals, MetricRTT+1, []byte{0x40, 0, 0, 0})      // 64 ms<<3: 8ms, overridden
	vals = AppendAttr(vals, MetricRTTUs+1, []byte{0x40, 1, 0, 0})    // 320 → 40us
	vals = AppendAttr(vals, MetricRTTVarUs+1, []byte{0x50, 0, 0, 0}) // 80 → 20us
	vals = AppendAttr(vals, MetricCwnd+1, []byte{12, 0, 0, 0})
	b := Header(CmdGet)
	b = AppendAttr(b, AttrAddrIPv4, []byte{127, 0, 0, 2})
	b = AppendAttr(b, AttrAge, []byte{0xe8, 3, 0, 0, 0, 0, 0, 0})
	b = AppendAttr(b, AttrVals, vals)
	b = AppendAttr(b, AttrSaddrIPv4, []byte{127, 0, 0, 1})
	b = AppendAttr(b, AttrFopenCookie, []byte{1, 2})
	e, err := Decode(b)
	if err != nil {
		t.Fatal(err)
	}
	want := Entry{Dst: netip.MustParseAddr("127.0.0.2"), Src: netip.MustParseAddr("127.0.0.1"), Age: time.Second,
		RTT: 40 * time.Microsecond, RTTVar: 20 * time.Microsecond, Cwnd: 12, FopenCookie: []byte{1, 2}}
	if e.Dst != want.Dst || e.Src != want.Src || e.Age != want.Age || e.RTT != want.RTT || e.RTTVar != want.RTTVar ||
		e.Cwnd != want.Cwnd || !bytes.Equal(e.FopenCookie, want.FopenCookie) {
		t.Errorf("got  %+v\nwant %+v", e, want)
	}
	b[len(b)-4] = 9 // the cookie is a copy
	if e.FopenCookie[0] != 1 {
		t.Error("the cookie aliases the message")
	}
	if _, err := Decode([]byte{1}); err != ErrShort {
		t.Errorf("one byte: %v", err)
	}
}

// In a namespace of its own, a TCP connection over lo leaves an entry for
// 127.0.0.1, which Delete removes (and Flush empties the cache).
func TestOperations(t *testing.T) {
	fd := nstest.NetNS(t, tcpOverLo)
	c, err := rtnl.DialProto(fd, unix.NETLINK_GENERIC)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	ctx := context.Background()
	lo := netip.MustParseAddr("127.0.0.1")
	found := false
	var list []Entry
	// The kernel saves the metrics as the connection ends: wait for
	// them a while on a busy machine.
	for try := 0; try < 100 && !found; try++ {
		if try > 0 {
			time.Sleep(20 * time.Millisecond)
		}
		if list, err = List(ctx, c); err != nil {
			t.Fatal(err)
		}
		for _, e := range list {
			found = found || e.Dst == lo
		}
	}
	if !found {
		t.Fatalf("no entry for 127.0.0.1 in %+v", list)
	}
	if err := Delete(ctx, c, lo, netip.Addr{}); err != nil {
		t.Fatal(err)
	}
	if err := Delete(ctx, c, lo, netip.Addr{}); !errors.Is(err, unix.ESRCH) {
		t.Errorf("deleting twice: %v, want ESRCH", err)
	}
	if err := Flush(ctx, c); err != nil {
		t.Fatal(err)
	}
	if list, err := List(ctx, c); err != nil || len(list) != 0 {
		t.Errorf("after flush: %+v %v", list, err)
	}
}

// tcpOverLo brings lo up and makes one TCP connection over it (on the
// calling thread, in its namespace), so that the kernel keeps metrics.
func tcpOverLo() error {
	s, err := unix.Socket(unix.AF_INET, unix.SOCK_DGRAM|unix.SOCK_CLOEXEC, 0)
	if err != nil {
		return err
	}
	ifr, err := unix.NewIfreq("lo")
	if err == nil {
		ifr.SetUint16(unix.IFF_UP | unix.IFF_LOOPBACK | unix.IFF_RUNNING)
		err = unix.IoctlIfreq(s, unix.SIOCSIFFLAGS, ifr)
	}
	unix.Close(s)
	if err != nil {
		return err
	}
	l, err := unix.Socket(unix.AF_INET, unix.SOCK_STREAM|unix.SOCK_CLOEXEC, 0)
	if err != nil {
		return err
	}
	defer unix.Close(l)
	addr := &unix.SockaddrInet4{Addr: [4]byte{127, 0, 0, 1}}
	if err := unix.Bind(l, addr); err != nil {
		return err
	}
	if err := unix.Listen(l, 1); err != nil {
		return err
	}
	sa, err := unix.Getsockname(l)
	if err != nil {
		return err
	}
	cl, err := unix.Socket(unix.AF_INET, unix.SOCK_STREAM|unix.SOCK_CLOEXEC, 0)
	if err != nil {
		return err
	}
	if err := unix.Connect(cl, sa); err != nil {
		unix.Close(cl)
		return err
	}
	a, _, err := unix.Accept(l)
	if err != nil {
		unix.Close(cl)
		return err
	}
	// Data both ways, then close: the metrics are saved when the
	// connection ends.
	unix.Write(cl, []byte("x"))
	buf := make([]byte, 1)
	unix.Read(a, buf)
	unix.Write(a, buf)
	unix.Read(cl, buf)
	unix.Close(cl)
	unix.Close(a)
	return nil
}
