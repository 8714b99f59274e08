// Package ipaddrlabel is `ip addrlabel`: the IPv6 address labels of RFC 6724
// policy (list, add, delete, flush). Its Printer is the one printer of
// address label messages, shared by the listing and `ip monitor`.
package ipaddrlabel

import (
	"encoding/binary"

	"github.com/gipnet/gip/addrlabel"
	"github.com/gipnet/gip/format"
	"github.com/gipnet/gip/route"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// Printer prints address label messages as iproute2's print_addrlabel.
type Printer struct {
	p       *format.Printer
	name    func(uint32) string // ll_index_to_name
	resolve bool                // -resolve: addresses by name
}

// NewPrinter returns a printer writing to p that names devices with name.
func NewPrinter(p *format.Printer, name func(uint32) string, resolve bool) *Printer {
	return &Printer{p: p, name: name, resolve: resolve}
}

// errShort is a message too short for its header: a listing stops there.
type errShort struct{}

func (errShort) Error() string { return "short address label message" }

// Print prints one RTM_NEWADDRLABEL or RTM_DELADDRLABEL message as a line
// (an object in JSON); other types print nothing.
func (pr *Printer) Print(h netlink.Header, body []byte) error {
	if t := uint16(h.Type); t != addrlabel.RTMNewAddrLabel && t != addrlabel.RTMDelAddrLabel {
		return nil
	}
	v, err := addrlabel.DecodeView(body)
	if err != nil {
		return errShort{}
	}
	family, addr, label := int(v.Header.Family), v.Address, v.Label
	p := pr.p
	p.OpenObject("")
	if uint16(h.Type) == addrlabel.RTMDelAddrLabel {
		p.Bool(format.Any, "deleted", "Deleted ", true)
	}
	if addr != nil {
		p.Text("prefix ")
		p.ColorString(format.Any, familyColor(family), "address", "%s", route.HostText(pr.resolve, family, addr))
		p.Uint(format.Any, "prefixlen", "/%u ", uint64(v.Header.PrefixLen))
	}
	if index := v.Header.Index; index != 0 {
		p.Text("dev ")
		p.ColorString(format.Any, format.Ifname, "ifname", "%s ", pr.name(index))
	}
	if len(label) == 4 {
		p.Uint(format.Any, "label", "label %u ", uint64(binary.NativeEndian.Uint32(label)))
	}
	p.Text("\n")
	p.CloseObject()
	return nil
}

// familyColor is ifa_family_color.
func familyColor(family int) format.Color {
	switch family {
	case unix.AF_INET:
		return format.Inet
	case unix.AF_INET6:
		return format.Inet6
	}
	return format.NoColor
}
