package ipmroute

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/mroute"
	"github.com/gipnet/gip/rtnl"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// names is ll_index_to_name in a namespace holding only lo.
func names(idx uint32) string {
	if idx == 1 {
		return "lo"
	}
	return "if" + strconv.FormatUint(uint64(idx), 10)
}

// TestPrintGolden prints the messages of testdata/mroute.nl (made by
// gen.py) and compares with what iproute2 6.1's `ip monitor file` printed
// for them in a namespace holding only lo.
func TestPrintGolden(t *testing.T) {
	for _, tc := range []struct {
		golden string
		opts   cli.Options
	}{
		{"mroute.txt", cli.Options{}},
		{"mroute-s.txt", cli.Options{Stats: 1}},
		{"mroute-dso.txt", cli.Options{Stats: 1, Details: 1, Oneline: true}},
		{"mroute-Nd.txt", cli.Options{Numeric: true, Details: 1}},
	} {
		want, err := os.ReadFile(filepath.Join("testdata", tc.golden))
		if err != nil {
			t.Fatal(err)
		}
		f, err := os.Open(filepath.Join("testdata", "mroute.nl"))
		if err != nil {
			t.Fatal(err)
		}
		var out, errOut bytes.Buffer
		env := cli.NewEnv(tc.opts, nil, &out, &errOut)
		pr := NewPrinter(env, names)
		err = rtnl.ReadSaved(f, func(h netlink.Header, body []byte) error {
			return pr.Print(env, h, body)
		})
		f.Close()
		env.Close()
		if err != nil {
			t.Errorf("%s: %v", tc.golden, err)
		}
		if got := out.String(); got != string(want) || errOut.Len() != 0 {
			t.Errorf("%s: got\n%s\nstderr %q\nwant\n%s", tc.golden, got, errOut.String(), want)
		}
	}
}

// TestDumpRequest: the request bytes iproute2 6.1 sends for `ip mroute`,
// `ip mroute show table all` and `ip -6 mroute` (strace -e sendmsg -xx,
// after the netlink header).
func TestDumpRequest(t *testing.T) {
	for _, tc := range []struct {
		family int
		table  uint32
		want   []byte
	}{
		{mroute.FamilyIPMR, unix.RT_TABLE_DEFAULT, []byte{128, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 8, 0, 15, 0, 253, 0, 0, 0}},
		{mroute.FamilyIPMR, 0, []byte{128, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}},
		{mroute.FamilyIP6MR, 0, []byte{129, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}},
	} {
		if got := mroute.DumpRequest(tc.family, tc.table); !bytes.Equal(got, tc.want) {
			t.Errorf("DumpRequest(%d, %d) = %v, want %v", tc.family, tc.table, got, tc.want)
		}
	}
}

// TestNotMulticast: a route of another type ends a listing with
// iproute2's complaint.
func TestNotMulticast(t *testing.T) {
	var out, errOut bytes.Buffer
	env := cli.NewEnv(cli.Options{}, nil, &out, &errOut)
	pr := NewPrinter(env, names)
	body := rtnl.RtMsg{Family: mroute.FamilyIPMR, Type: unix.RTN_UNICAST}.Append(nil)
	err := pr.Print(env, netlink.Header{Type: unix.RTM_NEWROUTE}, body)
	env.Close()
	if err != errNotMulticast || errOut.String() != "Non multicast route received, kernel does support IP multicast?\n" {
		t.Errorf("Print = %v, stderr %q", err, errOut.String())
	}
	errOut.Reset()
	err = pr.Print(env, netlink.Header{Type: unix.RTM_NEWROUTE}, body[:5])
	if err != errNotMulticast || errOut.String() != "BUG: wrong nlmsg len -7\n" {
		t.Errorf("short Print = %v, stderr %q", err, errOut.String())
	}
}

// FuzzPrint: no message makes the printer panic, in text or JSON.
func FuzzPrint(f *testing.F) {
	b, err := os.ReadFile(filepath.Join("testdata", "mroute.nl"))
	if err == nil {
		rtnl.ReadSaved(bytes.NewReader(b), func(h netlink.Header, body []byte) error {
			f.Add(uint16(h.Type), body)
			return nil
		})
	}
	f.Fuzz(func(t *testing.T, typ uint16, body []byte) {
		for _, o := range []cli.Options{{Stats: 2, Details: 1}, {JSON: true, Stats: 1}} {
			var out bytes.Buffer
			env := cli.NewEnv(o, nil, &out, &out)
			pr := NewPrinter(env, names)
			pr.Print(env, netlink.Header{Type: netlink.HeaderType(typ)}, body)
			env.Close()
		}
	})
}
