package bridge

import (
	"strconv"
	"strings"

	"github.com/gipnet/gip/internal/cnum"
)

// scanInt is sscanf(s, "%i", &int): ScanInt's value cut to a C int;
// anything after the number is ignored.
func scanInt(s string) (int32, bool) {
	v, _, ok := cnum.ScanInt(s, 0)
	return int32(v), ok
}

// scanFloat is sscanf(s, "%lf", &d): the longest prefix (after leading
// space) that reads as a number.
func scanFloat(s string) (float64, bool) {
	t := cnum.TrimLeftSpace(s)
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
