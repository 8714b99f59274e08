package link

import (
	"strconv"
	"strings"

	"github.com/gipnet/gip/rtnl"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// Cache is iproute2 6.1's link cache (lib/ll_map.c) as ip keeps it for a
// whole run, -batch included: the links it looked up by name or index,
// or saw in a link dump, by index and by name. It is kept as iproute2
// keeps it, quirks included, because under -batch they decide which index
// a later line sends:
//
//   - a name found in the cache is never asked of the kernel again, so a
//     link that went away without ip deleting it by that name (a veth
//     deleted through its peer) leaves its name naming the old index;
//   - names hash into 1024 buckets, newest entry first, so a later entry
//     for a name hides an older one until it is dropped;
//   - an entry whose link is seen again under another name keeps its first
//     name but moves to the new name's bucket (ll_entry_update rehashes
//     without copying the name): it is then found by neither name (unless
//     both hash to the same bucket), and still printed by its first name;
//   - a successful `ip link` change or delete drops the entry of the index
//     it sent (Drop), but not its alternative names.
//
// The zero Cache is empty and ready; Query must be set before a lookup
// may ask the kernel.
type Cache struct {
	byIndex map[uint32]*cacheEntry
	byName  map[uint32][]*cacheEntry // bucket → entries, newest last
	inited  bool

	// Query asks the kernel for one link (ll_link_get's RTM_GETLINK):
	// by name when name is not empty, else by index. It returns the
	// answer's body (ifinfomsg and attributes) or an error.
	Query func(name string, index uint32) ([]byte, error)
	// Dump streams every link's RTM_NEWLINK body (ll_init_map's dump).
	Dump func(fn func(body []byte)) error
}

type cacheEntry struct {
	index  uint32
	typ    uint16
	flags  uint32
	name   string // the first name: never updated
	bucket uint32 // the name bucket the entry is in now
	parent *cacheEntry
	alts   []*cacheEntry // a parent's alternative names
}

// cacheBuckets is ll_map's hash size.
const cacheBuckets = 1024

// nameHash is ll_map's namehash (djb2 over C chars, signed on the
// machines iproute2 is built for) cut to a bucket.
func nameHash(name string) uint32 {
	h := uint32(5381)
	for i := 0; i < len(name); i++ {
		if name[i] == 0 {
			break
		}
		h = h*33 + uint32(int32(int8(name[i])))
	}
	return h & (cacheBuckets - 1)
}

func (c *Cache) byNameFind(name string) *cacheEntry {
	b := c.byName[nameHash(name)]
	for i := len(b) - 1; i >= 0; i-- {
		if b[i].name == name {
			return b[i]
		}
	}
	return nil
}

func (c *Cache) hashName(e *cacheEntry, name string) {
	if c.byName == nil {
		c.byName = map[uint32][]*cacheEntry{}
	}
	e.bucket = nameHash(name)
	c.byName[e.bucket] = append(c.byName[e.bucket], e)
}

func (c *Cache) unhashName(e *cacheEntry) {
	b := c.byName[e.bucket]
	for i, x := range b {
		if x == e {
			copy(b[i:], b[i+1:])
			b[len(b)-1] = nil
			b = b[:len(b)-1]
			break
		}
	}
	if len(b) == 0 {
		delete(c.byName, e.bucket)
	} else {
		c.byName[e.bucket] = b
	}
}

func (c *Cache) create(hdr rtnl.IfInfomsg, name string, parent *cacheEntry) *cacheEntry {
	e := &cacheEntry{index: uint32(hdr.Index), typ: hdr.Type, flags: hdr.Flags, name: name, parent: parent}
	if parent != nil {
		parent.alts = append(parent.alts, e)
	} else {
		if c.byIndex == nil {
			c.byIndex = map[uint32]*cacheEntry{}
		}
		c.byIndex[e.index] = e
	}
	c.hashName(e, name)
	return e
}

func (c *Cache) destroyAlts(p *cacheEntry) {
	for _, a := range p.alts {
		c.unhashName(a)
	}
	p.alts = nil
}

// linkMsg is what the cache reads of an RTM_NEWLINK/RTM_DELLINK body.
type linkMsg struct {
	hdr     rtnl.IfInfomsg
	name    string
	hasName bool
	hasProp bool
	alts    []string
}

func parseLinkMsg(body []byte) (linkMsg, bool) {
	hdr, attrs, err := rtnl.ParseIfInfomsg(body)
	if err != nil {
		return linkMsg{}, false
	}
	m := linkMsg{hdr: hdr}
	for ad := rtnl.NewAttrs(attrs); ad.Next(); {
		switch ad.Type() {
		case unix.IFLA_IFNAME:
			m.name, m.hasName = string(trimNUL(ad.Data())), true
		case unix.IFLA_PROP_LIST:
			m.hasProp = true
			for pd := rtnl.NewAttrs(ad.Data()); pd.Next(); {
				if pd.Type() == unix.IFLA_ALT_IFNAME {
					m.alts = append(m.alts, string(trimNUL(pd.Data())))
				}
			}
		}
	}
	return m, true
}

// Remember is ll_remember_index: an RTM_DELLINK forgets the link's
// entries; an RTM_NEWLINK adds a link not cached yet, or updates a cached
// one's flags, name bucket (not its name) and alternative names.
func (c *Cache) Remember(typ uint16, body []byte) {
	if typ != unix.RTM_NEWLINK && typ != unix.RTM_DELLINK {
		return
	}
	m, ok := parseLinkMsg(body)
	if !ok {
		return
	}
	if typ == unix.RTM_DELLINK {
		if e := c.byIndex[uint32(m.hdr.Index)]; e != nil {
			c.destroyAlts(e)
			c.unhashName(e)
			delete(c.byIndex, e.index)
		}
		return
	}
	c.remember(m)
}

func (c *Cache) remember(m linkMsg) {
	e := c.byIndex[uint32(m.hdr.Index)]
	if e == nil {
		if !m.hasName {
			return
		}
		e = c.create(m.hdr, m.name, nil)
		for _, a := range m.alts {
			c.create(m.hdr, a, e)
		}
		return
	}
	if m.hasName {
		e.flags = m.hdr.Flags
		if e.name != m.name {
			c.unhashName(e)
			c.hashName(e, m.name)
		}
	}
	// ll_altname_entries_update compares the lists through a walk that
	// never finds them equal: a property list always recreates the
	// alternative names, its absence drops them.
	c.destroyAlts(e)
	if m.hasProp {
		for _, a := range m.alts {
			c.create(m.hdr, a, e)
		}
	}
}

// RememberMsg is Remember for a netlink message.
func (c *Cache) RememberMsg(m netlink.Message) {
	c.Remember(uint16(m.Header.Type), m.Data)
}

// Drop is ll_drop_by_index: the entry of index leaves both tables; its
// alternative names stay, still naming index.
func (c *Cache) Drop(index uint32) {
	e := c.byIndex[index]
	if e == nil {
		return
	}
	delete(c.byIndex, index)
	c.unhashName(e)
}

// Init is ll_init_map: every link, from one dump, the first time only.
// It reports the dump's error (iproute2 then exits).
func (c *Cache) Init() error {
	if c.inited || c.Dump == nil {
		return nil
	}
	err := c.Dump(func(body []byte) { c.Remember(unix.RTM_NEWLINK, body) })
	if err != nil {
		return err
	}
	c.inited = true
	return nil
}

// Inited reports whether Init has loaded the cache.
func (c *Cache) Inited() bool { return c.inited }

// get is ll_link_get: the link asked of the kernel and remembered; its
// index, or 0.
func (c *Cache) get(name string, index uint32) uint32 {
	if c.Query == nil {
		return 0
	}
	body, err := c.Query(name, index)
	if err != nil {
		return 0
	}
	hdr, _, err := rtnl.ParseIfInfomsg(body)
	if err != nil {
		return 0
	}
	c.Remember(unix.RTM_NEWLINK, body)
	return uint32(hdr.Index)
}

// Cached returns the index the cache holds for name, if any.
func (c *Cache) Cached(name string) (uint32, bool) {
	if e := c.byNameFind(name); e != nil {
		return e.index, true
	}
	return 0, false
}

// Fetch asks the kernel for the link called name (ll_link_get),
// remembering it; its index, or 0.
func (c *Cache) Fetch(name string) uint32 { return c.get(name, 0) }

// Name is ll_index_to_name: "*" for 0, the cached name, else the kernel's
// (remembered), else "ifN". ok is false for "ifN".
func (c *Cache) Name(index uint32) (name string, ok bool) {
	if index == 0 {
		return "*", true
	}
	if e := c.byIndex[index]; e != nil {
		return e.name, true
	}
	if c.get("", index) == index {
		if e := c.byIndex[index]; e != nil {
			return e.name, true
		}
	}
	return "if" + strconv.FormatUint(uint64(index), 10), false
}

// Flags is ll_index_to_flags: the cached flags, or all bits set (-1) for
// an index not cached (the kernel is not asked).
func (c *Cache) Flags(index uint32) uint32 {
	if index == 0 {
		return 0
	}
	if e := c.byIndex[index]; e != nil {
		return e.flags
	}
	return ^uint32(0)
}

// Type is ll_index_to_type: the cached ARPHRD type, or -1.
func (c *Cache) Type(index uint32) int {
	if e := c.byIndex[index]; e != nil && index != 0 {
		return int(e.typ)
	}
	return -1
}

// Clone returns a copy of the cache that changes apart from c (a forked
// copy of ip).
func (c *Cache) Clone() *Cache {
	n := &Cache{inited: c.inited, Query: c.Query, Dump: c.Dump}
	m := map[*cacheEntry]*cacheEntry{}
	cp := func(e *cacheEntry) *cacheEntry {
		if x, ok := m[e]; ok {
			return x
		}
		x := *e
		m[e] = &x
		return &x
	}
	for _, b := range c.byName {
		for _, e := range b {
			cp(e)
		}
	}
	for _, e := range c.byIndex {
		cp(e)
	}
	for old, x := range m {
		if old.parent != nil {
			if p, ok := m[old.parent]; ok {
				x.parent = p
			}
		}
		if old.alts != nil {
			x.alts = make([]*cacheEntry, len(old.alts))
			for i, a := range old.alts {
				x.alts[i] = cp(a)
			}
		}
	}
	if c.byIndex != nil {
		n.byIndex = make(map[uint32]*cacheEntry, len(c.byIndex))
		for k, e := range c.byIndex {
			n.byIndex[k] = m[e]
		}
	}
	if c.byName != nil {
		n.byName = make(map[uint32][]*cacheEntry, len(c.byName))
		for k, b := range c.byName {
			nb := make([]*cacheEntry, len(b))
			for i, e := range b {
				nb[i] = m[e]
			}
			n.byName[k] = nb
		}
	}
	return n
}

// RememberLink is Remember for a decoded RTM_NEWLINK.
func (c *Cache) RememberLink(l *Link) {
	m := linkMsg{
		hdr:     rtnl.IfInfomsg{Family: l.Family, Type: l.Type, Index: l.Index, Flags: l.Flags},
		name:    strings.Clone(l.Name),
		hasName: l.Has(unix.IFLA_IFNAME),
		hasProp: l.Has(unix.IFLA_PROP_LIST),
	}
	for _, a := range l.AltNames {
		m.alts = append(m.alts, strings.Clone(a))
	}
	c.remember(m)
}

// DumpBodies streams the body of every link's RTM_NEWLINK (ll_init_map's
// dump: all families, no counters).
func DumpBodies(c *rtnl.Conn, fn func(body []byte)) error {
	body, err := rtnl.Body(rtnl.IfInfomsg{Family: unix.AF_UNSPEC}.Append(nil), func(ae *netlink.AttributeEncoder) error {
		ae.Uint32(unix.IFLA_EXT_MASK, rtnl.ExtFilterVF)
		return nil
	})
	if err != nil {
		return err
	}
	return c.Dump(unix.RTM_GETLINK, body, func(m netlink.Message) error {
		if m.Header.Type == unix.RTM_NEWLINK {
			fn(m.Data)
		}
		return nil
	})
}
