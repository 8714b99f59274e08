package cnum

import (
	"math"
	"regexp"
	"strconv"
	"testing"
)

// strtodSyntax is the part of strtod's grammar that strconv.ParseFloat
// reads the same way: a sign, then a decimal number with an optional
// exponent, a hexadecimal one with a binary exponent (ParseFloat wants
// the exponent, strtod does not), or inf, infinity and nan in any case.
var strtodSyntax = regexp.MustCompile(`^[+-]?(([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?|0[xX]([0-9a-fA-F]+\.?[0-9a-fA-F]*|\.[0-9a-fA-F]+)[pP][+-]?[0-9]+|(?i:inf|infinity|nan))$`)

// FuzzScanFloatStrtod checks ScanFloat against strconv.ParseFloat where
// both read the same syntax: a word that ParseFloat reads whole, with
// blanks before it and, after it, a byte that cannot continue a number,
// scans to the same value (bit for bit, but any NaN is a NaN), out of
// range included (strtod's ±HUGE_VAL and its denormals, as ParseFloat
// gives them with its range error). Every other input must simply not
// panic.
func FuzzScanFloatStrtod(f *testing.F) {
	for _, tt := range scanFloatGlibc {
		f.Add(tt.in, "")
	}
	for _, s := range []string{"1e308", "1e309", "-1e-400", "4.9e-324", "2.4703282292062328e-324", "0x1p-1074", "0x1.fffffffffffff8p1023",
		"123456789012345678901234567890", ".000000000000000000000000000001e30", "0x.8p1", "-Infinity", "+NaN", "00012.5e-0003"} {
		f.Add(s, " z")
	}
	f.Add("1.5", "\t\n\v\f\r")
	f.Fuzz(func(t *testing.T, s, tail string) {
		got, ok := ScanFloat(s + tail)
		if !strtodSyntax.MatchString(s) {
			return
		}
		want, err := strconv.ParseFloat(s, 64)
		if err != nil {
			if ne, isNum := err.(*strconv.NumError); !isNum || ne.Err != strconv.ErrRange {
				return
			}
		}
		// The tail must end the number for the comparison to hold.
		if tail != "" {
			switch c := tail[0]; {
			case isDigit(c), digitValue(c) < 16, c == '.', c == 'e', c == 'E', c == 'p', c == 'P', c == 'x', c == 'X',
				c == 'i', c == 'I', c == 'n', c == 'N', c == '(', c == '+', c == '-':
				return
			}
		}
		got2, ok2 := ScanFloat(" \t" + s + tail)
		if !ok || !ok2 {
			t.Fatalf("ScanFloat(%q) refused what ParseFloat reads as %v", s+tail, want)
		}
		for _, g := range []float64{got, got2} {
			if math.IsNaN(want) != math.IsNaN(g) || !math.IsNaN(want) && math.Float64bits(g) != math.Float64bits(want) {
				t.Fatalf("ScanFloat(%q) = %v (%#x), ParseFloat(%q) = %v (%#x)", s+tail, g, math.Float64bits(g), s, want, math.Float64bits(want))
			}
		}
	})
}
