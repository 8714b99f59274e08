package iplink

import (
	"bytes"
	"encoding/binary"
	"errors"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/link"
	"golang.org/x/sys/unix"
)

// FuzzStatsDecode decodes arbitrary RTM_NEWSTATS bodies and prints them as
// `ip link xstats type bridge[_slave] [igmp|stp]` and `ip link afstats`
// do, in text and JSON. testdata/stats.bin is a captured dump (a bridge
// with STP and multicast stats, its ports, a vxlan, tun, tap; each message
// a little-endian length and the payload).
func FuzzStatsDecode(f *testing.F) {
	raw, err := os.ReadFile("testdata/stats.bin")
	if err != nil {
		f.Fatal(err)
	}
	for len(raw) >= 4 {
		n := int(binary.LittleEndian.Uint32(raw))
		f.Add(raw[4:4+n], uint8(0))
		f.Add(raw[4:4+n], uint8(3))
		raw = raw[4+n:]
	}
	f.Fuzz(func(t *testing.T, body []byte, mode uint8) {
		idx, tb, ok := parseStatsMsg(body)
		if !ok {
			return
		}
		var out bytes.Buffer
		opts := cli.Options{JSON: mode&1 != 0}
		if mode&2 != 0 {
			opts.Family = unix.AF_INET6
		}
		env := cli.NewEnv(opts, nil, &out, io.Discard)
		names := link.NewNames(1 << 30) // no namespace: lookups fail, nothing is asked
		names.Set(uint32(idx), "br0", 0)
		env.P.Begin()
		for _, only := range []uint16{0, bridgeXstatsMcast, bridgeXstatsSTP} {
			for _, typ := range []uint16{statsLinkXstats, statsLinkXstatsSlave} {
				if b, ok := tb[typ]; ok {
					printBridgeXstats(env.P, "br0", b, only)
				}
			}
		}
		if b, ok := tb[statsAFSpec]; ok {
			printAFStats(env, names, idx, b)
		}
		env.P.End()
		env.P.Flush()
	})
}

// FuzzXstatsArgs parses arbitrary `ip link xstats` words.
func FuzzXstatsArgs(f *testing.F) {
	for _, s := range []string{
		"type bridge", "type bridge_slave stp dev br0", "type bridge mcast", "ty bond 802.3ad", "help",
		"type bridge help", "type", "type bridge dev", "type bridge igmp x", "type veth",
	} {
		f.Add(s)
	}
	index := func(name string) int32 { return map[string]int32{"br0": 4}[name] }
	f.Fuzz(func(t *testing.T, s string) {
		var out bytes.Buffer
		fl, err := parseXstats(cmdline.NewArgs(strings.Split(s, " ")), index, &out)
		var ce *cmdline.Error
		if err != nil && !errors.As(err, &ce) {
			t.Fatalf("%q: error %v is not a *cmdline.Error", s, err)
		}
		if err == nil && fl != nil && fl.index != 0 && fl.index != 4 {
			t.Fatalf("%q: index %d", s, fl.index)
		}
	})
}
