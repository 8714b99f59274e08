package ipnetconf

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/gipnet/gip/format"
	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/goldentest"
	"github.com/gipnet/gip/netconf"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// testdata/dump.bin holds the kernel's answer to a netconf dump in the
// namespace testdata/capture.sh builds (raw messages, as rtmon writes
// them), and dump*.txt what iproute2 6.1 printed there:
//
//	ip monitor file dump.bin > dump.txt
//	ip -o monitor file dump.bin > dump-o.txt
//	ip -j -p netconf > dump-jp.txt
//	ip -6 netconf show dev eth0 > dump-6dev.txt

func TestCaptureDump(t *testing.T) {
	goldentest.Capture(t, filepath.Join("testdata", "dump.bin"), goldentest.Dump{Type: netconf.RTMGetNetconf, Body: netconf.DumpRequest(unix.AF_UNSPEC)})
}

func goldenMessages(t testing.TB) []netlink.Message {
	return goldentest.Messages(t, filepath.Join("testdata", "dump.bin"))
}

// testNames names links as the capture's namespace did.
func testNames(idx uint32) string {
	return map[uint32]string{1: "lo", 2: "eth1", 3: "eth0"}[idx]
}

func TestPrintGolden(t *testing.T) {
	msgs := goldenMessages(t)
	for _, tc := range []struct {
		golden string
		opts   cli.Options
		family int
		index  uint32
	}{
		{"dump.txt", cli.Options{}, 0, 0},
		{"dump-o.txt", cli.Options{Oneline: true}, 0, 0},
		{"dump-jp.txt", cli.Options{JSON: true, Pretty: true}, 0, 0},
		{"dump-6dev.txt", cli.Options{}, unix.AF_INET6, 3},
	} {
		want, err := os.ReadFile(filepath.Join("testdata", tc.golden))
		if err != nil {
			t.Fatal(err)
		}
		var out bytes.Buffer
		env := cli.NewEnv(tc.opts, nil, &out, &out)
		np := NewPrinter(env.P, testNames, env.Warnf)
		np.Family, np.Index = tc.family, tc.index
		env.P.Begin()
		for _, m := range msgs {
			if err := np.Print(m.Header, m.Data); err != nil {
				t.Fatal(err)
			}
		}
		env.P.End()
		env.P.Flush()
		if out.String() != string(want) {
			t.Errorf("%s: got\n%s\nwant\n%s", tc.golden, out.String(), want)
		}
	}
}

// TestRequestsGolden: the bodies iproute2 6.1 sent for `ip netconf` and
// `ip -4 netconf show dev eth0` (eth0 at index 2), after the netlink
// header (strace -e trace=sendto -xx; iproute2's dump request is 17 bytes
// long, gip's padded to 20, which the kernel reads alike).
func TestRequestsGolden(t *testing.T) {
	if got := netconf.DumpRequest(unix.AF_UNSPEC); !bytes.Equal(got, []byte{0, 0, 0, 0}) {
		t.Errorf("dump request % x", got)
	}
	want := []byte{2, 0, 0, 0, 8, 0, 1, 0, 2, 0, 0, 0}
	if got := netconf.GetRequest(unix.AF_INET, 2); !bytes.Equal(got, want) {
		t.Errorf("get request % x, want % x", got, want)
	}
}

func TestPrintRefusals(t *testing.T) {
	var out, errOut bytes.Buffer
	p := format.New(&out, format.Options{})
	np := NewPrinter(p, testNames, func(f string, a ...any) { errOut.WriteString(f) })
	if np.Print(netlink.Header{Type: unix.RTM_NEWLINK, Length: 20}, []byte{2, 0, 0, 0}) == nil {
		t.Error("a link message printed")
	}
	if np.Print(netlink.Header{Type: netconf.RTMNewNetconf}, []byte{2}) == nil {
		t.Error("a short message printed")
	}
	if errOut.String() != "Not a netconf message: %08x %08x %08x\nBUG: wrong nlmsg len %d\n" {
		t.Errorf("warnings %q", errOut.String())
	}
}

// FuzzPrint: the printer prints or refuses any message, in every mode.
func FuzzPrint(f *testing.F) {
	for _, m := range goldenMessages(f) {
		f.Add(uint16(m.Header.Type), m.Data)
	}
	f.Fuzz(func(t *testing.T, typ uint16, data []byte) {
		for _, o := range []cli.Options{{}, {JSON: true, Pretty: true}, {Oneline: true, Color: true}} {
			var out bytes.Buffer
			env := cli.NewEnv(o, nil, &out, &out)
			np := NewPrinter(env.P, testNames, env.Warnf)
			env.P.Begin()
			_ = np.Print(netlink.Header{Type: netlink.HeaderType(typ)}, data)
			env.P.End()
			env.P.Flush()
		}
	})
}
