package bridgecmd

import (
	"bytes"
	"encoding/binary"
	"errors"
	"github.com/gipnet/gip/bridge"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/gipnet/gip/format"
	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cmdline"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// The seeds in testdata are dumps captured in a scratch namespace (a bridge
// with STP and multicast stats on, two veth ports, a vxlan with remote fdb
// entries, a tun and a tap): links.bin (RTM_GETLINK), brlinks.bin (the
// AF_BRIDGE link dump) and fdb.bin (the AF_BRIDGE neighbour dump), each
// message as a little-endian 32-bit length and the payload.

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

// offlineEnv is an Env whose connection cannot be made: its namespace fd is
// no fd, so Conn fails in setns before a socket exists. A command under
// fuzzing then runs its pure parse step and sends nothing.
func offlineEnv(o cli.Options) *cli.Env {
	env := cli.NewEnv(o, strings.NewReader(""), io.Discard, io.Discard)
	env.NetNSFD = 1 << 30
	return env
}

func wantCLIError(t *testing.T, what string, err error) {
	t.Helper()
	var ce *cmdline.Error
	if err != nil && !errors.As(err, &ce) {
		t.Fatalf("%s: error %v (%T) is not a *cmdline.Error", what, err, err)
	}
}

// FuzzLinkDecoders runs a link dump through everything that reads one:
// the link decoder and `bridge link`'s printer
// in text, JSON and details, for every link as the filter.
func FuzzLinkDecoders(f *testing.F) {
	addSeed(f, "testdata/links.bin", uint8(0))
	addSeed(f, "testdata/brlinks.bin", uint8(1))
	f.Fuzz(func(t *testing.T, dump []byte, mode uint8) {
		msgs := splitDump(dump)
		var links []*bridge.Link
		tbl := &linkTable{names: map[int32]string{}, flags: map[int32]uint32{}}
		for _, b := range msgs {
			if l, ok := bridge.DecodeLink(netlink.Message{Header: netlink.Header{Type: unix.RTM_NEWLINK}, Data: b}); ok {
				if l.Name == "" {
					t.Fatalf("a link without a name decoded: %x", b)
				}
				links = append(links, l)
				tbl.names[int32(l.Index)] = l.Name
				tbl.flags[int32(l.Index)] = l.Flags
			}
		}
		var out bytes.Buffer
		p := format.New(&out, format.Options{JSON: mode&1 != 0, Pretty: mode&2 != 0})
		p.Begin()
		filters := []int32{0}
		for _, l := range links {
			filters = append(filters, int32(l.Index))
		}
		for _, filter := range filters {
			for _, b := range msgs {
				printBrLink(p, mode&4 != 0, filter, tbl, netlink.Message{Header: netlink.Header{Type: unix.RTM_NEWLINK}, Data: b}, nil)
			}
		}
		p.End()
		p.Flush()
	})
}

// FuzzFDBPrint prints an arbitrary neighbour dump as `bridge fdb show`
// (text, JSON, -s, with and without filters).
func FuzzFDBPrint(f *testing.F) {
	addSeed(f, "testdata/fdb.bin", uint8(0), int32(0))
	f.Fuzz(func(t *testing.T, dump []byte, mode uint8, index int32) {
		var out bytes.Buffer
		p := format.New(&out, format.Options{JSON: mode&1 != 0, Pretty: mode&2 != 0})
		fl := fdbFilter{index: index, dynamic: mode&8 != 0}
		if mode&16 != 0 {
			fl.master, fl.index = index, 0
		}
		name := func(int32) string { return "x" }
		p.Begin()
		for _, b := range splitDump(dump) {
			for _, typ := range []netlink.HeaderType{unix.RTM_NEWNEIGH, unix.RTM_DELNEIGH} {
				m := netlink.Message{Header: netlink.Header{Type: typ}, Data: b}
				printFDB(p, mode&4 != 0, &fl, name, m)
			}
		}
		p.End()
		p.Flush()
	})
}

// FuzzFDBArgs parses arbitrary `bridge fdb add|del|show` words; the
// command then fails offline, before anything is sent.
func FuzzFDBArgs(f *testing.F) {
	for _, s := range []string{
		"add 02:00:00:00:00:33 dev v1 master static",
		"append 00:00:00:00:00:00 dev vx0 dst 10.0.0.2 vni 7 port 4790 via eth0 self",
		"del 02:00:00:00:00:35 dev vx0 vlan 5 src_vni 9 nhid 3 sticky extern_learn",
		"replace 1:2:3:4:5:6 dev v1 local permanent router use dynamic",
		"show br br0 brport v1 vlan 3 state permanent dynamic",
		"show dev", "add", "add 1:2:3:4:5:6", "show state 0x80 vlan 2 vlan 3", "get 1:2:3:4:5:6 br br0",
	} {
		f.Add(s, uint8(0))
	}
	f.Fuzz(func(t *testing.T, s string, mode uint8) {
		env := offlineEnv(cli.Options{JSON: mode&1 != 0, Stats: int(mode >> 1 & 1)})
		wantCLIError(t, s, doFDB(env, cmdline.NewArgs(strings.Split(s, " "))))
	})
}

// FuzzBridgeLinkArgs parses arbitrary `bridge link` words.
func FuzzBridgeLinkArgs(f *testing.F) {
	for _, s := range []string{"show dev v1", "lst", "help", "set dev v1 cost 5", "show dev", "dev v1 dev v2"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		wantCLIError(t, s, doLink(offlineEnv(cli.Options{}), cmdline.NewArgs(strings.Split(s, " "))))
	})
}
