package rtnl

import "testing"

// TestAttrFits holds addattr_l's arithmetic against lengths where
// iproute2 6.1 was seen to print its line: a link name of 1012 bytes in
// ll_link_get's request (40 bytes before it), an lladdr destination of 253
// bytes in ip neigh's (28 before it).
func TestAttrFits(t *testing.T) {
	for _, tt := range []struct {
		msgLen, payload, bound int
		want                   bool
	}{
		{40, 1011 + 1, LinkReqBound, true},
		{40, 1012 + 1, LinkReqBound, false},
		{32, 1019 + 1, LinkReqBound, true},
		{32, 1020 + 1, LinkReqBound, false},
		{28, 252, NeighReqBound, true},
		{28, 253, NeighReqBound, false},
		{29, 0, 36, true}, // the message length is aligned first
		{33, 0, 40, true},
		{34, 1, 40, false},
	} {
		if got := AttrFits(tt.msgLen, tt.payload, tt.bound); got != tt.want {
			t.Errorf("AttrFits(%d, %d, %d) = %v, want %v", tt.msgLen, tt.payload, tt.bound, got, tt.want)
		}
	}
	var lines []string
	c := &Conn{Warn: func(s string) { lines = append(lines, s) }}
	if !c.ExceedsBound(40, 2000, LinkReqBound) || c.ExceedsBound(40, 10, LinkReqBound) {
		t.Error("ExceedsBound disagrees with AttrFits")
	}
	if len(lines) != 1 || lines[0] != "addattr_l ERROR: message exceeded bound of 1056" {
		t.Errorf("ExceedsBound printed %q", lines)
	}
	var nilConn *Conn
	if !nilConn.ExceedsBound(0, 2000, AddrReqBound) {
		t.Error("a nil Conn must still report the overflow")
	}
}

// The lines libnetlink prints for a refused attribute and a refused raw
// block name the bound.
func TestExceededBoundLines(t *testing.T) {
	if got, want := ExceededBound(1056), "addattr_l ERROR: message exceeded bound of 1056"; got != want {
		t.Errorf("ExceededBound = %q, want %q", got, want)
	}
	if got, want := ExceededRawBound(1024), "addraw_l ERROR: message exceeded bound of 1024"; got != want {
		t.Errorf("ExceededRawBound = %q, want %q", got, want)
	}
}
