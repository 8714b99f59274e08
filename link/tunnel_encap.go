package link

import (
	"encoding/binary"
	"fmt"

	"github.com/gipnet/gip/format"
	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/internal/cnum"
	"github.com/mdlayher/netlink"
)

// tunnelEncap holds the FOU/GUE encapsulation words that GRE and IP
// tunnels (ipip, sit) share, and the four attributes they become.
type tunnelEncap struct {
	typ, flags   uint16
	sport, dport uint16
}

// parse takes w if it is an encapsulation word, reading its value from a;
// it reports whether it took it.
func (e *tunnelEncap) parse(w string, a *cmdline.Args) (bool, error) {
	switch w {
	case "noencap":
		e.typ = tunnelEncapNone
	case "encap":
		v, err := a.Value()
		if err != nil {
			return true, err
		}
		t, ok := map[string]uint16{"fou": tunnelEncapFOU, "gue": tunnelEncapGUE, "none": tunnelEncapNone}[v]
		if !ok {
			return true, cmdline.InvalidArg("Invalid encap type.", v)
		}
		e.typ = t
	case "encap-sport":
		v, err := a.Value()
		if err != nil {
			return true, err
		}
		e.sport = 0
		if v != "auto" {
			n, ok := cnum.Uint(v, 0, 1<<16-1)
			if !ok {
				return true, cmdline.InvalidArg("Invalid source port.", v)
			}
			e.sport = uint16(n)
		}
	case "encap-dport":
		v, err := a.Value()
		if err != nil {
			return true, err
		}
		n, ok := cnum.Uint(v, 0, 1<<16-1)
		if !ok {
			return true, cmdline.InvalidArg("Invalid destination port.", v)
		}
		e.dport = uint16(n)
	case "encap-csum":
		e.flags |= tunnelEncapCsum
	case "noencap-csum":
		e.flags &^= tunnelEncapCsum
	case "encap-udp6-csum":
		e.flags |= tunnelEncapCsum6
	case "noencap-udp6-csum":
		e.flags &^= tunnelEncapCsum6
	case "encap-remcsum":
		e.flags |= tunnelEncapRemcsum
	case "noencap-remcsum":
		e.flags &^= tunnelEncapRemcsum
	default:
		return false, nil
	}
	return true, nil
}

// encode writes the encapsulation attributes. The kernel numbers them
// consecutively from typeAttr (IFLA_GRE_ENCAP_TYPE or
// IFLA_IPTUN_ENCAP_TYPE): type, flags, then the ports in network order.
func (e *tunnelEncap) encode(ae *netlink.AttributeEncoder, typeAttr uint16) {
	ae.Uint16(typeAttr, e.typ)
	ae.Uint16(typeAttr+1, e.flags)
	ae.Bytes(typeAttr+2, binary.BigEndian.AppendUint16(nil, e.sport))
	ae.Bytes(typeAttr+3, binary.BigEndian.AppendUint16(nil, e.dport))
}

// wordParser is the parser of a group of words that several tunnel kinds
// share: it takes w (reading any value from a) or reports that w is not
// one of its words.
type wordParser func(w string, a *cmdline.Args) (took bool, err error)

// takeWord offers w to each parser in turn; it reports whether one took it.
func takeWord(w string, a *cmdline.Args, parsers ...wordParser) (bool, error) {
	for _, parse := range parsers {
		if took, err := parse(w, a); took {
			return true, err
		}
	}
	return false, nil
}

// printTunnelEncap is tnl_print_encap: the FOU/GUE encapsulation whose
// attributes the kernel numbers from typeAttr, when there is one.
func printTunnelEncap(p *format.Printer, t kindAttrs, typeAttr uint16) {
	if !t.has(typeAttr) || t.u16(typeAttr) == tunnelEncapNone {
		return
	}
	flags, sport, dport := t.u16(typeAttr+1), t.be16(typeAttr+2), t.be16(typeAttr+3)
	p.OpenObject("encap")
	p.Text("encap ")
	switch t.u16(typeAttr) {
	case tunnelEncapFOU:
		p.String(format.Any, "type", "%s ", "fou")
	case tunnelEncapGUE:
		p.String(format.Any, "type", "%s ", "gue")
	default:
		p.Null(format.Any, "type", "%s ", "unknown")
	}
	if p.IsJSON() {
		p.Uint(format.JSON, "sport", "", uint64(sport))
		p.Uint(format.JSON, "dport", "", uint64(dport))
		p.Bool(format.JSON, "csum", "", flags&tunnelEncapCsum != 0)
		p.Bool(format.JSON, "csum6", "", flags&tunnelEncapCsum6 != 0)
		p.Bool(format.JSON, "remcsum", "", flags&tunnelEncapRemcsum != 0)
		p.CloseObject()
		return
	}
	if sport == 0 {
		p.Text("encap-sport auto ")
	} else {
		p.Text(fmt.Sprintf("encap-sport %d ", sport))
	}
	p.Text(fmt.Sprintf("encap-dport %d ", dport))
	for _, f := range []struct {
		name string
		flag uint16
	}{{"csum", tunnelEncapCsum}, {"csum6", tunnelEncapCsum6}, {"remcsum", tunnelEncapRemcsum}} {
		if flags&f.flag == 0 {
			p.Text("no")
		}
		p.Text("encap-" + f.name + " ")
	}
}
