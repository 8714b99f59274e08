package cnum

import (
	"math"
	"strconv"
)

// ScanFloat is glibc's sscanf(s, "%lf", &d): blanks, one sign, then a
// decimal number (an exponent without digits is left out), a hexadecimal
// one ("0x" with hex digits or a point, then an optional binary exponent),
// "nan" or "inf"/"infinity", the names in any ASCII case. It reports
// whether scanf counted the conversion. glibc refuses what strtod would
// cut short: "0x" with neither digit nor point, and "inf" followed by a
// partial "inity" ("infin"). Only bytes are looked at, so any input,
// invalid UTF-8 included, is safe.
func ScanFloat(s string) (float64, bool) {
	t := TrimLeftSpace(s)
	i := 0
	neg := false
	if i < len(t) && (t[i] == '+' || t[i] == '-') {
		neg = t[i] == '-'
		i++
	}
	sign := func(f float64) float64 {
		if neg {
			return -f
		}
		return f
	}
	r := t[i:]
	switch {
	case HasPrefixFold(r, "nan"):
		return sign(math.NaN()), true
	case HasPrefixFold(r, "inf"):
		if r = r[3:]; r != "" && lower(r[0]) == 'i' && !HasPrefixFold(r, "inity") {
			return 0, false
		}
		return sign(math.Inf(1)), true
	case len(r) >= 2 && r[0] == '0' && lower(r[1]) == 'x':
		return scanHexFloat(r[2:], sign)
	}
	j := i
	digits := 0
	for j < len(t) && isDigit(t[j]) {
		j, digits = j+1, digits+1
	}
	if j < len(t) && t[j] == '.' {
		j++
		for j < len(t) && isDigit(t[j]) {
			j, digits = j+1, digits+1
		}
	}
	if digits == 0 {
		return 0, false
	}
	end := j
	if j < len(t) && lower(t[j]) == 'e' {
		k := j + 1
		if k < len(t) && (t[k] == '+' || t[k] == '-') {
			k++
		}
		if k < len(t) && isDigit(t[k]) {
			for k < len(t) && isDigit(t[k]) {
				k++
			}
			end = k
		}
	}
	// Out of range, ParseFloat returns what strtod does (±HUGE_VAL, or
	// 0 and the denormals) along with its error.
	f, _ := strconv.ParseFloat(t[:end], 64)
	return f, true
}

// scanHexFloat reads the part of a hexadecimal float after "0x".
func scanHexFloat(r string, sign func(float64) float64) (float64, bool) {
	j, digits, point := 0, 0, false
	for j < len(r) && digitValue(r[j]) < 16 {
		j, digits = j+1, digits+1
	}
	if j < len(r) && r[j] == '.' {
		j, point = j+1, true
		for j < len(r) && digitValue(r[j]) < 16 {
			j, digits = j+1, digits+1
		}
	}
	if digits == 0 {
		if !point {
			return 0, false
		}
		return sign(0), true
	}
	mant := r[:j]
	exp := "p0"
	if j < len(r) && lower(r[j]) == 'p' {
		k := j + 1
		if k < len(r) && (r[k] == '+' || r[k] == '-') {
			k++
		}
		if k < len(r) && isDigit(r[k]) {
			for k < len(r) && isDigit(r[k]) {
				k++
			}
			exp = "p" + r[j+1:k]
		}
	}
	f, _ := strconv.ParseFloat("0x"+mant+exp, 64)
	return sign(f), true
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// lower is C's tolower in the C locale: ASCII letters only.
func lower(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// EqualFold is strcasecmp(a, b) == 0 in the C locale: only ASCII letters
// fold, every other byte must be equal (so, unlike strings.EqualFold, "ſ"
// is not "s" and "K" (Kelvin) is not "k").
func EqualFold(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		if lower(a[i]) != lower(b[i]) {
			return false
		}
	}
	return true
}

// HasPrefixFold is strncasecmp(s, prefix, strlen(prefix)) == 0: s starts
// with prefix, ASCII letters compared in either case.
func HasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && EqualFold(s[:len(prefix)], prefix)
}
