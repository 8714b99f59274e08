package iprule

import (
	"bytes"
	"io"
	"net/netip"
	"strings"
	"testing"

	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/rule"
	"golang.org/x/sys/unix"
)

// The grammar and the typed API share one path to the kernel: words and
// the equivalent Rule encode to the same request. (A Rule takes its family
// from its prefixes; ip takes it from -4/-6 only, so the IPv6 case is
// `ip -6 rule add …`.)
func TestGrammarMatchesTyped(t *testing.T) {
	pfx := netip.MustParsePrefix
	for _, tc := range []struct {
		family int
		cmd    uint16
		words  string
		r      rule.Rule
	}{
		{0, unix.RTM_NEWRULE, "from 10.0.0.0/8 to 192.168.0.0/16 pref 100 fwmark 0x10/0xff table 100 iif veth0",
			rule.Rule{Src: pfx("10.0.0.0/8"), Dst: pfx("192.168.0.0/16"), Priority: 100, FwMark: 0x10, FwMask: 0xff, Table: 100, IIF: "veth0"}},
		{0, unix.RTM_NEWRULE, "pref 200 table 1000", rule.Rule{Priority: 200, Table: 1000}},
		{0, unix.RTM_NEWRULE, "not from 10.9.0.0/16 pref 300 tos 0x10 protocol static blackhole",
			rule.Rule{Invert: true, Src: pfx("10.9.0.0/16"), Priority: 300, TOS: 0x10, Protocol: unix.RTPROT_STATIC, Action: unix.FR_ACT_BLACKHOLE}},
		{unix.AF_INET6, unix.RTM_NEWRULE, "from 2001:db8::/32 pref 400 table 200 oif veth0",
			rule.Rule{Src: pfx("2001:db8::/32"), Priority: 400, OIF: "veth0", Table: 200}},
		{0, unix.RTM_DELRULE, "pref 100", rule.Rule{Priority: 100}},
	} {
		env := cli.NewEnv(cli.Options{Family: tc.family}, nil, io.Discard, io.Discard)
		words, err := ruleRequest(env, tc.cmd, cmdline.NewArgs(strings.Fields(tc.words)))
		if err != nil {
			t.Fatalf("%q: %v", tc.words, err)
		}
		typed, err := rule.Request(tc.cmd, tc.r)
		if err != nil {
			t.Fatalf("%+v: %v", tc.r, err)
		}
		if !bytes.Equal(words, typed) {
			t.Errorf("%q:\nwords %x\ntyped %x", tc.words, words, typed)
		}
	}
}
