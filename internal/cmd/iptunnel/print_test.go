package iptunnel

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"encoding/hex"
	"os"
	"strings"
	"testing"

	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/link"
	"github.com/gipnet/gip/tunnel"
	"golang.org/x/sys/unix"
)

// printCase is one tunnel of testdata/structs.txt: the family, an id, the
// structure SIOCGETTUNNEL returns and (IPv4) SIOCGETPRL and SIOCGET6RD.
type printCase struct {
	family, id, parm, prl, sixrd string
}

func readStructs(t *testing.T) []printCase {
	b, err := os.ReadFile("testdata/structs.txt")
	if err != nil {
		t.Fatal(err)
	}
	var out []printCase
	for _, l := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		f := strings.Fields(l)
		c := printCase{family: f[0], id: f[1], parm: f[2]}
		if len(f) > 4 {
			c.prl, c.sixrd = f[3], f[4]
		}
		out = append(out, c)
	}
	return out
}

// readPrinted reads testdata/printed.txt: what iproute2 printed for
// each case, keyed by its "=== FAMILY ID WAY [OPTIONS]" heading.
func readPrinted(t *testing.T) map[string]string {
	f, err := os.Open("testdata/printed.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := map[string]string{}
	key := ""
	var text strings.Builder
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		l := sc.Text()
		if strings.HasPrefix(l, "=== ") {
			key = strings.TrimPrefix(l, "=== ")
			text.Reset()
			continue
		}
		if i := strings.Index(l, "<END>"); i >= 0 {
			text.WriteString(l[:i])
			out[key] = text.String()
			continue
		}
		text.WriteString(l + "\n")
	}
	return out
}

func (c printCase) recorder() *recorder {
	r := &recorder{answers: map[uint][]byte{}, errno: unix.EOPNOTSUPP}
	r.get, _ = hex.DecodeString(c.parm)
	if c.prl != "" && c.prl != "-" {
		r.answers[tunnel.SIOCGETPRL], _ = hex.DecodeString(c.prl)
	}
	if c.sixrd != "" && c.sixrd != "-" {
		r.answers[tunnel.SIOCGET6RD], _ = hex.DecodeString(c.sixrd)
	}
	return r
}

// tunnelLink is an RTM_NEWLINK payload for link 5 "tt" of type typ with
// zero counters.
func tunnelLink(typ uint16) []byte {
	b := make([]byte, 16)
	binary.NativeEndian.PutUint16(b[2:], typ)
	binary.NativeEndian.PutUint32(b[4:], 5)
	attr := func(t uint16, data []byte) {
		n := 4 + len(data)
		b = binary.NativeEndian.AppendUint16(b, uint16(n))
		b = binary.NativeEndian.AppendUint16(b, t)
		b = append(b, data...)
		for len(b)%4 != 0 {
			b = append(b, 0)
		}
	}
	attr(unix.IFLA_IFNAME, []byte("tt\x00"))
	attr(unix.IFLA_STATS64, make([]byte, 8*24))
	return b
}

// TestPrintGolden prints each tunnel of testdata/structs.txt as `ip
// tunnel show NAME` does (text even under -json) and as a listing does,
// in every output mode, and compares with what iproute2 6.1 printed for
// the same structures (captured with an LD_PRELOAD shim answering its
// ioctls, the listing over a tun device given the tunnel's link type).
func TestPrintGolden(t *testing.T) {
	want := readPrinted(t)
	n := 0
	for _, c := range readStructs(t) {
		for _, opts := range []string{"", "-o", "-c", "-j", "-j -p", "-s", "-o -s", "-N"} {
			key := c.family + " " + c.id + " direct [" + opts + "]"
			w, ok := want[key]
			if !ok {
				t.Fatalf("no %q in printed.txt", key)
			}
			line := opts + " tunnel show mode gre tt"
			if c.family == "6" {
				if strings.Contains(opts, "-s") {
					continue // a listing: see below
				}
				line = "-6 " + opts + " tunnel show tt"
			}
			got, stderr, err := runLine(line, c.recorder())
			if got != w || err != nil {
				t.Errorf("%s: ip %s\n got %q\nwant %q\n(stderr %q, err %v)", key, line, got, w, stderr, err)
			}
			n++
		}
		for _, opts := range []string{"-j", "-j -p", "-s", "-j -s", "-o", ""} {
			key := c.family + " " + c.id + " list [" + opts + "]"
			var o cli.Options
			for _, w := range strings.Fields(opts) {
				setOption(&o, w)
			}
			var out, errb bytes.Buffer
			env := cli.NewEnv(o, nil, &out, &errb)
			tl := &tool{env: env, do: c.recorder().do, names: testNames(), family: unix.AF_INET}
			typ := uint16(arphrdTunnel)
			var f4 *tunnel.Parm
			var f6 *tunnel.Parm6
			if c.family == "6" {
				tl.family, typ, f6 = unix.AF_INET6, arphrdTunnel6, &tunnel.Parm6{}
			} else {
				p := tunnel.NewParm()
				f4 = &p
			}
			var l link.Link
			if err := link.DecodeInto(&l, tunnelLink(typ)); err != nil {
				t.Fatal(err)
			}
			pr := tl.printer(env.P)
			env.P.Begin()
			if err := tl.listLink(pr, &l, f4, f6); err != nil {
				t.Fatal(err)
			}
			env.P.End()
			env.P.Flush()
			if out.String() != want[key] {
				t.Errorf("%s\n got %q\nwant %q", key, out.String(), want[key])
			}
			n++
		}
	}
	if n < 100 {
		t.Fatalf("only %d outputs compared", n)
	}
}

// TestPrintResolve: under -resolve the remote endpoint is printed by
// name (format_host), the local one never (rt_addr_n2a), as iproute2
// 6.1 printed these structures (127.0.0.1 is localhost in /etc/hosts;
// ::1 has no name there).
func TestPrintResolve(t *testing.T) {
	if name := hostsName("127.0.0.1"); name != "localhost" {
		t.Skip("127.0.0.1 is not localhost in /etc/hosts here")
	}
	tests := []struct{ line, parm, want string }{
		{"-r tunnel show mode gre tt", "74310000000000000000000000000000000000000000000000000000000000004500000000004000002f00007f0000017f000001",
			"t1: gre/ip remote localhost local 127.0.0.1 ttl inherit\n"},
		{"-r -6 tunnel show x6", "78360000000000000000000000000000000000002904400000000000000000000000000000000000000000000000000100000000000000000000000000000001000000000000000000000000",
			"x6: ipv6/ipv6 remote ::1 local ::1 encaplimit 4 hoplimit 64 tclass 0x00 flowlabel 0x00000 (flowinfo 0x00000000)"},
	}
	for _, tt := range tests {
		c := printCase{parm: tt.parm}
		got, stderr, err := runLine(tt.line, c.recorder())
		if got != tt.want || err != nil {
			t.Errorf("ip %s\n got %q\nwant %q\n(stderr %q, err %v)", tt.line, got, tt.want, stderr, err)
		}
	}
}

// hostsName is the first name /etc/hosts gives addr ("" for none).
func hostsName(addr string) string {
	b, err := os.ReadFile("/etc/hosts")
	if err != nil {
		return ""
	}
	for _, l := range strings.Split(string(b), "\n") {
		f := strings.Fields(l)
		if len(f) > 1 && f[0] == addr {
			return f[1]
		}
	}
	return ""
}

// TestListIoctls: the structure a listing passes to SIOCGETTUNNEL for
// each tunnel link, as iproute2 6.1 passed it (captured with the ioctl
// logger over tun devices of tunnel link types): zeros for IPv4; for
// IPv6 the link's index and the protocol of its type, and the filter's
// name.
func TestListIoctls(t *testing.T) {
	tests := []struct {
		family int
		typ    uint16
		index  int32
		want   string
	}{
		{unix.AF_INET, arphrdTunnel, 2, "89f0 tt 00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"},
		{unix.AF_INET6, arphrdTunnel6, 3, "89f0 tt 00000000000000000000000000000000030000002900000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"},
		{unix.AF_INET6, arphrdIP6GRE, 4, "89f0 tt 00000000000000000000000000000000040000002f00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"},
	}
	for _, tt := range tests {
		var out, errb bytes.Buffer
		env := cli.NewEnv(cli.Options{}, nil, &out, &errb)
		r := &recorder{errno: unix.EOPNOTSUPP}
		tl := &tool{env: env, do: r.do, names: testNames(), family: tt.family}
		b := tunnelLink(tt.typ)
		binary.NativeEndian.PutUint32(b[4:], uint32(tt.index))
		var l link.Link
		if err := link.DecodeInto(&l, b); err != nil {
			t.Fatal(err)
		}
		f4, f6 := &tunnel.Parm{}, &tunnel.Parm6{}
		if tt.family == unix.AF_INET {
			f6 = nil
		} else {
			f4 = nil
		}
		if err := tl.listLink(tl.printer(env.P), &l, f4, f6); err != nil {
			t.Fatal(err)
		}
		env.P.Flush()
		if len(r.log) != 1 || r.log[0] != tt.want {
			t.Errorf("type %d: ioctls %q, want %q", tt.typ, r.log, tt.want)
		}
		if want := "get tunnel \"tt\" failed: Operation not supported\n"; errb.String() != want || out.Len() != 0 {
			t.Errorf("type %d: stdout %q, stderr %q", tt.typ, out.String(), errb.String())
		}
	}
}
