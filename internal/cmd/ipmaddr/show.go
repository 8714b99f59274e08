package ipmaddr

import (
	"strconv"

	"github.com/gipnet/gip/format"
	"github.com/gipnet/gip/internal/cnum"
	"github.com/gipnet/gip/maddr"
	"github.com/gipnet/gip/route"
	"golang.org/x/sys/unix"
)

// printList is print_mlist: a heading per link (per address under
// -oneline), then its addresses.
func printList(p *format.Printer, resolve bool, list []maddr.Address) {
	p.Begin()
	cur := 0
	for i := range list {
		e := &list[i]
		if e.Index != cur || p.Oneline() {
			if cur != 0 {
				p.CloseArray(format.JSON, "")
				p.CloseObject()
			}
			p.OpenObject("")
			p.Int(format.Any, "ifindex", "%d:", int64(e.Index))
			p.ColorString(format.Any, format.Ifname, "ifname", "\t%s", e.Name)
			p.NL()
			cur = e.Index
			p.OpenArray(format.JSON, "maddr", "")
		}
		printEntry(p, resolve, e)
	}
	if cur != 0 {
		p.CloseArray(format.JSON, "")
		p.CloseObject()
	}
	p.End()
}

// printEntry is print_maddr.
func printEntry(p *format.Printer, resolve bool, e *maddr.Address) {
	p.Text("\t")
	p.OpenObject("")
	if e.Family == unix.AF_PACKET {
		p.Text("link  ")
		p.ColorString(format.Any, format.MAC, "link", "%s", llAddr(e.Addr))
	} else {
		p.String(format.Any, "family", "%-5s ", cnum.FamilyName(e.Family))
		color := format.Inet
		if e.Family == unix.AF_INET6 {
			color = format.Inet6
		}
		p.ColorString(format.Any, color, "address", "%s", route.HostText(resolve, e.Family, e.Addr))
	}
	if e.Users != 1 {
		p.Uint(format.Any, "users", " users %u", uint64(e.Users))
	}
	if e.Static {
		p.String(format.Any, "features", " %s", "static")
	}
	p.Text("\n")
	p.CloseObject()
}

// llAddr is ll_addr_n2a into iproute2's 64-byte buffer: hex bytes joined
// by colons ("00" for none), cut to 63 characters.
func llAddr(a []byte) string {
	if len(a) == 0 {
		return "00"
	}
	var b []byte
	for i, c := range a {
		if i > 0 {
			b = append(b, ':')
		}
		if c < 0x10 {
			b = append(b, '0')
		}
		b = strconv.AppendUint(b, uint64(c), 16)
	}
	if len(b) > 63 {
		b = b[:63]
	}
	return string(b)
}
