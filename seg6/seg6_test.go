package seg6

import (
	"bytes"
	"fmt"
	"net/netip"
	"testing"
)

func TestRoundTrip(t *testing.T) {
	a := netip.MustParseAddr("2001:db8::1").As16()
	m, ok := Parse(TunsrcRequest(a))
	if !ok || m.Cmd != CmdSetTunsrc || m.Tunsrc() != a {
		t.Errorf("tunsrc: %+v", m)
	}
	k := HMACKey{ID: 9, Alg: AlgSHA256, Secret: []byte("s3cr3t")}
	m, _ = Parse(HMACRequest(k))
	back, trunc := m.HMAC()
	if trunc || back.ID != 9 || back.Alg != AlgSHA256 || !bytes.Equal(back.Secret, k.Secret) {
		t.Errorf("hmac: %+v", back)
	}
}

func ExampleTunsrcRequest() {
	fmt.Printf("% x\n", TunsrcRequest(netip.MustParseAddr("2001:db8::1").As16()))
	// Output: 03 01 00 00 14 00 01 00 20 01 0d b8 00 00 00 00 00 00 00 00 00 00 00 01
}

// FuzzParse: the decoder takes any body.
func FuzzParse(f *testing.F) {
	f.Add(HMACRequest(HMACKey{ID: 1, Alg: 1, Secret: []byte("x")}))
	f.Fuzz(func(t *testing.T, b []byte) {
		if m, ok := Parse(b); ok {
			m.Tunsrc()
			m.HMAC()
		}
	})
}
