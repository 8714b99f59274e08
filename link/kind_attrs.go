package link

import (
	"encoding/binary"
	"fmt"
	"strconv"

	"github.com/gipnet/gip/format"
	"github.com/gipnet/gip/internal/cmdline"
	"github.com/mdlayher/netlink"
)

// kindAttrs is the attributes of one IFLA_INFO_DATA by type, the last of a
// type winning, as iproute2's parse_rtattr fills its tb[] array. The kinds'
// printers look attributes up in their own fixed order, not the kernel's.
type kindAttrs map[uint16][]byte

func parseKindAttrs(data []byte) kindAttrs {
	t := kindAttrs{}
	ad, err := netlink.NewAttributeDecoder(data)
	if err != nil {
		return t
	}
	for ad.Next() {
		t[ad.Type()] = ad.Bytes()
	}
	return t
}

func (t kindAttrs) has(typ uint16) bool { _, ok := t[typ]; return ok }

// seenAttrs is the attributes a kind's words have set, for the kinds that
// refuse a word given twice (iproute2's check_duparg).
type seenAttrs map[uint16]bool

// once marks attr set, or fails as duparg2(key, arg) when it already is.
func (s seenAttrs) once(attr uint16, key, arg string) error {
	if s[attr] {
		return cmdline.Duplicate2(key, arg)
	}
	s[attr] = true
	return nil
}

// The getters read a value of the attribute's width, 0 when it is shorter
// (the kernel never sends that; a corrupt message must not crash gip).
func (t kindAttrs) u8(typ uint16) uint8 {
	if b := t[typ]; len(b) >= 1 {
		return b[0]
	}
	return 0
}

func (t kindAttrs) u16(typ uint16) uint16 {
	if b := t[typ]; len(b) >= 2 {
		return binary.NativeEndian.Uint16(b)
	}
	return 0
}

func (t kindAttrs) be16(typ uint16) uint16 {
	if b := t[typ]; len(b) >= 2 {
		return binary.BigEndian.Uint16(b)
	}
	return 0
}

func (t kindAttrs) u32(typ uint16) uint32 {
	if b := t[typ]; len(b) >= 4 {
		return binary.NativeEndian.Uint32(b)
	}
	return 0
}

func (t kindAttrs) be32(typ uint16) uint32 {
	if b := t[typ]; len(b) >= 4 {
		return binary.BigEndian.Uint32(b)
	}
	return 0
}

func (t kindAttrs) u64(typ uint16) uint64 {
	if b := t[typ]; len(b) >= 8 {
		return binary.NativeEndian.Uint64(b)
	}
	return 0
}

// print0xHex is iproute2's print_0xhex: "%#llx" text in both outputs, JSON
// as a string.
func print0xHex(p *format.Printer, key, textFormat string, v uint64) {
	s := "0"
	if v != 0 {
		s = "0x" + strconv.FormatUint(v, 16)
	}
	p.String(format.JSON, key, "", s)
	p.Uint(format.Text, "", textFormat, v)
}

// printTimer prints a bridge timer (clock ticks at USER_HZ 100) as seconds
// with two decimals: "name %4i.%.2i " in text, a bare number in JSON.
func printTimer(p *format.Printer, name string, ticks uint64) {
	usec := ticks * 10000
	sec, frac := int32(usec/1000000), int32(usec%1000000/10000)
	p.Raw(format.JSON, name, "", fmt.Sprintf("%d.%02d", sec, frac))
	p.String(format.Text, "", name+" %s ", fmt.Sprintf("%4d.%02d", sec, frac))
}

// bridgeID formats struct ifla_bridge_id as iproute2's br_dump_bridge_id:
// the priority in hex, then the address as glibc's ether_ntoa_r writes it
// (no zero padding).
func bridgeID(b []byte) string {
	if len(b) < 8 {
		b = append(b[:len(b):len(b)], make([]byte, 8-len(b))...)
	}
	return fmt.Sprintf("%02x%02x.%x:%x:%x:%x:%x:%x", b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7])
}

// macString is ll_addr_n2a for an Ethernet-like address.
func macString(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	s := fmt.Sprintf("%02x", b[0])
	for _, c := range b[1:] {
		s += fmt.Sprintf(":%02x", c)
	}
	return s
}
