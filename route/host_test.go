package route

import (
	"testing"

	"golang.org/x/sys/unix"
)

// format_host without -resolve: the address, "???" for a length that is
// not its family's; FormatHost, HostText and AppendHost write the same.
func TestFormatHost(t *testing.T) {
	tests := []struct {
		family int
		b      []byte
		want   string
	}{
		{unix.AF_INET, []byte{192, 0, 2, 1}, "192.0.2.1"},
		{unix.AF_INET, []byte{192, 0, 2}, "???"},
		{unix.AF_INET6, []byte{0x20, 0x01, 0x0d, 0xb8, 15: 1}, "2001:db8::1"},
		{unix.AF_INET6, []byte{192, 0, 2, 1}, "???"},
	}
	for _, tt := range tests {
		var buf []byte
		if got := FormatHost(&buf, false, tt.family, tt.b); got != tt.want {
			t.Errorf("FormatHost(%d, %v) = %q, want %q", tt.family, tt.b, got, tt.want)
		}
		if got := HostText(false, tt.family, tt.b); got != tt.want {
			t.Errorf("HostText(%d, %v) = %q, want %q", tt.family, tt.b, got, tt.want)
		}
		if got := string(AppendHost([]byte("x "), false, tt.family, tt.b)); got != "x "+tt.want {
			t.Errorf("AppendHost(%d, %v) = %q, want %q", tt.family, tt.b, got, "x "+tt.want)
		}
	}
}
