package brctl

import (
	"context"
	"github.com/gipnet/gip/bridge"
	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/rtnl"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

var failed = cmdline.Silent(cmdline.StatusFailed)

// fatal reports a failure that is not the kernel refusing: a netlink
// socket error. brctl has no such case; it is reported as it is.
func fatal(err error) error { return err }

func (b *brctl) show(args []string) error {
	links, err := bridge.DumpLinks(context.Background(), b.c)
	if err != nil {
		return fatal(err)
	}
	var shown []showEntry
	errs := 0
	if len(args) == 1 {
		var brs []*bridge.Link
		for _, l := range links {
			if l.IsBridge() {
				brs = append(brs, l)
			}
		}
		bridge.SortByName(brs)
		for _, br := range brs {
			shown = append(shown, showEntry{name: br.Name, link: br, ports: names(bridge.PortsOf(links, br.Index))})
		}
	} else {
		for _, name := range args[1:] {
			if l := bridge.SysfsBridge(links, name); l != nil {
				shown = append(shown, showEntry{name: name, link: l, ports: names(bridge.PortsOf(links, l.Index))})
				continue
			}
			// brctl's fallback: the ioctls, on the device they reach
			// (the id and STP state they give are what sysfs shows).
			l, errno := bridge.IoctlBridge(links, name)
			switch errno {
			case 0:
				shown = append(shown, showEntry{name: name, link: l, ports: names(bridge.PortsByNumber(links, l.Index))})
			case unix.ENODEV:
				b.warn("bridge %s does not exist!", name)
				errs++
			default:
				b.warn("device %s is not a bridge!", name)
				errs++
			}
		}
	}
	b.env.P.Text(formatShow(shown))
	if errs > 0 {
		return failed
	}
	return nil
}

func names(ls []*bridge.Link) []string {
	s := make([]string, len(ls))
	for i, l := range ls {
		s[i] = l.Name
	}
	return s
}

// setLink sends RTM_NEWLINK for an existing link with the attributes fn
// encodes.
func (b *brctl) setLink(index int32, fn func(ae *netlink.AttributeEncoder) error) error {
	body, err := rtnl.Body(rtnl.IfInfomsg{Family: unix.AF_UNSPEC, Index: index}.Append(nil), fn)
	if err != nil {
		return err
	}
	return b.c.Exec(unix.RTM_NEWLINK, 0, body)
}

func (b *brctl) addbr(args []string) error {
	name := bridge.IfreqName(args[1])
	var err error
	if name == "" {
		// Netlink would pick a name for an empty one; the ioctl refuses it.
		err = &rtnl.Error{Errno: unix.EINVAL}
	} else {
		var body []byte
		body, err = rtnl.Body(rtnl.IfInfomsg{Family: unix.AF_UNSPEC}.Append(nil), func(ae *netlink.AttributeEncoder) error {
			ae.String(unix.IFLA_IFNAME, name)
			ae.Nested(unix.IFLA_LINKINFO, func(nae *netlink.AttributeEncoder) error {
				nae.String(unix.IFLA_INFO_KIND, "bridge")
				return nil
			})
			return nil
		})
		if err == nil {
			err = b.c.Exec(unix.RTM_NEWLINK, rtnl.Create|rtnl.Excl, body)
		}
	}
	if err == nil {
		return nil
	}
	if e := errnoOf(err); e == unix.EEXIST {
		b.warn("device %s already exists; can't create bridge with the same name", args[1])
	} else {
		b.warn("add bridge failed: %s", strerror(e))
	}
	return failed
}

func (b *brctl) delbr(args []string) error {
	// SIOCBRDELBR takes a bare name, not a struct ifreq: the kernel looks
	// it up as it is, so "br0:1" is no bridge there.
	l, err := bridge.GetLinkExact(context.Background(), b.c, bridge.IfreqName(args[1]))
	if err != nil {
		return fatal(err)
	}
	var errno unix.Errno
	switch {
	case l == nil:
		errno = unix.ENXIO
	case !l.IsBridge():
		errno = unix.EPERM
	case l.Flags&unix.IFF_UP != 0:
		errno = unix.EBUSY
	default:
		body := rtnl.IfInfomsg{Family: unix.AF_UNSPEC, Index: int32(l.Index)}.Append(nil)
		if err := b.c.Exec(unix.RTM_DELLINK, 0, body); err != nil {
			errno = errnoOf(err)
		}
	}
	switch errno {
	case 0:
		return nil
	case unix.ENXIO:
		b.warn("bridge %s doesn't exist; can't delete it", args[1])
	case unix.EBUSY:
		b.warn("bridge %s is still up; can't delete it", args[1])
	default:
		b.warn("can't delete bridge %s: %s", args[1], strerror(errno))
	}
	return failed
}

// bridgeFor is the bridge an ioctl naming br would reach: ENODEV when there
// is no such device, EOPNOTSUPP when it is not a bridge.
func (b *brctl) bridgeFor(br string) (*bridge.Link, unix.Errno, error) {
	l, err := bridge.GetLink(context.Background(), b.c, bridge.IfreqName(br))
	if err != nil {
		return nil, 0, err
	}
	if l == nil {
		return nil, unix.ENODEV, nil
	}
	if !l.IsBridge() {
		return l, unix.EOPNOTSUPP, nil
	}
	return l, 0, nil
}

// warnMissing says which of a bridge and a device is missing after an
// ENODEV, as brctl does for addif and delif.
func (b *brctl) warnMissing(brName, ifname string) {
	if dev, err := bridge.GetLink(context.Background(), b.c, ifname); err == nil && dev == nil {
		b.warn("interface %s does not exist!", ifname)
	} else {
		b.warn("bridge %s does not exist!", brName)
	}
}

func (b *brctl) addif(args []string) error {
	brName := args[1]
	for _, ifname := range args[2:] {
		errno, err := b.addOne(brName, ifname)
		if err != nil {
			return fatal(err)
		}
		switch errno {
		case 0:
			continue
		case unix.ENODEV:
			b.warnMissing(brName, ifname)
		case unix.EBUSY:
			b.warn("device %s is already a member of a bridge; can't add it to bridge %s.", ifname, brName)
		case unix.ELOOP:
			b.warn("device %s is a bridge device itself; can't add a bridge device to a bridge device.", ifname)
		default:
			b.warn("can't add %s to bridge %s: %s", ifname, brName, strerror(errno))
		}
		return failed
	}
	return nil
}

// addOne makes ifname a port of brName and returns the errno SIOCBRADDIF
// would have returned. Netlink would move a port from another master, or
// accept it again in its own bridge; the ioctl refuses both, so those cases
// are decided here in the order br_add_if checks them.
func (b *brctl) addOne(brName, ifname string) (unix.Errno, error) {
	dev, err := bridge.GetLink(context.Background(), b.c, ifname)
	if err != nil || dev == nil {
		return unix.ENODEV, err
	}
	br, errno, err := b.bridgeFor(brName)
	if err != nil || errno != 0 {
		return errno, err
	}
	if dev.Master != 0 {
		switch {
		case dev.Flags&unix.IFF_LOOPBACK != 0 || dev.Type != unix.ARPHRD_ETHER:
			return unix.EINVAL, nil
		case dev.IsBridge():
			return unix.ELOOP, nil
		default:
			return unix.EBUSY, nil
		}
	}
	err = b.setLink(int32(dev.Index), func(ae *netlink.AttributeEncoder) error {
		ae.Uint32(unix.IFLA_MASTER, uint32(br.Index))
		return nil
	})
	if err != nil {
		return errnoOf(err), nil
	}
	return 0, nil
}

func (b *brctl) delif(args []string) error {
	brName := args[1]
	for _, ifname := range args[2:] {
		errno, err := b.delOne(brName, ifname)
		if err != nil {
			return fatal(err)
		}
		switch errno {
		case 0:
			continue
		case unix.ENODEV:
			b.warnMissing(brName, ifname)
		case unix.EINVAL:
			b.warn("device %s is not a port of %s", ifname, brName)
		default:
			b.warn("can't delete %s from %s: %s", ifname, brName, strerror(errno))
		}
		return failed
	}
	return nil
}

func (b *brctl) delOne(brName, ifname string) (unix.Errno, error) {
	dev, err := bridge.GetLink(context.Background(), b.c, ifname)
	if err != nil || dev == nil {
		return unix.ENODEV, err
	}
	br, errno, err := b.bridgeFor(brName)
	if err != nil || errno != 0 {
		return errno, err
	}
	if !dev.IsPort() || dev.Master != br.Index {
		return unix.EINVAL, nil
	}
	err = b.setLink(int32(dev.Index), func(ae *netlink.AttributeEncoder) error {
		ae.Uint32(unix.IFLA_MASTER, 0)
		return nil
	})
	if err != nil {
		return errnoOf(err), nil
	}
	return 0, nil
}
