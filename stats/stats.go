// Package stats reads and sets a link's statistics through RTM_GETSTATS and
// RTM_SETSTATS (what `ip stats` shows): the 64-bit link counters, the link
// kinds' extended statistics (bridge STP and multicast, bond 802.3ad), the
// offload statistics (CPU hits, hardware L3 statistics and their state) and
// the per-family statistics (MPLS).
//
// A Filter says which statistics a request asks for; its Body is the request
// iproute2 6.1 sends for the same selection, byte for byte. Decode turns an
// RTM_NEWSTATS message into a Stats value that owns its memory.
package stats

import (
	"context"
	"encoding/binary"
	"errors"

	"github.com/gipnet/gip/rtnl"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// Message types (linux/rtnetlink.h); x/sys/unix names only RTM_GETSTATS
// and RTM_NEWSTATS.
const (
	MsgNew = unix.RTM_NEWSTATS // 92, a link's statistics (answer or event)
	MsgGet = unix.RTM_GETSTATS // 94
	MsgSet = 95                // RTM_SETSTATS
)

// Top-level attributes of a stats message (IFLA_STATS_*). A Filter's Mask
// bit for attribute A is 1<<(A-1).
const (
	AttrLink64       = 1 // struct rtnl_link_stats64
	AttrXstats       = 2 // the link kind's extended statistics
	AttrXstatsSlave  = 3 // the port kind's extended statistics
	AttrOffload      = 4 // IFLA_OFFLOAD_XSTATS_* nest
	AttrAFSpec       = 5 // per address family nest
	attrMax          = AttrAFSpec
	attrGetFilters   = 1 // IFLA_STATS_GET_FILTERS (request nest)
	attrSetL3Stats   = 2 // IFLA_STATS_SET_OFFLOAD_XSTATS_L3_STATS (u8)
	nestedFlag       = unix.NLA_F_NESTED
	ifStatsMsgLength = 12 // struct if_stats_msg
)

// Link kinds inside AttrXstats and AttrXstatsSlave (LINK_XSTATS_TYPE_*).
const (
	XstatsBridge  = 1
	XstatsBond    = 2
	xstatsTypeMax = XstatsBond
)

// Attributes of a bridge's (BRIDGE_XSTATS_*) and a bond's (BOND_XSTATS_*)
// extended statistics.
const (
	BridgeMcast    = 2 // struct br_mcast_stats
	BridgeSTP      = 4 // struct bridge_stp_xstats
	bridgeXstatMax = 5
	Bond3AD        = 1 // BOND_3AD_STAT_* nest
	bondXstatMax   = 1
)

// Offload statistics (IFLA_OFFLOAD_XSTATS_*).
const (
	OffloadCPUHit   = 1 // struct rtnl_link_stats64
	OffloadHWSInfo  = 2 // which hardware statistics are requested and used
	OffloadL3Stats  = 3 // struct rtnl_hw_stats64
	offloadMax      = OffloadL3Stats
	hwsInfoRequest  = 1 // IFLA_OFFLOAD_XSTATS_HW_S_INFO_REQUEST (u8)
	hwsInfoUsed     = 2 // IFLA_OFFLOAD_XSTATS_HW_S_INFO_USED (u8)
	hwsInfoMax      = 2
	afMax           = 45 // AF_MAX - 1 in iproute2 6.1's headers
	AFMPLS          = unix.AF_MPLS
	mplsStatsLink   = 1 // MPLS_STATS_LINK: struct mpls_link_stats
	mplsStatsMax    = 1
	link64Fields    = 25 // __u64 fields of struct rtnl_link_stats64
	hw64Fields      = 9  // of struct rtnl_hw_stats64
	mplsLinkFields  = 9  // of struct mpls_link_stats
	bridgeSTPFields = 6
	bridgeMcFields  = 30
)

// nestMax is the highest attribute type iproute2 reads inside each
// top-level nest (ipstats_stat_ifla_max); 0 for the ones it does not split.
var nestMax = [attrMax + 1]uint16{
	0: attrMax, AttrXstats: xstatsTypeMax, AttrXstatsSlave: xstatsTypeMax,
	AttrOffload: offloadMax, AttrAFSpec: afMax,
}

// Filter selects statistics: Mask holds the top-level bits, Sub[A] the
// bits of the attributes inside nest A (only the offload nest takes them).
type Filter struct {
	Mask uint32
	Sub  [attrMax + 1]uint32
}

// Enable selects top-level attribute group and, when sub is not 0, the
// attribute sub inside it.
func (f *Filter) Enable(group, sub uint16) {
	f.Mask |= 1 << (group - 1)
	if sub != 0 {
		f.Sub[group] |= 1 << (sub - 1)
	}
}

// All selects every statistic there is.
func All() Filter {
	var f Filter
	for a := uint16(1); a <= attrMax; a++ {
		f.Enable(a, 0)
	}
	return f
}

// filtersAt reports whether nest a needs its own mask in the request: some
// of its attributes are selected but not all of them.
func (f *Filter) filtersAt(a int) bool {
	return f.Sub[a] != 0 && f.Sub[a] != uint32(1)<<nestMax[a]-1
}

// Body is the request body (struct if_stats_msg and, when a nest is
// partly selected, IFLA_STATS_GET_FILTERS) for link index, 0 for a dump of
// every link.
func (f Filter) Body(index int) []byte {
	b := make([]byte, ifStatsMsgLength, 32)
	binary.NativeEndian.PutUint32(b[4:], uint32(index))
	binary.NativeEndian.PutUint32(b[8:], f.Mask)
	nest := -1
	for a := 1; a <= attrMax; a++ {
		if !f.filtersAt(a) {
			continue
		}
		if nest < 0 {
			nest = len(b)
			b = binary.NativeEndian.AppendUint16(b, 0)
			b = binary.NativeEndian.AppendUint16(b, attrGetFilters|nestedFlag)
		}
		b = binary.NativeEndian.AppendUint16(b, 8)
		b = binary.NativeEndian.AppendUint16(b, uint16(a))
		b = binary.NativeEndian.AppendUint32(b, f.Sub[a])
	}
	if nest >= 0 {
		binary.NativeEndian.PutUint16(b[nest:], uint16(len(b)-nest))
	}
	return b
}

// SetL3StatsBody is the RTM_SETSTATS body that turns link index's hardware
// L3 statistics on or off.
func SetL3StatsBody(index int, on bool) []byte {
	b := make([]byte, ifStatsMsgLength, 20)
	binary.NativeEndian.PutUint32(b[4:], uint32(index))
	b = binary.NativeEndian.AppendUint16(b, 5)
	b = binary.NativeEndian.AppendUint16(b, attrSetL3Stats)
	v := byte(0)
	if on {
		v = 1
	}
	return append(b, v, 0, 0, 0)
}

// Get asks for the statistics f selects of the link with index index.
func Get(ctx context.Context, c *rtnl.Conn, index int, f Filter) (Stats, error) {
	m, err := c.QueryContext(ctx, MsgGet, 0, f.Body(index))
	if err != nil {
		return Stats{}, err
	}
	return Decode(m.Data)
}

// List returns the statistics f selects of every link.
func List(ctx context.Context, c *rtnl.Conn, f Filter) ([]Stats, error) {
	var all []Stats
	err := c.DumpContext(ctx, MsgGet, f.Body(0), func(m netlink.Message) error {
		s, err := Decode(m.Data)
		if err != nil {
			return err
		}
		all = append(all, s)
		return nil
	})
	return all, err
}

// SetL3Stats turns the hardware L3 statistics of link index on or off.
func SetL3Stats(ctx context.Context, c *rtnl.Conn, index int, on bool) error {
	return c.ExecContext(ctx, MsgSet, 0, SetL3StatsBody(index, on))
}

// ErrShort is a message too short for its struct if_stats_msg.
var ErrShort = errors.New("stats: message shorter than struct if_stats_msg")
