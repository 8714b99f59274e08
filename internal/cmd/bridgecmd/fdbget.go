package bridgecmd

import (
	"context"
	"fmt"
	"github.com/gipnet/gip/bridge"

	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/internal/cnum"
	"github.com/gipnet/gip/rtnl"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// NDA_NDM_STATE_MASK, NDA_NDM_FLAGS_MASK (linux/neighbour.h) and
// NLM_F_BULK (linux/netlink.h), for fdb flush.
const (
	ndaNDMStateMask = 16
	ndaNDMFlagsMask = 17
	nlmFBulk        = 0x200
)

// fdbGetRequest is what `bridge fdb get` read.
type fdbGetRequest struct {
	dev, br  string
	haveDev  bool
	haveBr   bool
	addr     string
	haveAddr bool
	vni      uint64
	vlan     int16
	ndmFlags uint8
	dynamic  bool
	mac      []byte
	index    int32
	brIndex  int32
}

func parseFDBGet(args *cmdline.Args) (*fdbGetRequest, error) {
	r := &fdbGetRequest{vni: ^uint64(0), vlan: -1}
	for args.More() {
		w := args.Next()
		switch {
		case w == "brport", w == "dev":
			v, err := args.Value()
			if err != nil {
				return nil, err
			}
			r.dev, r.haveDev = v, true
		case w == "br":
			v, err := args.Value()
			if err != nil {
				return nil, err
			}
			r.br, r.haveBr = v, true
		case w == "vni":
			v, err := args.Value()
			if err != nil {
				return nil, err
			}
			n, ok := strtoulEnd(v)
			if !ok || n>>24 != 0 {
				return nil, cmdline.InvalidArg("invalid VNI\n", v)
			}
			r.vni = n
		case w == "self":
			r.ndmFlags |= unix.NTF_SELF
		case cmdline.Matches(w, "master"):
			r.ndmFlags |= unix.NTF_MASTER
		case cmdline.Matches(w, "vlan"):
			if r.vlan >= 0 {
				return nil, cmdline.Duplicate2("vlan", w)
			}
			v, err := args.Value()
			if err != nil {
				return nil, err
			}
			r.vlan = int16(cnum.Atoi(v))
		case cmdline.Matches(w, "dynamic"):
			r.dynamic = true
		default:
			w, err := args.After("to", w)
			if err != nil {
				return nil, err
			}
			if cmdline.Matches(w, "help") {
				return nil, errUsage
			}
			if r.haveAddr {
				return nil, cmdline.Duplicate2("to", w)
			}
			r.addr, r.haveAddr = w, true
		}
	}
	if (!r.haveDev && !r.haveBr) || !r.haveAddr {
		return nil, cmdline.Exit(cmdline.StatusUsage, "Device or master and address are required arguments.")
	}
	mac, ok := parseMAC(r.addr)
	if !ok {
		return nil, cmdline.Exit(cmdline.StatusUsage, "Invalid mac address %s", r.addr)
	}
	r.mac = mac
	return r, nil
}

// body is the RTM_GETNEIGH request after the header.
func (r *fdbGetRequest) body() []byte {
	hdr := make([]byte, unix.SizeofNdMsg)
	hdr[0] = unix.AF_BRIDGE
	ne.PutUint32(hdr[4:8], uint32(r.index))
	hdr[10] = r.ndmFlags
	b, _ := rtnl.Body(hdr, func(ae *netlink.AttributeEncoder) error {
		ae.Bytes(unix.NDA_LLADDR, r.mac)
		if r.vlan >= 0 {
			ae.Uint16(unix.NDA_VLAN, uint16(r.vlan))
		}
		if r.vni != ^uint64(0) {
			ae.Uint32(unix.NDA_VNI, uint32(r.vni))
		}
		if r.brIndex != 0 {
			ae.Uint32(unix.NDA_MASTER, uint32(r.brIndex))
		}
		return nil
	})
	return b
}

// fdbGet is `bridge fdb get`: one RTM_GETNEIGH, its answer printed as
// `fdb show` prints an entry.
func fdbGet(env *cli.Env, args *cmdline.Args) error {
	r, err := parseFDBGet(args)
	if err == errUsage {
		return fdbUsage(env)
	}
	if err != nil {
		return err
	}
	c, err := env.Conn()
	if err != nil {
		return err
	}
	if r.haveDev {
		idx, err := llIndex(c, r.dev)
		if err != nil {
			return err
		}
		if idx == 0 {
			return cmdline.Exit(cmdline.StatusUsage, "Cannot find device \"%s\"", r.dev)
		}
		r.index = int32(idx)
	}
	if r.haveBr {
		idx, err := llIndex(c, r.br)
		if err != nil {
			return err
		}
		if idx == 0 {
			return cmdline.Exit(cmdline.StatusUsage, "Cannot find bridge device \"%s\"", r.br)
		}
		r.brIndex = int32(idx)
	}
	m, err := c.Query(unix.RTM_GETNEIGH, 0, r.body())
	if err != nil {
		env.Warnf("%s\n", err.Error())
		return cmdline.Silent(cmdline.StatusNeg2)
	}
	names, err := linkNames(c)
	if err != nil {
		return err
	}
	p := env.P
	p.Begin()
	// print_fdb filters with fdb show's statics, which `dynamic` sets too.
	f := &stateOf(env).fdb
	if r.dynamic {
		f.dynamic = true
	}
	printFDB(p, env.Opts.Stats > 0, f, names, m)
	p.End()
	return nil
}

// linkNames returns ll_index_to_name over one link dump.
func linkNames(c *rtnl.Conn) (func(int32) string, error) {
	links, err := bridge.DumpLinks(context.Background(), c)
	if err != nil {
		return nil, err
	}
	names := make(map[int32]string, len(links))
	for _, l := range links {
		names[int32(l.Index)] = l.Name
	}
	return func(i int32) string {
		if n, ok := names[i]; ok {
			return n
		}
		return fmt.Sprintf("if%d", i)
	}, nil
}

// fdbFlushRequest is what `bridge fdb flush` read.
type fdbFlushRequest struct {
	dev, port         string
	haveDev, havePort bool
	vid               int16
	flags, flagsMask  uint16
	state, stateMask  uint16
	index, portIndex  int32
}

func parseFDBFlush(args *cmdline.Args) (*fdbFlushRequest, error) {
	r := &fdbFlushRequest{vid: -1, portIndex: -1}
	for args.More() {
		w := args.Next()
		switch w {
		case "dev":
			v, err := args.Value()
			if err != nil {
				return nil, err
			}
			r.dev, r.haveDev = v, true
		case "master":
			r.flags |= unix.NTF_MASTER
		case "self":
			r.flags |= unix.NTF_SELF
		case "permanent":
			r.state |= unix.NUD_PERMANENT
			r.stateMask |= unix.NUD_PERMANENT
		case "nopermanent":
			r.state &^= unix.NUD_PERMANENT
			r.stateMask |= unix.NUD_PERMANENT
		case "static":
			r.state |= unix.NUD_NOARP
			r.stateMask |= unix.NUD_NOARP | unix.NUD_PERMANENT
		case "nostatic":
			r.state &^= unix.NUD_NOARP
			r.stateMask |= unix.NUD_NOARP
		case "dynamic":
			r.state &^= unix.NUD_NOARP
			r.stateMask |= unix.NUD_NOARP | unix.NUD_PERMANENT
		case "nodynamic":
			r.state |= unix.NUD_NOARP
			r.stateMask |= unix.NUD_NOARP
		default:
			if bit, no, ok := fdbFlushFlag(w); ok {
				if no {
					r.flags &^= bit
				} else {
					r.flags |= bit
				}
				r.flagsMask |= bit
				continue
			}
			switch w {
			case "brport":
				if r.havePort {
					return nil, cmdline.Duplicate2("brport", w)
				}
				v, err := args.Value()
				if err != nil {
					return nil, err
				}
				r.port, r.havePort = v, true
			case "vlan":
				if r.vid >= 0 {
					return nil, cmdline.Duplicate2("vlan", w)
				}
				v, err := args.Value()
				if err != nil {
					return nil, err
				}
				r.vid = int16(cnum.Atoi(v))
			case "help":
				// iproute2 skips the word after "help" (and other
				// unknown words) instead of printing its usage.
				if _, err := args.Value(); err != nil {
					return nil, err
				}
			}
		}
	}
	if !r.haveDev {
		return nil, cmdline.Exit(cmdline.StatusUsage, "Device is a required argument.")
	}
	return r, nil
}

// fdbFlushFlag is one of flush's NTF_* words: the bit, and whether the
// word is its "no" form.
func fdbFlushFlag(w string) (bit uint16, no, ok bool) {
	name, no := w, false
	if len(w) > 2 && w[:2] == "no" {
		name, no = w[2:], true
	}
	switch name {
	case "added_by_user":
		return ntfUse, no, true
	case "extern_learn":
		return unix.NTF_EXT_LEARNED, no, true
	case "sticky":
		return ntfSticky, no, true
	case "offloaded":
		return unix.NTF_OFFLOADED, no, true
	}
	return 0, false, false
}

// check is the part of fdb flush's checks that follows the device look-ups.
func (r *fdbFlushRequest) check() error {
	if r.vid >= 4096 {
		return cmdline.Exit(cmdline.StatusUsage, "Invalid VLAN ID \"%d\"", uint16(r.vid))
	}
	return nil
}

// body is the bulk RTM_DELNEIGH request after the header.
func (r *fdbFlushRequest) body() []byte {
	flags := r.flags
	if flags&(unix.NTF_SELF|unix.NTF_MASTER) == 0 {
		flags |= unix.NTF_SELF
	}
	hdr := make([]byte, unix.SizeofNdMsg)
	hdr[0] = unix.AF_BRIDGE
	ne.PutUint32(hdr[4:8], uint32(r.index))
	ne.PutUint16(hdr[8:10], r.state)
	hdr[10] = uint8(flags)
	b, _ := rtnl.Body(hdr, func(ae *netlink.AttributeEncoder) error {
		if r.portIndex > -1 {
			ae.Uint32(unix.NDA_IFINDEX, uint32(r.portIndex))
		}
		if r.vid > -1 {
			ae.Uint16(unix.NDA_VLAN, uint16(r.vid))
		}
		if r.flagsMask != 0 {
			ae.Uint8(ndaNDMFlagsMask, uint8(r.flagsMask))
		}
		if r.stateMask != 0 {
			ae.Uint16(ndaNDMStateMask, r.stateMask)
		}
		return nil
	})
	return b
}

// fdbFlush is `bridge fdb flush`: one bulk RTM_DELNEIGH.
func fdbFlush(env *cli.Env, args *cmdline.Args) error {
	r, err := parseFDBFlush(args)
	if err != nil {
		return err
	}
	c, err := env.Conn()
	if err != nil {
		return err
	}
	idx, err := llIndex(c, r.dev)
	if err != nil {
		return err
	}
	if idx == 0 {
		return cmdline.Exit(cmdline.StatusUsage, "Cannot find bridge device \"%s\"", r.dev)
	}
	r.index = int32(idx)
	if r.havePort {
		idx, err := llIndex(c, r.port)
		if err != nil {
			return err
		}
		// iproute2 keeps the index in a short.
		if int16(idx) == 0 {
			return cmdline.Exit(cmdline.StatusUsage, "Cannot find bridge port device \"%s\"", r.port)
		}
		r.portIndex = int32(int16(idx))
	}
	if err := r.check(); err != nil {
		return err
	}
	if err := c.Exec(unix.RTM_DELNEIGH, nlmFBulk, r.body()); err != nil {
		env.Warnf("%s\n", err.Error())
		return cmdline.Silent(cmdline.StatusUsage)
	}
	return nil
}
