package iproute

import (
	"encoding/hex"
	"fmt"
	"strings"
	"testing"

	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cmdline"
	"golang.org/x/sys/unix"
)

// segs is "1::,2::,…,N::" (route-encap-bounds.sh's seq lists).
func segs(n int) string {
	s := make([]string, n)
	for i := range s {
		s[i] = fmt.Sprintf("%d::", i+1)
	}
	return strings.Join(s, ",")
}

// TestRouteEncapBounds: iproute2 6.1's buffers around a route's encap, as
// /usr/sbin/ip printed and sent them (route-encap-bounds.sh, strace): the
// lines on stderr, the refusal, and the request (rtmsg and attributes).
func TestRouteEncapBounds(t *testing.T) {
	const (
		rtmsg6  = "0a400000fe030001" + "00000000"
		dst6    = "14000100" + "20010db8000100000000000000000000"
		oif     = "0800040003000000"
		rtaOver = "rta_addattr_l: Error! max allowed bound %d exceeded\n"
	)
	for _, tc := range []struct {
		words  string
		stderr string
		err    string
		code   int
		body   string
	}{
		// 128 segments: hdrlen wraps to 0, an 8-byte header is sent.
		{"2001:db8:1::/64 encap seg6 mode encap segs " + segs(128) + " dev eth0", "", "", 0,
			rtmsg6 + dst6 + "14001680" + "10000100" + "01000000" + "0000047f7f000000" + "0600150005000000" + oif},
		// Fits the encap buffer, not the request: the route goes without it.
		{"2001:db8:1::/64 encap seg6 mode encap segs " + segs(61) + " dev eth0",
			"addraw_l ERROR: message exceeded bound of 1024\n", "", 0, rtmsg6 + dst6 + oif},
		// No room for the type attribute, nor then in the request.
		{"2001:db8:1::/64 encap seg6 mode encap segs " + segs(60) + " hmac 1 dev eth0",
			fmt.Sprintf(rtaOver, 1024) + "addraw_l ERROR: message exceeded bound of 1024\n", "", 0, rtmsg6 + dst6 + oif},
		// Does not fit the encap buffer: "seg6" is read again as the destination.
		{"2001:db8:1::/64 encap seg6 mode encap segs " + segs(63) + " dev eth0",
			fmt.Sprintf(rtaOver, 1024), `Error: either "to" is duplicate, or "seg6" is a garbage.`, 255, ""},
		{"encap rpl segs " + segs(100) + " dev eth0 2001:db8:1::/64",
			fmt.Sprintf(rtaOver, 1024), `Error: inet6 prefix is expected rather than "rpl".`, 1, ""},
		{"2001:db8:1::/64 nexthop via 2001:db8::2 encap seg6 mode encap segs " + segs(124) + " dev eth0 nexthop via 2001:db8::3 encap seg6 mode encap segs " + segs(125) + " dev eth0",
			fmt.Sprintf(rtaOver, 4096), "Error: cannot parse nexthop", 255, ""},
		{"2001:db8:1::/64 nexthop via 2001:db8::2 encap seg6 mode encap segs " + segs(124) + " dev eth0 nexthop via 2001:db8::3 encap seg6 mode encap segs " + segs(124) + " dev eth0",
			"", "addattr_l ERROR: message exceeded bound of 4096", 1, ""},
	} {
		var stderr strings.Builder
		env := cli.NewEnv(cli.Options{Family: unix.AF_INET6}, nil, &strings.Builder{}, &stderr)
		body, err := parseModify(env, unix.RTM_NEWROUTE, cmdline.NewArgs(strings.Fields(tc.words)), testLookup)
		name := tc.words
		if len(name) > 60 {
			name = name[:60] + "…"
		}
		if stderr.String() != tc.stderr {
			t.Errorf("%s: stderr %q, want %q", name, stderr.String(), tc.stderr)
		}
		if tc.err != "" {
			ce, ok := err.(*cmdline.Error)
			if !ok || ce.Msg != tc.err || ce.Code != tc.code {
				t.Errorf("%s: %v, want %q (status %d)", name, err, tc.err, tc.code)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if got := hex.EncodeToString(body); got != tc.body {
			t.Errorf("%s:\n got %s\nwant %s", name, got, tc.body)
		}
	}
}
