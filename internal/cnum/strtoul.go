package cnum

import "math"

// Strtoul reads a number at the start of s as C's strtoul(s, &end, base)
// does. base is 0 or 2 to 36. Leading C white space and one sign are
// skipped; for base 0 or 16 a "0x" or "0X" is a prefix only when a hex
// digit follows it (otherwise the "0" is the number and "x" is left), and
// for base 0 a leading "0" means octal. It returns the value, the unread
// rest of s, whether any digit was read and whether the value overflowed.
//
// As in C, a minus sign negates modulo 2^64 ("-1" is 2^64-1), an
// overflowed value is 2^64-1 whatever its sign, and with no digit rest is
// all of s (end points at the start, not past the blanks).
func Strtoul(s string, base int) (v uint64, rest string, digits, overflow bool) {
	mag, neg, rest, digits, overflow := scan(s, base)
	switch {
	case overflow:
		return math.MaxUint64, rest, digits, true
	case neg:
		return -mag, rest, digits, false
	}
	return mag, rest, digits, false
}

// Strtol reads a signed number at the start of s as C's strtol(s, &end,
// base) does: the syntax of Strtoul, but a value outside int64 overflows
// and saturates to math.MinInt64 or math.MaxInt64 by its sign.
func Strtol(s string, base int) (v int64, rest string, digits, overflow bool) {
	mag, neg, rest, digits, overflow := scan(s, base)
	switch {
	case neg && (overflow || mag > 1<<63):
		return math.MinInt64, rest, digits, true
	case neg:
		return int64(-mag), rest, digits, false
	case overflow || mag > math.MaxInt64:
		return math.MaxInt64, rest, digits, true
	}
	return int64(mag), rest, digits, false
}

// scan is the part strtoul and strtol share: the magnitude of the number
// at the start of s, whether it had a minus sign, the unread rest, whether
// any digit was read and whether the magnitude overflowed 64 bits.
func scan(s string, base int) (mag uint64, neg bool, rest string, digits, overflow bool) {
	i := skipSpace(s)
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		neg = s[i] == '-'
		i++
	}
	if (base == 0 || base == 16) && hasHexPrefix(s[i:]) {
		i += 2
		base = 16
	} else if base == 0 {
		base = 10
		if i < len(s) && s[i] == '0' {
			base = 8
		}
	}
	start := i
	for ; i < len(s); i++ {
		d := digitValue(s[i])
		if d >= base {
			break
		}
		if mag > (math.MaxUint64-uint64(d))/uint64(base) {
			overflow = true
		}
		mag = mag*uint64(base) + uint64(d)
	}
	if i == start {
		return 0, false, s, false, false
	}
	return mag, neg, s[i:], true, overflow
}

// hasHexPrefix reports whether s starts with "0x" or "0X" and a hex digit,
// the only case in which C's strtoul takes the "0x" as a base prefix.
func hasHexPrefix(s string) bool {
	return len(s) > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X') && digitValue(s[2]) < 16
}

// IsSpace is C's isspace in the C locale: blank, tab, newline, vertical
// tab, form feed and carriage return, the white space strtoul skips.
func IsSpace(c byte) bool { return c == ' ' || (c >= '\t' && c <= '\r') }

// TrimLeftSpace returns s without its leading IsSpace bytes.
func TrimLeftSpace(s string) string { return s[skipSpace(s):] }

// skipSpace returns the index of the first byte of s that is not IsSpace.
func skipSpace(s string) int {
	i := 0
	for i < len(s) && IsSpace(s[i]) {
		i++
	}
	return i
}

// digitValue is the value of c as a digit of base 36 or lower; 36 or more
// when c is not a digit at all.
func digitValue(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'z':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'Z':
		return int(c-'A') + 10
	}
	return 99
}
