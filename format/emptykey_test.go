package format

import (
	"bytes"
	"testing"
)

// TestUintEmptyKey: iproute2's json_writer writes a member with an empty
// name for a "" key (ip ioam's schema data bytes).
func TestUintEmptyKey(t *testing.T) {
	for _, tc := range []struct {
		o    Options
		want string
	}{
		{Options{}, "d: 61 62\n"},
		{Options{JSON: true}, `[{"d":null,"":97,"":98}]` + "\n"},
		{Options{JSON: true, Pretty: true}, "[ {\n        \"d\": null,\n        \"\": 97,\n        \"\": 98\n    } ]\n"},
	} {
		var b bytes.Buffer
		p := New(&b, tc.o)
		p.Begin()
		p.OpenObject("")
		p.Null(Any, "d", "d:", "")
		p.UintEmptyKey(Any, " %02x", 0x61)
		p.UintEmptyKey(Any, " %02x", 0x62)
		p.Text("\n")
		p.CloseObject()
		p.End()
		p.Flush()
		if b.String() != tc.want {
			t.Errorf("%+v: got %q want %q", tc.o, b.String(), tc.want)
		}
	}
}
