package bridge

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
		{"zz", nil}, {"02:00:00:00:00", nil}, {"02:00:00:00:00:", nil}, {"02:0g:00:00:00:01", nil},
	}
	for _, tt := range tests {
		got, ok := parseMAC(tt.in)
		if ok != (tt.want != nil) || !bytes.Equal(got, tt.want) {
			t.Errorf("parseMAC(%q) = %x %v, want %x", tt.in, got, ok, tt.want)
		}
	}
}

func TestStrtoul(t *testing.T) {
	tests := []struct {
		in   string
		want uint64
		ok   bool
	}{
		{"4790", 4790, true}, {"0x10", 16, true}, {"010", 8, true}, {"x", 0, false},
		{"12x", 12, false}, {"-1", ^uint64(0), true}, {"0", 0, true},
	}
	for _, tt := range tests {
		got, ok := strtoul(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("strtoul(%q) = %d %v, want %d %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}
