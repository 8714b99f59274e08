package tuntap

import (
	"bufio"
	"os"
	"strconv"
	"strings"

	"github.com/gipnet/gip/format"
	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/netns"
	"github.com/gipnet/gip/rtnl"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

var doNS = netns.Do

// IFLA_TUN_* (linux/if_link.h).
const (
	tunOwner      = 1
	tunGroup      = 2
	tunType       = 3
	tunPI         = 4
	tunVnetHdr    = 5
	tunPersist    = 6
	tunMultiQueue = 7
)

// IFF_NOFILTER shares its bit with IFF_NO_PI, so "filter" shows with "pi".
const iffNoFilter = 0x1000

// device is one tun/tap link as the listing shows it.
type device struct {
	index int32
	name  string
	flags uint32 // tun_flags: IFF_TUN/TAP, NO_PI, VNET_HDR, MULTI_QUEUE, PERSIST…
	owner int64  // -1: none
	group int64
}

func show(env *cli.Env) error {
	c, err := env.Conn()
	if err != nil {
		return err
	}
	devs, err := dumpTun(c)
	if err != nil {
		env.Warnf("%s\n", err.Error())
		return cmdline.Exit(cmdline.StatusFailed, "Dump terminated")
	}
	readSysFlags(env, devs)
	p := env.P
	p.Begin()
	for i := range devs {
		printDevice(env, p, &devs[i])
	}
	p.End()
	return nil
}

// tunFilter is the dump request: links of kind "tun" only.
func tunFilter() ([]byte, error) {
	return rtnl.Body(rtnl.IfInfomsg{Family: unix.AF_UNSPEC}.Append(nil), func(ae *netlink.AttributeEncoder) error {
		ae.Uint32(unix.IFLA_EXT_MASK, rtnl.ExtFilterSkipStats)
		ae.Nested(unix.IFLA_LINKINFO, func(nae *netlink.AttributeEncoder) error {
			nae.Bytes(unix.IFLA_INFO_KIND, []byte("tun"))
			return nil
		})
		return nil
	})
}

func dumpTun(c *rtnl.Conn) ([]device, error) {
	body, err := tunFilter()
	if err != nil {
		return nil, err
	}
	var devs []device
	err = c.Dump(unix.RTM_GETLINK, body, func(m netlink.Message) error {
		if d, ok := parseLink(m); ok {
			devs = append(devs, d)
		}
		return nil
	})
	return devs, err
}

// parseLink decodes one RTM_NEWLINK message into a device, reporting false
// for anything that is not a tun/tap link.
func parseLink(m netlink.Message) (device, bool) {
	if m.Header.Type != unix.RTM_NEWLINK && m.Header.Type != unix.RTM_DELLINK {
		return device{}, false
	}
	hdr, attrs, err := rtnl.ParseIfInfomsg(m.Data)
	if err != nil {
		return device{}, false
	}
	if hdr.Type != unix.ARPHRD_NONE && hdr.Type != unix.ARPHRD_ETHER {
		return device{}, false
	}
	d := device{index: hdr.Index, owner: -1, group: -1}
	var kind string
	var data []byte
	ad, err := rtnl.Decoder(attrs)
	if err != nil {
		return device{}, false
	}
	for ad.Next() {
		switch ad.Type() {
		case unix.IFLA_IFNAME:
			d.name = ad.String()
		case unix.IFLA_LINKINFO:
			ad.Nested(func(nad *netlink.AttributeDecoder) error {
				for nad.Next() {
					switch nad.Type() {
					case unix.IFLA_INFO_KIND:
						kind = nad.String()
					case unix.IFLA_INFO_DATA:
						data = append([]byte(nil), nad.Bytes()...)
					}
				}
				return nil
			})
		}
	}
	if ad.Err() != nil || d.name == "" || kind != "tun" {
		return device{}, false
	}
	d.flags = unix.IFF_NO_PI
	if data != nil {
		dd, err := rtnl.Decoder(data)
		if err != nil {
			return device{}, false
		}
		for dd.Next() {
			switch dd.Type() {
			case tunType:
				d.flags |= uint32(dd.Uint8())
			case tunPI:
				if dd.Uint8() != 0 {
					d.flags &^= unix.IFF_NO_PI
				}
			case tunVnetHdr:
				if dd.Uint8() != 0 {
					d.flags |= unix.IFF_VNET_HDR
				}
			case tunMultiQueue:
				if dd.Uint8() != 0 {
					d.flags |= unix.IFF_MULTI_QUEUE
				}
			case tunPersist:
				if dd.Uint8() != 0 {
					d.flags |= unix.IFF_PERSIST
				}
			case tunOwner:
				d.owner = int64(dd.Uint32())
			case tunGroup:
				d.group = int64(dd.Uint32())
			}
		}
		if dd.Err() != nil {
			return device{}, false
		}
	}
	return d, true
}

func printDevice(env *cli.Env, p *format.Printer, d *device) {
	p.OpenObject("")
	p.ColorString(format.Any, format.Ifname, "ifname", "%s:", d.name)
	printFlags(p, d.flags)
	if d.owner != -1 {
		p.Uint(format.Any, "user", " user %u", uint64(d.owner))
	}
	if d.group != -1 {
		p.Uint(format.Any, "group", " group %u", uint64(d.group))
	}
	if env.Opts.Details > 0 {
		p.String(format.Text, "", "%s\tAttached to processes:", p.NewlineToken())
		showProcesses(env, p, d.name)
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

// readSysFlags completes the flags netlink does not carry (one_queue, napi)
// from sysfs tun_flags. The sysfs mounted here shows the namespace it was
// mounted in, so under -n a fresh one is mounted on a thread of its own.
// Whatever fails leaves the netlink flags as they are.
func readSysFlags(env *cli.Env, devs []device) {
	if len(devs) == 0 {
		return
	}
	read := func() {
		for i := range devs {
			d := &devs[i]
			dir := "/sys/class/net/" + d.name + "/"
			idx, err := readNumber(dir + "ifindex")
			if err != nil || idx != int64(d.index) {
				continue
			}
			f, err := readNumber(dir + "tun_flags")
			if err != nil {
				continue
			}
			d.flags = uint32(f)
		}
	}
	if env.NetNSFD < 0 {
		read()
		return
	}
	// The thread changes its mount namespace, so it must end afterwards
	// rather than be reused.
	netns.OnThrowawayThread(func() {
		if unix.Unshare(unix.CLONE_NEWNS) != nil {
			return
		}
		if unix.Setns(env.NetNSFD, unix.CLONE_NEWNET) != nil {
			return
		}
		if unix.Mount("", "/", "none", unix.MS_SLAVE|unix.MS_REC, "") != nil {
			return
		}
		unix.Unmount("/sys", unix.MNT_DETACH)
		if unix.Mount(env.Opts.NetNS, "/sys", "sysfs", 0, "") != nil {
			return
		}
		read()
	})
}

func readNumber(path string) (int64, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return 0, err
	}
	return strconv.ParseInt(strings.TrimSpace(string(b)), 0, 64)
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
