// Package ntable reads the kernel's neighbour tables (ARP, NDISC) and
// their per-device parameters from RTM_NEWNEIGHTBL messages, as `ip
// ntable` lists them.
package ntable

import (
	"context"
	"encoding/binary"
	"errors"
	"time"

	"github.com/gipnet/gip/rtnl"
	"github.com/mdlayher/netlink"
)

// Message types (linux/rtnetlink.h; x/sys/unix lacks them).
const (
	RTMNewNeighTbl = 64
	RTMGetNeighTbl = 66
	RTMSetNeighTbl = 67
)

// HeaderLen is the size of struct ndtmsg: the family, padded.
const HeaderLen = 4

// Table attributes (NDTA_*).
const (
	AttrName       = 1 // the table's name, NUL-terminated
	AttrThresh1    = 2 // u32
	AttrThresh2    = 3 // u32
	AttrThresh3    = 4 // u32
	AttrConfig     = 5 // struct ndt_config
	AttrParms      = 6 // nested Parm* attributes
	AttrStats      = 7 // struct ndt_stats
	AttrGCInterval = 8 // u64, milliseconds
)

// Parameter attributes (NDTPA_*, inside AttrParms); times are u64
// milliseconds, the others u32.
const (
	ParmIfindex           = 1
	ParmRefcnt            = 2
	ParmReachableTime     = 3
	ParmBaseReachableTime = 4
	ParmRetransTime       = 5
	ParmGCStaletime       = 6
	ParmDelayProbeTime    = 7
	ParmQueueLen          = 8
	ParmAppProbes         = 9
	ParmUcastProbes       = 10
	ParmMcastProbes       = 11
	ParmAnycastDelay      = 12
	ParmProxyDelay        = 13
	ParmProxyQlen         = 14
	ParmLocktime          = 15
)

// Attrs is each attribute type's payload (the last of a repeated one),
// nil when absent, indexed by the Attr* or Parm* constants. It is the
// zero-copy form: the payloads alias the message.
type Attrs [ParmLocktime + 1][]byte

// ParseAttrs reads the attributes in b.
func ParseAttrs(b []byte) (tb Attrs) {
	for a := rtnl.NewAttrs(b); a.Next(); {
		if t := a.Type(); int(t) < len(tb) {
			tb[t] = a.Data()
		}
	}
	return tb
}

// DumpRequest is the body of the RTM_GETNEIGHTBL dump for family (0:
// all): struct ndtmsg.
func DumpRequest(family int) []byte { return []byte{uint8(family), 0, 0, 0} }

// ErrShort is a message shorter than struct ndtmsg.
var ErrShort = errors.New("neighbour table message shorter than its header")

// Table is one neighbour table message: a table's settings (Dev 0) or
// its parameters for one device. It owns its memory.
type Table struct {
	Family     int           // AF_INET (arp_cache) or AF_INET6 (ndisc_cache)
	Name       string        // the table's name
	Thresh1    uint32        // below this many entries the collector leaves the table alone
	Thresh2    uint32        // the soft limit of entries
	Thresh3    uint32        // the hard limit of entries
	GCInterval time.Duration // how often the collector runs
	Dev        int           // the device the parameters are for, 0 for the table's own
	Parms      Parms         // the neighbour parameters
}

// Parms are a table's neighbour parameters (zero when not reported).
type Parms struct {
	Refcnt            uint32        // references to the parameters
	ReachableTime     time.Duration // the current (randomised) reachable time
	BaseReachableTime time.Duration // its base
	RetransTime       time.Duration // between probes
	GCStaletime       time.Duration // when a stale entry may be collected
	DelayProbeTime    time.Duration // in DELAY before the first probe
	QueueLen          uint32        // packets queued for an unresolved entry
	AppProbes         uint32        // probes through the ARP daemon
	UcastProbes       uint32        // unicast probes before multicast ones
	McastProbes       uint32        // multicast probes before failing
	AnycastDelay      time.Duration // the most an anycast answer is delayed
	ProxyDelay        time.Duration // the most a proxy answer is delayed
	ProxyQlen         uint32        // packets queued for proxying
	Locktime          time.Duration // how long an entry is kept from changing
}

func u32(b []byte) uint32 {
	if len(b) < 4 {
		return 0
	}
	return binary.NativeEndian.Uint32(b)
}

func u64(b []byte) uint64 {
	if len(b) < 8 {
		return 0
	}
	return binary.NativeEndian.Uint64(b)
}

func msec(b []byte) time.Duration { return time.Duration(u64(b)) * time.Millisecond }

// CString is a NUL-terminated attribute's text (all of it without a NUL).
func CString(b []byte) string {
	for i, c := range b {
		if c == 0 {
			return string(b[:i])
		}
	}
	return string(b)
}

// Decode decodes an RTM_NEWNEIGHTBL message body.
func Decode(body []byte) (Table, error) {
	if len(body) < HeaderLen {
		return Table{}, ErrShort
	}
	tb := ParseAttrs(body[HeaderLen:])
	t := Table{Family: int(body[0]), Name: CString(tb[AttrName]),
		Thresh1: u32(tb[AttrThresh1]), Thresh2: u32(tb[AttrThresh2]), Thresh3: u32(tb[AttrThresh3]),
		GCInterval: msec(tb[AttrGCInterval])}
	if tb[AttrParms] != nil {
		p := ParseAttrs(tb[AttrParms])
		t.Dev = int(u32(p[ParmIfindex]))
		t.Parms = Parms{
			Refcnt: u32(p[ParmRefcnt]), ReachableTime: msec(p[ParmReachableTime]),
			BaseReachableTime: msec(p[ParmBaseReachableTime]), RetransTime: msec(p[ParmRetransTime]),
			GCStaletime: msec(p[ParmGCStaletime]), DelayProbeTime: msec(p[ParmDelayProbeTime]),
			QueueLen: u32(p[ParmQueueLen]), AppProbes: u32(p[ParmAppProbes]), UcastProbes: u32(p[ParmUcastProbes]),
			McastProbes: u32(p[ParmMcastProbes]), AnycastDelay: msec(p[ParmAnycastDelay]),
			ProxyDelay: msec(p[ParmProxyDelay]), ProxyQlen: u32(p[ParmProxyQlen]), Locktime: msec(p[ParmLocktime]),
		}
	}
	return t, nil
}

// List returns every neighbour table message of family (0: all): each
// table's settings, then its parameters for each device.
func List(ctx context.Context, c *rtnl.Conn, family int) ([]Table, error) {
	var list []Table
	err := c.DumpContext(ctx, RTMGetNeighTbl, DumpRequest(family), func(m netlink.Message) error {
		if m.Header.Type != RTMNewNeighTbl {
			return nil
		}
		t, err := Decode(m.Data)
		if err != nil {
			return err
		}
		list = append(list, t)
		return nil
	})
	return list, err
}
