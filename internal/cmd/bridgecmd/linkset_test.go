package bridgecmd

import (
	"encoding/hex"
	"strings"
	"testing"

	"github.com/gipnet/gip/internal/cmdline"
)

// TestPortSettingsGolden compares the RTM_SETLINK bodies with iproute2
// 6.1's (captured with `strace -e trace=sendmsg -e write=3 bridge link set
// dev p1 …`, p1 ifindex 4 and p2 ifindex 6, without the nlmsghdr).
func TestPortSettingsGolden(t *testing.T) {
	lookup := func(name string) (uint32, error) {
		if name == "p2" {
			return 6, nil
		}
		return 0, nil
	}
	for _, tc := range []struct{ words, want string }{
		{"cost 7 priority 3 hairpin on guard on state 3 mcast_router 2 learning off",
			"07000000040000000000000000000000" + "3c000c80" + "0500050001000000" + "0500040001000000" +
				"0500190002000000" + "0500080000000000" + "0800030007000000" + "0600020003000000" + "0500010003000000"},
		{"fastleave on root_block on flood off mcast_flood off bcast_flood on mcast_to_unicast on learning_sync off neigh_suppress on vlan_tunnel on isolated on locked on backup_port p2",
			"07000000040000000000000000000000" + "64000c80" + "0500070001000000" + "0500060001000000" +
				"0500090000000000" + "05001b0000000000" + "05001e0001000000" + "05001c0001000000" +
				"05000b0000000000" + "0500200001000000" + "05001d0001000000" + "0500210001000000" +
				"0500270001000000" + "0800220006000000"},
		{"hwmode vepa", "07000000040000000000000000000000" + "04000c80" + "14001a00" + "0600000002000000" + "0600010001000000"},
		{"master self nobackup_port", "07000000040000000000000000000000" + "0c000c80" + "0800220000000000" + "0c001a00" + "0600000003000000"},
		{"cost -1 priority -1 state 255", "07000000040000000000000000000000" + "0c000c80" + "08000300ffffffff"},
	} {
		s, err := parsePortSettings(cmdline.NewArgs(strings.Fields("dev p1 "+tc.words)), lookup)
		if err != nil {
			t.Errorf("parsePortSettings(%q) = error %v", tc.words, err)
			continue
		}
		if got := hex.EncodeToString(s.body(4)); got != tc.want {
			t.Errorf("parsePortSettings(%q).body(4) =\n%s, want\n%s", tc.words, got, tc.want)
		}
	}
}

func TestPortSettingsErrors(t *testing.T) {
	none := func(string) (uint32, error) { return 0, nil }
	for _, tc := range []struct {
		words string
		code  int
		msg   string
	}{
		{"learning maybe", 234, `Error: argument of "learning" must be one of "off", "on", not "maybe"`},
		{"flood", 255, `Command line is not complete. Try option "help"`},
		{"state forw", 255, "Error: invalid STP port state"},
		{"hwmode x", 255, `Mode argument must be "vepa" or "veb".`},
		{"backup_port nope", 255, "Error: device nope does not exist"},
	} {
		_, err := parsePortSettings(cmdline.NewArgs(strings.Fields(tc.words)), none)
		ce, ok := err.(*cmdline.Error)
		if !ok || ce.Code != tc.code || ce.Msg != tc.msg {
			t.Errorf("parsePortSettings(%q) = %v, want exit %d %q", tc.words, err, tc.code, tc.msg)
		}
	}
	if _, err := parsePortSettings(cmdline.NewArgs([]string{"mab", "on"}), none); err != errUsage {
		t.Errorf("parsePortSettings(mab on) = %v, want the usage text", err)
	}
}

func FuzzPortSettings(f *testing.F) {
	f.Add("dev p1 cost 7 state blocking hairpin on backup_port p2 hwmode veb")
	f.Fuzz(func(t *testing.T, line string) {
		s, err := parsePortSettings(cmdline.NewArgs(strings.Split(line, " ")), func(string) (uint32, error) { return 3, nil })
		if err == nil {
			s.body(1)
		}
	})
}
