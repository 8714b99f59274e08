package ipmonitor

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cmdline"
	"golang.org/x/sys/unix"
)

// TestReplayGolden replays a capture made with rtmon (testdata/capture.sh)
// and compares the text with what iproute2 6.1 printed for it, in several
// output modes and object lists.
func TestReplayGolden(t *testing.T) {
	offlineNames = true
	defer func() { offlineNames = false }()
	saved := time.Local
	time.Local = time.UTC // the golden texts were made with TZ=UTC
	defer func() { time.Local = saved }()
	capture := filepath.Join("testdata", "events.nl")
	for _, tc := range []struct {
		golden string
		opts   cli.Options
		words  []string
	}{
		{"events.txt", cli.Options{}, nil},
		{"events-d.txt", cli.Options{Details: 1}, nil},
		{"events-o.txt", cli.Options{Oneline: true}, nil},
		{"events-label.txt", cli.Options{}, []string{"label", "all-nsid"}},
		{"events-4.txt", cli.Options{Family: unix.AF_INET}, []string{"route", "address"}},
		{"events-j.txt", cli.Options{JSON: true}, []string{"neigh", "rule"}},
	} {
		want, err := os.ReadFile(filepath.Join("testdata", tc.golden))
		if err != nil {
			t.Fatal(err)
		}
		var out, errOut bytes.Buffer
		env := cli.NewEnv(tc.opts, nil, &out, &errOut)
		words := append([]string{"file", capture}, tc.words...)
		err = Run(env, cmdline.NewArgs(words))
		env.Close()
		if err != nil {
			t.Errorf("%s: Run: %v", tc.golden, err)
		}
		if errOut.Len() > 0 {
			t.Errorf("%s: stderr %q", tc.golden, errOut.String())
		}
		if got := out.String(); got != string(want) {
			t.Errorf("%s: replay differs\n got: %s\nwant: %s", tc.golden, firstDiff(got, string(want)), firstDiff(string(want), got))
		}
	}
}

// firstDiff is a's first line that b does not have at the same place.
func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := range al {
		if i >= len(bl) || al[i] != bl[i] {
			return al[i]
		}
	}
	return "(same lines, different length)"
}

// TestReplayErrors: a missing or truncated capture ends as iproute2's does.
func TestReplayErrors(t *testing.T) {
	offlineNames = true
	defer func() { offlineNames = false }()
	trunc := filepath.Join(t.TempDir(), "trunc.nl")
	b, err := os.ReadFile(filepath.Join("testdata", "events.nl"))
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(trunc, b[:100], 0o644)
	for _, tc := range []struct {
		words  []string
		code   int
		stderr string
	}{
		{[]string{"file", "/nonexistent/x.nl"}, 255, "Cannot fopen: No such file or directory\n"},
		{[]string{"file", trunc}, 1, "rtnl-from_file: truncated message"},
		{[]string{"frob"}, 255, `Argument "frob" is unknown, try "ip monitor help".`},
		{[]string{"s"}, 255, `Argument "s" is unknown, try "ip monitor help".`},
		{[]string{"file"}, 255, `Command line is not complete. Try option "help"`},
	} {
		var out, errOut bytes.Buffer
		env := cli.NewEnv(cli.Options{}, nil, &out, &errOut)
		err := Run(env, cmdline.NewArgs(tc.words))
		env.Close()
		ce, ok := err.(*cmdline.Error)
		if !ok || ce.Code != tc.code {
			t.Errorf("%q: error %v, want exit %d", tc.words, err, tc.code)
			continue
		}
		if got := errOut.String() + ce.Msg; got != tc.stderr {
			t.Errorf("%q: stderr %q, want %q", tc.words, got, tc.stderr)
		}
	}
}

// TestReplayObjects replays the address label and netconf dumps captured
// for those packages' tests and compares with what iproute2 6.1's ip
// monitor printed for them in a namespace that had only lo (the other
// devices print as ifN; lo's lines are filtered out, since offline names
// would print it as if1).
func TestReplayObjects(t *testing.T) {
	offlineNames = true
	defer func() { offlineNames = false }()
	for _, tc := range []struct {
		golden, capture string
		opts            cli.Options
		words           []string
	}{
		{"addrlabel-label.txt", "../ipaddrlabel/testdata/dump.bin", cli.Options{}, []string{"label"}},
		{"netconf-label.txt", "../ipnetconf/testdata/dump.bin", cli.Options{Oneline: true}, []string{"label", "netconf", "dev", "if2"}},
		{"netconf-dev.txt", "../ipnetconf/testdata/dump.bin", cli.Options{}, []string{"dev", "if3", "netconf"}},
	} {
		want, err := os.ReadFile(filepath.Join("testdata", tc.golden))
		if err != nil {
			t.Fatal(err)
		}
		var out, errOut bytes.Buffer
		env := cli.NewEnv(tc.opts, nil, &out, &errOut)
		err = Run(env, cmdline.NewArgs(append([]string{"file", tc.capture}, tc.words...)))
		env.Close()
		if err != nil || errOut.Len() > 0 {
			t.Errorf("%s: %v, stderr %q", tc.golden, err, errOut.String())
		}
		if got := out.String(); got != string(want) {
			t.Errorf("%s: replay differs\n got: %s\nwant: %s", tc.golden, firstDiff(got, string(want)), firstDiff(string(want), got))
		}
	}
}

// TestReplayNexthops replays nexthop and route events (testdata/
// nexthops-capture.sh): ip monitor's one nexthop cache is fed by the
// nexthop events it prints, so a route's -details nh_info shows a group
// as the capture last described it, also after "nexthop replace", and a
// nexthop's device is named from the capture's link messages.
func TestReplayNexthops(t *testing.T) {
	offlineNames = true
	defer func() { offlineNames = false }()
	saved := time.Local
	time.Local = time.UTC
	defer func() { time.Local = saved }()
	capture := filepath.Join("testdata", "nexthops.nl")
	for _, tc := range []struct {
		golden string
		opts   cli.Options
		words  []string
	}{
		{"nexthops.txt", cli.Options{}, nil},
		{"nexthops-d.txt", cli.Options{Details: 1}, nil},
		{"nexthops-od.txt", cli.Options{Details: 1, Oneline: true}, []string{"route", "nexthop"}},
	} {
		want, err := os.ReadFile(filepath.Join("testdata", tc.golden))
		if err != nil {
			t.Fatal(err)
		}
		var out, errOut bytes.Buffer
		env := cli.NewEnv(tc.opts, nil, &out, &errOut)
		err = Run(env, cmdline.NewArgs(append([]string{"file", capture}, tc.words...)))
		env.Close()
		if err != nil || errOut.Len() > 0 {
			t.Errorf("%s: %v, stderr %q", tc.golden, err, errOut.String())
		}
		if got := out.String(); got != string(want) {
			t.Errorf("%s: replay differs\n got: %s\nwant: %s", tc.golden, firstDiff(got, string(want)), firstDiff(string(want), got))
		}
	}
}
