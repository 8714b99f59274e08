// Package iptuntap is the `ip tuntap` command (and its alias `ip tap`): its
// word grammar, usage text and listing printer over the tuntap package,
// which does the work.
package iptuntap

import (
	"errors"
	"io"
	"os"

	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/netns"
	"github.com/gipnet/gip/rtnl"
	"github.com/gipnet/gip/tuntap"
)

// Run is the `ip tuntap` command.
func Run(env *cli.Env, args *cmdline.Args) error {
	if !args.More() {
		return show(env)
	}
	cmd := args.Next()
	switch {
	case cmdline.Matches(cmd, "add"):
		return add(env, args)
	case cmdline.Matches(cmd, "delete"):
		return del(env, args)
	case cmdline.Matches(cmd, "show"), cmdline.Matches(cmd, "lst"), cmdline.Matches(cmd, "list"):
		return show(env)
	case cmdline.Matches(cmd, "help"):
		return usage(env.Stderr)
	}
	return cmdline.Fatal(cmdline.StatusUsage, "Command \"%s\" is unknown, try \"ip tuntap help\".", cmd)
}

func usage(w io.Writer) error {
	io.WriteString(w, `Usage: ip tuntap { add | del | show | list | lst | help } [ dev PHYS_DEV ]
       [ mode { tun | tap } ] [ user USER ] [ group GROUP ]
       [ one_queue ] [ pi ] [ vnet_hdr ] [ multi_queue ] [ name NAME ]

Where: USER  := { STRING | NUMBER }
       GROUP := { STRING | NUMBER }
`)
	return cmdline.Usage()
}

// errFailed is a failure already reported on stderr: ip's exit status 1.
var errFailed = cmdline.Silent(cmdline.StatusFailed)

func add(env *cli.Env, args *cmdline.Args) error {
	s, err := parse(env, args, true)
	if err != nil {
		return err
	}
	return inNamespace(env, func() error { return report(env, tuntap.Add(s)) })
}

func del(env *cli.Env, args *cmdline.Args) error {
	s, err := parse(env, args, false)
	if err != nil {
		return err
	}
	return inNamespace(env, func() error { return report(env, tuntap.DeleteSpec(s)) })
}

// report prints a failed step as iproute2's perror does.
func report(env *cli.Env, err error) error {
	if err == nil {
		return nil
	}
	env.Warnf("%s\n", err.Error())
	return errFailed
}

// inNamespace runs fn in the namespace -n selected: /dev/net/tun creates
// devices in the namespace of the thread that opens it.
func inNamespace(env *cli.Env, fn func() error) error {
	if env.NetNSFD < 0 {
		return fn()
	}
	var ferr error
	err := netns.DoFD(env.NetNSFD, func() error { ferr = fn(); return nil })
	if err != nil && ferr == nil {
		// Entering the namespace failed (iproute2 ran in it from the
		// start): perror's line for the call that did.
		what := "setns"
		var se *os.SyscallError
		if errors.As(err, &se) {
			what = se.Syscall
		}
		env.Warnf("%s: %s\n", what, rtnl.ErrnoText(err))
		return errFailed
	}
	return ferr
}
