package addr

import (
	"net/netip"
	"testing"

	"github.com/gipnet/gip/rtnl"
	"golang.org/x/sys/unix"
)

// FuzzEncodeRequest encodes arbitrary Address values: an error or a body
// whose header is the Address's, never a panic.
func FuzzEncodeRequest(f *testing.F) {
	f.Add(3, "10.0.0.1/24", "", "10.0.0.255", "e0:1", uint8(0), uint32(0), uint32(0), uint32(0), false)
	f.Add(1, "2001:db8::1/64", "2001:db8::2", "", "", uint8(253), uint32(0x202), uint32(100), uint32(50), true)
	f.Add(1<<40, "10.0.0.1/8", "", "", "", uint8(0), uint32(0), uint32(0), uint32(0), false)
	f.Add(0, "", "10.0.0.1", "2001:db8::1", "", uint8(0), uint32(unix.IFA_F_MCAUTOJOIN), uint32(0), uint32(1), false)
	f.Fuzz(func(t *testing.T, index int, prefix, peer, brd, label string, scope uint8, flags, valid, pref uint32, del bool) {
		a := Address{Index: index, Label: label, Scope: scope, Flags: flags, ValidLifetime: valid, PreferredLifetime: pref}
		a.Prefix, _ = netip.ParsePrefix(prefix)
		a.Peer, _ = netip.ParseAddr(peer)
		a.Broadcast, _ = netip.ParseAddr(brd)
		msgType := uint16(unix.RTM_NEWADDR)
		if del {
			msgType = unix.RTM_DELADDR
		}
		body, err := EncodeRequest(msgType, a)
		if err != nil {
			return
		}
		hdr, _, err := rtnl.ParseIfAddrmsg(body)
		if err != nil {
			t.Fatalf("%+v: %v", a, err)
		}
		if int(hdr.Index) != index || int(hdr.Family) != a.Family() {
			t.Fatalf("%+v: header %+v", a, hdr)
		}
	})
}
