// Package ipila is `ip ila`: Identifier-Locator Addressing mappings over
// generic netlink.
package ipila

import (
	"encoding/binary"
	"errors"
	"fmt"

	"github.com/gipnet/gip/format"
	"github.com/gipnet/gip/ila"
	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/internal/cnum"
	"github.com/gipnet/gip/internal/usage"
	"github.com/gipnet/gip/rtnl"
	"github.com/mdlayher/netlink"
)

// Run is `ip ila`. As in iproute2 the family is looked up before any word
// but help is read.
func Run(env *cli.Env, args *cmdline.Args) error {
	if !args.More() || cmdline.Matches(args.Peek(), "help") {
		return printUsage(env)
	}
	c, fam, err := env.GenlFamily(ila.FamilyName)
	if err != nil {
		return err
	}
	typ := netlink.HeaderType(fam.ID)
	w := args.Next()
	switch {
	case cmdline.Matches(w, "add"), cmdline.Matches(w, "delete"):
		cmd := uint8(ila.CmdDel)
		if cmdline.Matches(w, "add") {
			cmd = ila.CmdAdd
		}
		m, err := ParseMapping(args, cmd == ila.CmdAdd, func(name string) uint32 { return lookup(env, name) }, env.Warnf)
		if errors.Is(err, errUsage) {
			return printUsage(env)
		}
		if err := c.Exec(typ, 0, ila.Request(cmd, m)); err != nil {
			var re *rtnl.Error
			if errors.As(err, &re) {
				return cmdline.Exit(cmdline.StatusRefused, "%s", re.Error())
			}
			return cmdline.Exit(cmdline.StatusRefused, "%s", rtnl.ErrnoText(err))
		}
		return nil
	case cmdline.Matches(w, "list"):
		if args.More() {
			return cmdline.Exit(cmdline.StatusFailed, "\"ip ila show\" does not take any arguments.")
		}
		names := env.LinkNames()
		defer names.Close()
		pr := &Printer{P: env.P, Name: names.Name, Family: fam.ID}
		env.P.Begin()
		if err := c.Dump(typ, ila.DumpRequest(), pr.Print); err != nil {
			// do_list returns 1, which ip negates; the JSON array
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
	return cmdline.Fatal(cmdline.StatusUsage, "Command \"%s\" is unknown, try \"ip ila help\".", w)
}

func printUsage(env *cli.Env) error {
	env.P.Flush()
	usage.Ila(env.Stderr)
	return cmdline.Usage()
}

var errUsage = errors.New("usage")

// errIgnored is a failure of ila_parse_opt, whose result iproute2 does
// not look at: the request goes out without attributes.
var errIgnored = errors.New("ignored")

// lookup is ll_name_to_index on env's namespace: 0 for no such device.
func lookup(env *cli.Env, name string) uint32 {
	if _, err := env.Conn(); err != nil {
		return 0
	}
	return env.LinkIndex(name)
}

// ParseAddr64 is iproute2's get_addr64: up to four hex words separated by
// colons, each in network order; missing words are zero.
func ParseAddr64(s string) (uint64, bool) {
	var b [8]byte
	for i := 0; i < 4; i++ {
		n, rest, digits, overflow := cnum.Strtoul(s, 16)
		if overflow || n > 0xffff || !digits {
			return 0, false
		}
		binary.BigEndian.PutUint16(b[2*i:], uint16(n))
		if rest == "" {
			break
		}
		if i == 3 || rest[0] != ':' {
			return 0, false
		}
		s = rest[1:]
	}
	return binary.NativeEndian.Uint64(b[:]), true
}

// ParseMapping reads ila add's and del's words as ila_parse_opt does.
// Its failures are warned about and, as iproute2 ignores them, the
// mapping returned is then empty and the request still made; an unknown
// word is errUsage.
func ParseMapping(args *cmdline.Args, adding bool, index func(string) uint32, warn func(string, ...any)) (ila.Mapping, error) {
	m, err := parseMapping(args, adding, index, warn)
	if errors.Is(err, errIgnored) {
		return ila.Mapping{}, nil
	}
	return m, err
}

func parseMapping(args *cmdline.Args, adding bool, index func(string) uint32, warn func(string, ...any)) (ila.Mapping, error) {
	var m ila.Mapping
	bad := func(format, v string) error {
		warn(format, v)
		return errIgnored
	}
	for args.More() {
		w := args.Next()
		if !cmdline.Matches(w, "loc") && !cmdline.Matches(w, "loc_match") && !cmdline.Matches(w, "csum-mode") &&
			!cmdline.Matches(w, "ident-type") && !cmdline.Matches(w, "dev") {
			return m, errUsage
		}
		v, err := args.Value()
		if err != nil {
			return m, err
		}
		switch {
		case cmdline.Matches(w, "loc"):
			if m.Locator, m.HasLocator = ParseAddr64(v); !m.HasLocator {
				return m, bad("Bad locator: %s\n", v)
			}
		case cmdline.Matches(w, "loc_match"):
			if m.LocatorMatch, m.HasLocatorMatch = ParseAddr64(v); !m.HasLocatorMatch {
				return m, bad("Bad locator to match: %s\n", v)
			}
		case cmdline.Matches(w, "csum-mode"):
			for _, c := range ila.CsumModes {
				if c.Name == v {
					m.CsumMode, m.HasCsumMode = c.Mode, true
				}
			}
			if !m.HasCsumMode {
				return m, bad("Bad csum-mode: %s\n", v)
			}
		case cmdline.Matches(w, "ident-type"):
			for _, t := range ila.IdentTypes {
				if t.Name == v {
					m.IdentType, m.HasIdentType = t.Type, true
				}
			}
			if !m.HasIdentType {
				return m, bad("Bad ident-type: %s\n", v)
			}
		default:
			idx := index(v)
			if idx == 0 {
				return m, bad("No such interface: %s\n", v)
			}
			m.IfIndex, m.HasIfIndex = int32(idx), true
		}
	}
	if adding && !m.HasLocator {
		warn("ila: missing locator\n")
		return m, errIgnored
	}
	if adding && !m.HasLocatorMatch {
		warn("ila: missing locator0match\n")
		return m, errIgnored
	}
	return m, nil
}

// Printer prints ILA mappings as iproute2 6.1's print_ila_mapping.
type Printer struct {
	P *format.Printer
	// Name is ll_index_to_name.
	Name func(uint32) string
	// Family is the family id; messages of other types are skipped.
	Family uint16
}

var errBad = errors.New("bad ila message")

// Addr64 is print_addr64: a locator's four words in hex.
func Addr64(v uint64) string {
	var b [8]byte
	binary.NativeEndian.PutUint64(b[:], v)
	return fmt.Sprintf("%x:%x:%x:%x", binary.BigEndian.Uint16(b[0:]), binary.BigEndian.Uint16(b[2:]),
		binary.BigEndian.Uint16(b[4:]), binary.BigEndian.Uint16(b[6:]))
}

// Print prints one mapping.
func (pr *Printer) Print(reply netlink.Message) error {
	if uint16(reply.Header.Type) != pr.Family {
		return nil
	}
	m, ok := ila.Parse(reply.Data)
	if !ok {
		return errBad
	}
	p := pr.P
	p.OpenObject("")
	locid := func(key string, v uint64, has bool) {
		s := "-"
		if has {
			s = Addr64(v)
		}
		p.String(format.Any, key, "%-20s", s)
	}
	locid("locator_match", m.LocatorMatch, m.HasLocatorMatch)
	locid("locator", m.Locator, m.HasLocator)
	if m.HasIfIndex {
		name := "*"
		if pr.Name != nil {
			name = pr.Name(uint32(m.IfIndex))
		}
		p.ColorString(format.Any, format.Ifname, "interface", "%-16s", name)
	} else {
		p.String(format.Text, "", "%-10s ", "-")
	}
	if m.HasCsumMode {
		p.String(format.Any, "csum_mode", "%s", ila.CsumModeName(m.CsumMode))
	} else {
		p.String(format.Text, "", "%-10s ", "-")
	}
	if m.HasIdentType {
		p.String(format.Any, "ident_type", "%s", ila.IdentTypeName(m.IdentType))
	} else {
		p.String(format.Text, "", "%s", "-")
	}
	p.NL()
	p.CloseObject()
	return nil
}
