package netns

import (
	"context"
	"fmt"
	"io"

	"github.com/gipnet/gip/rtnl"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// Netnsid attributes (linux/net_namespace.h).
const (
	nsaNSID       = unix.NETNSA_NSID
	nsaFD         = unix.NETNSA_FD
	nsaTargetNSID = unix.NETNSA_TARGET_NSID
	nsaCurrent    = unix.NETNSA_CURRENT_NSID
)

// rtgenmsg is the one-byte family header of RTM_*NSID, padded to 4.
func rtgenmsg() []byte { return []byte{unix.AF_UNSPEC, 0, 0, 0} }

// IDOf returns the id that the namespace open at fd has in c's namespace,
// or -1 when none is assigned. A kernel refusal is an *rtnl.Error.
func IDOf(c *rtnl.Conn, fd int) (int32, error) {
	body, err := rtnl.Body(rtgenmsg(), func(ae *netlink.AttributeEncoder) error {
		ae.Uint32(nsaFD, uint32(fd))
		return nil
	})
	if err != nil {
		return -1, err
	}
	m, err := c.Query(unix.RTM_GETNSID, 0, body)
	if err != nil {
		return -1, err
	}
	id, err := DecodeNSID(m.Data)
	return id.ID, err
}

// IDOfName is iproute2's get_netnsid_from_name: the id the namespace called
// name (see Path) has in c's namespace, or -1 when it has none or cannot be
// opened (then err is nil). A kernel refusal (the file is no namespace) is
// returned with -1.
func IDOfName(c *rtnl.Conn, name string) (int32, error) {
	fd, err := Open(name)
	if err != nil {
		return -1, nil
	}
	defer unix.Close(fd)
	return IDOf(c, fd)
}

// SetID gives the namespace called name (see Path) the id nsid in c's
// namespace, or lets the kernel pick one when nsid is -1, as `ip netns set
// NAME NSID|auto` does. A namespace that has an id already keeps it, and
// the kernel refuses (EEXIST).
func SetID(ctx context.Context, c *rtnl.Conn, name string, nsid int32) error {
	fd, err := Open(name)
	if err != nil {
		return fail("Cannot open network namespace \""+name+"\"", err)
	}
	defer unix.Close(fd)
	return c.ExecContext(ctx, unix.RTM_NEWNSID, 0, SetIDRequest(fd, nsid))
}

// SetIDRequest is the RTM_NEWNSID body `ip netns set` sends: the namespace
// open at fd gets nsid (-1: the kernel picks one).
func SetIDRequest(fd int, nsid int32) []byte {
	b, _ := rtnl.Body(rtgenmsg(), func(ae *netlink.AttributeEncoder) error {
		ae.Uint32(nsaFD, uint32(fd))
		ae.Int32(nsaNSID, nsid)
		return nil
	})
	return b
}

// ListIDsRequest is the RTM_GETNSID body `ip netns list-id` sends: a dump
// of the ids known in the namespace of the connection, or (target >= 0) in
// the namespace that has id target there; with nsid >= 0 a query for that
// one id instead of a dump.
func ListIDsRequest(nsid, target int32) []byte {
	b, _ := rtnl.Body(rtgenmsg(), func(ae *netlink.AttributeEncoder) error {
		if nsid >= 0 {
			ae.Int32(nsaNSID, nsid)
		}
		if target >= 0 {
			ae.Int32(nsaTargetNSID, target)
		}
		return nil
	})
	return b
}

// NSID is a decoded RTM_NEWNSID or RTM_DELNSID message.
type NSID struct {
	// ID is NETNSA_NSID, -1 when absent or unassigned; HasID says
	// whether the message carried it.
	ID    int32
	HasID bool
	// Current is NETNSA_CURRENT_NSID (the id in the namespace the
	// question was asked in, when a target namespace was named), -1 when
	// absent or unassigned; HasCurrent says whether it was there.
	Current    int32
	HasCurrent bool
}

// DecodeNSID decodes the body of an RTM_NEWNSID or RTM_DELNSID message
// (rtgenmsg and attributes). A body too short for the header decodes to no
// ids and no error. The result holds no reference to data.
func DecodeNSID(data []byte) (NSID, error) {
	v := NSID{ID: -1, Current: -1}
	if len(data) < 4 {
		return v, nil
	}
	ad, err := rtnl.Decoder(data[4:])
	if err != nil {
		return v, err
	}
	// HasID is whether the attribute is there at all, even behind one
	// whose value is broken, so it is looked for on a pass of its own.
	if hd, err := rtnl.Decoder(data[4:]); err == nil {
		for hd.Next() {
			if hd.Type() == nsaNSID {
				v.HasID = true
				break
			}
		}
	}
	for ad.Next() {
		switch ad.Type() {
		case nsaNSID:
			v.ID = ad.Int32()
		case nsaCurrent:
			v.Current, v.HasCurrent = ad.Int32(), true
		}
	}
	// On a broken attribute what was read before it stands, beside the
	// error: iproute2's parse stops there too.
	return v, ad.Err()
}

// IDCache is iproute2's nsid cache (netns_map_*): filled once from RunDir
// on first use, first name per id in readdir order. `ip netns list-id`
// removes entries as it prints them and adds the ones it finds by a fresh
// scan. Share one IDCache among IDNames (WithCache) to share what they
// learn, as iproute2's link and address printers and `ip netns list-id`
// share theirs for a whole process, -batch included. The zero value is an
// empty cache; an IDCache is not safe for concurrent use.
type IDCache struct {
	initialized bool
	names       map[int32]string
}

// IDNames maps namespace ids, as seen from c's namespace, to names under
// RunDir (iproute2's get_name_from_nsid), through an IDCache: its own
// unless WithCache gives a shared one. Forget and Remember edit the cache.
type IDNames struct {
	c     *rtnl.Conn
	w     io.Writer
	cache *IDCache
}

// NewIDNames returns the id→name map for c. The names are read on first use.
func NewIDNames(c *rtnl.Conn) *IDNames { return &IDNames{c: c, cache: &IDCache{}} }

// WithCache makes m read and fill cache, shared with other IDNames of the
// same namespace.
func (m *IDNames) WithCache(cache *IDCache) *IDNames { m.cache = cache; return m }

// WithStderr makes the first fill print kernel refusals (a file under
// RunDir that is no namespace) to w, as iproute2 does; without it they
// are dropped.
func (m *IDNames) WithStderr(w io.Writer) *IDNames { m.w = w; return m }

// Fill reads the names under RunDir into the cache, once per cache.
func (m *IDNames) Fill() {
	if m.cache.initialized {
		return
	}
	names, err := Names()
	if err != nil {
		return
	}
	m.cache.names = map[int32]string{}
	for _, n := range names {
		if id := m.IDOfName(n); id >= 0 {
			m.Remember(id, n)
		}
	}
	m.cache.initialized = true
}

// Name returns the name of the namespace with id, if one under RunDir
// has it, filling the cache first.
func (m *IDNames) Name(id int32) (string, bool) {
	m.Fill()
	return m.Cached(id)
}

// Cached returns the name the cache holds for id, without filling it.
func (m *IDNames) Cached(id int32) (string, bool) {
	if id < 0 {
		return "", false
	}
	n, ok := m.cache.names[id]
	return n, ok
}

// Remember caches name for id unless the id has a name already.
func (m *IDNames) Remember(id int32, name string) {
	if m.cache.names == nil {
		m.cache.names = map[int32]string{}
	}
	if _, dup := m.cache.names[id]; !dup {
		m.cache.names[id] = name
	}
}

// Forget drops id from the cache.
func (m *IDNames) Forget(id int32) { delete(m.cache.names, id) }

// IDOfName is the package's IDOfName on m's connection, -1 on any failure;
// a kernel refusal is printed to m's stderr writer, as iproute2 prints it.
func (m *IDNames) IDOfName(name string) int32 {
	id, err := IDOfName(m.c, name)
	if err != nil {
		if m.w != nil {
			fmt.Fprintln(m.w, err.Error())
		}
		return -1
	}
	return id
}

// Scan is iproute2's netns_get_name: the first name under RunDir whose
// namespace has id, read afresh (not from the cache).
func (m *IDNames) Scan(id int32) (string, bool) {
	names, err := Names()
	if err != nil {
		return "", false
	}
	for _, n := range names {
		if m.IDOfName(n) == id {
			return n, true
		}
	}
	return "", false
}
