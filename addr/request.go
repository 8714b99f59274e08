package addr

import (
	"github.com/gipnet/gip/rtnl"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// Request is an RTM_NEWADDR or RTM_DELADDR request being built: the
// ifaddrmsg and the attributes in the order they are added. Add, Replace,
// Delete and EncodeRequest add them in one fixed order; `ip address`
// adds them in the order of its words, as iproute2 does, so both send
// iproute2's bytes through this one builder.
//
// Like iproute2's request buffer (a struct ifaddrmsg and 256 bytes), a
// Request has room for rtnl.AddrReqBound bytes of message: Add refuses an
// attribute that would go past it.
type Request struct {
	Header rtnl.IfAddrmsg
	attrs  []attribute
	bound  rtnl.ReqBound
}

type attribute struct {
	typ  uint16
	data []byte
}

// NewRequest returns an empty request with iproute2's bound.
func NewRequest() *Request {
	return &Request{bound: rtnl.ReqBound{Len: rtnl.HeaderLen + unix.SizeofIfAddrmsg, Max: rtnl.AddrReqBound}}
}

// Add appends attribute typ with payload data and reports whether it fit
// in the bound; one that does not fit is left out (iproute2 prints
// Exceeded's line and sends the request without it).
func (r *Request) Add(typ uint16, data []byte) bool {
	if !r.bound.Fits(len(data)) {
		return false
	}
	r.attrs = append(r.attrs, attribute{typ, data})
	return true
}

// Exceeded is the line iproute2 prints for an attribute Add left out.
func (r *Request) Exceeded() string { return r.bound.Exceeded() }

// Len reports how many attributes the request holds.
func (r *Request) Len() int { return len(r.attrs) }

// Body encodes the request: the ifaddrmsg, then the attributes.
func (r *Request) Body() ([]byte, error) {
	return rtnl.Body(r.Header.Append(nil), func(ae *netlink.AttributeEncoder) error {
		for _, a := range r.attrs {
			ae.Bytes(a.typ, a.data)
		}
		return nil
	})
}
