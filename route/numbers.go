package route

// strtoul is C's strtoul: leading blanks, an optional sign, a base prefix
// when base is 0 or 16; it returns the value, the unparsed rest, whether any
// digit was read and whether the value overflowed. A minus sign negates
// modulo 2^64, as C does.
func strtoul(s string, base int) (v uint64, rest string, digits, overflow bool) {
	i := 0
	for i < len(s) && (s[i] == ' ' || (s[i] >= '\t' && s[i] <= '\r')) {
		i++
	}
	neg := false
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		neg = s[i] == '-'
		i++
	}
	if (base == 0 || base == 16) && i+2 < len(s) && s[i] == '0' && (s[i+1] == 'x' || s[i+1] == 'X') &&
		digitVal(s[i+2]) < 16 {
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
		d := digitVal(s[i])
		if d >= base {
			break
		}
		if v > (^uint64(0)-uint64(d))/uint64(base) {
			overflow = true
		}
		v = v*uint64(base) + uint64(d)
	}
	if i == start {
		return 0, s, false, false
	}
	if overflow {
		v = ^uint64(0)
	} else if neg {
		v = -v
	}
	return v, s[i:], true, overflow
}

func digitVal(c byte) int {
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

// strtoulAll parses all of s with strtoul.
func strtoulAll(s string, base int) (uint64, bool) {
	v, rest, digits, overflow := strtoul(s, base)
	return v, digits && rest == "" && !overflow
}

// getUnsigned is iproute2's get_unsigned/get_u32: all of s, at most 2^32-1.
func getUnsigned(s string, base int) (uint32, bool) {
	v, ok := strtoulAll(s, base)
	if !ok || v > 0xffffffff {
		return 0, false
	}
	return uint32(v), true
}
