package fou

import (
	"fmt"
	"testing"

	"golang.org/x/sys/unix"
)

func TestRoundTrip(t *testing.T) {
	p := Port{Port: 5555, Type: EncapDirect, Family: unix.AF_INET, IPProto: 4, HasIPProto: true, Peer: []byte{1, 2, 3, 4}, PeerPort: 7, IfIndex: 2}
	m, ok := Parse(Request(CmdAdd, p))
	back := m.Port()
	if !ok || back.Port != 5555 || back.IPProto != 4 || string(back.Peer) != string(p.Peer) || back.PeerPort != 7 || back.IfIndex != 2 || back.Local != nil {
		t.Errorf("%+v", back)
	}
}

func ExampleRequest() {
	fmt.Printf("% x\n", Request(CmdAdd, Port{Port: 5555, Type: EncapGUE, Family: unix.AF_INET}))
	// Output: 01 01 00 00 06 00 01 00 15 b3 00 00 05 00 04 00 02 00 00 00 05 00 02 00 02 00 00 00
}

// FuzzParse: the decoder takes any body.
func FuzzParse(f *testing.F) {
	f.Add(Request(CmdAdd, Port{Port: 1, Family: unix.AF_INET6, Local: make([]byte, 16)}))
	f.Fuzz(func(t *testing.T, b []byte) {
		if m, ok := Parse(b); ok {
			m.Port()
		}
	})
}
