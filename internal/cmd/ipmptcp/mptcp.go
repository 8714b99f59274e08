// Package ipmptcp is `ip mptcp`: the MPTCP path manager's endpoints and
// limits, and its events (monitor), over generic netlink.
package ipmptcp

import (
	"context"
	"errors"
	"fmt"
	"strconv"

	"github.com/gipnet/gip/format"
	"github.com/gipnet/gip/genl"
	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cmd/ipmonitor"
	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/internal/cnum"
	"github.com/gipnet/gip/internal/usage"
	"github.com/gipnet/gip/mptcp"
	"github.com/gipnet/gip/route"
	"github.com/gipnet/gip/rtnl"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// Run is `ip mptcp`. As in iproute2 the family is looked up before the
// words are read (after help), and a word after `limits` that is neither
// set nor show is tried as monitor.
func Run(env *cli.Env, args *cmdline.Args) error {
	if !args.More() || cmdline.Matches(args.Peek(), "help") {
		return printUsage(env)
	}
	c, fam, err := env.GenlFamily(mptcp.FamilyName)
	if err != nil {
		return err
	}
	r := &run{env: env, c: c, id: fam.ID}
	w := args.Next()
	m := func(kw string) bool { return cmdline.Matches(w, kw) }
	switch {
	case m("endpoint"):
		if !args.More() {
			return r.show(args)
		}
		w = args.Next()
		switch {
		case m("add"):
			return r.modify(args, mptcp.CmdAddAddr)
		case m("change"):
			return r.modify(args, mptcp.CmdSetFlags)
		case m("delete"):
			return r.modify(args, mptcp.CmdDelAddr)
		case m("show"):
			return r.show(args)
		case m("flush"):
			return r.exec(mptcp.FlushRequest())
		}
		return unknown(w)
	case m("limits"):
		if !args.More() {
			return r.limits(args, mptcp.CmdGetLimits)
		}
		w = args.Next()
		switch {
		case m("set"):
			return r.limits(args, mptcp.CmdSetLimits)
		case m("show"):
			return r.limits(args, mptcp.CmdGetLimits)
		}
	}
	if m("monitor") {
		if !args.More() {
			return r.monitor()
		}
		w = args.Next()
	}
	return unknown(w)
}

func unknown(w string) error {
	return cmdline.Fatal(cmdline.StatusUsage, "Command \"%s\" is unknown, try \"ip mptcp help\".", w)
}

func printUsage(env *cli.Env) error {
	env.P.Flush()
	usage.Mptcp(env.Stderr)
	return cmdline.Usage()
}

// run is one command on the generic netlink socket, with the family id.
type run struct {
	env *cli.Env
	c   *genl.Conn
	id  uint16
}

func (r *run) typ() netlink.HeaderType { return netlink.HeaderType(r.id) }

// refused is a request the kernel refused: its line, status 2.
func refused(err error) error {
	if re, ok := err.(*rtnl.Error); ok {
		return cmdline.Exit(cmdline.StatusRefused, "%s", re.Error())
	}
	return cmdline.Exit(cmdline.StatusRefused, "%s", rtnl.ErrnoText(err))
}

func (r *run) exec(body []byte) error {
	if err := r.c.Exec(r.typ(), 0, body); err != nil {
		return refused(err)
	}
	return nil
}

// ParseEndpoint reads the words of endpoint add, change, delete and show
// for command cmd as mptcp_parse_opt does: flags (exact words), `id`,
// `dev`, `port` and an address, in any order, then the checks of cmd.
// index is ll_name_to_index (0: no such device).
func ParseEndpoint(args *cmdline.Args, cmd uint8, index func(string) uint32) (mptcp.Endpoint, error) {
	var e mptcp.Endpoint
	adding, deleting, setting := cmd == mptcp.CmdAddAddr, cmd == mptcp.CmdDelAddr, cmd == mptcp.CmdSetFlags
	for args.More() {
		w := args.Next()
		if f, ok := flagWord(w); ok {
			e.Flags |= f
			if adding && e.Flags&mptcp.FlagSignal != 0 && e.Flags&mptcp.FlagFullmesh != 0 {
				return e, cmdline.InvalidArg("flags mustn't have both signal and fullmesh", w)
			}
			if setting && e.Flags&^(mptcp.FlagBackup|mptcp.FlagFullmesh) != 0 {
				return e, cmdline.InvalidArg("invalid flags, backup and fullmesh only", w)
			}
			continue
		}
		switch {
		case cmdline.Matches(w, "id"):
			v, err := args.Value()
			if err != nil {
				return e, err
			}
			id, ok := cnum.Uint(v, 0, 0xff)
			if !ok {
				return e, cmdline.InvalidArg("invalid ID\n", v)
			}
			e.ID, e.HasID = uint8(id), true
		case cmdline.Matches(w, "dev"):
			v, err := args.Value()
			if err != nil {
				return e, err
			}
			if !validIfname(v) {
				return e, cmdline.InvalidArg("invalid interface name\n", v)
			}
			idx := index(v)
			if idx == 0 {
				return e, cmdline.InvalidArg("device does not exist\n", v)
			}
			e.IfIndex = int32(idx)
		case cmdline.Matches(w, "port"):
			v, err := args.Value()
			if err != nil {
				return e, err
			}
			p, ok := cnum.Uint(v, 0, 0xffff)
			if !ok {
				return e, cmdline.InvalidArg("expected port", v)
			}
			e.Port = uint16(p)
		default:
			a, err := cnum.GetAddr(w, unix.AF_UNSPEC)
			if err != nil {
				return e, err
			}
			e.Family, e.Addr, e.HasAddr = uint16(a.Family), append([]byte(nil), a.Bytes()...), true
		}
	}
	if !e.HasAddr && adding {
		return e, missing("ADDRESS")
	}
	if deleting {
		switch {
		case !e.HasID:
			return e, missing("ID")
		case e.ID != 0 && e.HasAddr:
			return e, cmdline.InvalidArg("invalid for non-zero id address\n", "ADDRESS")
		case e.ID == 0 && !e.HasAddr:
			return e, cmdline.InvalidArg("address is needed for deleting id 0 address\n", "ID")
		}
	}
	if adding && e.Port != 0 && e.Flags&mptcp.FlagSignal == 0 {
		return e, cmdline.InvalidArg("flags must have signal when using port", "port")
	}
	if setting && e.HasID && e.Port != 0 {
		return e, cmdline.InvalidArg("port can't be used with id", "port")
	}
	return e, nil
}

// missing is iproute2's missarg.
func missing(what string) error {
	return cmdline.Fatal(cmdline.StatusUsage, "Error: argument \"%s\" is required", what)
}

// flagWord is get_flags: the flag word spelled out in full.
func flagWord(w string) (uint32, bool) {
	for _, f := range mptcp.FlagNames {
		if w == f.Name {
			return f.Flag, true
		}
	}
	return 0, false
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

// lookup is ll_name_to_index on env's namespace: 0 for no such device.
func lookup(env *cli.Env, name string) uint32 {
	if _, err := env.Conn(); err != nil {
		return 0
	}
	return env.LinkIndex(name)
}

func (r *run) parse(args *cmdline.Args, cmd uint8) ([]byte, error) {
	r.env.InitLinks() // mptcp_parse_opt loads iproute2's link cache first
	e, err := ParseEndpoint(args, cmd, func(name string) uint32 { return lookup(r.env, name) })
	if err != nil {
		return nil, err
	}
	return mptcp.Request(cmd, e), nil
}

// modify is endpoint add, change and delete.
func (r *run) modify(args *cmdline.Args, cmd uint8) error {
	body, err := r.parse(args, cmd)
	if err != nil {
		return err
	}
	return r.exec(body)
}

// show is endpoint show: a dump without words, else the one endpoint
// the words select.
func (r *run) show(args *cmdline.Args) error {
	env := r.env
	names := env.LinkNames()
	defer names.Close()
	pr := &Printer{P: env.P, Name: names.Name, Resolve: env.Opts.Resolve, Family: r.id}
	if !args.More() {
		env.P.Begin()
		err := r.c.Dump(r.typ(), mptcp.DumpRequest(), func(m netlink.Message) error {
			env.InitLinks() // print_mptcp_addr loads iproute2's link cache
			return pr.PrintEndpoint(m)
		})
		if err != nil {
			env.P.End()
			env.P.Flush()
			if re, ok := err.(*rtnl.Error); ok {
				return cmdline.Exit(cmdline.StatusRefused, "%s\nDump terminated", re.Error())
			}
			return cmdline.Exit(cmdline.StatusRefused, "Dump terminated")
		}
		env.P.End()
		return nil
	}
	body, err := r.parse(args, mptcp.CmdGetAddr)
	if err != nil {
		return err
	}
	m, err := r.c.Query(r.typ(), 0, body)
	if err != nil {
		return refused(err)
	}
	env.P.Begin()
	env.InitLinks()
	err = pr.PrintEndpoint(m)
	env.P.End()
	if err != nil {
		// print_mptcp_addr's -1 is ip's exit status 1, said nothing.
		return cmdline.Silent(cmdline.StatusFailed)
	}
	return nil
}

// ParseLimits reads limits set/show's words: `subflows NR`,
// `add_addr_accepted NR` (get_u32, any base).
func ParseLimits(args *cmdline.Args) (mptcp.Limits, error) {
	var l mptcp.Limits
	for args.More() {
		w := args.Next()
		var dst **uint32
		var what string
		switch {
		case cmdline.Matches(w, "subflows"):
			dst, what = &l.Subflows, "invalid subflows\n"
		case cmdline.Matches(w, "add_addr_accepted"):
			dst, what = &l.AddAddrAccepted, "invalid add_addr_accepted\n"
		default:
			return l, cmdline.InvalidArg("unknown limit", w)
		}
		v, err := args.Value()
		if err != nil {
			return l, err
		}
		n, ok := cnum.Uint32(v, 0)
		if !ok {
			return l, cmdline.InvalidArg(what, v)
		}
		*dst = &n
	}
	return l, nil
}

// limits is limits set and show (show takes set's words too, and sends
// them).
func (r *run) limits(args *cmdline.Args, cmd uint8) error {
	l, err := ParseLimits(args)
	if err != nil {
		return err
	}
	body := mptcp.LimitsRequest(cmd, l)
	if cmd == mptcp.CmdSetLimits {
		return r.exec(body)
	}
	m, err := r.c.Query(r.typ(), 0, body)
	if err != nil {
		return refused(err)
	}
	// No JSON document is opened for the limits: iproute2 prints them
	// as text under -json too.
	pr := &Printer{P: r.env.P.Plain(), Family: r.id}
	if err := pr.PrintLimits(m); err != nil {
		return cmdline.Silent(cmdline.StatusFailed)
	}
	return nil
}

// monitor is `ip mptcp monitor`: the path manager's events until killed.
func (r *run) monitor() error {
	env := r.env
	g, err := r.c.Group(context.Background(), r.id, mptcp.EventGroup)
	if err != nil {
		return cmdline.Exit(cmdline.StatusUsage, "can't subscribe to mptcp events: %s", rtnl.ErrnoText(err))
	}
	s, err := rtnl.SubscribeProto(env.NetNSFD, unix.NETLINK_GENERIC, 0, env.Opts.RcvBuf)
	if err != nil {
		return cmdline.Exit(cmdline.StatusUsage, "can't subscribe to mptcp events: %s", rtnl.ErrnoText(err))
	}
	defer s.Close()
	if err := s.Join(g); err != nil {
		return cmdline.Exit(cmdline.StatusUsage, "can't subscribe to mptcp events: %s", rtnl.ErrnoText(err))
	}
	pr := &Printer{P: env.P.Plain(), Family: r.id}
	stamp := env.Opts.Timestamp > 0
	err = ipmonitor.Loop(env, s, func(h netlink.Header, body []byte, _ int) error {
		defer env.P.Flush()
		if len(body) < genl.HeaderLen {
			return ipmonitor.ErrStop
		}
		if uint16(h.Type) != r.id {
			return nil
		}
		if stamp {
			ipmonitor.Timestamp(env)
		}
		pr.PrintEvent(body)
		return nil
	})
	// rtnl_listen's failure is mptcp_monitor's 2, which ip returns
	// negated.
	if ce, ok := err.(*cmdline.Error); ok && ce.Code == cmdline.StatusRefused {
		ce.Code = cmdline.StatusNeg2
	}
	return err
}

// Printer prints the path manager's messages as iproute2 6.1 does: the
// endpoints of show, the limits, and monitor's events.
type Printer struct {
	P *format.Printer
	// Name is ll_index_to_name.
	Name func(uint32) string
	// Resolve prints addresses as host names (-resolve).
	Resolve bool
	// Family is the family id; messages of other types are skipped.
	Family uint16
}

// errBad is a message print_mptcp_addr refuses (-1).
var errBad = errors.New("bad mptcp message")

// PrintEndpoint is print_mptcp_addr: one endpoint, a line of text or a
// JSON object.
func (pr *Printer) PrintEndpoint(m netlink.Message) error {
	if uint16(m.Header.Type) != pr.Family {
		return nil
	}
	e, ok := mptcp.ParseEndpoint(m.Data)
	if !ok {
		return errBad
	}
	p := pr.P
	p.OpenObject("")
	if e.HasAddr {
		p.String(format.Any, "address", "%s ", route.HostText(pr.Resolve, int(e.Family), e.Addr))
	}
	if e.Port != 0 {
		p.Uint(format.Any, "port", "port %u ", uint64(e.Port))
	}
	if e.HasID {
		p.Uint(format.Any, "id", "id %u ", uint64(e.ID))
	}
	flags := e.Flags
	for _, f := range mptcp.FlagNames {
		if flags&f.Flag != 0 {
			p.String(format.Text, "", "%s ", f.Name)
			p.Bool(format.JSON, f.Name, "", true)
		}
		flags &^= f.Flag
	}
	if flags != 0 {
		hex := strconv.FormatUint(uint64(flags), 16)
		if len(hex) < 2 {
			hex = "0" + hex
		}
		p.String(format.Any, "rawflags", "rawflags %s ", hex)
	}
	if e.IfIndex != 0 && pr.Name != nil {
		p.String(format.Any, "dev", "dev %s ", pr.Name(uint32(e.IfIndex)))
	}
	p.CloseObject()
	p.Text("\n")
	return nil
}

// PrintLimits is print_mptcp_limit.
func (pr *Printer) PrintLimits(m netlink.Message) error {
	if uint16(m.Header.Type) != pr.Family {
		return nil
	}
	l, ok := mptcp.ParseLimits(m.Data)
	if !ok {
		return errBad
	}
	p := pr.P
	p.OpenObject("")
	// "%d" of an unsigned value, as iproute2's format has it.
	if l.AddAddrAccepted != nil {
		p.Int(format.Any, "add_addr_accepted", "add_addr_accepted %d ", int64(int32(*l.AddAddrAccepted)))
	}
	if l.Subflows != nil {
		p.Int(format.Any, "subflows", "subflows %d ", int64(int32(*l.Subflows)))
	}
	p.Text("\n")
	p.CloseObject()
	return nil
}

// PrintEvent is mptcp_monitor_msg's line for one event (body is the
// genlmsghdr and attributes), without the time stamp.
func (pr *Printer) PrintEvent(body []byte) {
	w := pr.P.Writer()
	ev, ok := mptcp.ParseEvent(body)
	if !ok {
		return
	}
	name, known := mptcp.EventName(ev.Type)
	if !known {
		fmt.Fprintf(w, "[UNKNOWN %d]\n", ev.Type)
		return
	}
	fmt.Fprintf(w, "[%14s]", name)
	fmt.Fprintf(w, " token=%08x", ev.U32(mptcp.EventAttrToken))
	has := func(t int) bool { return ev.Attrs[t] != nil }
	if has(mptcp.EventAttrRemID) {
		fmt.Fprintf(w, " remid=%d", ev.U8(mptcp.EventAttrRemID))
	}
	if has(mptcp.EventAttrLocID) {
		fmt.Fprintf(w, " locid=%d", ev.U8(mptcp.EventAttrLocID))
	}
	addr := func(key string, t, family, n int) {
		if !has(t) {
			return
		}
		b := make([]byte, n)
		copy(b, ev.Attrs[t])
		fmt.Fprintf(w, " %s=%s", key, route.HostText(false, family, b))
	}
	addr("saddr4", mptcp.EventAttrSAddr4, unix.AF_INET, 4)
	addr("daddr4", mptcp.EventAttrDAddr4, unix.AF_INET, 4)
	addr("saddr6", mptcp.EventAttrSAddr6, unix.AF_INET6, 16)
	addr("daddr6", mptcp.EventAttrDAddr6, unix.AF_INET6, 16)
	if has(mptcp.EventAttrSPort) {
		fmt.Fprintf(w, " sport=%d", ev.BE16(mptcp.EventAttrSPort))
	}
	if has(mptcp.EventAttrDPort) {
		fmt.Fprintf(w, " dport=%d", ev.BE16(mptcp.EventAttrDPort))
	}
	if has(mptcp.EventAttrBackup) {
		fmt.Fprintf(w, " backup=%d", ev.U8(mptcp.EventAttrBackup))
	}
	if has(mptcp.EventAttrError) {
		fmt.Fprintf(w, " error=%d", ev.U8(mptcp.EventAttrError))
	}
	if has(mptcp.EventAttrFlags) {
		fmt.Fprintf(w, " flags=%x", ev.U16(mptcp.EventAttrFlags))
	}
	if has(mptcp.EventAttrTimeout) {
		fmt.Fprintf(w, " timeout=%d", ev.U32(mptcp.EventAttrTimeout))
	}
	if has(mptcp.EventAttrIfIdx) {
		fmt.Fprintf(w, " ifindex=%d", int32(ev.U32(mptcp.EventAttrIfIdx)))
	}
	if has(mptcp.EventAttrResetReason) {
		fmt.Fprintf(w, " reset_reason=%d", ev.U32(mptcp.EventAttrResetReason))
	}
	if has(mptcp.EventAttrResetFlags) {
		fmt.Fprintf(w, " reset_flags=0x%x", ev.U32(mptcp.EventAttrResetFlags))
	}
	w.WriteString("\n")
}
