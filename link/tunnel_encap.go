package link

import (
	"encoding/binary"

	"github.com/gipnet/gip/internal/cli"
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
func (e *tunnelEncap) parse(w string, a *cli.Args) (bool, error) {
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
			return true, cli.InvalidArg("Invalid encap type.", v)
		}
		e.typ = t
	case "encap-sport":
		v, err := a.Value()
		if err != nil {
			return true, err
		}
		e.sport = 0
		if v != "auto" {
			n, ok := getUnsigned(v, 1<<16-1)
			if !ok {
				return true, cli.InvalidArg("Invalid source port.", v)
			}
			e.sport = uint16(n)
		}
	case "encap-dport":
		v, err := a.Value()
		if err != nil {
			return true, err
		}
		n, ok := getUnsigned(v, 1<<16-1)
		if !ok {
			return true, cli.InvalidArg("Invalid destination port.", v)
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
type wordParser func(w string, a *cli.Args) (took bool, err error)

// takeWord offers w to each parser in turn; it reports whether one took it.
func takeWord(w string, a *cli.Args, parsers ...wordParser) (bool, error) {
	for _, parse := range parsers {
		if took, err := parse(w, a); took {
			return true, err
		}
	}
	return false, nil
}
