package link

import (
	"strconv"

	"github.com/gipnet/gip/internal/nl"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// Names is iproute2's ll_map: ifindex → name and flags of the links seen so
// far, filled as a dump streams by, and completed by asking the kernel for
// one link on a miss (a peer or master printed before it was dumped). The
// extra requests go over a second socket, since the first is busy with the
// dump being printed.
type Names struct {
	nsFD    int // namespace of the links (-1: current)
	entries map[uint32]nameEntry
	side    *nl.Conn
	// Bulk makes the first miss load every link's name with one dump
	// instead of one request per miss: a listing of thousands of veth
	// pairs would otherwise ask once per pair.
	Bulk   bool
	loaded bool
}

type nameEntry struct {
	name  string
	flags uint32
	ok    bool // the kernel knows the index
}

// NewNames returns an empty cache for the namespace open at nsFD (-1: the
// current one).
func NewNames(nsFD int) *Names {
	return &Names{nsFD: nsFD, entries: map[uint32]nameEntry{}}
}

// Remember records a link seen in a dump or reply.
func (n *Names) Remember(l *Link) {
	if l.Has(unix.IFLA_IFNAME) {
		n.entries[uint32(l.Index)] = nameEntry{name: l.Name, flags: l.Flags, ok: true}
	}
}

// lookup returns the cached entry for idx, asking the kernel on a miss.
func (n *Names) lookup(idx uint32) nameEntry {
	if e, hit := n.entries[idx]; hit {
		return e
	}
	if n.Bulk && !n.loaded {
		n.loaded = true
		n.load()
		if e, hit := n.entries[idx]; hit {
			return e
		}
	}
	e := n.get(idx)
	n.entries[idx] = e
	return e
}

// Side returns the second socket, dialing it on first use: requests made
// while a dump on the first one is being read go here.
func (n *Names) Side() (*nl.Conn, error) {
	if n.side == nil {
		c, err := nl.Dial(n.nsFD)
		if err != nil {
			return nil, err
		}
		n.side = c
	}
	return n.side, nil
}

func (n *Names) get(idx uint32) nameEntry {
	side, err := n.Side()
	if err != nil {
		return nameEntry{}
	}
	body, err := nl.Body(nl.IfInfomsg{Family: unix.AF_UNSPEC, Index: int32(idx)}.Append(nil),
		func(ae *netlink.AttributeEncoder) error {
			ae.Uint32(unix.IFLA_EXT_MASK, nl.ExtFilterVF|nl.ExtFilterSkipStats)
			return nil
		})
	if err != nil {
		return nameEntry{}
	}
	m, err := side.Query(unix.RTM_GETLINK, 0, body)
	if err != nil {
		return nameEntry{}
	}
	l, err := Decode(m.Data)
	if err != nil || !l.Has(unix.IFLA_IFNAME) {
		return nameEntry{}
	}
	return nameEntry{name: l.Name, flags: l.Flags, ok: true}
}

// load fills the cache from a dump of all links (names and flags only are
// kept), without replacing what is cached already.
func (n *Names) load() {
	side, err := n.Side()
	if err != nil {
		return
	}
	body, err := nl.Body(nl.IfInfomsg{Family: unix.AF_UNSPEC}.Append(nil), func(ae *netlink.AttributeEncoder) error {
		ae.Uint32(unix.IFLA_EXT_MASK, nl.ExtFilterSkipStats)
		return nil
	})
	if err != nil {
		return
	}
	_ = side.Dump(unix.RTM_GETLINK, body, func(m netlink.Message) error {
		hdr, attrs, err := nl.ParseIfInfomsg(m.Data)
		if err != nil {
			return nil
		}
		if _, hit := n.entries[uint32(hdr.Index)]; hit {
			return nil
		}
		ad, err := nl.Decoder(attrs)
		if err != nil {
			return nil
		}
		for ad.Next() {
			if ad.Type() == unix.IFLA_IFNAME {
				n.entries[uint32(hdr.Index)] = nameEntry{name: cString(ad.Bytes()), flags: hdr.Flags, ok: true}
				break
			}
		}
		return nil
	})
}

// Name is ll_index_to_name: the link's name, "*" for index 0 and "ifN" for
// an index the kernel does not know.
func (n *Names) Name(idx uint32) string {
	if idx == 0 {
		return "*"
	}
	if e := n.lookup(idx); e.ok {
		return e.name
	}
	return "if" + strconv.FormatUint(uint64(idx), 10)
}

// Flags returns the IFF_* flags of link idx, and false if it is unknown.
func (n *Names) Flags(idx uint32) (uint32, bool) {
	e := n.lookup(idx)
	return e.flags, e.ok
}

// Namer adapts the cache to the IndexNamer the kind printers take.
func (n *Names) Namer() IndexNamer {
	return func(idx uint32) (string, bool) {
		if idx == 0 {
			return "", false
		}
		e := n.lookup(idx)
		return e.name, e.ok
	}
}

// Close releases the second socket, if one was opened.
func (n *Names) Close() {
	if n.side != nil {
		n.side.Close()
		n.side = nil
	}
}
