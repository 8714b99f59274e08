package route

import (
	"encoding/hex"
	"fmt"
	"strings"
	"testing"

	"github.com/gipnet/gip/internal/cmdline"
)

// segList is "1::,2::,…,N::", the lists route-encap-bounds.sh builds with seq.
func segList(n int) string {
	s := make([]string, n)
	for i := range s {
		s[i] = fmt.Sprintf("%d::", i+1)
	}
	return strings.Join(s, ",")
}

// TestParseEncapInBounds replays iproute2 6.1's buffers: what fits, the
// lines libnetlink prints, and where the cursor is left (texts from
// /usr/sbin/ip under strace, see route-encap-bounds.sh).
func TestParseEncapInBounds(t *testing.T) {
	const over = "rta_addattr_l: Error! max allowed bound %d exceeded"
	for _, tt := range []struct {
		name   string
		words  string
		bound  EncapBound
		fit    EncapFit
		outLen int
		warns  []string
		next   string // the word the cursor is on afterwards
	}{
		{"seg6 10", "seg6 mode encap segs " + segList(10) + " dev eth0", EncapBound{Used: 4, Max: 1024}, EncapFits, 188, nil, "dev"},
		{"seg6 62 fits the buffer", "seg6 mode encap segs " + segList(62), EncapBound{Used: 4, Max: 1024}, EncapFits, 1020, nil, ""},
		{"seg6 63 does not", "seg6 mode encap segs " + segList(63) + " dev eth0", EncapBound{Used: 4, Max: 1024}, EncapCut, 4, []string{fmt.Sprintf(over, 1024)}, "seg6"},
		{"seg6 60 hmac: no room for the type", "seg6 mode encap segs " + segList(60) + " hmac 1", EncapBound{Used: 4, Max: 1024}, EncapNoType, 1020, []string{fmt.Sprintf(over, 1024)}, ""},
		{"seg6 128 wraps hdrlen", "seg6 mode encap segs " + segList(128), EncapBound{Used: 4, Max: 1024}, EncapFits, 28, nil, ""},
		{"rpl 100", "rpl segs " + segList(100) + " dev eth0", EncapBound{Used: 4, Max: 1024}, EncapCut, 4, []string{fmt.Sprintf(over, 1024)}, "rpl"},
		{"seg6local srh last", "seg6local action End.X nh6 2001:db8::2 count srh segs " + segList(60), EncapBound{Used: 4, Max: 1024}, EncapCut, 4 + 8 + 20 + 4 + 36, []string{fmt.Sprintf(over, 1024)}, "seg6local"},
		{"multipath", "seg6 mode encap segs " + segList(120), EncapBound{Used: 3000, Max: 4096}, EncapCut, 4, []string{fmt.Sprintf(over, 4096)}, "seg6"},
		{"mpls unchecked inside", "mpls 100/200 dev x", EncapBound{Used: 4080, Max: 4096}, EncapNoType, 16, []string{fmt.Sprintf(over, 4096)}, "dev"},
	} {
		var warns []string
		bd := tt.bound
		bd.Warn = func(l string) { warns = append(warns, l) }
		args := cmdline.NewArgs(strings.Fields(tt.words))
		out, fit, err := ParseEncapIn(args, nil, bd)
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if fit != tt.fit || len(out) != tt.outLen || strings.Join(warns, "|") != strings.Join(tt.warns, "|") || args.Peek() != tt.next {
			t.Errorf("%s: fit %d, %d bytes, warns %q, next %q; want %d, %d, %q, %q",
				tt.name, fit, len(out), warns, args.Peek(), tt.fit, tt.outLen, tt.warns, tt.next)
		}
	}
}

// TestSeg6HdrlenWrap: 128 segments make hdrlen wrap to 0, so iproute2
// sends an 8-byte header (captured: the RTA_ENCAP of
// `ip -6 route add … encap seg6 mode encap segs 1::,…,128::`).
func TestSeg6HdrlenWrap(t *testing.T) {
	b, err := ParseEncap(cmdline.NewArgs(strings.Fields("seg6 mode encap segs "+segList(128))), nil)
	if err != nil {
		t.Fatal(err)
	}
	want := "1400" + "1680" + "10000100" + "01000000" + "0000047f7f000000" + "06001500" + "05000000"
	if got := hex.EncodeToString(b); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}
