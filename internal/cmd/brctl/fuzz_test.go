package brctl

import (
	"encoding/binary"
	"os"
	"testing"

	"github.com/gipnet/gip/bridge"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// The seeds in testdata are dumps captured in a scratch namespace (a bridge
// with STP on, two veth ports, a vxlan with remote fdb entries, a tun and a
// tap): links.bin (RTM_GETLINK) and fdb.bin (the AF_BRIDGE neighbour dump),
// each message as a little-endian 32-bit length and the payload.

// splitDump cuts a [len][payload]… stream into payloads; a short tail is
// one more payload, so that any input is a dump.
func splitDump(b []byte) [][]byte {
	var msgs [][]byte
	for len(b) >= 4 {
		n := int(binary.LittleEndian.Uint32(b))
		b = b[4:]
		if n > len(b) {
			n = len(b)
		}
		msgs = append(msgs, b[:n])
		b = b[n:]
	}
	if len(b) > 0 {
		msgs = append(msgs, b)
	}
	return msgs
}

func addSeed(f *testing.F, path string, extra ...any) {
	b, err := os.ReadFile(path)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(append([]any{b}, extra...)...)
	for _, m := range splitDump(b) {
		one := binary.LittleEndian.AppendUint32(nil, uint32(len(m)))
		f.Add(append([]any{append(one, m...)}, extra...)...)
	}
}

// FuzzShowDecoders runs a link dump through brctl show and showstp's
// decoder and formatting.
func FuzzShowDecoders(f *testing.F) {
	addSeed(f, "testdata/links.bin")
	f.Fuzz(func(t *testing.T, dump []byte) {
		var links []*bridge.Link
		for _, b := range splitDump(dump) {
			if l, ok := bridge.DecodeLink(netlink.Message{Header: netlink.Header{Type: unix.RTM_NEWLINK}, Data: b}); ok {
				if l.Name == "" {
					t.Fatalf("a link without a name decoded: %x", b)
				}
				links = append(links, l)
			}
		}
		var shown []showEntry
		for _, l := range links {
			if l.IsBridge() {
				shown = append(shown, showEntry{name: l.Name, link: l, ports: names(bridge.PortsOf(links, l.Index))})
				formatSTP(l.Name, &l.Bridge, bridge.PortsOf(links, l.Index))
			}
		}
		formatShow(shown)
	})
}

// FuzzShowMACs reads an arbitrary neighbour dump as brctl showmacs does.
func FuzzShowMACs(f *testing.F) {
	addSeed(f, "testdata/fdb.bin", int32(0))
	f.Fuzz(func(t *testing.T, dump []byte, index int32) {
		var macs []fdbEntry
		for _, b := range splitDump(dump) {
			for _, typ := range []netlink.HeaderType{unix.RTM_NEWNEIGH, unix.RTM_DELNEIGH} {
				m := netlink.Message{Header: netlink.Header{Type: typ}, Data: b}
				if e, ok := parseFDB(m, index, map[int32]uint16{index: 1, 3: 300}); ok {
					macs = append(macs, e)
				}
			}
		}
		formatMACs(macs)
	})
}
