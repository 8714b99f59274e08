package ioam

import (
	"bytes"
	"fmt"
	"testing"
)

func TestRoundTrip(t *testing.T) {
	ns := Namespace{ID: 4, Data: 7, HasData: true, DataWide: 0x123456789abcdef0, HasDataWide: true}
	m, ok := Parse(AddNamespaceRequest(ns))
	if got := m.Namespace(); !ok || got != ns {
		t.Errorf("namespace: %+v", got)
	}
	sc := Schema{ID: 7, Data: []byte("abcd")}
	m, _ = Parse(AddSchemaRequest(sc))
	if got := m.Schema(); got.ID != 7 || !bytes.Equal(got.Data, sc.Data) || got.HasNamespace {
		t.Errorf("schema: %+v", got)
	}
}

func ExampleSetSchemaRequest() {
	fmt.Printf("% x\n", SetSchemaRequest(1, 0, true))
	// Output: 07 01 00 00 06 00 01 00 01 00 00 00 04 00 06 00
}

// FuzzParse: the decoder takes any body.
func FuzzParse(f *testing.F) {
	f.Add(AddSchemaRequest(Schema{ID: 1, Data: []byte("x")}))
	f.Fuzz(func(t *testing.T, b []byte) {
		if m, ok := Parse(b); ok {
			m.Namespace()
			m.Schema()
		}
	})
}
