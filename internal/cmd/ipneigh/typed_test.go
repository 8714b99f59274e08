package ipneigh

import (
	"bytes"
	"net"
	"net/netip"
	"strings"
	"testing"

	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/neigh"
	"golang.org/x/sys/unix"
)

// The grammar and the typed API share one path to the kernel: words and
// the equivalent Neighbor encode to the same request (eth0 is ifindex 3).
func TestGrammarMatchesTyped(t *testing.T) {
	addr := netip.MustParseAddr
	hw, _ := net.ParseMAC("02:00:00:00:00:05")
	for _, tc := range []struct {
		words string
		n     neigh.Neighbor
	}{
		{"10.0.0.5 lladdr 02:00:00:00:00:05 dev eth0", neigh.Neighbor{Index: 3, Addr: addr("10.0.0.5"), LLAddr: hw}},
		{"10.0.0.5 lladdr 02:00:00:00:00:05 dev eth0 nud stale router",
			neigh.Neighbor{Index: 3, Addr: addr("10.0.0.5"), LLAddr: hw, State: unix.NUD_STALE, Flags: unix.NTF_ROUTER}},
		{"2001:db8::7 dev eth0 protocol static", neigh.Neighbor{Index: 3, Addr: addr("2001:db8::7"), Protocol: unix.RTPROT_STATIC}},
		{"10.0.0.5 dev eth0", neigh.Neighbor{Index: 3, Addr: addr("10.0.0.5")}},
	} {
		words, err := neighRequest(0, cmdline.NewArgs(strings.Fields(tc.words)), testLookup)
		if err != nil {
			t.Fatalf("%q: %v", tc.words, err)
		}
		typed, err := neigh.Request(tc.n)
		if err != nil {
			t.Fatalf("%+v: %v", tc.n, err)
		}
		if !bytes.Equal(words, typed) {
			t.Errorf("%q:\nwords %x\ntyped %x", tc.words, words, typed)
		}
	}
}
