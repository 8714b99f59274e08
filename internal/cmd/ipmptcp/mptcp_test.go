package ipmptcp

import (
	"bytes"
	"encoding/hex"
	"strings"
	"testing"

	"github.com/gipnet/gip/genl"
	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/mptcp"
	"github.com/mdlayher/netlink"
)

// unescape reads strace's "\x03\x00…" form.
func unescape(t testing.TB, s string) []byte {
	b, err := hex.DecodeString(strings.ReplaceAll(s, `\x`, ""))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// The bodies iproute2 6.1 sent (strace -f -e trace=sendmsg -xx), after
// the netlink header, in a namespace where v1 is index 3.
var goldenRequests = []struct {
	cmd   uint8
	words string
	body  string
}{
	{mptcp.CmdAddAddr, "10.0.0.2 id 7 dev v1 subflow backup",
		`\x01\x01\x00\x00\x2c\x00\x01\x80\x05\x00\x02\x00\x07\x00\x00\x00\x08\x00\x06\x00\x06\x00\x00\x00\x08\x00\x07\x00\x03\x00\x00\x00\x06\x00\x01\x00\x02\x00\x00\x00\x08\x00\x03\x00\x0a\x00\x00\x02`},
	{mptcp.CmdAddAddr, "2001:db8::1 signal port 1000",
		`\x01\x01\x00\x00\x30\x00\x01\x80\x08\x00\x06\x00\x01\x00\x00\x00\x06\x00\x05\x00\xe8\x03\x00\x00\x06\x00\x01\x00\x0a\x00\x00\x00\x14\x00\x04\x00\x20\x01\x0d\xb8\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x01`},
	{mptcp.CmdSetFlags, "id 7 backup fullmesh",
		`\x07\x01\x00\x00\x14\x00\x01\x80\x05\x00\x02\x00\x07\x00\x00\x00\x08\x00\x06\x00\x0c\x00\x00\x00`},
	{mptcp.CmdGetAddr, "id 7",
		`\x03\x01\x00\x00\x0c\x00\x01\x80\x05\x00\x02\x00\x07\x00\x00\x00`},
	{mptcp.CmdDelAddr, "id 7",
		`\x02\x01\x00\x00\x0c\x00\x01\x80\x05\x00\x02\x00\x07\x00\x00\x00`},
	{mptcp.CmdDelAddr, "id 0 2001:db8::1",
		`\x02\x01\x00\x00\x28\x00\x01\x80\x05\x00\x02\x00\x00\x00\x00\x00\x06\x00\x01\x00\x0a\x00\x00\x00\x14\x00\x04\x00\x20\x01\x0d\xb8\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x01`},
	{mptcp.CmdAddAddr, "default subflow",
		`\x01\x01\x00\x00\x18\x00\x01\x80\x08\x00\x06\x00\x02\x00\x00\x00\x06\x00\x01\x00\x00\x00\x00\x00\x04\x00\x04\x00`},
}

func index(name string) uint32 {
	if name == "v1" {
		return 3
	}
	return 0
}

func TestRequestGolden(t *testing.T) {
	for _, tc := range goldenRequests {
		e, err := ParseEndpoint(cmdline.NewArgs(strings.Fields(tc.words)), tc.cmd, index)
		if err != nil {
			t.Fatalf("%q: %v", tc.words, err)
		}
		if got, want := mptcp.Request(tc.cmd, e), unescape(t, tc.body); !bytes.Equal(got, want) {
			t.Errorf("%q:\n got % x\nwant % x", tc.words, got, want)
		}
	}
	for _, tc := range []struct {
		words string
		cmd   uint8
		body  string
	}{
		{"subflows 3 add_addr_accepted 4", mptcp.CmdSetLimits, `\x05\x01\x00\x00\x08\x00\x02\x00\x04\x00\x00\x00\x08\x00\x03\x00\x03\x00\x00\x00`},
		{"", mptcp.CmdGetLimits, `\x06\x01\x00\x00`},
	} {
		l, err := ParseLimits(cmdline.NewArgs(strings.Fields(tc.words)))
		if err != nil {
			t.Fatal(err)
		}
		if got, want := mptcp.LimitsRequest(tc.cmd, l), unescape(t, tc.body); !bytes.Equal(got, want) {
			t.Errorf("%q:\n got % x\nwant % x", tc.words, got, want)
		}
	}
	if got, want := genl.FamilyRequest(mptcp.FamilyName), unescape(t, `\x03\x00\x00\x00\x0d\x00\x02\x00\x6d\x70\x74\x63\x70\x5f\x70\x6d\x00\x00\x00\x00`); !bytes.Equal(got, want) {
		t.Errorf("family lookup % x", got)
	}
	if got := mptcp.FlushRequest(); !bytes.Equal(got, []byte{4, 1, 0, 0}) {
		t.Errorf("flush % x", got)
	}
}

func TestParseErrors(t *testing.T) {
	for _, tc := range []struct {
		cmd   uint8
		words string
		msg   string
		code  int
	}{
		{mptcp.CmdAddAddr, "", `Error: argument "ADDRESS" is required`, 255},
		{mptcp.CmdAddAddr, "1.2.3.4 port 5", `Error: argument "port" is wrong: flags must have signal when using port`, 255},
		{mptcp.CmdAddAddr, "1.2.3.4 signal fullmesh", `Error: argument "fullmesh" is wrong: flags mustn't have both signal and fullmesh`, 255},
		{mptcp.CmdAddAddr, "1.2.3.4 id 300", "Error: argument \"300\" is wrong: invalid ID\n", 255},
		{mptcp.CmdAddAddr, "1.2.3.4 dev nosuch", "Error: argument \"nosuch\" is wrong: device does not exist\n", 255},
		{mptcp.CmdAddAddr, "1.2.3.4 dev a/b", "Error: argument \"a/b\" is wrong: invalid interface name\n", 255},
		{mptcp.CmdAddAddr, "1.2.3.4 port 70000", `Error: argument "70000" is wrong: expected port`, 255},
		{mptcp.CmdAddAddr, "foo", `Error: any valid address is expected rather than "foo".`, 1},
		{mptcp.CmdAddAddr, "1.2.3.4 id", `Command line is not complete. Try option "help"`, 255},
		{mptcp.CmdDelAddr, "", `Error: argument "ID" is required`, 255},
		{mptcp.CmdDelAddr, "id 0", "Error: argument \"ID\" is wrong: address is needed for deleting id 0 address\n", 255},
		{mptcp.CmdDelAddr, "id 1 1.2.3.4", "Error: argument \"ADDRESS\" is wrong: invalid for non-zero id address\n", 255},
		{mptcp.CmdSetFlags, "id 1 signal", `Error: argument "signal" is wrong: invalid flags, backup and fullmesh only`, 255},
		{mptcp.CmdSetFlags, "id 1 port 5", `Error: argument "port" is wrong: port can't be used with id`, 255},
	} {
		_, err := ParseEndpoint(cmdline.NewArgs(strings.Fields(tc.words)), tc.cmd, index)
		ce, ok := err.(*cmdline.Error)
		if !ok || ce.Msg != tc.msg || ce.Code != tc.code {
			t.Errorf("%d %q: got %v, want %q (%d)", tc.cmd, tc.words, err, tc.msg, tc.code)
		}
	}
}

// endpointMessage builds the kernel's answer for one endpoint.
func endpointMessage(id uint8, flags uint32, ifindex int32, port uint16, family uint16, addr []byte) netlink.Message {
	e := mptcp.Endpoint{ID: id, HasID: true, Flags: flags, IfIndex: ifindex, Port: port, Family: family, Addr: addr, HasAddr: true}
	return netlink.Message{Header: netlink.Header{Type: 0x20}, Data: mptcp.Request(mptcp.CmdAddAddr, e)}
}

// TestPrintGolden: what iproute2 6.1 printed for these endpoints (the
// same kernel answers, from `ip mptcp endpoint add 10.0.0.2 subflow
// backup fullmesh` and `… add 2001:db8::1 dev v2 signal backup`, v2 at
// index 4), and for flags it does not name.
func TestPrintGolden(t *testing.T) {
	msgs := []netlink.Message{
		endpointMessage(1, mptcp.FlagSubflow|mptcp.FlagBackup|mptcp.FlagFullmesh, 0, 0, 2, []byte{10, 0, 0, 2}),
		endpointMessage(2, mptcp.FlagSignal|mptcp.FlagBackup, 4, 0, 10, unescape(t, `\x20\x01\x0d\xb8\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x01`)),
		endpointMessage(3, mptcp.FlagSignal|mptcp.FlagImplicit|0x100, 9, 1000, 2, []byte{10, 0, 0, 3}),
	}
	names := func(i uint32) string { return map[uint32]string{4: "v2"}[i] }
	for _, tc := range []struct {
		opts cli.Options
		want string
	}{
		{cli.Options{}, "10.0.0.2 id 1 subflow backup fullmesh \n2001:db8::1 id 2 signal backup dev v2 \n10.0.0.3 port 1000 id 3 signal rawflags 110 dev  \n"},
		{cli.Options{JSON: true}, `[{"address":"10.0.0.2","id":1,"subflow":true,"backup":true,"fullmesh":true},{"address":"2001:db8::1","id":2,"signal":true,"backup":true,"dev":"v2"},{"address":"10.0.0.3","port":1000,"id":3,"signal":true,"rawflags":"110","dev":""}]` + "\n"},
		{cli.Options{JSON: true, Pretty: true}, "[ {\n        \"address\": \"10.0.0.2\",\n        \"id\": 1,\n        \"subflow\": true,\n        \"backup\": true,\n        \"fullmesh\": true\n    },{\n        \"address\": \"2001:db8::1\",\n        \"id\": 2,\n        \"signal\": true,\n        \"backup\": true,\n        \"dev\": \"v2\"\n    },{\n        \"address\": \"10.0.0.3\",\n        \"port\": 1000,\n        \"id\": 3,\n        \"signal\": true,\n        \"rawflags\": \"110\",\n        \"dev\": \"\"\n    } ]\n"},
	} {
		var out bytes.Buffer
		env := cli.NewEnv(tc.opts, nil, &out, &out)
		pr := &Printer{P: env.P, Name: names, Family: 0x20}
		env.P.Begin()
		for _, m := range msgs {
			if err := pr.PrintEndpoint(m); err != nil {
				t.Fatal(err)
			}
		}
		env.P.End()
		env.P.Flush()
		if out.String() != tc.want {
			t.Errorf("%+v: got\n%s\nwant\n%s", tc.opts, out.String(), tc.want)
		}
	}
}

// TestPrintEventGolden: lines iproute2 6.1's monitor printed for a
// connection over loopback (the kernel's attributes rebuilt), and the
// listener events it does not know.
func TestPrintEventGolden(t *testing.T) {
	u32 := func(v uint32) []byte { return []byte{byte(v), byte(v >> 8), byte(v >> 16), byte(v >> 24)} }
	be16 := func(v uint16) []byte { return []byte{byte(v >> 8), byte(v)} }
	ev := func(typ uint8, attrs ...any) []byte {
		b := genl.Header(typ, mptcp.Version)
		for i := 0; i < len(attrs); i += 2 {
			b = genl.AppendAttr(b, uint16(attrs[i].(int)), attrs[i+1].([]byte))
		}
		return b
	}
	for _, tc := range []struct {
		body []byte
		want string
	}{
		{ev(15, mptcp.EventAttrFamily, []byte{2, 0}), "[UNKNOWN 15]\n"},
		{ev(mptcp.EventCreated, mptcp.EventAttrToken, u32(0x10e7f301), mptcp.EventAttrFamily, []byte{2, 0},
			mptcp.EventAttrLocID, []byte{0}, mptcp.EventAttrRemID, []byte{0},
			mptcp.EventAttrSAddr4, []byte{127, 0, 0, 1}, mptcp.EventAttrDAddr4, []byte{127, 0, 0, 1},
			mptcp.EventAttrSPort, be16(45264), mptcp.EventAttrDPort, be16(45000)),
			"[       CREATED] token=10e7f301 remid=0 locid=0 saddr4=127.0.0.1 daddr4=127.0.0.1 sport=45264 dport=45000\n"},
		{ev(mptcp.EventEstablished, mptcp.EventAttrToken, u32(0x0658c88a), mptcp.EventAttrFamily, []byte{2, 0},
			mptcp.EventAttrLocID, []byte{0}, mptcp.EventAttrRemID, []byte{0},
			mptcp.EventAttrSAddr4, []byte{127, 0, 0, 1}, mptcp.EventAttrDAddr4, []byte{127, 0, 0, 1},
			mptcp.EventAttrSPort, be16(45000), mptcp.EventAttrDPort, be16(45264), mptcp.EventAttrServerSide, []byte{1},
			mptcp.EventAttrFlags, []byte{2, 0}),
			"[   ESTABLISHED] token=0658c88a remid=0 locid=0 saddr4=127.0.0.1 daddr4=127.0.0.1 sport=45000 dport=45264 flags=2\n"},
		{ev(mptcp.EventClosed, mptcp.EventAttrToken, u32(0x10e7f301)), "[        CLOSED] token=10e7f301\n"},
		{ev(mptcp.EventSubClosed, mptcp.EventAttrToken, u32(1), mptcp.EventAttrSAddr6, make([]byte, 16),
			mptcp.EventAttrBackup, []byte{1}, mptcp.EventAttrError, []byte{104}, mptcp.EventAttrTimeout, u32(7),
			mptcp.EventAttrIfIdx, u32(0xffffffff), mptcp.EventAttrResetReason, u32(3), mptcp.EventAttrResetFlags, u32(0x1f)),
			"[     SF_CLOSED] token=00000001 saddr6=:: backup=1 error=104 timeout=7 ifindex=-1 reset_reason=3 reset_flags=0x1f\n"},
	} {
		var out bytes.Buffer
		env := cli.NewEnv(cli.Options{}, nil, &out, &out)
		(&Printer{P: env.P}).PrintEvent(tc.body)
		env.P.Flush()
		if out.String() != tc.want {
			t.Errorf("got  %q\nwant %q", out.String(), tc.want)
		}
	}
}

// FuzzParseEndpoint: the word parser returns an endpoint or an error,
// never panics, and its request decodes back to the same endpoint.
func FuzzParseEndpoint(f *testing.F) {
	for _, tc := range goldenRequests {
		f.Add(tc.cmd, tc.words)
	}
	f.Fuzz(func(t *testing.T, cmd uint8, s string) {
		e, err := ParseEndpoint(cmdline.NewArgs(strings.Split(s, " ")), cmd, index)
		if err != nil {
			return
		}
		back, ok := mptcp.ParseEndpoint(mptcp.Request(cmd, e))
		if !ok || back.ID != e.ID || back.HasID != e.HasID || back.Flags != e.Flags || back.Port != e.Port || back.IfIndex != e.IfIndex {
			t.Fatalf("%q: %+v came back as %+v", s, e, back)
		}
	})
}

// FuzzPrint: the printers print or refuse any message.
func FuzzPrint(f *testing.F) {
	for _, tc := range goldenRequests {
		f.Add(unescape(f, tc.body))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		for _, o := range []cli.Options{{}, {JSON: true, Pretty: true}} {
			var out bytes.Buffer
			env := cli.NewEnv(o, nil, &out, &out)
			pr := &Printer{P: env.P, Name: func(uint32) string { return "x" }, Family: 0x20}
			m := netlink.Message{Header: netlink.Header{Type: 0x20}, Data: body}
			env.P.Begin()
			_ = pr.PrintEndpoint(m)
			_ = pr.PrintLimits(m)
			pr.PrintEvent(body)
			env.P.End()
			env.P.Flush()
		}
	})
}
