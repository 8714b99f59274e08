package iprule

import (
	"bytes"
	"encoding/hex"
	"errors"
	"strings"
	"testing"

	"github.com/gipnet/gip/format"
	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/rule"
	"golang.org/x/sys/unix"
)

// The requests iproute2 6.1 sends for these commands (struct fib_rule_hdr
// and attributes, read from strace).
func TestRuleRequestGolden(t *testing.T) {
	for _, tc := range []struct {
		family int
		cmd    uint16
		args   string
		want   string // hex
	}{
		{
			unix.AF_UNSPEC, unix.RTM_NEWRULE,
			"from 10.0.0.0/8 to 192.168.1.0/24 tos 0x10 fwmark 0x5/0xff iif lo oif d1 pref 100 table 1000",
			"02180810" + "00000001" + "00000000" + // AF_INET, dst 24, src 8, tos 0x10, table unspec, FR_ACT_TO_TBL
				"08000200" + "0a000000" + "08000100" + "c0a80100" + // FRA_SRC, FRA_DST
				"08000a00" + "05000000" + "08001000" + "ff000000" + // FRA_FWMARK, FRA_FWMASK
				"07000300" + "6c6f0000" + "07001100" + "64310000" + // FRA_IIFNAME, FRA_OIFNAME
				"08000600" + "64000000" + "08000f00" + "e8030000", // FRA_PRIORITY, FRA_TABLE 1000
		},
		{
			unix.AF_UNSPEC, unix.RTM_NEWRULE,
			"not from 10.1.2.3 pref 101 lookup main protocol static tun_id 42 realms 1/2",
			"02002000" + "fe000001" + "02000000" + // src 32, table main, FIB_RULE_INVERT
				"08000200" + "0a010203" + "08000600" + "65000000" +
				"05001500" + "04000000" + // FRA_PROTOCOL static
				"0c000c00" + "000000000000002a" + // FRA_TUN_ID, big-endian
				"08000b00" + "02000100", // FRA_FLOW 1/2
		},
		{
			unix.AF_UNSPEC, unix.RTM_NEWRULE,
			"fwmark 7 uidrange 1000-2000 ipproto tcp sport 80 dport 1000-2000 pref 102 suppress_prefixlength 0 suppress_ifgroup 5",
			"02000000" + "fe000001" + "00000000" +
				"08000a00" + "07000000" + "0c001400" + "e8030000d0070000" +
				"05001600" + "06000000" + "08001700" + "50005000" + "08001800" + "e803d007" +
				"08000600" + "66000000" + "08000e00" + "00000000" + "08000d00" + "05000000",
		},
		{
			unix.AF_UNSPEC, unix.RTM_NEWRULE, "pref 108 goto 110",
			"02000000" + "00000002" + "00000000" + "08000600" + "6c000000" + "08000400" + "6e000000",
		},
		{
			unix.AF_INET6, unix.RTM_NEWRULE, "from 2001:db8::/32 l3mdev unreachable",
			"0a002000" + "00000007" + "00000000" +
				"14000200" + "20010db8000000000000000000000000" + "05001300" + "01000000",
		},
		{
			unix.AF_UNSPEC, unix.RTM_DELRULE, "pref 108",
			"02000000" + "00000000" + "00000000" + "08000600" + "6c000000",
		},
	} {
		var out bytes.Buffer
		env := cli.NewEnv(cli.Options{Family: tc.family}, nil, &out, &out)
		got, err := ruleRequest(env, tc.cmd, cmdline.NewArgs(strings.Fields(tc.args)))
		if err != nil {
			t.Errorf("%s: %v", tc.args, err)
			continue
		}
		if h := hex.EncodeToString(got); h != tc.want {
			t.Errorf("%s:\n got %s\nwant %s", tc.args, h, tc.want)
		}
	}
}

func TestRuleRequestErrors(t *testing.T) {
	for _, tc := range []struct {
		cmd  uint16
		args string
		code int
		msg  string
	}{
		{unix.RTM_NEWRULE, "", 1, `"ip rule add" requires arguments.`},
		{unix.RTM_DELRULE, "", 1, `"ip rule del" requires arguments.`},
		{unix.RTM_NEWRULE, "pref", 255, `Command line is not complete. Try option "help"`},
		{unix.RTM_NEWRULE, "pref x", 255, `Error: argument "x" is wrong: preference value is invalid` + "\n"},
		{unix.RTM_NEWRULE, "fwmark 1/x", 255, `Error: argument "x" is wrong: fwmask value is invalid` + "\n"},
		{unix.RTM_NEWRULE, "sport x", 255, `Error: argument "x" is wrong: invalid port range` + "\n"},
		{unix.RTM_NEWRULE, "dport 1-x", 255, ""}, // "1-" reads one number: port 1
		{unix.RTM_NEWRULE, "uidrange 5", 255, `Error: argument "5" is wrong: invalid UID range` + "\n"},
		{unix.RTM_NEWRULE, "foo", 255, `Error: argument "foo" is wrong: Failed to parse rule type`},
		{unix.RTM_NEWRULE, "type", 255, `Command line is not complete. Try option "help"`},
		{unix.RTM_NEWRULE, "oif a/b", 255, `Error: argument "a/b" is wrong: "oif" not a valid ifname`},
		{unix.RTM_NEWRULE, "l3mdev table 5", 22, "table can not be specified for l3mdev rules"},
		{unix.RTM_NEWRULE, "from foo", 1, `Error: any valid prefix is expected rather than "foo".`},
		{unix.RTM_NEWRULE, "nat foo", 1, `Error: an IP address is expected rather than "foo"`},
	} {
		var out bytes.Buffer
		env := cli.NewEnv(cli.Options{}, nil, &out, &out)
		_, err := ruleRequest(env, tc.cmd, cmdline.NewArgs(strings.Fields(tc.args)))
		if tc.msg == "" {
			if err != nil {
				t.Errorf("%s: %v", tc.args, err)
			}
			continue
		}
		var ce *cmdline.Error
		if !errors.As(err, &ce) || ce.Code != tc.code || ce.Msg != tc.msg {
			t.Errorf("%s: got %v; want %d %q", tc.args, err, tc.code, tc.msg)
		}
	}
}

func TestScanRange(t *testing.T) {
	for _, tc := range []struct {
		in         string
		start, end uint32
		n          int
	}{
		{"80", 80, 0, 1},
		{"1000-2000", 1000, 2000, 2},
		{"5-", 5, 0, 1},
		{"x", 0, 0, 0},
		{" 7-+8junk", 7, 8, 2},
		{"70000", 70000 & 0xffff, 0, 1},
	} {
		start, end, n := scanRange(tc.in, 16)
		if start != tc.start&0xffff || end != tc.end || n != tc.n {
			t.Errorf("scanRange(%q) = %d, %d, %d; want %d, %d, %d", tc.in, start, end, n, tc.start, tc.end, tc.n)
		}
	}
}

// ruleMsg is a RTM_NEWRULE body as the kernel sends it.
func ruleMsg(family, dstLen, srcLen, tos, table, action uint8, flags uint32, attrs string) []byte {
	b, _ := hex.DecodeString(attrs)
	return append(rule.Header(family, dstLen, srcLen, tos, table, action, flags), b...)
}

func TestRulePrint(t *testing.T) {
	full := ruleMsg(unix.AF_INET, 24, 8, 0x10, 0, unix.FR_ACT_TO_TBL, unix.FIB_RULE_INVERT|unix.FIB_RULE_OIF_DETACHED,
		"08000200"+"0a000000"+"08000100"+"c0a80100"+ // from 10.0.0.0/8 to 192.168.1.0/24
			"08000a00"+"05000000"+"08001000"+"ff000000"+ // fwmark 5/0xff
			"07000300"+"6c6f0000"+"07001100"+"64310000"+ // iif lo, oif d1
			"08000600"+"64000000"+"08000f00"+"e8030000"+ // pref 100, table 1000
			"0c001400"+"e8030000d0070000"+ // uidrange
			"08001700"+"50005000"+"08001800"+"e803d007"+ // sport 80, dport 1000-2000
			"0c000c00"+"000000000000002a"+ // tun_id 42
			"08000e00"+"00000000"+ // suppress_prefixlength 0
			"08000b00"+"02000100"+ // realms 1/2
			"05001500"+"02000000") // proto kernel
	for _, tc := range []struct {
		name string
		opts cli.Options
		body []byte
		want string
	}{
		{"text", cli.Options{}, full,
			"100:\tnot from 10.0.0.0/8 to 192.168.1.0/24 tos 0x10 fwmark 0x5/0xff iif lo oif d1 [detached] uidrange 1000-2000 sport 80 dport 1000-2000 tun_id 42 lookup 1000 suppress_prefixlength 0 realms 1/2\n"},
		{"details", cli.Options{Details: 1}, full,
			"100:\tnot from 10.0.0.0/8 to 192.168.1.0/24 tos 0x10 fwmark 0x5/0xff iif lo oif d1 [detached] uidrange 1000-2000 sport 80 dport 1000-2000 tun_id 42 lookup 1000 suppress_prefixlength 0 realms 1/2 proto kernel\n"},
		{"json", cli.Options{JSON: true}, full,
			`[{"priority":100,"not":null,"src":"10.0.0.0","srclen":8,"dst":"192.168.1.0","dstlen":24,"tos":"0x10","fwmark":"0x5","fwmask":"0xff","iif":"lo","oif":"d1","oif_detached":null,"uid_start":1000,"uid_end":2000,"sport":80,"dport_start":1000,"dport_end":2000,"tun_id":42,"table":"1000","suppress_prefixlen":0,"flow_from":"1","flow_to":"2"}]` + "\n"},
		{"local", cli.Options{}, ruleMsg(unix.AF_INET, 0, 0, 0, 255, unix.FR_ACT_TO_TBL, 0, ""), "0:\tfrom all lookup local\n"},
		{"zero prefix", cli.Options{}, ruleMsg(unix.AF_INET6, 16, 8, 0, 0, unix.FR_ACT_UNREACHABLE, 0, "08000600"+"05000000"),
			"5:\tfrom 0/8 to 0/16 unreachable\n"},
		{"goto unresolved", cli.Options{}, ruleMsg(unix.AF_INET, 0, 0, 0, 0, unix.FR_ACT_GOTO, unix.FIB_RULE_UNRESOLVED, "08000400"+"c8000000"),
			"0:\tfrom all goto 200 [unresolved]\n"},
		{"goto none, nop", cli.Options{}, ruleMsg(unix.AF_INET, 0, 0, 0, 0, unix.FR_ACT_GOTO, 0, ""), "0:\tfrom all goto none\n"},
		{"nat", cli.Options{}, ruleMsg(unix.AF_INET, 0, 0, 0, 0, rtnNAT, 0, "08000500"+"0a000001"), "0:\tfrom all map-to 10.0.0.1\n"},
		{"masquerade", cli.Options{}, ruleMsg(unix.AF_INET, 0, 0, 0, 0, rtnNAT, 0, ""), "0:\tfrom all masquerade\n"},
		{"fwmark zero json", cli.Options{JSON: true}, ruleMsg(unix.AF_INET, 0, 0, 0, 0, unix.FR_ACT_NOP, 0, "08000a00"+"00000000"+"08001000"+"ff000000"),
			`[{"priority":0,"src":"all","fwmark":"0","fwmask":"0xff","nop":null}]` + "\n"},
		{"l3mdev", cli.Options{Numeric: true}, ruleMsg(unix.AF_INET, 0, 0, 0, 0, unix.FR_ACT_TO_TBL, 0, "05001300"+"01000000"+"05001600"+"06000000"),
			"0:\tfrom all lookup [l3mdev-table] ipproto ipproto-6\n"},
		{"short message", cli.Options{}, []byte{2, 0, 0}, ""},
	} {
		var out bytes.Buffer
		env := cli.NewEnv(tc.opts, nil, &out, &out)
		env.P = format.New(&out, format.Options{JSON: tc.opts.JSON})
		pr := newRulePrinter(env, &ruleFilter{})
		env.P.Begin()
		pr.print(unix.RTM_NEWRULE, tc.body)
		env.P.End()
		env.P.Flush()
		if out.String() != tc.want {
			t.Errorf("%s:\n got %q\nwant %q", tc.name, out.String(), tc.want)
		}
	}
}

func TestRuleFilter(t *testing.T) {
	var e rule.Message
	rule.DecodeMessage(ruleMsg(unix.AF_INET, 0, 8, 0, 0, unix.FR_ACT_TO_TBL, 0, "08000200"+"0a000000"+"08000600"+"64000000"+"08000f00"+"e8030000"), &e)
	for _, tc := range []struct {
		args string
		want bool
	}{
		{"", true},
		{"pref 100", true},
		{"pref 0", false},
		{"from 10.0.0.0/8", true},
		{"from 10.0.0.0/7", true},
		{"from 10.0.0.0/9", false},
		{"from 11.0.0.0/8", false},
		{"table 1000", true},
		{"lookup main", false},
		{"not", false},
		{"to 10.0.0.0/8", false},
		{"protocol static", true}, // only flush filters on protocol
	} {
		f, err := parseRuleFilter(cmdline.NewArgs(strings.Fields(tc.args)), unix.AF_INET)
		if err != nil {
			t.Errorf("%s: %v", tc.args, err)
			continue
		}
		if got := f.match(&e); got != tc.want {
			t.Errorf("%s: match = %v; want %v", tc.args, got, tc.want)
		}
	}
}

func FuzzRulePrint(f *testing.F) {
	f.Add(ruleMsg(unix.AF_INET, 24, 8, 0x10, 0, unix.FR_ACT_TO_TBL, 0, "08000200"+"0a000000"+"08000100"+"c0a80100"+"07000300"+"6c6f0000"), uint8(0))
	f.Add(ruleMsg(unix.AF_INET6, 0, 0, 0, 0, rtnNAT, 0, "08000500"+"0a000001"+"08001700"+"50005000"), uint8(3))
	f.Fuzz(func(t *testing.T, body []byte, mode uint8) {
		var out bytes.Buffer
		opts := cli.Options{Details: int(mode & 1), JSON: mode&2 != 0, Numeric: mode&4 != 0}
		env := cli.NewEnv(opts, nil, &out, &out)
		env.P = format.New(&out, format.Options{JSON: opts.JSON})
		pr := newRulePrinter(env, &ruleFilter{})
		env.P.Begin()
		pr.print(unix.RTM_NEWRULE, body)
		env.P.End()
		env.P.Flush()
	})
}
