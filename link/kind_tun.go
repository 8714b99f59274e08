package link

import (
	"os/user"
	"strconv"

	"github.com/gipnet/gip/format"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// IFLA_TUN_* (linux/if_link.h), the attributes tun puts in IFLA_INFO_DATA.
const (
	iflaTunOwner             = 1
	iflaTunGroup             = 2
	iflaTunType              = 3
	iflaTunPI                = 4
	iflaTunVnetHdr           = 5
	iflaTunPersist           = 6
	iflaTunMultiQueue        = 7
	iflaTunNumQueues         = 8
	iflaTunNumDisabledQueues = 9
)

var tunKind = Kind{Name: "tun", Print: printTun}

// tunInfo is the decoded IFLA_INFO_DATA of a tun/tap link; a pointer is nil
// when the kernel did not send the attribute.
type tunInfo struct {
	typ         *uint8
	pi          *uint8
	vnetHdr     *uint8
	persist     *uint8
	multiQueue  *uint8
	numQueues   *uint32
	numDisabled *uint32
	owner       *uint32
	group       *uint32
}

func decodeTun(data []byte) (tunInfo, error) {
	var t tunInfo
	ad, err := netlink.NewAttributeDecoder(data)
	if err != nil {
		return t, err
	}
	u8 := func() *uint8 { v := ad.Uint8(); return &v }
	u32 := func() *uint32 { v := ad.Uint32(); return &v }
	for ad.Next() {
		switch ad.Type() {
		case iflaTunType:
			t.typ = u8()
		case iflaTunPI:
			t.pi = u8()
		case iflaTunVnetHdr:
			t.vnetHdr = u8()
		case iflaTunPersist:
			t.persist = u8()
		case iflaTunMultiQueue:
			t.multiQueue = u8()
		case iflaTunNumQueues:
			t.numQueues = u32()
		case iflaTunNumDisabledQueues:
			t.numDisabled = u32()
		case iflaTunOwner:
			t.owner = u32()
		case iflaTunGroup:
			t.group = u32()
		}
	}
	return t, ad.Err()
}

// printTun prints `type tun pi off vnet_hdr on [multi_queue numqueues N
// numdisabled N] persist on [user U] [group G]` as `ip -d link` does.
func printTun(p *format.Printer, _ IndexNamer, data []byte) error {
	if data == nil {
		return nil
	}
	t, err := decodeTun(data)
	if err != nil {
		return err
	}
	if t.typ != nil {
		var s string
		switch *t.typ {
		case unix.IFF_TUN:
			s = "tun"
		case unix.IFF_TAP:
			s = "tap"
		default:
			s = "UNKNOWN:" + strconv.Itoa(int(*t.typ))
		}
		p.String(format.Any, "type", "type %s ", s)
	}
	if t.pi != nil {
		p.OnOff(format.Any, "pi", "pi %s ", *t.pi != 0)
	}
	if t.vnetHdr != nil {
		p.OnOff(format.Any, "vnet_hdr", "vnet_hdr %s ", *t.vnetHdr != 0)
	}
	if t.multiQueue == nil || *t.multiQueue == 0 {
		p.Bool(format.JSON, "multi_queue", "", false)
	} else {
		p.Bool(format.Any, "multi_queue", "multi_queue ", true)
		if t.numQueues != nil {
			p.Uint(format.Any, "numqueues", "numqueues %u ", uint64(*t.numQueues))
		}
		if t.numDisabled != nil {
			p.Uint(format.Any, "numdisabled", "numdisabled %u ", uint64(*t.numDisabled))
		}
	}
	if t.persist != nil {
		p.OnOff(format.Any, "persist", "persist %s ", *t.persist != 0)
	}
	if t.owner != nil {
		id := strconv.FormatUint(uint64(*t.owner), 10)
		if u, err := user.LookupId(id); err == nil {
			p.String(format.Any, "user", "user %s ", u.Username)
		} else {
			p.Uint(format.Any, "user", "user %u ", uint64(*t.owner))
		}
	}
	if t.group != nil {
		id := strconv.FormatUint(uint64(*t.group), 10)
		if g, err := user.LookupGroupId(id); err == nil {
			p.String(format.Any, "group", "group %s ", g.Name)
		} else {
			p.Uint(format.Any, "group", "group %u ", uint64(*t.group))
		}
	}
	return nil
}
