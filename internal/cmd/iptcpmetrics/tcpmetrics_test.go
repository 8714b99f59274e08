package iptcpmetrics

import (
	"bytes"
	"strings"
	"testing"

	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/tcpmetrics"
	"github.com/mdlayher/netlink"
)

// TestRequest: the generic netlink bodies iproute2 6.1 sends (strace -e
// sendto,sendmsg -xx, after the netlink header), with the verb each
// command becomes.
func TestRequest(t *testing.T) {
	for _, tc := range []struct {
		family int
		verb   int
		words  string
		want   []byte
		flags  netlink.HeaderFlags
		dump   bool
	}{
		{0, verbDel, "src 10.1.0.1 x 127.0.0.2", []byte{2, 1, 0, 0, 8, 0, 1, 0, 127, 0, 0, 2, 8, 0, 11, 0, 10, 1, 0, 1}, netlink.Acknowledge, false},
		{10, verbList, "", []byte{1, 1, 0, 0}, netlink.Dump, true},
		{0, verbList, "127.0.0.1", []byte{1, 1, 0, 0, 8, 0, 1, 0, 127, 0, 0, 1}, 0, false},
		{0, verbFlush, "", []byte{2, 1, 0, 0}, netlink.Acknowledge, false},
		{2, verbFlush, "", []byte{1, 1, 0, 0}, netlink.Dump, true},
		{0, verbFlush, "10/8", []byte{1, 1, 0, 0}, netlink.Dump, true},
		{0, verbFlush, "::1", []byte{2, 1, 0, 0, 20, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}, netlink.Acknowledge, false},
	} {
		env := cli.NewEnv(cli.Options{Family: tc.family}, nil, &bytes.Buffer{}, &bytes.Buffer{})
		s, err := parse(env, tc.verb, cmdline.NewArgs(strings.Fields(tc.words)))
		if err != nil {
			t.Errorf("%q: %v", tc.words, err)
			continue
		}
		body, _, flags, dump := s.request(tc.verb, tc.family)
		if !bytes.Equal(body, tc.want) || flags != tc.flags || dump != tc.dump {
			t.Errorf("%d %q = %v %v %v, want %v %v %v", tc.verb, tc.words, body, flags, dump, tc.want, tc.flags, tc.dump)
		}
	}
}

// TestParseErrors: iproute2's words for bad selectors (its loop reads
// every other word after the first selector).
func TestParseErrors(t *testing.T) {
	for _, tc := range []struct {
		verb  int
		words string
		err   string
	}{
		{verbDel, "10/8", `Error: a specific IP address is expected rather than "10/8"`},
		{verbList, "src 10/8", `Error: a specific IP address is expected rather than "10/8"`},
		{verbList, "1.1.1.1 x 2.2.2.2", `Error: either "address" is duplicate, or "2.2.2.2" is a garbage.`},
		{verbList, "src", `Command line is not complete. Try option "help"`},
		{verbList, "x", `Error: any valid prefix is expected rather than "x".`},
	} {
		env := cli.NewEnv(cli.Options{}, nil, &bytes.Buffer{}, &bytes.Buffer{})
		_, err := parse(env, tc.verb, cmdline.NewArgs(strings.Fields(tc.words)))
		if err == nil || err.Error() != tc.err {
			t.Errorf("%q: %v, want %q", tc.words, err, tc.err)
		}
	}
	env := cli.NewEnv(cli.Options{}, nil, &bytes.Buffer{}, &bytes.Buffer{})
	if _, err := parse(env, verbList, cmdline.NewArgs([]string{"1.1.1.1", "2.2.2.2"})); err != nil {
		t.Errorf("the word after a selector is read: %v", err)
	}
}

// TestPrint prints an entry as process_msg lays it out, in text and JSON.
func TestPrint(t *testing.T) {
	var vals []byte
	vals = tcpmetrics.AppendAttr(vals, tcpmetrics.MetricRTTUs+1, []byte{0x40, 1, 0, 0})    // 320 → rtt 40us
	vals = tcpmetrics.AppendAttr(vals, tcpmetrics.MetricRTTVarUs+1, []byte{0x50, 0, 0, 0}) // 80 → rttvar 20us
	vals = tcpmetrics.AppendAttr(vals, tcpmetrics.MetricCwnd+1, []byte{12, 0, 0, 0})
	b := []byte{tcpmetrics.CmdGet, 1, 0, 0}
	b = tcpmetrics.AppendAttr(b, tcpmetrics.AttrAddrIPv4, []byte{127, 0, 0, 2})
	b = tcpmetrics.AppendAttr(b, tcpmetrics.AttrAge, []byte{0xe8, 3, 0, 0, 0, 0, 0, 0})
	b = tcpmetrics.AppendAttr(b, tcpmetrics.AttrVals, vals)
	b = tcpmetrics.AppendAttr(b, tcpmetrics.AttrSaddrIPv4, []byte{127, 0, 0, 1})
	for _, tc := range []struct {
		opts cli.Options
		want string
	}{
		{cli.Options{}, "127.0.0.2 age 1.000sec cwnd 12 rtt 40us rttvar 20us source 127.0.0.1\n"},
		{cli.Options{JSON: true}, `{"dst":"127.0.0.2","age":1,"cwnd":12,"rtt":4e-05,"rttvar":2e-05,"source":"127.0.0.1"}`},
	} {
		var out bytes.Buffer
		env := cli.NewEnv(tc.opts, nil, &out, &out)
		pr := NewPrinter(env)
		if err := pr.Print(netlink.Header{}, b); err != nil {
			t.Fatal(err)
		}
		env.Close()
		if out.String() != tc.want {
			t.Errorf("got %q\nwant %q", out.String(), tc.want)
		}
	}
}

// FuzzPrint: no message makes the printer panic.
func FuzzPrint(f *testing.F) {
	f.Add([]byte{1, 1, 0, 0, 8, 0, 1, 0, 127, 0, 0, 1, 8, 0, 6, 0, 4, 0, 1, 0})
	f.Fuzz(func(t *testing.T, body []byte) {
		for _, o := range []cli.Options{{Stats: 2}, {JSON: true}} {
			var out bytes.Buffer
			env := cli.NewEnv(o, nil, &out, &out)
			pr := NewPrinter(env)
			pr.verb = verbFlush
			pr.Print(netlink.Header{}, body)
			env.Close()
		}
	})
}

// FuzzParse: no words make the selector parser panic.
func FuzzParse(f *testing.F) {
	f.Add("src 10.1.0.1 x 127.0.0.2")
	f.Fuzz(func(t *testing.T, s string) {
		env := cli.NewEnv(cli.Options{}, nil, &bytes.Buffer{}, &bytes.Buffer{})
		if sel, err := parse(env, verbFlush, cmdline.NewArgs(strings.Fields(s))); err == nil {
			sel.request(verbFlush, 0)
		}
	})
}
