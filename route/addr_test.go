package route

import (
	"encoding/hex"
	"strconv"
	"testing"

	"golang.org/x/sys/unix"
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

// appendIPv6Ref is the straightforward inet_ntop AppendIPv6 replaced: the
// reference the fast one must agree with.
func appendIPv6Ref(dst []byte, b []byte) []byte {
	var w [8]uint16
	for i := range w {
		w[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
	}
	bestBase, bestLen := -1, 0
	for i := 0; i < 8; {
		if w[i] != 0 {
			i++
			continue
		}
		j := i
		for j < 8 && w[j] == 0 {
			j++
		}
		if j-i > bestLen {
			bestBase, bestLen = i, j-i
		}
		i = j
	}
	if bestLen < 2 {
		bestBase = -1
	}
	for i := 0; i < 8; i++ {
		if bestBase >= 0 && i >= bestBase && i < bestBase+bestLen {
			if i == bestBase {
				dst = append(dst, ':')
			}
			continue
		}
		if i != 0 {
			dst = append(dst, ':')
		}
		if i == 6 && bestBase == 0 && (bestLen == 6 || (bestLen == 5 && w[5] == 0xffff)) {
			return AppendAddr(dst, unix.AF_INET, b[12:16])
		}
		dst = strconv.AppendUint(dst, uint64(w[i]), 16)
	}
	if bestBase >= 0 && bestBase+bestLen == 8 {
		dst = append(dst, ':')
	}
	return dst
}

// Every pattern of zero and non-zero groups (with values of each width),
// the IPv4-compatible and -mapped forms among them, formats as the
// reference does.
func TestAppendIPv6(t *testing.T) {
	vals := []uint16{0x1, 0x2a, 0x1ff, 0xffff, 0xdb8}
	var b [16]byte
	for mask := 0; mask < 256; mask++ {
		for k := range vals {
			for i := 0; i < 8; i++ {
				g := uint16(0)
				if mask&(1<<i) != 0 {
					g = vals[(k+i)%len(vals)]
				}
				if i == 5 && mask == 0x20|mask&0xc0 && k == 3 {
					g = 0xffff
				}
				b[2*i], b[2*i+1] = byte(g>>8), byte(g)
			}
			got, want := string(AppendIPv6([]byte("x"), b[:])), string(appendIPv6Ref([]byte("x"), b[:]))
			if got != want {
				t.Fatalf("AppendIPv6(% x) = %q, want %q", b, got, want)
			}
		}
	}
	for _, tc := range []struct{ in, want string }{
		{"00000000000000000000000000000000", "::"},
		{"00000000000000000000000000000001", "::1"},
		{"20010db8000000000000000000000002", "2001:db8::2"},
		{"20010db8000100000000000000000000", "2001:db8:1::"},
		{"00000000000000000000ffffc0000201", "::ffff:192.0.2.1"},
		{"000000000000000000000000c0000201", "::192.0.2.1"},
		{"20010db8000000010000000000000001", "2001:db8:0:1::1"},
		{"fe800000000000000000000000000001", "fe80::1"},
	} {
		in, _ := hex.DecodeString(tc.in)
		if got := string(AppendIPv6(nil, in)); got != tc.want {
			t.Errorf("AppendIPv6(%s) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func FuzzAppendIPv6(f *testing.F) {
	f.Add(make([]byte, 16))
	f.Fuzz(func(t *testing.T, b []byte) {
		if len(b) < 16 {
			return
		}
		if got, want := string(AppendIPv6(nil, b)), string(appendIPv6Ref(nil, b)); got != want {
			t.Fatalf("AppendIPv6(% x) = %q, want %q", b[:16], got, want)
		}
	})
}
