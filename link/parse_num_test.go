package link

import (
	"fmt"
	"testing"

	"golang.org/x/sys/unix"
)

// TestInetAddr checks the address words iproute2's get_addr_1 takes and
// refuses, as captured from ip 6.1 (vxlan remote/local, lladdr with dots).
func TestInetAddr(t *testing.T) {
	tests := []struct {
		in     string
		family int
		want   string // "" when refused
	}{
		{"10.1.2.3", unix.AF_UNSPEC, "10.1.2.3"},
		{"10.1", unix.AF_UNSPEC, "10.1.0.0"},
		{"239.1", unix.AF_INET, "239.1.0.0"},
		{"010.0.0.1", unix.AF_UNSPEC, "8.0.0.1"},
		{"0x0a.0.0.1", unix.AF_UNSPEC, "10.0.0.1"},
		{"0200.0000.0001", unix.AF_INET, "128.0.1.0"},
		{"7", unix.AF_UNSPEC, "7.0.0.0"},
		{"1.2.3.4.5", unix.AF_UNSPEC, ""},
		{"1.2.3.256", unix.AF_UNSPEC, ""},
		{"1..2", unix.AF_UNSPEC, ""},
		{"1.2.", unix.AF_UNSPEC, ""},
		{"-1.2.3.4", unix.AF_UNSPEC, ""},
		{"1.2.3.4", unix.AF_INET6, ""},
		{"2001:db8::1", unix.AF_UNSPEC, "2001:db8::1"},
		{"::ffff:1.2.3.4", unix.AF_INET6, "::ffff:1.2.3.4"},
		{"fe80::1%lo", unix.AF_UNSPEC, ""},
		{"2001:db8::1", unix.AF_INET, ""},
		{"x", unix.AF_UNSPEC, ""},
		{"", unix.AF_UNSPEC, ""},
	}
	for _, tt := range tests {
		a, ok := inetAddr(tt.in, tt.family)
		got := ""
		if ok {
			got = a.String()
		}
		if got != tt.want {
			t.Errorf("inetAddr(%q, %d) = %q, want %q", tt.in, tt.family, got, tt.want)
		}
	}
}

// TestTunnelPrefix checks get_prefix for sit's 6rd prefixes.
func TestTunnelPrefix(t *testing.T) {
	tests := []struct {
		in   string
		six  bool
		want string
	}{
		{"2002::/16", true, "2002::/16"},
		{"2002::", true, "2002::/128"},
		{"10.1/16", false, "10.1.0.0/16"},
		{"10.0.0.1", false, "10.0.0.1/32"},
		{"10.0.0.0/33", false, ""},
		{"10.0.0.0/x", false, ""},
		{"10.0.0.0/8", true, ""},
		{"10.0.0.0/255.0.0.0", false, "10.0.0.0/8"},
		{"10.0.0.0/255.0.255.0", false, ""},
		{"2002::/0.0.0.0", true, "2002::/0"},
	}
	for _, tt := range tests {
		p, ok := tunnelPrefix(tt.in, tt.six)
		got := ""
		if ok {
			got = p.String()
		}
		if got != tt.want {
			t.Errorf("tunnelPrefix(%q, %v) = %q, want %q", tt.in, tt.six, got, tt.want)
		}
	}
}

// TestLLAddr checks ll_addr_a2n's reading of hardware addresses: sscanf's
// %x per part, a negative part refused, one byte more than the buffer when
// parts remain, and the part named in the error.
func TestLLAddr(t *testing.T) {
	tests := []struct {
		in   string
		max  int
		want string // hex, or "bad:PART"
	}{
		{"02:00:00:00:00:0a", 6, "02000000000a"},
		{"2:0:0:0:0:3", 6, "020000000003"},
		{"0x2:1", 6, "0201"},
		{"-0:1", 6, "0001"},
		{"-1", 32, "bad:-1"},
		{"02:-ff", 32, "bad:-ff"},
		{"1ff", 32, "bad:1ff"},
		{"zz:00", 32, "bad:zz"},
		{"02:", 32, "bad:"},
		{"02:00:00:00:00:00:07", 6, "02000000000000"},
		{"1:2:3:4:5:6:7:zz", 6, "01020304050600"},
		{"10.1", 32, "0a010000"},
		{"1.2.3.4.5", 32, "bad:1.2.3.4.5"},
	}
	for _, tt := range tests {
		b, bad, err := llAddr(tt.in, tt.max)
		got := fmt.Sprintf("%x", b)
		if err != nil {
			got = "bad:" + bad
		}
		if got != tt.want {
			t.Errorf("llAddr(%q, %d) = %s, want %s", tt.in, tt.max, got, tt.want)
		}
	}
}
