package link

import (
	"encoding/binary"
	"fmt"
	"io"
	"strings"

	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/internal/cnum"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// vlan is parse-only: this kernel has no 802.1Q devices, but the request
// must be iproute2's so the kernel's refusal reads the same.
var vlanKind = Kind{Name: "vlan", Parse: parseVLAN, Help: func(w io.Writer) { io.WriteString(w, vlanUsageText) }}

// VLAN_FLAG_* (linux/if_vlan.h), by keyword in iproute2's order.
var vlanFlags = []struct {
	word string
	flag uint32
}{
	{"reorder_hdr", 0x1}, {"gvrp", 0x2}, {"mvrp", 0x8}, {"loose_binding", 0x4}, {"bridge_binding", 0x10},
}

func parseVLAN(p *Parser, a *cmdline.Args, ae *netlink.AttributeEncoder) error {
	var flags, mask uint32
	for a.More() {
		word := a.Next()
		m := func(kw string) bool { return cmdline.Matches(word, kw) }
		switch {
		case m("protocol"):
			v, err := a.Value()
			if err != nil {
				return err
			}
			proto, ok := llProto(v)
			if !ok {
				return cmdline.InvalidArg("protocol is invalid", v)
			}
			ae.Bytes(unix.IFLA_VLAN_PROTOCOL, binary.BigEndian.AppendUint16(nil, proto))
			continue
		case m("id"):
			v, err := a.Value()
			if err != nil {
				return err
			}
			id, ok := cnum.Uint(v, 0, 0xffff)
			if !ok {
				return cmdline.InvalidArg("id is invalid", v)
			}
			ae.Uint16(unix.IFLA_VLAN_ID, uint16(id))
			continue
		case m("ingress-qos-map"), m("egress-qos-map"):
			attr, key := uint16(unix.IFLA_VLAN_INGRESS_QOS), "ingress-qos-map"
			if m("egress-qos-map") {
				attr, key = unix.IFLA_VLAN_EGRESS_QOS, "egress-qos-map"
			}
			if !a.More() {
				return cmdline.IncompleteCommand()
			}
			if err := nest(ae, attr, func(q *netlink.AttributeEncoder) error { return parseQoSMap(a, q, key) }); err != nil {
				return err
			}
			continue
		}
		found := false
		for _, f := range vlanFlags {
			if !m(f.word) {
				continue
			}
			v, err := a.Value()
			if err != nil {
				return err
			}
			if err := setVLANFlag(&flags, &mask, f.flag, f.word, v); err != nil {
				return err
			}
			found = true
			break
		}
		if found {
			continue
		}
		msg := ""
		if !m("help") {
			msg = fmt.Sprintf("vlan: unknown command \"%s\"?\n", word)
		}
		fmt.Fprint(p.Stderr, msg+vlanUsageText)
		return cmdline.Silent(cmdline.StatusFailed)
	}
	if mask != 0 {
		b := binary.NativeEndian.AppendUint32(nil, flags)
		ae.Bytes(unix.IFLA_VLAN_FLAGS, binary.NativeEndian.AppendUint32(b, mask))
	}
	return nil
}

func setVLANFlag(flags, mask *uint32, flag uint32, key, v string) error {
	*mask |= flag
	switch v {
	case "on":
		*flags |= flag
	case "off":
		*flags &^= flag
	default:
		return cmdline.Exit(cmdline.StatusFailed, "Error: argument of \"%s\" must be \"on\" or \"off\", not \"%s\"", key, v)
	}
	return nil
}

// parseQoSMap reads FROM:TO words (parse_mapping) until a word without a
// colon; a bad pair fails naming the part before its colon, as iproute2.
func parseQoSMap(a *cmdline.Args, q *netlink.AttributeEncoder, key string) error {
	for a.More() {
		from, to, ok := strings.Cut(a.Peek(), ":")
		if !ok {
			break
		}
		f, ok1 := cnum.Uint(from, 0, 1<<32-1)
		t, ok2 := cnum.Uint(to, 0, 1<<32-1)
		if !ok1 || !ok2 {
			return cmdline.InvalidArg("invalid "+key, from)
		}
		a.Next()
		m := binary.NativeEndian.AppendUint32(nil, uint32(f))
		q.Bytes(unix.IFLA_VLAN_QOS_MAPPING, binary.NativeEndian.AppendUint32(m, uint32(t)))
	}
	return nil
}

// vlanUsageText lists the vlan options and their values.
const vlanUsageText = "Usage: ... vlan id VLANID [ protocol VLANPROTO ]\n" +
	"\t[ { reorder_hdr | gvrp | mvrp | loose_binding | bridge_binding } { on | off } ]\n" +
	"\t[ { ingress-qos-map | egress-qos-map } QOS-MAP ]\n\n" +
	"VLANID: 0-4095    VLANPROTO: 802.1Q | 802.1ad\n" +
	"QOS-MAP: one QOS-MAPPING or more, each FROM:TO\n"
