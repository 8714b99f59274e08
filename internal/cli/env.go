// Package cli is what the command line's applets share beyond single words:
// ip's global options, the per-run environment (printer over stdout,
// stderr, the namespace chosen with -n and its lazily dialed connection) and
// the state iproute2 keeps from one -batch command to the next. Only command
// packages import it; the object packages are a library and do not.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/link"
	"github.com/gipnet/gip/netns"

	"github.com/gipnet/gip/format"
	"github.com/gipnet/gip/genl"
	"github.com/gipnet/gip/rtnl"
)

// Options are ip's global options (ip -h lists them). Counters stay ints
// where iproute2 counts repeats (-s -s, -d -d).
type Options struct {
	Family    int // AF_UNSPEC, AF_INET, AF_INET6, AF_PACKET, AF_BRIDGE, AF_MPLS
	Details   int
	Stats     int
	Resolve   bool
	Oneline   bool
	Timestamp int
	TShort    bool // -tshort: time stamps as [YYYY-MM-DDTHH:MM:SS.UUUUUU]
	Force     bool
	Brief     bool
	JSON      bool
	Pretty    bool
	Color     bool
	Human     int
	IEC       bool
	Numeric   bool
	All       bool // -all
	Echo      bool
	NetNS     string // -n NAME, as given
	Batch     string // -batch FILE
	HasBatch  bool   // -batch was given (its FILE may be empty)
	Loops     int    // -loops N: flush rounds, 0 for no limit (DefaultLoops if not given)
	RcvBuf    int

	CompressVlans bool // bridge -compressvlans
}

// DefaultLoops is how many rounds a flush makes without -loops.
const DefaultLoops = 10

// Env is what an applet runs with: options, the printer over stdout, stderr,
// and a lazily dialed netlink connection in the selected namespace. One Env
// serves a whole -batch run, so the socket is reused.
type Env struct {
	Opts   Options
	P      *format.Printer
	Stdin  io.Reader
	Stderr io.Writer

	// NetNSFD is the namespace selected with -n (an open fd), or -1.
	NetNSFD int

	// InBatch is set while -batch runs commands, for the objects whose
	// behaviour differs there (netns exec forks instead of exec'ing).
	InBatch bool

	// LinksOnly is set by `ip link show`. iproute2 keeps that as process
	// state (its do_link), so for the rest of a -batch `ip address show`
	// lists links without their addresses.
	LinksOnly bool

	// AddrFilter is the address filter the last address or link listing,
	// flush or save left (iproute2's static filter, which its showdump
	// still applies): the addr package's own type, nil before any.
	AddrFilter any

	// RouteFilter is the same for routes: what the last route listing,
	// flush, save or get left (the route package's type, nil before any).
	RouteFilter any

	// NexthopFilter is ip nexthop's selector (internal/cmd/ipnexthop's type),
	// which iproute2 keeps as process state: under -batch a command's
	// selector and flush count carry over into the next nexthop commands.
	NexthopFilter any

	// Nexthops is iproute2's nexthop cache (nh_cache; internal/cmd/iproute's
	// type): what a route's -details nh_info showed for an id is asked of
	// the kernel once and kept for the whole run, -batch included; only ip
	// monitor's nexthop events change it.
	Nexthops any

	// MaddrFilter is ip maddress's device filter (internal/cmd/ipmaddr's
	// type): iproute2 never resets it, so under -batch a listing's `dev`
	// filters the later listings too, and a second `dev` is refused.
	MaddrFilter any
	// NSIDs is iproute2's process-wide nsid→name cache, which the link
	// and address printers and `ip netns list-id` share for the whole run,
	// -batch included.
	NSIDs netns.IDCache

	// BridgeState is what the bridge command keeps from one command of a
	// -batch to the next (iproute2's static filters; the bridge package's
	// type, nil before any).
	BridgeState any

	// Strict makes Conn ask the kernel to check requests strictly (it then
	// filters dumps by the request header and refuses attributes a request
	// does not take). iproute2's ip does so, except under -batch, whose
	// socket it opens without.
	Strict bool

	// ForkedCopy is set under -batch. It plays a copy of ip that iproute2
	// forked for the current command (netns exec) and that failed before it
	// could exec: with its own copy of the buffered input the copy goes on
	// with the rest of the batch, after "Command failed FILE:LINE" when
	// failed is set; ip then goes on from the same place. It returns the
	// copy's exit status.
	ForkedCopy func(failed bool) int

	// DumpErrorMessagesOff is iproute2's RTNL_HANDLE_F_SUPPRESS_NLERR,
	// which `ip netconf` sets on ip's handle when it lists and never
	// clears: under -batch, the later commands' dumps that the kernel
	// refuses with an NLMSG_ERROR message no longer print the refusal
	// (see QuietDumpErrorMessage).
	DumpErrorMessagesOff bool

	// QuietInterrupts leaves interrupted dumps and libnetlink's warnings
	// (Conn.Warn) unreported: brctl reads sysfs and uses ioctls, where no
	// such warning exists.
	QuietInterrupts bool

	conn *rtnl.Conn
	gc   *genl.Conn

	// links is iproute2's link cache (ll_map) for the run: one per Env,
	// so per namespace, and kept from one -batch command to the next.
	links *link.Cache
	// linkSide is the socket the cache asks for a link by index on: the
	// main one may be busy with the dump whose messages name it.
	linkSide *rtnl.Conn
}

// QuietDumpErrorMessage drops the refusal line from err's message when
// DumpErrorMessagesOff is set and the command's last request on Conn was a
// dump the kernel refused with an NLMSG_ERROR message (the line iproute2's
// dump loop no longer prints). A refusal a command prints with its own
// words is not in that place and stays.
func (e *Env) QuietDumpErrorMessage(err error) error {
	if !e.DumpErrorMessagesOff || e.conn == nil {
		return err
	}
	r := e.conn.DumpErrorMessage()
	var ce *cmdline.Error
	if r == nil || !errors.As(err, &ce) || ce.Fatal {
		return err
	}
	line := "RTNETLINK answers: " + rtnl.Strerror(r.Errno)
	for _, l := range []string{r.Error(), line} {
		if rest, ok := strings.CutPrefix(ce.Msg, l+"\n"); ok {
			q := *ce
			q.Msg = rest
			return &q
		}
		if ce.Msg == l {
			q := *ce
			q.Msg = ""
			return &q
		}
	}
	return err
}

// NewEnv returns an Env printing to stdout with the given options.
func NewEnv(o Options, stdin io.Reader, stdout, stderr io.Writer) *Env {
	return &Env{
		Opts:    o,
		P:       format.New(stdout, format.Options{JSON: o.JSON, Pretty: o.Pretty, Oneline: o.Oneline, Color: o.Color}),
		Stdin:   stdin,
		Stderr:  stderr,
		NetNSFD: -1,
	}
}

// Conn returns the rtnetlink connection, dialing it on first use.
func (e *Env) Conn() (*rtnl.Conn, error) {
	if e.conn != nil {
		return e.conn, nil
	}
	c, err := rtnl.Dial(e.NetNSFD)
	if err != nil {
		return nil, cmdline.Exit(cmdline.StatusFailed, "Cannot open netlink socket: %s", rtnl.ErrnoText(err))
	}
	if e.Strict {
		// An old kernel without strict checking still works.
		_ = c.SetStrict(true)
	}
	if !e.QuietInterrupts {
		c.Interrupted = func() { e.Warnf("%s\n", rtnl.DumpInterruptedText) }
		c.Warn = func(line string) { e.Warnf("%s\n", line) }
	}
	e.conn = c
	return c, nil
}

// Genl returns the generic netlink connection (ip mptcp, sr, ioam, l2tp,
// fou, ila, macsec), dialing it on first use; like iproute2's genl handle
// it serves the rest of a -batch, with its family cache.
func (e *Env) Genl() (*genl.Conn, error) {
	if e.gc != nil {
		return e.gc, nil
	}
	c, err := genl.Dial(e.NetNSFD)
	if err != nil {
		return nil, cmdline.Fatal(cmdline.StatusFailed, "Cannot open generic netlink socket")
	}
	if !e.QuietInterrupts {
		c.Interrupted = func() { e.Warnf("%s\n", rtnl.DumpInterruptedText) }
		c.Warn = func(line string) { e.Warnf("%s\n", line) }
	}
	e.gc = c
	return c, nil
}

// GenlFamily is iproute2's genl_init_handle: the generic netlink
// connection and the family named name on it. A family the kernel lacks
// ends the command as iproute2 does: the refusal, "Error talking to the
// kernel", exit status 1 (ip exits there, so it also ends a -batch).
func (e *Env) GenlFamily(name string) (*genl.Conn, genl.Family, error) {
	c, err := e.Genl()
	if err != nil {
		return nil, genl.Family{}, err
	}
	f, err := c.Family(context.Background(), name)
	var re *rtnl.Error
	switch {
	case err == nil:
		return c, f, nil
	case errors.As(err, &re):
		return nil, f, cmdline.Fatal(cmdline.StatusFailed, "%s\nError talking to the kernel", re.Error())
	case errors.Is(err, genl.ErrNoFamilyID), errors.Is(err, genl.ErrNotController):
		return nil, f, cmdline.Fatal(cmdline.StatusFailed, "%s", err)
	}
	return nil, f, cmdline.Fatal(cmdline.StatusFailed, "Error talking to the kernel")
}

// Links returns the run's link cache, iproute2's ll_map, made on first
// use.
func (e *Env) Links() *link.Cache {
	if e.links == nil {
		e.links = &link.Cache{}
		e.wireLinks(e.links)
	}
	return e.links
}

// wireLinks points a cache's kernel requests at e's namespace.
func (e *Env) wireLinks(lc *link.Cache) {
	lc.Query = func(name string, index uint32) ([]byte, error) {
		c, err := e.nameConn(name != "")
		if err != nil {
			return nil, err
		}
		if name != "" {
			return link.QueryByName(c, name)
		}
		return link.QueryByIndex(c, index)
	}
	lc.Dump = func(fn func(body []byte)) error {
		c, err := e.linkSideConn()
		if err != nil {
			return err
		}
		return link.DumpBodies(c, fn)
	}
}

func (e *Env) linkSideConn() (*rtnl.Conn, error) {
	if e.linkSide == nil {
		c, err := rtnl.Dial(e.NetNSFD)
		if err != nil {
			return nil, err
		}
		if !e.QuietInterrupts {
			c.Warn = func(line string) { e.Warnf("%s\n", line) }
		}
		e.linkSide = c
	}
	return e.linkSide, nil
}

// nameConn is the socket a lookup by name goes out on. iproute2 opens
// one of its own for each (ll_link_get): under -batch the side socket
// plays that part, so that no answer lands on the socket the commands
// dump on (the kernel would then cut its later dumps differently); a
// single command asks on its own socket, as gip always has.
func (e *Env) nameConn(byName bool) (*rtnl.Conn, error) {
	if byName && !e.InBatch {
		return e.Conn()
	}
	return e.linkSideConn()
}

// SetLinks replaces the run's link cache (a forked copy of ip restores
// its parent's), returning the one it had.
func (e *Env) SetLinks(lc *link.Cache) *link.Cache {
	old := e.links
	e.links = lc
	return old
}

// CloneLinks returns a copy of the run's link cache (nil before any),
// for a forked copy of ip.
func (e *Env) CloneLinks() *link.Cache {
	if e.links == nil {
		return nil
	}
	return e.links.Clone()
}

// LinkIndex is iproute2's ll_name_to_index: the cached index of name,
// else the kernel's (remembered), else the ioctl's (if_nametoindex: "v0:1"
// is v0), else N for a name "ifN", else 0.
func (e *Env) LinkIndex(name string) uint32 {
	lc := e.Links()
	if idx, ok := lc.Cached(name); ok {
		return idx
	}
	if idx := lc.Fetch(name); idx != 0 {
		return idx
	}
	if c, err := e.nameConn(true); err == nil {
		if idx := link.IoctlIndex(c, name); idx != 0 {
			return idx
		}
	}
	return link.IndexFromIfN(name)
}

// InitLinks is iproute2's ll_init_map: under -batch the cache is loaded
// with every link the first time; a single command skips the dump, since
// a cache that dies with the command answers the same from single
// lookups.
func (e *Env) InitLinks() {
	if !e.InBatch {
		return
	}
	_ = e.Links().Init()
}

// InitLinksHere is ll_init_map where a command's own dump follows it on the
// same socket (ip ntable): iproute2 dumps the links on rth, and the kernel
// sizes the first part of a socket's later dumps by the largest read it has
// seen there, so after it the ntable dump of a dozen links comes in one
// part. On a socket never read, that dump is cut in two, and the kernel
// repeats the table's header (its defaults) at the top of the second part:
// ip ntable then lists ndisc_cache's defaults twice (random run, seed 9).
// Under -batch the cache is loaded once, as InitLinks does, but through the
// command's socket; a single command dumps and keeps nothing.
func (e *Env) InitLinksHere() {
	c, err := e.Conn()
	if err != nil {
		return
	}
	if !e.InBatch {
		_ = link.DumpBodies(c, func([]byte) {})
		return
	}
	lc := e.Links()
	if lc.Inited() {
		return
	}
	side := lc.Dump
	lc.Dump = func(fn func(body []byte)) error { return link.DumpBodies(c, fn) }
	_ = lc.Init()
	lc.Dump = side
}

// DropLink is ll_drop_by_index, which ip link calls after a change it
// made to link index.
func (e *Env) DropLink(index uint32) {
	if e.links != nil {
		e.links.Drop(index)
	}
}

// LinkNames returns the index→name lookups a command prints with: under
// -batch the run's cache (Close leaves it), else a cache of the command's
// own.
func (e *Env) LinkNames() *link.Names {
	if e.InBatch {
		return link.CacheNames(e.Links(), e.NetNSFD)
	}
	return link.NewNames(e.NetNSFD)
}

// Close releases the connections and flushes output.
func (e *Env) Close() {
	if e.linkSide != nil {
		e.linkSide.Close()
		e.linkSide = nil
	}
	if e.conn != nil {
		e.conn.Close()
		e.conn = nil
	}
	if e.gc != nil {
		e.gc.Close()
		e.gc = nil
	}
	e.P.Flush()
}

// Warnf prints a line to stderr, after flushing stdout so the two interleave
// as they would unbuffered.
func (e *Env) Warnf(format string, args ...any) {
	e.P.Flush()
	fmt.Fprintf(e.Stderr, format, args...)
}
