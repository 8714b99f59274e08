package cnum

import (
	"math"
	"strings"
	"testing"

	"golang.org/x/sys/unix"
)

// scanFloatGlibc holds what glibc's sscanf(s, "%lf", &d) gave (whether it
// counted the conversion, and the bits of d) for each input, captured with
// a small C program on the reference system.
var scanFloatGlibc = []struct {
	in   string
	ok   bool
	bits uint64
}{
	{"0x", false, 0x0000000000000000},
	{"0x1A", true, 0x403a000000000000},
	{"1e", true, 0x3ff0000000000000},
	{"1e+", true, 0x3ff0000000000000},
	{"1e5", true, 0x40f86a0000000000},
	{"infin", false, 0x0000000000000000},
	{"inf", true, 0x7ff0000000000000},
	{"infinity", true, 0x7ff0000000000000},
	{"infinityx", true, 0x7ff0000000000000},
	{"nan", true, 0x7ff8000000000000},
	{"nan(12)", true, 0x7ff8000000000000},
	{"+-inf", false, 0x0000000000000000},
	{"-inf", true, 0xfff0000000000000},
	{" 12", true, 0x4028000000000000},
	{"0x.", true, 0x0000000000000000},
	{"0x.8", true, 0x3fe0000000000000},
	{"0x1p", true, 0x3ff0000000000000},
	{"0x1p3", true, 0x4020000000000000},
	{".", false, 0x0000000000000000},
	{"-.", false, 0x0000000000000000},
	{".5", true, 0x3fe0000000000000},
	{"1.", true, 0x3ff0000000000000},
	{"0X1a", true, 0x403a000000000000},
	{"InF", true, 0x7ff0000000000000},
	{"NaNx", true, 0x7ff8000000000000},
	{"0x1.8p1", true, 0x4008000000000000},
	{"1e400", true, 0x7ff0000000000000},
	{"1e-400", true, 0x0000000000000000},
	{"-1e400", true, 0xfff0000000000000},
	{"0xg", false, 0x0000000000000000},
	{"i", false, 0x0000000000000000},
	{"n", false, 0x0000000000000000},
	{"-", false, 0x0000000000000000},
	{"+", false, 0x0000000000000000},
	{"", false, 0x0000000000000000},
	{"e5", false, 0x0000000000000000},
	{"infi", false, 0x0000000000000000},
	{"infinit", false, 0x0000000000000000},
	{"na", false, 0x0000000000000000},
	{"0x.p1", true, 0x0000000000000000},
	{"0x1.", true, 0x3ff0000000000000},
	{"1.e5", true, 0x40f86a0000000000},
	{".e5", false, 0x0000000000000000},
	{"1e+x", true, 0x3ff0000000000000},
	{"-0x1", true, 0xbff0000000000000},
	{"+nan", true, 0x7ff8000000000000},
	{"-nan", true, 0xfff8000000000000},
	{"0x1P-2", true, 0x3fd0000000000000},
	{"00x1", true, 0x0000000000000000},
	{"1x", true, 0x3ff0000000000000},
	{"0x1pz", true, 0x3ff0000000000000},
	{"-0x", false, 0x0000000000000000},
	{"0X", false, 0x0000000000000000},
	{"0x.g", true, 0x0000000000000000},
	{"0xp1", false, 0x0000000000000000},
	{"  -inf", true, 0xfff0000000000000},
	{"\x095", true, 0x4014000000000000},
	{"\x0b5", true, 0x4014000000000000},
	{"nan\xa4\xa1", true, 0x7ff8000000000000},
	{"INF\xff\xff", true, 0x7ff0000000000000},
	{"infinity\xff", true, 0x7ff0000000000000},
	{"0xAp-1", true, 0x4014000000000000},
	{"0x1p99999", true, 0x7ff0000000000000},
	{"4.94e-324", true, 0x0000000000000001},
	{"2.5e-324", true, 0x0000000000000001},
	{"123456789012345678901234567890", true, 0x45f8ee90ff6c373e},
	{"0x123456789abcdef123", true, 0x44323456789abcdf},
	{"10", true, 0x4024000000000000},
	{"0.5", true, 0x3fe0000000000000},
	{"-0", true, 0x8000000000000000},
	{"-0x0", true, 0x8000000000000000},
	{"3.7", true, 0x400d99999999999a},
	{"15", true, 0x402e000000000000},
	{"1e-2", true, 0x3f847ae147ae147b},
	{"\xc5\xbf", false, 0x0000000000000000},
	{"in", false, 0x0000000000000000},
	{"infinitY", true, 0x7ff0000000000000},
	{"0x1p-1080", true, 0x0000000000000000},
}

func TestScanFloatGlibc(t *testing.T) {
	for _, tt := range scanFloatGlibc {
		f, ok := ScanFloat(tt.in)
		if ok != tt.ok {
			t.Errorf("ScanFloat(%q) ok = %v, want %v", tt.in, ok, tt.ok)
			continue
		}
		if !ok {
			continue
		}
		want := math.Float64frombits(tt.bits)
		if math.IsNaN(want) {
			if !math.IsNaN(f) || math.Signbit(f) != math.Signbit(want) {
				t.Errorf("ScanFloat(%q) = %v, want %v", tt.in, f, want)
			}
			continue
		}
		if math.Float64bits(f) != tt.bits {
			t.Errorf("ScanFloat(%q) = %v (%#x), want %v (%#x)", tt.in, f, math.Float64bits(f), want, tt.bits)
		}
	}
}

func TestEqualFold(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want bool
	}{
		{"testing", "TESTING", true},
		{"TeStInG", "testing", true},
		{"te\xc5\xbfting", "testing", false}, // U+017F folds to s in Unicode only
		{"\xe2\x84\xaa", "k", false},         // U+212A KELVIN SIGN
		{"", "", true},
		{"a", "", false},
		{"\xff", "\xff", true},
		{"\xc0", "\xe0", false}, // Latin-1 letters are not ASCII
		{"[", "{", false},
		{"@", "`", false},
	} {
		if got := EqualFold(tt.a, tt.b); got != tt.want {
			t.Errorf("EqualFold(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func FuzzScanFloat(f *testing.F) {
	for _, tt := range scanFloatGlibc {
		f.Add(tt.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		ScanFloat(s) // must not panic, whatever the bytes
	})
}

func TestGetAddrLinkLayer(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"medium", "\"medium\" is invalid lladdr.\nError: link address is expected rather than \"medium\"."},
		{"aa:zz:1", "\"zz\" is invalid lladdr.\nError: link address is expected rather than \"aa\"."},
		{"1.2.x", "\"1.2.x\" is invalid lladdr.\nError: link address is expected rather than \"1.2.x\"."},
		{"aa:-1", "\"-1\" is invalid lladdr.\nError: link address is expected rather than \"aa\"."},
		{"aa:", "\"\" is invalid lladdr.\nError: link address is expected rather than \"aa\"."},
		{"::", "\"\" is invalid lladdr.\nError: link address is expected rather than \"\"."},
		{"1.2.3.4.5", "\"1.2.3.4.5\" is invalid lladdr.\nError: link address is expected rather than \"1.2.3.4.5\"."},
	} {
		_, err := GetAddr(tt.in, 17) // AF_PACKET
		if err == nil || err.Error() != tt.want {
			t.Errorf("GetAddr(%q, AF_PACKET) = %v, want %q", tt.in, err, tt.want)
		}
	}
	// What ll_addr_a2n reads is an address of the family: up to 256
	// bytes, and one byte more (0) when the word has more pieces.
	for _, tt := range []struct {
		in   string
		want int
	}{{"aa:bb", 2}, {"10.0.0", 4}, {strings.Repeat("1:", 255) + "2", 256}, {strings.Repeat("1:", 300) + "2", 257}} {
		p, err := GetAddr(tt.in, unix.AF_PACKET)
		if err != nil || p.Family != unix.AF_PACKET || len(p.Bytes()) != tt.want || p.BitLen != 8*tt.want {
			t.Errorf("GetAddr(%.20q, AF_PACKET) = %d bytes, family %d, %v; want %d bytes", tt.in, len(p.Bytes()), p.Family, err, tt.want)
		}
	}
}
