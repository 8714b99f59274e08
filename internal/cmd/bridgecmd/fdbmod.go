package bridgecmd

import (
	"bufio"
	"context"
	"github.com/gipnet/gip/bridge"
	"os"
	"strconv"
	"strings"

	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/internal/cnum"
	"github.com/gipnet/gip/rtnl"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

const (
	ntfUse    = bridge.NTFUse
	ntfSticky = bridge.NTFSticky
	ndaNHID   = 13 // NDA_NH_ID
)

// strtoulEnd is strtoul(s, &end, 0) for a caller that tests only *end:
// the value, and whether nothing is left after it. Without digits end is
// s itself, so "" reads as 0 but " " and "+" are refused.
func strtoulEnd(s string) (uint64, bool) {
	v, rest, _, _ := cnum.Strtoul(s, 0)
	return v, rest == ""
}

// udpService is getservbyname(name, "udp") from /etc/services.
func udpService(name string) (uint64, bool) {
	f, err := os.Open("/etc/services")
	if err != nil {
		return 0, false
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line, _, _ := strings.Cut(sc.Text(), "#")
		fs := strings.Fields(line)
		if len(fs) < 2 {
			continue
		}
		num, proto, ok := strings.Cut(fs[1], "/")
		if !ok || proto != "udp" {
			continue
		}
		for _, n := range append([]string{fs[0]}, fs[2:]...) {
			if n == name {
				p, err := strconv.ParseUint(num, 10, 16)
				return p, err == nil
			}
		}
	}
	return 0, false
}

// parseMAC is sscanf(s, "%hhx:%hhx:%hhx:%hhx:%hhx:%hhx") == 6: each byte
// is what ScanUint reads cut to 8 bits, and only the last may be followed
// by other text.
func parseMAC(s string) ([]byte, bool) {
	mac := make([]byte, 6)
	for i := range mac {
		v, rest, ok := cnum.ScanUint(s, 16)
		if !ok {
			return nil, false
		}
		mac[i] = byte(v)
		if i < len(mac)-1 {
			if rest == "" || rest[0] != ':' {
				return nil, false
			}
			s = rest[1:]
		}
	}
	return mac, true
}

func fdbModify(env *cli.Env, args *cmdline.Args, cmd netlink.HeaderType, flags netlink.HeaderFlags) error {
	var (
		addr, dev      string
		hasAddr        bool // a given '' is an address (an invalid one)
		hasDev         bool // and a device name no device has
		dst            cnum.Prefix
		dstOK          bool
		port           uint64
		vni, srcVNI    uint64 = ^uint64(0), ^uint64(0)
		viaName        string
		vid            = -1
		nhid           uint64
		ndmFlags       uint8
		ndmState       uint16 = unix.NUD_NOARP
		c              *rtnl.Conn
		err            error
		needConnForVia bool
	)
	for args.More() {
		w := args.Next()
		switch {
		case w == "dev":
			if dev, err = args.Value(); err != nil {
				return err
			}
			hasDev = true
		case w == "dst":
			v, err := args.Value()
			if err != nil {
				return err
			}
			if dstOK {
				return cmdline.Duplicate2("dst", v)
			}
			if dst, err = cnum.GetAddr(v, env.Opts.Family); err != nil {
				return err
			}
			dstOK = true
		case w == "nhid":
			v, err := args.Value()
			if err != nil {
				return err
			}
			n, ok := cnum.Uint32(v, 0)
			if !ok {
				return cmdline.InvalidArg("\"id\" value is invalid\n", v)
			}
			nhid = uint64(n)
		case w == "port":
			v, err := args.Value()
			if err != nil {
				return err
			}
			n, ok := strtoulEnd(v)
			if !ok {
				if n, ok = udpService(v); !ok {
					return cmdline.InvalidArg("invalid port\n", v)
				}
			} else if n > 0xffff {
				return cmdline.InvalidArg("invalid port\n", v)
			}
			port = n
		case w == "vni", w == "src_vni":
			v, err := args.Value()
			if err != nil {
				return err
			}
			n, ok := strtoulEnd(v)
			if !ok || n>>24 != 0 {
				if w == "vni" {
					return cmdline.InvalidArg("invalid VNI\n", v)
				}
				return cmdline.InvalidArg("invalid src VNI\n", v)
			}
			if w == "vni" {
				vni = n
			} else {
				srcVNI = n
			}
		case w == "via":
			if viaName, err = args.Value(); err != nil {
				return err
			}
			needConnForVia = true
			if c, err = env.Conn(); err != nil {
				return err
			}
			l, err := bridge.GetLink(context.Background(), c, viaName)
			if err != nil {
				return err
			}
			if l == nil {
				return cmdline.Exit(cmdline.StatusUsage, "Cannot find device \"%s\"", viaName)
			}
		case w == "self":
			ndmFlags |= unix.NTF_SELF
		case cmdline.Matches(w, "master"):
			ndmFlags |= unix.NTF_MASTER
		case cmdline.Matches(w, "router"):
			ndmFlags |= unix.NTF_ROUTER
		case cmdline.Matches(w, "local"), cmdline.Matches(w, "permanent"):
			ndmState |= unix.NUD_PERMANENT
		case cmdline.Matches(w, "temp"), cmdline.Matches(w, "static"):
			ndmState |= unix.NUD_REACHABLE
		case cmdline.Matches(w, "dynamic"):
			ndmState |= unix.NUD_REACHABLE
			ndmState &^= unix.NUD_NOARP
		case cmdline.Matches(w, "vlan"):
			if vid >= 0 {
				return cmdline.Duplicate2("vlan", w)
			}
			v, err := args.Value()
			if err != nil {
				return err
			}
			vid = int(int16(cnum.Atoi(v)))
		case cmdline.Matches(w, "use"):
			ndmFlags |= ntfUse
		case cmdline.Matches(w, "extern_learn"):
			ndmFlags |= unix.NTF_EXT_LEARNED
		case cmdline.Matches(w, "sticky"):
			ndmFlags |= ntfSticky
		default:
			if w == "to" {
				if w, err = args.Value(); err != nil {
					return err
				}
			}
			if cmdline.Matches(w, "help") {
				return fdbUsage(env)
			}
			if hasAddr {
				return cmdline.Duplicate2("to", w)
			}
			addr, hasAddr = w, true
		}
	}
	if !hasDev || !hasAddr {
		return cmdline.Exit(cmdline.StatusUsage, "Device and address are required arguments.")
	}
	if nhid != 0 && (dstOK || port != 0 || vni != ^uint64(0)) {
		return cmdline.Exit(cmdline.StatusUsage, "dst, port, vni are mutually exclusive with nhid")
	}
	if ndmFlags&(unix.NTF_SELF|unix.NTF_MASTER) == 0 {
		ndmFlags |= unix.NTF_SELF
	}
	if ndmState&(unix.NUD_PERMANENT|unix.NUD_REACHABLE) == 0 {
		ndmState |= unix.NUD_PERMANENT
	}
	mac, ok := parseMAC(addr)
	if !ok {
		return cmdline.Exit(cmdline.StatusUsage, "Invalid mac address %s", addr)
	}
	if c == nil {
		if c, err = env.Conn(); err != nil {
			return err
		}
	}
	var viaIndex int32
	if needConnForVia {
		l, err := bridge.GetLink(context.Background(), c, viaName)
		if err != nil {
			return err
		}
		viaIndex = int32(l.Index)
	}
	d, err := bridge.GetLink(context.Background(), c, dev)
	if err != nil {
		return err
	}
	if d == nil {
		return cmdline.Exit(cmdline.StatusUsage, "Cannot find device \"%s\"", dev)
	}
	e := bridge.FDBEntry{Index: int(d.Index), LLAddr: mac, State: ndmState, Flags: ndmFlags,
		Port: uint16(port), Via: int(viaIndex), NHID: uint32(nhid)}
	if vid >= 0 {
		e.VLAN = new(uint16(vid))
	}
	if vni != ^uint64(0) {
		e.VNI = new(uint32(vni))
	}
	if srcVNI != ^uint64(0) {
		e.SrcVNI = new(uint32(srcVNI))
	}
	var dstBytes []byte
	if dstOK {
		// the address as read, in whatever family -f asked for
		dstBytes = append([]byte{}, dst.Bytes()...)
	}
	body := bridge.FDBRequest(e, dstBytes)
	if err := c.Exec(cmd, flags, body); err != nil {
		env.Warnf("%s\n", err.Error())
		return cmdline.Silent(cmdline.StatusUsage)
	}
	return nil
}
