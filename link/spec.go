package link

import (
	"io"
	"net"
	"strconv"

	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/rtnl"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// Spec describes a link to create with Add: the attributes every kind
// has, and the kind. Zero fields are left out of the request, so the
// kernel's defaults apply.
//
// The request carries the attributes in a fixed order, the order
// `ip link add` sends them when its words come in this order:
//
//	ip link add [link PARENT] name NAME [txqueuelen N] [address LLADDR]
//	    [broadcast LLADDR] [mtu MTU] [numtxqueues N] [numrxqueues N]
//	    [netns NS] [master DEV] [up] type KIND ...
type Spec struct {
	// Name is the new link's name (IFLA_IFNAME); empty lets the kernel
	// pick one from the kind ("veth0", "br0"...).
	Name string
	// Index asks for this ifindex (the header's ifi_index); 0 lets the
	// kernel choose.
	Index int
	// Parent names the lower device (IFLA_LINK), as `link DEV` does: a
	// macvlan's or a vlan's. The Macvlan spec sets it too.
	Parent string
	// TxQLen is the transmit queue length (IFLA_TXQLEN); nil leaves the
	// kind's default (0 is a length).
	TxQLen *uint32
	// Address and Broadcast are the hardware addresses (IFLA_ADDRESS,
	// IFLA_BROADCAST).
	Address, Broadcast net.HardwareAddr
	// MTU is the maximum transfer unit (IFLA_MTU); 0 leaves the default.
	MTU uint32
	// NumTxQueues and NumRxQueues are the queue counts; 0 leaves the
	// default.
	NumTxQueues, NumRxQueues uint32
	// NetNS is the namespace the link is created in (IFLA_NET_NS_FD or
	// IFLA_NET_NS_PID); the zero NetNS is the connection's namespace.
	NetNS NetNS
	// Master names the link's master (IFLA_MASTER), a bridge for example.
	Master string
	// Up sets the link administratively up (IFF_UP) as it is created.
	Up bool
	// Kind is the link type and its options: one of the typed specs (Veth,
	// Bridge, VXLAN, Macvlan, Macvtap, IFB) or KindArgs for any other
	// kind. It is required by Add; a veth's Peer has none.
	Kind KindSpec
}

// NetNS names a network namespace a link is created in or moved to: by an
// open file descriptor, by name (a file under /run/netns, or a path), or
// by a process's pid. The zero NetNS is "no namespace given".
type NetNS struct {
	fd   int
	pid  int
	name string
	set  uint8 // which of fd, pid and name is meant (netnsFD…)
}

const (
	netnsUnset = iota
	netnsFD
	netnsName
	netnsPID
)

// NetNSFD is the namespace open as fd (IFLA_NET_NS_FD). The caller keeps
// fd open until the operation returns and closes it.
func NetNSFD(fd int) NetNS { return NetNS{fd: fd, set: netnsFD} }

// NetNSName is the namespace called name under /run/netns, or at the path
// name: it is opened for the request and closed after, as `ip link ...
// netns NAME` does.
func NetNSName(name string) NetNS { return NetNS{name: name, set: netnsName} }

// NetNSPID is the network namespace of process pid (IFLA_NET_NS_PID).
func NetNSPID(pid int) NetNS { return NetNS{pid: pid, set: netnsPID} }

// IsZero reports whether n names no namespace.
func (n NetNS) IsZero() bool { return n.set == netnsUnset }

// encode puts n's attribute, opening a named namespace through p.NetNS
// (whose caller closes the fd after the request).
func (n NetNS) encode(p *Parser, ae *netlink.AttributeEncoder) error {
	switch n.set {
	case netnsFD:
		ae.Uint32(unix.IFLA_NET_NS_FD, uint32(n.fd))
	case netnsPID:
		ae.Uint32(unix.IFLA_NET_NS_PID, uint32(n.pid))
	case netnsName:
		fd, err := p.NetNS(n.name)
		if err != nil {
			return err
		}
		ae.Uint32(unix.IFLA_NET_NS_FD, uint32(fd))
	}
	return nil
}

// KindSpec is a link kind with its options, for Spec.Kind: the typed specs
// of this package (Veth, Bridge, VXLAN, Macvlan, Macvtap, IFB) and
// KindArgs, which reads the options of any kind from ip-link(8)'s words.
type KindSpec interface {
	// KindName is the kind's IFLA_INFO_KIND, "veth" for example.
	KindName() string
	// encodeData puts the kind's IFLA_INFO_DATA attributes.
	encodeData(p *Parser, ae *netlink.AttributeEncoder) error
}

// parentSpec is a kind that names the lower device itself.
type parentSpec interface{ parent() string }

// encodeAdd encodes the RTM_NEWLINK body that creates s: the same body
// `ip link add` builds for the words in Spec's order.
func (p *Parser) encodeAdd(s *Spec) ([]byte, error) {
	if s.Kind == nil {
		return nil, cmdline.Exit(cmdline.StatusFailed, "Not enough information: \"type\" argument is required")
	}
	var hdr rtnl.IfInfomsg
	hdr.Family = p.Family
	ae := netlink.NewAttributeEncoder()
	if err := p.encodeCommon(s, &hdr, ae); err != nil {
		return nil, err
	}
	err := nest(ae, unix.IFLA_LINKINFO, func(li *netlink.AttributeEncoder) error {
		return p.encodeKind(s.Kind, li)
	})
	if err != nil {
		return nil, err
	}
	attrs, err := ae.Encode()
	if err != nil {
		return nil, err
	}
	return append(hdr.Append(nil), attrs...), nil
}

// encodeKind fills IFLA_LINKINFO for a typed kind: its name and, when the
// kind has options set, IFLA_INFO_DATA. KindArgs goes through the words'
// parser instead, as `type KIND ARGS` does.
func (p *Parser) encodeKind(k KindSpec, li *netlink.AttributeEncoder) error {
	if ka, ok := k.(KindArgs); ok {
		return p.parseKind(ka.Kind, cmdline.NewArgs(ka.Args), li)
	}
	li.Bytes(unix.IFLA_INFO_KIND, []byte(k.KindName()))
	data := netlink.NewAttributeEncoder()
	if err := k.encodeData(p, data); err != nil {
		return err
	}
	b, err := data.Encode()
	if err != nil {
		return err
	}
	if len(b) > 0 {
		li.Bytes(unix.IFLA_INFO_DATA, b)
	}
	return nil
}

// encodeCommon puts s's generic attributes in Spec's order, as
// iplink_parse does for those words: the names last.
func (p *Parser) encodeCommon(s *Spec, hdr *rtnl.IfInfomsg, ae *netlink.AttributeEncoder) error {
	if s.Name != "" && (!validIfname(s.Name) || len(s.Name) >= unix.IFNAMSIZ) {
		return cmdline.InvalidArg("\"name\" not a valid ifname", s.Name)
	}
	if s.Index < 0 || s.Index > 1<<31-1 {
		return cmdline.InvalidArg("Invalid \"index\" value", strconv.Itoa(s.Index))
	}
	hdr.Index = int32(s.Index)
	if s.Up {
		hdr.Change |= unix.IFF_UP
		hdr.Flags |= unix.IFF_UP
	}
	if s.TxQLen != nil {
		ae.Uint32(unix.IFLA_TXQLEN, *s.TxQLen)
	}
	if s.Address != nil {
		ae.Bytes(unix.IFLA_ADDRESS, s.Address)
	}
	if s.Broadcast != nil {
		ae.Bytes(unix.IFLA_BROADCAST, s.Broadcast)
	}
	if s.MTU != 0 {
		ae.Uint32(unix.IFLA_MTU, s.MTU)
	}
	if s.NumTxQueues != 0 {
		ae.Uint32(unix.IFLA_NUM_TX_QUEUES, s.NumTxQueues)
	}
	if s.NumRxQueues != 0 {
		ae.Uint32(unix.IFLA_NUM_RX_QUEUES, s.NumRxQueues)
	}
	if err := s.NetNS.encode(p, ae); err != nil {
		return err
	}
	if s.Master != "" {
		idx := p.Index(s.Master)
		if idx == 0 {
			return cmdline.InvalidArg("Device does not exist\n", s.Master)
		}
		ae.Uint32(unix.IFLA_MASTER, uint32(idx))
	}
	parent := s.Parent
	if ps, ok := s.Kind.(parentSpec); ok && parent == "" {
		parent = ps.parent()
	}
	if parent != "" {
		idx := p.Index(parent)
		if idx == 0 {
			return cmdline.Exit(cmdline.StatusFailed, "Cannot find device \"%s\"", parent)
		}
		ae.Uint32(unix.IFLA_LINK, uint32(idx))
	}
	if s.Name != "" {
		ae.String(unix.IFLA_IFNAME, s.Name)
	}
	return nil
}

// Change is what Set changes on an existing link; nil and zero fields are
// left as they are. The request carries the attributes in the order
// `ip link set` sends them for words in this order:
//
//	ip link set dev DEV [up|down] [txqueuelen N] [address LLADDR]
//	    [mtu MTU] [netns NS] [alias TEXT] [master DEV | nomaster]
//	    [name NEWNAME]
type Change struct {
	// Up sets the link up (true) or down (false).
	Up *bool
	// TxQLen is the new transmit queue length.
	TxQLen *uint32
	// Address is the new hardware address.
	Address net.HardwareAddr
	// MTU is the new maximum transfer unit; 0 leaves it.
	MTU uint32
	// NetNS moves the link to another namespace.
	NetNS NetNS
	// Alias is the new alias (IFLA_IFALIAS); a pointer to "" clears it.
	Alias *string
	// Master enslaves the link to the named master; NoMaster frees it
	// from its master (`nomaster`). Setting both is an error.
	Master   string
	NoMaster bool // sends IFLA_MASTER 0
	// Name renames the link.
	Name string
}

// encodeSet encodes the RTM_NEWLINK body that applies ch to the link with
// ifindex index.
func (p *Parser) encodeSet(index int32, ch *Change) ([]byte, error) {
	hdr := rtnl.IfInfomsg{Family: p.Family, Index: index}
	ae := netlink.NewAttributeEncoder()
	if ch.Up != nil {
		hdr.Change |= unix.IFF_UP
		if *ch.Up {
			hdr.Flags |= unix.IFF_UP
		}
	}
	if ch.TxQLen != nil {
		ae.Uint32(unix.IFLA_TXQLEN, *ch.TxQLen)
	}
	if ch.Address != nil {
		ae.Bytes(unix.IFLA_ADDRESS, ch.Address)
	}
	if ch.MTU != 0 {
		ae.Uint32(unix.IFLA_MTU, ch.MTU)
	}
	if err := ch.NetNS.encode(p, ae); err != nil {
		return nil, err
	}
	if ch.Alias != nil {
		if len(*ch.Alias) >= ifAliasSize {
			return nil, cmdline.InvalidArg("alias too long\n", *ch.Alias)
		}
		ae.Bytes(unix.IFLA_IFALIAS, []byte(*ch.Alias))
	}
	switch {
	case ch.Master != "" && ch.NoMaster:
		return nil, cmdline.Duplicate("master", "nomaster")
	case ch.Master != "":
		idx := p.Index(ch.Master)
		if idx == 0 {
			return nil, cmdline.InvalidArg("Device does not exist\n", ch.Master)
		}
		ae.Uint32(unix.IFLA_MASTER, uint32(idx))
	case ch.NoMaster:
		ae.Uint32(unix.IFLA_MASTER, 0)
	}
	if ch.Name != "" {
		if !validIfname(ch.Name) || len(ch.Name) >= unix.IFNAMSIZ {
			return nil, cmdline.InvalidArg("\"name\" not a valid ifname", ch.Name)
		}
		ae.String(unix.IFLA_IFNAME, ch.Name)
	}
	attrs, err := ae.Encode()
	if err != nil {
		return nil, err
	}
	return append(hdr.Append(nil), attrs...), nil
}

// Resolver answers what a request refers to by name, for EncodeAdd and
// EncodeSet: Add and Set resolve through their connection instead.
type Resolver struct {
	// Index returns the ifindex of the named link, or 0.
	Index func(name string) int
	// OpenNetNS opens the named namespace (NetNSName) and returns its
	// fd, which the caller closes after sending the request; nil opens
	// none.
	OpenNetNS func(name string) (int, error)
}

func (r Resolver) parser(create bool) *Parser {
	p := &Parser{MsgType: unix.RTM_NEWLINK, Create: create, Stdout: io.Discard, Stderr: io.Discard, Usage: cmdline.Usage}
	p.Index = func(name string) int32 {
		if r.Index == nil {
			return 0
		}
		return int32(r.Index(name))
	}
	p.NetNS = func(name string) (int, error) {
		if r.OpenNetNS == nil {
			return -1, unix.ENOENT
		}
		return r.OpenNetNS(name)
	}
	return p
}

// EncodeAdd returns the body (ifinfomsg and attributes) of the
// RTM_NEWLINK request Add sends for s, to be sent with NLM_F_CREATE and
// NLM_F_EXCL; r resolves the names s holds.
func EncodeAdd(s Spec, r Resolver) ([]byte, error) {
	return r.parser(true).encodeAdd(&s)
}

// EncodeSet returns the body of the RTM_NEWLINK request Set sends to
// apply ch to the link with ifindex index; r resolves the names ch holds.
func EncodeSet(index int, ch Change, r Resolver) ([]byte, error) {
	return r.parser(false).encodeSet(int32(index), &ch)
}
