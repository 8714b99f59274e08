package bridge

import (
	"bytes"
	"encoding/hex"
	"net"
	"net/netip"
	"testing"

	"golang.org/x/sys/unix"
)

// The golden requests are what iproute2 6.1's bridge sent, captured with
// strace in a scratch namespace where lo is 1, br0 2, v1 3, v0 4 (a port of
// br0) and vx0 5 (a vxlan); the netlink header is left out.

func mustHex(t *testing.T, s string) []byte {
	t.Helper()
	b, err := hex.DecodeString(s)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func mac(s string) net.HardwareAddr {
	m, err := net.ParseMAC(s)
	if err != nil {
		panic(err)
	}
	return m
}

func TestFDBRequestGolden(t *testing.T) {
	for _, tt := range []struct {
		cmd  string
		e    FDBEntry
		want string
	}{
		{"bridge fdb add 02:00:00:00:00:01 dev v0 master static",
			FDBEntry{Index: 4, LLAddr: mac("02:00:00:00:00:01"), State: unix.NUD_NOARP | unix.NUD_REACHABLE, Flags: unix.NTF_MASTER},
			"0700000004000000420004000a0002000200000000010000"},
		{"bridge fdb replace 02:00:00:00:00:02 dev vx0 dst 192.0.2.1 port 4789 vni 100 self",
			FDBEntry{Index: 5, LLAddr: mac("02:00:00:00:00:02"), Flags: unix.NTF_SELF,
				Dst: netip.MustParseAddr("192.0.2.1"), Port: 4789, VNI: new(uint32(100))},
			"0700000005000000c00002000a000200020000000002000008000100c00002010600060012b500000800070064000000"},
		{"bridge fdb append 00:00:00:00:00:00 dev vx0 dst 2001:db8::1 src_vni 5 via v1",
			FDBEntry{Index: 5, LLAddr: mac("00:00:00:00:00:00"), Dst: netip.MustParseAddr("2001:db8::1"),
				SrcVNI: new(uint32(5)), Via: 3},
			"0700000005000000c00002000a00020000000000000000001400010020010db800000000000000000000000108000b00050000000800080003000000"},
		{"bridge fdb del 02:00:00:00:00:01 dev v0 master",
			FDBEntry{Index: 4, LLAddr: mac("02:00:00:00:00:01"), Flags: unix.NTF_MASTER},
			"0700000004000000c00004000a0002000200000000010000"},
		{"bridge fdb add 02:00:00:00:00:03 dev v0 vlan 5 dynamic sticky",
			FDBEntry{Index: 4, LLAddr: mac("02:00:00:00:00:03"), State: unix.NUD_REACHABLE, Flags: NTFSticky, VLAN: new(uint16(5))},
			"0700000004000000020042000a00020002000000000300000600050005000000"},
	} {
		got := FDBRequest(tt.e.withDefaults(), nil)
		if want := mustHex(t, tt.want); !bytes.Equal(got, want) {
			t.Errorf("%s:\n got %x\nwant %x", tt.cmd, got, want)
		}
	}
}

// TestFDBRequestRawDst: the command line's address of another family goes
// out as read, in place of Dst.
func TestFDBRequestRawDst(t *testing.T) {
	e := FDBEntry{Index: 5, LLAddr: mac("02:00:00:00:00:02"), Dst: netip.MustParseAddr("192.0.2.1")}
	got := FDBRequest(e, []byte{})
	want := mustHex(t, "070000000500000000000000"+"0a000200020000000002000004000100")
	if !bytes.Equal(got, want) {
		t.Errorf("got %x\nwant %x", got, want)
	}
}

func TestFDBDumpRequestGolden(t *testing.T) {
	// bridge fdb show br br0 brport v0
	got := FDBDumpRequest(4, 2)
	if want := mustHex(t, "07000000040000000000000008000900"+"02000000"); !bytes.Equal(got, want) {
		t.Errorf("got %x\nwant %x", got, want)
	}
}

func TestPortRequestGolden(t *testing.T) {
	for _, tt := range []struct {
		cmd  string
		s    PortSettings
		want string
	}{
		{"bridge link set dev v0 cost 7 hairpin on learning off state 3 priority 9 isolated on",
			PortSettings{Cost: new(uint32(7)), Hairpin: new(true), Learning: new(false), State: new(PortForwarding),
				Priority: new(uint16(9)), Isolated: new(true)},
			"070000000400000000000000000000003400" + "0c80050004000100000005000800000000000800030007000000060002000900000005000100030000000500210001000000"},
		{"bridge link set dev v0 guard off flood on mcast_router 2 neigh_suppress on backup_port v1 hwmode vepa",
			PortSettings{Guard: new(false), Flood: new(true), MulticastRouter: new(uint8(2)), NeighSuppress: new(true),
				BackupPort: new(uint32(3)), Mode: new(uint16(BridgeModeVEPA)), Flags: BridgeFlagsSelf},
			"07000000040000000000000000000000" + "2c000c800500050000000000050009000100000005001900020000000500200001000000080022000300000014001a0006000000020000000600010001000000"},
		{"bridge link set dev v0",
			PortSettings{}, "07000000040000000000000000000000" + "04000c80"},
	} {
		got := PortRequest(4, tt.s)
		if want := mustHex(t, tt.want); !bytes.Equal(got, want) {
			t.Errorf("%s:\n got %x\nwant %x", tt.cmd, got, want)
		}
	}
}

// TestPortSettingsRoundTrip: what PortRequest sends, DecodePortSettings
// reads back (the kernel reports IFLA_BRPORT_* in the same encoding).
func TestPortSettingsRoundTrip(t *testing.T) {
	s := PortSettings{Guard: new(true), Hairpin: new(false), FastLeave: new(true), RootBlock: new(false),
		Flood: new(true), MulticastFlood: new(false), BroadcastFlood: new(true), MulticastToUnicast: new(false),
		Learning: new(true), LearningSync: new(false), NeighSuppress: new(true), VLANTunnel: new(false),
		Isolated: new(true), Locked: new(false), MulticastRouter: new(uint8(3)), Cost: new(uint32(100)),
		Priority: new(uint16(32)), State: new(PortBlocking), BackupPort: new(uint32(9))}
	req := PortRequest(1, s)
	// ifinfomsg, then IFLA_PROTINFO's header
	got := DecodePortSettings(req[unix.SizeofIfInfomsg+4:])
	if g, w := PortRequest(1, got), req; !bytes.Equal(g, w) {
		t.Errorf("round trip:\n got %x\nwant %x", g, w)
	}
}

func TestDecodeFDB(t *testing.T) {
	msgs := testdataMessages(t, "testdata/fdb.bin")
	e, ok := DecodeFDB(msgs[17])
	if !ok {
		t.Fatal("not decoded")
	}
	if e.Index != 7 || e.LLAddr.String() != "02:00:00:00:00:35" || e.Dst != netip.MustParseAddr("10.0.0.3") ||
		e.Port != 4790 || e.VNI == nil || *e.VNI != 7 || e.State != unix.NUD_NOARP|unix.NUD_PERMANENT || e.Flags != unix.NTF_SELF {
		t.Errorf("decoded %+v", e)
	}
	f := FDBFilter{Index: 7}
	n := 0
	for _, m := range msgs {
		if e, ok := DecodeFDB(m); ok && f.Match(&e) {
			n++
		}
	}
	if n != 2 {
		t.Errorf("filter on index 7 kept %d entries, want 2", n)
	}
	if _, ok := DecodeFDB(msgs[0]); !ok {
		t.Error("a local entry is not decoded")
	}
	// the entry owns its memory
	for i := range msgs[17].Data {
		msgs[17].Data[i] = 0xff
	}
	if e.LLAddr.String() != "02:00:00:00:00:35" {
		t.Errorf("LLAddr aliases the message: %s", e.LLAddr)
	}
}

func TestParsePortState(t *testing.T) {
	for i := PortState(0); i < 5; i++ {
		n, ok := i.Name()
		if !ok {
			t.Fatalf("%d has no name", i)
		}
		if s, ok := ParsePortState(n); !ok || s != i {
			t.Errorf("ParsePortState(%q) = %d %v", n, s, ok)
		}
	}
	if _, ok := PortState(5).Name(); ok {
		t.Error("5 has a name")
	}
	if s := PortState(9).String(); s != "PortState(9)" {
		t.Errorf("String() = %q", s)
	}
	if _, ok := ParsePortState("Forwarding"); ok {
		t.Error("state names match case-sensitively in iproute2")
	}
}

func FuzzDecoders(f *testing.F) {
	for _, m := range testdataMessages(f, "testdata/fdb.bin") {
		f.Add(m.Data)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		m := testMessage(unix.RTM_NEWNEIGH, b)
		if e, ok := DecodeFDB(m); ok {
			FDBFilter{VLAN: 1, Dynamic: true}.Match(&e)
			_ = FDBRequest(e, nil)
		}
		s := DecodePortSettings(b)
		_ = PortRequest(1, s)
		DecodeLink(testMessage(unix.RTM_NEWLINK, b))
	})
}

func TestVLANRequestGolden(t *testing.T) {
	for _, tt := range []struct {
		cmd  string
		v    VLAN
		want string
	}{
		{"bridge vlan add dev v0 vid 10 pvid untagged master",
			VLAN{Index: 4, VID: 10, PVID: true, Untagged: true, Flags: BridgeFlagsMaster},
			"14001a00" + "0600000001000000" + "0800020006000a00"},
		{"bridge vlan add dev v0 vid 10-20 untagged",
			VLAN{Index: 4, VID: 10, End: new(uint16(20)), Untagged: true},
			"14001a00" + "080002000c000a00" + "0800020014001400"},
		{"bridge vlan del dev vx0 vid 10-12 tunnel_info id 100-102",
			VLAN{Index: 5, VID: 10, End: new(uint16(12)), Tunnel: &VLANTunnel{ID: 100, EndID: 102}},
			"3c001a00" + "1c000300" + "0800010064000000" + "060002000a000000" + "0600030008000000" +
				"1c000300" + "0800010066000000" + "060002000c000000" + "0600030010000000"},
		{"bridge vlan add dev vx0 vid 10 tunnel_info id 100",
			VLAN{Index: 5, VID: 10, Tunnel: &VLANTunnel{ID: 100}},
			"20001a00" + "1c000300" + "0800010064000000" + "060002000a000000" + "0600030000000000"},
		{"bridge vlan add dev br0 vid 5 self",
			VLAN{Index: 2, VID: 5, Flags: BridgeFlagsSelf},
			"14001a00" + "0600000002000000" + "0800020000000500"},
	} {
		hdr := "07000000" + hex.EncodeToString([]byte{byte(tt.v.Index), 0, 0, 0}) + "0000000000000000"
		if got, want := VLANRequest(tt.v), mustHex(t, hdr+tt.want); !bytes.Equal(got, want) {
			t.Errorf("%s:\n got %x\nwant %x", tt.cmd, got, want)
		}
	}
}
