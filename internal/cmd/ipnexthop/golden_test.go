package ipnexthop

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/goldentest"
	"github.com/gipnet/gip/nexthop"
	"github.com/mdlayher/netlink"
)

// testdata/dump.bin holds the kernel's answers to a nexthop dump and a
// bucket dump in the namespace testdata/dump.sh builds, as raw netlink
// messages (the format rtmon writes and `ip monitor file` reads), and
// dump*.txt what iproute2 6.1 printed for them:
//
//	ip monitor file testdata/dump.bin > testdata/dump.txt
//	ip -d monitor file testdata/dump.bin > testdata/dump-d.txt
//	ip -N -o monitor file testdata/dump.bin > testdata/dump-no.txt
//	ip -d -j -p nexthop > testdata/dump-djp.txt
//
// (ip monitor prints text whatever -j says, so the JSON is that of the
// listing, taken at the same time.) Recapture with GIP_CAPTURE=1 go test
// -run TestCaptureDump ./internal/cmd/ipnexthop in such a namespace.

func TestCaptureDump(t *testing.T) {
	goldentest.Capture(t, filepath.Join("testdata", "dump.bin"),
		goldentest.Dump{Type: nexthop.RTMGetNexthop, Body: nexthop.Header{}.Append(nil)},
		goldentest.Dump{Type: nexthop.RTMGetNexthopBucket, Body: nexthop.Header{}.Append(nil)})
}

// goldenMessages reads testdata/dump.bin.
func goldenMessages(t testing.TB) []netlink.Message {
	return goldentest.Messages(t, filepath.Join("testdata", "dump.bin"))
}

// printAll prints msgs as ip monitor does, or as ip nexthop show does
// with one JSON document for all.
func printAll(t *testing.T, o cli.Options, msgs []netlink.Message) string {
	var out bytes.Buffer
	env := cli.NewEnv(o, nil, &out, &out)
	pr := NewPrinter(env)
	pr.aux.NoLookups()
	pr.aux.KnowLink(1, "lo")
	pr.aux.KnowLink(2, "eth1")
	pr.aux.KnowLink(3, "eth0")
	env.P.Begin()
	for _, m := range msgs {
		if o.JSON && uint16(m.Header.Type) != nexthop.RTMNewNexthop {
			continue
		}
		if err := pr.PrintMessage(m); err != nil {
			t.Fatal(err)
		}
	}
	env.P.End()
	env.P.Flush()
	return out.String()
}

func TestPrintGolden(t *testing.T) {
	msgs := goldenMessages(t)
	if len(msgs) < 10 {
		t.Fatalf("dump.bin holds %d messages", len(msgs))
	}
	for _, tc := range []struct {
		file string
		o    cli.Options
	}{
		{"dump.txt", cli.Options{}},
		{"dump-d.txt", cli.Options{Details: 1}},
		{"dump-djp.txt", cli.Options{Details: 1, JSON: true, Pretty: true}},
		{"dump-no.txt", cli.Options{Numeric: true, Oneline: true}},
	} {
		want, err := os.ReadFile(filepath.Join("testdata", tc.file))
		if err != nil {
			t.Fatal(err)
		}
		if got := printAll(t, tc.o, msgs); got != string(want) {
			t.Errorf("%s:\n got:\n%s\nwant:\n%s", tc.file, got, want)
		}
	}
}
