package netns

import (
	"fmt"
	"io"
	"os"

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
// or -1 when none is assigned.
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
	id, _, _, err := parseNSID(m.Data)
	return id, err
}

// parseNSID decodes an RTM_NEWNSID body: the nsid (-1 when absent) and the
// current nsid when the message has one.
func parseNSID(data []byte) (id int32, current int32, hasCurrent bool, err error) {
	id, current = -1, -1
	if len(data) < 4 {
		return id, current, false, nil
	}
	ad, err := rtnl.Decoder(data[4:])
	if err != nil {
		return id, current, false, err
	}
	for ad.Next() {
		switch ad.Type() {
		case nsaNSID:
			id = ad.Int32()
		case nsaCurrent:
			current, hasCurrent = ad.Int32(), true
		}
	}
	return id, current, hasCurrent, ad.Err()
}

// hasNSID reports whether an RTM_NEWNSID body carries NETNSA_NSID.
func hasNSID(data []byte) bool {
	if len(data) < 4 {
		return false
	}
	ad, err := rtnl.Decoder(data[4:])
	if err != nil {
		return false
	}
	for ad.Next() {
		if ad.Type() == nsaNSID {
			return true
		}
	}
	return false
}

// Names lists /run/netns in directory order (iproute2 prints readdir order,
// which on tmpfs is newest first), without sorting.
func Names() ([]string, error) {
	d, err := os.Open(RunDir)
	if err != nil {
		return nil, err
	}
	defer d.Close()
	names, err := d.Readdirnames(-1)
	out := names[:0]
	for _, n := range names {
		if n != "." && n != ".." {
			out = append(out, n)
		}
	}
	return out, err
}

// idOfName is iproute2's get_netnsid_from_name: the id of the namespace
// called name in c's namespace, -1 when it has none or cannot be opened. A
// refusal by the kernel (the file is no namespace) is printed to w, as
// iproute2 prints it, and also gives -1.
func idOfName(c *rtnl.Conn, w io.Writer, name string) int32 {
	fd, err := unix.Open(Path(name), unix.O_RDONLY|unix.O_CLOEXEC, 0)
	if err != nil {
		return -1
	}
	id, err := IDOf(c, fd)
	unix.Close(fd)
	if err != nil {
		if w != nil {
			fmt.Fprintln(w, err.Error())
		}
		return -1
	}
	return id
}

// nsidMap is iproute2's nsid cache (netns_map_*): filled once per process
// from /run/netns on first use, first name per id in readdir order. `ip netns
// list-id` removes entries as it prints them and adds the ones it finds by a
// fresh scan, and a -batch run keeps the cache between commands, as
// iproute2's does.
var nsidMap struct {
	initialized bool
	names       map[int32]string
}

// mapInit fills the cache once; kernel refusals are printed to w.
func mapInit(c *rtnl.Conn, w io.Writer) {
	if nsidMap.initialized {
		return
	}
	names, err := Names()
	if err != nil {
		return
	}
	nsidMap.names = map[int32]string{}
	for _, n := range names {
		if id := idOfName(c, w, n); id >= 0 {
			mapAdd(id, n)
		}
	}
	nsidMap.initialized = true
}

func mapGet(id int32) (string, bool) {
	if id < 0 {
		return "", false
	}
	n, ok := nsidMap.names[id]
	return n, ok
}

func mapAdd(id int32, name string) {
	if nsidMap.names == nil {
		nsidMap.names = map[int32]string{}
	}
	if _, dup := nsidMap.names[id]; !dup {
		nsidMap.names[id] = name
	}
}

func mapDel(id int32) { delete(nsidMap.names, id) }

// IDNames maps namespace ids, as seen from c's namespace, to names under
// /run/netns (iproute2's get_name_from_nsid, which shares the cache of `ip
// netns list-id`).
type IDNames struct {
	c *rtnl.Conn
	w io.Writer
}

// NewIDNames returns the id→name map for c. The names are read on first use.
func NewIDNames(c *rtnl.Conn) *IDNames { return &IDNames{c: c} }

// WithStderr makes the first fill print kernel refusals (a file under
// /run/netns that is no namespace) to w, as iproute2 does; without it they
// are dropped.
func (m *IDNames) WithStderr(w io.Writer) *IDNames { m.w = w; return m }

// Name returns the name of the namespace with id, if one under /run/netns
// has it.
func (m *IDNames) Name(id int32) (string, bool) {
	mapInit(m.c, m.w)
	return mapGet(id)
}
