package cnum

import "math"

// Uint is iproute2's get_unsigned and get_u64/get_u32/get_u16/get_u8 with
// max the largest value of the type: all of s must be one Strtoul number
// of base that did not overflow and is no larger than max. "-0" is 0, and a
// negative number is its value modulo 2^64, as with strtoul.
func Uint(s string, base int, max uint64) (uint64, bool) {
	v, rest, digits, overflow := Strtoul(s, base)
	if !digits || rest != "" || overflow || v > max {
		return 0, false
	}
	return v, true
}

// Uint32 is iproute2's get_u32 and get_unsigned: Uint up to 2^32-1.
func Uint32(s string, base int) (uint32, bool) {
	v, ok := Uint(s, base, math.MaxUint32)
	return uint32(v), ok
}

// Int is iproute2's get_integer: all of s must be one Strtol number of base
// that fits a C int.
func Int(s string, base int) (int32, bool) {
	v, rest, digits, overflow := Strtol(s, base)
	if !digits || rest != "" || overflow || v < math.MinInt32 || v > math.MaxInt32 {
		return 0, false
	}
	return int32(v), true
}

// Atoi is C's atoi, (int)strtol(s, NULL, 10): the number at the start of
// s, 0 when there is none, with whatever follows it ignored and the long
// value cut to a C int.
func Atoi(s string) int32 {
	v, _, _, _ := Strtol(s, 10)
	return int32(v)
}
