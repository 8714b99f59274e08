package bridgecmd

import (
	"encoding/hex"
	"strings"
	"testing"

	"github.com/gipnet/gip/internal/cmdline"
)

// The wanted bodies are iproute2 6.1's requests without the nlmsghdr
// (`strace -e trace=sendmsg -e write=3 bridge fdb …`, br0 ifindex 2, p1 4
// and p2 6).
func TestFDBGetGolden(t *testing.T) {
	for _, tc := range []struct {
		words     string
		index, br int32
		want      string
	}{
		{"02:00:00:00:aa:01 br br0 vlan 5 vni 42 self master", 0, 2,
			"070000000000000000000600" + "0a00020002000000aa010000" + "0600050005000000" + "080007002a000000" + "0800090002000000"},
		{"02:00:00:00:aa:01 dev p1", 4, 0, "070000000400000000000000" + "0a00020002000000aa010000"},
	} {
		r, err := parseFDBGet(cmdline.NewArgs(strings.Fields(tc.words)))
		if err != nil {
			t.Errorf("parseFDBGet(%q) = error %v", tc.words, err)
			continue
		}
		r.index, r.brIndex = tc.index, tc.br
		if got := hex.EncodeToString(r.body()); got != tc.want {
			t.Errorf("parseFDBGet(%q).body() =\n%s, want\n%s", tc.words, got, tc.want)
		}
	}
}

func TestFDBFlushGolden(t *testing.T) {
	for _, tc := range []struct {
		words string
		port  int32
		want  string
	}{
		{"dev br0 nosticky noextern_learn nooffloaded noadded_by_user brport p2", 6,
			"070000000200000000000200" + "0800080006000000" + "0500110071000000"},
		{"dev br0 master static vlan 7", -1, "070000000200000040000400" + "0600050007000000" + "06001000c0000000"},
		{"dev br0 dynamic sticky", -1, "070000000200000000004200" + "0500110040000000" + "06001000c0000000"},
		{"dev br0 permanent nodynamic", -1, "0700000002000000c0000200" + "06001000c0000000"},
	} {
		r, err := parseFDBFlush(cmdline.NewArgs(strings.Fields(tc.words)))
		if err != nil {
			t.Errorf("parseFDBFlush(%q) = error %v", tc.words, err)
			continue
		}
		r.index, r.portIndex = 2, tc.port
		if got := hex.EncodeToString(r.body()); got != tc.want {
			t.Errorf("parseFDBFlush(%q).body() =\n%s, want\n%s", tc.words, got, tc.want)
		}
	}
}

func TestFDBGetFlushErrors(t *testing.T) {
	for _, tc := range []struct {
		get   bool
		words string
		msg   string
	}{
		{true, "02:00:00:00:aa:01", "Device or master and address are required arguments."},
		{true, "zz br br0", "Invalid mac address zz"},
		{true, "1:2:3:4:5:6 br br0 vni 0x1000000", "Error: argument \"0x1000000\" is wrong: invalid VNI\n"},
		{true, "1:2:3:4:5:6 br br0 vlan 1 vlan 2", `Error: either "vlan" is duplicate, or "vlan" is a garbage.`},
		{true, "1:2:3:4:5:6 2:2:3:4:5:6 br br0", `Error: either "to" is duplicate, or "2:2:3:4:5:6" is a garbage.`},
		{false, "vlan 5", "Device is a required argument."},
		{false, "dev br0 help", `Command line is not complete. Try option "help"`},
		{false, "dev br0 brport a brport b", `Error: either "brport" is duplicate, or "brport" is a garbage.`},
	} {
		var err error
		if tc.get {
			_, err = parseFDBGet(cmdline.NewArgs(strings.Fields(tc.words)))
		} else {
			_, err = parseFDBFlush(cmdline.NewArgs(strings.Fields(tc.words)))
		}
		ce, ok := err.(*cmdline.Error)
		if !ok || ce.Code != 255 || ce.Msg != tc.msg {
			t.Errorf("%q: got %v, want %q", tc.words, err, tc.msg)
		}
	}
	r, _ := parseFDBFlush(cmdline.NewArgs(strings.Fields("dev br0 vlan 70000")))
	if err := r.check(); err == nil || err.Error() != `Invalid VLAN ID "4464"` {
		t.Errorf("vlan 70000: got %v", err)
	}
}

func FuzzFDBGetFlush(f *testing.F) {
	f.Add("02:00:00:00:aa:01 br br0 vlan 5 vni 42 self master")
	f.Add("dev br0 nosticky brport p2 vlan 3 static")
	f.Fuzz(func(t *testing.T, line string) {
		if r, err := parseFDBGet(cmdline.NewArgs(strings.Split(line, " "))); err == nil {
			r.body()
		}
		if r, err := parseFDBFlush(cmdline.NewArgs(strings.Split(line, " "))); err == nil {
			r.check()
			r.body()
		}
	})
}
