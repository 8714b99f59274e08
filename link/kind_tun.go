package link

import (
	"os/user"
	"strconv"

	"github.com/gipnet/gip/format"
	"github.com/gipnet/gip/rtnl"
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

// tunInfo is the decoded IFLA_INFO_DATA of a tun/tap link: values by
// IFLA_TUN_* type, has telling which the kernel sent. Values, not
// pointers, so that ip -d link show allocates nothing per tun device.
type tunInfo struct {
	has  uint16 // bit n: attribute n was sent
	vals [iflaTunNumDisabledQueues + 1]uint32
}

func (t *tunInfo) present(a int) bool { return t.has&(1<<a) != 0 }

func decodeTun(data []byte) (tunInfo, error) {
	var t tunInfo
	// A malformed attribute anywhere is an error before anything is
	// printed, as the attribute decoder used here before reported it.
	chk := rtnl.NewAttrs(data)
	for chk.Next() {
	}
	if err := chk.Err(); err != nil {
		return t, err
	}
	ad := rtnl.NewAttrs(data)
	for ad.Next() {
		switch typ := int(ad.Type()); typ {
		case iflaTunType, iflaTunPI, iflaTunVnetHdr, iflaTunPersist, iflaTunMultiQueue:
			t.vals[typ], t.has = uint32(ad.Uint8()), t.has|1<<typ
		case iflaTunNumQueues, iflaTunNumDisabledQueues, iflaTunOwner, iflaTunGroup:
			t.vals[typ], t.has = ad.Uint32(), t.has|1<<typ
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
	if t.present(iflaTunType) {
		var s string
		switch t.vals[iflaTunType] {
		case unix.IFF_TUN:
			s = "tun"
		case unix.IFF_TAP:
			s = "tap"
		default:
			s = "UNKNOWN:" + strconv.Itoa(int(t.vals[iflaTunType]))
		}
		p.String(format.Any, "type", "type %s ", s)
	}
	if t.present(iflaTunPI) {
		p.OnOff(format.Any, "pi", "pi %s ", t.vals[iflaTunPI] != 0)
	}
	if t.present(iflaTunVnetHdr) {
		p.OnOff(format.Any, "vnet_hdr", "vnet_hdr %s ", t.vals[iflaTunVnetHdr] != 0)
	}
	if !t.present(iflaTunMultiQueue) || t.vals[iflaTunMultiQueue] == 0 {
		p.Bool(format.JSON, "multi_queue", "", false)
	} else {
		p.Bool(format.Any, "multi_queue", "multi_queue ", true)
		if t.present(iflaTunNumQueues) {
			p.Uint(format.Any, "numqueues", "numqueues %u ", uint64(t.vals[iflaTunNumQueues]))
		}
		if t.present(iflaTunNumDisabledQueues) {
			p.Uint(format.Any, "numdisabled", "numdisabled %u ", uint64(t.vals[iflaTunNumDisabledQueues]))
		}
	}
	if t.present(iflaTunPersist) {
		p.OnOff(format.Any, "persist", "persist %s ", t.vals[iflaTunPersist] != 0)
	}
	if t.present(iflaTunOwner) {
		id := strconv.FormatUint(uint64(t.vals[iflaTunOwner]), 10)
		if u, err := user.LookupId(id); err == nil {
			p.String(format.Any, "user", "user %s ", u.Username)
		} else {
			p.Uint(format.Any, "user", "user %u ", uint64(t.vals[iflaTunOwner]))
		}
	}
	if t.present(iflaTunGroup) {
		id := strconv.FormatUint(uint64(t.vals[iflaTunGroup]), 10)
		if g, err := user.LookupGroupId(id); err == nil {
			p.String(format.Any, "group", "group %s ", g.Name)
		} else {
			p.Uint(format.Any, "group", "group %u ", uint64(t.vals[iflaTunGroup]))
		}
	}
	return nil
}
