package cnum

import (
	"fmt"
	"testing"
)

// readers are the package's number readers, each showing its results for
// a word and a base as one string, so that one table checks them all.
var readers = map[string]func(s string, base int) string{
	"Strtoul": func(s string, base int) string {
		v, rest, digits, overflow := Strtoul(s, base)
		return fmt.Sprintf("%d %q %v %v", v, rest, digits, overflow)
	},
	"Strtol": func(s string, base int) string {
		v, rest, digits, overflow := Strtol(s, base)
		return fmt.Sprintf("%d %q %v %v", v, rest, digits, overflow)
	},
	"ScanUint": func(s string, base int) string {
		v, rest, ok := ScanUint(s, base)
		return fmt.Sprintf("%d %q %v", v, rest, ok)
	},
	"ScanInt": func(s string, base int) string {
		v, rest, ok := ScanInt(s, base)
		return fmt.Sprintf("%d %q %v", v, rest, ok)
	},
	"Uint8":  func(s string, base int) string { return fmt.Sprint(Uint(s, base, 255)) },
	"Uint32": func(s string, base int) string { return fmt.Sprint(Uint32(s, base)) },
	"Uint64": func(s string, base int) string { return fmt.Sprint(Uint(s, base, 1<<64-1)) },
	"Int":    func(s string, base int) string { return fmt.Sprint(Int(s, base)) },
	"Atoi":   func(s string, _ int) string { return fmt.Sprint(Atoi(s)) },
}

// TestNumbers holds the number readers to glibc 2.36: every row is what
// strtoul, strtol, sscanf or atoi (and iproute2's get_u32, get_integer on
// them) give for the word, checked with a C program. Strtoul and Strtol
// show value, rest, digits read, overflow; the scanf readers value, rest,
// converted; the whole-word readers value and success.
func TestNumbers(t *testing.T) {
	for _, tt := range []struct {
		reader, in string
		base       int
		want       string
	}{
		// Bases: 0 picks 8 for a leading 0 and 16 for 0x with a hex digit.
		{"Strtoul", "4790", 0, `4790 "" true false`},
		{"Strtoul", "010", 0, `8 "" true false`},
		{"Strtoul", "010", 10, `10 "" true false`},
		{"Strtoul", "09", 0, `0 "9" true false`},
		{"Strtoul", "0x1f", 0, `31 "" true false`},
		{"Strtoul", "0X1F", 16, `31 "" true false`},
		{"Strtoul", "1f", 16, `31 "" true false`},
		{"Strtoul", "z", 36, `35 "" true false`},
		{"Strtoul", "0x1f", 10, `0 "x1f" true false`},
		// "0x" is a prefix only when a hex digit follows.
		{"Strtoul", "0x", 0, `0 "x" true false`},
		{"Strtoul", "0xg", 16, `0 "xg" true false`},
		{"Strtoul", "0x0x1", 16, `0 "x1" true false`},
		// Leading C white space and one sign; minus wraps modulo 2^64.
		{"Strtoul", " \t\n\v\f\r5", 0, `5 "" true false`},
		{"Strtoul", "  +5", 0, `5 "" true false`},
		{"Strtoul", "-0", 0, `0 "" true false`},
		{"Strtoul", "-1", 0, `18446744073709551615 "" true false`},
		{"Strtoul", "-0x10", 0, `18446744073709551600 "" true false`},
		{"Strtoul", "-18446744073709551615", 0, `1 "" true false`},
		// Overflow: 2^64-1 whatever the sign.
		{"Strtoul", "18446744073709551615", 0, `18446744073709551615 "" true false`},
		{"Strtoul", "18446744073709551616", 0, `18446744073709551615 "" true true`},
		{"Strtoul", "-18446744073709551616", 0, `18446744073709551615 "" true true`},
		{"Strtoul", "0xffffffffffffffff1", 0, `18446744073709551615 "" true true`},
		// No digits: the rest is the whole word, as C's end pointer.
		{"Strtoul", "12x", 0, `12 "x" true false`},
		{"Strtoul", "1.2", 0, `1 ".2" true false`},
		{"Strtoul", "", 0, `0 "" false false`},
		{"Strtoul", " ", 0, `0 " " false false`},
		{"Strtoul", "+", 0, `0 "+" false false`},
		{"Strtoul", " -x", 0, `0 " -x" false false`},
		{"Strtoul", "+-1", 0, `0 "+-1" false false`},
		{"Strtoul", "- 1", 0, `0 "- 1" false false`},
		// strtol saturates by the sign.
		{"Strtol", "-5", 0, `-5 "" true false`},
		{"Strtol", " +0x10", 0, `16 "" true false`},
		{"Strtol", "-010", 0, `-8 "" true false`},
		{"Strtol", "9223372036854775807", 0, `9223372036854775807 "" true false`},
		{"Strtol", "9223372036854775808", 0, `9223372036854775807 "" true true`},
		{"Strtol", "-9223372036854775808", 0, `-9223372036854775808 "" true false`},
		{"Strtol", "-9223372036854775809", 0, `-9223372036854775808 "" true true`},
		{"Strtol", "-99999999999999999999", 0, `-9223372036854775808 "" true true`},
		{"Strtol", "7 ", 0, `7 " " true false`},
		{"Strtol", "-", 0, `0 "-" false false`},
		// scanf takes the x of "0x" even without a hex digit after it.
		{"ScanUint", "1f", 16, `31 "" true`},
		{"ScanUint", "0x1f:2", 16, `31 ":2" true`},
		{"ScanUint", "0x", 16, `0 "" true`},
		{"ScanUint", "0xg", 16, `0 "g" true`},
		{"ScanUint", "0x:1", 16, `0 ":1" true`},
		{"ScanUint", "0xg", 0, `0 "g" true`},
		{"ScanUint", "  +0x1f", 10, `0 "x1f" true`},
		{"ScanUint", "010", 10, `10 "" true`},
		{"ScanUint", "-1", 16, `18446744073709551615 "" true`},
		{"ScanUint", "99999999999999999999", 16, `18446744073709551615 "" true`},
		{"ScanUint", "100000000", 16, `4294967296 "" true`},
		{"ScanUint", "12abc", 10, `12 "abc" true`},
		{"ScanUint", "- 1", 16, `0 "- 1" false`},
		{"ScanUint", "", 16, `0 "" false`},
		{"ScanUint", "g", 16, `0 "g" false`},
		{"ScanInt", "0x1000", 0, `4096 "" true`},
		{"ScanInt", "070000", 0, `28672 "" true`},
		{"ScanInt", " -5", 0, `-5 "" true`},
		{"ScanInt", "09", 0, `0 "9" true`},
		{"ScanInt", "0x", 0, `0 "" true`},
		{"ScanInt", "-99999999999999999999", 0, `-9223372036854775808 "" true`},
		{"ScanInt", "-", 0, `0 "-" false`},
		// get_u8, get_u32, get_u64: the whole word, no overflow, at most max.
		{"Uint8", "0x1f", 0, "31 true"},
		{"Uint8", " 5", 0, "5 true"},
		{"Uint8", "+5", 0, "5 true"},
		{"Uint8", "-0", 0, "0 true"},
		{"Uint8", "256", 0, "0 false"},
		{"Uint8", "0x", 0, "0 false"},
		{"Uint8", "5 ", 0, "0 false"},
		{"Uint8", "5x", 0, "0 false"},
		{"Uint8", "", 0, "0 false"},
		{"Uint8", " ", 0, "0 false"},
		{"Uint32", "4294967295", 0, "4294967295 true"},
		{"Uint32", "4294967296", 0, "0 false"},
		{"Uint32", "-1", 0, "0 false"},
		{"Uint32", "-18446744073709551615", 0, "1 true"},
		{"Uint32", "010", 10, "10 true"},
		{"Uint64", "-1", 0, "18446744073709551615 true"},
		{"Uint64", "18446744073709551616", 0, "0 false"},
		// get_integer: the whole word, a C int.
		{"Int", "-5", 0, "-5 true"},
		{"Int", " +0x10", 0, "16 true"},
		{"Int", "0X1f", 0, "31 true"},
		{"Int", "-010", 0, "-8 true"},
		{"Int", "2147483647", 0, "2147483647 true"},
		{"Int", "-2147483648", 0, "-2147483648 true"},
		{"Int", "2147483648", 0, "0 false"},
		{"Int", "-2147483649", 0, "0 false"},
		{"Int", "99999999999999999999", 0, "0 false"},
		{"Int", "--5", 0, "0 false"},
		{"Int", "- 5", 0, "0 false"},
		{"Int", "08", 0, "0 false"},
		{"Int", "0x", 0, "0 false"},
		{"Int", "auto", 0, "0 false"},
		{"Int", "", 0, "0 false"},
		// atoi: strtol's long cut to an int, 0 without digits.
		{"Atoi", " -7x", 10, "-7"},
		{"Atoi", "010", 10, "10"},
		{"Atoi", "0x10", 10, "0"},
		{"Atoi", "", 10, "0"},
		{"Atoi", "4294967297", 10, "1"},
		{"Atoi", "99999999999", 10, "1215752191"},
		{"Atoi", "99999999999999999999", 10, "-1"},
		{"Atoi", "-99999999999999999999", 10, "0"},
	} {
		if got := readers[tt.reader](tt.in, tt.base); got != tt.want {
			t.Errorf("%s(%q, %d) = %s, want %s", tt.reader, tt.in, tt.base, got, tt.want)
		}
	}
}
