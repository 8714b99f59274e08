package rtnames

import (
	"context"
	"net"
	"net/netip"
	"sync"

	"golang.org/x/sys/unix"
)

// hostNames caches HostName's answers, negative ones too, for the process
// (as iproute2's resolve_address does).
var hostNames struct {
	sync.Mutex
	m map[netip.Addr]string
}

// lookupAddr asks the resolver; a variable for tests.
var lookupAddr = func(a netip.Addr) string {
	names, err := net.DefaultResolver.LookupAddr(context.Background(), a.String())
	if err != nil || len(names) == 0 {
		return ""
	}
	n := names[0]
	if len(n) > 1 && n[len(n)-1] == '.' {
		n = n[:len(n)-1]
	}
	return n
}

// HostName is the name -resolve prints for an address of family (AF_INET
// or AF_INET6; none for others), as iproute2 gets it from gethostbyaddr:
// the first name /etc/hosts or DNS gives, in /etc/nsswitch.conf's order.
// An IPv4-mapped IPv6 address is looked up as IPv4. It returns "" when
// there is none.
func HostName(family int, b []byte) string {
	var a netip.Addr
	switch {
	case family == unix.AF_INET && len(b) >= 4:
		a = netip.AddrFrom4([4]byte(b[:4]))
	case family == unix.AF_INET6 && len(b) >= 16:
		a = netip.AddrFrom16([16]byte(b[:16])).Unmap()
	default:
		return ""
	}
	hostNames.Lock()
	defer hostNames.Unlock()
	if n, ok := hostNames.m[a]; ok {
		return n
	}
	n := lookupAddr(a)
	if hostNames.m == nil {
		hostNames.m = make(map[netip.Addr]string)
	}
	hostNames.m[a] = n
	return n
}
