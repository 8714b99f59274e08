package bridge

import (
	"context"
	"encoding/binary"
	"net"
	"net/netip"

	"github.com/gipnet/gip/rtnl"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// Forwarding-database flags (ndm_flags) the kernel's headers name but
// golang.org/x/sys does not.
const (
	NTFUse    = 0x01 // NTF_USE: refresh the entry as if used
	NTFSticky = 0x40 // NTF_STICKY: never moves to another port
)

const ndaNHID = 13 // NDA_NH_ID

// FDBEntry is one entry of a bridge's (or a VXLAN device's) forwarding
// database: what `bridge fdb` lists and adds. A decoded FDBEntry owns its
// memory.
//
// Zero means "not given" for Port, Via and NHID, as it does for `bridge fdb
// add`; VLAN, VNI and SrcVNI are pointers because 0 is a value the kernel
// may be sent.
type FDBEntry struct {
	// Index is ndm_ifindex: the bridge port, or the VXLAN device.
	Index int
	// LLAddr is the MAC address (NDA_LLADDR).
	LLAddr net.HardwareAddr
	// State is ndm_state (NUD_PERMANENT, NUD_NOARP, NUD_REACHABLE…).
	// FDBAdd and its siblings send NUD_NOARP|NUD_PERMANENT for 0, as
	// `bridge fdb add` does without "dynamic" or "static".
	State uint16
	// Flags is ndm_flags (unix.NTF_SELF, unix.NTF_MASTER, NTFSticky…).
	// The operations add NTF_SELF when neither NTF_SELF nor NTF_MASTER is
	// set, as `bridge fdb add` does.
	Flags uint8
	// Master is the bridge the entry belongs to (NDA_MASTER), as the
	// kernel reports it; it is never sent (set unix.NTF_MASTER in Flags
	// to address the bridge instead of the port).
	Master int
	// VLAN is NDA_VLAN; nil for none.
	VLAN *uint16
	// Dst is the remote VXLAN endpoint (NDA_DST); the zero Addr for none.
	Dst netip.Addr
	// Port is the remote UDP port (NDA_PORT); 0 for none.
	Port uint16
	// VNI is NDA_VNI and SrcVNI NDA_SRC_VNI; nil for none.
	VNI, SrcVNI *uint32
	// Via is the index of the device to reach Dst through (NDA_IFINDEX);
	// 0 for none.
	Via int
	// NHID is a nexthop group id (NDA_NH_ID); 0 for none.
	NHID uint32
}

// FDBRequest is the body of an RTM_NEWNEIGH or RTM_DELNEIGH request for e,
// byte for byte what `bridge fdb add|append|replace|del` sends for the same
// entry: e's State and Flags are sent as they are (FDBAdd and its siblings
// fill in the defaults first). dst, when not nil, is sent as NDA_DST in
// place of e.Dst: the command line's address, which may be of any family.
func FDBRequest(e FDBEntry, dst []byte) []byte {
	hdr := make([]byte, unix.SizeofNdMsg)
	hdr[0] = unix.AF_BRIDGE
	binary.NativeEndian.PutUint32(hdr[4:8], uint32(e.Index))
	binary.NativeEndian.PutUint16(hdr[8:10], e.State)
	hdr[10] = e.Flags
	if dst == nil && e.Dst.IsValid() {
		dst = e.Dst.AsSlice()
	}
	// The attributes cannot fail to encode: all are fixed-size or bytes.
	b, _ := rtnl.Body(hdr, func(ae *netlink.AttributeEncoder) error {
		ae.Bytes(unix.NDA_LLADDR, e.LLAddr)
		if dst != nil {
			ae.Bytes(unix.NDA_DST, dst)
		}
		if e.VLAN != nil {
			ae.Uint16(unix.NDA_VLAN, *e.VLAN)
		}
		if e.NHID != 0 {
			ae.Uint32(ndaNHID, e.NHID)
		}
		if e.Port != 0 {
			ae.Bytes(unix.NDA_PORT, []byte{byte(e.Port >> 8), byte(e.Port)})
		}
		if e.VNI != nil {
			ae.Uint32(unix.NDA_VNI, *e.VNI)
		}
		if e.SrcVNI != nil {
			ae.Uint32(unix.NDA_SRC_VNI, *e.SrcVNI)
		}
		if e.Via != 0 {
			ae.Uint32(unix.NDA_IFINDEX, uint32(e.Via))
		}
		return nil
	})
	return b
}

// withDefaults is e as `bridge fdb add` completes it: a permanent entry
// of the port itself (NTF_SELF) unless e says otherwise.
func (e FDBEntry) withDefaults() FDBEntry {
	if e.State == 0 {
		e.State = unix.NUD_NOARP | unix.NUD_PERMANENT
	}
	if e.Flags&(unix.NTF_SELF|unix.NTF_MASTER) == 0 {
		e.Flags |= unix.NTF_SELF
	}
	return e
}

// FDBAdd adds e (`bridge fdb add`); the kernel refuses an entry that
// exists with EEXIST.
func FDBAdd(ctx context.Context, c *rtnl.Conn, e FDBEntry) error {
	return c.ExecContext(ctx, unix.RTM_NEWNEIGH, netlink.Create|netlink.Excl, FDBRequest(e.withDefaults(), nil))
}

// FDBAppend adds e next to the entries of the same address (`bridge fdb
// append`: a VXLAN device's several remotes for one MAC address).
func FDBAppend(ctx context.Context, c *rtnl.Conn, e FDBEntry) error {
	return c.ExecContext(ctx, unix.RTM_NEWNEIGH, netlink.Create|netlink.Append, FDBRequest(e.withDefaults(), nil))
}

// FDBReplace adds e or replaces the entry it matches (`bridge fdb
// replace`).
func FDBReplace(ctx context.Context, c *rtnl.Conn, e FDBEntry) error {
	return c.ExecContext(ctx, unix.RTM_NEWNEIGH, netlink.Create|netlink.Replace, FDBRequest(e.withDefaults(), nil))
}

// FDBDelete deletes the entry e names (`bridge fdb del`): Index, LLAddr
// and, where it takes part, VLAN, Dst, VNI… select it.
func FDBDelete(ctx context.Context, c *rtnl.Conn, e FDBEntry) error {
	return c.ExecContext(ctx, unix.RTM_DELNEIGH, 0, FDBRequest(e.withDefaults(), nil))
}

// FDBFilter selects the entries FDBList returns; zero fields select all.
type FDBFilter struct {
	// Index is the port or device (`bridge fdb show dev`); the kernel
	// filters by it.
	Index int
	// Master is the bridge (`bridge fdb show br`); the kernel filters by
	// it.
	Master int
	// VLAN keeps the entries of one VLAN (`vlan`).
	VLAN uint16
	// State keeps the entries with one of these ndm_state bits (`state`).
	State uint16
	// Dynamic leaves out permanent entries (`dynamic`).
	Dynamic bool
}

// FDBDumpRequest is the body of the RTM_GETNEIGH dump `bridge fdb show`
// sends (with strict checking on) for a device index and a bridge
// master, either 0 for all.
func FDBDumpRequest(index, master int) []byte {
	hdr := make([]byte, unix.SizeofNdMsg)
	hdr[0] = unix.AF_BRIDGE
	binary.NativeEndian.PutUint32(hdr[4:8], uint32(index))
	b, _ := rtnl.Body(hdr, func(ae *netlink.AttributeEncoder) error {
		if master != 0 {
			ae.Uint32(unix.NDA_MASTER, uint32(master))
		}
		return nil
	})
	return b
}

// Match says whether e is one f selects, as `bridge fdb show` decides.
func (f FDBFilter) Match(e *FDBEntry) bool {
	if f.Index != 0 && f.Index != e.Index {
		return false
	}
	if f.State != 0 && e.State&f.State == 0 {
		return false
	}
	vid := uint16(0)
	if e.VLAN != nil {
		vid = *e.VLAN
	}
	if f.VLAN != 0 && f.VLAN != vid {
		return false
	}
	if f.Dynamic && e.State&unix.NUD_PERMANENT != 0 {
		return false
	}
	return true
}

// FDBList returns the forwarding-database entries f selects, in the
// kernel's order. It turns strict checking on for the dump (so that the
// kernel filters by f.Index and f.Master, as for `bridge fdb show`) and off
// again.
func FDBList(ctx context.Context, c *rtnl.Conn, f FDBFilter) ([]FDBEntry, error) {
	if err := c.SetStrict(true); err != nil {
		return nil, err
	}
	defer c.SetStrict(false)
	var entries []FDBEntry
	err := c.DumpContext(ctx, unix.RTM_GETNEIGH, FDBDumpRequest(f.Index, f.Master), func(m netlink.Message) error {
		if e, ok := DecodeFDB(m); ok && f.Match(&e) {
			entries = append(entries, e)
		}
		return nil
	})
	return entries, err
}

// DecodeFDB reads an AF_BRIDGE RTM_NEWNEIGH or RTM_DELNEIGH message; false
// when m is none. The entry copies what it keeps out of m.
func DecodeFDB(m netlink.Message) (FDBEntry, bool) {
	var e FDBEntry
	d := m.Data
	if (m.Header.Type != unix.RTM_NEWNEIGH && m.Header.Type != unix.RTM_DELNEIGH) || len(d) < unix.SizeofNdMsg || d[0] != unix.AF_BRIDGE {
		return e, false
	}
	e.Index = int(int32(binary.NativeEndian.Uint32(d[4:8])))
	e.State = binary.NativeEndian.Uint16(d[8:10])
	e.Flags = d[10]
	ad, err := rtnl.Decoder(d[unix.SizeofNdMsg:])
	if err != nil {
		return e, false
	}
	for ad.Next() {
		v := ad.Bytes()
		switch ad.Type() {
		case unix.NDA_LLADDR:
			e.LLAddr = net.HardwareAddr(append([]byte(nil), v...))
		case unix.NDA_DST:
			e.Dst, _ = netip.AddrFromSlice(v)
		case unix.NDA_VLAN:
			if len(v) >= 2 {
				vid := binary.NativeEndian.Uint16(v)
				e.VLAN = &vid
			}
		case unix.NDA_PORT:
			if len(v) >= 2 {
				e.Port = uint16(v[0])<<8 | uint16(v[1])
			}
		case unix.NDA_VNI:
			if len(v) >= 4 {
				vni := binary.NativeEndian.Uint32(v)
				e.VNI = &vni
			}
		case unix.NDA_SRC_VNI:
			if len(v) >= 4 {
				vni := binary.NativeEndian.Uint32(v)
				e.SrcVNI = &vni
			}
		case unix.NDA_IFINDEX:
			if len(v) >= 4 {
				e.Via = int(binary.NativeEndian.Uint32(v))
			}
		case ndaNHID:
			if len(v) >= 4 {
				e.NHID = binary.NativeEndian.Uint32(v)
			}
		case unix.NDA_MASTER:
			if len(v) >= 4 {
				e.Master = int(int32(binary.NativeEndian.Uint32(v)))
			}
		}
	}
	return e, true
}
