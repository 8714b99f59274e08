package app

import (
	"bytes"
	"errors"
	"io"
	"reflect"
	"strings"
	"testing"

	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/internal/version"
	"golang.org/x/sys/unix"
)

func TestParseGlobal(t *testing.T) {
	// -n opens its namespace while the options are read; /dev/null stands
	// in for ns1 (the test closes what it opens).
	defer func(f func(string) (int, error)) { openNetNS = f }(openNetNS)
	openNetNS = func(string) (int, error) { return unix.Open("/dev/null", unix.O_RDONLY, 0) }
	tests := []struct {
		argv []string
		want cli.Options
		rest []string
	}{
		{nil, cli.Options{}, nil},
		{[]string{"link"}, cli.Options{}, []string{"link"}},
		{[]string{"-4", "a", "-6"}, cli.Options{Family: unix.AF_INET}, []string{"a", "-6"}},
		{[]string{"-6", "r"}, cli.Options{Family: unix.AF_INET6}, []string{"r"}},
		{[]string{"-0", "a"}, cli.Options{Family: unix.AF_PACKET}, []string{"a"}},
		{[]string{"-M"}, cli.Options{Family: unix.AF_MPLS}, []string{}},
		{[]string{"-B"}, cli.Options{Family: unix.AF_BRIDGE}, []string{}},
		{[]string{"-4", "-6"}, cli.Options{Family: unix.AF_INET6}, []string{}},
		// -f is -family (first match), with its value
		{[]string{"-f", "inet", "a"}, cli.Options{Family: unix.AF_INET}, []string{"a"}},
		{[]string{"-fam", "inet6"}, cli.Options{Family: unix.AF_INET6}, []string{}},
		{[]string{"-family", "link"}, cli.Options{Family: unix.AF_PACKET}, []string{}},
		{[]string{"-f", "bridge"}, cli.Options{Family: unix.AF_BRIDGE}, []string{}},
		{[]string{"-f", "mpls"}, cli.Options{Family: unix.AF_MPLS}, []string{}},
		// -h is -human, not -help; -he is -help (tested below)
		{[]string{"-h", "l"}, cli.Options{Human: 1}, []string{"l"}},
		{[]string{"-hu", "-human-readable"}, cli.Options{Human: 2}, []string{}},
		{[]string{"-i"}, cli.Options{IEC: true}, []string{}},
		{[]string{"-s", "-s", "-stat", "-statistics"}, cli.Options{Stats: 4}, []string{}},
		{[]string{"-d", "l"}, cli.Options{Details: 1}, []string{"l"}},
		{[]string{"--details", "link"}, cli.Options{Details: 1}, []string{"link"}},
		{[]string{"-d", "-details", "--d"}, cli.Options{Details: 3}, []string{}},
		{[]string{"-r"}, cli.Options{Resolve: true}, []string{}},
		{[]string{"-o", "l"}, cli.Options{Oneline: true}, []string{"l"}},
		{[]string{"--oneline"}, cli.Options{Oneline: true}, []string{}},
		{[]string{"-t"}, cli.Options{Timestamp: 1}, []string{}},
		{[]string{"-ts"}, cli.Options{Timestamp: 2, TShort: true}, []string{}},
		{[]string{"-force"}, cli.Options{Force: true}, []string{}},
		// -b is -batch; -br is -brief
		{[]string{"-b", "file"}, cli.Options{Batch: "file", HasBatch: true}, []string{}},
		{[]string{"-batch", "-"}, cli.Options{Batch: "-", HasBatch: true}, []string{}},
		{[]string{"-force", "-b", "f", "x"}, cli.Options{Force: true, Batch: "f", HasBatch: true}, []string{"x"}},
		{[]string{"-batch", ""}, cli.Options{Batch: "", HasBatch: true}, []string{}},
		{[]string{"-br", "l"}, cli.Options{Brief: true}, []string{"l"}},
		{[]string{"-brief", "a"}, cli.Options{Brief: true}, []string{"a"}},
		{[]string{"-j", "l"}, cli.Options{JSON: true}, []string{"l"}},
		{[]string{"-j", "-p", "l"}, cli.Options{JSON: true, Pretty: true}, []string{"l"}},
		{[]string{"--json", "--pretty"}, cli.Options{JSON: true, Pretty: true}, []string{}},
		// -rc is -rcvbuf (-r is -resolve)
		{[]string{"-rc", "65536"}, cli.Options{RcvBuf: 65536}, []string{}},
		{[]string{"-rcvbuf", "0x100"}, cli.Options{RcvBuf: 256}, []string{}},
		// -l is -loops
		{[]string{"-l", "3"}, cli.Options{Loops: 3}, []string{}},
		{[]string{"-loops", "0"}, cli.Options{Loops: -1}, []string{}},
		// -c is -color, forced on (output is not a terminal here)
		{[]string{"-c", "l"}, cli.Options{Color: true}, []string{"l"}},
		{[]string{"-color"}, cli.Options{Color: true}, []string{}},
		{[]string{"--color"}, cli.Options{Color: true}, []string{}},
		{[]string{"-c=always"}, cli.Options{Color: true}, []string{}},
		{[]string{"-color=never"}, cli.Options{}, []string{}},
		{[]string{"-c=auto"}, cli.Options{}, []string{}},
		{[]string{"-c", "-c=never"}, cli.Options{}, []string{}},
		{[]string{"-c", "-j"}, cli.Options{JSON: true}, []string{}}, // no color in JSON
		{[]string{"-n", "ns1", "l"}, cli.Options{NetNS: "ns1"}, []string{"l"}},
		{[]string{"-netns", "ns1"}, cli.Options{NetNS: "ns1"}, []string{}},
		{[]string{"--netns", "ns1"}, cli.Options{NetNS: "ns1"}, []string{}},
		{[]string{"-N"}, cli.Options{Numeric: true}, []string{}},
		{[]string{"-a", "netns"}, cli.Options{All: true}, []string{"netns"}},
		{[]string{"-echo"}, cli.Options{Echo: true}, []string{}},
		// "--" ends the options; so does the first word without '-'
		{[]string{"--", "-4", "a"}, cli.Options{}, []string{"-4", "a"}},
		{[]string{"-4", "--", "a"}, cli.Options{Family: unix.AF_INET}, []string{"a"}},
		{[]string{"l", "-4"}, cli.Options{}, []string{"l", "-4"}},
	}
	for _, tt := range tests {
		var out bytes.Buffer
		got, rest, err := parseGlobal(tt.argv, &out, io.Discard)
		if err != nil {
			t.Errorf("parseGlobal(%q): %v", tt.argv, err)
			continue
		}
		switch tt.want.Loops {
		case 0:
			tt.want.Loops = cli.DefaultLoops
		case -1: // stands for an explicit -loops 0
			tt.want.Loops = 0
		}
		if got != tt.want {
			t.Errorf("parseGlobal(%q) = %+v, want %+v", tt.argv, got, tt.want)
		}
		if len(rest) != len(tt.rest) || (len(rest) > 0 && !reflect.DeepEqual(rest, tt.rest)) {
			t.Errorf("parseGlobal(%q) rest = %q, want %q", tt.argv, rest, tt.rest)
		}
		if out.Len() != 0 {
			t.Errorf("parseGlobal(%q) printed %q", tt.argv, out.String())
		}
	}
}

func TestParseGlobalErrors(t *testing.T) {
	tests := []struct {
		argv []string
		code int
		msg  string // "" for usage (printed, not in the error)
	}{
		{[]string{"-x"}, 255, `Option "-x" is unknown, try "ip -help".`},
		{[]string{"-foo", "l"}, 255, `Option "-foo" is unknown, try "ip -help".`},
		{[]string{"--foo"}, 255, `Option "-foo" is unknown, try "ip -help".`},
		{[]string{"-"}, 255, ``}, // "-" abbreviates the first option, -loops
		{[]string{"-e"}, 255, `Option "-e" is unknown, try "ip -help".`}, // -echo is exact
		{[]string{"-c=bad"}, 255, `Option "-c=bad" is unknown, try "ip -help".`},
		{[]string{"-f", "foo", "a"}, 255, `Error: argument "foo" is wrong: invalid protocol family`},
		{[]string{"-rc", "foo"}, 255, `Invalid rcvbuf size 'foo'`},
		{[]string{"-he"}, 255, ""},
		{[]string{"-help"}, 255, ""},
		{[]string{"--help"}, 255, ""},
		{[]string{"-b"}, 255, ""},
	}
	for _, tt := range tests {
		_, _, err := parseGlobal(tt.argv, io.Discard, io.Discard)
		var ce *cmdline.Error
		if tt.argv[0] == "-" {
			// "-" matches -loops and takes no error: it is an option.
			if err != nil {
				t.Errorf("parseGlobal(%q) = %v, want no error", tt.argv, err)
			}
			continue
		}
		if !errors.As(err, &ce) {
			t.Errorf("parseGlobal(%q) = %v, want a *cmdline.Error", tt.argv, err)
			continue
		}
		if ce.Code != tt.code || ce.Msg != tt.msg {
			t.Errorf("parseGlobal(%q) = (%d, %q), want (%d, %q)", tt.argv, ce.Code, ce.Msg, tt.code, tt.msg)
		}
	}
}

func TestParseGlobalVersion(t *testing.T) {
	for _, v := range []string{"-V", "-Version", "--Version", "-Ver"} {
		var out bytes.Buffer
		_, _, err := parseGlobal([]string{"-d", v, "-x"}, &out, io.Discard)
		var ce *cmdline.Error
		if !errors.As(err, &ce) || ce.Code != 0 || ce.Msg != "" {
			t.Errorf("%s: err = %v", v, err)
		}
		if want := version.IPLine() + "\n"; out.String() != want {
			t.Errorf("%s printed %q, want %q", v, out.String(), want)
		}
	}
}

// objectFor is the object a word selects in ip's table.
func objectFor(word string) string {
	for _, o := range objects {
		if cmdline.Matches(word, o.name) {
			return o.name
		}
	}
	return ""
}

func TestObjectAbbreviations(t *testing.T) {
	tests := map[string]string{
		"a": "address", "ad": "address", "addr": "address", "address": "address",
		"addrl": "addrlabel", "addrlabel": "addrlabel",
		"m": "maddress", "ma": "maddress",
		"r": "route", "ro": "route", "route": "route",
		"ru": "rule",
		"n":  "neighbor", "ne": "neighbor", "neigh": "neighbor", "neighbou": "neighbour",
		"nt": "ntable", "ntb": "ntbl",
		"l": "link", "li": "link", "link": "link", "l2": "l2tp",
		"f": "fou", "i": "ila", "io": "ioam",
		"t": "tunnel", "tu": "tunnel", "tunl": "tunl", "tunt": "tuntap", "ta": "tap",
		"to": "token", "tc": "tcpmetrics", "tcp_": "tcp_metrics",
		"mo": "monitor", "x": "xfrm", "mr": "mroute", "mru": "mrule",
		"net": "netns", "netns": "netns", "netc": "netconf",
		"v": "vrf", "s": "sr", "st": "stats", "nex": "nexthop", "mp": "mptcp",
		"h": "help", "help": "help",
		"foo": "", "links": "", "": "", "A": "",
	}
	for w, want := range tests {
		if got := objectFor(w); got != want {
			t.Errorf("ip %q selects %q, want %q", w, got, want)
		}
	}
	// iproute2 6.1's table, in order (ip/ip.c cmds[]).
	want := []string{"address", "addrlabel", "maddress", "route", "rule", "neighbor", "neighbour",
		"ntable", "ntbl", "link", "l2tp", "fou", "ila", "macsec", "tunnel", "tunl", "tuntap", "tap",
		"token", "tcpmetrics", "tcp_metrics", "monitor", "xfrm", "mroute", "mrule", "netns",
		"netconf", "vrf", "sr", "nexthop", "mptcp", "ioam", "stats", "help"}
	var got []string
	for _, o := range objects {
		got = append(got, o.name)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("object table\n got %q\nwant %q", got, want)
	}
}

// Every object but help (which doCmd answers before its run) has a run
// function: doCmd has no fallback for an object without one.
func TestObjectsRun(t *testing.T) {
	for _, o := range objects {
		if (o.run == nil) != (o.name == "help") {
			t.Errorf("ip %s: run function set is %v", o.name, o.run != nil)
		}
	}
}

// run calls Main and returns what it printed and its status.
func run(argv []string, stdin string) (stdout, stderr string, code int) {
	var o, e bytes.Buffer
	code = Main(argv, strings.NewReader(stdin), &o, &e)
	return o.String(), e.String(), code
}

func TestMainFrontEnd(t *testing.T) {
	tests := []struct {
		argv           []string
		stdin          string
		stdout, stderr string // stderr "Usage:" means: starts with it
		code           int
	}{
		{[]string{"ip", "-V"}, "", version.IPLine() + "\n", "", 0},
		{[]string{"/usr/local/sbin/gip", "-Version"}, "", version.IPLine() + "\n", "", 0},
		{[]string{"ip", "foo"}, "", "", "Object \"foo\" is unknown, try \"ip help\".\n", 1},
		{[]string{"ip", "-4", "foo"}, "", "", "Object \"foo\" is unknown, try \"ip help\".\n", 1},
		{[]string{"ip", "-x"}, "", "", "Option \"-x\" is unknown, try \"ip -help\".\n", 255},
		{[]string{"ip", "-f", "foo", "a"}, "", "", "Error: argument \"foo\" is wrong: invalid protocol family\n", 255},
		{[]string{"ip"}, "", "", "Usage:", 255},
		{[]string{"gip"}, "", "", "Usage:", 255},
		{[]string{"ip", "help"}, "", "", "Usage:", 255},
		{[]string{"ip", "h"}, "", "", "Usage:", 255},
		// usage from the global options goes to the stderr Main was given
		{[]string{"ip", "-help"}, "", "", "Usage:", 255},
		{[]string{"ip", "-f", "help"}, "", "", "Usage:", 255},
		{[]string{"ip", "-batch"}, "", "", "Usage:", 255},
		// -batch: a failing line prints "Command failed FILE:LINE"
		{[]string{"ip", "-batch", "-"}, "foo\nbar\n", "",
			"Object \"foo\" is unknown, try \"ip help\".\nCommand failed -:1\n", 1},
		{[]string{"ip", "-force", "-batch", "-"}, "foo\n\n# comment\nbar\n", "",
			"Object \"foo\" is unknown, try \"ip help\".\nCommand failed -:1\n" +
				"Object \"bar\" is unknown, try \"ip help\".\nCommand failed -:4\n", 1},
		{[]string{"ip", "-b", "-"}, "# only a comment\n\n", "", "", 0},
		{[]string{"ip", "-batch", "/nonexistent/batch"}, "", "",
			"Cannot open file \"/nonexistent/batch\" for reading: No such file or directory\n", 1},
		// a continuation line counts in the line number
		{[]string{"ip", "-force", "-batch", "-"}, "f\\\noo\nbar\n", "",
			"Object \"foo\" is unknown, try \"ip help\".\nCommand failed -:2\n" +
				"Object \"bar\" is unknown, try \"ip help\".\nCommand failed -:3\n", 1},
		// help in a batch is a usage exit: it ends the batch
		{[]string{"ip", "-force", "-batch", "-"}, "help\nfoo\n", "", "Usage:", 255},
	}
	for _, tt := range tests {
		so, se, code := run(tt.argv, tt.stdin)
		okErr := se == tt.stderr
		if tt.stderr == "Usage:" {
			okErr = strings.HasPrefix(se, "Usage:")
		}
		if so != tt.stdout || !okErr || code != tt.code {
			t.Errorf("Main(%q) <<%q = (%q, %q, %d), want (%q, %q, %d)", tt.argv, tt.stdin, so, se, code, tt.stdout, tt.stderr, tt.code)
		}
	}
}

func TestSplitArgs(t *testing.T) {
	tests := []struct {
		line string
		want []string
	}{
		{"", nil},
		{"   \t ", nil},
		{"link show lo", []string{"link", "show", "lo"}},
		{"  link\tshow  lo \r\n", []string{"link", "show", "lo"}},
		{`link set dev "my dev" alias 'a b'`, []string{"link", "set", "dev", "my dev", "alias", "a b"}},
		{`"" x`, []string{"", "x"}},
	}
	for _, tt := range tests {
		if got, err := splitArgs(tt.line); err != nil || !reflect.DeepEqual(got, tt.want) {
			t.Errorf("splitArgs(%q) = %q, %v, want %q", tt.line, got, err, tt.want)
		}
	}
	if _, err := splitArgs(`link show "lo`); err == nil || err.Error() != "Unterminated quoted string" {
		t.Errorf("splitArgs with an open quote = %v, want Unterminated quoted string", err)
	}
}

func FuzzParseGlobal(f *testing.F) {
	for _, s := range []string{
		"-4 a", "-f inet a", "-f", "-n ns l", "-n", "-b", "-b -", "-rc", "-rc x", "-l", "-l x",
		"-c=auto", "-c=", "--", "- -", "-V", "-j -p -br -o l", "--details link", "-x",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		argv := strings.Split(s, " ")
		o, rest, err := parseGlobal(argv, io.Discard, io.Discard)
		if err != nil {
			var ce *cmdline.Error
			if !errors.As(err, &ce) {
				t.Fatalf("parseGlobal(%q): error %v is not a *cmdline.Error", argv, err)
			}
			return
		}
		if len(rest) > len(argv) {
			t.Fatalf("parseGlobal(%q): rest %q longer than argv", argv, rest)
		}
		if o.Color && o.JSON {
			t.Fatalf("parseGlobal(%q): color in JSON", argv)
		}
	})
}

// A -batch line holds at most maxBatchWords-1 words, as iproute2's table;
// one more ends ip with its words.
func TestSplitArgsWordLimit(t *testing.T) {
	for _, tc := range []struct {
		n       int
		wantErr bool
	}{{0, false}, {1, false}, {510, false}, {511, false}, {512, true}, {600, true}} {
		words, err := splitArgs(strings.Repeat("a ", tc.n))
		if tc.wantErr {
			var ce *cmdline.Error
			if !errors.As(err, &ce) || ce.Msg != "Too many arguments to command" || ce.Code != 1 {
				t.Errorf("splitArgs(%d words) = %v, want exit 1 \"Too many arguments to command\"", tc.n, err)
			}
			continue
		}
		if err != nil || len(words) != tc.n {
			t.Errorf("splitArgs(%d words) = %d words, %v", tc.n, len(words), err)
		}
	}
}

// A NUL ends a -batch line, as the C string iproute2 reads it into.
func TestBatchReaderNUL(t *testing.T) {
	b := newBatchReader(strings.NewReader("link show lo\x00 junk\\\nlink\x00\nroute # x\x00y\n"))
	for _, want := range []string{"link show lo", "link", "route "} {
		got, err := b.next()
		if err != nil || got != want {
			t.Fatalf("next = %q, %v; want %q", got, err, want)
		}
	}
}
