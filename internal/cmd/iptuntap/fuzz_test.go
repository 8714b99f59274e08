package iptuntap

import (
	"bytes"
	"encoding/binary"
	"os"
	"testing"

	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/rtnl"
	"github.com/gipnet/gip/tuntap"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// linkMsg encodes d as the kernel reports a tun device: ifinfomsg,
// IFLA_IFNAME, and IFLA_LINKINFO with kind "tun" and its IFLA_TUN_* data.
func linkMsg(t testing.TB, d tuntap.Device) []byte {
	b, err := rtnl.Body(rtnl.IfInfomsg{Index: int32(d.Index), Type: unix.ARPHRD_NONE}.Append(nil), func(ae *netlink.AttributeEncoder) error {
		ae.String(unix.IFLA_IFNAME, d.Name)
		ae.Nested(unix.IFLA_LINKINFO, func(nae *netlink.AttributeEncoder) error {
			nae.String(unix.IFLA_INFO_KIND, "tun")
			nae.Nested(unix.IFLA_INFO_DATA, func(dae *netlink.AttributeEncoder) error {
				if d.Owner != -1 {
					dae.Uint32(unix.IFLA_TUN_OWNER, uint32(d.Owner))
				}
				if d.Group != -1 {
					dae.Uint32(unix.IFLA_TUN_GROUP, uint32(d.Group))
				}
				dae.Uint8(unix.IFLA_TUN_TYPE, uint8(d.Flags&(unix.IFF_TUN|unix.IFF_TAP)))
				b := func(v bool) uint8 {
					if v {
						return 1
					}
					return 0
				}
				dae.Uint8(unix.IFLA_TUN_PI, b(d.Flags&unix.IFF_NO_PI == 0))
				dae.Uint8(unix.IFLA_TUN_VNET_HDR, b(d.Flags&unix.IFF_VNET_HDR != 0))
				dae.Uint8(unix.IFLA_TUN_PERSIST, b(d.Flags&unix.IFF_PERSIST != 0))
				dae.Uint8(unix.IFLA_TUN_MULTI_QUEUE, b(d.Flags&unix.IFF_MULTI_QUEUE != 0))
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
	raw, err := os.ReadFile("../../../tuntap/testdata/links.bin")
	if err != nil {
		f.Fatal(err)
	}
	for len(raw) >= 4 {
		n := int(binary.LittleEndian.Uint32(raw))
		f.Add(raw[4 : 4+n])
		raw = raw[4+n:]
	}
	f.Add(linkMsg(f, tuntap.Device{Index: 9, Name: "tun9", Flags: unix.IFF_TAP | unix.IFF_VNET_HDR, Owner: 0, Group: -1}))
	f.Fuzz(func(t *testing.T, body []byte) {
		d, ok := tuntap.DecodeLink(netlink.Message{Header: netlink.Header{Type: unix.RTM_NEWLINK}, Data: body})
		if !ok {
			return
		}
		if d.Name == "" {
			t.Fatalf("a device without a name: %x", body)
		}
		// Only the bits the kernel reports survive the trip.
		const reported = unix.IFF_TUN | unix.IFF_TAP | unix.IFF_NO_PI | unix.IFF_VNET_HDR | unix.IFF_PERSIST | unix.IFF_MULTI_QUEUE
		want := d
		want.Flags &= reported
		if d.Owner < -1 || d.Owner > 0xffffffff || d.Group < -1 || d.Group > 0xffffffff {
			t.Fatalf("owner %d group %d", d.Owner, d.Group)
		}
		got, ok := tuntap.DecodeLink(netlink.Message{Header: netlink.Header{Type: unix.RTM_NEWLINK}, Data: linkMsg(t, want)})
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
