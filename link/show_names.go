package link

import (
	"strconv"
	"unsafe"

	"github.com/gipnet/gip/rtnl"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// Names is iproute2's ll_map: ifindex → name and flags of the links seen so
// far, filled as a dump streams by (RememberMsg is DumpAhead's look-ahead,
// so a link printed before the one it names is usually known already), and
// completed by asking the kernel for one link on a miss. The extra requests
// go over a second socket, since the first is busy with the dump being
// printed.
type Names struct {
	nsFD int // namespace of the links (-1: current)
	// The cache allocates per page of indexes, not per link: names are
	// kept back to back in arena (never rewritten, so a string viewing it
	// stays valid), slots hold where, and pointer-free pages hold slots.
	pages [][]nameSlot         // pages[idx/pageSize][idx%pageSize], idx < denseMax
	more  map[uint32]nameEntry // larger indexes
	arena []byte
	side  *rtnl.Conn
	// Bulk makes a listing with many misses load every link's name with
	// one dump instead of one request per miss.
	Bulk   bool
	misses int
	loaded bool
	// volatile: misses are not cached (see Volatile).
	volatile bool
	offline  bool       // no kernel lookups (see Offline)
	namer    IndexNamer // Namer's func, made once rather than per link printed
	// ll, when set, holds the names instead (CacheNames): a cache that
	// outlives the command, with iproute2's rules for what it keeps.
	ll *Cache
}

type nameEntry struct {
	name  string
	flags uint32
	ok    bool // the kernel knows the index
}

type nameSlot struct {
	off   uint32
	len   uint16
	state uint8 // slotEmpty, slotMissing or slotKnown
	flags uint32
}

const (
	slotEmpty = iota
	slotMissing
	slotKnown
)

const (
	pageSize = 256
	// denseMax bounds the paged table; larger indexes go to a map.
	denseMax = 1 << 20
)

// bulkAfter is how many misses a Bulk cache answers one request at a time
// before it loads every name with a dump.
const bulkAfter = 32

// NewNames returns an empty cache for the namespace open at nsFD (-1: the
// current one).
func NewNames(nsFD int) *Names {
	return &Names{nsFD: nsFD}
}

// CacheNames returns Names answering from ll, which the caller owns, for
// the namespace open at nsFD (-1: the current one): lookups, remembered
// links and Load go to ll (Close leaves it be); Side and NetNSFD are the
// namespace's, as NewNames's are.
func CacheNames(ll *Cache, nsFD int) *Names {
	return &Names{nsFD: nsFD, ll: ll}
}

// slot is idx's slot, or nil when its page does not exist (and !create).
func (n *Names) slot(idx uint32, create bool) *nameSlot {
	p := idx / pageSize
	if p >= uint32(len(n.pages)) {
		if !create {
			return nil
		}
		n.pages = append(n.pages, make([][]nameSlot, int(p)+1-len(n.pages))...)
	}
	if n.pages[p] == nil {
		if !create {
			return nil
		}
		n.pages[p] = make([]nameSlot, pageSize)
	}
	return &n.pages[p][idx%pageSize]
}

func (n *Names) view(s *nameSlot) string {
	if s.len == 0 {
		return ""
	}
	return unsafe.String(&n.arena[s.off], int(s.len))
}

func (n *Names) find(idx uint32) (nameEntry, bool) {
	if idx >= denseMax {
		e, ok := n.more[idx]
		return e, ok
	}
	s := n.slot(idx, false)
	if s == nil || s.state == slotEmpty {
		return nameEntry{}, false
	}
	return nameEntry{name: n.view(s), flags: s.flags, ok: s.state == slotKnown}, true
}

// store records idx's name (copied) and flags, or that it is unknown.
func (n *Names) store(idx uint32, name []byte, flags uint32, ok bool) {
	if len(name) > 0xffff {
		name = name[:0xffff] // a name never comes close (IFNAMSIZ)
	}
	if idx >= denseMax {
		if n.more == nil {
			n.more = map[uint32]nameEntry{}
		}
		n.more[idx] = nameEntry{name: string(name), flags: flags, ok: ok}
		return
	}
	s := n.slot(idx, true)
	if s.state != slotEmpty && n.view(s) == string(name) {
		s.flags = flags
	} else {
		s.off, s.len = uint32(len(n.arena)), uint16(len(name))
		n.arena = append(n.arena, name...)
	}
	s.state = slotMissing
	if ok {
		s.state = slotKnown
	}
	s.flags = flags
}

// Remember records a link seen in a dump or reply.
func (n *Names) Remember(l *Link) {
	if n.ll != nil {
		n.ll.RememberLink(l)
		return
	}
	if !l.Has(unix.IFLA_IFNAME) {
		return
	}
	idx := uint32(l.Index)
	if e, ok := n.find(idx); ok && e.ok && e.name == l.Name && e.flags == l.Flags {
		return
	}
	n.store(idx, unsafe.Slice(unsafe.StringData(l.Name), len(l.Name)), l.Flags, true)
}

// RememberMsg records the link of an RTM_NEWLINK message without decoding
// all of it (DumpAhead's look-ahead).
func (n *Names) RememberMsg(m netlink.Message) {
	if n.ll != nil {
		n.ll.RememberMsg(m)
		return
	}
	if m.Header.Type != unix.RTM_NEWLINK {
		return
	}
	hdr, attrs, err := rtnl.ParseIfInfomsg(m.Data)
	if err != nil {
		return
	}
	for ad := rtnl.NewAttrs(attrs); ad.Next(); {
		if ad.Type() == unix.IFLA_IFNAME {
			n.store(uint32(hdr.Index), trimNUL(ad.Data()), hdr.Flags, true)
			return
		}
	}
}

// lookup returns the cached entry for idx, asking the kernel on a miss.
func (n *Names) lookup(idx uint32) nameEntry {
	if n.ll != nil {
		name, ok := n.ll.Name(idx)
		return nameEntry{name: name, flags: n.ll.Flags(idx), ok: ok}
	}
	if e, hit := n.find(idx); hit {
		return e
	}
	n.misses++
	if n.Bulk && !n.loaded && n.misses > bulkAfter {
		n.loaded = true
		n.load()
		if e, hit := n.find(idx); hit {
			return e
		}
	}
	e := n.get(idx)
	if e.ok || !n.volatile {
		n.store(idx, []byte(e.name), e.flags, e.ok)
	}
	return e
}

// Side returns the second socket, dialing it on first use: requests made
// while a dump on the first one is being read go here.
func (n *Names) Side() (*rtnl.Conn, error) {
	if n.side == nil {
		c, err := rtnl.Dial(n.nsFD)
		if err != nil {
			return nil, err
		}
		n.side = c
	}
	return n.side, nil
}

func (n *Names) get(idx uint32) nameEntry {
	if n.offline {
		return nameEntry{}
	}
	side, err := n.Side()
	if err != nil {
		return nameEntry{}
	}
	body, err := rtnl.Body(rtnl.IfInfomsg{Family: unix.AF_UNSPEC, Index: int32(idx)}.Append(nil),
		func(ae *netlink.AttributeEncoder) error {
			ae.Uint32(unix.IFLA_EXT_MASK, rtnl.ExtFilterVF|rtnl.ExtFilterSkipStats)
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
// kept), without replacing what is cached already, and reports whether the
// kernel flagged the dump as interrupted.
func (n *Names) load() (interrupted bool) {
	side, err := n.Side()
	if err != nil {
		return false
	}
	prev := side.Interrupted
	side.Interrupted = func() { interrupted = true }
	defer func() { side.Interrupted = prev }()
	body, err := rtnl.Body(rtnl.IfInfomsg{Family: unix.AF_UNSPEC}.Append(nil), func(ae *netlink.AttributeEncoder) error {
		ae.Uint32(unix.IFLA_EXT_MASK, rtnl.ExtFilterSkipStats)
		return nil
	})
	if err != nil {
		return false
	}
	_ = side.Dump(unix.RTM_GETLINK, body, func(m netlink.Message) error {
		hdr, attrs, err := rtnl.ParseIfInfomsg(m.Data)
		if err != nil {
			return nil
		}
		if _, hit := n.find(uint32(hdr.Index)); hit {
			return nil
		}
		for ad := rtnl.NewAttrs(attrs); ad.Next(); {
			if ad.Type() == unix.IFLA_IFNAME {
				n.store(uint32(hdr.Index), trimNUL(ad.Data()), hdr.Flags, true)
				break
			}
		}
		return nil
	})
	return interrupted
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
	if n.namer == nil {
		n.namer = func(idx uint32) (string, bool) {
			if idx == 0 {
				return "", false
			}
			e := n.lookup(idx)
			return e.name, e.ok
		}
	}
	return n.namer
}

// Lookup returns the name and flags of link idx and whether the kernel
// knows the index, asking it (once) when the index is not cached yet.
func (n *Names) Lookup(idx uint32) (name string, flags uint32, ok bool) {
	e := n.lookup(idx)
	return e.name, e.flags, e.ok
}

// Set records that link idx is called name and has the given flags, as if
// the kernel had said so (for names known by other means: tests, replays).
func (n *Names) Set(idx uint32, name string, flags uint32) {
	if n.ll != nil {
		return
	}
	n.store(idx, []byte(name), flags, true)
}

// NetNSFD is the namespace the names are looked up in: an fd, or -1 for
// the current one.
func (n *Names) NetNSFD() int { return n.nsFD }

// Close releases the second socket, if one was opened.
func (n *Names) Close() {
	if n.side != nil {
		n.side.Close()
		n.side = nil
	}
}

// Track is ll_remember_index for a stream of link notifications (ip
// monitor): an RTM_DELLINK forgets its index, an RTM_NEWLINK adds a link
// not cached yet. A cached link keeps its first name, renames included, as
// iproute2 6.1's cache does (ll_entry_update never copies the new name);
// only its flags follow.
func (n *Names) Track(typ uint16, body []byte) {
	if n.ll != nil {
		n.ll.Remember(typ, body)
		return
	}
	hdr, attrs, err := rtnl.ParseIfInfomsg(body)
	if err != nil {
		return
	}
	idx := uint32(hdr.Index)
	switch typ {
	case unix.RTM_DELLINK:
		n.forget(idx)
	case unix.RTM_NEWLINK:
		if e, hit := n.find(idx); hit && e.ok {
			n.store(idx, []byte(e.name), hdr.Flags, true)
			return
		}
		for ad := rtnl.NewAttrs(attrs); ad.Next(); {
			if ad.Type() == unix.IFLA_IFNAME {
				n.store(idx, trimNUL(ad.Data()), hdr.Flags, true)
				return
			}
		}
	}
}

// forget drops idx from the cache, so the next lookup asks the kernel.
func (n *Names) forget(idx uint32) {
	if idx >= denseMax {
		delete(n.more, idx)
		return
	}
	if s := n.slot(idx, false); s != nil {
		*s = nameSlot{}
	}
}

// Load fills the cache with every link's name now (iproute2's
// ll_init_map), keeping what it holds already. It reports whether the
// kernel flagged the dump as interrupted (links changed while it was
// read), where iproute2 warns rtnl.DumpInterruptedText and goes on.
func (n *Names) Load() (interrupted bool) {
	if n.ll != nil {
		_ = n.ll.Init()
		return false
	}
	n.loaded = true
	return n.load()
}

// Volatile makes the cache keep no answer the kernel did not give: an
// index the kernel does not know is asked about again on its next lookup
// (ip monitor, where the link may appear later), as iproute2 asks.
func (n *Names) Volatile() { n.volatile = true }

// Offline makes the cache answer from what it was told only: an index it
// has not seen is unknown ("ifN"), without asking the kernel (replaying a
// capture in tests, whatever links the test machine has).
func (n *Names) Offline() { n.offline = true }
