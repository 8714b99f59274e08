package ipnetns

import (
	"bytes"
	"encoding/binary"
	"os"
	"testing"

	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/netns"
	"github.com/gipnet/gip/rtnl"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// nsidMsg is an RTM_NEWNSID body as the kernel sends it: rtgenmsg, then
// NETNSA_NSID and, when asked for, NETNSA_CURRENT_NSID.
func nsidMsg(t testing.TB, id, current int32, hasCurrent bool) []byte {
	b, err := rtnl.Body([]byte{0, 0, 0, 0}, func(ae *netlink.AttributeEncoder) error {
		ae.Int32(unix.NETNSA_NSID, id)
		if hasCurrent {
			ae.Int32(unix.NETNSA_CURRENT_NSID, current)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// FuzzNSID decodes arbitrary RTM_NEWNSID bodies (testdata/nsid.bin holds a
// captured `ip netns list-id` dump: a little-endian length, then the
// payload). What decodes encodes back to a message that decodes the same,
// and prints as list-id prints it, in text and JSON, new and deleted.
func FuzzNSID(f *testing.F) {
	raw, err := os.ReadFile("../../../netns/testdata/nsid.bin")
	if err != nil {
		f.Fatal(err)
	}
	for len(raw) >= 4 {
		n := int(binary.LittleEndian.Uint32(raw))
		f.Add(raw[4 : 4+n])
		raw = raw[4+n:]
	}
	f.Add(nsidMsg(f, 7, -1, true))
	f.Add(nsidMsg(f, -1, 3, true))
	f.Add([]byte{0, 0, 0})
	f.Fuzz(func(t *testing.T, body []byte) {
		v, err := netns.DecodeNSID(body)
		id, current, hasCurrent := v.ID, v.Current, v.HasCurrent
		if !v.HasID && err == nil && id != -1 {
			t.Fatalf("nsid %d decoded from a message without NETNSA_NSID: %x", id, body)
		}
		if err == nil && v.HasID {
			v2, err := netns.DecodeNSID(nsidMsg(t, id, current, hasCurrent))
			if err != nil || v2.ID != id || v2.HasCurrent != hasCurrent || hasCurrent && v2.Current != current {
				t.Fatalf("decoded %+v, encoded and decoded again %+v %v", v, v2, err)
			}
		}
		for _, json := range []bool{false, true} {
			for _, typ := range []netlink.HeaderType{unix.RTM_NEWNSID, unix.RTM_DELNSID} {
				// A name in the cache for the ids keeps printNSID from
				// scanning /run/netns (which asks the kernel, here on no
				// connection). The cache has no entry for an unassigned
				// (negative) id, so a new id whose lookup key is one
				// would be scanned for: that case fails only when
				// /run/netns holds a name, and is left out.
				key := id
				if hasCurrent {
					key = current
				}
				if typ == unix.RTM_NEWNSID && key < 0 && id >= 0 {
					continue
				}
				var out bytes.Buffer
				env := cli.NewEnv(cli.Options{JSON: json}, nil, &out, &out)
				ids := netns.NewIDNames(nil).WithCache(&env.NSIDs)
				ids.Remember(id, "a")
				ids.Remember(current, "b")
				env.P.Begin()
				printNSID(env, nil, netlink.Message{Header: netlink.Header{Type: typ}, Data: body})
				env.P.End()
				env.P.Flush()
			}
		}
	})
}
