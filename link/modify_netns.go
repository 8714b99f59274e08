package link

import (
	"github.com/gipnet/gip/netns"
	"github.com/gipnet/gip/rtnl"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// Netnsid attributes (linux/net_namespace.h).
const (
	netnsaNSID = 1 // NETNSA_NSID
	netnsaFD   = 3 // NETNSA_FD
)

// openNetNS is netns_get_fd: a name under /run/netns, or a path.
func openNetNS(name string) (int, error) { return netns.Open(name) }

// NetNSID is what `link-netns NAME` needs: the id the namespace has in c's
// namespace, assigned first when it has none (iproute2 asks the kernel to
// pick one with RTM_NEWNSID and NETNSA_NSID -1), or -1.
func NetNSID(c *rtnl.Conn, name string) int32 {
	fd, err := openNetNS(name)
	if err != nil {
		return -1
	}
	defer unix.Close(fd)
	if id, err := netns.IDOf(c, fd); err == nil && id >= 0 {
		return id
	}
	body, err := rtnl.Body([]byte{unix.AF_UNSPEC, 0, 0, 0}, func(ae *netlink.AttributeEncoder) error {
		ae.Uint32(netnsaFD, uint32(fd))
		ae.Int32(netnsaNSID, -1)
		return nil
	})
	if err != nil || c.Exec(unix.RTM_NEWNSID, 0, body) != nil {
		return -1
	}
	if id, err := netns.IDOf(c, fd); err == nil {
		return id
	}
	return -1
}
