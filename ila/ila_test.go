package ila

import (
	"fmt"
	"testing"
)

func TestRoundTrip(t *testing.T) {
	m := Mapping{LocatorMatch: 1, HasLocatorMatch: true, CsumMode: 3, HasCsumMode: true, IfIndex: -1, HasIfIndex: true}
	if back, ok := Parse(Request(CmdAdd, m)); !ok || back != m {
		t.Errorf("%+v", back)
	}
	if CsumModeName(3) != "neutral-map-auto" || IdentTypeName(32) != "use-format" || IdentTypeName(9) != "unknown" {
		t.Error("names")
	}
}

func ExampleRequest() {
	fmt.Printf("% x\n", Request(CmdDel, Mapping{IdentType: 1, HasIdentType: true}))
	// Output: 02 01 00 00 05 00 08 00 01 00 00 00
}

// FuzzParse: the decoder takes any body.
func FuzzParse(f *testing.F) {
	f.Add(Request(CmdAdd, Mapping{HasLocator: true}))
	f.Fuzz(func(t *testing.T, b []byte) { Parse(b) })
}
