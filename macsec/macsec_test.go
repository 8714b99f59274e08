package macsec

import (
	"encoding/binary"
	"encoding/hex"
	"os"
	"reflect"
	"testing"
)

func ptr[T any](v T) *T { return &v }

func key(s string) []byte {
	b, err := hex.DecodeString(s)
	if err != nil {
		panic(err)
	}
	return b
}

// Request bodies captured from iproute2 6.1's ip macsec (device lo,
// index 1) through internal/cmd/ipmacsec's shim.
func TestRequestBody(t *testing.T) {
	k := key("00112233445566778899aabbccddeeff")
	id1 := [KeyIDLen]byte{1}
	salt := [SaltLen]byte{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}
	for _, tc := range []struct {
		words string
		r     Request
		body  string
	}{
		{"add lo tx sa 0 xpn 1 salt 0102030405060708090a0b0c ssci 1 key 01 " + hex.EncodeToString(k),
			Request{Cmd: CmdAddTXSA, IfIndex: 1, SA: &SA{PN: 1, XPN: true, Salt: &salt, SSCI: ptr[uint32](1), KeyID: id1, Key: k}},
			"0401000008000100010000005800030005000100000000000c0003000100000000000000100009000102030405060708090a0b0c080008000000000114000500010000000000000000000000000000001400040000112233445566778899aabbccddeeff"},
		{"add lo rx port 1 address 02:00:00:00:00:01",
			Request{Cmd: CmdAddRXSC, IfIndex: 1, RXSC: &RXSC{SCI: 0x0200000000010001}},
			"010100000800010001000000100002000c0001000200000000010001"},
		{"add lo rx sci 1 sa 0 pn 1 on key 01 …",
			Request{Cmd: CmdAddRXSA, IfIndex: 1, RXSC: &RXSC{SCI: 1}, SA: &SA{PN: 1, KeyID: id1, Key: k, Active: ptr(true)}},
			"070100000800010001000000100002000c0001000000000000000001440003000500010000000000080003000100000014000500010000000000000000000000000000001400040000112233445566778899aabbccddeeff0500020001000000"},
		{"set lo rx sci 1 on",
			Request{Cmd: CmdUpdRXSC, IfIndex: 1, RXSC: &RXSC{SCI: 1, Active: ptr(true)}},
			"030100000800010001000000180002000c00010000000000000000010500020001000000"},
		{"del lo rx sci 1 sa 1",
			Request{Cmd: CmdDelRXSA, IfIndex: 1, RXSC: &RXSC{SCI: 1}, SA: &SA{AN: 1}},
			"080100000800010001000000100002000c00010000000000000000010c0003000500010001000000"},
		{"offload lo mac",
			Request{Cmd: CmdUpdOffload, IfIndex: 1, Offload: ptr[uint8](OffloadMAC)},
			"0a01000008000100010000000c0009000500010002000000"},
		{"set lo tx sa 0 pn 5 salt … ssci 7 (salt and ssci go only with xpn, as the capture of add … pn 1 salt 0102 ssci 5 shows)",
			Request{Cmd: CmdUpdTXSA, IfIndex: 1, SA: &SA{PN: 5, Salt: &salt, SSCI: ptr[uint32](7)}},
			"0601000008000100010000001400030005000100000000000800030005000000"},
	} {
		if got := hex.EncodeToString(tc.r.Body()); got != tc.body {
			t.Errorf("%s:\n got %s\nwant %s", tc.words, got, tc.body)
		}
	}
}

// messages splits a canned dump file: a native u32 length before each
// genl body.
func messages(t testing.TB, name string) [][]byte {
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	var ms [][]byte
	for len(b) >= 4 {
		n := int(binary.NativeEndian.Uint32(b))
		ms = append(ms, b[4:4+n])
		b = b[4+n:]
	}
	return ms
}

// testdata/dump-basic.bin is internal/cmd/ipmacsec's canned dump, laid out
// as the kernel's dump_secy lays it out (iproute2 printed it as expected).
func TestSecY(t *testing.T) {
	ms := messages(t, "testdata/dump-basic.bin")
	if len(ms) != 2 {
		t.Fatalf("%d messages", len(ms))
	}
	var got []SecY
	for _, b := range ms {
		m, ok := Parse(b)
		if !ok || m.Cmd != CmdGetTXSC || !m.Complete() {
			t.Fatalf("message %x: ok %v cmd %d complete %v", b, ok, m.Cmd, m.Complete())
		}
		got = append(got, m.SecY())
	}
	s := got[0]
	if s.IfIndex != 1 || s.SCI != 0x0200000000010001 || s.CipherSuite != CipherGCMAES128 || s.ICVLen != 16 ||
		s.EncodingSA != 2 || s.Validate != ValidateStrict || s.Window == nil || *s.Window != 32 ||
		s.Offload == nil || *s.Offload != OffloadOff || s.Protect != 1 || s.ES != 0 {
		t.Errorf("first SecY %+v", s)
	}
	if want := map[string]uint64{"OutPktsProtected": 100, "OutPktsEncrypted": 101, "OutOctetsProtected": 102, "OutOctetsEncrypted": 103}; !reflect.DeepEqual(s.TXSCStats, want) {
		t.Errorf("TXSC stats %v", s.TXSCStats)
	}
	if len(s.TXSAs) != 2 || s.TXSAs[1].AN != 2 || s.TXSAs[1].PN != 4000000000 || s.TXSAs[1].Active ||
		!reflect.DeepEqual(s.TXSAs[1].Stats, map[string]uint64{"OutPktsProtected": 20, "OutPktsEncrypted": 21}) {
		t.Errorf("TXSAs %+v", s.TXSAs)
	}
	if len(s.RXSCs) != 2 || s.RXSCs[0].SCI != 0x0200000000020001 || !s.RXSCs[0].Active || len(s.RXSCs[0].SAs) != 1 ||
		s.RXSCs[0].SAs[0].PN != 77 || s.RXSCs[0].SAs[0].Stats["InPktsUnusedSA"] != 404 || s.RXSCs[1].Active {
		t.Errorf("RXSCs %+v", s.RXSCs)
	}
	x := got[1]
	if x.CipherSuite != CipherGCMAESXPN256 || x.Window != nil || *x.Offload != OffloadMAC || len(x.TXSAs) != 1 ||
		x.TXSAs[0].PN != 0x123456789a || x.TXSAs[0].SSCI != 0x01020304 || x.RXSCs[0].SAs[0].SSCI != 0xdeadbeef {
		t.Errorf("XPN SecY %+v", x)
	}
}

func TestParseTableFirstWins(t *testing.T) {
	b := []byte{5, 0, 1, 0, 7, 0, 0, 0, 5, 0, 1, 0, 8, 0, 0, 0, 5, 0, 9, 0, 1, 0, 0, 0, 0xff, 0}
	tb := ParseTable(b, 3)
	if len(tb) != 4 || !reflect.DeepEqual(tb[1], []byte{7}) || tb.Has(9) || tb.Get(9) != nil {
		t.Errorf("table %v", tb)
	}
	n := 0
	Walk(b, func(uint16, []byte) { n++ })
	if n != 3 {
		t.Errorf("walked %d attributes, want 3 (the short tail stops it)", n)
	}
}

// FuzzParse decodes any message body: Parse, Complete and SecY must not
// panic, and a SecY's lists hold no more entries than the body has bytes.
func FuzzParse(f *testing.F) {
	for _, m := range messages(f, "testdata/dump-basic.bin") {
		f.Add(m)
	}
	f.Add([]byte{0, 1, 0, 0})
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, b []byte) {
		m, ok := Parse(b)
		if !ok {
			if len(b) >= 4 {
				t.Fatalf("%x: not parsed", b)
			}
			return
		}
		_ = m.Complete()
		s := m.SecY()
		if len(s.TXSAs)+len(s.RXSCs) > len(b)/4 {
			t.Fatalf("%d SAs and %d SCs from %d bytes", len(s.TXSAs), len(s.RXSCs), len(b))
		}
	})
}
