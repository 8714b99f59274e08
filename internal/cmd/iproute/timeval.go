package iproute

import (
	"strconv"
	"strings"

	"github.com/gipnet/gip/internal/cnum"
)

// parseTimeRTT is iproute2's get_time_rtt: a number of milliseconds, bare
// (raw: the kernel's own units) or with a s/sec/secs or ms/msec/msecs unit;
// fractions round up.
func parseTimeRTT(s string) (val uint32, raw, ok bool) {
	var t float64
	var rest string
	if strings.IndexByte(s, '.') >= 0 {
		n := floatPrefix(s)
		if n == 0 {
			return 0, false, false
		}
		f, err := strconv.ParseFloat(strings.TrimLeft(s[:n], " \t"), 64)
		if err != nil || f < 0 {
			return 0, false, false
		}
		t, rest = f, s[n:]
	} else {
		v, r, digits, overflow := cnum.Strtoul(s, 0)
		if !digits || overflow {
			return 0, false, false
		}
		t, rest = float64(v), r
	}
	raw = true
	if rest != "" {
		raw = false
		switch f := cnum.EqualFold; {
		case f(rest, "s") || f(rest, "sec") || f(rest, "secs"):
			t *= 1000
		case f(rest, "ms") || f(rest, "msec") || f(rest, "msecs"):
		default:
			return 0, false, false
		}
	}
	if t >= 1<<32 {
		val = uint32(uint64(t))
	} else {
		val = uint32(t)
	}
	if float64(val) < t {
		val++
	}
	return val, raw, true
}

// floatPrefix is the length of the decimal number strtod would read at the
// start of s (blanks, sign, digits, fraction, exponent).
func floatPrefix(s string) int {
	i := 0
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	digits := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
		digits++
	}
	if i < len(s) && s[i] == '.' {
		i++
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
			digits++
		}
	}
	if digits == 0 {
		return 0
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		j := i + 1
		if j < len(s) && (s[j] == '+' || s[j] == '-') {
			j++
		}
		if j < len(s) && s[j] >= '0' && s[j] <= '9' {
			for j < len(s) && s[j] >= '0' && s[j] <= '9' {
				j++
			}
			i = j
		}
	}
	return i
}
