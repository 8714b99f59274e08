package bridgecmd

import (
	"bytes"
	"encoding/hex"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/gipnet/gip/format"
	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/rtnl"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// testIndex names the links of the namespace the golden requests were
// captured in (br0 2, p1 4, vx0 5).
func testIndex(name string) (uint32, error) {
	return map[string]uint32{"br0": 2, "p1": 4, "vx0": 5}[name], nil
}

// TestMDBRequestGolden compares the requests with iproute2 6.1's, captured
// with strace -e write=3 (the 16-byte netlink header left out).
func TestMDBRequestGolden(t *testing.T) {
	for _, tc := range []struct {
		cmd  netlink.HeaderType
		args string
		want string
	}{
		{unix.RTM_NEWMDB, "dev br0 port p1 grp 239.1.1.1 permanent vid 5 src 10.0.0.1",
			"0700000002000000200001000400000001000500ef010101000000000000000000000000080000000c000280080001000a000001"},
		{unix.RTM_DELMDB, "dev br0 port p1 grp ff0e::1 permanent",
			"0700000002000000200001000400000000000000ff0e000000000000000000000000000186dd0000"},
		{unix.RTM_NEWMDB, "dev br0 port p1 grp 01:00:5e:01:01:05",
			"070000000200000020000100040000000000000001005e0101050000000000000000000000000000"},
	} {
		r, err := parseMDBModify(cmdline.NewArgs(strings.Fields(tc.args)), tc.cmd)
		if err != nil {
			t.Fatalf("%s: %v", tc.args, err)
		}
		body, err := r.body(testIndex, t.Errorf)
		if err != nil {
			t.Fatalf("%s: %v", tc.args, err)
		}
		if got := hex.EncodeToString(body); got != tc.want {
			t.Errorf("%s:\n got %s\nwant %s", tc.args, got, tc.want)
		}
	}
}

func TestMDBRequestErrors(t *testing.T) {
	for _, tc := range []struct{ args, want, warn string }{
		{"dev br0 port p1", "Device, group address and port name are required arguments.", ""},
		{"dev br0 port p1 grp zz:11", `Invalid address "zz"`, `"zz" is invalid lladdr.`},
		{"dev br0 port p1 grp 1:2:3:4:5:6:7", `Invalid address "1"`, ""},
		{"dev br0 port p1 grp 1.2.3", `Invalid address "1.2.3"`, ""},
		{"dev br0 port p1 grp 1.2.3.x", `Invalid address "1.2.3.x"`, `"1.2.3.x" is invalid lladdr.`},
		{"dev br0 port p1 grp 239.1.1.1 src x", `Invalid source address "x"`, ""},
		{"dev nope port p1 grp x", `Cannot find device "nope"`, ""},
		{"dev br0 port '' grp x", `Cannot find device "''"`, ""},
	} {
		var warned string
		warn := func(f string, a ...any) { warned += strings.TrimSuffix(f, "\n") }
		r, err := parseMDBModify(cmdline.NewArgs(strings.Fields(tc.args)), unix.RTM_NEWMDB)
		if err == nil {
			_, err = r.body(testIndex, func(f string, a ...any) {
				if len(a) > 0 {
					warned = strings.TrimSuffix(a[0].(string), "\n")
				} else {
					warn(f)
				}
			})
		}
		var ce *cmdline.Error
		if !errors.As(err, &ce) || ce.Msg != tc.want || ce.Code != 255 {
			t.Errorf("%s: err = %v, want %q (255)", tc.args, err, tc.want)
		}
		if warned != tc.warn {
			t.Errorf("%s: warned %q, want %q", tc.args, warned, tc.warn)
		}
	}
}

func TestVNIRequestGolden(t *testing.T) {
	for _, tc := range []struct{ args, want string }{
		{"dev vx0 vni 100,200-210 group 239.1.1.1",
			"070000000500000014000180080001006400000008000300ef0101011c00018008000100c800000008000200d200000008000300ef010101"},
		{"dev vx0 vni 7 remote 2001:db8::2",
			"07000000050000002000018008000100070000001400040020010db8000000000000000000000002"},
	} {
		r, err := parseVNIModify(cmdline.NewArgs(strings.Fields(tc.args)))
		if err != nil {
			t.Fatalf("%s: %v", tc.args, err)
		}
		body, err := r.body(5, func(line string) { t.Errorf("%s: warned %q", tc.args, line) })
		if err != nil {
			t.Fatal(err)
		}
		if got := hex.EncodeToString(body); got != tc.want {
			t.Errorf("%s:\n got %s\nwant %s", tc.args, got, tc.want)
		}
	}
}

// TestMonitorReplayGolden replays an rtmon capture (testdata/monitor.cap:
// a bridge with two ports brought up, an fdb entry, mdb groups and a
// router port added and removed) and compares what each variant prints
// with what iproute2 6.1's `bridge … monitor … file` printed for it
// (testdata/*.golden). Links are named from the capture itself; the
// capture ends in the state the reference's namespace had when it read
// it, so the flags behind M-DOWN agree too.
func TestMonitorReplayGolden(t *testing.T) {
	old := time.Local
	time.Local = time.UTC // the golden time stamps were printed in UTC
	defer func() { time.Local = old }()
	capture := filepath.Join("testdata", "monitor.cap")
	for _, tc := range []struct {
		golden         string
		banner         bool
		details, stats int
	}{
		{"monitor.golden", false, 0, 0},
		{"monitor_all.golden", true, 0, 0},
		{"-d_-s_monitor_all.golden", true, 1, 1},
	} {
		want, err := os.ReadFile(filepath.Join("testdata", tc.golden))
		if err != nil {
			t.Fatal(err)
		}
		var out, errs bytes.Buffer
		env := cli.NewEnv(cli.Options{Details: tc.details, Stats: tc.stats}, strings.NewReader(""), &out, &errs)
		m := newBrMonitor(env, tc.banner)
		m.names.Offline()
		f, err := os.Open(capture)
		if err != nil {
			t.Fatal(err)
		}
		_ = rtnl.ReadSaved(f, func(h netlink.Header, body []byte) error {
			if h.Type == unix.RTM_NEWLINK || h.Type == unix.RTM_DELLINK {
				m.names.Track(uint16(h.Type), body)
			}
			return nil
		})
		f.Close()
		if err := m.replay(capture); err != nil {
			t.Fatalf("%s: %v", tc.golden, err)
		}
		if out.String() != string(want) {
			t.Errorf("%s: got\n%s\nwant\n%s", tc.golden, out.String(), want)
		}
	}
}

// TestMDBPrinterModes prints one captured-shape entry in each mode.
func TestMDBPrinterModes(t *testing.T) {
	e := make([]byte, sizeofMDBEntry)
	ne.PutUint32(e, 4)
	e[4] = mdbPermanent
	e[5] = 2 // fast_leave
	ne.PutUint16(e[6:], 7)
	copy(e[8:], []byte{239, 1, 1, 1})
	e[24], e[25] = 0x08, 0x00
	names := func(i int32) string { return map[int32]string{2: "br0", 4: "p1"}[i] }
	for _, tc := range []struct {
		o    format.Options
		want string
	}{
		{format.Options{}, "dev br0 port p1 grp 239.1.1.1 permanent fast_leave vid 7\n"},
		{format.Options{Oneline: true}, "dev br0 port p1 grp 239.1.1.1 permanent fast_leave vid 7\\"},
		{format.Options{JSON: true}, `{"index":2,"dev":"br0","port":"p1","grp":"239.1.1.1","state":"permanent","flags":["fast_leave"],"vid":7}`},
	} {
		var out bytes.Buffer
		p := format.New(&out, tc.o)
		m := &mdbPrinter{p: p, name: names, warn: t.Errorf}
		m.entry(2, e, map[uint16][]byte{})
		p.Flush()
		if out.String() != tc.want {
			t.Errorf("%+v: got %q, want %q", tc.o, out.String(), tc.want)
		}
	}
}

func TestFormatTimer(t *testing.T) {
	for _, tc := range []struct {
		ticks uint32
		align bool
		want  string
	}{{25993, true, " 259.93"}, {0, true, "   0.00"}, {5, false, "0.05"}, {123456, true, "1234.56"}} {
		if got := formatTimer(tc.ticks, tc.align); got != tc.want {
			t.Errorf("formatTimer(%d, %v) = %q, want %q", tc.ticks, tc.align, got, tc.want)
		}
	}
}

// FuzzMDBModify runs the mdb and vni request parsers and encoders on any
// words: they must not panic, and an accepted request encodes.
func FuzzMDBModify(f *testing.F) {
	f.Add("dev br0 port p1 grp 239.1.1.1 permanent vid 5 src 10.0.0.1")
	f.Add("dev br0 port p1 grp 01:02:03:04:05:06:07")
	f.Add("dev vx0 vni 1,2-3,,-,x group ff0e::1 remote")
	f.Fuzz(func(t *testing.T, s string) {
		words := strings.Fields(s)
		if r, err := parseMDBModify(cmdline.NewArgs(words), unix.RTM_NEWMDB); err == nil {
			_, _ = r.body(func(string) (uint32, error) { return 1, nil }, func(string, ...any) {})
		}
		if r, err := parseVNIModify(cmdline.NewArgs(words)); err == nil {
			if _, err := r.body(1, func(string) {}); err != nil {
				t.Fatalf("%q: %v", s, err)
			}
		}
	})
}

// FuzzMDBVNIPrinters decodes any message body as an mdb notification and
// as a VNI filter message, in text and JSON, with every option.
func FuzzMDBVNIPrinters(f *testing.F) {
	capture, err := os.ReadFile(filepath.Join("testdata", "monitor.cap"))
	if err != nil {
		f.Fatal(err)
	}
	_ = rtnl.ReadSaved(bytes.NewReader(capture), func(h netlink.Header, body []byte) error {
		if h.Type == unix.RTM_NEWMDB || h.Type == unix.RTM_DELMDB {
			f.Add(append([]byte(nil), body...), uint8(0))
		}
		return nil
	})
	f.Fuzz(func(t *testing.T, body []byte, mode uint8) {
		var out bytes.Buffer
		p := format.New(&out, format.Options{JSON: mode&1 != 0, Oneline: mode&2 != 0})
		name := func(i int32) string { return "x" }
		m := &mdbPrinter{p: p, warn: func(string, ...any) {}, details: mode&4 != 0, stats: mode&8 != 0, name: name}
		for _, typ := range []netlink.HeaderType{unix.RTM_GETMDB, unix.RTM_NEWMDB, unix.RTM_DELMDB} {
			msg := netlink.Message{Header: netlink.Header{Type: typ}, Data: body}
			_ = m.printEntries(msg)
			_ = m.printRouters(msg)
			_ = m.printMonitor(msg, func(string) {})
		}
		v := &vniPrinter{p: p, warn: func(string, ...any) {}, name: name}
		_ = v.print(netlink.Message{Header: netlink.Header{Type: rtmNewTunnel}, Data: body})
		p.Flush()
	})
}

// TestVNIRequestBound checks iproute2's bounds on a long VNI list: 83
// single VNIs fill the 1024 bytes; each further one up to the struct's
// 1048 bytes is an empty entry and one addattr_l line for its start;
// past that, the nest's own line too and nothing is added.
func TestVNIRequestBound(t *testing.T) {
	list := func(n int) string {
		vnis := make([]string, n)
		for i := range vnis {
			vnis[i] = strconv.Itoa(2*i + 1)
		}
		return strings.Join(vnis, ",")
	}
	for _, tc := range []struct {
		n, bodyLen int
		warned     []string
	}{
		{83, 8 + 83*12, nil},
		{84, 8 + 83*12 + 4, []string{"addattr_l ERROR: message exceeded bound of 1024"}},
		{90, 8 + 83*12 + 7*4, slices.Repeat([]string{"addattr_l ERROR: message exceeded bound of 1024"}, 7)},
		{91, 8 + 83*12 + 7*4, append(slices.Repeat([]string{"addattr_l ERROR: message exceeded bound of 1024"}, 7),
			"addattr_l ERROR: message exceeded bound of 1048", "addattr_l ERROR: message exceeded bound of 1024")},
	} {
		r, err := parseVNIModify(cmdline.NewArgs([]string{"dev", "vx0", "vni", list(tc.n)}))
		if err != nil {
			t.Fatal(err)
		}
		var warned []string
		body, err := r.body(5, func(line string) { warned = append(warned, line) })
		if err != nil {
			t.Fatal(err)
		}
		if len(body) != tc.bodyLen || !slices.Equal(warned, tc.warned) {
			t.Errorf("%d VNIs: body %d bytes, warned %q; want %d, %q", tc.n, len(body), warned, tc.bodyLen, tc.warned)
		}
		if tc.n > 83 {
			if got := hex.EncodeToString(body[len(body)-4:]); got != "04000180" {
				t.Errorf("%d VNIs: last entry %s, want an empty nest 04000180", tc.n, got)
			}
		}
	}
}

// TestMonitorHoldsMDB: iproute2's bridge monitor prints mdb (and vlan)
// events without fflush, so with stdout a file or pipe their text stays in
// stdio's buffer until a link, fdb or vni event flushes it, or whole
// buffers fill; a monitor killed before that never writes it. gip holds it
// the same way, and writes it all when it ends normally.
func TestMonitorHoldsMDB(t *testing.T) {
	var mdb, lnk *netlink.Message
	f, err := os.Open(filepath.Join("testdata", "monitor.cap"))
	if err != nil {
		t.Fatal(err)
	}
	_ = rtnl.ReadSaved(f, func(h netlink.Header, body []byte) error {
		m := &netlink.Message{Header: h, Data: append([]byte(nil), body...)}
		switch {
		case h.Type == unix.RTM_NEWMDB && mdb == nil:
			mdb = m
		case h.Type == unix.RTM_NEWLINK && lnk == nil:
			lnk = m
		}
		return nil
	})
	f.Close()
	if mdb == nil || lnk == nil {
		t.Fatal("capture lacks an mdb or a link event")
	}
	var out bytes.Buffer
	env := cli.NewEnv(cli.Options{}, strings.NewReader(""), &out, io.Discard)
	m := newBrMonitor(env, false)
	m.names.Offline()
	m.out.size = 4096 // stdout a pipe, whatever the test's is
	m.accept(mdb.Header, mdb.Data)
	if out.Len() != 0 {
		t.Fatalf("mdb event written at once: %q", out.String())
	}
	held := len(m.out.pending)
	if held == 0 {
		t.Fatal("mdb event printed nothing")
	}
	m.accept(lnk.Header, lnk.Data)
	if out.Len() <= held {
		t.Fatalf("link event did not flush the held mdb text: %q", out.String())
	}
	out.Reset()
	for i := 0; out.Len() == 0; i++ {
		if i > 4096 {
			t.Fatal("held text never written")
		}
		m.accept(mdb.Header, mdb.Data)
	}
	if out.Len()%4096 != 0 {
		t.Errorf("wrote %d bytes, not whole 4096-byte buffers", out.Len())
	}
	m.finish()
	if len(m.out.pending) != 0 || out.Len()%held != 0 {
		t.Errorf("finish left %d bytes held, wrote %d (events of %d)", len(m.out.pending), out.Len(), held)
	}
}
