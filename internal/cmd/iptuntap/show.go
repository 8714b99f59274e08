package iptuntap

import (
	"bufio"
	"context"
	"os"
	"strconv"
	"strings"

	"github.com/gipnet/gip/format"
	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/rtnl"
	"github.com/gipnet/gip/tuntap"
	"golang.org/x/sys/unix"
)

// IFF_NOFILTER shares its bit with IFF_NO_PI, so "filter" shows with "pi".
const iffNoFilter = 0x1000

func show(env *cli.Env) error {
	c, err := env.Conn()
	if err != nil {
		return err
	}
	devs, err := tuntap.Dump(context.Background(), c)
	if err != nil {
		env.Warnf("%s\n", err.Error())
		return cmdline.Exit(cmdline.StatusFailed, "Dump terminated")
	}
	tuntap.ReadSysFlags(devs, env.NetNSFD)
	p := env.P
	p.Begin()
	for i := range devs {
		printDevice(env, p, &devs[i])
	}
	p.End()
	return nil
}

// printDevice prints one device as a line of `ip tuntap show`.
func printDevice(env *cli.Env, p *format.Printer, d *tuntap.Device) {
	p.OpenObject("")
	p.ColorString(format.Any, format.Ifname, "ifname", "%s:", d.Name)
	printFlags(p, d.Flags)
	if d.Owner != -1 {
		p.Uint(format.Any, "user", " user %u", uint64(d.Owner))
	}
	if d.Group != -1 {
		p.Uint(format.Any, "group", " group %u", uint64(d.Group))
	}
	if env.Opts.Details > 0 {
		p.String(format.Text, "", "%s\tAttached to processes:", p.NewlineToken())
		showProcesses(env, p, d.Name)
	}
	p.CloseObject()
	p.Text("\n")
}

func printFlags(p *format.Printer, flags uint32) {
	p.OpenArray(format.JSON, "flags", "")
	word := func(s string) { p.String(format.Any, "", " %s", s) }
	if flags&unix.IFF_TUN != 0 {
		word("tun")
	}
	if flags&unix.IFF_TAP != 0 {
		word("tap")
	}
	if flags&unix.IFF_NO_PI == 0 {
		word("pi")
	}
	if flags&unix.IFF_ONE_QUEUE != 0 {
		word("one_queue")
	}
	if flags&unix.IFF_MULTI_QUEUE != 0 {
		word("multi_queue")
	}
	if flags&unix.IFF_VNET_HDR != 0 {
		word("vnet_hdr")
	}
	if flags&unix.IFF_PERSIST != 0 {
		word("persist")
	}
	if flags&iffNoFilter == 0 {
		word("filter")
	}
	rest := flags &^ (unix.IFF_TUN | unix.IFF_TAP | unix.IFF_NO_PI | unix.IFF_ONE_QUEUE |
		unix.IFF_MULTI_QUEUE | unix.IFF_VNET_HDR | unix.IFF_PERSIST | iffNoFilter)
	if rest != 0 {
		p.Hex(format.Any, "", " 0x%x", uint64(rest))
	}
	p.CloseArray(format.JSON, "")
}

// showProcesses lists the processes holding name open through /dev/net/tun,
// from /proc/PID/fdinfo ("iff: NAME").
func showProcesses(env *cli.Env, p *format.Printer, name string) {
	p.OpenArray(format.JSON, "processes", "")
	defer p.CloseArray(format.JSON, "")
	procs, err := readDirNames("/proc")
	if err != nil {
		return
	}
	self := os.Getpid()
	for _, ps := range procs {
		pid, err := strconv.Atoi(ps)
		if err != nil || pid == self {
			continue
		}
		fds, err := readDirNames("/proc/" + ps + "/fd")
		if err != nil {
			continue
		}
		for _, fs := range fds {
			if _, err := strconv.Atoi(fs); err != nil {
				continue
			}
			target, err := os.Readlink("/proc/" + ps + "/fd/" + fs)
			if err != nil {
				env.Warnf("readlink: %s\n", rtnl.ErrnoText(err))
				continue
			}
			if target != "/dev/net/tun" {
				continue
			}
			f, err := os.Open("/proc/" + ps + "/fdinfo/" + fs)
			if err != nil {
				env.Warnf("fopen: %s\n", rtnl.ErrnoText(err))
				continue
			}
			sc := bufio.NewScanner(f)
			for sc.Scan() {
				k, v, ok := strings.Cut(sc.Text(), ":")
				if !ok || k != "iff" || strings.TrimSpace(v) != name {
					continue
				}
				comm := "<NULL>"
				if b, err := os.ReadFile("/proc/" + ps + "/comm"); err == nil {
					comm, _, _ = strings.Cut(string(b), "\n")
				}
				p.String(format.Any, "name", "%s", comm)
				p.Uint(format.Any, "pid", "(%d)", uint64(pid))
			}
			f.Close()
		}
	}
}

// readDirNames lists a directory in the order the kernel returns it, as
// glob(GLOB_NOSORT) does.
func readDirNames(dir string) ([]string, error) {
	f, err := os.Open(dir)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return f.Readdirnames(-1)
}
