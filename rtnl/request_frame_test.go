package rtnl

import (
	"encoding/hex"
	"testing"

	"github.com/mdlayher/netlink"
)

// TestAppendRequest: a body of odd length is padded and counted with its
// padding, or, exact, sent as it is (libnetlink's NLMSG_LENGTH of a bare
// struct); an aligned body is the same either way.
func TestAppendRequest(t *testing.T) {
	for _, tc := range []struct {
		body  string
		exact bool
		want  string
	}{
		{"33", false, "14000000" + "1c00" + "0500" + "07000000" + "00000000" + "33000000"},
		{"33", true, "11000000" + "1c00" + "0500" + "07000000" + "00000000" + "33"},
		{"010002", true, "13000000" + "1c00" + "0500" + "07000000" + "00000000" + "010002"},
		{"ffffffff", true, "14000000" + "1c00" + "0500" + "07000000" + "00000000" + "ffffffff"},
		{"ffffffff", false, "14000000" + "1c00" + "0500" + "07000000" + "00000000" + "ffffffff"},
		{"", false, "10000000" + "1c00" + "0500" + "07000000" + "00000000"},
	} {
		body, _ := hex.DecodeString(tc.body)
		// A prefix of odd length: the padding counts from the request.
		got := AppendRequest([]byte{0xaa}, 0x1c, netlink.Request|netlink.Acknowledge, 7, body, tc.exact)
		if h := hex.EncodeToString(got); h != "aa"+tc.want {
			t.Errorf("AppendRequest(%s, exact %v) = %s, want aa%s", tc.body, tc.exact, h, tc.want)
		}
	}
}
