package stats_test

import (
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"

	"github.com/gipnet/gip/stats"
)

// The request `ip stats show dev br0 group offload subgroup l3_stats`
// sends: the offload group, and inside it the L3 statistics and their
// state.
func ExampleFilter_Body() {
	var f stats.Filter
	f.Enable(stats.AttrOffload, stats.OffloadL3Stats)
	f.Enable(stats.AttrOffload, stats.OffloadHWSInfo)
	fmt.Println(hex.EncodeToString(f.Body(4)))
	// Output: 0000000004000000080000000c0001800800040006000000
}

// Decoding the STP statistics of a bridge port from an RTM_NEWSTATS body.
func ExampleDecode() {
	body, _ := hex.DecodeString("00000000" + "03000000" + "04000000" + // if_stats_msg
		"38000300" + "34000100" + "30000400" + // xstats_slave, bridge, STP
		"0000000000000000" + "0100000000000000" + "0500000000000000" +
		"0200000000000000" + "0000000000000000" + "0000000000000000")
	s, err := stats.Decode(body)
	if err != nil {
		panic(err)
	}
	stp := stats.DecodeBridgeSTP(s.XstatsSlave.BridgeSTP)
	fmt.Printf("link %d: %d BPDUs in, %d out, %d to forwarding\n", s.Index, stp.RxBPDU, stp.TxBPDU, stp.TransitionFwd)
	// Output: link 3: 5 BPDUs in, 2 out, 1 to forwarding
}

// Decoding a message the kernel sent for a bridge port (testdata holds
// the answer to `ip stats show dev v0`, v0 being a port of br0).
func ExampleDecode_captured() {
	body, err := os.ReadFile(filepath.Join("testdata", "bridge-port.bin"))
	if err != nil {
		panic(err)
	}
	s, err := stats.Decode(body)
	if err != nil {
		panic(err)
	}
	l3 := s.Offload.HWSInfo.L3
	fmt.Printf("link %d: %d bytes in, %d out; bridge port: %v; L3 statistics requested: %d\n",
		s.Index, s.Link64[2], s.Link64[3], s.XstatsSlave.Bridge, l3.Request)
	// Output: link 3: 176 bytes in, 396 out; bridge port: true; L3 statistics requested: 0
}
