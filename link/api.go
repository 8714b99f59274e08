package link

import (
	"bytes"
	"context"
	"errors"
	"strings"

	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/netns"
	"github.com/gipnet/gip/rtnl"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// The typed operations. They send one request each, built by the same
// encoders as `ip link`; the kernel's refusals come back as *rtnl.Error,
// which unwraps to the errno (errors.Is(err, unix.EEXIST)). Argument
// errors are iproute2's, as *cmdline.Error values. A link that does not
// exist is the kernel's ENODEV. Names are exact: unlike the command line,
// the operations do not read "eth0:1" as eth0 or "if5" as ifindex 5.

// List returns every link in c's namespace, each owning its memory.
func List(ctx context.Context, c *rtnl.Conn) ([]Link, error) {
	body, err := rtnl.Body(rtnl.IfInfomsg{Family: unix.AF_UNSPEC}.Append(nil), func(ae *netlink.AttributeEncoder) error {
		ae.Uint32(unix.IFLA_EXT_MASK, rtnl.ExtFilterVF)
		return nil
	})
	if err != nil {
		return nil, err
	}
	var links []Link
	var l Link
	err = c.DumpContext(ctx, unix.RTM_GETLINK, body, func(m netlink.Message) error {
		if m.Header.Type != unix.RTM_NEWLINK {
			return nil
		}
		if err := DecodeInto(&l, m.Data); err != nil {
			return err
		}
		links = append(links, *l.Clone())
		return nil
	})
	if err != nil {
		return nil, err
	}
	return links, nil
}

// Get returns the link called name (or with that alternative name).
func Get(ctx context.Context, c *rtnl.Conn, name string) (Link, error) {
	if name == "" || len(name) >= unix.IFNAMSIZ+128 {
		return Link{}, &rtnl.Error{Errno: unix.ENODEV}
	}
	return get(ctx, c, 0, name)
}

// GetByIndex returns the link with ifindex index.
func GetByIndex(ctx context.Context, c *rtnl.Conn, index int) (Link, error) {
	if index <= 0 || index > 1<<31-1 {
		return Link{}, &rtnl.Error{Errno: unix.ENODEV}
	}
	return get(ctx, c, int32(index), "")
}

func get(ctx context.Context, c *rtnl.Conn, index int32, name string) (Link, error) {
	body, err := rtnl.Body(rtnl.IfInfomsg{Family: unix.AF_UNSPEC, Index: index}.Append(nil), func(ae *netlink.AttributeEncoder) error {
		switch {
		case name == "":
		case len(name) < unix.IFNAMSIZ:
			ae.String(unix.IFLA_IFNAME, name)
		default:
			ae.String(unix.IFLA_ALT_IFNAME, name)
		}
		ae.Uint32(unix.IFLA_EXT_MASK, rtnl.ExtFilterVF)
		return nil
	})
	if err != nil {
		return Link{}, err
	}
	m, err := c.QueryContext(ctx, unix.RTM_GETLINK, 0, body)
	if err != nil {
		return Link{}, err
	}
	l, err := Decode(m.Data)
	if err != nil {
		return Link{}, err
	}
	return *l.Clone(), nil
}

// Add creates the link s describes (RTM_NEWLINK with NLM_F_CREATE and
// NLM_F_EXCL: an existing name is EEXIST). A veth pair, its peer in
// another namespace included, is one request: it is created whole or not
// at all.
func Add(ctx context.Context, c *rtnl.Conn, s Spec) error {
	p := newConnParser(c, unix.RTM_NEWLINK, true)
	defer p.close()
	body, err := p.encodeAdd(&s)
	if err != nil {
		return p.explain(err)
	}
	return c.ExecContext(ctx, unix.RTM_NEWLINK, createExcl, body)
}

// Set applies ch to the link called name in one request (`ip link set`).
func Set(ctx context.Context, c *rtnl.Conn, name string, ch Change) error {
	index, err := indexByName(c, name)
	if err != nil {
		return err
	}
	p := newConnParser(c, unix.RTM_NEWLINK, false)
	defer p.close()
	body, err := p.encodeSet(index, &ch)
	if err != nil {
		return p.explain(err)
	}
	return c.ExecContext(ctx, unix.RTM_NEWLINK, 0, body)
}

// Delete removes the link called name (RTM_DELLINK); a veth's peer goes
// with it.
func Delete(ctx context.Context, c *rtnl.Conn, name string) error {
	index, err := indexByName(c, name)
	if err != nil {
		return err
	}
	return c.ExecContext(ctx, unix.RTM_DELLINK, 0, deleteBody(index))
}

// deleteBody is `ip link delete DEV`'s request for ifindex index.
func deleteBody(index int32) []byte {
	return rtnl.IfInfomsg{Index: index}.Append(nil)
}

// connParser is a Parser that resolves names through a connection, for
// the typed operations: what the kind parsers print goes to a buffer that
// becomes the error's text.
type connParser struct {
	Parser
	out bytes.Buffer
	fds []int // namespaces opened for IFLA_NET_NS_FD, closed after sending
}

func newConnParser(c *rtnl.Conn, msgType uint16, create bool) *connParser {
	cp := &connParser{}
	cp.Parser = Parser{
		MsgType: msgType,
		Create:  create,
		Stdout:  &cp.out,
		Stderr:  &cp.out,
		Index: func(name string) int32 {
			if idx, err := indexByName(c, name); err == nil && idx > 0 {
				return idx
			}
			return 0
		},
		NetNS: func(name string) (int, error) {
			fd, err := netns.Open(name)
			if err == nil {
				cp.fds = append(cp.fds, fd)
			}
			return fd, err
		},
		Usage: cmdline.Usage,
	}
	return cp
}

func (cp *connParser) close() {
	for _, fd := range cp.fds {
		unix.Close(fd)
	}
	for _, fd := range cp.bpfFDs {
		unix.Close(fd)
	}
}

// explain gives an error whose text a kind's parser printed (its usage)
// that text.
func (cp *connParser) explain(err error) error {
	var ce *cmdline.Error
	if errors.As(err, &ce) && ce.Msg == "" && cp.out.Len() > 0 {
		return &cmdline.Error{Code: ce.Code, Msg: strings.TrimRight(cp.out.String(), "\n"), Fatal: ce.Fatal}
	}
	return err
}

// Clone returns a copy of l that shares no memory with the message it was
// decoded from: what Decode and DecodeInto return aliases the message, a
// clone may be kept.
func (l *Link) Clone() *Link {
	n := *l
	n.borrow = false
	n.Name = strings.Clone(l.Name)
	n.Qdisc = strings.Clone(l.Qdisc)
	n.Alias = strings.Clone(l.Alias)
	n.Kind = strings.Clone(l.Kind)
	n.SlaveKind = strings.Clone(l.SlaveKind)
	n.Address = bytes.Clone(l.Address)
	n.Broadcast = bytes.Clone(l.Broadcast)
	n.PermAddress = bytes.Clone(l.PermAddress)
	n.InfoData = bytes.Clone(l.InfoData)
	n.SlaveData = bytes.Clone(l.SlaveData)
	n.afSpec = bytes.Clone(l.afSpec)
	n.statsRaw = bytes.Clone(l.statsRaw)
	if l.AltNames != nil {
		n.AltNames = make([]string, len(l.AltNames))
		for i, s := range l.AltNames {
			n.AltNames[i] = strings.Clone(s)
		}
	}
	return &n
}
