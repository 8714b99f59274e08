package iptunnel

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cmdline"
	"golang.org/x/sys/unix"
)

// FuzzCommand reads arbitrary `ip tunnel` command lines (split at single
// blanks, so empty words occur) in both families and several output
// modes, offline: the ioctls go to a recorder, and the namespace fd is no
// fd, so a device lookup or listing fails to dial. It must never panic,
// must end every failure in a *cmdline.Error, and must issue at most the
// ioctls one command makes (a change's get and its change, or a show's
// get and an isatap tunnel's router list and 6rd prefixes).
func FuzzCommand(f *testing.F) {
	for _, s := range []string{
		"add t1 mode gre remote 1.2.3.4 local 5.6.7.8 ttl 64 key 1.2.3.4",
		"add t1 mode ip6gre remote 1::2 local 3::4 flowlabel 0x12345 tclass 0x45 encaplimit 7 hoplimit 9 key 5",
		"change t1 tos inherit/AF11 nopmtudisc ttl 0 seq icsum okey 9",
		"del name sit1 dev v0",
		"show mode isatap",
		"prl dev t1 prl-default 1.2.3.4",
		"6rd dev t1 6rd-prefix 2002::/16 6rd-relay_prefix 10.0.0.0/8 6rd-reset",
		"add t1 encaplimit x dscp inherit allow-localremote noallow-localremote fl inherit",
		"add  t1 mode  ",
		"help",
	} {
		for mode := uint8(0); mode < 4; mode++ {
			f.Add(s, mode)
		}
	}
	f.Fuzz(func(t *testing.T, line string, mode uint8) {
		o := cli.Options{Family: []int{0, unix.AF_INET, unix.AF_INET6, unix.AF_PACKET}[mode&3],
			JSON: mode&4 != 0, Stats: int(mode >> 3 & 1), Oneline: mode&16 != 0}
		var out, errb bytes.Buffer
		env := cli.NewEnv(o, nil, &out, &errb)
		env.NetNSFD = 1 << 30
		r := &recorder{}
		if mode&32 != 0 {
			r.get = bytes.Repeat([]byte{0x41}, 80)
		}
		tl := &tool{env: env, do: r.do, names: testNames()}
		err := tl.run(cmdline.NewArgs(strings.Split(line, " ")))
		env.Close()
		var ce *cmdline.Error
		if err != nil && !errors.As(err, &ce) {
			t.Fatalf("%q: error %v (%T) is not a *cmdline.Error", line, err, err)
		}
		if len(r.log) > 3 {
			t.Fatalf("%q: %d ioctls: %q", line, len(r.log), r.log)
		}
	})
}
