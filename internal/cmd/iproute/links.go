package iproute

import (
	"strconv"

	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/link"
	"github.com/gipnet/gip/rtnl"
)

// DevIndex is ll_name_to_index followed by nodev(): the ifindex of a device
// name (through the run's link cache), or of "ifN"; `Cannot find device
// "NAME"` (exit 1) otherwise.
func DevIndex(env *cli.Env, name string) (uint32, error) {
	if _, err := env.Conn(); err != nil {
		return 0, err
	}
	if idx := env.LinkIndex(name); idx != 0 {
		return idx, nil
	}
	return 0, cmdline.Exit(cmdline.StatusFailed, "Cannot find device \"%s\"", name)
}

// DevIndexOn is DevIndex asking the kernel on c, past the link cache.
func DevIndexOn(c *rtnl.Conn, name string) (uint32, error) {
	if idx, err := link.IndexByName(c, name); err == nil && idx > 0 {
		return uint32(idx), nil
	}
	if idx := link.IndexFromIfN(name); idx != 0 {
		return idx, nil
	}
	return 0, cmdline.Exit(cmdline.StatusFailed, "Cannot find device \"%s\"", name)
}

// LinkNames is ll_index_to_name with a per-process cache, so a dump asks
// the kernel once per device rather than once per route. Lookups go through
// a second socket, dialed on the first miss: the main one is busy streaming
// the dump.
type LinkNames struct {
	dial  func() (*rtnl.Conn, error)
	conn  *rtnl.Conn
	cache map[uint32]string
	// lookup, when set, names links instead of the cache: ip monitor
	// shares one cache that follows link notifications.
	Lookup func(idx uint32) string
	// The last name found in the cache: a dump's routes mostly leave
	// through one device, and this spares a map lookup per route.
	lastIdx  uint32
	lastName string
}

// EnvLinkNames is the LinkNames a command of env prints with: under
// -batch the run's link cache (iproute2's, kept from line to line) names
// the links.
func EnvLinkNames(env *cli.Env) *LinkNames {
	l := NewLinkNames(env.NetNSFD)
	if env.InBatch {
		lc := env.Links()
		l.Lookup = func(idx uint32) string {
			name, _ := lc.Name(idx)
			return name
		}
	}
	return l
}

func NewLinkNames(nsFD int) *LinkNames {
	return &LinkNames{
		dial:  func() (*rtnl.Conn, error) { return rtnl.Dial(nsFD) },
		cache: make(map[uint32]string),
	}
}

func (l *LinkNames) Name(idx uint32) string {
	if idx == 0 {
		return "*"
	}
	if l.Lookup != nil {
		return l.Lookup(idx)
	}
	if idx == l.lastIdx {
		return l.lastName
	}
	if n, ok := l.cache[idx]; ok {
		l.lastIdx, l.lastName = idx, n
		return n
	}
	n := ""
	if c := l.side(); c != nil {
		n, _ = link.NameByIndex(c, int32(idx))
	}
	if n == "" {
		n = "if" + strconv.FormatUint(uint64(idx), 10)
	}
	l.cache[idx] = n
	return n
}

// side is the lookup socket, dialed on first use (one attempt); nil when
// it cannot be had. Nexthop lookups (nhinfo.go) share it.
func (l *LinkNames) side() *rtnl.Conn {
	if l.conn == nil && l.dial != nil {
		l.conn, _ = l.dial()
		l.dial = nil
	}
	return l.conn
}

// close releases the lookup socket.
func (l *LinkNames) Close() {
	if l.conn != nil {
		l.conn.Close()
		l.conn = nil
	}
}
