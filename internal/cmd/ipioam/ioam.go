// Package ipioam is `ip ioam`: IPv6 IOAM namespaces and schemas over
// generic netlink.
package ipioam

import (
	"errors"

	"github.com/gipnet/gip/format"
	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/internal/cnum"
	"github.com/gipnet/gip/internal/usage"
	"github.com/gipnet/gip/ioam"
	"github.com/gipnet/gip/rtnl"
	"github.com/mdlayher/netlink"
)

// Run is `ip ioam`. Every keyword is matched whole (strcmp), and the
// family is looked up once the words are read, as in iproute2.
func Run(env *cli.Env, args *cmdline.Args) error {
	if !args.More() || args.Peek() == "help" {
		env.P.Flush()
		usage.Ioam(env.Stderr)
		return cmdline.Usage()
	}
	cmd, body, err := Parse(args)
	if err != nil {
		return err
	}
	return do(env, cmd, body)
}

// Parse reads ip ioam's words into the command and its request body.
func Parse(args *cmdline.Args) (uint8, []byte, error) {
	w := args.Next()
	switch w {
	case "namespace":
		v, err := args.Value()
		if err != nil {
			return 0, nil, err
		}
		switch v {
		case "show":
			return ioam.CmdDumpNamespaces, ioam.DumpRequest(ioam.CmdDumpNamespaces), nil
		case "add":
			ns, err := parseNamespaceAdd(args)
			if err != nil {
				return 0, nil, err
			}
			return ioam.CmdAddNamespace, ioam.AddNamespaceRequest(ns), nil
		case "del":
			id, err := nsID(args)
			if err != nil {
				return 0, nil, err
			}
			return ioam.CmdDelNamespace, ioam.DelNamespaceRequest(id), nil
		case "set":
			id, err := nsID(args)
			if err != nil {
				return 0, nil, err
			}
			s, err := args.Value()
			if err != nil {
				return 0, nil, err
			}
			if s != "schema" {
				return 0, nil, cmdline.InvalidArg("Unknown", s)
			}
			s, err = args.Value()
			if err != nil {
				return 0, nil, err
			}
			if s == "none" {
				return ioam.CmdNSSetSchema, ioam.SetSchemaRequest(id, 0, true), nil
			}
			sc, ok := cnum.Uint32(s, 0)
			if !ok {
				return 0, nil, cmdline.InvalidArg("Invalid schema ID", s)
			}
			return ioam.CmdNSSetSchema, ioam.SetSchemaRequest(id, sc, false), nil
		}
		return 0, nil, cmdline.InvalidArg("Unknown", v)
	case "schema":
		v, err := args.Value()
		if err != nil {
			return 0, nil, err
		}
		switch v {
		case "show":
			return ioam.CmdDumpSchemas, ioam.DumpRequest(ioam.CmdDumpSchemas), nil
		case "add":
			id, err := scID(args)
			if err != nil {
				return 0, nil, err
			}
			data, err := args.Value()
			if err != nil {
				return 0, nil, err
			}
			if len(data) > ioam.MaxSchemaData {
				return 0, nil, cmdline.InvalidArg("Schema DATA too big", data)
			}
			// The data is a C string: it ends at a NUL.
			for i := 0; i < len(data); i++ {
				if data[i] == 0 {
					data = data[:i]
					break
				}
			}
			return ioam.CmdAddSchema, ioam.AddSchemaRequest(ioam.Schema{ID: id, Data: []byte(data)}), nil
		case "del":
			id, err := scID(args)
			if err != nil {
				return 0, nil, err
			}
			return ioam.CmdDelSchema, ioam.DelSchemaRequest(id), nil
		}
		return 0, nil, cmdline.InvalidArg("Unknown", v)
	}
	return 0, nil, cmdline.InvalidArg("Unknown", w)
}

func nsID(args *cmdline.Args) (uint16, error) {
	v, err := args.Value()
	if err != nil {
		return 0, err
	}
	id, ok := cnum.Uint(v, 0, 0xffff)
	if !ok {
		return 0, cmdline.InvalidArg("Invalid namespace ID", v)
	}
	return uint16(id), nil
}

func scID(args *cmdline.Args) (uint32, error) {
	v, err := args.Value()
	if err != nil {
		return 0, err
	}
	id, ok := cnum.Uint32(v, 0)
	if !ok {
		return 0, cmdline.InvalidArg("Invalid schema ID", v)
	}
	return id, nil
}

func wide(args *cmdline.Args) (uint64, error) {
	v, err := args.Value()
	if err != nil {
		return 0, err
	}
	d, ok := cnum.Uint(v, 16, ^uint64(0))
	if !ok {
		return 0, cmdline.InvalidArg("Invalid wide data", v)
	}
	return d, nil
}

// parseNamespaceAdd reads `ID [ data DATA32 ] [ wide DATA64 ]`: wide may
// follow data, and words after those are not read.
func parseNamespaceAdd(args *cmdline.Args) (ioam.Namespace, error) {
	var ns ioam.Namespace
	id, err := nsID(args)
	if err != nil {
		return ns, err
	}
	ns.ID = id
	if !args.More() {
		return ns, nil
	}
	switch w := args.Next(); w {
	case "data":
		v, err := args.Value()
		if err != nil {
			return ns, err
		}
		d, ok := cnum.Uint32(v, 0)
		if !ok {
			return ns, cmdline.InvalidArg("Invalid data", v)
		}
		ns.Data, ns.HasData = d, true
	case "wide":
		if ns.DataWide, err = wide(args); err != nil {
			return ns, err
		}
		ns.HasDataWide = true
	default:
		return ns, cmdline.InvalidArg("Invalid argument", w)
	}
	if !args.More() {
		return ns, nil
	}
	if w := args.Next(); !ns.HasData || w != "wide" {
		return ns, cmdline.InvalidArg("Unexpected argument", w)
	}
	if ns.DataWide, err = wide(args); err != nil {
		return ns, err
	}
	ns.HasDataWide = true
	return ns, nil
}

// do looks the family up and sends the command: a dump printed, or a
// request acknowledged.
func do(env *cli.Env, cmd uint8, body []byte) error {
	c, fam, err := env.GenlFamily(ioam.FamilyName)
	if err != nil {
		return err
	}
	typ := netlink.HeaderType(fam.ID)
	if cmd != ioam.CmdDumpNamespaces && cmd != ioam.CmdDumpSchemas {
		if err := c.Exec(typ, 0, body); err != nil {
			var re *rtnl.Error
			if errors.As(err, &re) {
				return cmdline.Exit(cmdline.StatusFailed, "%s", re.Error())
			}
			return cmdline.Exit(cmdline.StatusFailed, "%s", rtnl.ErrnoText(err))
		}
		return nil
	}
	pr := &Printer{P: env.P, Family: fam.ID}
	env.P.Begin()
	if err := c.Dump(typ, body, pr.Print); err != nil {
		// ip exits here, with the JSON array left open.
		env.P.Abandon()
		var re *rtnl.Error
		if errors.As(err, &re) {
			return cmdline.Fatal(cmdline.StatusFailed, "%s\nDump terminated", re.Error())
		}
		return cmdline.Fatal(cmdline.StatusFailed, "Dump terminated")
	}
	env.P.End()
	return nil
}

// Printer prints IOAM6 dump messages as iproute2 6.1's ip ioam does.
type Printer struct {
	P *format.Printer
	// Family is the family id; a message of another type is an error.
	Family uint16
}

var errBad = errors.New("bad ioam6 message")

// Print is process_msg: one namespace or schema.
func (pr *Printer) Print(reply netlink.Message) error {
	if uint16(reply.Header.Type) != pr.Family {
		return errBad
	}
	m, ok := ioam.Parse(reply.Data)
	if !ok {
		return errBad
	}
	p := pr.P
	p.OpenObject("")
	switch m.Cmd {
	case ioam.CmdDumpNamespaces:
		ns := m.Namespace()
		p.Uint(format.Any, "namespace", "namespace %u", uint64(ns.ID))
		if ns.HasSchema {
			p.Uint(format.Any, "schema", " [schema %u]", uint64(ns.Schema))
		}
		if ns.HasData {
			p.Hex(format.Any, "data", ", data %#010x", uint64(ns.Data))
		}
		if ns.HasDataWide {
			// print_0xhex: "%#llx" in JSON, the format in text.
			if p.IsJSON() {
				s := "0"
				if ns.DataWide != 0 {
					s = "0x" + hexString(ns.DataWide)
				}
				p.String(format.JSON, "wide", "", s)
			} else {
				p.Hex(format.Text, "", ", wide %#018lx", ns.DataWide)
			}
		}
		p.NL()
	case ioam.CmdDumpSchemas:
		sc := m.Schema()
		p.Uint(format.Any, "schema", "schema %u", uint64(sc.ID))
		if sc.HasNamespace {
			p.Uint(format.Any, "namespace", " [namespace %u]", uint64(sc.Namespace))
		}
		p.Null(format.Any, "data", ", data:", "")
		for _, b := range sc.Data {
			p.UintEmptyKey(format.Any, " %02x", uint64(b))
		}
		p.NL()
	}
	p.CloseObject()
	return nil
}

func hexString(v uint64) string {
	const digits = "0123456789abcdef"
	var b [16]byte
	i := len(b)
	for {
		i--
		b[i] = digits[v&15]
		v >>= 4
		if v == 0 {
			break
		}
	}
	return string(b[i:])
}
