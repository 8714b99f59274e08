package l2tp

import (
	"bytes"
	"fmt"
	"testing"

	"golang.org/x/sys/unix"
)

func TestApply(t *testing.T) {
	p := Params{TunnelID: 1, PeerTunnelID: 2, LocalFamily: unix.AF_INET, Local: []byte{1, 2, 3, 4}, PeerFamily: unix.AF_INET6, Peer: make([]byte, 16),
		Encap: EncapUDP, LocalUDPPort: 5, PeerUDPPort: 6, UDP6CsumTX: true}
	var back Params
	if err := back.Apply(nil, TunnelCreateRequest(p)); err != nil {
		t.Fatal(err)
	}
	if back.TunnelID != 1 || back.PeerTunnelID != 2 || !bytes.Equal(back.Local, p.Local) || back.PeerFamily != unix.AF_INET6 ||
		back.LocalUDPPort != 5 || !back.UDP6CsumTX || back.UDP6CsumRX {
		t.Errorf("%+v", back)
	}
}

func ExampleTunnelDeleteRequest() {
	fmt.Printf("% x\n", TunnelDeleteRequest(7))
	// Output: 02 01 00 00 08 00 09 00 07 00 00 00
}

// FuzzApply: the decoder takes any body.
func FuzzApply(f *testing.F) {
	f.Add(SessionCreateRequest(Params{TunnelID: 1, Cookie: []byte{1, 2, 3, 4}, IfName: "x", HasIfName: true}))
	f.Fuzz(func(t *testing.T, b []byte) {
		var p Params
		var s Stats
		_ = p.Apply(&s, b)
	})
}
