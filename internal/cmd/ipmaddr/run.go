// Package ipmaddr is `ip maddress`: the multicast addresses of each link
// (read by the maddr package), and joining or leaving a link-layer group
// with the SIOCADDMULTI and SIOCDELMULTI ioctls.
package ipmaddr

import (
	"errors"
	"unsafe"

	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/internal/cnum"
	"github.com/gipnet/gip/internal/usage"
	"github.com/gipnet/gip/link"
	"github.com/gipnet/gip/maddr"
	"github.com/gipnet/gip/netns"
	"github.com/gipnet/gip/rtnl"
	"golang.org/x/sys/unix"
)

// Run is `ip maddress`. Verbs are tried in iproute2's order ("a" is add,
// "d" delete, "l" list, "s" show).
func Run(env *cli.Env, args *cmdline.Args) error {
	if !args.More() {
		return list(env, args)
	}
	w := args.Next()
	m := func(kw string) bool { return cmdline.Matches(w, kw) }
	switch {
	case m("add"):
		return modify(env, args, unix.SIOCADDMULTI)
	case m("delete"):
		return modify(env, args, unix.SIOCDELMULTI)
	case m("list") || m("show") || m("lst"):
		return list(env, args)
	case m("help"):
		return printUsage(env)
	}
	return cmdline.Fatal(cmdline.StatusUsage, "Command \"%s\" is unknown, try \"ip maddr help\".", w)
}

func printUsage(env *cli.Env) error {
	env.P.Flush()
	usage.Maddress(env.Stderr)
	return cmdline.Usage()
}

// filter is ip maddress's process state (see cli.Env.MaddrFilter).
type filter struct {
	dev    *string
	family int
}

// list is `ip maddress show [ [ dev ] DEV ]`.
func list(env *cli.Env, args *cmdline.Args) error {
	f, _ := env.MaddrFilter.(*filter)
	if f == nil {
		f = &filter{}
		env.MaddrFilter = f
	}
	if f.family == unix.AF_UNSPEC {
		f.family = env.Opts.Family
	}
	for args.More() {
		w := args.Next()
		if w == "dev" {
			v, err := args.Value()
			if err != nil {
				return err
			}
			w = v
		} else if cmdline.Matches(w, "help") {
			return printUsage(env)
		}
		if f.dev != nil {
			return cmdline.Duplicate2("dev", w)
		}
		f.dev = &w
	}
	var entries []maddr.Address
	read := func() error {
		procNet := "/proc/net"
		if env.NetNSFD >= 0 {
			procNet = "/proc/thread-self/net"
		}
		entries = maddr.ReadProc(procNet, f.family, f.dev)
		return nil
	}
	if env.NetNSFD >= 0 {
		if err := netns.DoFD(env.NetNSFD, read); err != nil {
			return nsError(err)
		}
	} else {
		_ = read()
	}
	printList(env.P, env.Opts.Resolve, entries)
	return nil
}

// ifreq is struct ifreq with a hardware address (struct sockaddr).
type ifreq struct {
	name   [unix.IFNAMSIZ]byte
	family uint16
	data   [14]byte
	_      [8]byte
}

// modifyRequest reads `[ address ] LLADDR dev DEV` into an ifreq.
func modifyRequest(args *cmdline.Args) (*ifreq, error) {
	var req ifreq
	for args.More() {
		w := args.Next()
		if w == "dev" {
			v, err := args.Value()
			if err != nil {
				return nil, err
			}
			if req.name[0] != 0 {
				return nil, cmdline.Duplicate("dev", v)
			}
			if !validIfname(v) {
				return nil, cmdline.InvalidArg("\"dev\" not a valid ifname", v)
			}
			copy(req.name[:], v)
			continue
		}
		if cmdline.Matches(w, "address") {
			v, err := args.Value()
			if err != nil {
				return nil, err
			}
			w = v
		}
		if cmdline.Matches(w, "help") {
			return nil, errUsage
		}
		if req.data[0] != 0 {
			return nil, cmdline.Duplicate("address", w)
		}
		a, err := link.ParseLLAddr(w, len(req.data))
		if err != nil {
			return nil, cmdline.Fatal(cmdline.StatusFailed, "%s", err)
		}
		copy(req.data[:], a)
		if len(a) != 6 {
			return nil, cmdline.Fatal(cmdline.StatusFailed, "Error: Invalid address length %d - must be %d bytes", len(a), 6)
		}
	}
	if req.name[0] == 0 {
		return nil, cmdline.Fatal(cmdline.StatusUsage, "Not enough information: \"dev\" is required.")
	}
	return &req, nil
}

var errUsage = cmdline.Usage()

// modify is add and delete: the ioctl on a datagram socket of the
// selected family (IPv4 unless -6 or -0 is given). iproute2 exits after
// it, so a -batch ends there whatever the outcome.
func modify(env *cli.Env, args *cmdline.Args, op uint) error {
	req, err := modifyRequest(args)
	if err == errUsage {
		return printUsage(env)
	}
	if err != nil {
		return err
	}
	family := unix.AF_INET
	switch env.Opts.Family {
	case unix.AF_INET6, unix.AF_PACKET, unix.AF_INET:
		family = env.Opts.Family
	}
	do := func() error {
		fd, err := unix.Socket(family, unix.SOCK_DGRAM|unix.SOCK_CLOEXEC, 0)
		if err != nil {
			return cmdline.Fatal(cmdline.StatusFailed, "Cannot create socket: %s", rtnl.Strerror(err.(unix.Errno)))
		}
		defer unix.Close(fd)
		if _, _, e := unix.Syscall(unix.SYS_IOCTL, uintptr(fd), uintptr(op), uintptr(unsafe.Pointer(req))); e != 0 {
			return cmdline.Fatal(cmdline.StatusFailed, "ioctl: %s", rtnl.Strerror(e))
		}
		return nil
	}
	if env.NetNSFD >= 0 {
		if err = netns.DoFD(env.NetNSFD, do); err != nil {
			var ce *cmdline.Error
			if !errors.As(err, &ce) {
				err = nsError(err)
			}
		}
	} else {
		err = do()
	}
	if err != nil {
		return err
	}
	// iproute2 calls exit(0) after the ioctl: success, and under -batch
	// the end of the batch.
	return cmdline.Exited(cmdline.StatusOK)
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

// nsError is a failure to enter -n's namespace (which ip entered at
// start-up, where gip enters it per read): the command fails with the
// system's words.
func nsError(err error) error {
	return cmdline.Exit(cmdline.StatusFailed, "%s", err.Error())
}
