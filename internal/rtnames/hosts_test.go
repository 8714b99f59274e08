package rtnames

import (
	"net/netip"
	"testing"

	"golang.org/x/sys/unix"
)

func TestHostName(t *testing.T) {
	asked := map[netip.Addr]int{}
	saved := lookupAddr
	defer func() { lookupAddr = saved }()
	lookupAddr = func(a netip.Addr) string {
		asked[a]++
		switch a.String() {
		case "127.0.0.1":
			return "localhost"
		case "2001:db8::1":
			return "six"
		}
		return ""
	}
	for _, tt := range []struct {
		family int
		in     []byte
		want   string
	}{
		{unix.AF_INET, []byte{127, 0, 0, 1}, "localhost"},
		{unix.AF_INET, []byte{127, 0, 0, 1, 9}, "localhost"}, // cached; only the family's length counts
		{unix.AF_INET, []byte{10, 0, 0, 1}, ""},
		{unix.AF_INET, []byte{10, 0, 0, 1}, ""}, // a negative answer is cached too
		{unix.AF_INET6, netip.MustParseAddr("2001:db8::1").AsSlice(), "six"},
		{unix.AF_INET6, netip.MustParseAddr("::ffff:127.0.0.1").AsSlice(), "localhost"}, // looked up as IPv4
		{unix.AF_INET, []byte{1, 2, 3}, ""},
		{unix.AF_MPLS, []byte{0, 0, 0x10, 0}, ""},
	} {
		if got := HostName(tt.family, tt.in); got != tt.want {
			t.Errorf("HostName(%v) = %q, want %q", tt.in, got, tt.want)
		}
	}
	for a, n := range asked {
		if n != 1 {
			t.Errorf("%v asked %d times", a, n)
		}
	}
}
