package link

import "testing"

func TestIoctlName(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want string
		ok   bool
	}{
		{"v0:1", "v0", true},
		{"v0:", "v0", true},
		{"br0:a:b", "br0", true},
		{"v0", "", false},
		{":1", "", false},
		{"", "", false},
		{"abcdefghijklmn:", "abcdefghijklmn", true},
		{"abcdefghijklmno:", "", false}, // 16 bytes: glibc refuses it
	} {
		got, ok := IoctlName(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("IoctlName(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}
