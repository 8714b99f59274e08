package link

import (
	"encoding/binary"

	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/internal/cnum"
	"github.com/mdlayher/netlink"
)

// SR-IOV attributes nested in IFLA_VFINFO_LIST/IFLA_VF_INFO
// (linux/if_link.h); x/sys/unix names few of them.
const (
	vfInfo          = 1  // IFLA_VF_INFO
	vfMAC           = 1  // IFLA_VF_MAC: struct ifla_vf_mac
	vfVLAN          = 2  // IFLA_VF_VLAN: struct ifla_vf_vlan
	vfTxRate        = 3  // IFLA_VF_TX_RATE: struct ifla_vf_tx_rate
	vfSpoofchk      = 4  // IFLA_VF_SPOOFCHK
	vfLinkState     = 5  // IFLA_VF_LINK_STATE
	vfRate          = 6  // IFLA_VF_RATE: struct ifla_vf_rate
	vfRSSQueryEn    = 7  // IFLA_VF_RSS_QUERY_EN
	vfTrust         = 9  // IFLA_VF_TRUST
	vfIBNodeGUID    = 10 // IFLA_VF_IB_NODE_GUID
	vfIBPortGUID    = 11 // IFLA_VF_IB_PORT_GUID
	vfVLANList      = 12 // IFLA_VF_VLAN_LIST
	vfVLANInfo      = 1  // IFLA_VF_VLAN_INFO: struct ifla_vf_vlan_info
	ethP8021Q       = 0x8100
	ethP8021AD      = 0x88a8
	vfLinkStateAuto = 0
)

// u32s lays out a struct of native-endian __u32 fields.
func u32s(v ...uint32) []byte {
	b := make([]byte, 0, 4*len(v))
	for _, x := range v {
		b = binary.NativeEndian.AppendUint32(b, x)
	}
	return b
}

// parseVF is iplink_parse_vf: the words after `vf NUM` become one
// IFLA_VF_INFO in ae (IFLA_VFINFO_LIST). Devices without virtual functions
// (all of this kernel's) make the kernel refuse the request, as with
// iproute2.
func (p *Parser) parseVF(a *cmdline.Args, ae *netlink.AttributeEncoder, vf uint32, dev string) error {
	// The rate API is chosen by looking ahead at every word left.
	newRateAPI, overrideLegacy := false, false
	for _, w := range a.Rest() {
		if cmdline.Matches(w, "max_tx_rate") {
			newRateAPI, overrideLegacy = true, true
		} else if cmdline.Matches(w, "min_tx_rate") {
			newRateAPI = true
		}
	}
	minRate, maxRate := int64(-1), int64(-1)
	rateVF := vf
	start := a.Len()
	var err error
	nestErr := nest(ae, vfInfo, func(vi *netlink.AttributeEncoder) error {
	loop:
		for a.More() && err == nil {
			w := a.Next()
			m := func(kw string) bool { return cmdline.Matches(w, kw) }
			switch {
			case m("mac"):
				err = p.vfMAC(a, vi, vf, dev)
			case m("vlan"):
				err = p.vfVLANs(a, vi, vf)
			case m("rate"):
				var n uint64
				if n, err = vfUnsigned(a, "Invalid \"rate\" value\n"); err != nil {
					break
				}
				if !newRateAPI {
					vi.Bytes(vfTxRate, u32s(vf, uint32(n)))
				} else if !overrideLegacy {
					maxRate = int64(n)
				}
			case m("max_tx_rate"), m("min_tx_rate"):
				msg := "Invalid \"max tx rate\" value\n"
				if m("min_tx_rate") {
					msg = "Invalid \"min tx rate\" value\n"
				}
				var n uint64
				if n, err = vfUnsigned(a, msg); err != nil {
					break
				}
				if m("min_tx_rate") {
					minRate = int64(n)
				} else {
					maxRate = int64(n)
				}
				rateVF = vf
			case m("spoofchk"), m("query_rss"), m("trust"):
				key, typ := "spoofchk", uint16(vfSpoofchk)
				if m("query_rss") {
					key, typ = "query_rss", vfRSSQueryEn
				} else if m("trust") {
					key, typ = "trust", vfTrust
				}
				var v string
				if v, err = a.Value(); err != nil {
					break
				}
				var on bool
				// iplink_parse_vf turns parse_on_off's -EINVAL into -1.
				if on, err = parseOnOff(key, v, 1); err != nil {
					break
				}
				vi.Bytes(typ, u32s(vf, uint32(b2u8(on))))
			case m("state"):
				var v string
				if v, err = a.Value(); err != nil {
					break
				}
				st := -1
				for i, s := range []string{"auto", "enable", "disable"} {
					if cmdline.Matches(v, s) {
						st = vfLinkStateAuto + i
						break
					}
				}
				if st < 0 {
					err = cmdline.InvalidArg("Invalid \"state\" value\n", v)
					break
				}
				vi.Bytes(vfLinkState, u32s(vf, uint32(st)))
			case m("node_guid"), m("port_guid"):
				typ := uint16(vfIBNodeGUID)
				if m("port_guid") {
					typ = vfIBPortGUID
				}
				var v string
				if v, err = a.Value(); err != nil {
					break
				}
				guid, ok := parseGUID(v)
				if !ok {
					err = cmdline.InvalidArg("Invalid GUID format\n", v)
					break
				}
				b := u32s(vf, 0)
				vi.Bytes(typ, binary.NativeEndian.AppendUint64(b, guid))
			default:
				a.Back()
				break loop
			}
		}
		if err != nil || !newRateAPI {
			return err
		}
		// iproute2 fills unset rates from the device's current VF
		// settings; a device without VFs has none, and the kernel
		// refuses the request whatever they are.
		if minRate < 0 {
			minRate = 0
		}
		if maxRate < 0 {
			maxRate = 0
		}
		if maxRate != 0 && minRate > maxRate {
			return cmdline.Exit(cmdline.StatusFailed, "Invalid min_tx_rate %d - must be <= max_tx_rate %d", minRate, maxRate)
		}
		vi.Bytes(vfRate, u32s(rateVF, uint32(minRate), uint32(maxRate)))
		return nil
	})
	if nestErr != nil {
		return nestErr
	}
	if a.Len() == start {
		return cmdline.IncompleteCommand()
	}
	return nil
}

func vfUnsigned(a *cmdline.Args, msg string) (uint64, error) {
	v, err := a.Value()
	if err != nil {
		return 0, err
	}
	n, ok := cnum.Uint(v, 0, 1<<32-1)
	if !ok {
		return 0, cmdline.InvalidArg(msg, v)
	}
	return n, nil
}

func (p *Parser) vfMAC(a *cmdline.Args, vi *netlink.AttributeEncoder, vf uint32, dev string) error {
	halen := -1
	if p.AddrLen != nil {
		halen = p.AddrLen(dev)
	}
	v, err := a.Value()
	if err != nil {
		return err
	}
	addr, err := p.llAddrArg(v)
	if err != nil {
		return err
	}
	if halen > 0 && len(addr) != halen {
		return cmdline.Exit(cmdline.StatusFailed, "Invalid address length %d - must be %d bytes", len(addr), halen)
	}
	mac := make([]byte, 32)
	copy(mac, addr)
	vi.Bytes(vfMAC, append(u32s(vf), mac...))
	return nil
}

// vfVLANs is the `vlan VLANID [qos Q] [proto P]` part, repeated for 802.1ad.
func (p *Parser) vfVLANs(a *cmdline.Args, vi *netlink.AttributeEncoder, vf uint32) error {
	vlan, qos, proto, err := parseVFVLAN(a)
	if err != nil {
		return err
	}
	if proto == ethP8021Q {
		vi.Bytes(vfVLAN, u32s(vf, vlan, qos))
		return nil
	}
	return nest(vi, vfVLANList, func(l *netlink.AttributeEncoder) error {
		l.Bytes(vfVLANInfo, vlanInfo(vf, vlan, qos, proto))
		for a.More() {
			if !cmdline.Matches(a.Peek(), "vlan") {
				break
			}
			a.Next()
			vlan, qos, proto, err := parseVFVLAN(a)
			if err != nil {
				return err
			}
			l.Bytes(vfVLANInfo, vlanInfo(vf, vlan, qos, proto))
		}
		return nil
	})
}

// vlanInfo is struct ifla_vf_vlan_info (vlan_proto in network order).
func vlanInfo(vf, vlan, qos uint32, proto uint16) []byte {
	b := u32s(vf, vlan, qos)
	b = binary.BigEndian.AppendUint16(b, proto)
	return append(b, 0, 0)
}

// parseVFVLAN is iplink_parse_vf_vlan_info.
func parseVFVLAN(a *cmdline.Args) (vlan, qos uint32, proto uint16, err error) {
	v, err := a.Value()
	if err != nil {
		return 0, 0, 0, err
	}
	n, ok := cnum.Uint(v, 0, 1<<32-1)
	if !ok || n > 4095 {
		return 0, 0, 0, cmdline.InvalidArg("Invalid \"vlan\" value\n", v)
	}
	vlan, proto = uint32(n), ethP8021Q
	if a.More() && cmdline.Matches(a.Peek(), "qos") {
		a.Next()
		v, err := a.Value()
		if err != nil {
			return 0, 0, 0, err
		}
		q, ok := cnum.Uint(v, 0, 1<<32-1)
		if !ok {
			return 0, 0, 0, cmdline.InvalidArg("Invalid \"qos\" value\n", v)
		}
		qos = uint32(q)
	}
	if a.More() && cmdline.Matches(a.Peek(), "proto") {
		a.Next()
		v, err := a.Value()
		if err != nil {
			return 0, 0, 0, err
		}
		id, ok := vlanProto(v)
		if !ok {
			return 0, 0, 0, cmdline.InvalidArg("protocol is invalid\n", v)
		}
		if id != ethP8021Q && id != ethP8021AD {
			return 0, 0, 0, cmdline.InvalidArg("Invalid \"vlan protocol\" value - supported 802.1Q, 802.1ad\n", v)
		}
		proto = id
	}
	return vlan, qos, proto, nil
}

// vlanProto is ll_proto_a2n for the names a VF VLAN can take, and numbers.
func vlanProto(v string) (uint16, bool) {
	switch {
	case cnum.EqualFold(v, "802.1q"):
		return ethP8021Q, true
	case cnum.EqualFold(v, "802.1ad"):
		return ethP8021AD, true
	}
	n, ok := cnum.Uint(v, 0, 0xffff)
	return uint16(n), ok
}

// parseGUID is get_guid: exactly xx:xx:xx:xx:xx:xx:xx:xx, each xx a
// strtoul number of base 16 up to 255.
func parseGUID(s string) (uint64, bool) {
	if len(s) != 23 {
		return 0, false
	}
	var g uint64
	for i := 0; i < 8; i++ {
		if i < 7 && s[i*3+2] != ':' {
			return 0, false
		}
		// strtoul(s + 3*i, &end, 16) must end at the next colon (blanks
		// and a sign may take the place of digits, as in C).
		n, rest, _, _ := cnum.Strtoul(s[i*3:], 16)
		if len(rest) != len(s)-i*3-2 || n > 255 {
			return 0, false
		}
		g |= n << (56 - 8*i)
	}
	return g, true
}
