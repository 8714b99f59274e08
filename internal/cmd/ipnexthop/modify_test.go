package ipnexthop

import (
	"encoding/hex"
	"errors"
	"strings"
	"testing"

	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/nexthop"
	"golang.org/x/sys/unix"
)

// testLookup knows eth0 as device 3, as in the namespace the requests
// were captured in.
func testLookup(name string) uint32 {
	if name == "eth0" {
		return 3
	}
	return 0
}

// The requests iproute2 6.1 sends for these commands (struct nhmsg and
// attributes, read from strace -e trace=sendmsg -xx).
func TestModifyRequestGolden(t *testing.T) {
	for _, tc := range []struct {
		family int
		words  string
		want   string // hex
	}{
		{0, "id 5 via 172.18.0.1 dev eth0",
			"02000000" + "00000000" + "08000100" + "05000000" + "08000600" + "ac120001" + "08000500" + "03000000"},
		{0, "id 7 group 5/6,3",
			"00000000" + "00000000" + "08000100" + "07000000" + "14000200" + "05000000" + "00000000" + "06000000" + "02000000"},
		{0, "id 11 group 5/6 type resilient buckets 8 idle_timer 120 unbalanced_timer 3",
			"00000000" + "00000000" + "08000100" + "0b000000" + "14000200" + "0500000000000000" + "0600000000000000" +
				"1c000c80" + "06000100" + "08000000" + "08000200" + "e02e0000" + "08000300" + "2c010000" + // NHA_RES_GROUP
				"06000300" + "01000000"}, // NHA_GROUP_TYPE resilient
		{0, "id 9 blackhole protocol static",
			"02000400" + "00000000" + "08000100" + "09000000" + "04000400"},
		{0, "id 13 via 172.18.0.9 fdb",
			"02000000" + "00000000" + "08000100" + "0d000000" + "08000600" + "ac120009" + "04000b00"},
		{0, "id 14 via 172.18.0.1 dev eth0 onlink",
			"02000000" + "04000000" + "08000100" + "0e000000" + "08000600" + "ac120001" + "08000500" + "03000000"},
		{0, "id 8 via inet6 2001:db8::1 dev eth0",
			"0a000000" + "00000000" + "08000100" + "08000000" + "14000600" + "20010db8000000000000000000000001" + "08000500" + "03000000"},
		{0, "id 12 encap mpls 100/200 via 172.18.0.1 dev eth0",
			"02000000" + "00000000" + "08000100" + "0c000000" +
				"10000880" + "0c000100" + "00064000" + "000c8100" + "06000700" + "01000000" + // NHA_ENCAP, NHA_ENCAP_TYPE mpls
				"08000600" + "ac120001" + "08000500" + "03000000"},
		{unix.AF_INET6, "id 15 group 5 type mpath",
			"0a000000" + "00000000" + "08000100" + "0f000000" + "0c000200" + "0500000000000000" + "06000300" + "00000000"},
		{0, "id 5", "00000000" + "00000000" + "08000100" + "05000000"},
		{0, "id 1 group 5 type resilient", // no arguments: no nest
			"00000000" + "00000000" + "08000100" + "01000000" + "0c000200" + "0500000000000000" + "06000300" + "01000000"},
	} {
		got, err := modifyRequest(tc.family, cmdline.NewArgs(strings.Fields(tc.words)), testLookup)
		if err != nil {
			t.Errorf("%s: %v", tc.words, err)
			continue
		}
		if h := hex.EncodeToString(got); h != tc.want {
			t.Errorf("%s:\n got %s\nwant %s", tc.words, h, tc.want)
		}
	}
}

func TestOtherRequestsGolden(t *testing.T) {
	for _, tc := range []struct {
		name string
		got  []byte
		want string
	}{
		{"bucket get id 11 index 3", nexthop.BucketGetRequest(0, 11, 3),
			"00000000" + "00000000" + "08000100" + "0b000000" + "0c000d80" + "06000100" + "03000000"},
		{"-4 get id 7", nexthop.GetRequest(unix.AF_INET, 7), "02000000" + "00000000" + "08000100" + "07000000"},
		{"flush's delete of id 7", nexthop.DeleteRequest(7), "00000000" + "00000000" + "08000100" + "07000000"},
		{"show dev eth0 groups fdb", nexthop.Filter{Dev: 3, Groups: true, FDB: true}.DumpRequest(0, false),
			"00000000" + "00000000" + "08000500" + "03000000" + "04000900" + "04000b00"},
		{"bucket show id 11 nhid 5 master eth0", nexthop.Filter{Master: 3, ID: 11, NHID: 5}.DumpRequest(0, true),
			"00000000" + "00000000" + "08000a00" + "03000000" + "08000100" + "0b000000" + "0c000d80" + "08000300" + "05000000"},
	} {
		if h := hex.EncodeToString(tc.got); h != tc.want {
			t.Errorf("%s:\n got %s\nwant %s", tc.name, h, tc.want)
		}
	}
}

// The errors iproute2 6.1 gives for these words (checked against it).
func TestModifyRequestErrors(t *testing.T) {
	for _, tc := range []struct {
		words string
		code  int
		msg   string
	}{
		{"id", 255, `Command line is not complete. Try option "help"`},
		{"id x", 255, `Error: argument "x" is wrong: invalid id value`},
		{"id 1 blah", 255, `Error: argument "blah" is wrong: `},
		{"id 1 dev nope", 255, "Error: argument \"nope\" is wrong: Device does not exist\n"},
		{"id 1 dev eth0 via 2001:db8::5", 1, `Error: inet address is expected rather than "2001:db8::5".`},
		{"id 1 via 2001:db8::5 via 1.2.3.4", 1, `Error: inet6 address is expected rather than "1.2.3.4".`},
		{"id 1 group 5,0", 255, "Error: argument \"0\" is wrong: \"weight\" is invalid\n"},
		{"id 1 group 5,3,4", 255, "Error: argument \"3,4\" is wrong: \"weight\" is invalid\n"},
		{"id 1 group 5/x", 255, "Error: argument \"5\" is wrong: \"group\" value is invalid\n"},
		{"id 1 group 5/", 255, "Error: argument \"5\" is wrong: \"group\" value is invalid\n"},
		{"id 1 group x,3/5", 255, "Error: argument \"x\" is wrong: \"group\" value is invalid\n"},
		{"id 1 group 5 type foo", 255, "Error: argument \"foo\" is wrong: \"type\" value is invalid\n"},
		{"id 1 group 5 type resilient buckets", 255, `Command line is not complete. Try option "help"`},
		{"id 1 group 5 type resilient buckets 70000", 255, `Error: argument "70000" is wrong: invalid buckets value`},
		{"id 1 group 5 type resilient idle_timer 42949672", 255, `Error: argument "42949672" is wrong: invalid idle timer value`},
		{"id 1 proto foo", 255, "Error: argument \"foo\" is wrong: \"protocol\" value is invalid\n"},
	} {
		_, err := modifyRequest(0, cmdline.NewArgs(strings.Fields(tc.words)), testLookup)
		var ce *cmdline.Error
		if !errors.As(err, &ce) || ce.Code != tc.code || ce.Msg != tc.msg {
			t.Errorf("%s: got %v; want %d %q", tc.words, err, tc.code, tc.msg)
		}
	}
	if _, err := modifyRequest(0, cmdline.NewArgs([]string{"help"}), testLookup); !errors.Is(err, errUsage) {
		t.Errorf("help: got %v, want the usage", err)
	}
}
