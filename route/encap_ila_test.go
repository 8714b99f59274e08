package route

import "testing"

// The ILA name tables: known values by name, past the table and in its
// holes "unknown".
func TestILANames(t *testing.T) {
	tests := []struct {
		fn   func(uint8) string
		v    uint8
		want string
	}{
		{ILACsumModeName, 0, "adj-transport"},
		{ILACsumModeName, 3, "neutral-map-auto"},
		{ILACsumModeName, 4, "unknown"},
		{ILAIdentTypeName, 0, "iid"},
		{ILAIdentTypeName, 5, "nonlocal-addr"},
		{ILAIdentTypeName, 6, "unknown"},
		{ILAIdentTypeName, 32, "use-format"},
		{ILAIdentTypeName, 33, "unknown"},
		{ILAIdentTypeName, 255, "unknown"},
		{ILAHookTypeName, 1, "input"},
		{ILAHookTypeName, 2, "unknown"},
	}
	for i, tt := range tests {
		if got := tt.fn(tt.v); got != tt.want {
			t.Errorf("case %d (%d) = %q, want %q", i, tt.v, got, tt.want)
		}
	}
}
