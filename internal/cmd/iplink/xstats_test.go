package iplink

import (
	"bytes"
	"encoding/binary"
	"errors"
	"strings"
	"testing"

	"github.com/gipnet/gip/format"
	"github.com/gipnet/gip/internal/cmdline"
)

func TestParseXstats(t *testing.T) {
	index := func(name string) int32 { return map[string]int32{"br0": 4}[name] }
	tests := []struct {
		cmd   string
		code  int
		msg   string
		out   string
		stats uint32
		attr  uint16
		idx   int32
	}{
		{cmd: "type bridge", stats: 1 << 1},
		{cmd: "type bridge_slave stp dev br0", stats: 1 << 2, attr: bridgeXstatsSTP, idx: 4},
		{cmd: "type bridge mcast", stats: 1 << 1, attr: bridgeXstatsMcast},
		{cmd: "ty bond 802.3ad", stats: 1 << 1},
		{cmd: "help", out: "Usage: ... xstats type TYPE [ ARGS ]\n"},
		{cmd: "type bridge help", out: "Usage: ... bridge [ igmp ] [ dev DEVICE ]\n"},
		{cmd: "type bond_slave help", out: "Usage: ... bond_slave [ 802.3ad ] [ dev DEVICE ]\n"},
		{cmd: "foo", code: 255, msg: "Error: argument \"foo\" is wrong: unknown argument"},
		{cmd: "type nosuch", code: 255, msg: "Error: argument \"nosuch\" is wrong: invalid type"},
		{cmd: "type veth", code: 1, msg: "xstats: link type veth doesn't support xstats"},
		{cmd: "type gre", code: 1, msg: "xstats: link type gre doesn't support xstats"},
		{cmd: "type bridge dev nosuch", code: 1, msg: "Cannot find device \"nosuch\""},
		{cmd: "type bridge igmp x", code: 255, msg: "Error: argument \"x\" is wrong: unknown attribute"},
		{cmd: "type", code: 255, msg: "Command line is not complete. Try option \"help\""},
	}
	for _, tt := range tests {
		var out bytes.Buffer
		f, err := parseXstats(cmdline.NewArgs(strings.Fields(tt.cmd)), index, &out)
		if out.String() != tt.out {
			t.Errorf("parseXstats(%q) printed %q, want %q", tt.cmd, out.String(), tt.out)
		}
		var ce *cmdline.Error
		switch {
		case tt.msg != "":
			if !errors.As(err, &ce) || ce.Code != tt.code || ce.Msg != tt.msg {
				t.Errorf("parseXstats(%q) = %v, want exit %d %q", tt.cmd, err, tt.code, tt.msg)
			}
		case tt.out != "":
			if f != nil || (err != nil && (!errors.As(err, &ce) || ce.Code != 0)) {
				t.Errorf("parseXstats(%q) = %v, %v, want help and exit 0", tt.cmd, f, err)
			}
		default:
			if err != nil || f == nil || f.stats != tt.stats || f.attr != tt.attr || f.index != tt.idx {
				t.Errorf("parseXstats(%q) = %+v, %v, want stats %#x attr %d index %d", tt.cmd, f, err, tt.stats, tt.attr, tt.idx)
			}
		}
	}
}

// TestPrintBridgeXstats prints a bridge port's STP counters as iproute2
// 6.1 does (text captured from `ip link xstats type bridge_slave stp`).
func TestPrintBridgeXstats(t *testing.T) {
	stp := make([]byte, 0, 48)
	for _, v := range []uint64{1, 2, 3, 4, 5, 6} {
		stp = binary.NativeEndian.AppendUint64(stp, v)
	}
	inner := attr(bridgeXstatsSTP, stp)
	xs := attr(xstatsTypeBridge, inner)
	var text, js bytes.Buffer
	for _, c := range []struct {
		buf  *bytes.Buffer
		json bool
	}{{&text, false}, {&js, true}} {
		p := format.New(c.buf, format.Options{JSON: c.json})
		p.Begin()
		printBridgeXstats(p, "v1", xs, 0)
		p.End()
		p.Flush()
	}
	wantText := "v1              \n" +
		"                    STP BPDU:  RX: 3 TX: 4\n" +
		"                    STP TCN:   RX: 5 TX: 6\n" +
		"                    STP Transitions: Blocked: 1 Forwarding: 2\n"
	if text.String() != wantText {
		t.Errorf("text =\n%q\nwant\n%q", text.String(), wantText)
	}
	wantJSON := `[{"ifname":"v1","stp":{"rx_bpdu":3,"tx_bpdu":4,"rx_tcn":5,"tx_tcn":6,"transition_blk":1,"transition_fwd":2}}]` + "\n"
	if js.String() != wantJSON {
		t.Errorf("json =\n%s\nwant\n%s", js.String(), wantJSON)
	}
}

// attr encodes one netlink attribute (padded).
func attr(typ uint16, data []byte) []byte {
	b := binary.NativeEndian.AppendUint16(nil, uint16(4+len(data)))
	b = binary.NativeEndian.AppendUint16(b, typ)
	b = append(b, data...)
	for len(b)%4 != 0 {
		b = append(b, 0)
	}
	return b
}
