package iproute

import (
	"encoding/binary"
	"sync/atomic"

	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/internal/cnum"
	"github.com/gipnet/gip/route"
	"github.com/gipnet/gip/rtnl"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// modifyRequest is an RTM_NEWROUTE/RTM_DELROUTE request being built from
// `ip route add|del|…` words: the header, the attributes in the order the
// words gave them, and the metrics and nexthops that follow them. Its
// encoders keep their buffers from one request to the next (see
// modifyRequests), so a -batch of route adds encodes without allocating.
type modifyRequest struct {
	env   *cli.Env
	cmd   uint16
	hdr   rtnl.RtMsg
	ae    rtnl.Encoder // the body: room for hdr, then the attributes
	mx    rtnl.Encoder // RTA_METRICS' payload
	mxSet bool
	lock  uint32
	dev   string
	// hasDev: dev was given; '' is a name no device has, not "none".
	hasDev bool

	// lookup resolves the devices the words name; nil: the devices of
	// env's connection (devIndex).
	lookup devLookup
	// warn prints libnetlink's complaints about iproute2's buffer bounds.
	warn func(line string)

	gwOK, dstOK, scopeOK, tableOK, typeOK bool
	nhid                                  uint32
	nexthops                              []string // words from the first "nexthop" on

	nh rtnl.Encoder // one nexthop's attributes
	mp []byte       // RTA_MULTIPATH's payload
}

// devLookup resolves a device name to its ifindex (failing as nodev()).
type devLookup func(name string) (uint32, error)

// spareModify keeps a request and its buffers from one command to the
// next (an atomic swap: cheaper than a sync.Pool, and one is enough, as
// commands run one at a time).
var spareModify atomic.Pointer[modifyRequest]

// getModify returns the spare request, or a new one.
func getModify() *modifyRequest {
	if q := spareModify.Swap(nil); q != nil {
		return q
	}
	return new(modifyRequest)
}

// putModify keeps q for the next command.
func putModify(q *modifyRequest) {
	q.env, q.lookup, q.warn, q.nexthops = nil, nil, nil, nil // nothing of this command kept alive
	spareModify.Store(q)
}

// reset readies q for a new request, keeping its buffers.
func (q *modifyRequest) reset(env *cli.Env, cmd uint16, lookup devLookup) {
	ae, mx, nh, mp := q.ae, q.mx, q.nh, q.mp
	*q = modifyRequest{env: env, cmd: cmd, hdr: route.NewHeader(cmd, uint8(env.Opts.Family)), lookup: lookup,
		ae: ae, mx: mx, nh: nh, mp: mp[:0]}
	q.ae.Reset()
	q.mx.Reset()
	q.nh.Reset()
	q.ae.Reserve(unix.SizeofRtMsg)
}

// devIndex resolves name through q's lookup.
func (q *modifyRequest) devIndex(name string) (uint32, error) {
	if q.lookup != nil {
		return q.lookup(name)
	}
	return DevIndex(q.env, name)
}

// parseModify is iproute_modify's parser: it turns words into the request
// body without sending anything. The body is the caller's.
func parseModify(env *cli.Env, cmd uint16, args *cmdline.Args, lookup devLookup) ([]byte, error) {
	q := new(modifyRequest)
	q.reset(env, cmd, lookup)
	return q.parse(args)
}

// parse reads the words into q's request and returns its body, which is
// valid until q is reset.
func (q *modifyRequest) parse(args *cmdline.Args) ([]byte, error) {
	env := q.env
	for args.More() {
		w := args.Next()
		if w == "nexthop" {
			args.Back()
			q.nexthops = args.Rest()
			break
		}
		if err := q.word(env, w, args); err != nil {
			return nil, err
		}
	}
	if !q.dstOK {
		return nil, usage(env)
	}
	if q.hasDev {
		idx, err := q.devIndex(q.dev)
		if err != nil {
			return nil, err
		}
		q.ae.Uint32(unix.RTA_OIF, idx)
	}
	if q.mxSet {
		if q.lock != 0 {
			q.mx.Uint32(unix.RTAX_LOCK, q.lock)
		}
		if err := q.mx.Err(); err != nil {
			return nil, err
		}
		q.ae.Bytes(unix.RTA_METRICS, q.mx.Data())
	}
	if q.nexthops != nil {
		q.warn = func(line string) { env.Warnf("%s\n", line) }
		var nargs cmdline.Args
		nargs.Reset(q.nexthops)
		if err := q.parseNexthops(&nargs); err != nil {
			return nil, err
		}
		if len(q.mp) > 0 {
			// addattr_l into the request with a bound of 4096 (not the
			// request's own size): a failure ends the command.
			if !rtnl.AttrFits(q.reqLen(), len(q.mp), multipathBound) {
				return nil, cmdline.Exit(cmdline.StatusFailed, "%s", rtnl.ExceededBound(multipathBound))
			}
			q.ae.Bytes(unix.RTA_MULTIPATH, q.mp)
		}
	}
	q.defaults()
	if err := q.ae.Err(); err != nil {
		return nil, err
	}
	var hb [unix.SizeofRtMsg]byte
	q.ae.Put(0, q.hdr.Append(hb[:0]))
	return q.ae.Data(), nil
}

// defaults fills in what the words left open, as iproute2 does.
func (q *modifyRequest) defaults() {
	route.ApplyDefaults(&q.hdr, q.cmd, route.Given{Table: q.tableOK, Scope: q.scopeOK, Type: q.typeOK,
		NextHop: q.gwOK || q.nexthops != nil || q.nhid != 0})
}

// setFamily adopts family when the request has none yet.
func (q *modifyRequest) setFamily(af int) {
	if q.hdr.Family == unix.AF_UNSPEC {
		q.hdr.Family = uint8(af)
	}
}

// metricValue reads a metric's value, taking a "lock" before it.
func (q *modifyRequest) metricValue(args *cmdline.Args, rtax uint16) (string, error) {
	v, err := args.Value()
	if err != nil {
		return "", err
	}
	if v == "lock" {
		q.lock |= 1 << rtax
		if v, err = args.Value(); err != nil {
			return "", err
		}
	}
	return v, nil
}

func (q *modifyRequest) putMetric(rtax uint16, v uint32) {
	q.mx.Uint32(rtax, v)
	q.mxSet = true
}

// unsignedMetric is a plain numeric metric: "mtu [lock] N" and the like.
func (q *modifyRequest) unsignedMetric(args *cmdline.Args, rtax uint16, msg string) error {
	v, err := q.metricValue(args, rtax)
	if err != nil {
		return err
	}
	n, ok := cnum.Uint32(v, 0)
	if !ok {
		return cmdline.InvalidArg(msg, v)
	}
	q.putMetric(rtax, n)
	return nil
}

// timeMetric reads "[lock] TIME" (get_time_rtt); a bare number is passed
// raw, a value with a unit is scaled by scale.
func (q *modifyRequest) timeMetric(args *cmdline.Args, rtax uint16, lockable bool, scale uint32, msg string) error {
	var v string
	var err error
	if lockable {
		v, err = q.metricValue(args, rtax)
	} else {
		v, err = args.Value()
	}
	if err != nil {
		return err
	}
	t, raw, ok := parseTimeRTT(v)
	if !ok {
		return cmdline.InvalidArg(msg, v)
	}
	if !raw {
		t *= scale
	}
	q.putMetric(rtax, t)
	return nil
}

// boolMetric reads a 0 or 1 metric.
func (q *modifyRequest) boolMetric(args *cmdline.Args, rtax uint16, name string) error {
	v, err := args.Value()
	if err != nil {
		return err
	}
	n, ok := cnum.Uint32(v, 0)
	if !ok {
		return cmdline.InvalidArg("\""+name+"\" value is invalid\n", v)
	}
	if n > 1 {
		return cmdline.InvalidArg("\""+name+"\" value should be 0 or 1\n", v)
	}
	q.putMetric(rtax, n)
	return nil
}

// word handles one keyword of iproute_modify; the if-chain order is
// iproute2's and decides what an abbreviation means.
func (q *modifyRequest) word(env *cli.Env, w string, args *cmdline.Args) error {
	m := func(kw string) bool { return cmdline.Matches(w, kw) }
	switch {
	case w == "src":
		v, err := args.Value()
		if err != nil {
			return err
		}
		a, err := cnum.GetAddr(v, int(q.hdr.Family))
		if err != nil {
			return err
		}
		q.setFamily(a.Family)
		q.ae.Bytes(unix.RTA_PREFSRC, a.Bytes())
	case w == "as":
		a, err := q.asTo(args)
		if err != nil {
			return err
		}
		q.setFamily(a.Family)
		q.ae.Bytes(unix.RTA_NEWDST, a.Bytes())
	case w == "via":
		if q.gwOK {
			return cmdline.InvalidArg("use nexthop syntax to specify multiple via\n", w)
		}
		q.gwOK = true
		return q.gateway(&q.ae, args)
	case w == "from":
		v, err := args.Value()
		if err != nil {
			return err
		}
		a, err := cnum.GetPrefix(v, int(q.hdr.Family))
		if err != nil {
			return err
		}
		q.setFamily(a.Family)
		if a.ByteLen > 0 {
			q.ae.Bytes(unix.RTA_SRC, a.Bytes())
		}
		q.hdr.SrcLen = uint8(a.BitLen)
	case w == "tos" || m("dsfield"):
		v, err := args.Value()
		if err != nil {
			return err
		}
		tos, ok := route.ParseDSField(v)
		if !ok {
			return cmdline.InvalidArg("\"tos\" value is invalid\n", v)
		}
		q.hdr.Tos = tos
	case w == "expires":
		v, err := args.Value()
		if err != nil {
			return err
		}
		n, ok := cnum.Uint32(v, 0)
		if !ok {
			return cmdline.InvalidArg("\"expires\" value is invalid\n", v)
		}
		q.ae.Uint32(unix.RTA_EXPIRES, n)
	case m("metric") || m("priority") || w == "preference":
		v, err := args.Value()
		if err != nil {
			return err
		}
		n, ok := cnum.Uint32(v, 0)
		if !ok {
			return cmdline.InvalidArg("\"metric\" value is invalid\n", v)
		}
		q.ae.Uint32(unix.RTA_PRIORITY, n)
	case w == "scope":
		v, err := args.Value()
		if err != nil {
			return err
		}
		s, ok := route.ParseScope(v)
		if !ok {
			return cmdline.InvalidArg("invalid \"scope\" value\n", v)
		}
		q.hdr.Scope, q.scopeOK = s, true
	case w == "mtu":
		return q.unsignedMetric(args, unix.RTAX_MTU, "\"mtu\" value is invalid\n")
	case w == "hoplimit":
		v, err := q.metricValue(args, unix.RTAX_HOPLIMIT)
		if err != nil {
			return err
		}
		n, ok := cnum.Uint32(v, 0)
		if !ok || n > 255 {
			return cmdline.InvalidArg("\"hoplimit\" value is invalid\n", v)
		}
		q.putMetric(unix.RTAX_HOPLIMIT, n)
	case w == "advmss":
		return q.unsignedMetric(args, unix.RTAX_ADVMSS, "\"mss\" value is invalid\n")
	case m("reordering"):
		return q.unsignedMetric(args, unix.RTAX_REORDERING, "\"reordering\" value is invalid\n")
	case w == "rtt":
		return q.timeMetric(args, unix.RTAX_RTT, true, 8, "\"rtt\" value is invalid\n")
	case w == "rto_min":
		q.lock |= 1 << unix.RTAX_RTO_MIN
		return q.timeMetric(args, unix.RTAX_RTO_MIN, false, 1, "\"rto_min\" value is invalid\n")
	case m("window"):
		return q.unsignedMetric(args, unix.RTAX_WINDOW, "\"window\" value is invalid\n")
	case m("cwnd"):
		return q.unsignedMetric(args, unix.RTAX_CWND, "\"cwnd\" value is invalid\n")
	case m("initcwnd"):
		return q.unsignedMetric(args, unix.RTAX_INITCWND, "\"initcwnd\" value is invalid\n")
	case m("initrwnd"):
		return q.unsignedMetric(args, unix.RTAX_INITRWND, "\"initrwnd\" value is invalid\n")
	case m("features"):
		v, err := args.Value()
		if err != nil {
			return err
		}
		if v != "ecn" {
			return cmdline.InvalidArg("\"features\" value not valid\n", v)
		}
		q.putMetric(unix.RTAX_FEATURES, unix.RTAX_FEATURE_ECN)
	case m("quickack"):
		return q.boolMetric(args, unix.RTAX_QUICKACK, "quickack")
	case m("congctl"):
		v, err := q.metricValue(args, unix.RTAX_CC_ALGO)
		if err != nil {
			return err
		}
		q.mx.Bytes(unix.RTAX_CC_ALGO, []byte(v))
		q.mxSet = true
	case m("rttvar"):
		return q.timeMetric(args, unix.RTAX_RTTVAR, true, 4, "\"rttvar\" value is invalid\n")
	case m("ssthresh"):
		return q.unsignedMetric(args, unix.RTAX_SSTHRESH, "\"ssthresh\" value is invalid\n")
	case m("realms"):
		v, err := args.Value()
		if err != nil {
			return err
		}
		realm, ok := route.ParseRealms(v)
		if !ok {
			return cmdline.InvalidArg("\"realm\" value is invalid\n", v)
		}
		q.ae.Uint32(unix.RTA_FLOW, realm)
	case w == "onlink":
		q.hdr.Flags |= unix.RTNH_F_ONLINK
	case w == "nhid":
		v, err := args.Value()
		if err != nil {
			return err
		}
		n, ok := cnum.Uint32(v, 0)
		if !ok {
			return cmdline.InvalidArg("\"id\" value is invalid\n", v)
		}
		q.nhid = n
		q.ae.Uint32(route.RTANHID, n)
	case m("protocol"):
		v, err := args.Value()
		if err != nil {
			return err
		}
		p, ok := route.ParseProtocol(v)
		if !ok {
			return cmdline.InvalidArg("\"protocol\" value is invalid\n", v)
		}
		q.hdr.Protocol = p
	case m("table"):
		v, err := args.Value()
		if err != nil {
			return err
		}
		id, ok := route.ParseTable(v)
		if !ok {
			return cmdline.InvalidArg("\"table\" value is invalid\n", v)
		}
		q.setTable(id)
	case m("vrf"):
		v, err := args.Value()
		if err != nil {
			return err
		}
		// gip's kernels have no VRF devices: every name is invalid.
		return cmdline.InvalidArg("Invalid VRF\n", v)
	case w == "dev" || w == "oif":
		v, err := args.Value()
		if err != nil {
			return err
		}
		q.dev, q.hasDev = v, true
	case m("pref"):
		v, err := args.Value()
		if err != nil {
			return err
		}
		pref, ok := parsePref(v)
		if !ok {
			return cmdline.InvalidArg("\"pref\" value is invalid\n", v)
		}
		q.ae.Uint8(unix.RTA_PREF, pref)
	case w == "encap":
		return q.routeEncap(env, args)
	case w == "ttl-propagate":
		v, err := args.Value()
		if err != nil {
			return err
		}
		switch {
		case cmdline.Matches(v, "enabled"):
			q.ae.Uint8(unix.RTA_TTL_PROPAGATE, 1)
		case cmdline.Matches(v, "disabled"):
			q.ae.Uint8(unix.RTA_TTL_PROPAGATE, 0)
		default:
			return cmdline.InvalidArg("\"ttl-propagate\" value is invalid\n", v)
		}
	case m("fastopen_no_cookie"):
		return q.boolMetric(args, unix.RTAX_FASTOPEN_NO_COOKIE, "fastopen_no_cookie")
	default:
		return q.destination(env, w, args)
	}
	return nil
}

func parsePref(v string) (uint8, bool) {
	switch v {
	case "low":
		return route.PrefLow, true
	case "medium":
		return route.PrefMedium, true
	case "high":
		return route.PrefHigh, true
	}
	n, ok := cnum.Uint(v, 0, 255)
	return uint8(n), ok
}

// asTo reads "[to] ADDRESS" after "as".
func (q *modifyRequest) asTo(args *cmdline.Args) (cnum.Prefix, error) {
	v, err := args.Value()
	if err != nil {
		return cnum.Prefix{}, err
	}
	if v == "to" {
		if v, err = args.Value(); err != nil {
			return cnum.Prefix{}, err
		}
	}
	return cnum.GetAddr(v, int(q.hdr.Family))
}

// destination reads "[to] [TYPE] PREFIX".
func (q *modifyRequest) destination(env *cli.Env, w string, args *cmdline.Args) error {
	w, err := args.After("to", w)
	if err != nil {
		return err
	}
	if w != "" && (w[0] < '0' || w[0] > '9') {
		if t, ok := route.ParseType(w); ok {
			if w, err = args.Value(); err != nil {
				return err
			}
			q.hdr.Type, q.typeOK = t, true
		}
	}
	if cmdline.Matches(w, "help") {
		return usage(env)
	}
	if q.dstOK {
		return cmdline.Duplicate2("to", w)
	}
	dst, err := cnum.GetPrefix(w, int(q.hdr.Family))
	if err != nil {
		return err
	}
	q.setFamily(dst.Family)
	q.hdr.DstLen = uint8(dst.BitLen)
	q.dstOK = true
	if dst.ByteLen > 0 {
		q.ae.Bytes(unix.RTA_DST, dst.Bytes())
	}
	return nil
}

func (q *modifyRequest) setTable(id uint32) {
	route.SetTable(&q.hdr, &q.ae, id)
	q.tableOK = true
}

// gateway reads "[FAMILY] ADDRESS" after via into ae: RTA_GATEWAY for an
// address of the route's family, RTA_VIA (family and address) otherwise.
func (q *modifyRequest) gateway(ae *rtnl.Encoder, args *cmdline.Args) error {
	v, err := args.Value()
	if err != nil {
		return err
	}
	fam := cnum.ReadFamily(v)
	if fam == unix.AF_UNSPEC {
		fam = int(q.hdr.Family)
	} else if v, err = args.Value(); err != nil {
		return err
	}
	// cnum reads no link-layer or MPLS address, so "via link ADDR" and
	// "via mpls LABEL" stop here, as unparsable: iproute2 passes them on
	// as RTA_VIA, for which the kernels gip targets lack support.
	gw, err := cnum.GetAddr(v, fam)
	if err != nil {
		return err
	}
	q.setFamily(gw.Family)
	route.PutGateway(ae, q.hdr.Family, gw.Family, gw.Bytes())
	return nil
}

// iproute2's buffers for a route's encapsulation: a single route's (and a
// nexthop object's) encap is built in 1024 bytes and then copied into the
// request only while the request stays within 1024 bytes (addraw_l);
// RTA_MULTIPATH is built in 4096 bytes and added with that bound.
const (
	encapBound     = 1024
	multipathBound = 4096
)

// reqLen is the length of the request so far (header, rtmsg, attributes):
// q.ae holds the rtmsg and the attributes.
func (q *modifyRequest) reqLen() int {
	return unix.NLMSG_HDRLEN + q.ae.Len()
}

// routeEncap reads a route's own "encap TYPE ...": built in a buffer of
// its own, then added raw when it fits the request's 1024-byte bound
// (otherwise the route goes without it).
func (q *modifyRequest) routeEncap(env *cli.Env, args *cmdline.Args) error {
	warn := func(line string) { env.Warnf("%s\n", line) }
	b, fit, err := route.ParseEncapIn(args, q.devIndex, route.EncapBound{Used: 4, Max: encapBound, Warn: warn})
	if err != nil {
		return err
	}
	if !rtnl.AttrFits(q.reqLen(), len(b)-4, encapBound) {
		warn(rtnl.ExceededRawBound(encapBound))
		return nil
	}
	if fit == route.EncapCut {
		// The words are read again from the type word on, which no route
		// keyword or prefix takes: the command fails before sending.
		return nil
	}
	q.putEncap(&q.ae, b)
	return nil
}

// parseNexthops is parse_nexthops: "nexthop NH" groups into RTA_MULTIPATH
// (q.mp).
func (q *modifyRequest) parseNexthops(args *cmdline.Args) error {
	for args.More() {
		w := args.Next()
		if w != "nexthop" {
			return cmdline.Fatal(cmdline.StatusUsage, "Error: \"nexthop\" or end of line is expected instead of \"%s\"", w)
		}
		if !args.More() {
			return cmdline.Fatal(cmdline.StatusUsage, "Error: unexpected end of line after \"nexthop\"")
		}
		if err := q.parseOneNexthop(args); err != nil {
			return err
		}
	}
	return nil
}

// parseOneNexthop reads one nexthop's words into a struct rtnexthop with
// its attributes, appended to q.mp, stopping at the first word it does not
// know.
func (q *modifyRequest) parseOneNexthop(args *cmdline.Args) error {
	// The length of the nexthops before this one in RTA_MULTIPATH.
	before := len(q.mp)
	var flags, hops uint8
	var ifindex uint32
	ae := &q.nh
	ae.Reset()
loop:
	for args.More() {
		w := args.Next()
		switch {
		case w == "via":
			if err := q.gateway(ae, args); err != nil {
				return err
			}
		case w == "dev":
			v, err := args.Value()
			if err != nil {
				return err
			}
			idx, err := q.devIndex(v)
			if err != nil {
				var ce *cmdline.Error
				if asCLIError(err, &ce) {
					return cmdline.Fatal(cmdline.StatusUsage, "%s\nError: cannot parse nexthop", ce.Msg)
				}
				return err
			}
			ifindex = idx
		case w == "weight":
			v, err := args.Value()
			if err != nil {
				return err
			}
			n, ok := cnum.Uint32(v, 0)
			if !ok || n == 0 || n > 256 {
				return cmdline.InvalidArg("\"weight\" is invalid\n", v)
			}
			hops = uint8(n - 1)
		case w == "onlink":
			flags |= unix.RTNH_F_ONLINK
		case cmdline.Matches(w, "realms"):
			v, err := args.Value()
			if err != nil {
				return err
			}
			realm, ok := route.ParseRealms(v)
			if !ok {
				return cmdline.InvalidArg("\"realm\" value is invalid\n", v)
			}
			ae.Uint32(unix.RTA_FLOW, realm)
		case w == "encap":
			// The multipath buffer: its header, the nexthops before,
			// this one's struct rtnexthop and attributes so far.
			used := 4 + before + unix.SizeofRtNexthop + ae.Len()
			b, fit, err := route.ParseEncapIn(args, q.devIndex, route.EncapBound{Used: used, Max: multipathBound, Warn: q.warn})
			if err != nil {
				return err
			}
			if fit != route.EncapFits {
				return cmdline.Fatal(cmdline.StatusUsage, "Error: cannot parse nexthop")
			}
			q.putEncap(ae, b)
		case w == "as":
			a, err := q.asTo(args)
			if err != nil {
				return err
			}
			ae.Bytes(unix.RTA_NEWDST, a.Bytes())
		default:
			args.Back()
			break loop
		}
	}
	if err := ae.Err(); err != nil {
		return err
	}
	q.mp = route.AppendNextHop(q.mp, flags, hops, ifindex, ae.Data())
	return nil
}

// putEncap adds ParseEncapIn's bytes to ae: RTA_ENCAP, then
// RTA_ENCAP_TYPE when it is there.
func (q *modifyRequest) putEncap(ae *rtnl.Encoder, b []byte) {
	if len(b) < 4 {
		return
	}
	l := int(binary.NativeEndian.Uint16(b))
	ae.Bytes(route.RTAEncap|route.NLAFNested, b[4:l])
	if len(b) >= (l+3)&^3+8 {
		ae.Uint16(route.RTAEncapType, binary.NativeEndian.Uint16(b[len(b)-4:]))
	}
}

// modify runs `ip route add|change|replace|…|del`.
func modify(env *cli.Env, cmd uint16, flags netlink.HeaderFlags, args *cmdline.Args) error {
	q := getModify()
	defer putModify(q)
	q.reset(env, cmd, nil)
	body, err := q.parse(args)
	if err != nil {
		return err
	}
	c, err := env.Conn()
	if err != nil {
		return err
	}
	if env.Opts.Echo {
		return execEcho(env, c, cmd, flags, body)
	}
	return c.Exec(netlink.HeaderType(cmd), flags, body)
}
