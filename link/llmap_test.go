package link

import (
	"errors"
	"testing"

	"github.com/gipnet/gip/rtnl"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// linkBody is an RTM_NEWLINK body: index, flags, name (none if empty) and
// alternative names (a property list when alts is not nil).
func linkBody(t testing.TB, index int32, flags uint32, name string, alts []string) []byte {
	b, err := rtnl.Body(rtnl.IfInfomsg{Type: unix.ARPHRD_ETHER, Index: index, Flags: flags}.Append(nil), func(ae *netlink.AttributeEncoder) error {
		if name != "" {
			ae.String(unix.IFLA_IFNAME, name)
		}
		if alts != nil {
			ae.Nested(unix.IFLA_PROP_LIST|unix.NLA_F_NESTED, func(nae *netlink.AttributeEncoder) error {
				for _, a := range alts {
					nae.String(unix.IFLA_ALT_IFNAME, a)
				}
				return nil
			})
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// kernel is a fake kernel for the cache's requests: the links it knows by
// name and index, and the requests it was sent.
type kernel struct {
	t     testing.TB
	links map[uint32]string
	asked []string
}

func (k *kernel) query(name string, index uint32) ([]byte, error) {
	if name != "" {
		k.asked = append(k.asked, "name "+name)
		for i, n := range k.links {
			if n == name {
				return linkBody(k.t, int32(i), 0, n, nil), nil
			}
		}
		return nil, &rtnl.Error{Errno: unix.ENODEV}
	}
	k.asked = append(k.asked, "index")
	if n, ok := k.links[index]; ok {
		return linkBody(k.t, int32(index), 0, n, nil), nil
	}
	return nil, &rtnl.Error{Errno: unix.ENODEV}
}

func (k *kernel) dump(fn func([]byte)) error {
	k.asked = append(k.asked, "dump")
	for i, n := range k.links {
		fn(linkBody(k.t, int32(i), 0, n, nil))
	}
	return nil
}

func newTestCache(t testing.TB, links map[uint32]string) (*Cache, *kernel) {
	k := &kernel{t: t, links: links}
	return &Cache{Query: k.query, Dump: k.dump}, k
}

// index is ll_name_to_index's cache and kernel steps.
func index(c *Cache, name string) uint32 {
	if i, ok := c.Cached(name); ok {
		return i
	}
	return c.Fetch(name)
}

func TestNameHashIsCs(t *testing.T) {
	// djb2 over signed chars, as iproute2 built for x86 and arm64
	// computes it, cut to 1024 buckets
	for _, tc := range []struct {
		name string
		want uint32
	}{
		{"", 5381 & 1023},
		{"a", (5381*33 + 'a') & 1023},
		{"v0", ((5381*33+'v')*33 + '0') & 1023},
		{"\xff", (5381*33 - 1) & 1023},
		{"a\x00b", (5381*33 + 'a') & 1023},
	} {
		if got := nameHash(tc.name); got != tc.want {
			t.Errorf("nameHash(%q) = %d, want %d", tc.name, got, tc.want)
		}
	}
}

func TestCacheStaleAfterPeerDelete(t *testing.T) {
	c, k := newTestCache(t, map[uint32]string{2: "v1", 3: "v0"})
	c.Remember(unix.RTM_NEWLINK, linkBody(t, 2, 0, "v1", nil))
	c.Remember(unix.RTM_NEWLINK, linkBody(t, 3, 0, "v0", nil))
	// link del v1: the kernel takes v0 too; ip drops only v1
	c.Drop(index(c, "v1"))
	k.links = map[uint32]string{4: "v1", 5: "v0"}
	if got := index(c, "v0"); got != 3 {
		t.Errorf("v0 after its peer went: %d, want the stale 3", got)
	}
	if got := index(c, "v1"); got != 4 {
		t.Errorf("v1 after it was dropped: %d, want 4 from the kernel", got)
	}
	// a dump puts the new v0 in front of the stale one
	c.Remember(unix.RTM_NEWLINK, linkBody(t, 5, 0, "v0", nil))
	if got := index(c, "v0"); got != 5 {
		t.Errorf("v0 after a dump: %d, want 5", got)
	}
	// dropping it uncovers the stale one again
	c.Drop(5)
	if got := index(c, "v0"); got != 3 {
		t.Errorf("v0 after the new one was dropped: %d, want 3", got)
	}
	if got, want := len(k.asked), 1; got != want {
		t.Errorf("kernel asked %q, want only v1's lookup", k.asked)
	}
}

func TestCacheRenameKeepsFirstName(t *testing.T) {
	c, k := newTestCache(t, map[uint32]string{3: "z0"})
	c.Remember(unix.RTM_NEWLINK, linkBody(t, 3, 0, "a0", nil))
	c.Remember(unix.RTM_NEWLINK, linkBody(t, 3, unix.IFF_UP, "z0", nil))
	if name, ok := c.Name(3); name != "a0" || !ok {
		t.Errorf("Name(3) = %q, %v; want the first name a0", name, ok)
	}
	if got := c.Flags(3); got != unix.IFF_UP {
		t.Errorf("Flags(3) = %#x, want the new flags", got)
	}
	// the entry moved to z0's bucket: found by neither name
	if _, ok := c.Cached("a0"); ok {
		t.Error("a0 still cached after the rename")
	}
	if _, ok := c.Cached("z0"); ok {
		t.Error("z0 cached: the entry's name is a0")
	}
	if got := index(c, "z0"); got != 3 || len(k.asked) != 1 {
		t.Errorf("z0 = %d after asking %q, want 3 from the kernel", got, k.asked)
	}
	if name, _ := c.Name(3); name != "a0" {
		t.Errorf("Name(3) after the lookup = %q, want a0", name)
	}
}

func TestCacheAltNames(t *testing.T) {
	c, _ := newTestCache(t, nil)
	c.Remember(unix.RTM_NEWLINK, linkBody(t, 3, 0, "a0", []string{"alt0", "alt1"}))
	for _, n := range []string{"a0", "alt0", "alt1"} {
		if i, ok := c.Cached(n); !ok || i != 3 {
			t.Errorf("Cached(%q) = %d, %v; want 3", n, i, ok)
		}
	}
	// a message without a property list drops the altnames
	c.Remember(unix.RTM_NEWLINK, linkBody(t, 3, 0, "a0", nil))
	if _, ok := c.Cached("alt0"); ok {
		t.Error("alt0 cached after a message without it")
	}
	c.Remember(unix.RTM_NEWLINK, linkBody(t, 3, 0, "a0", []string{"alt2"}))
	// Drop leaves the altnames naming the dropped index
	c.Drop(3)
	if _, ok := c.Cached("a0"); ok {
		t.Error("a0 cached after Drop")
	}
	if i, ok := c.Cached("alt2"); !ok || i != 3 {
		t.Errorf("Cached(alt2) after Drop = %d, %v; want 3", i, ok)
	}
	// RTM_DELLINK forgets a link with its altnames
	c.Remember(unix.RTM_NEWLINK, linkBody(t, 4, 0, "b0", []string{"altb"}))
	c.Remember(unix.RTM_DELLINK, linkBody(t, 4, 0, "b0", nil))
	for _, n := range []string{"b0", "altb"} {
		if _, ok := c.Cached(n); ok {
			t.Errorf("%s cached after RTM_DELLINK", n)
		}
	}
}

func TestCacheIndexLookups(t *testing.T) {
	c, k := newTestCache(t, map[uint32]string{7: "x0"})
	for _, tc := range []struct {
		idx   uint32
		name  string
		ok    bool
		flags uint32
	}{
		{0, "*", true, 0},
		{7, "x0", true, 0},
		{9, "if9", false, ^uint32(0)},
	} {
		name, ok := c.Name(tc.idx)
		if name != tc.name || ok != tc.ok {
			t.Errorf("Name(%d) = %q, %v; want %q, %v", tc.idx, name, ok, tc.name, tc.ok)
		}
		if got := c.Flags(tc.idx); got != tc.flags {
			t.Errorf("Flags(%d) = %#x, want %#x", tc.idx, got, tc.flags)
		}
	}
	// x0 is cached now: no second request
	n := len(k.asked)
	if i, ok := c.Cached("x0"); !ok || i != 7 {
		t.Errorf("Cached(x0) = %d, %v", i, ok)
	}
	if c.Name(7); len(k.asked) != n {
		t.Errorf("Name(7) asked again: %q", k.asked)
	}
	if got := c.Type(7); got != unix.ARPHRD_ETHER {
		t.Errorf("Type(7) = %d", got)
	}
	if got := c.Type(9); got != -1 {
		t.Errorf("Type(9) = %d, want -1", got)
	}
}

func TestCacheInitOnce(t *testing.T) {
	c, k := newTestCache(t, map[uint32]string{1: "lo", 2: "v0"})
	for range 2 {
		if err := c.Init(); err != nil {
			t.Fatal(err)
		}
	}
	if len(k.asked) != 1 || k.asked[0] != "dump" {
		t.Errorf("kernel asked %q, want one dump", k.asked)
	}
	if i, ok := c.Cached("v0"); !ok || i != 2 {
		t.Errorf("Cached(v0) = %d, %v", i, ok)
	}
	failing := &Cache{Dump: func(func([]byte)) error { return errors.New("no") }}
	if err := failing.Init(); err == nil || failing.Inited() {
		t.Error("a failed dump left the cache loaded")
	}
}

func TestCacheClone(t *testing.T) {
	c, _ := newTestCache(t, nil)
	c.Remember(unix.RTM_NEWLINK, linkBody(t, 3, 0, "a0", []string{"alt0"}))
	d := c.Clone()
	d.Drop(3)
	d.Remember(unix.RTM_NEWLINK, linkBody(t, 4, 0, "b0", nil))
	if i, ok := c.Cached("a0"); !ok || i != 3 {
		t.Errorf("the original lost a0 when the clone dropped it")
	}
	if _, ok := c.Cached("b0"); ok {
		t.Error("the original has the clone's b0")
	}
	if _, ok := d.Cached("a0"); ok {
		t.Error("the clone still has a0")
	}
	c.Remember(unix.RTM_NEWLINK, linkBody(t, 3, 0, "a0", nil))
	if i, ok := d.Cached("alt0"); !ok || i != 3 {
		t.Error("the clone lost alt0 when the original dropped its altnames")
	}
}

func TestCacheNames(t *testing.T) {
	c, _ := newTestCache(t, map[uint32]string{5: "v5"})
	n := CacheNames(c, -1)
	l := &Link{Index: 3, Name: "a0", Flags: unix.IFF_UP}
	l.mark(unix.IFLA_IFNAME)
	n.Remember(l)
	if got := n.Name(3); got != "a0" {
		t.Errorf("Name(3) = %q", got)
	}
	if f, ok := n.Flags(3); !ok || f != unix.IFF_UP {
		t.Errorf("Flags(3) = %#x, %v", f, ok)
	}
	if got := n.Name(5); got != "v5" {
		t.Errorf("Name(5) = %q, want the kernel's", got)
	}
	if got := n.Name(6); got != "if6" {
		t.Errorf("Name(6) = %q", got)
	}
	n.Close()
	if i, ok := c.Cached("a0"); !ok || i != 3 {
		t.Error("Close emptied the shared cache")
	}
}

func FuzzCacheRemember(f *testing.F) {
	f.Add(linkBody(f, 3, 0, "a0", []string{"x"}), uint8(0), uint32(3))
	f.Add(linkBody(f, 3, 1, "b0", nil), uint8(1), uint32(3))
	f.Fuzz(func(t *testing.T, body []byte, op uint8, idx uint32) {
		c := &Cache{}
		c.Remember(unix.RTM_NEWLINK, body)
		d := c.Clone()
		switch op % 3 {
		case 0:
			c.Remember(unix.RTM_DELLINK, body)
		case 1:
			c.Drop(idx)
		case 2:
			c.Remember(unix.RTM_NEWLINK, body)
		}
		m, ok := parseLinkMsg(body)
		if !ok || !m.hasName {
			return
		}
		// what the clone had is still there
		if i, ok := d.Cached(m.name); !ok || i != uint32(m.hdr.Index) {
			t.Fatalf("clone lost %q", m.name)
		}
		if name, _ := d.Name(uint32(m.hdr.Index)); m.hdr.Index != 0 && name != m.name {
			t.Fatalf("Name = %q, want %q", name, m.name)
		}
	})
}
