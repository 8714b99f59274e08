// Package tuntap is `ip tuntap` (and its alias `ip tap`): create and delete
// persistent tun/tap devices through /dev/net/tun, and list them from a
// netlink link dump so the listing is right in any namespace.
package tuntap

import (
	"errors"
	"io"
	"os"

	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/rtnl"
	"golang.org/x/sys/unix"
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
	req, err := parse(env, args, true)
	if err != nil {
		return err
	}
	return inNamespace(env, func() error { return tunAdd(env, req) })
}

func del(env *cli.Env, args *cmdline.Args) error {
	req, err := parse(env, args, false)
	if err != nil {
		return err
	}
	return inNamespace(env, func() error { return tunDel(env, req) })
}

// inNamespace runs fn in the namespace -n selected: /dev/net/tun creates
// devices in the namespace of the thread that opens it.
func inNamespace(env *cli.Env, fn func() error) error {
	if env.NetNSFD < 0 {
		return fn()
	}
	var ferr error
	err := doNS(env.NetNSFD, func() error { ferr = fn(); return nil })
	if err != nil && ferr == nil {
		// Entering the namespace failed (iproute2 ran in it from the
		// start): perror's line for the call that did.
		what := "setns"
		var se *os.SyscallError
		if errors.As(err, &se) {
			what = se.Syscall
		}
		return perror(env, what, err)
	}
	return ferr
}

// perror prints what C's perror(what) prints and returns exit status 1.
func perror(env *cli.Env, what string, err error) error {
	env.Warnf("%s: %s\n", what, rtnl.ErrnoText(err))
	return errFailed
}

func openTun() (int, error) {
	return unix.Open("/dev/net/tun", unix.O_RDWR|unix.O_CLOEXEC, 0)
}

func setIff(fd int, r *request, extra uint16) error {
	ifr, err := unix.NewIfreq(r.name)
	if err != nil {
		// The name was checked to be shorter than IFNAMSIZ.
		return unix.EINVAL
	}
	ifr.SetUint16(r.flags | extra)
	return unix.IoctlIfreq(fd, unix.TUNSETIFF, ifr)
}

func tunAdd(env *cli.Env, r *request) error {
	fd, err := openTun()
	if err != nil {
		return perror(env, "open", err)
	}
	defer unix.Close(fd)
	if err := setIff(fd, r, unix.IFF_TUN_EXCL); err != nil {
		return perror(env, "ioctl(TUNSETIFF)", err)
	}
	if r.uid != noID {
		if err := unix.IoctlSetInt(fd, unix.TUNSETOWNER, int(r.uid)); err != nil {
			return perror(env, "ioctl(TUNSETOWNER)", err)
		}
	}
	if r.gid != noID {
		if err := unix.IoctlSetInt(fd, unix.TUNSETGROUP, int(r.gid)); err != nil {
			return perror(env, "ioctl(TUNSETGROUP)", err)
		}
	}
	if err := unix.IoctlSetInt(fd, unix.TUNSETPERSIST, 1); err != nil {
		return perror(env, "ioctl(TUNSETPERSIST)", err)
	}
	return nil
}

func tunDel(env *cli.Env, r *request) error {
	fd, err := openTun()
	if err != nil {
		return perror(env, "open", err)
	}
	defer unix.Close(fd)
	if err := setIff(fd, r, 0); err != nil {
		return perror(env, "ioctl(TUNSETIFF)", err)
	}
	if err := unix.IoctlSetInt(fd, unix.TUNSETPERSIST, 0); err != nil {
		return perror(env, "ioctl(TUNSETPERSIST)", err)
	}
	return nil
}
