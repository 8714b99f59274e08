package rule

import (
	"context"
	"net/netip"
	"strings"

	"github.com/gipnet/gip/rtnl"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// Rule is one routing policy rule as a Go program sees it. It owns its
// memory.
type Rule struct {
	// Family is unix.AF_INET or unix.AF_INET6; 0 when adding means Src's
	// or Dst's family, else inet (as ip rule's default).
	Family int
	// Priority is the rule's preference; 0 when adding lets the kernel
	// pick one (no FRA_PRIORITY is sent).
	Priority uint32
	// Src and Dst select by source and destination; the zero Prefix is
	// any address.
	Src, Dst netip.Prefix
	// IIF and OIF select by input and output device name ("" is any).
	IIF, OIF string
	// FwMark selects by firewall mark; FwMask, when not 0, is sent as the
	// mark's mask (ip rule's fwmark MARK/MASK).
	FwMark, FwMask uint32
	// TOS selects by type of service (dsfield).
	TOS uint8
	// Table is the table looked up; 0 when adding a rule whose Action is
	// to look up a table means main.
	Table uint32
	// Action is the FR_ACT_* action: unix.FR_ACT_TO_TBL (0 when adding
	// means that), unix.FR_ACT_BLACKHOLE, unix.FR_ACT_UNREACHABLE,
	// unix.FR_ACT_PROHIBIT or unix.FR_ACT_NOP.
	Action uint8
	// Invert negates the selector (ip rule not …).
	Invert bool
	// Protocol is who installed the rule (FRA_PROTOCOL); 0 is not sent.
	Protocol uint8
}

// FromMessage copies a decoded message into an owned Rule.
func FromMessage(m *Message) Rule {
	r := Rule{
		Family: int(m.Family), Priority: m.Priority, TOS: m.TOS, Table: m.Table,
		Action: m.Action, Invert: m.Flags&unix.FIB_RULE_INVERT != 0, Protocol: m.Protocol,
		FwMark: m.FwMark, FwMask: m.FwMask, IIF: strings.Clone(m.IIF), OIF: strings.Clone(m.OIF),
	}
	if a, ok := netip.AddrFromSlice(m.Src); ok {
		r.Src = netip.PrefixFrom(a, int(m.SrcLen))
	}
	if a, ok := netip.AddrFromSlice(m.Dst); ok {
		r.Dst = netip.PrefixFrom(a, int(m.DstLen))
	}
	return r
}

// DumpRequest encodes the RTM_GETRULE dump request ip rule show sends for
// family (0: every family).
func DumpRequest(family int) []byte {
	return Header(uint8(family), 0, 0, 0, 0, 0, 0)
}

// Dump streams the rule messages of family to fn. This is the zero-copy
// form: the message aliases the receive buffer and is valid only during
// the call.
func Dump(ctx context.Context, c *rtnl.Conn, family int, fn func(netlink.Message) error) error {
	return c.DumpContext(ctx, unix.RTM_GETRULE, DumpRequest(family), fn)
}

// List returns the rules of family (unix.AF_INET, unix.AF_INET6, or 0 for
// both), in the kernel's order, as owned values.
func List(ctx context.Context, c *rtnl.Conn, family int) ([]Rule, error) {
	var out []Rule
	var m Message
	err := Dump(ctx, c, family, func(msg netlink.Message) error {
		if msg.Header.Type != unix.RTM_NEWRULE || !DecodeMessage(msg.Data, &m) {
			return nil
		}
		out = append(out, FromMessage(&m))
		return nil
	})
	return out, err
}

func prefixFamily(p netip.Prefix) int {
	switch {
	case !p.IsValid():
		return 0
	case p.Addr().Is4():
		return unix.AF_INET
	}
	return unix.AF_INET6
}

// Request encodes an RTM_NEWRULE or RTM_DELRULE body for r as ip rule
// add|del lays out the words "[not] from SRC to DST pref PRIO tos TOS
// fwmark MARK[/MASK] protocol PROTO table TABLE iif IIF oif OIF": the
// header, then FRA_SRC, FRA_DST, FRA_PRIORITY, FRA_FWMARK, FRA_FWMASK,
// FRA_PROTOCOL, FRA_TABLE (tables over 255), FRA_IIFNAME and FRA_OIFNAME,
// each when set.
func Request(cmd uint16, r Rule) ([]byte, error) {
	fam := r.Family
	if fam == 0 {
		if fam = prefixFamily(r.Src); fam == 0 {
			fam = prefixFamily(r.Dst)
		}
	}
	if fam == 0 {
		fam = unix.AF_INET
	}
	action := r.Action
	if cmd == unix.RTM_NEWRULE && action == 0 {
		action = unix.FR_ACT_TO_TBL
	}
	var flags uint32
	if r.Invert {
		flags |= unix.FIB_RULE_INVERT
	}
	ae := netlink.NewAttributeEncoder()
	var srcLen, dstLen uint8
	if r.Src.IsValid() {
		srcLen = uint8(r.Src.Bits())
		ae.Bytes(unix.FRA_SRC, r.Src.Addr().AsSlice())
	}
	if r.Dst.IsValid() {
		dstLen = uint8(r.Dst.Bits())
		ae.Bytes(unix.FRA_DST, r.Dst.Addr().AsSlice())
	}
	if r.Priority != 0 {
		ae.Uint32(unix.FRA_PRIORITY, r.Priority)
	}
	if r.FwMark != 0 || r.FwMask != 0 {
		ae.Uint32(unix.FRA_FWMARK, r.FwMark)
		if r.FwMask != 0 {
			ae.Uint32(unix.FRA_FWMASK, r.FwMask)
		}
	}
	if r.Protocol != 0 {
		ae.Uint8(unix.FRA_PROTOCOL, r.Protocol)
	}
	table := r.Table
	if table == 0 && cmd == unix.RTM_NEWRULE && action == unix.FR_ACT_TO_TBL {
		table = unix.RT_TABLE_MAIN
	}
	hdrTable := uint8(table)
	if table > 255 {
		hdrTable = unix.RT_TABLE_UNSPEC
		ae.Uint32(unix.FRA_TABLE, table)
	}
	if r.IIF != "" {
		ae.Bytes(unix.FRA_IIFNAME, append([]byte(r.IIF), 0))
	}
	if r.OIF != "" {
		ae.Bytes(unix.FRA_OIFNAME, append([]byte(r.OIF), 0))
	}
	attrs, err := ae.Encode()
	if err != nil {
		return nil, err
	}
	return append(Header(uint8(fam), dstLen, srcLen, r.TOS, hdrTable, action, flags), attrs...), nil
}

// Add adds r (ip rule add); the kernel refuses a rule that exists.
func Add(ctx context.Context, c *rtnl.Conn, r Rule) error {
	body, err := Request(unix.RTM_NEWRULE, r)
	if err != nil {
		return err
	}
	return c.ExecContext(ctx, unix.RTM_NEWRULE, rtnl.Create|rtnl.Excl, body)
}

// Delete deletes the first rule r matches (ip rule del): the fields left
// zero match any rule.
func Delete(ctx context.Context, c *rtnl.Conn, r Rule) error {
	body, err := Request(unix.RTM_DELRULE, r)
	if err != nil {
		return err
	}
	return c.ExecContext(ctx, unix.RTM_DELRULE, 0, body)
}
