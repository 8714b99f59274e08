package ipaddr

import (
	"fmt"
	"net/netip"
	"unsafe"

	"github.com/gipnet/gip/addr"
	"github.com/gipnet/gip/format"
	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cnum"
	"github.com/gipnet/gip/internal/rtnames"
	"golang.org/x/sys/unix"
)

// infinityLife is INFINITY_LIFE_TIME, printed as "forever".
const infinityLife = 0xffffffff

// Printer is the one printer of address messages: it prints an address as
// iproute2's print_addrinfo does, in the output mode of the command line
// (-j, -p, -o, -br, -n, -r). ip address show, flush and showdump, -echo and
// ip monitor all print through it.
type Printer struct {
	p       *format.Printer
	brief   bool
	numeric bool
	resolve bool // -resolve: addresses by host name
	// withDev prefixes each address with "INDEX: DEV" (-oneline, flush
	// with -s -s, echo and ip monitor).
	withDev bool
	devName func(idx uint32) string
	scratch []byte
	// Index, when set, makes Print skip the addresses of other links
	// (ip monitor dev DEV).
	Index uint32
}

// NewPrinter returns a Printer over env's output in env's output mode.
// devName names links for the "INDEX: DEV" prefix that withDev asks for
// (nil when withDev is false).
func NewPrinter(env *cli.Env, devName func(idx uint32) string, withDev bool) *Printer {
	o := &env.Opts
	return &Printer{p: env.P, brief: o.Brief, numeric: o.Numeric, resolve: o.Resolve, withDev: withDev, devName: devName}
}

// NewMessagePrinter returns the Printer of -echo and ip monitor, which
// print each address after "INDEX: DEV" as iproute2 does outside a listing.
func NewMessagePrinter(env *cli.Env, devName func(idx uint32) string) *Printer {
	return NewPrinter(env, devName, true)
}

// Print prints one RTM_NEWADDR or RTM_DELADDR message; other types and
// messages that do not decode print nothing.
func (ap *Printer) Print(typ uint16, body []byte) {
	if typ != unix.RTM_NEWADDR && typ != unix.RTM_DELADDR {
		return
	}
	a, err := addr.Decode(body)
	if err != nil {
		return
	}
	if ap.Index != 0 && a.Index != ap.Index {
		return
	}
	ap.PrintAddr(a, typ == unix.RTM_DELADDR)
}

// inet formats an address attribute of the message's family ("???" when
// it is not one) into a scratch buffer, for the one printer call that
// writes it out (the printer keeps no argument).
func (ap *Printer) inet(family uint8, b []byte) string {
	if ap.resolve {
		if name := rtnames.HostName(int(family), b); name != "" {
			return name
		}
	}
	switch {
	case family == unix.AF_INET && len(b) >= 4:
		ap.scratch = netip.AddrFrom4([4]byte(b[:4])).AppendTo(ap.scratch[:0])
	case family == unix.AF_INET6 && len(b) >= 16:
		ap.scratch = netip.AddrFrom16([16]byte(b[:16])).AppendTo(ap.scratch[:0])
	default:
		return "???"
	}
	return unsafe.String(&ap.scratch[0], len(ap.scratch))
}

// PrintAddr prints one decoded address (deleted: from an RTM_DELADDR).
func (ap *Printer) PrintAddr(a *addr.Addr, deleted bool) {
	p := ap.p
	if deleted {
		p.Bool(format.Any, "deleted", "Deleted ", true)
	}
	if !ap.brief {
		if ap.withDev {
			dev := ap.devName(a.Index)
			if p.IsJSON() {
				p.Int(format.JSON, "index", "", int64(a.Index))
				p.String(format.JSON, "dev", "", dev)
			} else {
				p.Uint(format.Text, "", "%u: ", uint64(a.Index))
				p.String(format.Text, "", "%s", dev)
			}
		}
		if name := cnum.FamilyName(int(a.Family)); name != "???" {
			p.String(format.Any, "family", "    %s ", name)
		} else {
			p.Int(format.Any, "family_index", "    family %d ", int64(a.Family))
		}
	}
	color := familyColor(a.Family)
	if a.Local != nil {
		p.ColorString(format.Any, color, "local", "%s", ap.inet(a.Family, a.Local))
		if a.Address != nil && !sameAddr(a.Family, a.Address, a.Local) {
			p.String(format.Text, "", " %s ", "peer")
			p.ColorString(format.Any, color, "address", "%s", ap.inet(a.Family, a.Address))
		}
		p.Int(format.Any, "prefixlen", "/%d ", int64(a.Prefixlen))
		if a.HasMetric {
			p.Uint(format.Any, "metric", "metric %u ", uint64(a.Metric))
		}
	}
	if ap.brief {
		return
	}
	if a.Broadcast != nil {
		p.String(format.Text, "", "%s ", "brd")
		p.ColorString(format.Any, color, "broadcast", "%s ", ap.inet(a.Family, a.Broadcast))
	}
	if a.Anycast != nil {
		p.String(format.Text, "", "%s ", "any")
		p.ColorString(format.Any, color, "anycast", "%s ", ap.inet(a.Family, a.Anycast))
	}
	p.String(format.Any, "scope", "scope %s ", addr.ScopeName(a.Scope, ap.numeric))
	printIfaFlags(p, a.Family, a.Flags)
	if a.HasLabel {
		p.String(format.Any, "label", "%s", a.Label)
	}
	if a.HasCacheInfo {
		p.NL()
		p.Text("       valid_lft ")
		if a.Valid == infinityLife {
			p.Uint(format.JSON, "valid_life_time", "", infinityLife)
			p.Text("forever")
		} else {
			p.Uint(format.Any, "valid_life_time", "%usec", uint64(a.Valid))
		}
		p.Text(" preferred_lft ")
		switch {
		case a.Preferred == infinityLife:
			p.Uint(format.JSON, "preferred_life_time", "", infinityLife)
			p.Text("forever")
		case a.Flags&unix.IFA_F_DEPRECATED != 0:
			p.Int(format.Any, "preferred_life_time", "%dsec", int64(int32(a.Preferred)))
		default:
			p.Uint(format.Any, "preferred_life_time", "%usec", uint64(a.Preferred))
		}
	}
	p.Text("\n")
}

// sameAddr compares the family's address length of two addresses, as
// iproute2 does (memcmp of 4 or 16 bytes).
func sameAddr(family uint8, a, b []byte) bool {
	n := 16
	if family == unix.AF_INET {
		n = 4
	}
	if len(a) < n || len(b) < n {
		return string(a) == string(b)
	}
	return string(a[:n]) == string(b[:n])
}

func familyColor(f uint8) format.Color {
	switch f {
	case unix.AF_INET:
		return format.Inet
	case unix.AF_INET6:
		return format.Inet6
	}
	return format.NoColor
}

// printIfaFlags prints the flag words: "dynamic" for an address without
// IFA_F_PERMANENT, "temporary" for an IPv6 secondary, and leftover bits as
// "flags %02x".
func printIfaFlags(p *format.Printer, family uint8, flags uint32) {
	for f := range addr.IfaFlags() {
		switch {
		case f.Mask == unix.IFA_F_PERMANENT:
			if flags&f.Mask == 0 {
				p.Bool(format.Any, "dynamic", "dynamic ", true)
			}
		case flags&f.Mask != 0:
			if f.Mask == unix.IFA_F_SECONDARY && family == unix.AF_INET6 {
				p.Bool(format.Any, "temporary", "temporary ", true)
			} else {
				p.String(format.Text, "", "%s ", f.Name)
				p.Bool(format.JSON, f.Name, "", true)
			}
		}
		flags &^= f.Mask
	}
	if flags != 0 {
		if p.IsJSON() {
			p.String(format.JSON, "ifa_flags", "", fmt.Sprintf("%02x", flags))
		} else {
			p.Uint(format.Text, "", "flags %02x ", uint64(flags))
		}
	}
}
