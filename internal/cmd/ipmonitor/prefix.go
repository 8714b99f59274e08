package ipmonitor

import (
	"encoding/binary"
	"net/netip"
	"strconv"

	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/rtnl"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// prefixmsg fields and attributes (RTM_NEWPREFIX, IPv6 router
// advertisements).
const (
	prefixmsgLen        = 12
	prefixAddress       = 1
	prefixCacheinfo     = 2
	ndOptPrefixInfo     = 3
	ifPrefixOnlink      = 0x01
	ifPrefixAutoconf    = 0x02
	prefixCacheinfoSize = 8
)

// printPrefix is iproute2's print_prefix, its missing space before "dev"
// included.
func printPrefix(env *cli.Env, name func(uint32) string, h netlink.Header, body []byte) error {
	if len(body) < prefixmsgLen {
		env.Warnf("BUG: wrong nlmsg len %d\n", len(body)-prefixmsgLen)
		return ErrStop
	}
	family := env.Opts.Family
	if family == unix.AF_UNSPEC {
		family = unix.AF_INET6
	}
	if family != unix.AF_INET6 {
		return nil
	}
	if body[0] != unix.AF_INET6 {
		env.Warnf("incorrect protocol family: %d\n", body[0])
		return nil
	}
	if body[8] != ndOptPrefixInfo {
		env.Warnf("wrong ND type %d\n", body[8])
		return nil
	}
	plen, flags := body[9], body[10]
	ifindex := binary.NativeEndian.Uint32(body[4:])
	var addr, ci []byte
	for ad := rtnl.NewAttrs(body[prefixmsgLen:]); ad.Next(); {
		switch ad.Type() {
		case prefixAddress:
			addr = ad.Data()
		case prefixCacheinfo:
			ci = ad.Data()
		}
	}
	w := env.P.Writer()
	if addr != nil {
		a := "???"
		if len(addr) == 16 {
			a = netip.AddrFrom16([16]byte(addr)).String()
		}
		w.WriteString("prefix " + a + "/" + strconv.Itoa(int(plen)))
	}
	w.WriteString("dev " + name(ifindex) + " ")
	if flags&ifPrefixOnlink != 0 {
		w.WriteString("onlink ")
	}
	if flags&ifPrefixAutoconf != 0 {
		w.WriteString("autoconf ")
	}
	if len(ci) >= prefixCacheinfoSize {
		w.WriteString("valid " + strconv.FormatUint(uint64(binary.NativeEndian.Uint32(ci[4:])), 10) + " ")
		w.WriteString("preferred " + strconv.FormatUint(uint64(binary.NativeEndian.Uint32(ci)), 10) + " ")
	}
	w.WriteString("\n")
	return nil
}
