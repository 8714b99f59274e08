package cnum

import (
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/gipnet/gip/internal/cmdline"
	"golang.org/x/sys/unix"
)

const (
	unspec = unix.AF_UNSPEC
	inet   = unix.AF_INET
	inet6  = unix.AF_INET6
	packet = unix.AF_PACKET
	mpls   = unix.AF_MPLS
)

// grammar runs one of ParseAddr, ParsePrefix and Netmask and shows what it
// read: a Prefix as "family/bytelen/bitlen/hex[/given]", a netmask as its
// length, "-" for a refusal.
func grammar(parse, s string, family int) string {
	var p Prefix
	var ok bool
	switch parse {
	case "addr":
		p, ok = ParseAddr(s, family)
	case "prefix":
		p, ok = ParsePrefix(s, family)
	default:
		n, ok := Netmask(s)
		if !ok {
			return "-"
		}
		return fmt.Sprint(n)
	}
	if !ok {
		return "-"
	}
	given := ""
	if p.LenGiven {
		given = "/given"
	}
	return fmt.Sprintf("%s/%d/%d/%s%s", FamilyName(p.Family), p.ByteLen, p.BitLen, hex.EncodeToString(p.Bytes()), given)
}

// TestGrammar holds get_addr_1, get_prefix_1 and get_netmask to ip 6.1:
// each accepted row's address and length are what ip showed after adding
// it as an address and as a route in a scratch namespace, and each refused
// row was refused by ip.
func TestGrammar(t *testing.T) {
	for _, tt := range []struct {
		parse, in string
		family    int
		want      string
	}{
		// Dotted quads: one to four parts, each a strtoul number of any base.
		{"addr", "10.1.2.3", unspec, "inet/4/-1/0a010203"},
		{"addr", "10.1", unspec, "inet/4/-1/0a010000"},
		{"addr", "239.1", inet, "inet/4/-1/ef010000"},
		{"addr", "7", unspec, "inet/4/-1/07000000"},
		{"addr", "010.0.0.1", unspec, "inet/4/-1/08000001"},
		{"addr", "0x0a.0.0.1", unspec, "inet/4/-1/0a000001"},
		{"addr", "0200.0000.0001", inet, "inet/4/-1/80000100"},
		{"addr", "0xff.0377.255.0", inet, "inet/4/-1/ffffff00"},
		{"addr", " 10.0.0.1", unspec, "inet/4/-1/0a000001"},
		{"addr", "+10.0.0.1", unspec, "inet/4/-1/0a000001"},
		{"addr", "-0.0.0.1", unspec, "inet/4/-1/00000001"},
		{"addr", "10. 1", unspec, "inet/4/-1/0a010000"},
		{"addr", "-1.2.3.4", unspec, "-"},
		{"addr", "1.2.3.4.5", unspec, "-"},
		{"addr", "1.2.3.256", unspec, "-"},
		{"addr", "99999999999999999999", unspec, "-"},
		{"addr", "1..2", unspec, "-"},
		{"addr", "1.2.", unspec, "-"},
		{"addr", "1.2.3.4 ", unspec, "-"},
		{"addr", "0x.1", unspec, "-"},
		{"addr", "1.2.3.4", inet6, "-"},
		{"addr", "1.2.3.4", packet, "link/4/32/01020304"},
		{"addr", "1.2.3", packet, "link/4/32/01020300"},
		{"addr", "aa:bb", packet, "link/2/16/aabb"},
		{"addr", "0x1:-0:100000000", packet, "link/3/24/010000"},
		{"addr", "aa:", packet, "-"},
		{"addr", "", packet, "-"},
		{"addr", "1.2.3.4.5", packet, "-"},
		{"prefix", "aa:bb", packet, "-"},
		{"prefix", "1.2.3.4/8", packet, "-"},
		{"addr", "x", unspec, "-"},
		{"addr", "", unspec, "-"},
		// IPv6 as inet_pton reads it: no zone, no blanks.
		{"addr", "2001:db8::1", unspec, "inet6/16/-1/20010db8000000000000000000000001"},
		{"addr", "::ffff:1.2.3.4", inet6, "inet6/16/-1/00000000000000000000ffff01020304"},
		{"addr", "::", inet6, "inet6/16/-1/00000000000000000000000000000000"},
		{"addr", "fe80::1%lo", unspec, "-"},
		{"addr", "fe80::1%", unspec, "-"},
		{"addr", " ::1", unspec, "-"},
		{"addr", "::01.2.3.4", unspec, "-"},
		{"addr", "1::2::3", unspec, "-"},
		{"addr", "2001:db8::1", inet, "-"},
		{"addr", "1:2", unspec, "-"},
		// default, any and all: the zero address of the family asked for.
		{"addr", "default", unspec, "???/0/-2//given"},
		{"addr", "default", inet, "inet/4/-2/00000000/given"},
		{"addr", "default", inet6, "inet6/16/-2/00000000000000000000000000000000/given"},
		{"addr", "any", inet, "inet/0/-2/"},
		{"addr", "all", inet6, "inet6/0/-2/"},
		{"addr", "default", packet, "link/0/-2//given"},
		{"addr", "default", mpls, "-"},
		{"addr", "any", mpls, "-"},
		{"addr", "Default", unspec, "-"},
		// MPLS label stacks as mpls_pton reads them: strtoul labels of any
		// base below 2^20, "/" between them, the last with the S bit.
		{"addr", "16", mpls, "mpls/4/20/00010100"},
		{"addr", "0x0", mpls, "mpls/4/20/00000100"},
		{"addr", "-0", mpls, "mpls/4/20/00000100"},
		{"addr", " 010", mpls, "mpls/4/20/00008100"},
		{"addr", "1048575", mpls, "mpls/4/20/fffff100"},
		{"addr", "16/17", mpls, "mpls/8/20/0001000000011100"},
		{"addr", "1/2/3/4/5", mpls, "mpls/20/20/0000100000002000000030000000400000005100"},
		{"addr", "1048576", mpls, "-"},
		{"addr", "-1", mpls, "-"},
		{"addr", "16/", mpls, "-"},
		{"addr", "/16", mpls, "-"},
		{"addr", "0x", mpls, "-"},
		{"addr", "16x", mpls, "-"},
		{"addr", "1:2", mpls, "-"},
		{"addr", "", mpls, "-"},
		{"addr", strings.Repeat("1/", 63) + "1", mpls, "mpls/256/20/" + strings.Repeat("00001000", 63) + "00001100"},
		{"addr", strings.Repeat("1/", 64) + "1", mpls, "-"},
		// A prefix is cut at its first "/": one label and a length up to 20.
		{"prefix", "16", mpls, "mpls/4/20/00010100"},
		{"prefix", "16/20", mpls, "mpls/4/20/00010100/given"},
		{"prefix", "16/8", mpls, "mpls/4/8/00010100/given"},
		{"prefix", "16/21", mpls, "-"},
		{"prefix", "16/17/18", mpls, "-"},
		{"prefix", "default", mpls, "-"},
		// Prefix lengths: get_netmask's number, at most the address's bits.
		{"prefix", "10.0.0.0/8", unspec, "inet/4/8/0a000000/given"},
		{"prefix", "10/8", unspec, "inet/4/8/0a000000/given"},
		{"prefix", "10.0.0.1", unspec, "inet/4/32/0a000001"},
		{"prefix", "0x0a.1.2.3", unspec, "inet/4/32/0a010203"},
		{"prefix", "10.0.0.1/0", unspec, "inet/4/0/0a000001/given"},
		{"prefix", "10.0.0.1/32", unspec, "inet/4/32/0a000001/given"},
		{"prefix", "10.0.0.1/33", unspec, "-"},
		{"prefix", "10.0.0.1/010", unspec, "inet/4/8/0a000001/given"},
		{"prefix", "10.0.0.1/0x10", unspec, "inet/4/16/0a000001/given"},
		{"prefix", "10.0.0.1/ 24", unspec, "inet/4/24/0a000001/given"},
		{"prefix", "10.0.0.1/+8", unspec, "inet/4/8/0a000001/given"},
		{"prefix", "10.0.0.1/-0", unspec, "inet/4/0/0a000001/given"},
		{"prefix", "10.0.0.1/-1", unspec, "-"},
		{"prefix", "10.0.0.1/4294967296", unspec, "-"},
		{"prefix", "10.0.0.1/", unspec, "-"},
		{"prefix", "10.0.0.1/x", unspec, "-"},
		{"prefix", "10.0.0.1/24/", unspec, "-"},
		// Dotted netmasks: leading ones only; default/any/all are 0.
		{"prefix", "10.0.0.0/255.255.0.0", unspec, "inet/4/16/0a000000/given"},
		{"prefix", "10.0.0.0/255.255.255.255", unspec, "inet/4/32/0a000000/given"},
		{"prefix", "10.0.0.0/0.0.0.0", unspec, "inet/4/0/0a000000/given"},
		{"prefix", "10.0.0.0/255.128", unspec, "inet/4/9/0a000000/given"},
		{"prefix", "10.0.0.0/255.0.255.0", unspec, "-"},
		{"prefix", "10.0.0.0/0.255.255.255", unspec, "-"},
		{"prefix", "10.0.0.0/255.255.255.254.0", unspec, "-"},
		{"prefix", "10.0.0.1/default", unspec, "inet/4/0/0a000001/given"},
		{"prefix", "10.0.0.1/any", unspec, "inet/4/0/0a000001/given"},
		{"prefix", "2002::/0.0.0.0", inet6, "inet6/16/0/20020000000000000000000000000000/given"},
		{"prefix", "2001:db8::/255.255.0.0", unspec, "inet6/16/16/20010db8000000000000000000000000/given"},
		{"netmask", "24", unspec, "24"},
		{"netmask", "4294967295", unspec, "4294967295"},
		{"netmask", "255", unspec, "255"},
		{"netmask", "255.255.255.0", unspec, "24"},
		{"netmask", "255.255.254.255", unspec, "-"},
		{"netmask", "254.255.255.255", unspec, "-"},
		{"netmask", "0.0.0.1", unspec, "-"},
		{"netmask", "default", unspec, "0"},
		{"netmask", "::", unspec, "-"},
		// IPv6 lengths.
		{"prefix", "2001:db8::/32", unspec, "inet6/16/32/20010db8000000000000000000000000/given"},
		{"prefix", "2001:db8::1", unspec, "inet6/16/128/20010db8000000000000000000000001"},
		{"prefix", "2001:db8::/128", unspec, "inet6/16/128/20010db8000000000000000000000000/given"},
		{"prefix", "2001:db8::/129", unspec, "-"},
		{"prefix", "fe80::1%eth0/64", unspec, "-"},
		{"prefix", "2001:db8::1/64", inet, "-"},
		{"prefix", "1.2.3.4/8", inet6, "-"},
		// default, any and all: length 0, and no "/LEN" after them.
		{"prefix", "default", unspec, "???/0/0//given"},
		{"prefix", "default", inet6, "inet6/16/0/00000000000000000000000000000000/given"},
		{"prefix", "any", inet, "inet/0/0/"},
		{"prefix", "all", unspec, "???/0/0/"},
		{"prefix", "default/0", unspec, "-"},
		{"prefix", "any/8", inet, "-"},
		{"prefix", "foo", unspec, "-"},
		{"prefix", "/8", unspec, "-"},
	} {
		if got := grammar(tt.parse, tt.in, tt.family); got != tt.want {
			t.Errorf("%s %q (family %d) = %s, want %s", tt.parse, tt.in, tt.family, got, tt.want)
		}
	}
}

// TestGetErrors checks get_addr's and get_prefix's messages, and that
// they are fatal with status 1 as iproute2's exit(1): a bad address ends
// a -batch instead of printing "Command failed".
func TestGetErrors(t *testing.T) {
	for _, tt := range []struct {
		get    func(string, int) (Prefix, error)
		in     string
		family int
		want   string
	}{
		{GetAddr, "foo", unspec, `Error: any valid address is expected rather than "foo".`},
		{GetAddr, "2001:db8::1", inet, `Error: inet address is expected rather than "2001:db8::1".`},
		{GetAddr, "x", mpls, `Error: mpls address is expected rather than "x".`},
		{GetAddr, strings.Repeat("1/", 64) + "1", mpls, "Error: too many labels.\nError: mpls address is expected rather than \"" + strings.Repeat("1/", 64) + "1\"."},
		{GetAddr, strings.Repeat("1/", 63) + "x", mpls, "Error: mpls address is expected rather than \"" + strings.Repeat("1/", 63) + "x\"."},
		{GetPrefix, "16/21", mpls, `Error: mpls prefix is expected rather than "16/21".`},
		{GetPrefix, "1.2.3.0/33", unspec, `Error: any valid prefix is expected rather than "1.2.3.0/33".`},
		{GetPrefix, "1.2.3.4", inet6, `Error: inet6 prefix is expected rather than "1.2.3.4".`},
		{GetPrefix, "1.2.3.4", packet, `Error: "1.2.3.4" may be inet prefix, but it is not allowed in this context.`},
		{GetPrefix, "1.2.3.4", unix.AF_BRIDGE, `Error: bridge prefix is expected rather than "1.2.3.4".`},
	} {
		_, err := tt.get(tt.in, tt.family)
		var ce *cmdline.Error
		if !errors.As(err, &ce) || ce.Msg != tt.want || ce.Code != 1 || !ce.Fatal {
			t.Errorf("get(%q, %d) = %#v, want a fatal exit 1 with %q", tt.in, tt.family, err, tt.want)
		}
	}
	if _, err := GetAddr("10.1", unspec); err != nil {
		t.Errorf("GetAddr(10.1) = %v", err)
	}
}

// TestParseNoAlloc holds ParsePrefix to no allocation: a route batch reads
// hundreds of thousands of prefixes.
func TestParseNoAlloc(t *testing.T) {
	for _, s := range []string{"10.1.2.3/24", "2001:db8::1/64", "default", "10.0.0.0/255.255.0.0"} {
		if n := testing.AllocsPerRun(100, func() { ParsePrefix(s, unspec) }); n != 0 {
			t.Errorf("ParsePrefix(%q) allocates %v times", s, n)
		}
	}
}

func TestFamilies(t *testing.T) {
	for _, name := range []string{"inet", "inet6", "link", "mpls", "bridge"} {
		if got := FamilyName(ReadFamily(name)); got != name {
			t.Errorf("FamilyName(ReadFamily(%q)) = %q", name, got)
		}
	}
	// ip 6.1 refuses "-f ipx" and "-f dnet" as invalid families.
	for _, name := range []string{"ipx", "dnet", "any", ""} {
		if f := ReadFamily(name); f != unspec {
			t.Errorf("ReadFamily(%q) = %d, want AF_UNSPEC", name, f)
		}
	}
	if got := VerboseFamilyName(unspec); got != "any valid" {
		t.Errorf("VerboseFamilyName(AF_UNSPEC) = %q", got)
	}
	if got := FamilyName(unix.AF_IPX); got != "???" {
		t.Errorf("FamilyName(AF_IPX) = %q", got)
	}
}
