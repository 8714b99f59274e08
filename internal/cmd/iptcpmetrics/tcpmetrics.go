// Package iptcpmetrics is `ip tcp_metrics` (and `ip tcpmetrics`): the
// kernel's cache of TCP metrics per destination, read and deleted through
// the generic netlink family "tcp_metrics".
package iptcpmetrics

import (
	"context"
	"encoding/binary"
	"errors"
	"net/netip"
	"strconv"

	"github.com/gipnet/gip/format"
	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/internal/cnum"
	"github.com/gipnet/gip/internal/rtnames"
	"github.com/gipnet/gip/internal/usage"
	"github.com/gipnet/gip/rtnl"
	"github.com/gipnet/gip/tcpmetrics"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// The verbs (iproute2's CMD_* bits) and the text of a message the
// printer refuses.
const (
	verbList            = 1
	verbDel             = 2
	verbFlush           = 4
	errBadMessageString = "bad message"
)

var errBadMessage = errors.New(errBadMessageString)

// Run is `ip tcp_metrics`: verbs in iproute2's order of trial.
func Run(env *cli.Env, args *cmdline.Args) error {
	if !args.More() {
		return do(env, verbList, args)
	}
	w := args.Next()
	for _, v := range []struct {
		name string
		verb int
	}{{"list", verbList}, {"lst", verbList}, {"show", verbList}, {"delete", verbDel}, {"remove", verbDel}, {"flush", verbFlush}} {
		if cmdline.Matches(w, v.name) {
			return do(env, v.verb, args)
		}
	}
	if cmdline.Matches(w, "help") {
		return usageText(env)
	}
	return cmdline.Fatal(cmdline.StatusUsage, "Command \"%s\" is unknown, try \"ip tcp_metrics help\".", w)
}

func usageText(env *cli.Env) error {
	env.P.Flush()
	usage.TCPMetrics(env.Stderr)
	return cmdline.Usage()
}

// selector is what the words select: a destination and a source, each a
// prefix (bitLen -1: none given) that is exact when typ is set.
type selector struct {
	dst, src         cnum.Prefix
	dstLen, srcLen   int
	dstType, srcType uint16
}

// parse reads the selector words of verb.
func parse(env *cli.Env, verb int, args *cmdline.Args) (*selector, error) {
	family := env.Opts.Family
	s := &selector{dstLen: -1, srcLen: -1}
	s.dst.Family, s.src.Family = family, family
	for first := true; args.More(); first = false {
		if !first {
			// iproute2's loop steps past a word twice per
			// selector: the word after each one is never read.
			if args.Next(); !args.More() {
				break
			}
		}
		w := args.Next()
		if w == "src" || w == "source" {
			v, err := args.Value()
			if err != nil {
				return nil, err
			}
			if cmdline.Matches(v, "help") {
				return nil, usageText(env)
			}
			if s.srcLen >= 0 {
				return nil, cmdline.Duplicate2(w, v)
			}
			p, err := cnum.GetPrefix(v, family)
			if err != nil {
				return nil, err
			}
			s.src, s.srcLen = p, p.BitLen
			if p.ByteLen != 0 && p.ByteLen*8 == p.BitLen {
				s.srcType = addrType(p.Family, tcpmetrics.AttrSaddrIPv4, tcpmetrics.AttrSaddrIPv6)
			}
			if s.srcType == 0 {
				return nil, cmdline.Exit(cmdline.StatusFailed, "Error: a specific IP address is expected rather than \"%s\"", v)
			}
			continue
		}
		who := "address"
		if w == "addr" || w == "address" {
			who = w
			var err error
			if w, err = args.Value(); err != nil {
				return nil, err
			}
		}
		if cmdline.Matches(w, "help") {
			return nil, usageText(env)
		}
		if s.dstLen >= 0 {
			return nil, cmdline.Duplicate2(who, w)
		}
		p, err := cnum.GetPrefix(w, family)
		if err != nil {
			return nil, err
		}
		s.dst, s.dstLen = p, p.BitLen
		if p.ByteLen != 0 && p.ByteLen*8 == p.BitLen {
			s.dstType = addrType(p.Family, tcpmetrics.AttrAddrIPv4, tcpmetrics.AttrAddrIPv6)
		}
		if verb&verbDel != 0 && s.dstType == 0 {
			return nil, cmdline.Exit(cmdline.StatusFailed, "Error: a specific IP address is expected rather than \"%s\"", w)
		}
	}
	return s, nil
}

func addrType(family int, v4, v6 uint16) uint16 {
	switch family {
	case unix.AF_INET:
		return v4
	case unix.AF_INET6:
		return v6
	}
	return 0
}

// resolveFamily is genl_resolve_family: the id of the tcp_metrics family.
func resolveFamily(c *rtnl.Conn) (uint16, error) {
	id, err := tcpmetrics.ResolveFamily(context.Background(), c)
	switch {
	case err == nil:
		return id, nil
	case errors.Is(err, tcpmetrics.ErrNoFamilyID):
		return 0, cmdline.Exit(cmdline.StatusFailed, "Missing family id TLV")
	case errors.Is(err, tcpmetrics.ErrShort):
		return 0, cmdline.Exit(cmdline.StatusFailed, "Error talking to the kernel")
	}
	return 0, cmdline.Exit(cmdline.StatusFailed, "%s\nError talking to the kernel", err)
}

// Request returns the request body and flags tcpm_do_cmd sends for verb
// and s, the verb it becomes, and whether it is a dump.
func (s *selector) request(verb, family int) (body []byte, newVerb int, flags netlink.HeaderFlags, dump bool) {
	if verb == verbDel && s.dstType == 0 {
		return nil, verb, 0, false // the caller refuses it first
	}
	if verb == verbFlush && s.dstType != 0 {
		verb = verbDel
	}
	cmd := byte(tcpmetrics.CmdGet)
	ack := false
	if verb == verbFlush && s.dstLen <= 0 && s.srcLen <= 0 && family == unix.AF_UNSPEC {
		verb, cmd, ack = verbDel, tcpmetrics.CmdDel, true
	} else if verb == verbDel {
		cmd, ack = tcpmetrics.CmdDel, true
	}
	body = tcpmetrics.Header(cmd)
	if verb&verbFlush == 0 && (s.dstType != 0 || verb&verbDel != 0) {
		if ack {
			flags |= netlink.Acknowledge
		}
		if s.dstType != 0 {
			body = tcpmetrics.AppendAttr(body, s.dstType, s.dst.Bytes())
		}
		if s.srcType != 0 {
			body = tcpmetrics.AppendAttr(body, s.srcType, s.src.Bytes())
		}
		return body, verb, flags, false
	}
	return body, verb, netlink.Dump, true
}

// do is tcpm_do_cmd.
func do(env *cli.Env, verb int, args *cmdline.Args) error {
	switch env.Opts.Family {
	case unix.AF_UNSPEC, unix.AF_INET, unix.AF_INET6:
	default:
		return cmdline.Exit(cmdline.StatusFailed, "Unsupported protocol family: %d", env.Opts.Family)
	}
	s, err := parse(env, verb, args)
	if err != nil {
		return err
	}
	if verb == verbDel && s.dstType == 0 {
		return cmdline.Fatal(cmdline.StatusUsage, "Error: argument \"address\" is required")
	}
	body, verb, flags, dump := s.request(verb, env.Opts.Family)
	c, err := rtnl.DialProto(env.NetNSFD, unix.NETLINK_GENERIC)
	if err != nil {
		return cmdline.Exit(cmdline.StatusFailed, "Cannot open generic netlink socket")
	}
	defer c.Close()
	if !env.QuietInterrupts {
		c.Interrupted = func() { env.Warnf("%s\n", rtnl.DumpInterruptedText) }
	}
	id, err := resolveFamily(c)
	if err != nil {
		return err
	}
	pr := NewPrinter(env)
	pr.sel = s
	pr.verb = verb
	typ := netlink.HeaderType(id)
	pr.family = id
	switch {
	case verb&verbFlush != 0:
		// Only the listing opens a JSON context: a flush's and a
		// get's entries print as text whatever -json says.
		pr.P = env.P.Plain()
		return flush(env, c, typ, body, pr)
	case flags&netlink.Acknowledge != 0:
		if err := c.Exec(typ, 0, body); err != nil {
			env.Warnf("%s\n", err)
			return cmdline.Silent(cmdline.StatusRefused)
		}
		return nil
	case !dump:
		m, err := c.Query(typ, 0, body)
		if err != nil {
			env.Warnf("%s\n", err)
			return cmdline.Silent(cmdline.StatusRefused)
		}
		pr.P = env.P.Plain()
		if pr.Print(m.Header, m.Data) != nil {
			return cmdline.Fatal(cmdline.StatusFailed, "Dump terminated")
		}
		return nil
	}
	env.P.Begin()
	err = c.Dump(typ, body, func(m netlink.Message) error { return pr.Print(m.Header, m.Data) })
	if err != nil {
		dumpFailed(env, err)
		return cmdline.Fatal(cmdline.StatusFailed, "Dump terminated")
	}
	env.P.End()
	return nil
}

// dumpFailed prints a failed dump's reason as rtnl_dump_filter does.
func dumpFailed(env *cli.Env, err error) {
	var ne *rtnl.Error
	switch {
	case err == errBadMessage:
	case !errors.As(err, &ne) || ne.Msg != "":
		env.Warnf("%s\n", err)
	case ne.Errno == unix.ENOENT || ne.Errno == unix.EOPNOTSUPP:
	case ne.Errno == unix.EMSGSIZE:
		env.Warnf("Error: Buffer too small for object.\n")
	default:
		env.Warnf("%s\n", err)
	}
}

// flush deletes what the dump selects, in rounds until a dump finds
// nothing, as tcpm_do_cmd does: the printer queues each deletion on a
// rtnl.Flusher while the dump is read, which sends them unacknowledged,
// as many as fit in iproute2's flush buffer a datagram, and peeks for a
// refusal the kernel queued for one of them.
func flush(env *cli.Env, c *rtnl.Conn, typ netlink.HeaderType, body []byte, pr *Printer) error {
	w := env.P.Writer()
	pr.flusher = c.NewFlusher(typ, rtnl.FlushBufferSize)
	for round := 0; ; {
		pr.flushed = 0
		err := pr.flusher.Dump(typ, body, func(m netlink.Message) error { return pr.Print(m.Header, m.Data) })
		if err != nil {
			var serr *flushSendError
			if errors.As(err, &serr) {
				flushFailed(env, serr.err)
			} else {
				dumpFailed(env, err)
			}
			return cmdline.Fatal(cmdline.StatusFailed, "Flush terminated")
		}
		if pr.flushed == 0 {
			if round == 0 {
				env.Warnf("Nothing to flush.\n")
			} else if env.Opts.Stats > 0 {
				w.WriteString("*** Flush is complete after " + strconv.Itoa(round) + " round")
				if round > 1 {
					w.WriteString("s")
				}
				w.WriteString(" ***\n")
			}
			return nil
		}
		round++
		if err := pr.flusher.Send(); err != nil {
			flushFailed(env, err)
			return cmdline.Fatal(cmdline.StatusFailed, "")
		}
		if env.Opts.Stats > 0 {
			w.WriteString("\n*** Round " + strconv.Itoa(round) + ", deleting " + strconv.Itoa(pr.flushed) + " entries ***\n")
			env.P.Flush()
		}
	}
}

// flushSendError is a batch of deletions that failed while the dump was
// read, which ends the dump.
type flushSendError struct{ err error }

func (e *flushSendError) Error() string { return e.err.Error() }

// flushFailed is iproute2's perror of a failed batch, whose prefix ends in
// a newline of its own.
func flushFailed(env *cli.Env, err error) {
	env.Warnf("Failed to send flush request\n: %s\n", rtnl.Strerror(errnoOf(err)))
}

func errnoOf(err error) unix.Errno {
	var e unix.Errno
	if errors.As(err, &e) {
		return e
	}
	return unix.EIO
}

// Printer is process_msg: one tcp_metrics entry.
type Printer struct {
	P       *format.Printer
	Stats   int
	Resolve bool
	sel     *selector
	verb    int
	family  uint16
	flusher *rtnl.Flusher // flush: where the deletions go
	flushed int           // flush: the deletions of this round
	del     []byte        // flush: the deletion being made
}

// NewPrinter is the printer for env's options.
func NewPrinter(env *cli.Env) *Printer {
	return &Printer{P: env.P, Stats: env.Opts.Stats, Resolve: env.Opts.Resolve,
		sel: &selector{dstLen: -1, srcLen: -1}, verb: verbList}
}

// matches is inet_addr_match over the first bits of a and p.
func matches(a []byte, p *cnum.Prefix, bits int) bool {
	b := p.Bytes()
	for i := 0; bits > 0; i++ {
		if i >= len(a) || i >= len(b) {
			return bits <= 0
		}
		mask := byte(0xff)
		if bits < 8 {
			mask = byte(0xff << (8 - bits))
		}
		if (a[i]^b[i])&mask != 0 {
			return false
		}
		bits -= 8
	}
	return true
}

func host(family int, b []byte, resolve bool) string {
	if resolve {
		if n := rtnames.HostName(family, b); n != "" {
			return n
		}
	}
	if family == unix.AF_INET {
		return netip.AddrFrom4([4]byte(b)).String()
	}
	return netip.AddrFrom16([16]byte(b)).String()
}

// Print prints (or, flushing, queues the deletion of) one entry; an error
// ends a listing.
func (pr *Printer) Print(h netlink.Header, body []byte) error {
	if pr.family != 0 && uint16(h.Type) != pr.family {
		return errBadMessage
	}
	if len(body) < tcpmetrics.GenlHeaderLen {
		return errBadMessage
	}
	if body[0] != tcpmetrics.CmdGet {
		return nil
	}
	tb := tcpmetrics.ParseAttrs(body[tcpmetrics.GenlHeaderLen:])
	s := pr.sel
	var daddr, saddr []byte
	var dfam, sfam int
	var atype, stype uint16
	switch {
	case tb[tcpmetrics.AttrAddrIPv4] != nil:
		if s.dst.Family != 0 && s.dst.Family != unix.AF_INET {
			return nil
		}
		daddr, dfam, atype = tb[tcpmetrics.AttrAddrIPv4], unix.AF_INET, tcpmetrics.AttrAddrIPv4
	case tb[tcpmetrics.AttrAddrIPv6] != nil:
		if s.dst.Family != 0 && s.dst.Family != unix.AF_INET6 {
			return nil
		}
		daddr, dfam, atype = tb[tcpmetrics.AttrAddrIPv6], unix.AF_INET6, tcpmetrics.AttrAddrIPv6
	default:
		return nil
	}
	if !addrLenOK(dfam, daddr) {
		return nil
	}
	if s.dst.Family != 0 && s.dstLen >= 0 && !matches(daddr, &s.dst, s.dstLen) {
		return nil
	}
	switch {
	case tb[tcpmetrics.AttrSaddrIPv4] != nil:
		if s.src.Family != 0 && s.src.Family != unix.AF_INET {
			return nil
		}
		saddr, sfam, stype = tb[tcpmetrics.AttrSaddrIPv4], unix.AF_INET, tcpmetrics.AttrSaddrIPv4
	case tb[tcpmetrics.AttrSaddrIPv6] != nil:
		if s.src.Family != 0 && s.src.Family != unix.AF_INET6 {
			return nil
		}
		saddr, sfam, stype = tb[tcpmetrics.AttrSaddrIPv6], unix.AF_INET6, tcpmetrics.AttrSaddrIPv6
	}
	if sfam != 0 {
		if !addrLenOK(sfam, saddr) {
			return nil
		}
		if s.src.Family != 0 && s.srcLen >= 0 && !matches(saddr, &s.src, s.srcLen) {
			return nil
		}
	}
	if pr.verb&verbFlush != 0 {
		// The Flusher copies the request: one scratch buffer serves.
		del := tcpmetrics.AppendAttr(append(pr.del[:0], tcpmetrics.CmdDel, tcpmetrics.Version, 0, 0), atype, daddr)
		if sfam != 0 {
			del = tcpmetrics.AppendAttr(del, stype, saddr)
		}
		pr.del = del
		// A printer used offline, with no Flusher, only counts.
		if pr.flusher != nil {
			if err := pr.flusher.Add(del); err != nil {
				return &flushSendError{err}
			}
		}
		pr.flushed++
		if pr.Stats < 2 {
			return nil
		}
	}
	p := pr.P
	p.OpenObject("")
	if pr.verb&(verbDel|verbFlush) != 0 {
		p.Bool(format.Any, "deleted", "Deleted ", true)
	}
	color := format.Inet
	if dfam == unix.AF_INET6 {
		color = format.Inet6
	}
	p.ColorString(format.Any, color, "dst", "%s", host(dfam, daddr, pr.Resolve))
	if v := tb[tcpmetrics.AttrAge]; v != nil {
		age := float64(u64(v)) / 1000.
		pr.float("age", " age ", age, 3, "sec")
	}
	if v := tb[tcpmetrics.AttrTWTSStamp]; v != nil {
		stamp := int32(u32(v))
		tsval := uint32(0)
		if t := tb[tcpmetrics.AttrTWTSVal]; t != nil {
			tsval = u32(t)
		}
		p.String(format.Any, "tw_ts_stamp", " tw_ts %s ago", strconv.FormatUint(uint64(tsval), 10)+"/"+strconv.FormatInt(int64(stamp), 10))
	}
	if v := tb[tcpmetrics.AttrVals]; v != nil {
		pr.metrics(v)
	}
	if v := tb[tcpmetrics.AttrFopenMSS]; v != nil {
		p.Uint(format.Any, "fopen_miss", " fo_mss %u", uint64(u16(v)))
	}
	if v := tb[tcpmetrics.AttrFopenSynDrops]; v != nil {
		ts := 0.
		if t := tb[tcpmetrics.AttrFopenSynDropTS]; t != nil {
			ts = float64(u64(t))
		}
		p.Uint(format.Any, "fopen_syn_drops", " fo_syn_drops %u", uint64(u16(v)))
		pr.float("fopen_syn_drop_ts", "/", ts/1000000., 3, "usec ago")
	}
	if v := tb[tcpmetrics.AttrFopenCookie]; v != nil {
		const hex = "0123456789abcdef"
		var cookie []byte
		for i, c := range v {
			if i == 16 {
				break
			}
			cookie = append(cookie, hex[c>>4], hex[c&15])
		}
		p.String(format.Any, "fo_cookie", " fo_cookie %s", string(cookie))
	}
	if sfam != 0 {
		p.String(format.Any, "source", " source %s", host(sfam, saddr, pr.Resolve))
	}
	p.Text("\n")
	p.CloseObject()
	return nil
}

// float is print_float: "%g" in JSON, prefix, "%.Nf" and suffix in text.
func (pr *Printer) float(key, prefix string, v float64, prec int, suffix string) {
	if pr.P.IsJSON() {
		pr.P.Raw(format.JSON, key, "", strconv.FormatFloat(v, 'g', 6, 64))
	} else {
		pr.P.Raw(format.Text, "", prefix+"%s"+suffix, strconv.FormatFloat(v, 'f', prec, 64))
	}
}

// metrics is print_tcp_metrics.
func (pr *Printer) metrics(b []byte) {
	var m [tcpmetrics.MetricMax + 2][]byte
	a := rtnl.NewAttrs(b)
	for a.Next() {
		if t := a.Type(); int(t) < len(m) {
			m[t] = a.Data()
		}
	}
	p := pr.P
	var rtt, rttvar uint64
	for i := 0; i < tcpmetrics.MetricMax+1; i++ {
		v := m[i+1]
		if v == nil {
			continue
		}
		val := u32(v)
		var name string
		switch i {
		case tcpmetrics.MetricRTT:
			if rtt == 0 {
				rtt = (uint64(val) * 1000) >> 3
			}
			continue
		case tcpmetrics.MetricRTTVar:
			if rttvar == 0 {
				rttvar = (uint64(val) * 1000) >> 2
			}
			continue
		case tcpmetrics.MetricRTTUs:
			rtt = uint64(val >> 3)
			continue
		case tcpmetrics.MetricRTTVarUs:
			rttvar = uint64(val >> 2)
			continue
		case tcpmetrics.MetricSSThresh:
			name = "ssthresh"
		case tcpmetrics.MetricCwnd:
			name = "cwnd"
		case tcpmetrics.MetricReordering:
			name = "reordering"
		}
		p.Uint(format.JSON, name, "", uint64(val))
		p.String(format.Text, "", " %s ", name)
		p.Uint(format.Text, "", "%u", uint64(val))
	}
	if rtt != 0 {
		if p.IsJSON() {
			p.Raw(format.JSON, "rtt", "", strconv.FormatFloat(float64(rtt)/1e6, 'g', 6, 64))
		} else {
			p.Uint(format.Text, "", " rtt %uus", rtt)
		}
	}
	if rttvar != 0 {
		if p.IsJSON() {
			p.Raw(format.JSON, "rttvar", "", strconv.FormatFloat(float64(rttvar)/1e6, 'g', 6, 64))
		} else {
			p.Uint(format.Text, "", " rttvar %uus", rttvar)
		}
	}
}

func addrLenOK(family int, b []byte) bool {
	return (family == unix.AF_INET && len(b) == 4) || (family == unix.AF_INET6 && len(b) == 16)
}

func u16(b []byte) uint16 {
	if len(b) < 2 {
		return 0
	}
	return binary.NativeEndian.Uint16(b)
}

func u32(b []byte) uint32 {
	if len(b) < 4 {
		return 0
	}
	return binary.NativeEndian.Uint32(b)
}

func u64(b []byte) uint64 {
	if len(b) < 8 {
		return 0
	}
	return binary.NativeEndian.Uint64(b)
}
