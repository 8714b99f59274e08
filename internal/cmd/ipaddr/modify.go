package ipaddr

import (
	"encoding/binary"
	"errors"

	"github.com/gipnet/gip/addr"
	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/internal/cnum"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// addrRequest is the request `ip address add|change|replace|delete` builds.
type addrRequest struct {
	req      *addr.Request // the ifaddrmsg and attributes, in the order the words gave them
	dev      string
	hasDev   bool // dev was given, perhaps as ''
	local    cnum.Prefix
	localArg string
	hasLocal bool // a local address with bytes (iproute2: local_len != 0)
	peer     cnum.Prefix
	hasPeer  bool // a peer address with bytes (iproute2: peer_len != 0)
	brd      int  // 0 none, 1 given, -1 "+", -2 "-"
	hasAny   bool
	scoped   bool
	flags    uint32
	valid    uint32
	pref     uint32
	validArg string
	prefArg  string
	warnf    func(format string, a ...any)
}

// add appends an attribute; one past iproute2's buffer (a long label) is
// left out with addattr_l's complaint, and the request goes on without it.
func (r *addrRequest) add(typ uint16, data []byte) {
	if !r.req.Add(typ, data) {
		r.warnf("%s\n", r.req.Exceeded())
	}
}

func modify(env *cli.Env, args *cmdline.Args, msgType uint16, flags netlink.HeaderFlags) error {
	r, err := newAddrRequest(env, args, msgType)
	if err != nil {
		return err
	}
	idx, err := nameToIndex(env, r.dev)
	if err != nil {
		return err
	}
	if idx == 0 {
		return cmdline.Exit(cmdline.StatusFailed, "Cannot find device \"%s\"", r.dev)
	}
	body, err := r.body(idx)
	if err != nil {
		return err
	}
	c, err := env.Conn()
	if err != nil {
		return err
	}
	if env.Opts.Echo {
		return execEcho(env, c, msgType, flags, body)
	}
	if err := c.Exec(netlink.HeaderType(msgType), flags, body); err != nil {
		return cmdline.Exit(cmdline.StatusRefused, "%s", err.Error())
	}
	return nil
}

// newAddrRequest parses the words and completes what needs no kernel:
// the implied IFA_ADDRESS, the prefix length, a computed broadcast, the
// default scope. Its checks come in iproute2's order.
func newAddrRequest(env *cli.Env, args *cmdline.Args, msgType uint16) (*addrRequest, error) {
	r := &addrRequest{req: addr.NewRequest(), valid: infinityLife, pref: infinityLife, warnf: env.Warnf}
	r.req.Header.Family = uint8(env.Opts.Family)
	if err := r.parse(env, args); err != nil {
		return nil, err
	}
	if r.flags <= 0xff {
		r.req.Header.Flags = uint8(r.flags)
	} else {
		r.add(unix.IFA_FLAGS, u32bytes(r.flags))
	}
	if !r.hasDev {
		return nil, cmdline.Exit(cmdline.StatusFailed, "Not enough information: \"dev\" argument is required.")
	}
	if !r.hasPeer && r.hasLocal {
		if msgType == unix.RTM_DELADDR && r.local.Family == unix.AF_INET && !r.local.LenGiven {
			env.Warnf("Warning: Executing wildcard deletion to stay compatible with old scripts.\n"+
				"         Explicitly specify the prefix length (%s/%d) to avoid this warning.\n"+
				"         This special behaviour is likely to disappear in further releases,\n"+
				"         fix your scripts!\n", r.localArg, r.local.ByteLen*8)
		} else {
			r.peer = r.local
			r.add(unix.IFA_ADDRESS, r.local.Bytes())
		}
	}
	if r.req.Header.Prefixlen == 0 {
		r.req.Header.Prefixlen = uint8(max(r.local.BitLen, 0))
	}
	if r.brd < 0 && msgType != unix.RTM_DELADDR {
		if r.req.Header.Family != unix.AF_INET {
			return nil, cmdline.Exit(cmdline.StatusFailed, "Broadcast can be set only for IPv4 addresses")
		}
		if b := r.peer; b.BitLen <= 30 && b.ByteLen == 4 {
			v := binary.BigEndian.Uint32(b.Data[:4])
			host := uint32(1)<<(32-b.BitLen) - 1
			if r.brd == -1 {
				v |= host
			} else {
				v &^= host
			}
			r.add(unix.IFA_BROADCAST, binary.BigEndian.AppendUint32(nil, v))
		}
	}
	if !r.scoped && msgType != unix.RTM_DELADDR {
		r.req.Header.Scope = defaultScope(&r.local)
	}
	return r, nil
}

// body checks the lifetimes and autojoin and encodes the request for the
// device with ifindex idx.
func (r *addrRequest) body(idx int32) ([]byte, error) {
	r.req.Header.Index = uint32(idx)
	if r.validArg != "" || r.prefArg != "" {
		ci, err := addr.CacheInfo(r.valid, r.pref)
		if err != nil {
			return nil, err
		}
		r.add(unix.IFA_CACHEINFO, ci)
	}
	if r.flags&unix.IFA_F_MCAUTOJOIN != 0 && !isMulticast(&r.local) {
		return nil, cmdline.Exit(cmdline.StatusFailed, "autojoin needs multicast address")
	}
	return r.req.Body()
}

func (r *addrRequest) parse(env *cli.Env, args *cmdline.Args) error {
	family := func() int { return int(r.req.Header.Family) }
	setFamily := func(f int) {
		if r.req.Header.Family == unix.AF_UNSPEC {
			r.req.Header.Family = uint8(f)
		}
	}
	for args.More() {
		w := args.Next()
		m := func(kw string) bool { return cmdline.Matches(w, kw) }
		switch {
		case w == "peer" || w == "remote":
			v, err := args.Value()
			if err != nil {
				return err
			}
			if r.hasPeer {
				return cmdline.Duplicate("peer", v)
			}
			p, err := cnum.GetPrefix(v, family())
			if err != nil {
				return err
			}
			// iproute2 keeps the peer's byte length as its "given": "any"
			// and "all" (no bytes) leave room for another peer.
			r.peer, r.hasPeer = p, p.ByteLen != 0
			setFamily(p.Family)
			r.add(unix.IFA_ADDRESS, p.Bytes())
			r.req.Header.Prefixlen = uint8(max(p.BitLen, 0))
		case m("broadcast") || w == "brd":
			v, err := args.Value()
			if err != nil {
				return err
			}
			if r.brd != 0 {
				return cmdline.Duplicate("broadcast", v)
			}
			switch v {
			case "+":
				r.brd = -1
			case "-":
				r.brd = -2
			default:
				a, err := cnum.GetAddr(v, family())
				if err != nil {
					return err
				}
				setFamily(a.Family)
				r.add(unix.IFA_BROADCAST, a.Bytes())
				if a.ByteLen != 0 { // iproute2's brd_len: "any" leaves it unset
					r.brd = 1
				}
			}
		case w == "anycast":
			v, err := args.Value()
			if err != nil {
				return err
			}
			if r.hasAny {
				return cmdline.Duplicate("anycast", v)
			}
			a, err := cnum.GetAddr(v, family())
			if err != nil {
				return err
			}
			setFamily(a.Family)
			r.add(unix.IFA_ANYCAST, a.Bytes())
			r.hasAny = a.ByteLen != 0 // iproute2's any_len
		case w == "scope":
			v, err := args.Value()
			if err != nil {
				return err
			}
			s, ok := addr.ParseScope(v)
			if !ok {
				return cmdline.InvalidArg("invalid scope value.", v)
			}
			r.req.Header.Scope, r.scoped = s, true
		case w == "dev":
			v, err := args.Value()
			if err != nil {
				return err
			}
			r.dev, r.hasDev = v, true
		case w == "label":
			v, err := args.Value()
			if err != nil {
				return err
			}
			r.add(unix.IFA_LABEL, append([]byte(v), 0))
		case m("metric") || m("priority") || m("preference"):
			v, err := args.Value()
			if err != nil {
				return err
			}
			n, ok := cnum.Uint32(v, 0)
			if !ok {
				return cmdline.InvalidArg("\"metric\" value is invalid\n", v)
			}
			r.add(unix.IFA_RT_PRIORITY, u32bytes(n))
		case m("valid_lft"):
			if r.validArg != "" {
				return cmdline.Duplicate("valid_lft", w)
			}
			v, err := args.Value()
			if err != nil {
				return err
			}
			r.validArg = v
			if r.valid, err = lifetime(v); err != nil {
				return cmdline.InvalidArg("valid_lft value", v)
			}
		case m("preferred_lft"):
			if r.prefArg != "" {
				return cmdline.Duplicate("preferred_lft", w)
			}
			v, err := args.Value()
			if err != nil {
				return err
			}
			r.prefArg = v
			if r.pref, err = lifetime(v); err != nil {
				return cmdline.InvalidArg("preferred_lft value", v)
			}
		case isIfaFlag(w):
			f, _ := addr.LookupIfaFlag(w)
			switch {
			case f.Readonly:
				env.Warnf("Warning: %s option is not mutable from userspace\n", f.Name)
			case f.V6Only && family() != unix.AF_INET6:
				env.Warnf("Warning: %s option can be set only for IPv6 addresses\n", f.Name)
			default:
				r.flags |= f.Mask
			}
		default:
			if w == "local" {
				v, err := args.Value()
				if err != nil {
					return err
				}
				w = v
			}
			if cmdline.Matches(w, "help") {
				return usage(env, false)
			}
			if r.hasLocal {
				return cmdline.Duplicate2("local", w)
			}
			p, err := cnum.GetPrefix(w, family())
			if err != nil {
				return err
			}
			// As iproute2's local_len: "any" and "all" carry no bytes, so
			// a second local word after them is read, not a duplicate.
			r.local, r.localArg, r.hasLocal = p, w, p.ByteLen != 0
			setFamily(p.Family)
			r.add(unix.IFA_LOCAL, p.Bytes())
		}
	}
	return nil
}

var errLifetime = errors.New("bad lifetime")

// lifetime is set_lifetime: "forever" or a 32-bit number of seconds.
func lifetime(s string) (uint32, error) {
	if s == "forever" {
		return infinityLife, nil
	}
	n, ok := cnum.Uint32(s, 0)
	if !ok {
		return 0, errLifetime
	}
	return n, nil
}

// defaultScope is host for 127/8 and global otherwise.
func defaultScope(p *cnum.Prefix) uint8 {
	if p.Family == unix.AF_INET && p.ByteLen >= 1 && p.Data[0] == 127 {
		return unix.RT_SCOPE_HOST
	}
	return 0
}

func isMulticast(p *cnum.Prefix) bool {
	switch {
	case p.Family == unix.AF_INET && p.ByteLen == 4:
		return p.Data[0]&0xf0 == 0xe0
	case p.Family == unix.AF_INET6 && p.ByteLen == 16:
		return p.Data[0] == 0xff
	}
	return false
}

func u32bytes(v uint32) []byte { return binary.NativeEndian.AppendUint32(nil, v) }

// isIfaFlag reports whether w names an address flag.
func isIfaFlag(w string) bool {
	_, ok := addr.LookupIfaFlag(w)
	return ok
}
