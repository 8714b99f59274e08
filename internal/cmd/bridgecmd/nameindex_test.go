package bridgecmd

import "testing"

func TestNameIndex(t *testing.T) {
	byName := map[string]int32{"br0": 4, "v1": 2, "v1:0": 9}
	for name, want := range map[string]int32{
		"br0": 4, "br0:1": 4, "v1:0": 9, "v1:x": 2, "if7": 7, "nosuch": 0, "": 0, ":0": 0,
	} {
		if got := nameIndex(nil, byName, name); got != want {
			t.Errorf("nameIndex(nil, %q) = %d, want %d", name, got, want)
		}
	}
}
