package route

import (
	"errors"
	"strings"
	"testing"

	"github.com/gipnet/gip/internal/cmdline"
)

// TestEncapKeywordOnce: each seg6 keyword takes a value and may be given
// once, failing as iproute2's duparg2 and NEXT_ARG do.
func TestEncapKeywordOnce(t *testing.T) {
	tests := []struct {
		words []string
		want  string
	}{
		{[]string{"mode", "encap", "mode", "inline"}, `Error: either "mode" is duplicate, or "inline" is a garbage.`},
		{[]string{"mode", "encap", "segs", "2001:db8::1", "segs", "2001:db8::2"}, `Error: either "segs" is duplicate, or "2001:db8::2" is a garbage.`},
		{[]string{"mode", "encap", "segs"}, `Command line is not complete. Try option "help"`},
	}
	for _, tt := range tests {
		_, err := parseEncapSeg6(cmdline.NewArgs(tt.words))
		if err == nil || err.Error() != tt.want {
			t.Errorf("parseEncapSeg6(%q) = %v, want %q", tt.words, err, tt.want)
		}
	}
}

// TestEncapErrors: the new encaps fail as iproute2 6.1 does (texts and
// statuses from /usr/sbin/ip, see route-encap-more.sh), and a line that
// ends an ioam6 trace leaves its last word to be read again.
func TestEncapErrors(t *testing.T) {
	lookup := func(name string) (uint32, error) {
		if name == "eth0" {
			return 3, nil
		}
		return 0, cmdline.Exit(cmdline.StatusFailed, "Cannot find device \"%s\"", name)
	}
	for _, tt := range []struct {
		words string
		want  string
		code  int
	}{
		{"xfrm if_id 0 x", `Error: argument "0" is wrong: "if_id" value is invalid` + "\n", 255},
		{"xfrm if_id 5 if_id 6", `Error: either "if_id" is duplicate, or "6" is a garbage.`, 255},
		{"xfrm if_id 5 link_dev nope", `Cannot find device "nope"`, 255},
		{"xfrm link_dev eth0", "Usage: ip route ... encap xfrm if_id IF_ID [ link_dev LINK ]", 255},
		{"xfrm if_id", `Error: unexpected end of line after "encap"`, 255},
		{"rpl segs a segs b", `Error: either "segs" is duplicate, or "b" is a garbage.`, 255},
		{"rpl segs 10.0.0.1", `Error: inet6 address is expected rather than "10.0.0.1".`, 1},
		{"ioam6 mode inline tundst 2001:db8::9 trace", `Error: argument "tundst" is wrong: Inline mode does not need tundst`, 255},
		{"ioam6 mode encap trace prealloc", `Error: argument "tundst" is required`, 255},
		{"ioam6 freq 3/2 trace", `Error: argument "3/2" is wrong: Frequency with k > n is forbidden`, 255},
		{"ioam6 freq 1/0x2 trace", `Error: argument "1/0x2" is wrong: Invalid frequency (malformed)`, 255},
		{"ioam6 freq 1234567890123456/2 x", `Error: argument "1234567890123456/2" is wrong: Invalid frequency (too long)`, 255},
		{"ioam6 trace prealloc type 1 ns 0 size 6", `Error: argument "6" is wrong: Trace size must be a 4-octet multiple`, 255},
		{"ioam6 trace prealloc type 1 ns 0 size 248", `Error: argument "248" is wrong: Trace size is too big`, 255},
		{"ioam6 trace prealloc type 1 ns 65536", `Error: argument "65536" is wrong: Invalid namespace ID`, 255},
		{"ioam6 trace prealloc type 1 size 4", `Error: argument "ns" is required`, 255},
		{"ioam6 trace type", `Error: argument "prealloc" is required`, 255},
		{"seg6local action End flavors psp,psp", `Error: argument "psp,psp" is wrong: invalid "flavors" attribute` + "\n", 255},
		{"seg6local action End flavors next-csid lblen 300", `Error: argument "300" is wrong: "locator-block length" value is invalid` + "\n", 255},
		{"seg6local action End flavors psp flavors usp", `Error: either "flavors" is duplicate, or "usp" is a garbage.`, 255},
	} {
		words := strings.Split(tt.words, " ")
		_, err := ParseEncap(cmdline.NewArgs(words), lookup)
		var ce *cmdline.Error
		if !errors.As(err, &ce) || !strings.HasPrefix(ce.Msg, tt.want) || ce.Code != tt.code {
			t.Errorf("ParseEncap(%q) = %v, want %q (status %d)", tt.words, err, tt.want, tt.code)
		}
	}
	args := cmdline.NewArgs(strings.Split("ioam6 trace prealloc type 1 ns 0 size 4", " "))
	if _, err := ParseEncap(args, lookup); err != nil || args.Peek() != "4" {
		t.Errorf("after ioam6 at the end of a line: err %v, next word %q, want \"4\"", err, args.Peek())
	}
	args = cmdline.NewArgs(strings.Split("xfrm if_id 7 dev eth0 table 5", " "))
	if _, err := ParseEncap(args, lookup); err != nil || args.More() {
		t.Errorf("xfrm left %q unread (err %v); iproute2 skips to the end of the line", args.Rest(), err)
	}
}

// FuzzParseEncap parses arbitrary words after "encap": no panic, and every
// failure is a *cmdline.Error with iproute2's wording.
func FuzzParseEncap(f *testing.F) {
	for _, s := range []string{
		"ioam6 freq 2/5 mode encap tundst 2001:db8::9 trace prealloc type 0x800000 ns 1 size 12 dev eth0",
		"rpl segs 2001:db8::5,,2001:db8::6, dev eth0", "xfrm if_id 7 link_dev eth0 help",
		"seg6local action End flavors psp,usp,usd,next-csid lblen 1 nflen 2 count",
		"ip id 5 dst 10.1.1.1 tos 0x10 ttl 9 key csum seq", "ip6 hoplimit 4 tc 3",
		"seg6 mode encap segs 2001:db8::5", "mpls 100/200 ttl 5", "ioam6 trace prealloc",
		// Past iproute2's buffer, and past hdrlen's 8 bits.
		"seg6 mode encap segs " + segList(63) + " dev eth0", "rpl segs " + segList(130),
		"seg6local action End.B6 srh segs " + segList(128) + " hmac 3",
	} {
		f.Add(s)
	}
	lookup := func(name string) (uint32, error) {
		return 0, cmdline.Exit(cmdline.StatusFailed, "Cannot find device \"%s\"", name)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, w := range strings.Split(s, " ") {
			if strings.HasSuffix(w, "_opts") || w == "in" || w == "out" || w == "xmit" || w == "endpoint" {
				return // refused by gip; not iproute2's parse
			}
		}
		_, err := ParseEncap(cmdline.NewArgs(strings.Split(s, " ")), lookup)
		var ce *cmdline.Error
		if err != nil && !errors.As(err, &ce) {
			t.Fatalf("ParseEncap(%q) = %v (%T), not a *cmdline.Error", s, err, err)
		}
		// The same words in a small buffer: what is placed never grows
		// past what ParseEncap built, and a cut leaves the cursor on the
		// type word.
		full, _ := ParseEncap(cmdline.NewArgs(strings.Split(s, " ")), lookup)
		args := cmdline.NewArgs(strings.Split(s, " "))
		out, fit, err := ParseEncapIn(args, lookup, EncapBound{Used: 4 + len(s)%200, Max: 256})
		if err == nil && (len(out) > len(full) || (fit == EncapCut && args.Peek() != strings.Split(s, " ")[0])) {
			t.Fatalf("ParseEncapIn(%q) = %d bytes (of %d), fit %d, cursor on %q", s, len(out), len(full), fit, args.Peek())
		}
	})
}
