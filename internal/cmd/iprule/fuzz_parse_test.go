package iprule

import (
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/rule"
	"golang.org/x/sys/unix"
)

// offlineEnv is an Env whose connection cannot be made: its namespace fd is
// no fd, so Conn (and the printers' name lookups) fail in setns before a
// socket exists. A command under fuzzing then runs its pure parse step and
// sends nothing.
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

func fuzzFamily(b uint8) int { return fuzzFamilies[int(b)%len(fuzzFamilies)] }

// wantCLIError fails unless err is nil, a *cmdline.Error (iproute2's words
// and status, never Go's) or a parser's request for the usage text, which
// its caller prints.
func wantCLIError(t *testing.T, what string, err error) {
	t.Helper()
	var ce *cmdline.Error
	if err != nil && !errors.As(err, &ce) && err != errRuleUsage {
		t.Fatalf("%s: error %v (%T) is not a *cmdline.Error", what, err, err)
	}
}

// FuzzRuleRequest parses arbitrary `ip rule add|del` words; a request it
// builds decodes back to the header it holds.
func FuzzRuleRequest(f *testing.F) {
	for _, s := range []string{
		"from 10.0.0.0/8 to 192.168.1.0/24 table 100 pref 7",
		"not iif lo oif eth0 fwmark 5/0xff goto 9",
		"uidrange 100-200 ipproto tcp sport 80-90 dport 443 lookup main",
		"l3mdev protocol kernel suppress_prefixlength 0 suppress_ifgroup 3",
		"tun_id 7 realms 1/2 nat 1.2.3.4 tos 0x10 prohibit",
		"priority 4294967295 blackhole",
	} {
		f.Add(s, uint8(0), true)
	}
	f.Fuzz(func(t *testing.T, s string, fam uint8, add bool) {
		cmd := uint16(unix.RTM_NEWRULE)
		if !add {
			cmd = unix.RTM_DELRULE
		}
		body, err := ruleRequest(offlineEnv(cli.Options{Family: fuzzFamily(fam)}), cmd, cmdline.NewArgs(strings.Split(s, " ")))
		wantCLIError(t, s, err)
		if err != nil {
			return
		}
		var e rule.Message
		if !rule.DecodeMessage(body, &e) {
			t.Fatalf("%q: request does not decode: %x", s, body)
		}
		if e.Family != body[0] || e.DstLen != body[1] || e.SrcLen != body[2] || e.Action != body[7] {
			t.Fatalf("%q: decoded %+v from %x", s, e, body)
		}
	})
}

// FuzzRuleFilter parses arbitrary `ip rule show|flush|save` selectors.
func FuzzRuleFilter(f *testing.F) {
	for _, s := range []string{
		"from 10.0.0.0/8 to all table main pref 7", "not iif lo oif eth0 fwmark 5/0xff",
		"uidrange 1-2 ipproto 6 sport 1-2 dport 3 tun_id 9", "protocol all", "l3mdev", "tos", "help",
	} {
		f.Add(s, uint8(0))
	}
	f.Fuzz(func(t *testing.T, s string, fam uint8) {
		_, err := parseRuleFilter(cmdline.NewArgs(strings.Split(s, " ")), fuzzFamily(fam))
		wantCLIError(t, s, err)
	})
}
