package bridgecmd

import (
	"bytes"
	"testing"
)

func TestParseMAC(t *testing.T) {
	tests := []struct {
		in   string
		want []byte
	}{
		{"02:00:00:00:00:77", []byte{2, 0, 0, 0, 0, 0x77}},
		{"2:0:0:0:0:9b", []byte{2, 0, 0, 0, 0, 0x9b}},
		{"02:00:00:00:00:77x", []byte{2, 0, 0, 0, 0, 0x77}},
		{"0x:11:22:33:44:55", []byte{0, 0x11, 0x22, 0x33, 0x44, 0x55}},
		{"99999999999999999999:1:2:3:4:5", []byte{0xff, 1, 2, 3, 4, 5}},
		{"-1: 2:3:4:5:6", []byte{0xff, 2, 3, 4, 5, 6}},
		{"zz", nil}, {"02:00:00:00:00", nil}, {"02:00:00:00:00:", nil}, {"02:0g:00:00:00:01", nil},
		{"1 :2:3:4:5:6", nil}, {"0xg:1:2:3:4:5", nil},
	}
	for _, tt := range tests {
		got, ok := parseMAC(tt.in)
		if ok != (tt.want != nil) || !bytes.Equal(got, tt.want) {
			t.Errorf("parseMAC(%q) = %x %v, want %x", tt.in, got, ok, tt.want)
		}
	}
}

// TestStrtoulEnd checks fdb's port/vni reading, strtoul where only *end is
// tested: "" is 0, but blanks or a sign alone leave end at the start.
func TestStrtoulEnd(t *testing.T) {
	tests := []struct {
		in   string
		want uint64
		ok   bool
	}{
		{"4790", 4790, true}, {"0x10", 16, true}, {"010", 8, true}, {"x", 0, false},
		{"12x", 12, false}, {"-1", ^uint64(0), true}, {"0", 0, true}, {" 5", 5, true},
		{"", 0, true}, {" ", 0, false}, {"+", 0, false},
	}
	for _, tt := range tests {
		got, ok := strtoulEnd(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("strtoulEnd(%q) = %d %v, want %d %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}
