package rtnames

import (
	"fmt"
	"strconv"
	"testing"
)

func TestDecimal(t *testing.T) {
	for _, n := range []uint32{0, 1, 9, 10, 42, 99, 100, 253, 999, 1000, 1000, 1099, 65535, 1 << 31, ^uint32(0)} {
		if got, want := Decimal(n), strconv.FormatUint(uint64(n), 10); got != want {
			t.Errorf("Decimal(%d) = %q, want %q", n, got, want)
		}
	}
	for n := uint32(0); n < 1000; n++ {
		if got, want := Decimal(n), strconv.FormatUint(uint64(n), 10); got != want {
			t.Fatalf("Decimal(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestDecimalNoAllocs(t *testing.T) {
	for n := uint32(1000); n < 1100; n++ {
		Decimal(n)
	}
	for _, n := range []uint32{7, 253, 999, 1000, 1099, 1234} {
		if a := testing.AllocsPerRun(10, func() { Decimal(n) }); a != 0 {
			t.Errorf("Decimal(%d): %v allocations, want 0", n, a)
		}
	}
}

func TestHex8(t *testing.T) {
	for n := 0; n < 256; n++ {
		if got, want := Hex8(uint8(n)), fmt.Sprintf("0x%02x", n); got != want {
			t.Fatalf("Hex8(%d) = %q, want %q", n, got, want)
		}
	}
}
