package cnum

// ScanUint reads an integer at the start of s as glibc's sscanf does for
// an unsigned conversion: %u (base 10), %o (8), %x (16), or base 0. It
// returns the value strtoul gives for what scanf consumed (the caller
// truncates it to its C type, as scanf's store does: "-1" read by %hhx is
// 255), the rest of s after it, and whether a number was read (sscanf
// counted the conversion).
//
// scanf's syntax is Strtoul's but for one thing: after "0", an "x" is
// consumed for base 0 or 16 even when no hex digit follows, so "0xg"
// reads 0 and leaves "g" where strtoul leaves "xg".
func ScanUint(s string, base int) (v uint64, rest string, ok bool) {
	num, rest, base, ok := scanfNumber(s, base)
	v, _, _, _ = Strtoul(num, base)
	return v, rest, ok
}

// ScanInt is ScanUint for the signed conversions %d (base 10) and %i (base
// 0): the value is strtol's, saturated to int64.
func ScanInt(s string, base int) (v int64, rest string, ok bool) {
	num, rest, base, ok := scanfNumber(s, base)
	v, _, _, _ = Strtol(num, base)
	return v, rest, ok
}

// scanfNumber splits off the number glibc's scanf consumes at the start of
// s (leading blanks skipped, then a sign, "0", "x" and digits) and the base
// it settled on, for Strtoul or Strtol to give its value. Without a digit
// the number is "" (worth 0) and the rest all of s.
func scanfNumber(s string, base int) (num, rest string, numBase int, ok bool) {
	i := skipSpace(s)
	start := i
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	digits := 0
	if i < len(s) && s[i] == '0' {
		i++
		digits++
		if i < len(s) && (s[i] == 'x' || s[i] == 'X') && (base == 0 || base == 16) {
			i++
			base = 16
		} else if base == 0 {
			base = 8
		}
	}
	if base == 0 {
		base = 10
	}
	for i < len(s) && digitValue(s[i]) < base {
		i++
		digits++
	}
	if digits == 0 {
		return "", s, base, false
	}
	return s[start:i], s[i:], base, true
}
