package iplink

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/link"
	"golang.org/x/sys/unix"
)

// knownNames is a name cache holding every link of the captured dump, so
// printing asks no kernel.
func knownNames(t *testing.T, msgs [][]byte) *link.Names {
	t.Helper()
	names := link.NewNames(-1)
	names.Offline()
	for _, m := range msgs {
		l, err := link.Decode(m)
		if err != nil {
			t.Fatal(err)
		}
		names.Remember(l)
	}
	return names
}

// TestMessagePrinter checks the printer -echo and ip monitor use: one
// message at a time, in the Env's output mode, without the link mode and
// queue length a listing shows, "Deleted" for RTM_DELLINK, nothing for other
// message types, and only the link Index names when it is set.
func TestMessagePrinter(t *testing.T) {
	msgs := readDump(t, linkDump)
	print := func(opts cli.Options, index int32, typ uint16, msg []byte) string {
		var out bytes.Buffer
		env := cli.NewEnv(opts, nil, &out, io.Discard)
		pr := NewMessagePrinter(env, knownNames(t, msgs))
		pr.Index = index
		env.P.Begin()
		env.P.OpenObject("")
		pr.Print(typ, msg)
		env.P.CloseObject()
		env.P.End()
		env.P.Flush()
		return out.String()
	}
	lo := msgs[0]
	want := "1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default \n" +
		"    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n"
	if got := print(cli.Options{}, 0, unix.RTM_NEWLINK, lo); got != want {
		t.Errorf("RTM_NEWLINK lo:\n%q\nwant\n%q", got, want)
	}
	if got := print(cli.Options{}, 0, unix.RTM_DELLINK, lo); got != "Deleted "+want {
		t.Errorf("RTM_DELLINK lo:\n%q\nwant\n%q", got, "Deleted "+want)
	}
	if got := print(cli.Options{}, 0, unix.RTM_NEWADDR, lo); got != "" {
		t.Errorf("RTM_NEWADDR printed %q", got)
	}
	if got := print(cli.Options{}, 2, unix.RTM_NEWLINK, lo); got != "" {
		t.Errorf("Index 2 printed lo: %q", got)
	}
	if got := print(cli.Options{}, 1, unix.RTM_NEWLINK, lo); got != want {
		t.Errorf("Index 1 printed %q, want %q", got, want)
	}
	got := print(cli.Options{JSON: true}, 0, unix.RTM_NEWLINK, lo)
	if !strings.HasPrefix(got, `[{"ifindex":1,"ifname":"lo",`) || strings.Contains(got, "txqlen") || strings.Contains(got, "linkmode") {
		t.Errorf("-j RTM_NEWLINK lo: %s", got)
	}
}

// TestListingPrinter checks that a listing's printer shows what the
// message printer leaves out (ip link show: the link mode and queue
// length).
func TestListingPrinter(t *testing.T) {
	msgs := readDump(t, linkDump)
	var out bytes.Buffer
	env := cli.NewEnv(cli.Options{}, nil, &out, io.Discard)
	l, err := link.Decode(msgs[0])
	if err != nil {
		t.Fatal(err)
	}
	pr := NewPrinter(env, knownNames(t, msgs), true, unix.AF_PACKET)
	defer pr.Close()
	pr.PrintLink(l, false)
	env.P.Flush()
	want := "1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN mode DEFAULT group default qlen 1000\n"
	if got, _, _ := strings.Cut(out.String(), "    link/"); got != want {
		t.Errorf("listing lo: %q, want %q", got, want)
	}
}

// TestRunShowVerbs checks that `ip link`, `ip link show|list|lst` and
// their abbreviations run the lister they are given, as ip link show, and
// that `ip link help` is the usage text with exit status 255.
func TestRunShowVerbs(t *testing.T) {
	for _, words := range [][]string{nil, {"show"}, {"sh"}, {"list"}, {"lst"}, {"show", "dev", "lo"}} {
		var calls int
		list := func(env *cli.Env, args *cmdline.Args, linkShow bool) error {
			calls++
			if !linkShow {
				t.Errorf("%q: lister called with linkShow false", words)
			}
			return nil
		}
		env := cli.NewEnv(cli.Options{}, nil, io.Discard, io.Discard)
		if err := Run(env, cmdline.NewArgs(words), list); err != nil || calls != 1 {
			t.Errorf("Run(%q) = %v with %d lister calls, want nil and 1", words, err, calls)
		}
	}
	var stderr bytes.Buffer
	env := cli.NewEnv(cli.Options{}, nil, io.Discard, &stderr)
	err := Run(env, cmdline.NewArgs([]string{"help"}), nil)
	var ce *cmdline.Error
	if !errors.As(err, &ce) || ce.Code != cmdline.StatusUsage || !strings.HasPrefix(stderr.String(), "Usage: ip link add") {
		t.Errorf("ip link help = %v, stderr %q", err, stderr.String())
	}
}
