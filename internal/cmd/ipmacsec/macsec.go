// Package ipmacsec is `ip macsec`: MACsec channels and associations of
// links of kind macsec, over generic netlink.
package ipmacsec

import (
	"errors"
	"math"

	"github.com/gipnet/gip/genl"
	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/internal/cnum"
	"github.com/gipnet/gip/internal/usage"
	"github.com/gipnet/gip/link"
	"github.com/gipnet/gip/macsec"
	"github.com/gipnet/gip/rtnl"
	"github.com/mdlayher/netlink"
)

// Kernel is the family as the commands use it: a request answered with an
// ack, and the dump. Run's is the genl connection; tests record instead.
type Kernel interface {
	Exec(body []byte) error
	Dump(body []byte, fn func(netlink.Message) error) error
	// Family is the family's message type.
	Family() uint16
}

type genlKernel struct {
	c  *genl.Conn
	id uint16
}

func (k genlKernel) Exec(body []byte) error { return k.c.Exec(netlink.HeaderType(k.id), 0, body) }
func (k genlKernel) Dump(body []byte, fn func(netlink.Message) error) error {
	return k.c.Dump(netlink.HeaderType(k.id), body, fn)
}
func (k genlKernel) Family() uint16 { return k.id }

// Devices is ll_name_to_index and ll_index_to_name.
type Devices struct {
	Index func(string) uint32
	Name  func(uint32) string
}

// Run is `ip macsec`. As in iproute2 the family is looked up before any
// word but help is read; a kernel without it ends every command there.
func Run(env *cli.Env, args *cmdline.Args) error {
	return run(env, args, func() (Kernel, Devices, func(), error) {
		c, fam, err := env.GenlFamily(macsec.FamilyName)
		if err != nil {
			return nil, Devices{}, nil, err
		}
		names := env.LinkNames()
		dev := Devices{Index: func(name string) uint32 { return lookup(env, name) }, Name: names.Name}
		return genlKernel{c, fam.ID}, dev, func() { names.Close() }, nil
	})
}

// run is Run with the family lookup (and the device names) of open.
func run(env *cli.Env, args *cmdline.Args, open func() (Kernel, Devices, func(), error)) error {
	if !args.More() || cmdline.Matches(args.Peek(), "help") {
		return printUsage(env)
	}
	k, dev, done, err := open()
	if err != nil {
		return err
	}
	defer done()
	return Command(env, args, k, dev)
}

// lookup is ll_name_to_index on env's namespace: 0 for no such device
// (an "ifN" name is index N).
func lookup(env *cli.Env, name string) uint32 {
	if _, err := env.Conn(); err != nil {
		return link.IndexFromIfN(name)
	}
	return env.LinkIndex(name)
}

func printUsage(env *cli.Env) error {
	env.P.Flush()
	usage.Macsec(env.Stderr)
	return cmdline.Usage()
}

// Command runs the words after `ip macsec` once the family is known.
func Command(env *cli.Env, args *cmdline.Args, k Kernel, dev Devices) error {
	w := args.Next()
	switch {
	case cmdline.Matches(w, "show"):
		return show(env, args, k, dev)
	case cmdline.Matches(w, "add"):
		return modify(env, args, k, dev, cmdAdd)
	case cmdline.Matches(w, "set"):
		return modify(env, args, k, dev, cmdUpd)
	case cmdline.Matches(w, "delete"):
		return modify(env, args, k, dev, cmdDel)
	case cmdline.Matches(w, "offload"):
		return offload(env, args, k, dev)
	}
	return cmdline.Fatal(cmdline.StatusUsage, "Command \"%s\" is unknown, try \"ip macsec help\".", w)
}

type verb int

const (
	cmdAdd verb = iota
	cmdUpd
	cmdDel
)

// commands maps a verb and whether an SA is named to the request, for
// transmit (there is no transmit SC to add) and receive.
var commands = [3][2]struct{ tx, rx uint8 }{
	cmdAdd: {{0, macsec.CmdAddRXSC}, {macsec.CmdAddTXSA, macsec.CmdAddRXSA}},
	cmdUpd: {{0, macsec.CmdUpdRXSC}, {macsec.CmdUpdTXSA, macsec.CmdUpdRXSA}},
	cmdDel: {{0, macsec.CmdDelRXSC}, {macsec.CmdDelTXSA, macsec.CmdDelRXSA}},
}

func device(env *cli.Env, args *cmdline.Args, dev Devices) (uint32, error) {
	if !args.More() {
		return 0, printUsage(env)
	}
	name := args.Next()
	idx := dev.Index(name)
	if idx == 0 {
		return 0, cmdline.Exit(cmdline.StatusFailed, "Device \"%s\" does not exist.", name)
	}
	if !args.More() {
		return 0, printUsage(env)
	}
	return idx, nil
}

func send(k Kernel, r macsec.Request) error {
	if err := k.Exec(r.Body()); err != nil {
		var re *rtnl.Error
		if errors.As(err, &re) {
			return cmdline.Exit(cmdline.StatusRefused, "%s", re.Error())
		}
		return cmdline.Exit(cmdline.StatusRefused, "%s", rtnl.ErrnoText(err))
	}
	return nil
}

func modify(env *cli.Env, args *cmdline.Args, k Kernel, dev Devices, c verb) error {
	idx, err := device(env, args, dev)
	if err != nil {
		return err
	}
	r, err := parseModify(env, args, c)
	if err != nil {
		return err
	}
	r.IfIndex = idx
	return send(k, r)
}

// parseModify reads the words after add, set or delete DEV into the
// request iproute2 6.1 makes of them: `tx sa AN [OPTS]`, `rx SCI [on|off]`
// or `rx SCI sa AN [OPTS]`. The device is left to the caller. Keywords are
// whole, case-sensitive words; delete reads nothing after the SA or SC it
// names.
func parseModify(env *cli.Env, args *cmdline.Args, c verb) (macsec.Request, error) {
	var r macsec.Request
	w := args.Next()
	switch w {
	case "tx":
		sa, named, err := parseSA(args)
		if err != nil {
			return r, err
		}
		if !named {
			return r, printUsage(env)
		}
		r.Cmd, r.SA = commands[c][1].tx, sa
		if c != cmdDel {
			if err := parseSAArgs(env, args, sa); err != nil {
				return r, err
			}
			if err := checkSA(c, sa); err != nil {
				return r, err
			}
		}
		return r, nil
	case "rx":
		if !args.More() {
			env.Warnf("expected sci\n")
			return r, printUsage(env)
		}
		sci, ok, err := parseSCI(env, args)
		if err != nil {
			return r, err
		}
		if !ok {
			env.Warnf("expected sci\n")
			return r, printUsage(env)
		}
		r.RXSC = &macsec.RXSC{SCI: sci}
		sa, named, err := parseSA(args)
		if err != nil {
			return r, err
		}
		if named {
			r.Cmd, r.SA = commands[c][1].rx, sa
		} else {
			r.Cmd = commands[c][0].rx
		}
		switch {
		case c == cmdDel:
		case named:
			if err := parseSAArgs(env, args, sa); err != nil {
				return r, err
			}
			if err := checkSA(c, sa); err != nil {
				return r, err
			}
		default:
			if err := parseSCArgs(env, args, r.RXSC); err != nil {
				return r, err
			}
		}
		return r, nil
	}
	return r, printUsage(env)
}

// parseSA reads `sa AN` when the next word is sa.
func parseSA(args *cmdline.Args) (*macsec.SA, bool, error) {
	if !args.More() || args.Peek() != "sa" {
		return nil, false, nil
	}
	args.Next()
	v, err := args.Value()
	if err != nil {
		return nil, false, err
	}
	an, ok := cnum.Uint(v, 0, math.MaxUint8)
	if !ok || an > 3 {
		return nil, false, cmdline.InvalidArg("expected an { 0..3 }", v)
	}
	return &macsec.SA{AN: uint8(an)}, true, nil
}

// hexInto is hexstring_a2n: s as pairs of hex digits (each read by
// strtoul, so " f", "+f" and "-0" pass) into the front of buf, the pairs
// past its size ignored; the bytes of buf after those read keep their
// value. It returns how many it read.
func hexInto(s string, buf []byte) (int, bool) {
	if len(s)%2 != 0 {
		return 0, false
	}
	n := 0
	for n < len(buf) && len(s) > 1 {
		v, rest, digits, overflow := cnum.Strtoul(s[:2], 16)
		if !digits || rest != "" || overflow || v > 0xff {
			return 0, false
		}
		buf[n] = byte(v)
		n++
		s = s[2:]
	}
	return n, true
}

func parseSAArgs(env *cli.Env, args *cmdline.Args, sa *macsec.SA) error {
	var salt [macsec.SaltLen]byte
	var key [macsec.MaxKeyLen]byte
	keyLen := 0
	activeSet := false
	for args.More() {
		w := args.Next()
		switch w {
		case "pn", "xpn":
			if sa.PN != 0 {
				return cmdline.Duplicate2(w, w)
			}
			v, err := args.Value()
			if err != nil {
				return err
			}
			max := uint64(math.MaxUint32)
			if w == "xpn" {
				max = math.MaxUint64
			}
			pn, ok := cnum.Uint(v, 0, max)
			if !ok {
				return cmdline.InvalidArg("expected pn", v)
			}
			if pn == 0 {
				return cmdline.InvalidArg("expected pn != 0", v)
			}
			sa.PN = pn
			if w == "xpn" {
				sa.XPN = true
			}
		case "salt":
			if sa.Salt != nil {
				return cmdline.Duplicate2("salt", "salt")
			}
			v, err := args.Value()
			if err != nil {
				return err
			}
			if _, ok := hexInto(v, salt[:]); !ok {
				return cmdline.InvalidArg("expected salt", v)
			}
			sa.Salt = &salt
		case "ssci":
			if sa.SSCI != nil {
				return cmdline.Duplicate2("ssci", "ssci")
			}
			v, err := args.Value()
			if err != nil {
				return err
			}
			ssci, ok := cnum.Uint32(v, 16)
			if !ok {
				return cmdline.InvalidArg("expected ssci", v)
			}
			sa.SSCI = &ssci
		case "key":
			v, err := args.Value()
			if err != nil {
				return err
			}
			if _, ok := hexInto(v, sa.KeyID[:]); !ok {
				return cmdline.InvalidArg("expected key id", v)
			}
			if v, err = args.Value(); err != nil {
				return err
			}
			n, ok := hexInto(v, key[:])
			if !ok {
				return cmdline.InvalidArg("expected key", v)
			}
			keyLen = n
		case "on", "off":
			if activeSet {
				return cmdline.Duplicate2("on/off", w)
			}
			on := w == "on"
			sa.Active, activeSet = &on, true
		default:
			env.Warnf("macsec: unknown command \"%s\"?\n", w)
			return printUsage(env)
		}
	}
	if keyLen > 0 {
		sa.Key = append([]byte(nil), key[:keyLen]...)
	}
	return nil
}

func checkSA(c verb, sa *macsec.SA) error {
	switch {
	case c == cmdAdd && len(sa.Key) == 0:
		return cmdline.Exit(cmdline.StatusFailed, "cannot create SA without key")
	case c == cmdAdd && sa.PN == 0:
		return cmdline.Exit(cmdline.StatusFailed, "must specify a packet number != 0")
	case c == cmdUpd && len(sa.Key) > 0:
		return cmdline.Exit(cmdline.StatusFailed, "cannot change key on SA")
	}
	return nil
}

func parseSCArgs(env *cli.Env, args *cmdline.Args, sc *macsec.RXSC) error {
	for args.More() {
		w := args.Next()
		switch w {
		case "on", "off":
			if sc.Active != nil {
				return cmdline.Duplicate2("on/off", w)
			}
			on := w == "on"
			sc.Active = &on
		default:
			env.Warnf("macsec: unknown command \"%s\"?\n", w)
			return printUsage(env)
		}
	}
	return nil
}

// parseSCI reads an SCI as `sci N` (hex) or `port N address LLADDR` in
// either order, stopping as soon as one is complete; ok is false when the
// words ran out first.
func parseSCI(env *cli.Env, args *cmdline.Args) (sci uint64, ok bool, err error) {
	var addr [6]byte
	var port uint16
	p, a, s := false, false, false
	for args.More() && !(s || p && a) {
		w := args.Next()
		switch w {
		case "sci":
			if p {
				return 0, false, cmdline.InvalidArg("expected address", w)
			}
			if a {
				return 0, false, cmdline.InvalidArg("expected port", w)
			}
			v, err := args.Value()
			if err != nil {
				return 0, false, err
			}
			n, ok := cnum.Uint(v, 16, math.MaxUint64)
			if !ok {
				return 0, false, cmdline.InvalidArg("expected sci", v)
			}
			sci, s = n, true
		case "port":
			v, err := args.Value()
			if err != nil {
				return 0, false, err
			}
			n, ok := cnum.Uint(v, 0, math.MaxUint16)
			if !ok {
				return 0, false, cmdline.InvalidArg("expected port", v)
			}
			if n == 0 {
				return 0, false, cmdline.InvalidArg("expected port != 0", v)
			}
			port, p = uint16(n), true
		case "address":
			v, err := args.Value()
			if err != nil {
				return 0, false, err
			}
			b, bad, ok := cnum.LLAddr(v, len(addr))
			if !ok {
				env.Warnf("\"%s\" is invalid lladdr.\n", bad)
				return 0, false, cmdline.InvalidArg("expected lladdr", v)
			}
			// Only the bytes read are replaced.
			copy(addr[:], b)
			a = true
		default:
			return 0, false, cmdline.InvalidArg("expected sci, port, or address", w)
		}
	}
	if !(s || p && a) {
		return 0, false, nil
	}
	if p && a {
		sci = uint64(addr[0])<<56 | uint64(addr[1])<<48 | uint64(addr[2])<<40 | uint64(addr[3])<<32 |
			uint64(addr[4])<<24 | uint64(addr[5])<<16 | uint64(port)
	}
	return sci, true, nil
}

var offloadModes = []string{"off", "phy", "mac"}

func offload(env *cli.Env, args *cmdline.Args, k Kernel, dev Devices) error {
	idx, err := device(env, args, dev)
	if err != nil {
		return err
	}
	w := args.Next()
	for i, m := range offloadModes {
		if cmdline.Matches(w, m) {
			mode := uint8(i)
			return send(k, macsec.Request{Cmd: macsec.CmdUpdOffload, IfIndex: idx, Offload: &mode})
		}
	}
	env.Warnf("Error: argument of \"offload\" must be one of \"off\", \"phy\", \"mac\", not \"%s\"\n", w)
	return printUsage(env)
}

var errDump = errors.New("macsec dump")

func show(env *cli.Env, args *cmdline.Args, k Kernel, dev Devices) error {
	var idx uint32
	if args.More() {
		name := args.Next()
		if idx = dev.Index(name); idx == 0 {
			return cmdline.Exit(cmdline.StatusFailed, "Device \"%s\" does not exist.", name)
		}
		if args.More() {
			return printUsage(env)
		}
	}
	pr := &Printer{P: env.P, Name: dev.Name, Stats: env.Opts.Stats, Family: k.Family(), IfIndex: idx, Warnf: env.Warnf}
	env.P.Begin()
	err := k.Dump(macsec.DumpRequest(), pr.Print)
	var ce *cmdline.Error
	switch {
	case err == nil:
		env.P.End()
		return nil
	case errors.As(err, &ce):
		// A statistic of a size ip macsec cannot read ends ip there,
		// leaving what it printed as it is.
		env.P.Abandon()
		return err
	}
	// iproute2 closes the JSON array and exits: under -batch nothing
	// after a failed dump runs.
	env.P.End()
	var re *rtnl.Error
	if errors.As(err, &re) {
		return cmdline.Fatal(cmdline.StatusFailed, "%s\nDump terminated", re.Error())
	}
	return cmdline.Fatal(cmdline.StatusFailed, "Dump terminated")
}
