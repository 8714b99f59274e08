package tuntap

import (
	"context"
	"os"
	"strconv"
	"strings"

	"github.com/gipnet/gip/netns"
	"github.com/gipnet/gip/rtnl"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

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

// Device is one tun or tap link as `ip tuntap show` lists it.
type Device struct {
	Index int
	Name  string
	// Flags are the device's tun_flags: IFF_TUN or IFF_TAP, IFF_NO_PI,
	// IFF_ONE_QUEUE, IFF_VNET_HDR, IFF_MULTI_QUEUE, IFF_PERSIST, and
	// bits netlink does not report (IFF_ONE_QUEUE, IFF_NAPI…), which
	// ReadSysFlags adds from sysfs. IFF_NOFILTER is the bit of
	// IFF_NO_PI.
	Flags uint32
	// Owner and Group are the uid and gid allowed to attach, -1 for none.
	Owner, Group int64
}

// Mode is the device's mode: TUN or TAP (0 when the flags have neither).
func (d Device) Mode() Mode { return Mode(d.Flags & (unix.IFF_TUN | unix.IFF_TAP)) }

// DumpRequest is the RTM_GETLINK dump body `ip tuntap show` sends: links
// of kind "tun" only (the kernel filters by kind). Byte for byte
// iproute2's: IFLA_LINKINFO without the NLA_F_NESTED bit, the kind without
// a NUL, and no IFLA_EXT_MASK.
func DumpRequest() []byte {
	kind, _ := netlink.MarshalAttributes([]netlink.Attribute{{Type: unix.IFLA_INFO_KIND, Data: []byte("tun")}})
	b, _ := rtnl.Body(rtnl.IfInfomsg{Family: unix.AF_UNSPEC}.Append(nil), func(ae *netlink.AttributeEncoder) error {
		ae.Bytes(unix.IFLA_LINKINFO, kind)
		return nil
	})
	return b
}

// Dump lists the tun and tap devices of c's namespace from a link dump,
// in the kernel's order. The flags are those netlink reports; see
// ReadSysFlags for the rest.
func Dump(ctx context.Context, c *rtnl.Conn) ([]Device, error) {
	var devs []Device
	err := c.DumpContext(ctx, unix.RTM_GETLINK, DumpRequest(), func(m netlink.Message) error {
		if d, ok := DecodeLink(m); ok {
			devs = append(devs, d)
		}
		return nil
	})
	return devs, err
}

// List lists the tun and tap devices of the calling process's network
// namespace, with their flags completed from /sys.
func List() ([]Device, error) {
	c, err := rtnl.Dial(-1)
	if err != nil {
		return nil, err
	}
	defer c.Close()
	devs, err := Dump(context.Background(), c)
	if err != nil {
		return nil, err
	}
	ReadSysFlags(devs, -1)
	return devs, nil
}

// DecodeLink decodes one RTM_NEWLINK (or RTM_DELLINK) message into a
// Device, reporting false for anything that is not a tun or tap link. The
// Device holds no reference to m.
func DecodeLink(m netlink.Message) (Device, bool) {
	if m.Header.Type != unix.RTM_NEWLINK && m.Header.Type != unix.RTM_DELLINK {
		return Device{}, false
	}
	hdr, attrs, err := rtnl.ParseIfInfomsg(m.Data)
	if err != nil {
		return Device{}, false
	}
	if hdr.Type != unix.ARPHRD_NONE && hdr.Type != unix.ARPHRD_ETHER {
		return Device{}, false
	}
	d := Device{Index: int(hdr.Index), Owner: -1, Group: -1}
	var kind string
	var data []byte
	ad, err := rtnl.Decoder(attrs)
	if err != nil {
		return Device{}, false
	}
	for ad.Next() {
		switch ad.Type() {
		case unix.IFLA_IFNAME:
			d.Name = ad.String()
		case unix.IFLA_LINKINFO:
			ad.Nested(func(nad *netlink.AttributeDecoder) error {
				for nad.Next() {
					switch nad.Type() {
					case unix.IFLA_INFO_KIND:
						kind = nad.String()
					case unix.IFLA_INFO_DATA:
						data = nad.Bytes()
					}
				}
				return nil
			})
		}
	}
	if ad.Err() != nil || d.Name == "" || kind != "tun" {
		return Device{}, false
	}
	d.Flags = unix.IFF_NO_PI
	if data != nil {
		dd, err := rtnl.Decoder(data)
		if err != nil {
			return Device{}, false
		}
		for dd.Next() {
			switch dd.Type() {
			case tunType:
				d.Flags |= uint32(dd.Uint8())
			case tunPI:
				if dd.Uint8() != 0 {
					d.Flags &^= unix.IFF_NO_PI
				}
			case tunVnetHdr:
				if dd.Uint8() != 0 {
					d.Flags |= unix.IFF_VNET_HDR
				}
			case tunMultiQueue:
				if dd.Uint8() != 0 {
					d.Flags |= unix.IFF_MULTI_QUEUE
				}
			case tunPersist:
				if dd.Uint8() != 0 {
					d.Flags |= unix.IFF_PERSIST
				}
			case tunOwner:
				d.Owner = int64(dd.Uint32())
			case tunGroup:
				d.Group = int64(dd.Uint32())
			}
		}
		if dd.Err() != nil {
			return Device{}, false
		}
	}
	return d, true
}

// ReadSysFlags replaces each device's flags with its sysfs tun_flags, which
// also carry what netlink does not (one_queue, napi, nofilter). The /sys of
// this mount namespace shows the namespace it was mounted in, so for the
// devices of another namespace pass its fd as nsFD: a fresh sysfs is then
// mounted on a thread of its own, in a mount namespace that ends with it.
// nsFD -1 reads /sys as it is. A device whose ifindex there differs (another
// device of the same name) or that cannot be read keeps its flags.
func ReadSysFlags(devs []Device, nsFD int) {
	if len(devs) == 0 {
		return
	}
	read := func() {
		for i := range devs {
			d := &devs[i]
			dir := "/sys/class/net/" + d.Name + "/"
			idx, err := readNumber(dir + "ifindex")
			if err != nil || idx != int64(d.Index) {
				continue
			}
			f, err := readNumber(dir + "tun_flags")
			if err != nil {
				continue
			}
			d.Flags = uint32(f)
		}
	}
	if nsFD < 0 {
		read()
		return
	}
	// The thread changes its mount namespace, so it must end afterwards
	// rather than be reused.
	netns.OnThrowawayThread(func() {
		if unix.Unshare(unix.CLONE_NEWNS) != nil {
			return
		}
		if unix.Setns(nsFD, unix.CLONE_NEWNET) != nil {
			return
		}
		if unix.Mount("", "/", "none", unix.MS_SLAVE|unix.MS_REC, "") != nil {
			return
		}
		unix.Unmount("/sys", unix.MNT_DETACH)
		if unix.Mount("sysfs", "/sys", "sysfs", 0, "") != nil {
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
