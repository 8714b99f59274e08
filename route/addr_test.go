package route

import (
	"strconv"
	"testing"
)

// The fast formatters agree with strconv for every value.
func TestAppendByteDecimalHex16(t *testing.T) {
	for v := 0; v <= 0xffff; v++ {
		if v <= 0xff {
			if got, want := string(appendByteDecimal(nil, byte(v))), strconv.Itoa(v); got != want {
				t.Fatalf("appendByteDecimal(%d) = %q, want %q", v, got, want)
			}
		}
		if got, want := string(appendHex16(nil, uint16(v))), strconv.FormatUint(uint64(v), 16); got != want {
			t.Fatalf("appendHex16(%#x) = %q, want %q", v, got, want)
		}
	}
}
