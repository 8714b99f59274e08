package ipnexthop

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/nexthop"
	"github.com/gipnet/gip/rtnl"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// FuzzModifyRequest feeds the add/replace/del parser arbitrary words: it
// must return a request or an error, never panic, and a request must
// hold a whole struct nhmsg and well-formed attributes.
func FuzzModifyRequest(f *testing.F) {
	for _, s := range []string{
		"id 5 via 172.18.0.1 dev eth0",
		"id 11 group 5/6,3 type resilient buckets 8 idle_timer 120 unbalanced_timer 3",
		"id 12 encap mpls 100/200 via 172.18.0.1 dev eth0 onlink protocol static",
		"id 9 blackhole fdb", "group ,/", "via inet6 ::1", "type resilient",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		b, err := modifyRequest(0, cmdline.NewArgs(strings.Split(s, " ")), testLookup)
		if err != nil {
			return
		}
		if len(b) < nexthop.HeaderLen {
			t.Fatalf("%q: request of %d bytes", s, len(b))
		}
		a := rtnl.NewAttrs(b[nexthop.HeaderLen:])
		for a.Next() {
		}
		if a.Err() != nil {
			t.Fatalf("%q: %v", s, a.Err())
		}
	})
}

// FuzzPrintMessage feeds the printer arbitrary nexthop and bucket
// messages in every output mode: it must print or refuse, never panic.
func FuzzPrintMessage(f *testing.F) {
	for _, m := range goldenMessages(f) {
		f.Add(uint16(m.Header.Type), m.Data)
	}
	f.Add(uint16(nexthop.RTMNewNexthop), []byte{2, 0, 0, 0})
	f.Fuzz(func(t *testing.T, typ uint16, data []byte) {
		for _, o := range []cli.Options{{}, {Details: 1, Stats: 1}, {JSON: true, Pretty: true}, {Oneline: true, Numeric: true}} {
			var out bytes.Buffer
			env := cli.NewEnv(o, nil, &out, &out)
			pr := NewPrinter(env)
			pr.aux.NoLookups()
			for i := uint32(0); i < 8; i++ {
				pr.aux.KnowLink(i, "eth"+string(rune('0'+i)))
			}
			m := netlink.Message{Header: netlink.Header{Type: netlink.HeaderType(typ), Length: uint32(16 + len(data))}, Data: data}
			env.P.Begin()
			_ = pr.PrintMessage(m)
			env.P.End()
			env.P.Flush()
		}
	})
}

// FuzzRequestPrints checks the printer against the parser: a request
// that add/replace accepts (words split at single blanks, so empty words
// occur) is a message the printer reads whole, in text and in JSON, and
// the JSON is well-formed. Its id and header come back as sent.
func FuzzRequestPrints(f *testing.F) {
	for _, s := range []string{
		"id 5 via 172.18.0.1 dev eth0",
		"id 6 via inet6 2001:db8::1 dev eth0 onlink protocol 99",
		"id 11 group 5/6,3 type resilient buckets 8 idle_timer 120 unbalanced_timer 3",
		"id 12 encap mpls 100/200 via 172.18.0.1 dev eth0 onlink protocol static",
		"id 13 encap ip id 7 dst 10.0.0.1 ttl 3 dev eth0",
		"id 9 blackhole fdb", "id 10 group 1,256/2 fdb", "id  5", "dev eth0 id 0x10",
	} {
		f.Add(s, uint8(0))
	}
	f.Fuzz(func(t *testing.T, s string, fam uint8) {
		family := []int{unix.AF_UNSPEC, unix.AF_INET, unix.AF_INET6}[int(fam)%3]
		b, err := modifyRequest(family, cmdline.NewArgs(strings.Split(s, " ")), testLookup)
		if err != nil {
			var ce *cmdline.Error
			if !errors.As(err, &ce) && err != errUsage {
				t.Fatalf("%q: error %v (%T) is not a *cmdline.Error", s, err, err)
			}
			return
		}
		var e nexthop.View
		if err := nexthop.DecodeView(b, &e); err != nil {
			t.Fatalf("%q: the request does not decode: %v\n%x", s, err, b)
		}
		if e.Header != nexthop.ParseHeader(b) {
			t.Fatalf("%q: header %+v, sent %x", s, e.Header, b[:nexthop.HeaderLen])
		}
		for _, o := range []cli.Options{{}, {JSON: true}, {Details: 1, Oneline: true}} {
			var out, errOut bytes.Buffer
			env := cli.NewEnv(o, nil, &out, &errOut)
			pr := NewPrinter(env)
			pr.aux.NoLookups()
			pr.aux.KnowLink(3, "eth0")
			env.P.Begin()
			err := pr.PrintMessage(netlink.Message{Header: netlink.Header{Type: nexthop.RTMNewNexthop, Length: uint32(16 + len(b))}, Data: b})
			env.P.End()
			env.P.Flush()
			if err != nil || errOut.Len() > 0 {
				t.Fatalf("%q: printing the request: %v %q\n%x", s, err, errOut.String(), b)
			}
			if o.JSON && !json.Valid(out.Bytes()) {
				t.Fatalf("%q: JSON output is not valid: %s", s, out.String())
			}
		}
	})
}
