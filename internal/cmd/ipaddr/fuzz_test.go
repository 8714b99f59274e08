package ipaddr

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/gipnet/gip/addr"
	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cmdline"
	"golang.org/x/sys/unix"
)

// offlineEnv is an Env whose connection cannot be made: its namespace fd is
// no fd, so Conn fails in setns before a socket exists. A parser under
// fuzzing then runs its pure step and sends nothing.
func offlineEnv(o cli.Options) *cli.Env {
	env := cli.NewEnv(o, strings.NewReader(""), io.Discard, io.Discard)
	env.NetNSFD = 1 << 30
	return env
}

func TestOfflineEnv(t *testing.T) {
	if _, err := offlineEnv(cli.Options{}).Conn(); err == nil {
		t.Fatal("offlineEnv dialed a connection")
	}
}

var fuzzFamilies = []int{unix.AF_UNSPEC, unix.AF_INET, unix.AF_INET6, unix.AF_PACKET, unix.AF_MPLS, unix.AF_BRIDGE}

// FuzzModifyRequest parses arbitrary `ip address add|del` words and
// encodes what it accepts; the request then decodes to the same header,
// flags, addresses and lifetimes.
func FuzzModifyRequest(f *testing.F) {
	for _, s := range []string{
		"10.0.0.1/24 dev v0",
		"10.0.0.1 peer 10.0.0.2/32 dev v0 brd + label v0:1 scope link",
		"2001:db8::1/64 dev v0 nodad valid_lft 100 preferred_lft 50 noprefixroute",
		"ff02::1:2/128 dev v0 autojoin",
		"local 1.2.3.4/8 broadcast - anycast 1.2.3.5 metric 7 dev v0 home mngtmpaddr",
		"dev v0 10.1.1.1/33",
		"1.2.3.4/24 dev v0 valid_lft forever preferred_lft 0x10",
	} {
		f.Add(s, uint8(0), true)
	}
	f.Fuzz(func(t *testing.T, s string, fam uint8, add bool) {
		typ := uint16(unix.RTM_NEWADDR)
		if !add {
			typ = unix.RTM_DELADDR
		}
		env := offlineEnv(cli.Options{Family: fuzzFamilies[int(fam)%len(fuzzFamilies)]})
		r, err := newAddrRequest(env, cmdline.NewArgs(strings.Split(s, " ")), typ)
		if err != nil {
			var ce *cmdline.Error
			if !errors.As(err, &ce) {
				t.Fatalf("%q: error %v is not a *cmdline.Error", s, err)
			}
			return
		}
		body, err := r.body(7)
		if err != nil {
			return
		}
		a, err := addr.Decode(body)
		if err != nil {
			t.Fatalf("%q: the request does not decode: %v\n%x", s, err, body)
		}
		if a.Family != r.req.Header.Family || a.Prefixlen != r.req.Header.Prefixlen || a.Scope != r.req.Header.Scope || a.Index != 7 {
			t.Fatalf("%q: decoded header %+v, sent %+v", s, a, r.req.Header)
		}
		if r.flags > 0xff && a.Flags != r.flags || r.flags <= 0xff && a.Flags != uint32(r.req.Header.Flags) {
			t.Fatalf("%q: decoded flags %#x, sent %#x", s, a.Flags, r.flags)
		}
		if r.hasLocal && !bytes.Equal(a.Local, r.local.Bytes()) {
			t.Fatalf("%q: decoded local %x, sent %x", s, a.Local, r.local.Bytes())
		}
		if a.HasCacheInfo && (a.Valid != r.valid || a.Preferred != r.pref) {
			t.Fatalf("%q: decoded lifetimes %d/%d, sent %d/%d", s, a.Valid, a.Preferred, r.valid, r.pref)
		}
	})
}

// FuzzListArgs parses arbitrary `ip address show|flush` and `ip link show`
// filter words; a refusal is a *cmdline.Error.
func FuzzListArgs(f *testing.F) {
	for _, s := range []string{
		"dev v0", "v0 up", "to 10.0.0.0/8 scope link", "scope all label v0:* -tentative primary",
		"group default master br0", "nomaster type bridge_slave", "vrf red", "dev", "dev ''", "help",
		"permanent -dynamic deprecated -secondary", "to", "scope 300", "group 0x10",
	} {
		f.Add(s, uint8(0), false)
	}
	f.Fuzz(func(t *testing.T, s string, fam uint8, doLink bool) {
		f := listFilter{family: fuzzFamilies[int(fam)%len(fuzzFamilies)], group: -1}
		err := parseListArgs(offlineEnv(cli.Options{Family: f.family}), cmdline.NewArgs(strings.Split(s, " ")), &f, doLink)
		if err != nil {
			var ce *cmdline.Error
			if !errors.As(err, &ce) {
				t.Fatalf("%q: error %v is not a *cmdline.Error", s, err)
			}
		}
	})
}
