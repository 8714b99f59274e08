package ipl2tp

import (
	"bytes"
	"encoding/hex"
	"fmt"
	"strings"
	"testing"

	"github.com/gipnet/gip/genl"
	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/l2tp"
	"github.com/mdlayher/netlink"
)

func parse(t testing.TB, words string) Words {
	w, err := ParseArgs(cmdline.NewArgs(strings.Fields(words)), func(string, ...any) {})
	if err != nil {
		t.Fatalf("%q: %v", words, err)
	}
	return w
}

// Requests derived from iproute2 6.1's create_tunnel, create_session,
// delete_* and get_* (this kernel has no l2tp family, so iproute2 stops at
// the family lookup and sends none).
func TestRequestGolden(t *testing.T) {
	for _, tc := range []struct{ words, body string }{
		{"tunnel tunnel_id 1 peer_tunnel_id 2 remote 1.2.3.4 local 5.6.7.8 encap ip",
			"01010000 0800 0900 01000000 0800 0a00 02000000 0500 0700 03000000 0600 0200 01000000 0800 1800 05060708 0800 1900 01020304"},
		{"tunnel tid 1 ptid 2 remote 2001:db8::1 local 2001:db8::2 udp_sport 5000 udp_dport 6000 udp_csum on udp6_csum_rx off",
			"01010000 0800 0900 01000000 0800 0a00 02000000 0500 0700 03000000 0600 0200 00000000 1400 1f00 20010db8000000000000000000000002 1400 2000 20010db8000000000000000000000001" +
				" 0600 1a00 88130000 0600 1b00 70170000 0500 0d00 01000000 0400 2200"},
		{"session name l2tpeth0 tunnel_id 1 session_id 3 peer_session_id 4 cookie 01020304 peer_cookie 0102030405060708 l2spec_type none seq both",
			"05010000 0800 0900 01000000 0800 0a00 00000000 0800 0b00 03000000 0800 0c00 04000000 0600 0100 05000000 0500 0500 00000000 0500 0600 00000000" +
				" 0500 1200 01000000 0500 1300 01000000 0800 0f00 01020304 0c00 1000 0102030405060708 0d00 0800 6c32747065746830 00 000000"},
	} {
		reqs, err := AddRequests(parse(t, tc.words))
		if err != nil || len(reqs) != 1 {
			t.Fatalf("%q: %v", tc.words, err)
		}
		want := strings.ReplaceAll(tc.body, " ", "")
		if got := hex.EncodeToString(reqs[0]); got != want {
			t.Errorf("%q:\n got %s\nwant %s", tc.words, got, want)
		}
	}
	for _, tc := range []struct{ words, body string }{
		{"tunnel tunnel_id 7", "02010000 0800 0900 07000000"},
		{"session tunnel_id 7 session_id 9", "06010000 0800 0900 07000000 0800 0b00 09000000"},
	} {
		req, err := DelRequest(parse(t, tc.words))
		if got, want := hex.EncodeToString(req), strings.ReplaceAll(tc.body, " ", ""); err != nil || got != want {
			t.Errorf("%q: %v\n got %s\nwant %s", tc.words, err, got, want)
		}
	}
	if got := hex.EncodeToString(l2tp.SessionGetRequest(7, 0)); got != "08010000" {
		t.Errorf("session get %s", got)
	}
	if got := hex.EncodeToString(l2tp.TunnelGetRequest(7)); got != "040100000800090007000000" {
		t.Errorf("tunnel get %s", got)
	}
}

func TestParseErrors(t *testing.T) {
	for _, tc := range []struct {
		words, msg string
		add        bool
	}{
		{"tunnel encap gre", `Unknown tunnel encapsulation "gre"`, false},
		{"tunnel name a/b", `Error: argument "a/b" is wrong: "name" not a valid ifname`, false},
		{"tunnel tunnel_id x", "Error: argument \"x\" is wrong: invalid ID\n", false},
		{"tunnel udp_sport 70000", "Error: argument \"70000\" is wrong: invalid port\n", false},
		{"tunnel udp_csum yes", "Error: argument \"yes\" is wrong: invalid option for udp_csum\n", false},
		{"session cookie 123", "Error: argument \"123\" is wrong: cookie must be either 8 or 16 hex digits\n", false},
		{"session cookie 1234567g", "Error: argument \"1234567g\" is wrong: cookie must be a hex string\n", false},
		{"session l2spec_type foo", `Unknown layer2specific header type "foo"`, false},
		{"session seq foo", `Unknown seq value "foo"`, false},
		{"tunnel_id 1", `Error: argument "tunnel or session" is required`, true},
		{"tunnel peer_tunnel_id 1", `Error: argument "tunnel_id" is required`, true},
		{"tunnel tunnel_id 1 peer_tunnel_id 1 local any remote 1.2.3.4", `Error: argument "local" is required`, true},
		{"tunnel tunnel_id 1 peer_tunnel_id 1 local 1.1.1.1 remote 1.2.3.4", `Error: argument "udp_sport" is required`, true},
		{"session tunnel_id 1 session_id 1", `Error: argument "peer_session_id" is required`, true},
	} {
		w, err := ParseArgs(cmdline.NewArgs(strings.Fields(tc.words)), func(string, ...any) {})
		if tc.add && err == nil {
			_, err = AddRequests(w)
		}
		if ce, ok := err.(*cmdline.Error); !ok || ce.Msg != tc.msg || ce.Code != cmdline.StatusUsage {
			t.Errorf("%q: %v", tc.words, err)
		}
	}
	var warn strings.Builder
	if _, err := ParseArgs(cmdline.NewArgs([]string{"tunnel", "foo"}), func(f string, a ...any) { fmt.Fprintf(&warn, f, a...) }); err != errUsage || warn.String() != "Unknown command: foo\n" {
		t.Errorf("foo: %v %q", err, warn.String())
	}
}

// TestPrintGolden: tunnels and sessions as iproute2 6.1's print_tunnel and
// print_session write them (derived from its source), each message
// decoded onto what the previous one left.
func TestPrintGolden(t *testing.T) {
	attr := genl.AppendAttr
	tun := genl.Header(l2tp.CmdTunnelGet, 1)
	tun = attr(tun, l2tp.AttrConnID, []byte{1, 0, 0, 0})
	tun = attr(tun, l2tp.AttrPeerConnID, []byte{2, 0, 0, 0})
	tun = attr(tun, l2tp.AttrEncapType, []byte{0, 0})
	tun = attr(tun, l2tp.AttrIPSaddr, []byte{5, 6, 7, 8})
	tun = attr(tun, l2tp.AttrIPDaddr, []byte{1, 2, 3, 4})
	tun = attr(tun, l2tp.AttrUDPSport, []byte{0x88, 0x13})
	tun = attr(tun, l2tp.AttrUDPDport, []byte{0x70, 0x17})
	tun = attr(tun, l2tp.AttrUDPCsum, []byte{1})
	ses := genl.Header(l2tp.CmdSessionGet, 1)
	ses = attr(ses, l2tp.AttrConnID, []byte{1, 0, 0, 0})
	ses = attr(ses, l2tp.AttrPeerConnID, []byte{2, 0, 0, 0})
	ses = attr(ses, l2tp.AttrSessionID, []byte{3, 0, 0, 0})
	ses = attr(ses, l2tp.AttrPeerSessionID, []byte{4, 0, 0, 0})
	ses = attr(ses, l2tp.AttrIfName, []byte("l2tpeth0\x00"))
	ses = attr(ses, l2tp.AttrCookie, []byte{1, 2, 3, 4})
	ses = attr(ses, l2tp.AttrSendSeq, []byte{1})
	for _, tc := range []struct {
		opts    cli.Options
		session bool
		body    []byte
		want    string
	}{
		{cli.Options{}, false, tun, "Tunnel 1, encap UDP\n  From 5.6.7.8 to 1.2.3.4\n  Peer tunnel 2\n  UDP source / dest ports: 5000/6000\n  UDP checksum: enabled\n"},
		{cli.Options{JSON: true}, false, tun, `[{"tunnel_id":1,"encap":"UDP","local":"5.6.7.8","peer":"1.2.3.4","peer_tunnel":2,"local_port":5000,"peer_port":6000,"checksum":true}]` + "\n"},
		{cli.Options{}, true, ses, "Session 3 in tunnel 1\n  Peer session 4, tunnel 2\n  interface name: l2tpeth0\n  offset 0, peer offset 0\n  cookie 01020304\n  sequence numbering: send\n"},
		{cli.Options{JSON: true}, true, ses, `[{"session_id":3,"tunnel_id":1,"peer_session_id":4,"peer_tunnel_id":2,"interface":"l2tpeth0","cookie":"01020304","send_seq":null}]` + "\n"},
	} {
		var out bytes.Buffer
		env := cli.NewEnv(tc.opts, nil, &out, &out)
		pr := &Printer{P: env.P, Session: tc.session}
		env.P.Begin()
		if err := pr.Print(netlink.Message{Header: netlink.Header{Type: 0x25}, Data: tc.body}); err != nil {
			t.Fatal(err)
		}
		env.P.End()
		env.P.Flush()
		if out.String() != tc.want {
			t.Errorf("got  %q\nwant %q", out.String(), tc.want)
		}
	}
}

// FuzzParseArgs: the parser never panics, and add's requests decode.
func FuzzParseArgs(f *testing.F) {
	f.Add("tunnel tunnel_id 1 peer_tunnel_id 2 remote 1.2.3.4 local 5.6.7.8 encap ip")
	f.Add("session tunnel_id 1 session_id 3 peer_session_id 4 cookie 01020304")
	f.Fuzz(func(t *testing.T, s string) {
		w, err := ParseArgs(cmdline.NewArgs(strings.Split(s, " ")), func(string, ...any) {})
		if err != nil {
			return
		}
		reqs, err := AddRequests(w)
		if err != nil {
			return
		}
		for _, r := range reqs {
			var p l2tp.Params
			_ = p.Apply(nil, r)
		}
	})
}

// FuzzPrint: the printer prints or refuses any message.
func FuzzPrint(f *testing.F) {
	f.Add(l2tp.TunnelCreateRequest(l2tp.Params{TunnelID: 1, Local: []byte{1, 2, 3, 4}, LocalFamily: 2}))
	f.Fuzz(func(t *testing.T, body []byte) {
		for _, o := range []cli.Options{{}, {JSON: true, Pretty: true}} {
			for _, session := range []bool{false, true} {
				var out bytes.Buffer
				env := cli.NewEnv(o, nil, &out, &out)
				pr := &Printer{P: env.P, Session: session}
				env.P.Begin()
				_ = pr.Print(netlink.Message{Header: netlink.Header{Type: 0x25}, Data: body})
				env.P.End()
				env.P.Flush()
			}
		}
	})
}
