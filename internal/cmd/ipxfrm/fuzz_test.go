package ipxfrm

import (
	"bytes"
	"io"
	"strings"
	"testing"

	"github.com/gipnet/gip/format"
	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/xfrm"
)

// FuzzStateWords parses `ip xfrm state add` words (algorithms, keys,
// selectors, limits) offline; a request that parses must decode back to
// the structure it starts with.
func FuzzStateWords(f *testing.F) {
	f.Add("src 10.0.0.1 dst 10.0.0.2 proto esp spi 0x100 enc aes 0x0011 auth sha256 0x00 sel src 1.0.0.0/8 proto tcp sport 1")
	f.Add("proto esp spi 1 aead a 0x123 64 replay-window 64 flag esn encap espinudp 1 2 1.2.3.4 limit byte-soft 9")
	f.Add("proto ah spi 1 auth-trunc a b 96 mark 1 mask 2 output-mark 3 mask 4 extra-flag 0x3 if_id 5 tfcpad 6")
	f.Fuzz(func(t *testing.T, words string) {
		b, err := stateRequest(offlineParser(), cmdline.NewArgs(strings.Fields(words)))
		if err != nil {
			if _, ok := err.(*cmdline.Error); !ok {
				t.Fatalf("%q: error of type %T", words, err)
			}
			return
		}
		s, err := xfrm.DecodeState(b)
		if err != nil {
			t.Fatalf("%q: request does not decode: %v", words, err)
		}
		if !bytes.Equal(s.Info.Append(nil), b[:xfrm.SizeofSAInfo]) {
			t.Fatalf("%q: usersa_info does not round-trip", words)
		}
	})
}

// FuzzPolicyWords is FuzzStateWords for `ip xfrm policy add`
// (selectors, templates, flags).
func FuzzPolicyWords(f *testing.F) {
	f.Add("src 10.0.1.0/24 dst 10.0.2.0/24 proto tcp sport 22 dport 80 dir in priority 5 action block flag localok icmp tmpl src 1.1.1.1 dst 2.2.2.2 proto ah reqid 5 mode transport level use")
	f.Add("src ::1 proto gre key 1.2.3.4 dir out mark 1 ctx x ptype sub if_id 3")
	f.Fuzz(func(t *testing.T, words string) {
		b, err := policyRequest(offlineParser(), cmdline.NewArgs(strings.Fields(words)))
		if err != nil {
			if _, ok := err.(*cmdline.Error); !ok {
				t.Fatalf("%q: error of type %T", words, err)
			}
			return
		}
		p, err := xfrm.DecodePolicy(b)
		if err != nil {
			t.Fatalf("%q: request does not decode: %v", words, err)
		}
		if !bytes.Equal(p.Info.Append(nil), b[:xfrm.SizeofPolicyInfo]) {
			t.Fatalf("%q: userpolicy_info does not round-trip", words)
		}
	})
}

// FuzzPrintMessage hands arbitrary messages of every type to the
// monitor's printers: they must not panic.
func FuzzPrintMessage(f *testing.F) {
	msgs := goldenMessages()
	for len(msgs) >= 16 {
		l := int(msgs[0]) | int(msgs[1])<<8
		typ := uint16(msgs[4]) | uint16(msgs[5])<<8
		f.Add(typ, msgs[16:l])
		msgs = msgs[(l+3)&^3:]
	}
	f.Fuzz(func(t *testing.T, typ uint16, body []byte) {
		for stats := 0; stats < 2; stats++ {
			p := &Printer{w: format.NewOutput(io.Discard), sl: "\n", stats: stats,
				name: func(uint32) string { return "x" }, warn: func(string, ...any) {}}
			m := &xmonitor{p: p}
			printOne(m, typ, body)
		}
	})
}

// printOne is the monitor's dispatch without its environment.
func printOne(m *xmonitor, typ uint16, body []byte) {
	p := m.p
	switch typ {
	case xfrm.MsgNewSA, xfrm.MsgDelSA, xfrm.MsgUpdSA, xfrm.MsgExpire:
		_ = p.State(typ, 0, body, false)
	case xfrm.MsgNewPolicy, xfrm.MsgDelPolicy, xfrm.MsgUpdPolicy, xfrm.MsgPolExpire:
		_ = p.Policy(typ, 0, body)
	case xfrm.MsgAcquire:
		p.acquire(body)
	case xfrm.MsgReport:
		p.report(body, false)
	case xfrm.MsgNewAE:
		p.aevent(body)
	case xfrm.MsgMapping:
		p.mapping(body)
	}
}
