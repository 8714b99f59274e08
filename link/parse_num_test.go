package link

import (
	"fmt"
	"testing"
)

// TestTunnelPrefix checks get_prefix for sit's 6rd prefixes (the grammar
// itself is internal/cnum's).
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
		{"10.0.0.0/33", false, `Error: inet prefix is expected rather than "10.0.0.0/33".`},
		{"10.0.0.0/x", false, `Error: inet prefix is expected rather than "10.0.0.0/x".`},
		{"10.0.0.0/8", true, `Error: inet6 prefix is expected rather than "10.0.0.0/8".`},
		{"10.0.0.0/255.0.0.0", false, "10.0.0.0/8"},
		{"10.0.0.0/255.0.255.0", false, `Error: inet prefix is expected rather than "10.0.0.0/255.0.255.0".`},
		{"2002::/0.0.0.0", true, "2002::/0"},
		{"default", true, "::/0"},
		{"2002::/default", true, "2002::/0"},
		{"any", false, "0.0.0.0/0"},
		{"default/8", false, `Error: inet prefix is expected rather than "default/8".`},
	}
	for _, tt := range tests {
		p, err := tunnelPrefix(tt.in, tt.six)
		got := p.String()
		if err != nil {
			got = err.Error()
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
