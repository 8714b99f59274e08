package vrf

import (
	"bytes"
	"testing"
)

// TestRequests: the bodies iproute2 6.1 sends for `ip vrf show lo` (and
// exec, pids) and for `ip vrf show` (strace -e sendto,sendmsg -xx, after
// the netlink header).
func TestRequests(t *testing.T) {
	if got, want := LinkRequest(0, "lo"), []byte{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
		7, 0, 3, 0, 'l', 'o', 0, 0}; !bytes.Equal(got, want) {
		t.Errorf("LinkRequest(lo) = %v, want %v", got, want)
	}
	if got, want := DumpRequest(), []byte{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
		12, 0, 18, 0, 7, 0, 1, 0, 'v', 'r', 'f', 0}; !bytes.Equal(got, want) {
		t.Errorf("DumpRequest() = %v, want %v", got, want)
	}
}

// TestLinkInfo reads a VRF's kind and table from a link's attributes.
func TestLinkInfo(t *testing.T) {
	data := appendAttr(nil, iflaVRFTable, []byte{10, 0, 0, 0})
	li := append(appendAttr(nil, 1, []byte("vrf\x00")), appendAttr(nil, 2, data)...)
	attrs := appendAttr(appendAttr(nil, 3, []byte("red\x00")), 18, li)
	kind, table, hasData := LinkInfo(attrs)
	if kind != "vrf" || table != 10 || !hasData {
		t.Errorf("LinkInfo = %q %d %v", kind, table, hasData)
	}
	if kind, _, _ := LinkInfo([]byte{1, 2, 3}); kind != "" {
		t.Errorf("LinkInfo(garbage) kind %q", kind)
	}
}

func TestDecode(t *testing.T) {
	data := appendAttr(nil, iflaVRFTable, []byte{10, 0, 0, 0})
	li := append(appendAttr(nil, 1, []byte("vrf\x00")), appendAttr(nil, 2, data)...)
	hdr := []byte{0, 0, 0, 0, 7, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0} // index 7
	body := appendAttr(appendAttr(hdr, 3, []byte("red\x00")), 18, li)
	if v, ok := Decode(body); !ok || v != (VRF{Name: "red", Index: 7, Table: 10}) {
		t.Errorf("Decode = %+v %v", v, ok)
	}
	noName := appendAttr(append([]byte(nil), hdr...), 18, li)
	if v, ok := Decode(noName); ok {
		t.Errorf("a VRF without a name: %+v", v)
	}
	if _, ok := Decode(hdr[:15]); ok {
		t.Error("a short message decoded")
	}
}
