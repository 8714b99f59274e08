package rtnl

import (
	"bytes"
	"encoding/hex"
	"testing"

	"github.com/mdlayher/netlink"
)

// encodeOps drives an Encoder and a netlink.AttributeEncoder with the same
// calls, read from ops: each call is a kind byte, a type byte and (for
// payloads) a length byte, its bytes taken from ops too.
func encodeOps(ops []byte) (got, want []byte, err error) {
	var e Encoder
	ae := netlink.NewAttributeEncoder()
	for len(ops) >= 2 {
		kind, typ := ops[0]%8, uint16(ops[1])
		ops = ops[2:]
		payload := func() []byte {
			if len(ops) == 0 {
				return nil
			}
			n := min(int(ops[0]), len(ops)-1)
			p := ops[1 : 1+n]
			ops = ops[1+n:]
			return p
		}
		switch kind {
		case 0:
			p := payload()
			e.Bytes(typ, p)
			ae.Bytes(typ, p)
		case 1:
			s := string(payload())
			e.String(typ, s)
			ae.String(typ, s)
		case 2:
			e.Uint8(typ, uint8(typ*7))
			ae.Uint8(typ, uint8(typ*7))
		case 3:
			e.Uint16(typ, typ*257)
			ae.Uint16(typ, typ*257)
		case 4:
			e.Uint32(typ, uint32(typ)*0x01010101)
			ae.Uint32(typ, uint32(typ)*0x01010101)
		case 5:
			e.Uint64(typ, uint64(typ)*0x0101010101010101)
			ae.Uint64(typ, uint64(typ)*0x0101010101010101)
		case 6:
			e.Flag(typ, typ&1 == 0)
			ae.Flag(typ, typ&1 == 0)
		case 7:
			// A nested attribute of one uint32 and one payload.
			p := payload()
			off := e.Nest(typ | NLAFNested)
			e.Uint32(1, uint32(typ))
			e.Bytes(2, p)
			e.End(off)
			ae.Nested(typ, func(nae *netlink.AttributeEncoder) error {
				nae.Uint32(1, uint32(typ))
				nae.Bytes(2, p)
				return nil
			})
		}
	}
	want, err = ae.Encode()
	return e.Data(), want, err
}

func TestEncoderMatchesAttributeEncoder(t *testing.T) {
	for _, ops := range []string{
		"",
		"0001" + "03aabbcc",
		"0102" + "0568656c6c6f" + "0203" + "0304" + "0405" + "0506" + "0608" + "0609",
		"070a" + "02ffee" + "0001" + "00",
	} {
		b, _ := hex.DecodeString(ops)
		got, want, err := encodeOps(b)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("ops %s:\n got %x\nwant %x", ops, got, want)
		}
	}
}

// FuzzEncoder checks that Encoder encodes what netlink.AttributeEncoder
// does for any sequence of calls.
func FuzzEncoder(f *testing.F) {
	f.Add([]byte{0, 1, 3, 0xaa, 0xbb, 0xcc, 1, 2, 2, 'h', 'i', 7, 9, 1, 5})
	f.Fuzz(func(t *testing.T, ops []byte) {
		got, want, err := encodeOps(ops)
		if err != nil {
			return
		}
		if !bytes.Equal(got, want) {
			t.Fatalf("got %x, want %x", got, want)
		}
	})
}

// Reserve and Put fill in a header after the attributes, and Reset keeps
// the buffer: a second request encodes without allocating.
func TestEncoderReuse(t *testing.T) {
	var e Encoder
	build := func() {
		e.Reset()
		off := e.Reserve(4)
		e.Uint32(1, 0x0a000001)
		e.String(3, "eth0")
		var h [4]byte
		h[0] = byte(e.Len())
		e.Put(off, h[:])
	}
	build()
	want := "18000000" + "08000100" + "0100000a" + "09000300" + "6574683000" + "000000"
	if got := hex.EncodeToString(e.Data()); got != want {
		t.Errorf("request = %s, want %s", got, want)
	}
	if n := testing.AllocsPerRun(100, build); n != 0 {
		t.Errorf("a reused Encoder allocated %v times per request", n)
	}
}
