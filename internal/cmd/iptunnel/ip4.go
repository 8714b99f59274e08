package iptunnel

import (
	"encoding/binary"
	"net/netip"
	"strings"

	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/internal/cnum"
	"github.com/gipnet/gip/route"
	"github.com/gipnet/gip/tunnel"
	"golang.org/x/sys/unix"
)

// addr32 is iproute2's get_addr32: an IPv4 address (any is 0.0.0.0), or
// its error, which ends ip with status 1.
func addr32(w string) (netip.Addr, error) {
	p, ok := cnum.ParseAddr(w, unix.AF_INET)
	if !ok {
		return netip.Addr{}, cmdline.Fatal(cmdline.StatusFailed, "Error: an IP address is expected rather than \"%s\"", w)
	}
	return netip.AddrFrom4([4]byte(p.Data[:4])), nil
}

// parseKey is tnl_parse_key: a dotted quad, or an unsigned number of any
// base, as the host number of the big-endian key.
func parseKey(kw, w string) (uint32, error) {
	if strings.IndexByte(w, '.') >= 0 {
		a, err := addr32(w)
		if err != nil {
			return 0, err
		}
		return binary.BigEndian.Uint32(a.AsSlice()), nil
	}
	v, ok := cnum.Uint32(w, 0)
	if !ok {
		return 0, cmdline.Fatal(cmdline.StatusUsage, "invalid value for \"%s\": \"%s\"; it should be an unsigned integer", kw, w)
	}
	return v, nil
}

// greWord reads the key, sequence and checksum words both families share;
// it reports whether w was one of them.
func greWord(w string, args *cmdline.Args, iflags, oflags *uint16, ikey, okey *uint32) (bool, error) {
	var flag uint16
	in, out := true, true
	switch w {
	case "key", "ikey", "okey":
		v, err := args.Value()
		if err != nil {
			return true, err
		}
		k, err := parseKey(w, v)
		if err != nil {
			return true, err
		}
		if w != "okey" {
			*iflags |= tunnel.FlagKey
			*ikey = k
		}
		if w != "ikey" {
			*oflags |= tunnel.FlagKey
			*okey = k
		}
		return true, nil
	case "seq":
		flag = tunnel.FlagSeq
	case "iseq":
		flag, out = tunnel.FlagSeq, false
	case "oseq":
		flag, in = tunnel.FlagSeq, false
	case "csum":
		flag = tunnel.FlagCsum
	case "icsum":
		flag, out = tunnel.FlagCsum, false
	case "ocsum":
		flag, in = tunnel.FlagCsum, false
	default:
		return false, nil
	}
	if in {
		*iflags |= flag
	}
	if out {
		*oflags |= flag
	}
	return true, nil
}

// nameWord reads a word that is no keyword: "name NAME", an abbreviation
// of help (the usage text), or the tunnel's name, which may come once and
// must be a valid device name; have is the name read before, if any.
func (t *tool) nameWord(w string, args *cmdline.Args, have string) (string, error) {
	if w == "name" {
		v, err := args.Value()
		if err != nil {
			return "", err
		}
		w = v
	} else if cmdline.Matches(w, "help") {
		return "", t.usage()
	}
	if have != "" {
		return "", cmdline.Duplicate2("name", w)
	}
	if !tunnel.ValidName(w) {
		return "", cmdline.InvalidArg("\"name\" not a valid ifname", w)
	}
	return w, nil
}

// setMode is set_tunnel_proto: one mode only.
func setMode(p *tunnel.Parm, proto uint8) error {
	if p.Protocol != 0 && p.Protocol != proto {
		return cmdline.Fatal(cmdline.StatusUsage, "You managed to ask for more than one tunnel mode.")
	}
	p.Protocol = proto
	return nil
}

// parse4 reads the words of `ip tunnel add|change|del|show` as iproute2's
// parse_args does, for ioctl cmd.
func (t *tool) parse4(args *cmdline.Args, cmd uint) (tunnel.Parm, error) {
	p := tunnel.NewParm()
	isatap := false
	medium, hasMedium := "", false
	for count := 0; args.More(); count++ {
		w := args.Next()
		if ok, err := greWord(w, args, &p.IFlags, &p.OFlags, &p.IKey, &p.OKey); ok {
			if err != nil {
				return p, err
			}
			continue
		}
		var err error
		switch {
		case w == "mode":
			var v string
			if v, err = args.Value(); err != nil {
				return p, err
			}
			switch v {
			case "ipip", "ip/ip":
				err = setMode(&p, tunnel.ProtoIPIP)
			case "gre", "gre/ip":
				err = setMode(&p, tunnel.ProtoGRE)
			case "sit", "ipv6/ip":
				err = setMode(&p, tunnel.ProtoIPv6)
			case "isatap":
				err = setMode(&p, tunnel.ProtoIPv6)
				isatap = true
			case "vti":
				err = setMode(&p, tunnel.ProtoIPIP)
				p.IFlags |= tunnel.FlagVTI
			default:
				err = cmdline.Fatal(cmdline.StatusUsage, "Unknown tunnel mode \"%s\"", v)
			}
		case w == "nopmtudisc":
			p.FragOff = 0
		case w == "pmtudisc":
			p.FragOff = tunnel.IPDF
		case w == "remote", w == "local":
			var v string
			if v, err = args.Value(); err != nil {
				return p, err
			}
			var a netip.Addr
			if a, err = addr32(v); err == nil {
				if w == "remote" {
					p.Remote = a
				} else {
					p.Local = a
				}
			}
		case w == "dev":
			medium, err = args.Value()
			hasMedium = true
		case w == "ttl", w == "hoplimit", w == "hlim":
			var v string
			if v, err = args.Value(); err != nil {
				return p, err
			}
			if v != "inherit" {
				n, ok := cnum.Uint(v, 0, 255)
				if !ok {
					return p, cmdline.InvalidArg("invalid TTL\n", v)
				}
				p.TTL = uint8(n)
			}
		case w == "tos", w == "tclass", cmdline.Matches(w, "dsfield"):
			var v string
			if v, err = args.Value(); err != nil {
				return p, err
			}
			err = parseTOS(&p, v)
		default:
			var name string
			if name, err = t.nameWord(w, args, p.Name); err != nil {
				return p, err
			}
			p.Name = name
			if cmd == tunnel.SIOCCHGTUNNEL && count == 0 {
				old := make([]byte, tunnel.ParmLen)
				if err := t.ioctl(tunnel.SIOCGETTUNNEL, name, old); err != nil {
					return p, err
				}
				p, _ = tunnel.DecodeParm(old)
			}
		}
		if err != nil {
			return p, err
		}
	}
	if p.Protocol == 0 {
		switch {
		case strings.HasPrefix(p.Name, "gre"):
			p.Protocol = tunnel.ProtoGRE
		case strings.HasPrefix(p.Name, "ipip"):
			p.Protocol = tunnel.ProtoIPIP
		case strings.HasPrefix(p.Name, "sit"):
			p.Protocol = tunnel.ProtoIPv6
		case strings.HasPrefix(p.Name, "isatap"):
			p.Protocol = tunnel.ProtoIPv6
			isatap = true
		case strings.HasPrefix(p.Name, "vti"):
			p.Protocol = tunnel.ProtoIPIP
			p.IFlags |= tunnel.FlagVTI
		}
	}
	if (p.IFlags|p.OFlags)&tunnel.FlagKey != 0 && p.IFlags&tunnel.FlagVTI == 0 && p.Protocol != tunnel.ProtoGRE {
		return p, cmdline.Exit(cmdline.StatusFailed, "Keys are not allowed with ipip and sit tunnels")
	}
	if hasMedium {
		idx, err := t.devIndex(medium)
		if err != nil {
			return p, err
		}
		if idx == 0 {
			return p, cmdline.Exit(cmdline.StatusFailed, "Cannot find device \"%s\"", medium)
		}
		p.Link = idx
	}
	remote := p.Remote.As4()
	multicast := remote[0]&0xf0 == 0xe0
	if multicast {
		daddr := binary.BigEndian.Uint32(remote[:])
		if p.IKey == 0 {
			p.IKey = daddr
			p.IFlags |= tunnel.FlagKey
		}
		if p.OKey == 0 {
			p.OKey = daddr
			p.OFlags |= tunnel.FlagKey
		}
		if p.Local.As4() == [4]byte{} {
			return p, cmdline.Exit(cmdline.StatusFailed, "A broadcast tunnel requires a source address")
		}
	}
	if isatap {
		p.IFlags |= tunnel.FlagISATAP
	}
	return p, nil
}

// parseTOS reads tos's value: a dsfield name or hex number, "inherit", or
// "inherit/" and a value. Text after a '/' not preceded by "inherit" is
// ignored, as iproute2 cuts the word there.
func parseTOS(p *tunnel.Parm, v string) error {
	before, after, slash := strings.Cut(v, "/")
	ds, read := after, slash
	if before != "inherit" {
		ds, read = before, true
		p.TOS = 0
	} else {
		p.TOS = 1
	}
	if read {
		n, ok := route.ParseDSField(ds)
		if !ok {
			return cmdline.InvalidArg("bad TOS value", before)
		}
		p.TOS |= n
	}
	return nil
}

func (t *tool) add4(args *cmdline.Args, cmd uint) error {
	p, err := t.parse4(args, cmd)
	if err != nil {
		return err
	}
	if p.TTL != 0 && p.FragOff == 0 {
		return cmdline.Exit(cmdline.StatusFailed, "ttl != 0 and nopmtudisc are incompatible")
	}
	dev := p.FallbackDevice()
	if dev == "" {
		return cmdline.Exit(cmdline.StatusFailed, "cannot determine tunnel mode (ipip, gre, vti or sit)")
	}
	if cmd == tunnel.SIOCCHGTUNNEL && p.Name != "" {
		dev = p.Name
	}
	return t.ioctl(cmd, dev, p.Marshal())
}

func (t *tool) del4(args *cmdline.Args) error {
	p, err := t.parse4(args, tunnel.SIOCDELTUNNEL)
	if err != nil {
		return err
	}
	dev := p.Name
	if dev == "" {
		dev = p.FallbackDevice()
	}
	return t.ioctl(tunnel.SIOCDELTUNNEL, dev, p.Marshal())
}

func (t *tool) show4(args *cmdline.Args) error {
	p, err := t.parse4(args, tunnel.SIOCGETTUNNEL)
	if err != nil {
		return err
	}
	dev := p.FallbackDevice()
	if dev == "" {
		return t.list(&p, nil)
	}
	if p.Name != "" {
		dev = p.Name
	}
	b := p.Marshal()
	if err := t.ioctl(tunnel.SIOCGETTUNNEL, dev, b); err != nil {
		return err
	}
	p, _ = tunnel.DecodeParm(b)
	// No JSON document is open here: iproute2 prints text even under -json.
	pr := t.printer(t.env.P.Plain())
	pr.Parm(p, t.extras(p))
	pr.p.Text("\n")
	return nil
}

// prl is `ip tunnel prl`: one change of an ISATAP tunnel's potential
// router list.
func (t *tool) prl(args *cmdline.Args) error {
	var e tunnel.PRLEntry
	var cmd uint
	count := 0
	medium, hasMedium := "", false
	for args.More() {
		w := args.Next()
		switch w {
		case "prl-default", "prl-nodefault", "prl-delete":
			v, err := args.Value()
			if err != nil {
				return err
			}
			cmd = tunnel.SIOCADDPRL
			if w == "prl-delete" {
				cmd = tunnel.SIOCDELPRL
			}
			if e.Addr, err = addr32(v); err != nil {
				return err
			}
			if w == "prl-default" {
				e.Flags |= tunnel.PRLDefault
			}
			count++
		case "dev":
			v, err := args.Value()
			if err != nil {
				return err
			}
			if !tunnel.ValidName(v) {
				return cmdline.InvalidArg("\"dev\" not a valid ifname", v)
			}
			medium, hasMedium = v, true
		default:
			return cmdline.Fatal(cmdline.StatusUsage, "Invalid PRL parameter \"%s\"", w)
		}
		if count > 1 {
			return cmdline.Fatal(cmdline.StatusUsage, "One PRL entry at a time")
		}
	}
	if !hasMedium {
		return cmdline.Fatal(cmdline.StatusUsage, "Must specify device")
	}
	return t.ioctl(cmd, medium, e.Marshal())
}

// sixRD is `ip tunnel 6rd`: set or reset a sit tunnel's 6rd prefixes.
func (t *tool) sixRD(args *cmdline.Args) error {
	var r tunnel.SixRD
	var cmd uint
	medium, hasMedium := "", false
	for args.More() {
		w := args.Next()
		switch w {
		case "6rd-prefix", "6rd-relay_prefix":
			v, err := args.Value()
			if err != nil {
				return err
			}
			cmd = tunnel.SIOCADD6RD
			family := unix.AF_INET6
			if w == "6rd-relay_prefix" {
				family = unix.AF_INET
			}
			pfx, err := cnum.GetPrefix(v, family)
			if err != nil {
				return err
			}
			if family == unix.AF_INET6 {
				r.Prefix, r.PrefixLen = netip.AddrFrom16(pfx.Data), uint16(pfx.BitLen)
			} else {
				r.RelayPrefix, r.RelayPrefixLen = netip.AddrFrom4([4]byte(pfx.Data[:4])), uint16(pfx.BitLen)
			}
		case "6rd-reset":
			cmd = tunnel.SIOCDEL6RD
		case "dev":
			v, err := args.Value()
			if err != nil {
				return err
			}
			if !tunnel.ValidName(v) {
				return cmdline.InvalidArg("\"dev\" not a valid ifname", v)
			}
			medium, hasMedium = v, true
		default:
			return cmdline.Fatal(cmdline.StatusUsage, "Invalid 6RD parameter \"%s\"", w)
		}
	}
	if !hasMedium {
		return cmdline.Fatal(cmdline.StatusUsage, "Must specify device")
	}
	return t.ioctl(cmd, medium, r.Marshal())
}
