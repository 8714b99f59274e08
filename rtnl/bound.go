package rtnl

import "fmt"

// iproute2 builds each request in a fixed buffer and libnetlink's
// addattr_l refuses an attribute that would not fit: it prints a line,
// leaves the attribute out and lets the caller decide (most go on without
// it). These are the sizes of the buffers gip's requests have to match.
const (
	// LinkReqBound is sizeof(struct iplink_req) (header, ifinfomsg and
	// 1024 bytes): ip link's requests and the RTM_GETLINK of a name
	// lookup (ll_link_get, iplink_get).
	LinkReqBound = 1056
	// AddrReqBound is ip address's request: header, ifaddrmsg and 256.
	AddrReqBound = 280
	// NeighReqBound is ip neighbour's request: header, ndmsg and 256.
	NeighReqBound = 284
	// HeaderLen is the length of struct nlmsghdr.
	HeaderLen = 16
)

// AttrFits is addattr_l's test: whether an attribute with payload bytes
// fits after msgLen bytes of message in a buffer of bound bytes.
func AttrFits(msgLen, payload, bound int) bool {
	return align4(msgLen)+align4(4+payload) <= bound
}

// AttrLen is the room an attribute with payload bytes takes (RTA_ALIGN of
// RTA_LENGTH).
func AttrLen(payload int) int { return align4(4 + payload) }

// ExceededBound is the line addattr_l prints for an attribute that does
// not fit in a buffer of bound bytes.
func ExceededBound(bound int) string {
	return fmt.Sprintf("addattr_l ERROR: message exceeded bound of %d", bound)
}

// ExceededRawBound is the line addraw_l prints for a block of attributes
// (a route's or nexthop's encapsulation built apart) that does not fit.
func ExceededRawBound(bound int) string {
	return fmt.Sprintf("addraw_l ERROR: message exceeded bound of %d", bound)
}

func align4(n int) int { return (n + 3) &^ 3 }

// ExceedsBound reports whether an attribute with payload bytes would not
// fit after msgLen bytes in iproute2's buffer of bound bytes and, if so,
// prints addattr_l's line through Warn (c may be nil: nothing printed):
// iproute2 then sends the request without the attribute.
func (c *Conn) ExceedsBound(msgLen, payload, bound int) bool {
	if AttrFits(msgLen, payload, bound) {
		return false
	}
	if c != nil && c.Warn != nil {
		c.Warn(ExceededBound(bound))
	}
	return true
}
