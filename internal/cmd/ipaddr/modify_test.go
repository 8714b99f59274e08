package ipaddr

import (
	"bufio"
	"bytes"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/gipnet/gip/addr"
	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cmdline"
	"golang.org/x/sys/unix"
)

// TestRequestGolden builds the request of each command in
// testdata/requests.txt and compares it with the bytes iproute2 sent (its
// ifaddrmsg and attributes, captured with strace for ifindex 3).
func TestRequestGolden(t *testing.T) {
	f, err := os.Open("testdata/requests.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		cmd, want, ok := strings.Cut(sc.Text(), "\t")
		if !ok {
			t.Fatalf("bad line %q", sc.Text())
		}
		words := strings.Fields(cmd)[1:] // drop "ip"
		var opts cli.Options
		if words[0] == "-6" {
			opts.Family, words = unix.AF_INET6, words[1:]
		}
		msgType := uint16(unix.RTM_NEWADDR)
		if words[1] == "del" {
			msgType = unix.RTM_DELADDR
		}
		var out bytes.Buffer
		env := cli.NewEnv(opts, nil, &out, &out)
		r, err := newAddrRequest(env, cmdline.NewArgs(words[2:]), msgType)
		if err != nil {
			t.Errorf("%s: %v", cmd, err)
			continue
		}
		body, err := r.body(3)
		if err != nil {
			t.Errorf("%s: %v", cmd, err)
			continue
		}
		if got := hex.EncodeToString(body); got != want {
			t.Errorf("%s:\n got %s\nwant %s", cmd, got, want)
		}
	}
}

func TestRequestErrors(t *testing.T) {
	tests := []struct {
		words string
		want  string
	}{
		{"10.0.0.1/24", `Not enough information: "dev" argument is required.`},
		{"2001:db8::1/64 brd + dev x", "Broadcast can be set only for IPv4 addresses"},
		{"10.0.0.1/24 10.0.0.2/24 dev x", `Error: either "local" is duplicate, or "10.0.0.2/24" is a garbage.`},
		{"10.0.0.1/24 dev x scope nope", `Error: argument "nope" is wrong: invalid scope value.`},
		{"10.0.0.1/33 dev x", `Error: any valid prefix is expected rather than "10.0.0.1/33".`},
		{"10.0.0.1/24 brd 2001::1 dev x", `Error: inet address is expected rather than "2001::1".`},
		{"10.0.0.1/24 dev", `Command line is not complete. Try option "help"`},
	}
	for _, tt := range tests {
		var out bytes.Buffer
		env := cli.NewEnv(cli.Options{}, nil, &out, &out)
		_, err := newAddrRequest(env, cmdline.NewArgs(strings.Fields(tt.words)), unix.RTM_NEWADDR)
		if err == nil || err.Error() != tt.want {
			t.Errorf("newAddrRequest(%q) = %v, want %q", tt.words, err, tt.want)
		}
	}
}

// TestShowdumpGolden prints a saved stream (the captured dump framed as
// `ip address save` writes it) and compares with iproute2's showdump.
func TestShowdumpGolden(t *testing.T) {
	stream, err := os.ReadFile("testdata/saved.bin")
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		golden string
		opts   cli.Options
	}{
		{"showdump.txt", cli.Options{}},
		{"showdump.json", cli.Options{JSON: true}},
	} {
		want, err := os.ReadFile("testdata/" + tt.golden)
		if err != nil {
			t.Fatal(err)
		}
		var out bytes.Buffer
		env := cli.NewEnv(tt.opts, bytes.NewReader(stream), &out, &out)
		if err := showdump(env); !isExit0(err) {
			t.Fatalf("showdump: %v", err)
		}
		env.P.Flush()
		if got := out.String(); got != string(want) {
			t.Errorf("%s: got\n%s\nwant\n%s", tt.golden, got, want)
		}
	}
}

// isExit0 reports whether err ends ip with status 0 (iproute2's showdump
// and restore exit at their end).
func isExit0(err error) bool {
	var ce *cmdline.Error
	return errors.As(err, &ce) && ce.Code == 0 && ce.Fatal
}

// TestShowdumpFilter: showdump prints through the filter an earlier
// listing of the process left, keeping every "ifN:" line.
func TestShowdumpFilter(t *testing.T) {
	stream, err := os.ReadFile("testdata/saved.bin")
	if err != nil {
		t.Fatal(err)
	}
	golden, err := os.ReadFile("testdata/showdump.txt")
	if err != nil {
		t.Fatal(err)
	}
	// The golden output record by record: "ifN:" and the address lines.
	var records [][2]string
	for _, line := range strings.SplitAfter(string(golden), "\n") {
		if strings.HasPrefix(line, "if") {
			records = append(records, [2]string{line, ""})
		} else if len(records) > 0 {
			records[len(records)-1][1] += line
		}
	}
	for _, tt := range []struct {
		name string
		f    listFilter
		keep func(head, body string) bool
	}{
		{"inet6", listFilter{family: unix.AF_INET6},
			func(_, body string) bool { return strings.HasPrefix(body, "    inet6 ") }},
		{"dev 1", listFilter{ifindex: 1},
			func(head, _ string) bool { return head == "if1:\n" }},
		{"scope link", listFilter{scope: unix.RT_SCOPE_LINK, scopeMask: 0xff},
			func(_, body string) bool { return strings.Contains(body, " scope link ") }},
		{"family link", listFilter{family: unix.AF_PACKET},
			func(_, _ string) bool { return false }},
	} {
		var want strings.Builder
		for _, r := range records {
			want.WriteString(r[0])
			if tt.keep(r[0], r[1]) {
				want.WriteString(r[1])
			}
		}
		var out bytes.Buffer
		env := cli.NewEnv(cli.Options{}, bytes.NewReader(stream), &out, &out)
		f := tt.f
		env.AddrFilter = &f
		if err := showdump(env); !isExit0(err) {
			t.Fatalf("%s: showdump: %v", tt.name, err)
		}
		env.P.Flush()
		if got := out.String(); got != want.String() {
			t.Errorf("%s: got\n%s\nwant\n%s", tt.name, got, want.String())
		}
	}
}

// TestAddrRequestBound checks that an attribute that would not fit in
// iproute2's 280-byte request is left out with addattr_l's line, and the
// ones after it are measured from what was kept.
func TestAddrRequestBound(t *testing.T) {
	var lines []string
	r := &addrRequest{req: addr.NewRequest(),
		warnf: func(f string, a ...any) { lines = append(lines, strings.TrimSuffix(fmt.Sprintf(f, a...), "\n")) }}
	r.add(1, make([]byte, 4))   // 24 + 8
	r.add(3, make([]byte, 300)) // does not fit
	r.add(3, make([]byte, 240)) // 32 + 244 = 276
	r.add(2, make([]byte, 4))   // 276 + 8 > 280
	if r.req.Len() != 2 {
		t.Errorf("kept %d attributes", r.req.Len())
	}
	want := "addattr_l ERROR: message exceeded bound of 280"
	if len(lines) != 2 || lines[0] != want || lines[1] != want {
		t.Errorf("printed %q", lines)
	}
}
