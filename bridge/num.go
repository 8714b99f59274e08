package bridge

import (
	"strconv"
	"strings"
)

const cSpace = " \t\n\v\f\r"

// scanInt is sscanf(s, "%i", &int): leading space, a sign, then a decimal,
// 0x hexadecimal or 0 octal number; anything after it is ignored. The value
// is truncated to a C int.
func scanInt(s string) (int32, bool) {
	t := strings.TrimLeft(s, cSpace)
	neg := false
	if t != "" && (t[0] == '+' || t[0] == '-') {
		neg = t[0] == '-'
		t = t[1:]
	}
	base := 10
	switch {
	case len(t) >= 2 && t[0] == '0' && (t[1] == 'x' || t[1] == 'X'):
		if len(t) > 2 && digitVal(t[2]) < 16 {
			base, t = 16, t[2:]
		} else {
			// "0x" with no hex digit: the 0 is the number.
			t = "0"
		}
	case len(t) >= 1 && t[0] == '0':
		base = 8
	}
	n := 0
	var v uint64
	for n < len(t) && digitVal(t[n]) < base {
		if v < 1<<60 {
			v = v*uint64(base) + uint64(digitVal(t[n]))
		} else {
			v = 1 << 63 // saturates as strtol does
		}
		n++
	}
	if n == 0 {
		return 0, false
	}
	if neg {
		return int32(-int64(v)), true
	}
	return int32(int64(v)), true
}

func digitVal(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'F':
		return int(c-'A') + 10
	}
	return 99
}

// scanFloat is sscanf(s, "%lf", &d): the longest prefix (after leading
// space) that reads as a number.
func scanFloat(s string) (float64, bool) {
	t := strings.TrimLeft(s, cSpace)
	end := 0
	i := 0
	if i < len(t) && (t[i] == '+' || t[i] == '-') {
		i++
	}
	digits := 0
	for i < len(t) && t[i] >= '0' && t[i] <= '9' {
		i, digits = i+1, digits+1
	}
	if i < len(t) && t[i] == '.' {
		i++
		for i < len(t) && t[i] >= '0' && t[i] <= '9' {
			i, digits = i+1, digits+1
		}
	}
	if digits == 0 {
		low := strings.ToLower(t)
		for _, w := range []string{"infinity", "inf", "nan"} {
			u := strings.TrimLeft(low, "+-")
			if strings.HasPrefix(u, w) {
				f, err := strconv.ParseFloat(t[:len(t)-len(u)+len(w)], 64)
				return f, err == nil
			}
		}
		return 0, false
	}
	end = i
	if i < len(t) && (t[i] == 'e' || t[i] == 'E') {
		j := i + 1
		if j < len(t) && (t[j] == '+' || t[j] == '-') {
			j++
		}
		k := j
		for k < len(t) && t[k] >= '0' && t[k] <= '9' {
			k++
		}
		if k > j {
			end = k
		}
	}
	f, err := strconv.ParseFloat(t[:end], 64)
	if err != nil {
		// Out of range: strtod gives ±HUGE_VAL or 0, which is what
		// ParseFloat returned with the error.
		return f, true
	}
	return f, true
}

// centiseconds is brctl's seconds argument in the kernel's clock_t units:
// strtotimeval, then __tv_to_jiffies with HZ 100.
func centiseconds(s string) (uint64, bool) {
	secs, ok := scanFloat(s)
	if !ok {
		return 0, false
	}
	sec := int64(secs)
	usec := int64(1000000 * (secs - float64(sec)))
	jif := uint64(1000000)*uint64(sec) + uint64(usec)
	return jif / 10000, true
}
