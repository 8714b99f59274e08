// Package ipfou is `ip fou`: foo-over-UDP and GUE receive ports over
// generic netlink.
package ipfou

import (
	"errors"

	"github.com/gipnet/gip/format"
	"github.com/gipnet/gip/fou"
	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/internal/cnum"
	"github.com/gipnet/gip/internal/usage"
	"github.com/gipnet/gip/route"
	"github.com/gipnet/gip/rtnl"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// Run is `ip fou`. As in iproute2 the family is looked up before any word
// but help is read.
func Run(env *cli.Env, args *cmdline.Args) error {
	if !args.More() || cmdline.Matches(args.Peek(), "help") {
		return printUsage(env)
	}
	c, fam, err := env.GenlFamily(fou.FamilyName)
	if err != nil {
		return err
	}
	typ := netlink.HeaderType(fam.ID)
	w := args.Next()
	switch {
	case cmdline.Matches(w, "add"), cmdline.Matches(w, "delete"):
		cmd := uint8(fou.CmdDel)
		if cmdline.Matches(w, "add") {
			cmd = fou.CmdAdd
		}
		p, err := ParsePort(args, cmd == fou.CmdAdd, env.Opts.Family, func(name string) uint32 { return lookup(env, name) }, env.Warnf)
		if errors.Is(err, errUsage) {
			return printUsage(env)
		}
		if err != nil {
			return err
		}
		if err := c.Exec(typ, 0, fou.Request(cmd, p)); err != nil {
			return refusal(cmdline.StatusRefused, err)
		}
		return nil
	case cmdline.Matches(w, "show"):
		if args.More() {
			return cmdline.Exit(cmdline.StatusFailed, "\"ip fou show\" does not take any arguments.")
		}
		names := env.LinkNames()
		defer names.Close()
		pr := &Printer{P: env.P, Name: names.Name, Resolve: env.Opts.Resolve, Family: fam.ID}
		env.P.Begin()
		if err := c.Dump(typ, fou.DumpRequest(), pr.Print); err != nil {
			// do_show returns 1, which ip negates; the JSON array
			// stays open.
			env.P.Abandon()
			var re *rtnl.Error
			if errors.As(err, &re) {
				return cmdline.Exit(cmdline.StatusUsage, "%s\nDump terminated", re.Error())
			}
			return cmdline.Exit(cmdline.StatusUsage, "Dump terminated")
		}
		env.P.End()
		return nil
	}
	return cmdline.Fatal(cmdline.StatusUsage, "Command \"%s\" is unknown, try \"ip fou help\".", w)
}

func printUsage(env *cli.Env) error {
	env.P.Flush()
	usage.Fou(env.Stderr)
	return cmdline.Usage()
}

var errUsage = errors.New("usage")

func refusal(code int, err error) error {
	var re *rtnl.Error
	if errors.As(err, &re) {
		return cmdline.Exit(code, "%s", re.Error())
	}
	return cmdline.Exit(code, "%s", rtnl.ErrnoText(err))
}

// lookup is ll_name_to_index on env's namespace: 0 for no such device.
func lookup(env *cli.Env, name string) uint32 {
	if _, err := env.Conn(); err != nil {
		return 0
	}
	return env.LinkIndex(name)
}

// validIfname is iproute2's check_ifname: 1 to 15 bytes, no '/', no space.
func validIfname(s string) bool {
	if s == "" || len(s) >= unix.IFNAMSIZ {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] == '/' || cnum.IsSpace(s[i]) {
			return false
		}
	}
	return true
}

// ParsePort reads fou add's and del's words as fou_parse_opt does, with
// family the -4/-6 preference (AF_UNSPEC is AF_INET). Its late checks
// (missing port, ipproto or gue, peer without peer_port) are warned about
// and the request is still made, as iproute2 ignores their failure.
func ParsePort(args *cmdline.Args, adding bool, family int, index func(string) uint32, warn func(string, ...any)) (fou.Port, error) {
	var p fou.Port
	if family == unix.AF_UNSPEC {
		family = unix.AF_INET
	}
	var local, peer *string
	portSet, gue := false, false
	for args.More() {
		w := args.Next()
		m := func(kw string) bool { return cmdline.Matches(w, kw) }
		switch {
		case m("port"), m("peer_port") && !m("peer"):
			v, err := args.Value()
			if err != nil {
				return p, err
			}
			n, ok := cnum.Uint(v, 0, 0xffff)
			if !ok || n == 0 {
				if m("port") {
					return p, cmdline.InvalidArg("invalid port", v)
				}
				return p, cmdline.InvalidArg("invalid peer port", v)
			}
			if m("port") {
				p.Port, portSet = uint16(n), true
			} else {
				p.PeerPort = uint16(n)
			}
		case m("ipproto"):
			v, err := args.Value()
			if err != nil {
				return p, err
			}
			if n, ok := cnum.ProtoByName(v); ok {
				p.IPProto = n
			} else if n, ok := cnum.Uint(v, 0, 0xff); ok && n != 0 {
				p.IPProto = uint8(n)
			} else {
				return p, cmdline.InvalidArg("invalid ipproto", v)
			}
			p.HasIPProto = true
		case m("gue"):
			gue = true
		case m("-6"):
			family = unix.AF_INET6
		case m("local"):
			v, err := args.Value()
			if err != nil {
				return p, err
			}
			local = &v
		case m("peer"):
			v, err := args.Value()
			if err != nil {
				return p, err
			}
			peer = &v
		case m("dev"):
			v, err := args.Value()
			if err != nil {
				return p, err
			}
			if !validIfname(v) {
				return p, cmdline.Fatal(cmdline.StatusFailed, "fou: invalid device name")
			}
			idx := index(v)
			if idx == 0 {
				return p, cmdline.Fatal(cmdline.StatusFailed, "fou: unknown device name")
			}
			p.IfIndex = int32(idx)
		default:
			warn("fou: unknown command \"%s\"?\n", w)
			return p, errUsage
		}
	}
	switch {
	case !portSet:
		warn("fou: missing port\n")
	case !p.HasIPProto && !gue && adding:
		warn("fou: must set ipproto or gue\n")
	case p.HasIPProto && gue:
		warn("fou: cannot set ipproto and gue\n")
	case (p.PeerPort != 0 && peer == nil) || (peer != nil && p.PeerPort == 0):
		warn("fou: both peer and peer port must be set\n")
	}
	p.Type = fou.EncapDirect
	if gue {
		p.Type = fou.EncapGUE
	}
	p.Family = uint8(family)
	if local != nil {
		a, err := cnum.GetAddr(*local, family)
		if err != nil {
			return p, err
		}
		p.Local = append([]byte{}, a.Bytes()...)
	}
	if peer != nil {
		a, err := cnum.GetAddr(*peer, family)
		if err != nil {
			return p, err
		}
		p.Peer = append([]byte{}, a.Bytes()...)
	} else {
		// The peer port goes out only with a peer.
		p.PeerPort = 0
	}
	return p, nil
}

// Printer prints fou ports as iproute2 6.1's print_fou_mapping.
type Printer struct {
	P *format.Printer
	// Name is ll_index_to_name.
	Name func(uint32) string
	// Resolve prints addresses as host names.
	Resolve bool
	// Family is the family id; messages of other types are skipped.
	Family uint16
}

var errBad = errors.New("bad fou message")

// Print prints one port.
func (pr *Printer) Print(reply netlink.Message) error {
	if uint16(reply.Header.Type) != pr.Family {
		return nil
	}
	m, ok := fou.Parse(reply.Data)
	if !ok {
		return errBad
	}
	port := m.Port()
	a := &m.Attrs
	p := pr.P
	p.OpenObject("")
	if a[fou.AttrPort] != nil {
		p.Uint(format.Any, "port", "port %u", uint64(port.Port))
	}
	if a[fou.AttrType] != nil && port.Type == fou.EncapGUE {
		p.Null(format.Any, "gue", " gue", "")
	} else if port.HasIPProto {
		p.Uint(format.Any, "ipproto", " ipproto %u", uint64(port.IPProto))
	}
	family := int(port.Family)
	if a[fou.AttrAF] != nil {
		p.String(format.JSON, "family", "", cnum.FamilyName(family))
		if family == unix.AF_INET6 {
			p.Text(" -6")
		}
	}
	n := cnum.AddrBits(family) / 8
	nonzero := func(b []byte) bool {
		for _, c := range b[:min(n, len(b))] {
			if c != 0 {
				return true
			}
		}
		return false
	}
	local, peer := fou.AttrLocalV6, fou.AttrPeerV6
	if family == unix.AF_INET {
		local, peer = fou.AttrLocalV4, fou.AttrPeerV4
	}
	if a[local] != nil && nonzero(port.Local) {
		p.String(format.Any, "local", " local %s", route.HostText(pr.Resolve, family, a[local]))
	}
	if a[peer] != nil && nonzero(port.Peer) {
		p.String(format.Any, "peer", " peer %s", route.HostText(pr.Resolve, family, a[peer]))
	}
	if a[fou.AttrPeerPort] != nil && port.PeerPort != 0 {
		p.Uint(format.Any, "peer_port", " peer_port %u", uint64(port.PeerPort))
	}
	if a[fou.AttrIfIndex] != nil && port.IfIndex != 0 && pr.Name != nil {
		p.String(format.Any, "dev", " dev %s", pr.Name(uint32(port.IfIndex)))
	}
	p.Text("\n")
	p.CloseObject()
	return nil
}
