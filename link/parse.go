package link

import (
	"fmt"
	"io"
	"strings"

	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/internal/cnum"
	"github.com/gipnet/gip/rtnl"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// Parser turns the words of `ip link add|set|change|replace|delete` into one
// RTM_NEWLINK or RTM_DELLINK request body, as iproute2's iplink_parse and
// the kinds' parse_opt do. What it needs to know about the system comes
// through its function fields, so parsing runs (and is fuzzed) without a
// kernel.
type Parser struct {
	MsgType uint16 // RTM_NEWLINK or RTM_DELLINK
	Create  bool   // NLM_F_CREATE is set: add and replace make new devices
	Family  uint8  // ifi_family, from ip -f (also picks vxlan's default group)

	// Stdout and Stderr receive what kinds print while parsing (veth's
	// usage goes to stdout in iproute2, vxlan's warnings to stderr).
	Stdout, Stderr io.Writer
	// Index returns the ifindex of the named link, 0 when there is none.
	Index func(name string) int32
	// AddrLen returns the hardware address length of the named link, or -1.
	AddrLen func(name string) int
	// NetNS opens the named namespace (a name under /run/netns or a path)
	// and returns its fd; the caller closes the fds after the request.
	NetNS func(name string) (int, error)
	// NetNSID returns the id the named namespace has here, assigning one
	// when it has none, or -1.
	NetNSID func(name string) int32
	// Usage prints `ip link help` and returns its error.
	Usage func() error
	// Force is ip -force (XDP programs then replace an attached one).
	Force bool
	// PinnedProg opens the BPF program pinned at path (BPF_OBJ_GET); nil
	// finds none. The caller closes the fds with ClosePinned after the request.
	PinnedProg func(path string) (int, error)

	bpfFDs []int // pinned XDP programs opened for the request
}

// ClosePinned closes the pinned BPF programs Build opened (through
// PinnedProg) once the request is sent.
func (p *Parser) ClosePinned() {
	for _, fd := range p.bpfFDs {
		unix.Close(fd)
	}
	p.bpfFDs = nil
}

// createExcl is the request flags of an add: NLM_F_CREATE|NLM_F_EXCL.
const createExcl = rtnl.Create | rtnl.Excl

// Values x/sys/unix does not name, and the suffix that makes a kind a
// port kind (its words go in IFLA_INFO_SLAVE_DATA).
const (
	slaveKindSuffix = "_slave"
	vethInfoPeer    = 1 // VETH_INFO_PEER
	ifAliasSize     = 256
	gsoMaxSegs      = 65535
)

// Build parses a whole command line into a request body: the ifinfomsg and
// its attributes, with IFLA_LINKINFO last when a type is given.
func (p *Parser) Build(a *cmdline.Args) ([]byte, error) {
	var hdr rtnl.IfInfomsg
	hdr.Family = p.Family
	ae := netlink.NewAttributeEncoder()
	kind, typed, err := p.parseLink(a, &hdr, ae)
	if err != nil {
		return nil, err
	}
	if typed {
		err := nest(ae, unix.IFLA_LINKINFO, func(li *netlink.AttributeEncoder) error {
			return p.parseKind(kind, a, li)
		})
		if err != nil {
			return nil, err
		}
	} else if p.Create {
		return nil, cmdline.Exit(cmdline.StatusFailed, "Not enough information: \"type\" argument is required")
	}
	attrs, err := ae.Encode()
	if err != nil {
		return nil, err
	}
	return append(hdr.Append(nil), attrs...), nil
}

// parseKind fills IFLA_LINKINFO: the kind's name and, when words follow, its
// data (IFLA_INFO_SLAVE_DATA for a "…_slave" kind).
func (p *Parser) parseKind(kind string, a *cmdline.Args, li *netlink.AttributeEncoder) error {
	li.Bytes(unix.IFLA_INFO_KIND, []byte(kind))
	k := LookupKind(kind)
	if !a.More() {
		return nil
	}
	if k == nil {
		if cmdline.Matches(a.Peek(), "help") {
			if text, ok := requestOnlyHelp(kind); ok {
				// iproute2's module for the kind explains its
				// options and fails.
				io.WriteString(p.Stderr, text)
				return cmdline.Silent(cmdline.StatusFailed)
			}
			if iproute2Parses(kind) {
				// iproute2's module for the kind explains its
				// options and fails.
				fmt.Fprintf(p.Stderr, "Usage: ... %s [ OPTIONS ] (gip does not know the %s options; see ip-link(8))\n", kind, kind)
				return cmdline.Silent(cmdline.StatusFailed)
			}
			return p.Usage()
		}
		return garbage(a.Peek())
	}
	dataType := uint16(unix.IFLA_INFO_DATA)
	if i := strings.IndexByte(kind, '_'); i >= 0 && kind[i:] == slaveKindSuffix {
		dataType = unix.IFLA_INFO_SLAVE_DATA
	}
	return nest(li, dataType, func(d *netlink.AttributeEncoder) error {
		if k.Parse == nil {
			return nil // iproute2 ignores the words of a kind without options
		}
		return k.Parse(p, a, d)
	})
}

func garbage(word string) error {
	return cmdline.Exit(cmdline.StatusFailed, "Garbage instead of arguments \"%s ...\". Try \"ip link help\".", word)
}

// nest encodes fn's attributes nested in one attribute of type typ without
// the NLA_F_NESTED bit, as iproute2's addattr_nest does, so requests are
// byte for byte the reference's.
func nest(ae *netlink.AttributeEncoder, typ uint16, fn func(*netlink.AttributeEncoder) error) error {
	var ferr error
	ae.Do(typ, func() ([]byte, error) {
		nae := netlink.NewAttributeEncoder()
		if ferr = fn(nae); ferr != nil {
			return nil, ferr
		}
		return nae.Encode()
	})
	return ferr
}

// linkWords is the state of one iplink_parse run: the names seen so far.
// name and dev are compared as pointers on purpose: iproute2 tells "the
// device is the one `name` gave" from "a second device word" by identity.
type linkWords struct {
	name, dev *string
	link      string
	hasLink   bool
	addrLen   int
	index     int32
	group     int32
	hasGroup  bool
	moveNetNS bool
	seen      map[string]bool // keywords iproute2 refuses twice
}

// parseLink is iplink_parse: it reads the generic words into hdr and ae
// until `type KIND` (returned, typed set: `type ”` is a kind too, one the
// kernel refuses) or the end, then resolves the device.
func (p *Parser) parseLink(a *cmdline.Args, hdr *rtnl.IfInfomsg, ae *netlink.AttributeEncoder) (kind string, typed bool, err error) {
	w := linkWords{seen: map[string]bool{}}
	for a.More() {
		k, done, err := p.parseWord(a, hdr, ae, &w)
		if err != nil {
			return "", false, err
		}
		if done {
			kind, typed = k, true
			break
		}
	}
	if typed, err = p.finishLink(a, hdr, ae, &w, typed); err != nil {
		return "", false, err
	}
	return kind, typed, nil
}

// finishLink is the end of iplink_parse: the checks that need every word,
// the device's ifindex and the attributes that name devices.
func (p *Parser) finishLink(a *cmdline.Args, hdr *rtnl.IfInfomsg, ae *netlink.AttributeEncoder, w *linkWords, typed bool) (bool, error) {
	switch {
	case w.name == nil:
		w.name = w.dev
	case w.dev == nil:
		w.dev = w.name
	case *w.name == *w.dev:
		w.name = w.dev
	}
	if w.dev != nil && w.addrLen > 0 && !p.Create && p.AddrLen != nil {
		if halen := p.AddrLen(*w.dev); halen >= 0 && halen != w.addrLen {
			return false, cmdline.Exit(cmdline.StatusFailed, "Invalid address length %d - must be %d bytes", w.addrLen, halen)
		}
	}
	if w.index != 0 && !p.Create && !w.moveNetNS {
		return false, cmdline.Fatal(cmdline.StatusUsage, "index can be used only when creating devices or when moving device to another netns.")
	}
	if w.hasGroup && w.dev == nil {
		if typed && a.More() {
			return false, cmdline.Fatal(cmdline.StatusUsage, "Garbage instead of arguments \"%s ...\". Try \"ip link help\".", a.Peek())
		}
		if p.Create {
			return false, cmdline.Fatal(cmdline.StatusUsage, "group cannot be used when creating devices.")
		}
		return false, nil // a group: the kind is not used
	}
	if !p.Create {
		if w.dev == nil {
			return false, cmdline.Fatal(cmdline.StatusUsage, "Not enough information: \"dev\" argument is required.")
		}
		hdr.Index = p.Index(*w.dev)
		if hdr.Index == 0 {
			return false, cmdline.Exit(cmdline.StatusFailed, "Cannot find device \"%s\"", *w.dev)
		}
		if w.name == w.dev {
			w.name = nil
		}
		if w.index != 0 {
			ae.Uint32(unix.IFLA_NEW_IFINDEX, uint32(w.index))
		}
	} else {
		if w.name != w.dev {
			return false, cmdline.Fatal(cmdline.StatusUsage, "both \"name\" and \"dev\" cannot be used when creating devices.")
		}
		if w.hasLink {
			idx := p.Index(w.link)
			if idx == 0 {
				return false, cmdline.Exit(cmdline.StatusFailed, "Cannot find device \"%s\"", w.link)
			}
			ae.Uint32(unix.IFLA_LINK, uint32(idx))
		}
		hdr.Index = w.index
	}
	if w.name != nil {
		ae.String(unix.IFLA_IFNAME, *w.name)
	}
	return typed, nil
}

// validIfname is iproute2's check_altifname; check_ifname adds the length
// limit.
func validIfname(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] == '/' || cnum.IsSpace(s[i]) {
			return false
		}
	}
	return true
}

// setFlag records an on|off word for a flag of ifinfomsg; inverted flags
// (NOARP, NOTRAILERS) are set by "off".
func setFlag(hdr *rtnl.IfInfomsg, flag uint32, inverted bool, key, val string) error {
	hdr.Change |= flag
	on := val == "on"
	if !on && val != "off" {
		return cmdline.Exit(cmdline.StatusFailed, "Error: argument of \"%s\" must be \"on\" or \"off\", not \"%s\"", key, val)
	}
	if on != inverted {
		hdr.Flags |= flag
	} else {
		hdr.Flags &^= flag
	}
	return nil
}

// parseOnOff is iproute2's parse_on_off: "on" or "off", abbreviations
// allowed ("o" is off). code is the exit status its callers fail with.
func parseOnOff(key, val string, code int) (bool, error) {
	switch {
	case cmdline.Matches(val, "off"):
		return false, nil
	case cmdline.Matches(val, "on"):
		return true, nil
	}
	return false, cmdline.Exit(code, "Error: argument of \"%s\" must be one of \"off\", \"on\", not \"%s\"", key, val)
}
