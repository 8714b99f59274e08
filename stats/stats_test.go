package stats

import (
	"encoding/hex"
	"reflect"
	"testing"
)

func TestFilterBody(t *testing.T) {
	cases := []struct {
		name  string
		f     func(*Filter)
		index int
		want  string // iproute2 6.1's struct if_stats_msg and filters
	}{
		{"all", func(f *Filter) { *f = All() }, 0, "00000000000000001f000000"},
		{"link of index 3", func(f *Filter) { f.Enable(AttrLink64, 0) }, 3, "000000000300000001000000"},
		{"every offload statistic needs no filter", func(f *Filter) {
			f.Enable(AttrOffload, OffloadCPUHit)
			f.Enable(AttrOffload, OffloadHWSInfo)
			f.Enable(AttrOffload, OffloadL3Stats)
		}, 0, "000000000000000008000000"},
		{"l3 stats", func(f *Filter) {
			f.Enable(AttrOffload, OffloadL3Stats)
			f.Enable(AttrOffload, OffloadHWSInfo)
		}, 4, "0000000004000000080000000c0001800800040006000000"},
	}
	for _, c := range cases {
		var f Filter
		c.f(&f)
		if got := hex.EncodeToString(f.Body(c.index)); got != c.want {
			t.Errorf("%s: body %s, want %s", c.name, got, c.want)
		}
	}
	if got := hex.EncodeToString(SetL3StatsBody(3, true)); got != "000000000300000000000000"+"0500020001000000" {
		t.Errorf("SetL3StatsBody(3, true) = %s", got)
	}
}

func TestDecode(t *testing.T) {
	if _, err := Decode(make([]byte, 11)); err != ErrShort {
		t.Errorf("Decode(11 bytes) error %v, want ErrShort", err)
	}
	// Index 7; a link64 attribute of one field; an offload nest with the
	// L3 state (request on, used off) given twice (the first counts), and
	// an AF_SPEC nest with an MPLS nest lacking its link statistics.
	msg, _ := hex.DecodeString("00000000" + "07000000" + "00000000" +
		"0c000100" + "2a00000000000000" +
		"20000400" + "1c000200" + "0c000300" + "05000100" + "01000000" + "0c000300" + "05000100" + "00000000" +
		"0c000500" + "08001c00" + "04000200")
	s, err := Decode(msg)
	if err != nil {
		t.Fatal(err)
	}
	if s.Index != 7 || len(s.Link64) != link64Fields || s.Link64[0] != 42 || s.Link64[1] != 0 {
		t.Errorf("index %d link64 %v", s.Index, s.Link64)
	}
	want := &HWSInfoOne{HasRequest: true, Request: 1}
	if s.Offload == nil || s.Offload.HWSInfo == nil || !reflect.DeepEqual(s.Offload.HWSInfo.L3, want) {
		t.Errorf("offload %+v, want L3 %+v", s.Offload, want)
	}
	if s.AFSpec == nil || s.AFSpec.MPLS == nil || s.AFSpec.MPLS.Link != nil {
		t.Errorf("afspec %+v", s.AFSpec)
	}
	if s.Xstats != nil || s.XstatsSlave != nil {
		t.Errorf("xstats %+v %+v, want none", s.Xstats, s.XstatsSlave)
	}
	// The value owns its memory.
	for i := range msg {
		msg[i] = 0xff
	}
	if s.Link64[0] != 42 {
		t.Error("Link64 changed with the message buffer")
	}
}

// FuzzDecode checks that any message decodes without panicking and that
// what it decodes does not alias the input.
func FuzzDecode(f *testing.F) {
	f.Add([]byte("\x00\x00\x00\x00\x03\x00\x00\x00\x1f\x00\x00\x00\x0c\x00\x02\x00\x08\x00\x01\x00\x04\x00\x04\x00"))
	f.Add(make([]byte, 12))
	f.Fuzz(func(t *testing.T, b []byte) {
		s, err := Decode(b)
		if err != nil {
			return
		}
		for _, x := range []*Xstats{s.Xstats, s.XstatsSlave} {
			if x == nil {
				continue
			}
			_ = DecodeBridgeSTP(x.BridgeSTP)
			_ = DecodeBridgeMcast(x.BridgeMcast)
			_ = Bond3ADTable(x.Bond3AD)
			for i := range b {
				b[i] = ^b[i]
			}
			if x.BridgeSTP != nil && len(x.BridgeSTP) > 0 && &x.BridgeSTP[0] == &b[0] {
				t.Fatal("aliases the input")
			}
		}
	})
}
