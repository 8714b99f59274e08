package netns

import (
	"os"
	"sync"

	"github.com/gipnet/gip/internal/nl"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// Netnsid attributes (linux/net_namespace.h).
const (
	nsaNSID = 1 // NETNSA_NSID
	nsaPID  = 2 // NETNSA_PID
	nsaFD   = 3 // NETNSA_FD
)

// rtgenmsg is the one-byte family header of RTM_*NSID, padded to 4.
func rtgenmsg() []byte { return []byte{unix.AF_UNSPEC, 0, 0, 0} }

// IDOf returns the id that the namespace open at fd has in c's namespace,
// or -1 when none is assigned.
func IDOf(c *nl.Conn, fd int) (int32, error) {
	body, err := nl.Body(rtgenmsg(), func(ae *netlink.AttributeEncoder) error {
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
	if len(m.Data) < 4 {
		return -1, nil
	}
	ad, err := nl.Decoder(m.Data[4:])
	if err != nil {
		return -1, err
	}
	id := int32(-1)
	for ad.Next() {
		if ad.Type() == nsaNSID {
			id = ad.Int32()
		}
	}
	return id, ad.Err()
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

// IDNames maps namespace ids, as seen from c's namespace, to names under
// /run/netns. It is built once per connection on first use.
type IDNames struct {
	once  sync.Once
	c     *nl.Conn
	names map[int32]string
}

// NewIDNames returns a lazily filled id→name map for c.
func NewIDNames(c *nl.Conn) *IDNames { return &IDNames{c: c} }

// Name returns the name of the namespace with id, if one under /run/netns
// has it.
func (m *IDNames) Name(id int32) (string, bool) {
	m.once.Do(m.fill)
	n, ok := m.names[id]
	return n, ok
}

func (m *IDNames) fill() {
	m.names = map[int32]string{}
	names, _ := Names()
	for _, n := range names {
		fd, err := Open(n)
		if err != nil {
			continue
		}
		id, err := IDOf(m.c, fd)
		unix.Close(fd)
		if err == nil && id >= 0 {
			if _, dup := m.names[id]; !dup {
				m.names[id] = n
			}
		}
	}
}
