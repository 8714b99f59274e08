// Package ipxfrm is `ip xfrm`: the IPsec states (state, sa) and
// policies (policy) over NETLINK_XFRM, and `ip xfrm monitor`. Its
// grammar, messages and refusals are iproute2 6.1's; printing is text
// only, as iproute2's xfrm has no JSON output.
package ipxfrm

import (
	"errors"
	"io"

	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/internal/usage"
	"github.com/gipnet/gip/link"
	"github.com/gipnet/gip/rtnl"
	"github.com/gipnet/gip/xfrm"
	"github.com/mdlayher/netlink"
)

// Run is `ip xfrm { state | sa | policy | monitor | help }`.
func Run(env *cli.Env, args *cmdline.Args) error {
	if !args.More() {
		return printUsage(env, usage.Xfrm)
	}
	w := args.Next()
	switch {
	case cmdline.Matches(w, "state"), cmdline.Matches(w, "sa"):
		return runState(env, args)
	case cmdline.Matches(w, "policy"):
		return runPolicy(env, args)
	case cmdline.Matches(w, "monitor"):
		return runMonitor(env, args)
	}
	return printUsage(env, usage.Xfrm)
}

// printUsage prints a usage text to stderr and ends ip with 255, as
// iproute2's usage() functions exit.
func printUsage(env *cli.Env, text func(io.Writer)) error {
	env.P.Flush()
	text(env.Stderr)
	return cmdline.Usage()
}

// newParser starts a command's parse from ip's -4/-6 family.
func newParser(env *cli.Env) *parser {
	ps := &parser{family: env.Opts.Family}
	ps.index = func(name string) (int32, error) {
		if _, err := env.Conn(); err != nil {
			return 0, err
		}
		return int32(env.LinkIndex(name)), nil
	}
	return ps
}

// newPrinter is the printer for a command's answers.
func newPrinter(env *cli.Env, ps *parser, names *link.Names) *Printer {
	p := &Printer{
		w: env.P.Writer(), sl: env.P.NewlineToken(), oneline: env.P.Oneline(),
		stats: env.Opts.Stats, family: ps.family, filter: &ps.filter,
		warn: env.Warnf, name: names.Name,
	}
	return p
}

// dial opens the command's NETLINK_XFRM socket, as rtnl_open_byproto.
func dial(env *cli.Env) (*rtnl.Conn, error) {
	c, err := xfrm.Dial(env.NetNSFD)
	if err != nil {
		return nil, cmdline.Fatal(cmdline.StatusFailed, "Cannot open netlink socket: %s", rtnl.ErrnoText(err))
	}
	c.Interrupted = func() { env.Warnf("%s\n", rtnl.DumpInterruptedText) }
	return c, nil
}

// talkError is rtnl_talk's refusal and the exit(2) after it.
func talkError(err error) error {
	var re *rtnl.Error
	if errors.As(err, &re) {
		return cmdline.Fatal(cmdline.StatusRefused, "%s", re.Iproute2Text())
	}
	return cmdline.Fatal(cmdline.StatusRefused, "%s", rtnl.ErrnoText(err))
}

// dumpError is a dump that failed: its refusal, then "terminated"
// and exit(1).
func dumpError(err error, what string) error {
	var re *rtnl.Error
	if errors.As(err, &re) {
		return cmdline.Fatal(cmdline.StatusFailed, "%s\n%s terminated", re.Iproute2Text(), what)
	}
	return cmdline.Fatal(cmdline.StatusFailed, "%s terminated", what)
}

// talk sends one request and waits for its acknowledgement.
func talk(env *cli.Env, typ uint16, body []byte) error {
	c, err := dial(env)
	if err != nil {
		return err
	}
	defer c.Close()
	if err := c.Exec(netlinkType(typ), 0, body); err != nil {
		return talkError(err)
	}
	return nil
}

// query sends one request and returns its answer.
func query(env *cli.Env, typ uint16, body []byte) (typA uint16, flags uint16, answer []byte, err error) {
	c, err := dial(env)
	if err != nil {
		return 0, 0, nil, err
	}
	defer c.Close()
	m, err := c.Query(netlinkType(typ), 0, body)
	if err != nil {
		return 0, 0, nil, talkError(err)
	}
	return uint16(m.Header.Type), uint16(m.Header.Flags), m.Data, nil
}

func netlinkType(t uint16) netlink.HeaderType { return netlink.HeaderType(t) }
