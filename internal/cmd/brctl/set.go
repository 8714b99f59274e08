package brctl

import (
	"context"
	"github.com/gipnet/gip/bridge"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// setBridge sets one IFLA_BR_* attribute of the bridge brName and returns
// the errno brctl reports: ENODEV for no such device, EOPNOTSUPP for a
// device that is not a bridge, else the kernel's answer.
func (b *brctl) setBridge(brName string, enc func(ae *netlink.AttributeEncoder)) (unix.Errno, error) {
	br, errno, err := b.bridgeFor(brName)
	if err != nil || errno != 0 {
		return errno, err
	}
	err = b.setLink(int32(br.Index), func(ae *netlink.AttributeEncoder) error {
		ae.Nested(unix.IFLA_LINKINFO, func(li *netlink.AttributeEncoder) error {
			li.String(unix.IFLA_INFO_KIND, "bridge")
			li.Nested(unix.IFLA_INFO_DATA, func(d *netlink.AttributeEncoder) error {
				enc(d)
				return nil
			})
			return nil
		})
		return nil
	})
	if err != nil {
		return errnoOf(err), nil
	}
	return 0, nil
}

// setPort sets one IFLA_BRPORT_* attribute of port ifname. brctl writes
// the port's own sysfs file whatever bridge it names, and only when that
// fails asks the named bridge, so the errors come in that order: ENODEV for
// no such device or bridge, EOPNOTSUPP for a bridge that is not one, ENOENT
// for a device that is not a port, and for a value the kernel refuses the
// bridge's errors before the kernel's.
func (b *brctl) setPort(brName, ifname string, enc func(ae *netlink.AttributeEncoder)) (unix.Errno, error) {
	dev, err := bridge.GetLink(context.Background(), b.c, ifname)
	if err != nil {
		return 0, err
	}
	if dev == nil {
		return unix.ENODEV, nil
	}
	if !dev.IsPort() {
		_, errno, err := b.bridgeFor(brName)
		if err != nil || errno != 0 {
			return errno, err
		}
		return unix.ENOENT, nil
	}
	err = b.setLink(int32(dev.Index), func(ae *netlink.AttributeEncoder) error {
		ae.Nested(unix.IFLA_LINKINFO, func(li *netlink.AttributeEncoder) error {
			li.String(unix.IFLA_INFO_SLAVE_KIND, "bridge")
			li.Nested(unix.IFLA_INFO_SLAVE_DATA, func(d *netlink.AttributeEncoder) error {
				enc(d)
				return nil
			})
			return nil
		})
		return nil
	})
	if err != nil {
		// brctl's sysfs write failed: it asks the named bridge by ioctl
		// next, which fails first for a bridge that is missing or is not
		// one, else as the kernel did.
		if _, errno, err := b.bridgeFor(brName); err != nil || errno != 0 {
			return errno, err
		}
		return errnoOf(err), nil
	}
	return 0, nil
}

// onOff reads brctl's on/off words.
func onOff(s string) (v uint32, ok bool) {
	switch s {
	case "on", "yes", "1":
		return 1, true
	case "off", "no", "0":
		return 0, true
	}
	return 0, false
}

func (b *brctl) report(errno unix.Errno, err error, what string) error {
	if err != nil {
		return fatal(err)
	}
	if errno == 0 {
		return nil
	}
	b.warn("%s: %s", what, strerror(errno))
	return failed
}

func (b *brctl) stp(args []string) error {
	v, ok := onOff(args[2])
	if !ok {
		b.warn("expect on/off for argument")
		return failed
	}
	errno, err := b.setBridge(args[1], func(ae *netlink.AttributeEncoder) { ae.Uint32(unix.IFLA_BR_STP_STATE, v) })
	return b.report(errno, err, "set stp status failed")
}

// setTime is the four commands that set a bridge time in seconds.
func (b *brctl) setTime(args []string, attr uint16, bad, failMsg string) error {
	cs, ok := centiseconds(args[2])
	if !ok {
		b.warn("%s", bad)
		return failed
	}
	errno, err := b.setBridge(args[1], func(ae *netlink.AttributeEncoder) { ae.Uint32(attr, uint32(cs)) })
	return b.report(errno, err, failMsg)
}

func (b *brctl) setageing(args []string) error {
	return b.setTime(args, unix.IFLA_BR_AGEING_TIME, "bad ageing time value", "set ageing time failed")
}

func (b *brctl) setfd(args []string) error {
	return b.setTime(args, unix.IFLA_BR_FORWARD_DELAY, "bad forward delay value", "set forward delay failed")
}

func (b *brctl) sethello(args []string) error {
	return b.setTime(args, unix.IFLA_BR_HELLO_TIME, "bad hello timer value", "set hello timer failed")
}

func (b *brctl) setmaxage(args []string) error {
	return b.setTime(args, unix.IFLA_BR_MAX_AGE, "bad max age value", "set max age failed")
}

func (b *brctl) setbridgeprio(args []string) error {
	prio, ok := scanInt(args[2])
	if !ok {
		b.warn("bad priority")
		return failed
	}
	errno, err := b.setBridge(args[1], func(ae *netlink.AttributeEncoder) { ae.Uint16(unix.IFLA_BR_PRIORITY, uint16(prio)) })
	return b.report(errno, err, "set bridge priority failed")
}

func (b *brctl) setpathcost(args []string) error {
	cost, ok := scanInt(args[3])
	if !ok {
		b.warn("bad path cost value")
		return failed
	}
	// A negative cost is not refused here: brctl finds the port first
	// (no such device, not a port), and the kernel then answers ERANGE
	// for the out-of-range value it becomes.
	errno, err := b.setPort(args[1], args[2], func(ae *netlink.AttributeEncoder) { ae.Uint32(unix.IFLA_BRPORT_COST, uint32(cost)) })
	return b.report(errno, err, "set path cost failed")
}

func (b *brctl) setportprio(args []string) error {
	prio, ok := scanInt(args[3])
	if !ok {
		b.warn("bad path priority value")
		return failed
	}
	errno, err := b.setPort(args[1], args[2], func(ae *netlink.AttributeEncoder) {
		v := uint16(prio)
		if prio < 0 || prio > 0xffff {
			v = 0xffff // out of range either way: the kernel says ERANGE
		}
		ae.Uint16(unix.IFLA_BRPORT_PRIORITY, v)
	})
	return b.report(errno, err, "set port priority failed")
}

func (b *brctl) hairpin(args []string) error {
	brName, ifname := args[1], args[2]
	v, ok := onOff(args[3])
	if !ok {
		b.warn("expect on/off for argument")
		return failed
	}
	if dev, err := bridge.GetLink(context.Background(), b.c, ifname); err != nil {
		return fatal(err)
	} else if dev == nil {
		b.warn("interface %s does not exist!", ifname)
		return failed
	}
	if br, err := bridge.GetLink(context.Background(), b.c, brName); err != nil {
		return fatal(err)
	} else if br == nil {
		b.warn("bridge %s does not exist!", brName)
		return failed
	}
	errno, err := b.setPort(brName, ifname, func(ae *netlink.AttributeEncoder) { ae.Uint8(unix.IFLA_BRPORT_MODE, uint8(v)) })
	if err != nil {
		return fatal(err)
	}
	if errno != 0 {
		b.warn("can't set %s to hairpin on bridge %s: %s", ifname, brName, strerror(errno))
		return failed
	}
	return nil
}
