// Package iptunnel is the `ip tunnel` command (and its alias `ip tunl`):
// the word grammars of `ip tunnel` and `ip -6 tunnel`, and the printer of
// tunnel settings that show and its listing share, over the tunnel
// package, which issues the ioctls.
package iptunnel

import (
	"errors"

	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/internal/usage"
	"github.com/gipnet/gip/link"
	"github.com/gipnet/gip/rtnl"
	"github.com/gipnet/gip/tunnel"
	"golang.org/x/sys/unix"
)

// ipv6Modes are the mode words that make `ip tunnel` an IPv6 tunnel
// command, whatever the family option says.
var ipv6Modes = []string{
	"ipv6/ipv6", "ip6ip6", "vti6", "ip/ipv6", "ipv4/ipv6", "ipip6", "ip4ip6",
	"ip6gre", "gre/ipv6", "any/ipv6", "any",
}

// familyOf is the family the command runs in: the first "mode" word
// (the verb included) followed by an IPv6 mode makes it AF_INET6.
func familyOf(family int, words []string) int {
	for i := 0; i < len(words)-1; i++ {
		if words[i] != "mode" {
			continue
		}
		for _, m := range ipv6Modes {
			if words[i+1] == m {
				return unix.AF_INET6
			}
		}
		break
	}
	return family
}

// tool is one `ip tunnel` command: its environment, the family of its
// structures, and the socket its ioctls go through (opened on first use).
type tool struct {
	env    *cli.Env
	family int
	s      *tunnel.Socket
	names  *link.Names
	// do issues an ioctl (tests record them instead): a refusal is a
	// *tunnel.Error.
	do func(cmd uint, name string, data []byte) error
}

// Run is the `ip tunnel` command.
func Run(env *cli.Env, args *cmdline.Args) error {
	t := &tool{env: env}
	t.do = t.socketIoctl
	defer t.close()
	return t.run(args)
}

func (t *tool) run(args *cmdline.Args) error {
	env := t.env
	switch family := familyOf(env.Opts.Family, args.Rest()); family {
	case unix.AF_UNSPEC, unix.AF_INET:
		t.family = unix.AF_INET
		return t.run4(args)
	case unix.AF_INET6:
		t.family = unix.AF_INET6
		return t.run6(args)
	default:
		return cmdline.Fatal(cmdline.StatusUsage, "Unsupported protocol family: %d", family)
	}
}

func (t *tool) run4(args *cmdline.Args) error {
	if !args.More() {
		return t.show4(args)
	}
	verb := args.Next()
	switch {
	case cmdline.Matches(verb, "add"):
		return t.add4(args, tunnel.SIOCADDTUNNEL)
	case cmdline.Matches(verb, "change"):
		return t.add4(args, tunnel.SIOCCHGTUNNEL)
	case cmdline.Matches(verb, "delete"):
		return t.del4(args)
	case cmdline.Matches(verb, "show"), cmdline.Matches(verb, "lst"), cmdline.Matches(verb, "list"):
		return t.show4(args)
	case cmdline.Matches(verb, "prl"):
		return t.prl(args)
	case cmdline.Matches(verb, "6rd"):
		return t.sixRD(args)
	case cmdline.Matches(verb, "help"):
		return t.usage()
	}
	return cmdline.Fatal(cmdline.StatusUsage, "Command \"%s\" is unknown, try \"ip tunnel help\"", verb)
}

func (t *tool) run6(args *cmdline.Args) error {
	if !args.More() {
		return t.show6(args)
	}
	verb := args.Next()
	switch {
	case cmdline.Matches(verb, "add"):
		return t.add6(args, tunnel.SIOCADDTUNNEL)
	case cmdline.Matches(verb, "change"):
		return t.add6(args, tunnel.SIOCCHGTUNNEL)
	case cmdline.Matches(verb, "delete"):
		return t.del6(args)
	case cmdline.Matches(verb, "show"), cmdline.Matches(verb, "lst"), cmdline.Matches(verb, "list"):
		return t.show6(args)
	case cmdline.Matches(verb, "help"):
		return t.usage()
	}
	return cmdline.Fatal(cmdline.StatusUsage, "Command \"%s\" is unknown, try \"ip -f inet6 tunnel help\".", verb)
}

// usage prints the usage text of the command's family.
func (t *tool) usage() error {
	t.env.P.Flush()
	if t.family == unix.AF_INET6 {
		usage.Tunnel6(t.env.Stderr)
	} else {
		usage.Tunnel(t.env.Stderr)
	}
	return cmdline.Usage()
}

func (t *tool) close() {
	if t.s != nil {
		t.s.Close()
	}
}

// sock is the command's ioctl socket.
func (t *tool) sock() (*tunnel.Socket, error) {
	if t.s == nil {
		s, err := tunnel.OpenNetNS(t.env.NetNSFD, t.family)
		if err != nil {
			return nil, cmdline.Exit(cmdline.StatusFailed, "create socket failed: %s", rtnl.ErrnoText(err))
		}
		t.s = s
	}
	return t.s, nil
}

// socketIoctl issues an ioctl on the command's socket.
func (t *tool) socketIoctl(cmd uint, name string, data []byte) error {
	s, err := t.sock()
	if err != nil {
		return err
	}
	return s.Ioctl(cmd, name, data)
}

// ioctl issues one ioctl, failing with the line iproute2 prints for it.
func (t *tool) ioctl(cmd uint, name string, data []byte) error {
	if err := t.do(cmd, name, data); err != nil {
		var te *tunnel.Error
		if errors.As(err, &te) {
			return cmdline.Exit(cmdline.StatusFailed, "%s", err.Error())
		}
		return err
	}
	return nil
}

// devIndex is ll_name_to_index: 0 for no such device.
func (t *tool) devIndex(name string) (int32, error) {
	if _, err := t.env.Conn(); err != nil {
		return 0, err
	}
	return int32(t.env.LinkIndex(name)), nil
}

// linkName is ll_index_to_name.
func (t *tool) linkName(idx int32) string {
	if t.names == nil {
		t.names = t.env.LinkNames()
	}
	return t.names.Name(uint32(idx))
}
