// Package tcpmetrics reads and deletes the kernel's cache of TCP metrics
// per destination (RTT, congestion window, TCP Fast Open state) through
// the generic netlink family "tcp_metrics", as `ip tcp_metrics` does.
// Its operations take a connection of protocol NETLINK_GENERIC
// (rtnl.DialProto(fd, unix.NETLINK_GENERIC)).
package tcpmetrics

import (
	"context"
	"encoding/binary"
	"errors"
	"net/netip"
	"time"

	"github.com/gipnet/gip/rtnl"
	"github.com/mdlayher/netlink"
)

// Generic netlink numbers (linux/genetlink.h).
const (
	genlIDCtrl         = 0x10
	ctrlCmdGetFamily   = 3
	ctrlAttrFamilyID   = 1
	ctrlAttrFamilyName = 2
)

// GenlHeaderLen is the size of struct genlmsghdr: command, version and
// two reserved bytes.
const GenlHeaderLen = 4

// The tcp_metrics family (linux/tcp_metrics.h).
const (
	FamilyName = "tcp_metrics"
	Version    = 1

	CmdGet = 1 // TCP_METRICS_CMD_GET
	CmdDel = 2 // TCP_METRICS_CMD_DEL
)

// Entry attributes (TCP_METRICS_ATTR_*).
const (
	AttrAddrIPv4       = 1  // the destination, IPv4
	AttrAddrIPv6       = 2  // the destination, IPv6
	AttrAge            = 3  // u64, milliseconds
	AttrTWTSVal        = 4  // u32, the TIME-WAIT timestamp value
	AttrTWTSStamp      = 5  // s32, when it was taken (seconds)
	AttrVals           = 6  // nested metrics, type Metric*+1
	AttrFopenMSS       = 7  // u16
	AttrFopenSynDrops  = 8  // u16
	AttrFopenSynDropTS = 9  // u64, milliseconds ago
	AttrFopenCookie    = 10 // binary, up to 16 bytes
	AttrSaddrIPv4      = 11 // the source, IPv4
	AttrSaddrIPv6      = 12 // the source, IPv6
	AttrMax            = 13
)

// Metrics inside AttrVals (TCP_METRIC_*; the attribute type is the
// metric plus one).
const (
	MetricRTT        = 0 // milliseconds << 3
	MetricRTTVar     = 1 // milliseconds << 2
	MetricSSThresh   = 2
	MetricCwnd       = 3
	MetricReordering = 4
	MetricRTTUs      = 5 // microseconds << 3
	MetricRTTVarUs   = 6 // microseconds << 2
	MetricMax        = 6
)

// Header is a struct genlmsghdr for cmd of version Version.
func Header(cmd uint8) []byte { return []byte{cmd, Version, 0, 0} }

// AppendAttr appends one attribute, padded to four bytes.
func AppendAttr(b []byte, typ uint16, data []byte) []byte {
	b = binary.NativeEndian.AppendUint16(b, uint16(4+len(data)))
	b = binary.NativeEndian.AppendUint16(b, typ)
	b = append(b, data...)
	for len(b)%4 != 0 {
		b = append(b, 0)
	}
	return b
}

// ErrShort is a message shorter than struct genlmsghdr.
var ErrShort = errors.New("generic netlink message shorter than its header")

// ErrNoFamilyID is the controller's answer without the family's id.
var ErrNoFamilyID = errors.New("missing family id TLV")

// ResolveFamilyRequest is the body of the controller request for the
// tcp_metrics family's id (genl_resolve_family).
func ResolveFamilyRequest() []byte {
	return AppendAttr([]byte{ctrlCmdGetFamily, 0, 0, 0}, ctrlAttrFamilyName, append([]byte(FamilyName), 0))
}

// ResolveFamily returns the message type of the tcp_metrics family on c
// (a NETLINK_GENERIC connection): the kernel's refusal, ErrShort or
// ErrNoFamilyID when it has none.
func ResolveFamily(ctx context.Context, c *rtnl.Conn) (uint16, error) {
	m, err := c.QueryContext(ctx, genlIDCtrl, 0, ResolveFamilyRequest())
	if err != nil {
		return 0, err
	}
	if len(m.Data) < GenlHeaderLen {
		return 0, ErrShort
	}
	for a := rtnl.NewAttrs(m.Data[GenlHeaderLen:]); a.Next(); {
		if a.Type() == ctrlAttrFamilyID && len(a.Data()) >= 2 {
			return binary.NativeEndian.Uint16(a.Data()), nil
		}
	}
	return 0, ErrNoFamilyID
}

// Attrs is each attribute type's payload (the last of a repeated one),
// nil when absent. It is the zero-copy form: the payloads alias the
// message.
type Attrs [AttrMax + 1][]byte

// ParseAttrs reads the attributes of a message body after its
// genlmsghdr.
func ParseAttrs(b []byte) (tb Attrs) {
	for a := rtnl.NewAttrs(b); a.Next(); {
		if t := a.Type(); int(t) < len(tb) {
			tb[t] = a.Data()
		}
	}
	return tb
}

// Entry is one destination's (and source's) metrics. It owns its memory.
type Entry struct {
	Dst        netip.Addr    // the destination
	Src        netip.Addr    // the source; the invalid Addr when the kernel sent none
	Age        time.Duration // since the entry was last updated
	TWTSVal    uint32        // the peer's last TIME-WAIT timestamp value
	TWTSStamp  int32         // when it was recorded (seconds)
	RTT        time.Duration // smoothed round-trip time; 0 when not reported
	RTTVar     time.Duration // its variance
	SSThresh   uint32        // slow start threshold, 0 when not reported
	Cwnd       uint32        // congestion window, 0 when not reported
	Reordering uint32        // reordering metric, 0 when not reported
	// TCP Fast Open state.
	FopenMSS       uint16        // the MSS the server announced
	FopenSynDrops  uint16        // SYNs with data that went unanswered
	FopenSynDropTS time.Duration // how long ago the last SYN was dropped
	FopenCookie    []byte        // the server's cookie
}

func u16(b []byte) uint16 {
	if len(b) < 2 {
		return 0
	}
	return binary.NativeEndian.Uint16(b)
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

// Decode decodes a TCP_METRICS_CMD_GET answer's body (genlmsghdr
// included). An entry without a destination of the right length decodes
// with the invalid Dst.
func Decode(body []byte) (Entry, error) {
	if len(body) < GenlHeaderLen {
		return Entry{}, ErrShort
	}
	tb := ParseAttrs(body[GenlHeaderLen:])
	var e Entry
	if a, ok := netip.AddrFromSlice(tb[AttrAddrIPv4]); ok && a.Is4() {
		e.Dst = a
	} else if a, ok := netip.AddrFromSlice(tb[AttrAddrIPv6]); ok && a.Is6() {
		e.Dst = a
	}
	if a, ok := netip.AddrFromSlice(tb[AttrSaddrIPv4]); ok && a.Is4() {
		e.Src = a
	} else if a, ok := netip.AddrFromSlice(tb[AttrSaddrIPv6]); ok && a.Is6() {
		e.Src = a
	}
	e.Age = time.Duration(u64(tb[AttrAge])) * time.Millisecond
	e.TWTSVal, e.TWTSStamp = u32(tb[AttrTWTSVal]), int32(u32(tb[AttrTWTSStamp]))
	e.FopenMSS, e.FopenSynDrops = u16(tb[AttrFopenMSS]), u16(tb[AttrFopenSynDrops])
	e.FopenSynDropTS = time.Duration(u64(tb[AttrFopenSynDropTS])) * time.Millisecond
	if c := tb[AttrFopenCookie]; c != nil {
		e.FopenCookie = append([]byte{}, c...)
	}
	if v := tb[AttrVals]; v != nil {
		var m [MetricMax + 2][]byte
		for a := rtnl.NewAttrs(v); a.Next(); {
			if t := a.Type(); int(t) < len(m) {
				m[t] = a.Data()
			}
		}
		// The microsecond forms win over the millisecond ones.
		if b := m[MetricRTT+1]; b != nil {
			e.RTT = time.Duration(u32(b)) * time.Millisecond >> 3
		}
		if b := m[MetricRTTVar+1]; b != nil {
			e.RTTVar = time.Duration(u32(b)) * time.Millisecond >> 2
		}
		if b := m[MetricRTTUs+1]; b != nil {
			e.RTT = time.Duration(u32(b)>>3) * time.Microsecond
		}
		if b := m[MetricRTTVarUs+1]; b != nil {
			e.RTTVar = time.Duration(u32(b)>>2) * time.Microsecond
		}
		e.SSThresh, e.Cwnd = u32(m[MetricSSThresh+1]), u32(m[MetricCwnd+1])
		e.Reordering = u32(m[MetricReordering+1])
	}
	return e, nil
}

// addrAttr is the attribute type of a destination (v4, v6) or source.
func addrAttr(a netip.Addr, v4, v6 uint16) uint16 {
	if a.Is4() {
		return v4
	}
	return v6
}

// DeleteRequest is the body of the TCP_METRICS_CMD_DEL for dst (and src,
// when valid), as `ip tcp_metrics delete DST [src SRC]` sends it.
func DeleteRequest(dst, src netip.Addr) []byte {
	b := AppendAttr(Header(CmdDel), addrAttr(dst, AttrAddrIPv4, AttrAddrIPv6), dst.AsSlice())
	if src.IsValid() {
		b = AppendAttr(b, addrAttr(src, AttrSaddrIPv4, AttrSaddrIPv6), src.AsSlice())
	}
	return b
}

// List returns every entry of the cache (c a NETLINK_GENERIC
// connection).
func List(ctx context.Context, c *rtnl.Conn) ([]Entry, error) {
	id, err := ResolveFamily(ctx, c)
	if err != nil {
		return nil, err
	}
	var list []Entry
	err = c.DumpContext(ctx, netlink.HeaderType(id), Header(CmdGet), func(m netlink.Message) error {
		if len(m.Data) < GenlHeaderLen || m.Data[0] != CmdGet {
			return nil
		}
		e, err := Decode(m.Data)
		if err != nil {
			return err
		}
		list = append(list, e)
		return nil
	})
	return list, err
}

// Delete deletes the entry of dst (and src, when valid); c is a
// NETLINK_GENERIC connection. No such entry is the kernel's refusal
// (ESRCH).
func Delete(ctx context.Context, c *rtnl.Conn, dst, src netip.Addr) error {
	id, err := ResolveFamily(ctx, c)
	if err != nil {
		return err
	}
	return c.ExecContext(ctx, netlink.HeaderType(id), 0, DeleteRequest(dst, src))
}

// Flush deletes every entry (c a NETLINK_GENERIC connection): the
// request `ip tcp_metrics flush` sends when nothing is selected.
func Flush(ctx context.Context, c *rtnl.Conn) error {
	id, err := ResolveFamily(ctx, c)
	if err != nil {
		return err
	}
	return c.ExecContext(ctx, netlink.HeaderType(id), 0, Header(CmdDel))
}
