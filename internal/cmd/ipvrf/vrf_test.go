package ipvrf

import (
	"bytes"
	"testing"
)

// TestRequests: the bodies iproute2 6.1 sends for `ip vrf show lo` (and
// exec, pids) and for `ip vrf show` (strace -e sendto,sendmsg -xx, after
// the netlink header).
func TestRequests(t *testing.T) {
	if got, want := linkRequest(0, "lo"), []byte{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
		7, 0, 3, 0, 'l', 'o', 0, 0}; !bytes.Equal(got, want) {
		t.Errorf("linkRequest(lo) = %v, want %v", got, want)
	}
	if got, want := showRequest(), []byte{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
		12, 0, 18, 0, 7, 0, 1, 0, 'v', 'r', 'f', 0}; !bytes.Equal(got, want) {
		t.Errorf("showRequest() = %v, want %v", got, want)
	}
}

// TestLinkInfo reads a VRF's kind and table from a link's attributes.
func TestLinkInfo(t *testing.T) {
	data := appendAttr(nil, iflaVRFTable, []byte{10, 0, 0, 0})
	li := append(appendAttr(nil, 1, []byte("vrf\x00")), appendAttr(nil, 2, data)...)
	attrs := appendAttr(appendAttr(nil, 3, []byte("red\x00")), 18, li)
	kind, table, hasData := linkInfo(attrs)
	if kind != "vrf" || table != 10 || !hasData {
		t.Errorf("linkInfo = %q %d %v", kind, table, hasData)
	}
	if kind, _, _ := linkInfo([]byte{1, 2, 3}); kind != "" {
		t.Errorf("linkInfo(garbage) kind %q", kind)
	}
}
