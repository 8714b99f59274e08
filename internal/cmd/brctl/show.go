package brctl

import (
	"context"
	"encoding/binary"
	"fmt"
	"github.com/gipnet/gip/bridge"
	"github.com/gipnet/gip/netns"
	"sort"
	"strings"

	"github.com/gipnet/gip/rtnl"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// showEntry is one bridge in `brctl show`: the name as asked for, its
// details and its ports in brctl's order.
type showEntry struct {
	name  string
	link  *bridge.Link
	ports []string
}

// formatShow is the text of `brctl show`: a header before the first bridge,
// then one line per bridge with its first port, one line per further port.
func formatShow(entries []showEntry) string {
	if len(entries) == 0 {
		return ""
	}
	var sb strings.Builder
	sb.WriteString("bridge name\tbridge id\t\tSTP enabled\tinterfaces\n")
	for _, e := range entries {
		stp := "no"
		if e.link.Bridge.STPState != 0 {
			stp = "yes"
		}
		fmt.Fprintf(&sb, "%s\t\t%s\t%s\t\t", e.name, e.link.Bridge.BridgeID, stp)
		sb.WriteString(strings.Join(e.ports, "\n\t\t\t\t\t\t\t"))
		sb.WriteString("\n")
	}
	return sb.String()
}

// timer is br_show_timer: centiseconds as "%4i.%.2i" seconds.
func timer(cs uint64) string {
	return fmt.Sprintf("%4d.%02d", int32(cs/100), int32(cs%100))
}

func stateName(s uint8) string {
	if n, ok := bridge.PortState(s).Name(); ok {
		return n
	}
	return "<INVALID STATE>"
}

// formatSTP is the text of `brctl showstp`.
func formatSTP(name string, br *bridge.Info, ports []*bridge.Link) string {
	var sb strings.Builder
	w := func(format string, a ...any) { fmt.Fprintf(&sb, format, a...) }
	w("%s\n", name)
	w(" bridge id\t\t%s\n", br.BridgeID)
	w(" designated root\t%s\n", br.RootID)
	w(" root port\t\t%4d\t\t\tpath cost\t\t%4d\n", br.RootPort, int32(br.RootPathCost))
	w(" max age\t\t%s\t\t\tbridge max age\t\t%s\n", timer(br.MaxAge), timer(br.BridgeMaxAge))
	w(" hello time\t\t%s\t\t\tbridge hello time\t%s\n", timer(br.HelloTime), timer(br.BridgeHelloTime))
	w(" forward delay\t\t%s\t\t\tbridge forward delay\t%s\n", timer(br.ForwardDelay), timer(br.BridgeForwardDelay))
	w(" ageing time\t\t%s\n", timer(br.AgeingTime))
	w(" hello timer\t\t%s\t\t\ttcn timer\t\t%s\n", timer(br.HelloTimer), timer(br.TCNTimer))
	w(" topology change timer\t%s\t\t\tgc timer\t\t%s\n", timer(br.TCTimer), timer(br.GCTimer))
	w(" flags\t\t\t")
	if br.TopologyChange {
		w("TOPOLOGY_CHANGE ")
	}
	if br.TopologyChangeDetected {
		w("TOPOLOGY_CHANGE_DETECTED ")
	}
	w("\n\n\n")
	for _, l := range ports {
		p := &l.Port
		w("%s (%d)\n", l.Name, p.No)
		w(" port id\t\t%04x\t\t\tstate\t\t%15s\n", p.ID, stateName(p.State))
		w(" designated root\t%s\tpath cost\t\t%4d\n", p.DesignatedRoot, int32(p.PathCost))
		w(" designated bridge\t%s\tmessage age timer\t%s\n", p.DesignatedBridge, timer(p.MessageAgeTimer))
		w(" designated port\t%04x\t\t\tforward delay timer\t%s\n", p.DesignatedPort, timer(p.ForwardDelayTimer))
		w(" designated cost\t%4d\t\t\thold timer\t\t%s\n", p.DesignatedCost, timer(p.HoldTimer))
		w(" flags\t\t\t")
		if p.ConfigPending {
			w("CONFIG_PENDING ")
		}
		if p.TopologyChangeAck {
			w("TOPOLOGY_CHANGE_ACK ")
		}
		if p.Hairpin != 0 {
			w("\n hairpin mode\t\t%4d", p.Hairpin)
		}
		w("\n\n")
	}
	return sb.String()
}

func (b *brctl) showstp(args []string) error {
	name := args[1]
	links, err := bridge.DumpLinks(context.Background(), b.c)
	if err != nil {
		return fatal(err)
	}
	if br := bridge.SysfsBridge(links, name); br != nil {
		b.env.P.Text(formatSTP(name, &br.Bridge, bridge.PortsOf(links, br.Index)))
		return nil
	}
	// brctl's fallback: the ioctls, on the device they reach.
	br, errno := bridge.IoctlBridge(links, name)
	var info bridge.Info
	if errno == 0 {
		info, errno = b.ioctlInfo(name)
	}
	switch {
	case errno == unix.ENODEV:
		b.warn("bridge %s does not exist!", name)
		return failed
	case errno != 0:
		b.warn("device %s is not a bridge!", name)
		return failed
	}
	b.env.P.Text(formatSTP(name, &info, bridge.PortsByNumber(links, br.Index)))
	return nil
}

// ioctlInfo is bridge.IoctlInfo in brctl's namespace: the ioctl reaches
// the devices of the namespace its socket was made in, so under gip's -n
// it is made on a thread inside that namespace.
func (b *brctl) ioctlInfo(name string) (bridge.Info, unix.Errno) {
	if b.env.NetNSFD < 0 {
		return bridge.IoctlInfo(name)
	}
	var info bridge.Info
	var errno unix.Errno
	if err := netns.DoFD(b.env.NetNSFD, func() error {
		info, errno = bridge.IoctlInfo(name)
		return nil
	}); err != nil {
		return info, unix.EINVAL
	}
	return info, errno
}

// fdbEntry is one row of `brctl showmacs`.
type fdbEntry struct {
	mac    [6]byte
	portNo uint8
	local  bool
	ageing uint64 // centiseconds
}

func formatMACs(entries []fdbEntry) string {
	var sb strings.Builder
	sb.WriteString("port no\tmac addr\t\tis local?\tageing timer\n")
	for _, f := range entries {
		local := "no"
		if f.local {
			local = "yes"
		}
		m := f.mac
		fmt.Fprintf(&sb, "%3d\t%02x:%02x:%02x:%02x:%02x:%02x\t%s\t\t%s\n",
			f.portNo, m[0], m[1], m[2], m[3], m[4], m[5], local, timer(f.ageing))
	}
	return sb.String()
}

// sortFDB orders entries by MAC address, as brctl's qsort does.
func sortFDB(entries []fdbEntry) {
	sort.SliceStable(entries, func(i, j int) bool {
		return string(entries[i].mac[:]) < string(entries[j].mac[:])
	})
}

func (b *brctl) showmacs(args []string) error {
	name := args[1]
	br, errno, err := b.bridgeFor(name)
	if err != nil {
		return fatal(err)
	}
	if errno != 0 {
		b.warn("read of forward table failed: %s", strerror(errno))
		return failed
	}
	links, err := bridge.DumpLinks(context.Background(), b.c)
	if err != nil {
		return fatal(err)
	}
	portNo := map[int32]uint16{}
	for _, l := range bridge.PortsOf(links, br.Index) {
		portNo[int32(l.Index)] = l.Port.No
	}
	var entries []fdbEntry
	hdr := make([]byte, unix.SizeofNdMsg)
	hdr[0] = unix.AF_BRIDGE
	err = b.c.Dump(unix.RTM_GETNEIGH, hdr, func(m netlink.Message) error {
		if e, ok := parseFDB(m, int32(br.Index), portNo); ok {
			entries = append(entries, e)
		}
		return nil
	})
	if err != nil {
		b.warn("read of forward table failed: %s", strerror(errnoOf(err)))
		return failed
	}
	sortFDB(entries)
	b.env.P.Text(formatMACs(entries))
	return nil
}

// parseFDB reads one bridge FDB entry, keeping those the bridge's
// brforward file lists: entries of bridge brIndex that belong to a port.
func parseFDB(m netlink.Message, brIndex int32, portNo map[int32]uint16) (fdbEntry, bool) {
	var e fdbEntry
	if m.Header.Type != unix.RTM_NEWNEIGH || len(m.Data) < unix.SizeofNdMsg {
		return e, false
	}
	d := m.Data
	if d[0] != unix.AF_BRIDGE {
		return e, false
	}
	ifindex := int32(binary.NativeEndian.Uint32(d[4:8]))
	state := binary.NativeEndian.Uint16(d[8:10])
	no, ok := portNo[ifindex]
	if !ok {
		return e, false
	}
	ad, err := rtnl.Decoder(d[unix.SizeofNdMsg:])
	if err != nil {
		return e, false
	}
	var master int32
	haveMAC := false
	for ad.Next() {
		v := ad.Bytes()
		switch ad.Type() {
		case unix.NDA_LLADDR:
			if len(v) == 6 {
				copy(e.mac[:], v)
				haveMAC = true
			}
		case unix.NDA_MASTER:
			if len(v) >= 4 {
				master = int32(binary.NativeEndian.Uint32(v))
			}
		case unix.NDA_CACHEINFO:
			// struct nda_cacheinfo: confirmed, used, updated, refcnt.
			if len(v) >= 12 {
				e.ageing = uint64(binary.NativeEndian.Uint32(v[8:12]))
			}
		}
	}
	if ad.Err() != nil || !haveMAC || master != brIndex {
		return e, false
	}
	e.portNo = uint8(no)
	e.local = state&unix.NUD_PERMANENT != 0
	if state&(unix.NUD_PERMANENT|unix.NUD_NOARP) != 0 {
		e.ageing = 0
	}
	return e, true
}
