package ipnetconf

import (
	"errors"

	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/internal/usage"
	"github.com/gipnet/gip/netconf"
	"github.com/gipnet/gip/rtnl"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// Run is `ip netconf [ show | list | lst ] [ dev DEV ]`.
func Run(env *cli.Env, args *cmdline.Args) error {
	if !args.More() {
		return show(env, args)
	}
	w := args.Next()
	switch {
	case cmdline.Matches(w, "show") || cmdline.Matches(w, "lst") || cmdline.Matches(w, "list"):
		return show(env, args)
	case cmdline.Matches(w, "help"):
		return printUsage(env)
	}
	return cmdline.Fatal(cmdline.StatusUsage, "Command \"%s\" is unknown, try \"ip netconf help\".", w)
}

func printUsage(env *cli.Env) error {
	env.P.Flush()
	usage.Netconf(env.Stderr)
	return cmdline.Usage()
}

// show lists the settings of every device, or asks for one device's when
// both a device and a family are given (iproute2 prints that answer with
// no JSON context open, so it is text whatever -json says, and a refusal
// prints nothing).
func show(env *cli.Env, args *cmdline.Args) error {
	var ifindex uint32
	for args.More() {
		if args.Next() != "dev" {
			continue // iproute2 skips other words
		}
		v, err := args.Value()
		if err != nil {
			return err
		}
		if ifindex = lookup(env, v); ifindex == 0 {
			return cmdline.Exit(cmdline.StatusFailed, "Device \"%s\" does not exist.", v)
		}
	}
	c, err := env.Conn()
	if err != nil {
		return err
	}
	env.InitLinks() // after the device's lookup, as iproute2 loads its cache
	names := env.LinkNames()
	defer names.Close()
	family := env.Opts.Family
	if ifindex != 0 && family != unix.AF_UNSPEC {
		np := NewPrinter(env.P.Plain(), names.Name, env.Warnf)
		np.Family, np.Index = family, ifindex
		m, err := c.Query(netconf.RTMGetNetconf, netlink.Acknowledge, netconf.GetRequest(family, ifindex))
		if err == nil {
			_ = np.Print(m.Header, m.Data)
		}
		return nil
	}
	// iproute2 turns off the dump loop's refusal lines on its handle
	// here, for the rest of a -batch too.
	env.DumpErrorMessagesOff = true
	np := NewPrinter(env.P, names.Name, env.Warnf)
	np.Family, np.Index = family, ifindex
	env.P.Begin()
	err = c.Dump(netconf.RTMGetNetconf, netconf.DumpRequest(family), func(m netlink.Message) error {
		return np.Print(m.Header, m.Data)
	})
	var ne *rtnl.Error
	switch {
	case errors.As(err, &ne):
		env.P.Flush()
		return cmdline.Fatal(cmdline.StatusFailed, "RTNETLINK answers: %s\nDump terminated", rtnl.Strerror(ne.Errno))
	case errors.As(err, new(errStop)):
		// iproute2 leaves the listing there, its JSON open.
		env.P.Flush()
		return cmdline.Fatal(cmdline.StatusFailed, "Dump terminated")
	case err != nil:
		return err
	}
	env.P.End()
	return nil
}

// lookup is ll_name_to_index on env's namespace: 0 for no such device.
func lookup(env *cli.Env, name string) uint32 {
	if _, err := env.Conn(); err != nil {
		return 0
	}
	return env.LinkIndex(name)
}
