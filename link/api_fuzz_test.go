package link

import (
	"net"
	"net/netip"
	"strings"
	"testing"

	"github.com/gipnet/gip/internal/cmdline"
)

// FuzzEncodeAdd builds typed specs from arbitrary values: encoding must
// fail with an error or succeed, never panic, and a KindArgs spec must
// encode what the words' parser builds for `type KIND ARGS`.
func FuzzEncodeAdd(f *testing.F) {
	f.Add("v0", uint8(0), "ceth0", uint32(1400), []byte{2, 0, 0, 0, 0, 1}, "10.0.0.1", "10.0.0.2", uint32(42), "")
	f.Add("vx", uint8(2), "e0", uint32(0), []byte(nil), "2001:db8::1", "239.1.1.1", uint32(1<<24), "")
	f.Add("x", uint8(6), "vlan", uint32(0), []byte(nil), "", "", uint32(0), "id 5 protocol 802.1ad")
	f.Add("m", uint8(3), "e0", uint32(9000), []byte{1}, "", "", uint32(5), "")
	f.Fuzz(func(t *testing.T, name string, kind uint8, other string, n uint32, hw []byte, a1, a2 string, id uint32, words string) {
		ip1, _ := netip.ParseAddr(a1)
		ip2, _ := netip.ParseAddr(a2)
		var k KindSpec
		switch kind % 7 {
		case 0:
			k = Veth{Peer: Spec{Name: other, MTU: n, Address: net.HardwareAddr(hw), NetNS: NetNSName(other)}}
		case 1:
			k = Bridge{ForwardDelay: &n, STP: new(n%2 == 0), Priority: new(uint16(n))}
		case 2:
			k = VXLAN{ID: id, Local: ip1, Remote: ip2, Dev: other, DstPort: uint16(n), TTL: new(uint8(n))}
		case 3:
			k = Macvlan{Parent: other, Mode: MacvlanMode(id), NoPromisc: n%2 == 1, BcQueueLen: &n}
		case 4:
			k = Macvtap{Parent: other, Mode: MacvlanMode(id)}
		case 5:
			k = IFB{}
		default:
			k = KindArgs{Kind: other, Args: strings.Fields(words)}
		}
		s := Spec{Name: name, MTU: n, Address: net.HardwareAddr(hw), Master: other, Kind: k}
		got, err := apiParser(true).encodeAdd(&s)
		if ka, ok := k.(KindArgs); ok {
			typed, terr := apiParser(true).encodeAdd(&Spec{Kind: ka})
			words, werr := apiParser(true).Build(cmdline.NewArgs(append([]string{"type", ka.Kind}, ka.Args...)))
			if (terr == nil) != (werr == nil) || string(typed) != string(words) {
				t.Fatalf("KindArgs %q %q: %x, %v; the words give %x, %v", ka.Kind, ka.Args, typed, terr, words, werr)
			}
		}
		if err == nil && len(got) < 16 {
			t.Fatalf("short body %x", got)
		}
	})
}
