// Package ipneigh is the `ip neighbour` command line: its words, output
// and errors as iproute2's, over the neigh package.
package ipneigh

import (
	"encoding/binary"
	"errors"
	"fmt"

	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cmd/iproute"
	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/internal/cnum"
	"github.com/gipnet/gip/link"
	"github.com/gipnet/gip/neigh"
	"github.com/gipnet/gip/route"
	"github.com/gipnet/gip/rtnl"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// neighMaxRounds is how many dump-and-delete passes a flush makes before it
// gives up, as iproute2 does.
const neighMaxRounds = 10

// Run is the `ip neighbour` command. Verbs are tried in iproute2's
// order, which decides abbreviations.
func Run(env *cli.Env, args *cmdline.Args) error {
	if !args.More() {
		return neighList(env, args, false)
	}
	w := args.Next()
	m := func(kw string) bool { return cmdline.Matches(w, kw) }
	switch {
	case m("add"):
		return neighModify(env, unix.RTM_NEWNEIGH, rtnl.Create|rtnl.Excl, args)
	case m("change") || w == "chg":
		return neighModify(env, unix.RTM_NEWNEIGH, rtnl.Replace, args)
	case m("replace"):
		return neighModify(env, unix.RTM_NEWNEIGH, rtnl.Create|rtnl.Replace, args)
	case m("delete"):
		return neighModify(env, unix.RTM_DELNEIGH, 0, args)
	case m("get"):
		return neighGet(env, args)
	case m("show") || m("lst") || m("list"):
		return neighList(env, args, false)
	case m("flush"):
		return neighList(env, args, true)
	case m("help"):
		return neighUsage(env)
	}
	return cmdline.Fatal(cmdline.StatusUsage, "Command \"%s\" is unknown, try \"ip neigh help\".", w)
}

// neighUsage prints gip's summary of `ip neighbour` and fails with 255.
func neighUsage(env *cli.Env) error {
	env.P.Flush()
	fmt.Fprint(env.Stderr, `Usage: ip neigh { add | del | change | replace } { ADDR [ lladdr LLADDR ]
                [ nud STATE ] | proxy ADDR } [ dev DEV ] [ router ] [ use ]
                [ managed ] [ extern_learn ] [ protocol PROTO ]
       ip neigh { show | flush } [ proxy ] [ to PREFIX ] [ dev DEV ]
                [ nud STATE ] [ vrf NAME ] [ master DEV ] [ nomaster ]
                [ protocol PROTO ] [ unused ]
       ip neigh get { ADDR | proxy ADDR } dev DEV
STATE := { delay | failed | incomplete | noarp | none | permanent | probe |
           reachable | stale | all }
`)
	return cmdline.Usage()
}

// neighProxy reads the address after "proxy" (have: one was given already).
func neighProxy(family int, args *cmdline.Args, have bool) (cnum.Prefix, error) {
	v, err := args.Value()
	if err != nil {
		return cnum.Prefix{}, err
	}
	if cmdline.Matches(v, "help") {
		return cnum.Prefix{}, errNeighUsage
	}
	if have {
		return cnum.Prefix{}, cmdline.Duplicate("address", v)
	}
	return cnum.GetAddr(v, family)
}

// neighDest reads the destination word of add/del/get: "to" and a word
// abbreviating "help" each take the next word instead, as iproute2 does.
func neighDest(family int, args *cmdline.Args, w string, have bool) (cnum.Prefix, error) {
	w, err := args.After("to", w)
	if err != nil {
		return cnum.Prefix{}, err
	}
	if cmdline.Matches(w, "help") {
		if w, err = args.Value(); err != nil {
			return cnum.Prefix{}, err
		}
	}
	if have {
		return cnum.Prefix{}, cmdline.Duplicate2("to", w)
	}
	return cnum.GetAddr(w, family)
}

// neighModify is add, change, replace and delete.
func neighModify(env *cli.Env, cmd int, flags netlink.HeaderFlags, args *cmdline.Args) error {
	var c *rtnl.Conn
	body, err := neighRequest(env.Opts.Family, args, func(dev string) (uint32, error) {
		var err error
		if c, err = env.Conn(); err != nil {
			return 0, err
		}
		env.InitLinks()
		return iproute.DevIndex(env, dev)
	})
	if err != nil {
		if errors.Is(err, errNeighUsage) {
			return neighUsage(env)
		}
		return err
	}
	if c == nil {
		if c, err = env.Conn(); err != nil {
			return err
		}
	}
	if err := c.Exec(netlink.HeaderType(cmd), flags, body); err != nil {
		return cmdline.Fatal(cmdline.StatusRefused, "%s", err)
	}
	return nil
}

// errNeighUsage asks for the usage text (a "help" where an address goes).
var errNeighUsage = errors.New("usage")

// neighRequest reads the words of add/change/replace/delete into a struct
// neigh.Header and its attributes, in iproute2's order; ifindexOf looks up the
// device, after the words are read, as iproute2 does.
func neighRequest(family int, args *cmdline.Args, ifindexOf func(string) (uint32, error)) ([]byte, error) {
	var (
		dst                 cnum.Prefix
		dstOK, devOK, llaOK bool
		hasDev              bool // dev given: '' names no device
		dev, lla            string
		state               = uint16(unix.NUD_PERMANENT)
		ndmFlags            uint8
		extFlags            uint32
		// iproute2 adds NDA_PROTOCOL as each word is read, once per
		// word, into a request of NeighReqBound bytes.
		attrs  = netlink.NewAttributeEncoder()
		msgLen = rtnl.HeaderLen + neigh.HeaderLen
	)
	for args.More() {
		w := args.Next()
		switch {
		case cmdline.Matches(w, "lladdr"):
			v, err := args.Value()
			if err != nil {
				return nil, err
			}
			if llaOK {
				return nil, cmdline.Duplicate("lladdr", v)
			}
			lla, llaOK = v, true
		case w == "nud":
			v, err := args.Value()
			if err != nil {
				return nil, err
			}
			s, ok := neigh.ParseState(v)
			if !ok {
				return nil, cmdline.InvalidArg("nud state is bad", v)
			}
			state = uint16(s)
		case cmdline.Matches(w, "proxy"):
			var err error
			if dst, err = neighProxy(family, args, dstOK); err != nil {
				return nil, err
			}
			dstOK, devOK = true, true
			ndmFlags |= unix.NTF_PROXY
		case w == "router":
			ndmFlags |= unix.NTF_ROUTER
		case w == "use":
			ndmFlags |= unix.NTF_USE
		case w == "managed":
			extFlags |= neigh.ExtManaged
			state = unix.NUD_NONE
		case cmdline.Matches(w, "extern_learn"):
			ndmFlags |= unix.NTF_EXT_LEARNED
		case w == "dev":
			v, err := args.Value()
			if err != nil {
				return nil, err
			}
			dev, devOK, hasDev = v, true, true
		case cmdline.Matches(w, "protocol"):
			v, err := args.Value()
			if err != nil {
				return nil, err
			}
			p, ok := route.ParseProtocol(v)
			if !ok {
				return nil, cmdline.InvalidArg("\"protocol\" value is invalid\n", v)
			}
			if !rtnl.AttrFits(msgLen, 1, rtnl.NeighReqBound) {
				return nil, cmdline.Exit(cmdline.StatusFailed, "%s", rtnl.ExceededBound(rtnl.NeighReqBound))
			}
			attrs.Uint8(neigh.AttrProtocol, uint8(p))
			msgLen += rtnl.AttrLen(1)
		default:
			var err error
			if dst, err = neighDest(family, args, w, dstOK); err != nil {
				return nil, err
			}
			dstOK = true
		}
	}
	if !devOK || !dstOK || dst.Family == unix.AF_UNSPEC {
		return nil, cmdline.Fatal(cmdline.StatusUsage, "Device and destination are required arguments.")
	}
	ae := attrs
	// add adds an attribute as addattr_l does: one that does not fit the
	// request makes iproute2 give up with its line and exit status 1.
	add := func(typ uint16, b []byte) error {
		if !rtnl.AttrFits(msgLen, len(b), rtnl.NeighReqBound) {
			return cmdline.Exit(cmdline.StatusFailed, "%s", rtnl.ExceededBound(rtnl.NeighReqBound))
		}
		ae.Bytes(typ, b)
		msgLen += rtnl.AttrLen(len(b))
		return nil
	}
	if err := add(unix.NDA_DST, dst.Bytes()); err != nil {
		return nil, err
	}
	if extFlags != 0 {
		if err := add(neigh.AttrFlagsExt, binary.NativeEndian.AppendUint32(nil, extFlags)); err != nil {
			return nil, err
		}
	}
	if llaOK && lla != "null" {
		hw, err := link.ParseLLAddr(lla, 20)
		if err != nil {
			return nil, cmdline.Exit(cmdline.StatusFailed, "%s", err)
		}
		if err := add(unix.NDA_LLADDR, hw); err != nil {
			return nil, err
		}
	}
	var ifindex uint32
	if hasDev {
		var err error
		if ifindex, err = ifindexOf(dev); err != nil {
			return nil, err
		}
	}
	b, err := ae.Encode()
	if err != nil {
		return nil, err
	}
	return append(neigh.Header(uint8(dst.Family), int32(ifindex), state, ndmFlags), b...), nil
}

// neighGet is `ip neigh get ADDR dev DEV`: one entry, asked of the kernel.
func neighGet(env *cli.Env, args *cmdline.Args) error {
	var (
		dst          cnum.Prefix
		dstOK, devOK bool
		hasDev       bool // dev given: '' names no device
		dev          string
		ndmFlags     uint8
	)
	for args.More() {
		w := args.Next()
		switch {
		case w == "dev":
			v, err := args.Value()
			if err != nil {
				return err
			}
			dev, devOK, hasDev = v, true, true
		case cmdline.Matches(w, "proxy"):
			var err error
			if dst, err = neighProxy(env.Opts.Family, args, dstOK); err != nil {
				if errors.Is(err, errNeighUsage) {
					return neighUsage(env)
				}
				return err
			}
			dstOK, devOK = true, true
			ndmFlags |= unix.NTF_PROXY
		default:
			w, err := args.After("to", w)
			if err != nil {
				return err
			}
			if cmdline.Matches(w, "help") {
				return neighUsage(env)
			}
			if dstOK {
				return cmdline.Duplicate2("to", w)
			}
			if dst, err = cnum.GetAddr(w, env.Opts.Family); err != nil {
				return err
			}
			dstOK = true
		}
	}
	if !devOK || !dstOK || dst.Family == unix.AF_UNSPEC {
		return cmdline.Exit(cmdline.StatusFailed, "Device and address are required arguments.")
	}
	c, err := env.Conn()
	if err != nil {
		return err
	}
	var ifindex uint32
	if hasDev {
		if ifindex, err = iproute.DevIndex(env, dev); err != nil {
			return err
		}
	}
	ae := netlink.NewAttributeEncoder()
	ae.Bytes(unix.NDA_DST, dst.Bytes())
	attrs, err := ae.Encode()
	if err != nil {
		return err
	}
	body := append(neigh.Header(uint8(dst.Family), int32(ifindex), 0, ndmFlags), attrs...)
	m, err := c.Query(unix.RTM_GETNEIGH, 0, body)
	if err != nil {
		var ne *rtnl.Error
		if errors.As(err, &ne) {
			return cmdline.Exit(cmdline.StatusRefused, "%s", err)
		}
		return err
	}
	// iproute2 prints the answer outside any JSON document, so as text
	// even under -json.
	pr := newNeighPrinter(env, &neighFilter{state: ^uint32(0)})
	pr.p = env.P.Plain()
	defer pr.links.Close()
	pr.print(uint16(m.Header.Type), m.Header.Flags, m.Data)
	return nil
}
