package brctl

import "github.com/gipnet/gip/internal/cnum"

// scanInt is sscanf(s, "%i", &int): ScanInt's value cut to a C int;
// anything after the number is ignored.
func scanInt(s string) (int32, bool) {
	v, _, ok := cnum.ScanInt(s, 0)
	return int32(v), ok
}

// centiseconds is brctl's seconds argument in the kernel's clock_t units:
// strtotimeval, then __tv_to_jiffies with HZ 100.
func centiseconds(s string) (uint64, bool) {
	secs, ok := cnum.ScanFloat(s)
	if !ok {
		return 0, false
	}
	sec := int64(secs)
	usec := int64(1000000 * (secs - float64(sec)))
	jif := uint64(1000000)*uint64(sec) + uint64(usec)
	return jif / 10000, true
}
