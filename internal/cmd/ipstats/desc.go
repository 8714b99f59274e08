package ipstats

import (
	"sync"

	"github.com/gipnet/gip/stats"
)

// levels are the words that select statistics, outermost first.
var levels = [3]string{"group", "subgroup", "suite"}

// what a leaf shows.
type leafKind int

const (
	showLink leafKind = iota
	showXstats
	showCPUHit
	showHWSInfo
	showL3Stats
	showMPLS
)

// desc is one node of the tree of statistics `ip stats` knows
// (ipstats_stat_desc): a group of named children, or a leaf that asks for
// some attributes and prints them.
type desc struct {
	name string
	subs []*desc // nil for a leaf

	kind   leafKind
	slave  bool // xstats leaves: the port's statistics
	xtype  int  // xstats leaves: stats.XstatsBridge or stats.XstatsBond
	inner  int  // xstats leaves: the attribute inside the kind's nest
	rank   int  // output order of the leaves (see below)
	enable func(f *stats.Filter)
}

// Leaves print in iproute2 6.1's order, which is that of its descriptors
// in memory (it sorts them by address): afstats, link, the offload
// leaves last to first, the bond leaves (port first), then the bridge
// leaves (port first, multicast before STP).
const (
	rankMPLS = iota
	rankLink
	rankL3Stats
	rankHWSInfo
	rankCPUHit
	rankSlaveBond3AD
	rankBond3AD
	rankSlaveBridgeMcast
	rankSlaveBridgeSTP
	rankBridgeMcast
	rankBridgeSTP
)

func enableBits(group, sub uint16) func(*stats.Filter) {
	return func(f *stats.Filter) { f.Enable(group, sub) }
}

func xstatsLeaf(name string, slave bool, xtype, inner, rank int) *desc {
	at := uint16(stats.AttrXstats)
	if slave {
		at = stats.AttrXstatsSlave
	}
	return &desc{name: name, kind: showXstats, slave: slave, xtype: xtype, inner: inner, rank: rank,
		enable: enableBits(at, 0)}
}

func xstatsGroup(name string, slave bool) *desc {
	rBridgeSTP, rBridgeMcast, rBond := rankBridgeSTP, rankBridgeMcast, rankBond3AD
	if slave {
		rBridgeSTP, rBridgeMcast, rBond = rankSlaveBridgeSTP, rankSlaveBridgeMcast, rankSlaveBond3AD
	}
	return &desc{name: name, subs: []*desc{
		{name: "bridge", subs: []*desc{
			xstatsLeaf("stp", slave, stats.XstatsBridge, stats.BridgeSTP, rBridgeSTP),
			xstatsLeaf("mcast", slave, stats.XstatsBridge, stats.BridgeMcast, rBridgeMcast),
		}},
		{name: "bond", subs: []*desc{
			xstatsLeaf("802.3ad", slave, stats.XstatsBond, stats.Bond3AD, rBond),
		}},
	}}
}

// topLevel is the root of the tree, named as iproute2 names it in its
// errors.
//
// It is built on first use: as a variable, its closures and groups were
// made at every start-up of gip, whatever the command.
func topLevel() *desc {
	topLevelOnce.Do(func() { topLevelDesc = newTopLevel() })
	return topLevelDesc
}

var (
	topLevelOnce sync.Once
	topLevelDesc *desc
)

func newTopLevel() *desc {
	return &desc{name: "top-level", subs: []*desc{
		{name: "link", kind: showLink, rank: rankLink, enable: enableBits(stats.AttrLink64, 0)},
		xstatsGroup("xstats", false),
		xstatsGroup("xstats_slave", true),
		{name: "offload", subs: []*desc{
			{name: "cpu_hit", kind: showCPUHit, rank: rankCPUHit,
				enable: enableBits(stats.AttrOffload, stats.OffloadCPUHit)},
			{name: "hw_stats_info", kind: showHWSInfo, rank: rankHWSInfo,
				enable: enableBits(stats.AttrOffload, stats.OffloadHWSInfo)},
			{name: "l3_stats", kind: showL3Stats, rank: rankL3Stats, enable: func(f *stats.Filter) {
				f.Enable(stats.AttrOffload, stats.OffloadL3Stats)
				f.Enable(stats.AttrOffload, stats.OffloadHWSInfo)
			}},
		}},
		{name: "afstats", subs: []*desc{
			{name: "mpls", kind: showMPLS, rank: rankMPLS, enable: enableBits(stats.AttrAFSpec, 0)},
		}},
	}}
}

// hwStatsInfo is the one leaf ip monitor prints for a stats event.
func hwStatsInfo() *desc { return topLevel().subs[3].subs[1] }

func (d *desc) leaf() bool { return d.subs == nil }
