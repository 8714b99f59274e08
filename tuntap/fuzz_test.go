package tuntap

import (
	"bytes"
	"encoding/binary"
	"os"
	"testing"

	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/rtnl"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// linkMsg encodes d as the kernel reports a tun device: ifinfomsg,
// IFLA_IFNAME, and IFLA_LINKINFO with kind "tun" and its IFLA_TUN_* data.
func linkMsg(t testing.TB, d device) []byte {
	b, err := rtnl.Body(rtnl.IfInfomsg{Index: d.index, Type: unix.ARPHRD_NONE}.Append(nil), func(ae *netlink.AttributeEncoder) error {
		ae.String(unix.IFLA_IFNAME, d.name)
		ae.Nested(unix.IFLA_LINKINFO, func(nae *netlink.AttributeEncoder) error {
			nae.String(unix.IFLA_INFO_KIND, "tun")
			nae.Nested(unix.IFLA_INFO_DATA, func(dae *netlink.AttributeEncoder) error {
				if d.owner != -1 {
					dae.Uint32(tunOwner, uint32(d.owner))
				}
				if d.group != -1 {
					dae.Uint32(tunGroup, uint32(d.group))
				}
				dae.Uint8(tunType, uint8(d.flags&(unix.IFF_TUN|unix.IFF_TAP)))
				b := func(v bool) uint8 {
					if v {
						return 1
					}
					return 0
				}
				dae.Uint8(tunPI, b(d.flags&unix.IFF_NO_PI == 0))
				dae.Uint8(tunVnetHdr, b(d.flags&unix.IFF_VNET_HDR != 0))
				dae.Uint8(tunPersist, b(d.flags&unix.IFF_PERSIST != 0))
				dae.Uint8(tunMultiQueue, b(d.flags&unix.IFF_MULTI_QUEUE != 0))
				return nil
			})
			return nil
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// FuzzShowDecode decodes arbitrary link messages as `ip tuntap show` does
// (testdata/links.bin is a captured link dump with a tun and a tap: a
// little-endian length, then the payload). A device it finds encodes back
// to a message that decodes to the same device, and prints in text and
// JSON.
func FuzzShowDecode(f *testing.F) {
	raw, err := os.ReadFile("testdata/links.bin")
	if err != nil {
		f.Fatal(err)
	}
	for len(raw) >= 4 {
		n := int(binary.LittleEndian.Uint32(raw))
		f.Add(raw[4 : 4+n])
		raw = raw[4+n:]
	}
	f.Add(linkMsg(f, device{index: 9, name: "tun9", flags: unix.IFF_TAP | unix.IFF_VNET_HDR, owner: 0, group: -1}))
	f.Fuzz(func(t *testing.T, body []byte) {
		d, ok := parseLink(netlink.Message{Header: netlink.Header{Type: unix.RTM_NEWLINK}, Data: body})
		if !ok {
			return
		}
		if d.name == "" {
			t.Fatalf("a device without a name: %x", body)
		}
		// Only the bits the kernel reports survive the trip.
		const reported = unix.IFF_TUN | unix.IFF_TAP | unix.IFF_NO_PI | unix.IFF_VNET_HDR | unix.IFF_PERSIST | unix.IFF_MULTI_QUEUE
		want := d
		want.flags &= reported
		if d.owner < -1 || d.owner > 0xffffffff || d.group < -1 || d.group > 0xffffffff {
			t.Fatalf("owner %d group %d", d.owner, d.group)
		}
		got, ok := parseLink(netlink.Message{Header: netlink.Header{Type: unix.RTM_NEWLINK}, Data: linkMsg(t, want)})
		if !ok || got != want {
			t.Fatalf("decoded %+v, encoded and decoded again %+v %v", want, got, ok)
		}
		for _, json := range []bool{false, true} {
			var out bytes.Buffer
			env := cli.NewEnv(cli.Options{JSON: json}, nil, &out, &out)
			env.P.Begin()
			printDevice(env, env.P, &d)
			env.P.End()
			env.P.Flush()
		}
	})
}
