package addr

import "testing"

func TestScope(t *testing.T) {
	tests := []struct {
		in   string
		id   uint8
		ok   bool
		name string
	}{
		{"global", 0, true, "global"},
		{"host", 254, true, "host"},
		{"link", 253, true, "link"},
		{"0x10", 16, true, "16"},
		{"256", 0, false, ""},
		{"bogus", 0, false, ""},
	}
	for _, tt := range tests {
		id, ok := ParseScope(tt.in)
		if ok != tt.ok || id != tt.id {
			t.Errorf("ParseScope(%q) = %d, %v, want %d, %v", tt.in, id, ok, tt.id, tt.ok)
		}
		if ok {
			if got := ScopeName(id, false); got != tt.name {
				t.Errorf("ScopeName(%d) = %q, want %q", id, got, tt.name)
			}
		}
	}
}
