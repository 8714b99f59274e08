package brctl

import (
	"github.com/gipnet/gip/bridge"
	"strings"
	"testing"
)

func TestGetopt(t *testing.T) {
	tests := []struct {
		in   string
		act  int
		rest string
		msg  string
	}{
		{"", optNone, "", ""},
		{"show", optNone, "show", ""},
		{"show -h", optHelp, "", ""},
		{"-V show", optVersion, "", ""},
		{"--vers", optVersion, "", ""},
		{"--he", optHelp, "", ""},
		{"-Vx", optVersion, "", ""},
		{"-xV", optBad, "", "brctl: invalid option -- 'x'\nUnknown option '?'\n"},
		{"--foo", optBad, "", "brctl: unrecognized option '--foo'\nUnknown option '?'\n"},
		{"--help=1", optBad, "", "brctl: option '--help' doesn't allow an argument\nUnknown option '?'\n"},
		{"addbr -- -x", optNone, "addbr -x", ""},
		{"addbr - x", optNone, "addbr - x", ""},
	}
	for _, tt := range tests {
		act, rest, msg := getopt("brctl", strings.Fields(tt.in))
		if act != tt.act || strings.Join(rest, " ") != tt.rest || msg != tt.msg {
			t.Errorf("%q: got %d %q %q, want %d %q %q", tt.in, act, rest, msg, tt.act, tt.rest, tt.msg)
		}
	}
}

func TestScanInt(t *testing.T) {
	tests := []struct {
		in   string
		want int32
		ok   bool
	}{
		{"10", 10, true}, {"0x1000", 4096, true}, {"070000", 28672, true}, {" -5", -5, true},
		{"12abc", 12, true}, {"x", 0, false}, {"", 0, false}, {"0x", 0, true}, {"-", 0, false}, {"09", 0, true},
	}
	for _, tt := range tests {
		got, ok := scanInt(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("scanInt(%q) = %d %v, want %d %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestCentiseconds(t *testing.T) {
	tests := []struct {
		in   string
		want uint64
		ok   bool
	}{
		{"15", 1500, true}, {"0.5", 50, true}, {"123.456", 12345, true}, {"1x", 100, true},
		{"abc", 0, false}, {".", 0, false}, {"2e1", 2000, true}, {" 3", 300, true},
	}
	for _, tt := range tests {
		got, ok := centiseconds(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("centiseconds(%q) = %d %v, want %d %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

// FuzzArgs checks that reading brctl's arguments never panics and that a
// bad option is always reported with getopt's trailer.
func FuzzArgs(f *testing.F) {
	for _, s := range []string{"show", "-h", "--vers", "addbr -- -x", "-xV", "setfd br0 1.5", "setbridgeprio br0 0x10"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		words := strings.Split(s, " ")
		act, rest, msg := getopt("brctl", words)
		if act == optBad && !strings.HasSuffix(msg, "Unknown option '?'\n") {
			t.Fatalf("bad option message %q", msg)
		}
		if act == optNone && len(rest) > len(words) {
			t.Fatalf("rest longer than input")
		}
		for _, w := range words {
			scanInt(w)
			centiseconds(w)
			onOff(w)
			bridge.IfreqName(w)
		}
	})
}
