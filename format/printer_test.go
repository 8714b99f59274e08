package format

import (
	"bytes"
	"io"
	"strings"
	"testing"
)

// The expected bytes below are what iproute2 6.1's ip printed (captured in a
// fresh namespace); the emit functions make the same print calls its
// printers make, so each mode is checked against the real tool's output.

type testAddr struct {
	family, local, scope, label string
	plen                        uint64
}

type testLink struct {
	index                           uint64
	name, peer                      string
	flags                           []string
	mtu                             uint64
	qdisc, state, mode, group       string
	qlen                            uint64
	linkType, addr, brd             string
	details                         bool
	promisc, minMTU, maxMTU, queues uint64
	kind                            string
	addrs                           []testAddr
	withAddrs                       bool
}

var lo = testLink{
	index: 1, name: "lo", flags: []string{"LOOPBACK", "UP", "LOWER_UP"}, mtu: 65536,
	qdisc: "noqueue", state: "UNKNOWN", mode: "DEFAULT", group: "default", qlen: 1000,
	linkType: "loopback", addr: "00:00:00:00:00:00", brd: "00:00:00:00:00:00",
}

func loWithAddrs() testLink {
	l := lo
	l.mode = ""
	l.withAddrs = true
	l.addrs = []testAddr{
		{family: "inet", local: "127.0.0.1", plen: 8, scope: "host", label: "lo"},
		{family: "inet6", local: "::1", plen: 128, scope: "host"},
	}
	return l
}

var v0 = testLink{
	index: 3, name: "v0", peer: "v1", flags: []string{"BROADCAST", "MULTICAST", "M-DOWN"}, mtu: 1500,
	qdisc: "noop", state: "DOWN", mode: "DEFAULT", group: "default", qlen: 1000,
	linkType: "ether", addr: "02:00:00:00:00:01", brd: "ff:ff:ff:ff:ff:ff",
	details: true, minMTU: 68, maxMTU: 65535, queues: 2, kind: "veth",
}

func stateColor(s string) Color {
	switch s {
	case "UP":
		return OperUp
	case "DOWN":
		return OperDown
	}
	return NoColor
}

// emitLink prints a link as ip link / ip addr do.
func emitLink(p *Printer, l testLink) {
	p.OpenObject("")
	p.Uint(Any, "ifindex", "%u: ", l.index)
	name := l.name
	if l.peer != "" {
		p.String(JSON, "link", "", l.peer)
		name += "@" + l.peer
	}
	p.ColorString(JSON, Ifname, "ifname", "", l.name)
	p.ColorString(Text, Ifname, "", "%s: ", name)
	p.OpenArray(Any, "flags", "<")
	for i, f := range l.flags {
		format := "%s,"
		if i == len(l.flags)-1 {
			format = "%s"
		}
		p.String(Any, "", format, f)
	}
	p.CloseArray(Any, "> ")
	p.Uint(Any, "mtu", "mtu %u ", l.mtu)
	p.String(Any, "qdisc", "qdisc %s ", l.qdisc)
	p.ColorString(Any, stateColor(l.state), "operstate", "state %s ", l.state)
	if l.mode != "" {
		p.String(Any, "linkmode", "mode %s ", l.mode)
	}
	p.String(Any, "group", "group %s ", l.group)
	p.Uint(Any, "txqlen", "qlen %u", l.qlen)
	p.NL()
	p.String(Text, "", "    link/%s ", l.linkType)
	p.String(JSON, "link_type", "", l.linkType)
	p.ColorString(Any, MAC, "address", "%s", l.addr)
	p.Text(" brd ")
	p.ColorString(Any, MAC, "broadcast", "%s", l.brd)
	if l.details {
		p.Uint(Any, "promiscuity", " promiscuity %u ", l.promisc)
		p.Uint(Any, "allmulti", " allmulti %u ", 0)
		p.Uint(Any, "min_mtu", "minmtu %u ", l.minMTU)
		p.Uint(Any, "max_mtu", "maxmtu %u ", l.maxMTU)
		p.OpenObject("linkinfo")
		p.NL()
		p.String(Any, "info_kind", "    %s ", l.kind)
		p.CloseObject()
		p.String(Any, "inet6_addr_gen_mode", "addrgenmode %s ", "eui64")
		p.Uint(Any, "num_tx_queues", "numtxqueues %u ", l.queues)
		p.Uint(Any, "num_rx_queues", "numrxqueues %u ", l.queues)
		p.Uint(Any, "gso_max_size", "gso_max_size %u ", 65536)
		p.Uint(Any, "gso_max_segs", "gso_max_segs %u ", 65535)
		p.Uint(Any, "tso_max_size", "tso_max_size %u ", 524280)
		p.Uint(Any, "tso_max_segs", "tso_max_segs %u ", 65535)
		p.Uint(Any, "gro_max_size", "gro_max_size %u ", 65536)
	}
	if l.withAddrs {
		p.OpenArray(JSON, "addr_info", "")
		for _, a := range l.addrs {
			p.OpenObject("")
			p.NL()
			p.String(Any, "family", "    %s ", a.family)
			c := Inet
			if a.family == "inet6" {
				c = Inet6
			}
			p.ColorString(Any, c, "local", "%s", a.local)
			p.Uint(Any, "prefixlen", "/%u ", a.plen)
			p.String(Any, "scope", "scope %s ", a.scope)
			if a.label != "" {
				p.String(Any, "label", "%s", a.label)
			}
			p.NL()
			p.Text("       valid_lft forever preferred_lft forever")
			p.Uint(JSON, "valid_life_time", "", 4294967295)
			p.Uint(JSON, "preferred_life_time", "", 4294967295)
			p.CloseObject()
		}
		p.CloseArray(JSON, "")
	}
	p.Text("\n")
	p.CloseObject()
}

func render(o Options, links ...testLink) string {
	var b bytes.Buffer
	p := New(&b, o)
	p.Begin()
	for _, l := range links {
		emitLink(p, l)
	}
	p.End()
	p.Flush()
	return b.String()
}

func TestLinkText(t *testing.T) {
	tests := []struct {
		name string
		o    Options
		l    testLink
		want string
	}{
		{"text", Options{}, lo,
			"1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN mode DEFAULT group default qlen 1000\n" +
				"    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n"},
		{"oneline", Options{Oneline: true}, lo,
			"1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN mode DEFAULT group default qlen 1000\\" +
				"    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n"},
		{"addr", Options{}, loWithAddrs(),
			"1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000\n" +
				"    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n" +
				"    inet 127.0.0.1/8 scope host lo\n" +
				"       valid_lft forever preferred_lft forever\n" +
				"    inet6 ::1/128 scope host \n" +
				"       valid_lft forever preferred_lft forever\n"},
		{"veth", Options{}, func() testLink { l := v0; l.details = false; return l }(),
			"3: v0@v1: <BROADCAST,MULTICAST,M-DOWN> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 1000\n" +
				"    link/ether 02:00:00:00:00:01 brd ff:ff:ff:ff:ff:ff\n"},
	}
	for _, tt := range tests {
		if got := render(tt.o, tt.l); got != tt.want {
			t.Errorf("%s: got\n%q\nwant\n%q", tt.name, got, tt.want)
		}
	}
}

func TestJSONCompact(t *testing.T) {
	tests := []struct {
		name string
		l    testLink
		want string
	}{
		{"ip -j l show lo", lo,
			`[{"ifindex":1,"ifname":"lo","flags":["LOOPBACK","UP","LOWER_UP"],"mtu":65536,"qdisc":"noqueue","operstate":"UNKNOWN","linkmode":"DEFAULT","group":"default","txqlen":1000,"link_type":"loopback","address":"00:00:00:00:00:00","broadcast":"00:00:00:00:00:00"}]` + "\n"},
		{"ip -j -d l show v0", v0,
			`[{"ifindex":3,"link":"v1","ifname":"v0","flags":["BROADCAST","MULTICAST","M-DOWN"],"mtu":1500,"qdisc":"noop","operstate":"DOWN","linkmode":"DEFAULT","group":"default","txqlen":1000,"link_type":"ether","address":"02:00:00:00:00:01","broadcast":"ff:ff:ff:ff:ff:ff","promiscuity":0,"allmulti":0,"min_mtu":68,"max_mtu":65535,"linkinfo":{"info_kind":"veth"},"inet6_addr_gen_mode":"eui64","num_tx_queues":2,"num_rx_queues":2,"gso_max_size":65536,"gso_max_segs":65535,"tso_max_size":524280,"tso_max_segs":65535,"gro_max_size":65536}]` + "\n"},
		{"ip -j a show lo", loWithAddrs(),
			`[{"ifindex":1,"ifname":"lo","flags":["LOOPBACK","UP","LOWER_UP"],"mtu":65536,"qdisc":"noqueue","operstate":"UNKNOWN","group":"default","txqlen":1000,"link_type":"loopback","address":"00:00:00:00:00:00","broadcast":"00:00:00:00:00:00","addr_info":[{"family":"inet","local":"127.0.0.1","prefixlen":8,"scope":"host","label":"lo","valid_life_time":4294967295,"preferred_life_time":4294967295},{"family":"inet6","local":"::1","prefixlen":128,"scope":"host","valid_life_time":4294967295,"preferred_life_time":4294967295}]}]` + "\n"},
	}
	for _, tt := range tests {
		// -color and -oneline change nothing in JSON.
		for _, o := range []Options{{JSON: true}, {JSON: true, Color: true}, {JSON: true, Oneline: true}} {
			if got := render(o, tt.l); got != tt.want {
				t.Errorf("%s %+v: got\n%s\nwant\n%s", tt.name, o, got, tt.want)
			}
		}
	}
}

func TestJSONPretty(t *testing.T) {
	wantV0 := `[ {
        "ifindex": 3,
        "link": "v1",
        "ifname": "v0",
        "flags": [ "BROADCAST","MULTICAST","M-DOWN" ],
        "mtu": 1500,
        "qdisc": "noop",
        "operstate": "DOWN",
        "linkmode": "DEFAULT",
        "group": "default",
        "txqlen": 1000,
        "link_type": "ether",
        "address": "02:00:00:00:00:01",
        "broadcast": "ff:ff:ff:ff:ff:ff",
        "promiscuity": 0,
        "allmulti": 0,
        "min_mtu": 68,
        "max_mtu": 65535,
        "linkinfo": {
            "info_kind": "veth"
        },
        "inet6_addr_gen_mode": "eui64",
        "num_tx_queues": 2,
        "num_rx_queues": 2,
        "gso_max_size": 65536,
        "gso_max_segs": 65535,
        "tso_max_size": 524280,
        "tso_max_segs": 65535,
        "gro_max_size": 65536
    } ]
`
	wantLo := `[ {
        "ifindex": 1,
        "ifname": "lo",
        "flags": [ "LOOPBACK","UP","LOWER_UP" ],
        "mtu": 65536,
        "qdisc": "noqueue",
        "operstate": "UNKNOWN",
        "group": "default",
        "txqlen": 1000,
        "link_type": "loopback",
        "address": "00:00:00:00:00:00",
        "broadcast": "00:00:00:00:00:00",
        "addr_info": [ {
                "family": "inet",
                "local": "127.0.0.1",
                "prefixlen": 8,
                "scope": "host",
                "label": "lo",
                "valid_life_time": 4294967295,
                "preferred_life_time": 4294967295
            },{
                "family": "inet6",
                "local": "::1",
                "prefixlen": 128,
                "scope": "host",
                "valid_life_time": 4294967295,
                "preferred_life_time": 4294967295
            } ]
    } ]
`
	o := Options{JSON: true, Pretty: true}
	if got := render(o, v0); got != wantV0 {
		t.Errorf("ip -j -p -d l show v0: got\n%s\nwant\n%s", got, wantV0)
	}
	if got := render(o, loWithAddrs()); got != wantLo {
		t.Errorf("ip -j -p a show lo: got\n%s\nwant\n%s", got, wantLo)
	}
	// Two records: objects in the top array are separated by ",".
	both := render(Options{JSON: true}, lo, lo)
	if !strings.HasPrefix(both, `[{"ifindex":1,`) || !strings.Contains(both, `"broadcast":"00:00:00:00:00:00"},{"ifindex":1,`) {
		t.Errorf("two records: %s", both)
	}
}

// jsonOf runs f between Begin and End in JSON mode.
func jsonOf(pretty bool, f func(p *Printer)) string {
	var b bytes.Buffer
	p := New(&b, Options{JSON: true, Pretty: pretty})
	p.Begin()
	f(p)
	p.End()
	p.Flush()
	return b.String()
}

func TestJSONEmpty(t *testing.T) {
	tests := []struct {
		pretty bool
		f      func(p *Printer)
		want   string
	}{
		// ip -j addr with nothing to show
		{false, func(p *Printer) {}, "[]\n"},
		{true, func(p *Printer) {}, "[ ]\n"},
		{false, func(p *Printer) {
			p.OpenObject("")
			p.OpenArray(JSON, "addr_info", "")
			p.CloseArray(JSON, "")
			p.CloseObject()
		},
			`[{"addr_info":[]}]` + "\n"},
		{true, func(p *Printer) {
			p.OpenObject("")
			p.OpenArray(JSON, "addr_info", "")
			p.CloseArray(JSON, "")
			p.CloseObject()
		},
			"[ {\n        \"addr_info\": [ ]\n    } ]\n"},
		{true, func(p *Printer) { p.OpenObject(""); p.CloseObject() }, "[ {} ]\n"},
		{false, func(p *Printer) { p.OpenObject(""); p.OpenObject("linkinfo"); p.CloseObject(); p.CloseObject() },
			`[{"linkinfo":{}}]` + "\n"},
		// nested arrays of plain values
		{false, func(p *Printer) {
			p.OpenObject("")
			p.OpenArray(Any, "a", "")
			p.Uint(Any, "", "%u", 1)
			p.OpenArray(Any, "", "")
			p.Int(Any, "", "%d", -2)
			p.CloseArray(Any, "")
			p.CloseArray(Any, "")
			p.CloseObject()
		}, `[{"a":[1,[-2]]}]` + "\n"},
		{true, func(p *Printer) {
			p.OpenObject("")
			p.OpenArray(Any, "a", "")
			p.Uint(Any, "", "%u", 1)
			p.OpenArray(Any, "", "")
			p.Int(Any, "", "%d", -2)
			p.CloseArray(Any, "")
			p.CloseArray(Any, "")
			p.CloseObject()
		}, "[ {\n        \"a\": [ 1,[ -2 ] ]\n    } ]\n"},
	}
	for i, tt := range tests {
		if got := jsonOf(tt.pretty, tt.f); got != tt.want {
			t.Errorf("%d: got %q, want %q", i, got, tt.want)
		}
	}
}

func TestJSONValues(t *testing.T) {
	got := jsonOf(false, func(p *Printer) {
		p.OpenObject("")
		p.String(Any, "s", "%s", "a\"b\\c\nd\te\rf\fg\bh/\x01é")
		p.Uint(Any, "u", "%u", 18446744073709551615)
		p.Int(Any, "i", "%d", -9223372036854775808)
		p.Hex(Any, "h", "%#x", 0xbeef)
		p.Bool(Any, "t", "", true)
		p.Bool(Any, "f", "", false)
		p.OnOff(Any, "on", "x %s", true)
		p.Null(Any, "n", "%s", "none")
		p.Raw(Any, "r", "%s", "1.50")
		p.String(Text, "text_only", "%s", "x")
		p.Text("text")
		p.NL()
		p.OpenArray(Text, "", "<")
		p.CloseArray(Text, ">")
		p.String(JSON, "json_only", "", "y")
		p.CloseObject()
	})
	want := `[{"s":"a\"b\\c\nd\te\rf\fg\bh/` + "\x01é" + `","u":18446744073709551615,"i":-9223372036854775808,"h":"beef","t":true,"f":false,"on":true,"n":null,"r":1.50,"json_only":"y"}]` + "\n"
	if got != want {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
	// keyless values inside an array
	got = jsonOf(true, func(p *Printer) {
		p.OpenArray(Any, "", "")
		p.String(Any, "", "%s", "x")
		p.Hex(Any, "", "%x", 10)
		p.Bool(Any, "", "", true)
		p.CloseArray(Any, "")
	})
	if want := "[ [ \"x\",\"a\",true ] ]\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// textOf prints with f in text mode.
func textOf(o Options, f func(p *Printer)) string {
	var b bytes.Buffer
	p := New(&b, o)
	f(p)
	p.Flush()
	return b.String()
}

func TestTextModeIgnoresJSON(t *testing.T) {
	got := textOf(Options{}, func(p *Printer) {
		p.Begin()
		p.OpenObject("x")
		p.String(JSON, "k", "%s", "json")
		p.OpenArray(JSON, "a", "[")
		p.CloseArray(JSON, "]")
		p.Uint(Text, "", "%u", 7)
		p.Bool(Any, "b", "flag ", true)
		p.Bool(Any, "b", "%s ", false)
		p.OnOff(Any, "o", "learning %s ", true)
		p.OnOff(Any, "o", "flood %s", false)
		p.Null(Any, "n", " %s", "none")
		p.Raw(Any, "r", " %s", "1.50")
		p.CloseObject()
		p.End()
	})
	if want := "7flag false learning on flood off none 1.50"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestNewlineToken(t *testing.T) {
	for _, tt := range []struct {
		o    Options
		want string
	}{{Options{}, "\n"}, {Options{Oneline: true}, "\\"}} {
		var b bytes.Buffer
		p := New(&b, tt.o)
		if p.NewlineToken() != tt.want || p.Oneline() != tt.o.Oneline {
			t.Errorf("%+v: NewlineToken() = %q", tt.o, p.NewlineToken())
		}
		p.NL()
		p.Flush()
		if b.String() != tt.want {
			t.Errorf("%+v: NL() printed %q, want %q", tt.o, b.String(), tt.want)
		}
	}
	// NL prints nothing in JSON.
	if got := textOf(Options{JSON: true, Oneline: true}, func(p *Printer) { p.NL() }); got != "" {
		t.Errorf("NL in JSON printed %q", got)
	}
}

func TestColor(t *testing.T) {
	tests := []struct {
		colorfgbg string
		oneline   bool
		want      string
	}{
		// ip -c l show lo (light background: COLORFGBG unset)
		{"", false, "1: \x1b[36mlo: \x1b[0m<LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN mode DEFAULT group default qlen 1000\n" +
			"    link/loopback \x1b[33m00:00:00:00:00:00\x1b[0m brd \x1b[33m00:00:00:00:00:00\x1b[0m\n"},
		{"0;15", false, "1: \x1b[36mlo: \x1b[0m<LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN mode DEFAULT group default qlen 1000\n" +
			"    link/loopback \x1b[33m00:00:00:00:00:00\x1b[0m brd \x1b[33m00:00:00:00:00:00\x1b[0m\n"},
		// dark backgrounds: the last field is 0-6 or 8
		{"15;0", false, "1: \x1b[1;36mlo: \x1b[0m<LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN mode DEFAULT group default qlen 1000\n" +
			"    link/loopback \x1b[1;33m00:00:00:00:00:00\x1b[0m brd \x1b[1;33m00:00:00:00:00:00\x1b[0m\n"},
		{"15;default;8", true, "1: \x1b[1;36mlo: \x1b[0m<LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN mode DEFAULT group default qlen 1000\\" +
			"    link/loopback \x1b[1;33m00:00:00:00:00:00\x1b[0m brd \x1b[1;33m00:00:00:00:00:00\x1b[0m\n"},
		// not dark: 7, 9, two digits, no ';'
		{"0;7", false, "1: \x1b[36mlo: \x1b[0m<LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN mode DEFAULT group default qlen 1000\n" +
			"    link/loopback \x1b[33m00:00:00:00:00:00\x1b[0m brd \x1b[33m00:00:00:00:00:00\x1b[0m\n"},
		{"0", false, "1: \x1b[36mlo: \x1b[0m<LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN mode DEFAULT group default qlen 1000\n" +
			"    link/loopback \x1b[33m00:00:00:00:00:00\x1b[0m brd \x1b[33m00:00:00:00:00:00\x1b[0m\n"},
	}
	for _, tt := range tests {
		t.Setenv("COLORFGBG", tt.colorfgbg)
		if got := render(Options{Color: true, Oneline: tt.oneline}, lo); got != tt.want {
			t.Errorf("COLORFGBG=%q: got\n%q\nwant\n%q", tt.colorfgbg, got, tt.want)
		}
	}
	// Every attribute, light and dark (iproute2's color.c tables).
	attrs := []Color{Ifname, MAC, Inet, Inet6, OperUp, OperDown}
	light := []string{"36", "33", "35", "34", "32", "31"}
	for _, dark := range []bool{false, true} {
		t.Setenv("COLORFGBG", map[bool]string{false: "0;15", true: "15;0"}[dark])
		for i, c := range attrs {
			code := light[i]
			if dark {
				code = "1;" + code
			}
			got := textOf(Options{Color: true}, func(p *Printer) { p.ColorString(Any, c, "k", "state %s ", "X") })
			if want := "\x1b[" + code + "mstate X \x1b[0m"; got != want {
				t.Errorf("color %d dark=%v: got %q, want %q", c, dark, got, want)
			}
		}
	}
	// No color without Color, for NoColor, and in JSON.
	t.Setenv("COLORFGBG", "")
	if got := textOf(Options{}, func(p *Printer) { p.ColorString(Any, Ifname, "k", "%s", "lo") }); got != "lo" {
		t.Errorf("color off: %q", got)
	}
	if got := textOf(Options{Color: true}, func(p *Printer) { p.ColorString(Any, NoColor, "k", "%s", "lo") }); got != "lo" {
		t.Errorf("NoColor: %q", got)
	}
}

func TestTextf(t *testing.T) {
	type call func(p *Printer)
	s := func(f, v string) call { return func(p *Printer) { p.String(Text, "", f, v) } }
	u := func(f string, v uint64) call { return func(p *Printer) { p.Uint(Text, "", f, v) } }
	i := func(f string, v int64) call { return func(p *Printer) { p.Int(Text, "", f, v) } }
	h := func(f string, v uint64) call { return func(p *Printer) { p.Hex(Text, "", f, v) } }
	tests := []struct {
		name string
		f    call
		want string
	}{
		{"%-16s", s("%-16s", "lo"), "lo              "},
		{"%-16s long", s("%-16s|", "a-very-long-ifname"), "a-very-long-ifname|"},
		{"%16s", s("%16s", "lo"), "              lo"},
		{"%-14s ", s("%-14s ", "UNKNOWN"), "UNKNOWN        "},
		{"%.3s", s("%.3s", "abcdef"), "abc"},
		{"%6.2s", s("[%6.2s]", "abcdef"), "[    ab]"},
		{"%-6.2s", s("[%-6.2s]", "abcdef"), "[ab    ]"},
		{"%s no verb", s("brd ", "x"), "brd "},
		{"%%", s("100%% %s", "x"), "100% x"},
		{"%% only", s("%%", "x"), "%"},
		{"%u", u("mtu %u ", 1500), "mtu 1500 "},
		{"%u max", u("%u", 18446744073709551615), "18446744073709551615"},
		{"%llu", u("%llu", 42), "42"},
		{"%lu", u("%lu", 42), "42"},
		{"%hhu", u("%hhu", 42), "42"},
		{"%4u", u("%4u", 7), "   7"},
		{"%-4u", u("[%-4u]", 7), "[7   ]"},
		{"%04u", u("%04u", 7), "0007"},
		{"%-04u", u("[%-04u]", 7), "[7   ]"},
		{"%.3u", u("%.3u", 7), "007"},
		{"%s of a number", u("%s", 12), "12"},
		{"%d", i("%d", -5), "-5"},
		{"%4i", i("%4i", 7), "   7"},
		{"%4i neg", i("%4i", -7), "  -7"},
		{"%-4i", i("[%-4i]", -7), "[-7  ]"},
		{"%05d neg", i("%05d", -42), "-0042"},
		{"%+d", i("%+d", 5), "+5"},
		{"% d", i("% d", 5), " 5"},
		{"%d min", i("%d", -9223372036854775808), "-9223372036854775808"},
		{"%x", h("%x", 255), "ff"},
		{"%X", h("%X", 255), "FF"},
		{"%#x", h("%#x", 255), "0xff"},
		{"%#X", h("%#X", 255), "0XFF"},
		{"%#x zero", h("%#x", 0), "0"},
		{"%08x", h("%08x", 255), "000000ff"},
		{"%#06x", h("%#06x", 255), "0x00ff"},
		{"%4x", h("%4x", 255), "  ff"},
		{"%-#6x", h("[%-#6x]", 255), "[0xff  ]"},
		{"%.4x", h("%.4x", 10), "000a"},
		{"%llx", h("%llx", 0xdeadbeef), "deadbeef"},
		{"%c", u("%c", 'A'), "A"},
		{"two verbs", s("%s %s", "x"), "x %s"},
		{"trailing %", s("50%", "x"), "50%"},
	}
	for _, tt := range tests {
		if got := textOf(Options{}, tt.f); got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestWriterShared(t *testing.T) {
	var b bytes.Buffer
	p := New(&b, Options{})
	p.Text("a")
	p.Writer().WriteString("b")
	p.Text("c")
	if b.Len() != 0 {
		t.Errorf("printed before Flush: %q", b.String())
	}
	p.Flush()
	if b.String() != "abc" {
		t.Errorf("got %q", b.String())
	}
	if p.IsJSON() {
		t.Error("IsJSON in text mode")
	}
}

// A width or precision beyond maxWidth is not expanded: C would pad
// "%999999999d" to a gigabyte; gip writes the conversion as it stands.
func TestTextfWidthBound(t *testing.T) {
	for _, tt := range []struct{ format, want string }{
		{"%999999999d|", "%999999999d|"},
		{"%.999999999u|", "%.999999999u|"},
		{"%99999999999999999999999s|", "%99999999999999999999999s|"},
		{"%-0#99999999x", "%-0#99999999x"},
		{"%4097s", "%4097s"},
		{"%4096s", strings.Repeat(" ", 4094) + "lo"},
		{"%.4096d", strings.Repeat("0", 4093) + "255"},
		{"%#010x", "0x000000ff"},
		{"%08.5d", "   00255"},
	} {
		var b bytes.Buffer
		p := New(&b, Options{})
		if strings.HasSuffix(tt.format, "s") || strings.HasSuffix(tt.format, "s|") {
			p.String(Any, "", tt.format, "lo")
		} else {
			p.Uint(Any, "", tt.format, 255)
		}
		p.Flush()
		if b.String() != tt.want {
			t.Errorf("%q: got %d bytes %.40q…, want %d bytes %.40q…", tt.format, b.Len(), b.String(), len(tt.want), tt.want)
		}
	}
	allocs := testing.AllocsPerRun(10, func() {
		p := New(io.Discard, Options{})
		p.Uint(Any, "", "%999999999d", 1)
		p.Flush()
	})
	if allocs > 10 {
		t.Errorf("a huge width made %v allocations", allocs)
	}
}

func FuzzTextf(f *testing.F) {
	for _, s := range []string{"%-16s", "%#x", "%4i", "%%", "%.3s", "%llu", "%", "%-0#+ 5.3lx", "x%c%", "%999999999d", "%.99999999999x", "%#0300x"} {
		f.Add(s, "lo", uint64(255), int64(-1))
	}
	f.Fuzz(func(t *testing.T, format, s string, u uint64, i int64) {
		var b bytes.Buffer
		p := New(&b, Options{Color: true})
		p.String(Any, "", format, s)
		p.Uint(Any, "", format, u)
		p.Int(Any, "", format, i)
		p.Hex(Any, "", format, u)
		p.ColorString(Any, Ifname, "", format, s)
		p.Flush()
		// Each of the five conversions is bounded by maxWidth plus its
		// value; the rest is the format itself and color escapes.
		if limit := 5 * (len(format) + len(s) + maxWidth + 64); b.Len() > limit {
			t.Fatalf("format %q printed %d bytes (limit %d)", format, b.Len(), limit)
		}
	})
}

func FuzzJSONString(f *testing.F) {
	for _, s := range []string{"", "lo", "a\"b", "\\", "\n\t\r\f\b", "\x00\x01", "é"} {
		f.Add(s, false)
	}
	f.Fuzz(func(t *testing.T, s string, pretty bool) {
		got := jsonOf(pretty, func(p *Printer) { p.String(Any, "", "%s", s) })
		// Every byte of s that JSON allows raw appears raw; the escapes are
		// the seven iproute2 writes.
		r := strings.NewReplacer("\\", `\\`, "\"", `\"`, "\t", `\t`, "\n", `\n`, "\r", `\r`, "\f", `\f`, "\b", `\b`)
		want := "[\"" + r.Replace(s) + "\"]\n"
		if pretty {
			want = "[ \"" + r.Replace(s) + "\" ]\n"
		}
		if got != want {
			t.Errorf("String(%q) = %q, want %q", s, got, want)
		}
	})
}

// Under -batch each command prints its own top-level array: iproute2 makes
// a new json_writer per command (new_json_obj … delete_json_obj).
func TestJSONOneArrayPerCommand(t *testing.T) {
	for _, tt := range []struct {
		pretty bool
		want   string
	}{
		{false, "[{\"a\":1}]\n[]\n[{\"a\":2}]\n"},
		{true, "[ {\n        \"a\": 1\n    } ]\n[ ]\n[ {\n        \"a\": 2\n    } ]\n"},
	} {
		var b bytes.Buffer
		p := New(&b, Options{JSON: true, Pretty: tt.pretty})
		for _, v := range []uint64{1, 0, 2} {
			p.Begin()
			if v != 0 {
				p.OpenObject("")
				p.Uint(Any, "a", "%u", v)
				p.CloseObject()
			}
			p.End()
		}
		p.Flush()
		if b.String() != tt.want {
			t.Errorf("pretty=%v: got %q, want %q", tt.pretty, b.String(), tt.want)
		}
	}
}

func TestPlain(t *testing.T) {
	for _, tt := range []struct {
		o    Options
		want string
	}{
		{Options{}, "3: v1 inet\n"},
		{Options{JSON: true}, "3: v1 inet\n"},
		{Options{JSON: true, Pretty: true}, "3: v1 inet\n"},
		{Options{Oneline: true, JSON: true}, "3: v1 inet\\"},
	} {
		got := textOf(tt.o, func(p *Printer) {
			q := p.Plain()
			if q.IsJSON() {
				t.Errorf("%+v: Plain is JSON", tt.o)
			}
			q.Uint(Any, "index", "%u: ", 3)
			q.String(Any, "dev", "%s ", "v1")
			q.String(Any, "family", "%s", "inet")
			q.NL()
		})
		if got != tt.want {
			t.Errorf("%+v: got %q, want %q", tt.o, got, tt.want)
		}
	}
	var b bytes.Buffer
	if p := New(&b, Options{}); p.Plain() != p {
		t.Error("Plain of a text printer is not itself")
	}
}

// TestAbandon: a listing left open is not closed, and the next one opens
// its own array, as iproute2's leaked JSON writer does under -batch.
func TestAbandon(t *testing.T) {
	var b bytes.Buffer
	p := New(&b, Options{JSON: true})
	p.Begin()
	p.Abandon()
	p.Begin()
	p.OpenObject("")
	p.String(Any, "a", "%s", "x")
	p.CloseObject()
	p.End()
	p.Abandon() // nothing open: no effect
	p.Flush()
	if got, want := b.String(), "[[{\"a\":\"x\"}]\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
