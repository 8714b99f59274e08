package cnum

import (
	"testing"

	"golang.org/x/sys/unix"
)

// FuzzParsePrefix feeds arbitrary words and families to ParsePrefix: it
// must not panic, and what it takes must be a sane prefix.
func FuzzParsePrefix(f *testing.F) {
	for _, s := range []string{
		"10.0.0.1/24", "10.1", "0x0a.010.1/255.255.0.0", " +10.0.0.1/ -0",
		"2001:db8::1/64", "::ffff:1.2.3.4", "fe80::1%lo", "default", "any/8",
		"10.0.0.1/default", "1.2.3.4.5", "18446744073709551616",
	} {
		for _, fam := range []int{unix.AF_UNSPEC, unix.AF_INET, unix.AF_INET6, unix.AF_PACKET, unix.AF_MPLS} {
			f.Add(s, fam)
		}
	}
	f.Fuzz(func(t *testing.T, s string, family int) {
		p, ok := ParsePrefix(s, family)
		if !ok {
			return
		}
		switch {
		case p.BitLen < 0 || p.BitLen > AddrBits(p.Family):
			t.Fatalf("ParsePrefix(%q, %d): length %d for family %d", s, family, p.BitLen, p.Family)
		case p.ByteLen != 0 && p.ByteLen != AddrBits(p.Family)/8:
			t.Fatalf("ParsePrefix(%q, %d): %d bytes for family %d", s, family, p.ByteLen, p.Family)
		case p.Family != family && family != unix.AF_UNSPEC:
			t.Fatalf("ParsePrefix(%q, %d): family %d", s, family, p.Family)
		case p.Family != unix.AF_INET && p.Family != unix.AF_INET6 && p.Family != family:
			t.Fatalf("ParsePrefix(%q, %d): family %d", s, family, p.Family)
		}
		for _, b := range p.Data[p.ByteLen:] {
			if b != 0 {
				t.Fatalf("ParsePrefix(%q, %d): bytes past ByteLen %x", s, family, p.Data)
			}
		}
		if _, ok := ParseAddr(s, family); ok && p.LenGiven && s != "default" {
			t.Fatalf("ParsePrefix(%q, %d): length given without a slash", s, family)
		}
	})
}
