package iproute

import (
	"encoding/binary"

	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/internal/cnum"
	"github.com/gipnet/gip/route"
	"github.com/gipnet/gip/rtnl"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// Route request attributes and flags x/sys/unix does not name.
const (
	rtaIPProto    = 27
	rtaSport      = 28
	rtaDport      = 29
	rtmFLookupTbl = 0x1000
	rtmFFibMatch  = 0x2000
)

// getRequest is what `ip route get` words ask the kernel.
type getRequest struct {
	hdr         rtnl.RtMsg
	ae          *netlink.AttributeEncoder
	iif, oif    string
	hasIif      bool // iif was given ('' names no device)
	hasOif      bool
	mark        uint32
	connected   bool
	fromOK      bool
	fibMatch    bool
	haveAddress bool
}

// parseGet is iproute_get's parser; the if-chain order decides what an
// abbreviation means.
func parseGet(env *cli.Env, args *cmdline.Args) (*getRequest, error) {
	q := &getRequest{hdr: rtnl.RtMsg{Family: uint8(env.Opts.Family)}, ae: netlink.NewAttributeEncoder()}
	for args.More() {
		if err := q.word(env, args.Next(), args); err != nil {
			return nil, err
		}
	}
	return q, nil
}

func (q *getRequest) setFamily(af int) {
	if q.hdr.Family == unix.AF_UNSPEC {
		q.hdr.Family = uint8(af)
	}
}

func (q *getRequest) word(env *cli.Env, w string, args *cmdline.Args) error {
	m := func(kw string) bool { return cmdline.Matches(w, kw) }
	switch {
	case w == "tos" || m("dsfield"):
		v, err := args.Value()
		if err != nil {
			return err
		}
		tos, ok := route.ParseDSField(v)
		if !ok {
			return cmdline.InvalidArg("TOS value is invalid\n", v)
		}
		q.hdr.Tos = tos
	case m("from"):
		v, err := args.Value()
		if err != nil {
			return err
		}
		if cmdline.Matches(v, "help") {
			return usage(env)
		}
		q.fromOK = true
		a, err := cnum.GetPrefix(v, int(q.hdr.Family))
		if err != nil {
			return err
		}
		q.setFamily(a.Family)
		if a.ByteLen > 0 {
			q.ae.Bytes(unix.RTA_SRC, a.Bytes())
		}
		q.hdr.SrcLen = uint8(a.BitLen)
	case m("iif"):
		v, err := args.Value()
		if err != nil {
			return err
		}
		q.iif, q.hasIif = v, true
	case m("mark"):
		v, err := args.Value()
		if err != nil {
			return err
		}
		n, ok := cnum.Uint32(v, 0)
		if !ok {
			return cmdline.InvalidArg("invalid mark value", v)
		}
		q.mark = n
	case m("oif") || w == "dev":
		v, err := args.Value()
		if err != nil {
			return err
		}
		q.oif, q.hasOif = v, true
	case m("notify"):
		q.hdr.Flags |= unix.RTM_F_NOTIFY
	case m("connected"):
		q.connected = true
	case m("vrf"):
		v, err := args.Value()
		if err != nil {
			return err
		}
		return cmdline.InvalidArg("Invalid VRF\n", v)
	case m("uid"):
		v, err := args.Value()
		if err != nil {
			return err
		}
		n, ok := cnum.Uint32(v, 0)
		if !ok {
			return cmdline.InvalidArg("invalid UID\n", v)
		}
		q.ae.Uint32(unix.RTA_UID, n)
	case m("fibmatch"):
		q.fibMatch = true
	case w == "as":
		v, err := args.Value()
		if err != nil {
			return err
		}
		if v == "to" {
			if v, err = args.Value(); err != nil {
				return err
			}
		}
		a, err := cnum.GetAddr(v, int(q.hdr.Family))
		if err != nil {
			return err
		}
		q.setFamily(a.Family)
		q.ae.Bytes(unix.RTA_NEWDST, a.Bytes())
	case m("sport"):
		return q.port(args, rtaSport, "invalid sport\n")
	case m("dport"):
		return q.port(args, rtaDport, "invalid dport\n")
	case m("ipproto"):
		v, err := args.Value()
		if err != nil {
			return err
		}
		p, ok := ipProtocol(v)
		if !ok {
			return cmdline.InvalidArg("Invalid \"ipproto\" value\n", v)
		}
		q.ae.Uint8(rtaIPProto, p)
	default:
		return q.destination(env, w, args)
	}
	return nil
}

// port reads a port number, sent in network byte order.
func (q *getRequest) port(args *cmdline.Args, typ uint16, msg string) error {
	v, err := args.Value()
	if err != nil {
		return err
	}
	n, ok := cnum.Uint(v, 0, 0xffff)
	if !ok {
		return cmdline.InvalidArg(msg, v)
	}
	q.ae.Bytes(typ, binary.BigEndian.AppendUint16(nil, uint16(n)))
	return nil
}

// destination reads "[to] ADDRESS"; a prefix length other than the host
// length draws iproute2's warning and is replaced.
func (q *getRequest) destination(env *cli.Env, w string, args *cmdline.Args) error {
	w, err := args.After("to", w)
	if err != nil {
		return err
	}
	if cmdline.Matches(w, "help") {
		return usage(env)
	}
	a, err := cnum.GetPrefix(w, int(q.hdr.Family))
	if err != nil {
		return err
	}
	q.setFamily(a.Family)
	if a.ByteLen > 0 {
		q.ae.Bytes(unix.RTA_DST, a.Bytes())
	}
	switch {
	case q.hdr.Family == unix.AF_INET && a.BitLen != 32:
		env.Warnf("Warning: /%d as prefix is invalid, only /32 (or none) is supported.\n", a.BitLen)
		q.hdr.DstLen = 32
	case q.hdr.Family == unix.AF_INET6 && a.BitLen != 128:
		env.Warnf("Warning: /%d as prefix is invalid, only /128 (or none) is supported.\n", a.BitLen)
		q.hdr.DstLen = 128
	default:
		q.hdr.DstLen = uint8(a.BitLen)
	}
	q.haveAddress = true
	return nil
}

// ipProtocol is inet_proto_a2n: an IP protocol name or number.
func ipProtocol(s string) (uint8, bool) {
	switch s {
	case "icmp":
		return unix.IPPROTO_ICMP, true
	case "tcp":
		return unix.IPPROTO_TCP, true
	case "udp":
		return unix.IPPROTO_UDP, true
	case "ipv6-icmp", "icmpv6":
		return unix.IPPROTO_ICMPV6, true
	case "sctp":
		return unix.IPPROTO_SCTP, true
	case "dccp":
		return unix.IPPROTO_DCCP, true
	case "gre":
		return unix.IPPROTO_GRE, true
	}
	n, ok := cnum.Uint(s, 10, 255)
	return uint8(n), ok
}

// body completes the request: devices, mark and the family's flags.
func (q *getRequest) body(env *cli.Env) ([]byte, error) {
	if q.hasIif {
		idx, err := DevIndex(env, q.iif)
		if err != nil {
			return nil, err
		}
		q.ae.Uint32(unix.RTA_IIF, idx)
	}
	if q.hasOif {
		idx, err := DevIndex(env, q.oif)
		if err != nil {
			return nil, err
		}
		q.ae.Uint32(unix.RTA_OIF, idx)
	}
	if q.mark != 0 {
		q.ae.Uint32(unix.RTA_MARK, q.mark)
	}
	if q.hdr.Family == unix.AF_UNSPEC {
		q.hdr.Family = unix.AF_INET
	}
	// Only IPv4 knows the lookup-table flag.
	if q.hdr.Family == unix.AF_INET {
		q.hdr.Flags |= rtmFLookupTbl
	}
	if q.fibMatch {
		q.hdr.Flags |= rtmFFibMatch
	}
	attrs, err := q.ae.Encode()
	if err != nil {
		return nil, err
	}
	return append(q.hdr.Append(nil), attrs...), nil
}

// get is `ip route get`.
func get(env *cli.Env, args *cmdline.Args) error {
	// iproute2 resets its route filter first (see showdump).
	f := newFilter(env.Opts.Family)
	f.table, f.cloned = 0, bothKinds
	keepFilter(env, &f)
	q, err := parseGet(env, args)
	if err != nil {
		return err
	}
	if !q.haveAddress {
		return cmdline.Exit(cmdline.StatusFailed, "need at least a destination address")
	}
	c, err := env.Conn()
	if err != nil {
		return err
	}
	body, err := q.body(env)
	if err != nil {
		return err
	}
	ans, err := c.Query(unix.RTM_GETROUTE, 0, body)
	if err != nil {
		return err
	}
	pr := newPrinter(env, &f)
	defer pr.links.Close()
	var r route.Message
	if q.connected && !q.fromOK {
		env.P.Begin()
		if err := pr.printAnswer(ans, &r); err != nil {
			return err
		}
		env.P.End()
		// iproute2 rewrites its copy of the answer into a reverse lookup
		// but then repeats the original request; so does gip.
		if !r.Has(unix.RTA_PREFSRC) && !r.Has(unix.RTA_SRC) {
			return cmdline.Exit(cmdline.StatusFailed, "Failed to connect the route")
		}
		if ans, err = c.Query(unix.RTM_GETROUTE, 0, body); err != nil {
			return err
		}
		// iproute2 has deleted its JSON context by now and does not
		// open another: under -json the second answer prints as text.
		pr.p = env.P.Plain()
	}
	pr.p.Begin()
	if err := pr.printAnswer(ans, &r); err != nil {
		return err
	}
	pr.p.End()
	return nil
}

// printAnswer prints one kernel answer to a route request, leaving it
// decoded in r.
func (pr *printer) printAnswer(m netlink.Message, r *route.Message) error {
	t := uint16(m.Header.Type)
	if t != unix.RTM_NEWROUTE && t != unix.RTM_DELROUTE {
		return cmdline.Exit(cmdline.StatusFailed, "Not a route: %08x %08x %08x\nAn error :-)", len(m.Data)+16, t, uint16(m.Header.Flags))
	}
	if err := route.DecodeMessage(t, m.Data, r); err != nil {
		return cmdline.Exit(cmdline.StatusFailed, "An error :-)")
	}
	if pr.f.match(r) {
		pr.print(r)
	}
	return nil
}
