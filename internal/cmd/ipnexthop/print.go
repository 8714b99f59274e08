package ipnexthop

import (
	"errors"
	"fmt"
	"strconv"
	"unsafe"

	"github.com/gipnet/gip/format"
	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cmd/iproute"
	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/nexthop"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// Printer prints nexthop and nexthop bucket messages as iproute2's
// print_cache_nexthop and print_nexthop_bucket do, in the output mode of
// the Env it was made for.
type Printer struct {
	env     *cli.Env
	p       *format.Printer
	aux     *iproute.Helpers
	details int
	resolve bool
	buf     []byte
}

// NewPrinter returns a printer for env's output and options. Close it to
// release its device-name lookups.
func NewPrinter(env *cli.Env) *Printer {
	return &Printer{
		env:     env,
		p:       env.P,
		aux:     iproute.NewHelpers(env),
		details: env.Opts.Details,
		resolve: env.Opts.Resolve,
	}
}

// NameLinks names devices through fn (ip monitor's link cache) instead of
// asking the kernel.
func (pr *Printer) NameLinks(fn func(uint32) string) { pr.aux.NameLinks(fn) }

// Close releases the printer's lookup socket.
func (pr *Printer) Close() { pr.aux.Close() }

// errBadMessage is a message the printer could not decode; what was wrong
// has been printed already.
var errBadMessage = cmdline.Silent(cmdline.StatusUsage)

// PrintMessage prints one RTM_NEWNEXTHOP or RTM_DELNEXTHOP message, or one
// RTM_NEWNEXTHOPBUCKET or RTM_DELNEXTHOPBUCKET message, as a line of its
// own (an object in JSON). Another type, or a message that cannot be
// decoded, is reported on stderr as iproute2 reports it, and fails.
func (pr *Printer) PrintMessage(m netlink.Message) error {
	switch uint16(m.Header.Type) {
	case nexthop.RTMNewNexthop, nexthop.RTMDelNexthop:
		return pr.printNexthop(m)
	case nexthop.RTMNewNexthopBucket, nexthop.RTMDelNexthopBucket:
		return pr.printBucket(m)
	}
	pr.env.Warnf("Not a nexthop: %08x %08x %08x\n", m.Header.Length, uint16(m.Header.Type), uint16(m.Header.Flags))
	return errBadMessage
}

func (pr *Printer) printNexthop(m netlink.Message) error {
	var v nexthop.View
	err := nexthop.DecodeView(m.Data, &v)
	if err == nexthop.ErrShort {
		pr.p.CloseObject()
		pr.env.Warnf("BUG: wrong nlmsg len %d\n", len(m.Data)-nexthop.HeaderLen)
		return errBadMessage
	}
	if err != nil {
		// ipnh_parse_nhmsg's complaint goes to the output stream, as
		// iproute2 prints it.
		var gwErr *nexthop.GatewayLengthError
		var grpErr *nexthop.GroupError
		switch {
		case errors.As(err, &gwErr):
			fmt.Fprintf(pr.p.Writer(), "<nexthop id %d invalid gateway length %d>\n", gwErr.ID, gwErr.Len)
		case errors.As(err, &grpErr):
			fmt.Fprintf(pr.p.Writer(), "<nexthop id %d invalid nexthop group>", grpErr.ID)
		}
		pr.p.CloseObject()
		pr.env.Warnf("Error parsing nexthop: Invalid argument\n")
		return errBadMessage
	}
	pr.entry("", &v, uint16(m.Header.Type) == nexthop.RTMDelNexthop)
	pr.p.Text("\n")
	return nil
}

// entry is __print_nexthop_entry: one nexthop, in an object named key
// (or an anonymous one).
func (pr *Printer) entry(key string, e *nexthop.View, deleted bool) {
	p := pr.p
	p.OpenObject(key)
	if deleted {
		p.Bool(format.Any, "deleted", "Deleted ", true)
	}
	p.Uint(format.Any, "id", "id %u ", uint64(e.ID))
	if e.Group != nil {
		p.OpenArray(format.JSON, "group", "")
		p.Text("group ")
		for i := range e.Members() {
			m := e.Member(i)
			p.OpenObject("")
			if i > 0 {
				p.Text("/")
			}
			p.Uint(format.Any, "id", "%u", uint64(m.ID))
			if m.Weight != 1 {
				p.Uint(format.Any, "weight", ",%u", uint64(m.Weight))
			}
			p.CloseObject()
		}
		p.Text(" ")
		p.CloseArray(format.JSON, "")
	}
	switch e.GroupType {
	case nexthop.GroupMpath: // not printed, so that older output stays as it was
	case nexthop.GroupResilient:
		p.String(format.Any, "type", "type %s ", "resilient")
	default:
		p.String(format.Any, "type", "type %s ", "<unknown type>")
	}
	if e.HasResilient {
		pr.resilientArgs(&e.Resilient)
	}
	if e.Encap != nil {
		pr.aux.Encap(e.EncapType, e.Encap)
	}
	if len(e.Gateway) > 0 {
		pr.aux.Gateway(int(e.Header.Family), e.Gateway)
	}
	if e.Dev != 0 {
		pr.aux.Ifindex("dev", e.Dev)
	}
	if e.Header.Scope != unix.RT_SCOPE_UNIVERSE || pr.details > 0 {
		p.String(format.Any, "scope", "scope %s ", pr.aux.Scope(e.Header.Scope))
	}
	if e.Blackhole {
		p.Null(format.Any, "blackhole", "blackhole ", "")
	}
	if e.Header.Protocol != unix.RTPROT_UNSPEC || pr.details > 0 {
		p.String(format.Any, "protocol", "proto %s ", pr.aux.Protocol(e.Header.Protocol))
	}
	pr.aux.Flags(e.Header.Flags)
	if e.FDB {
		p.Null(format.Any, "fdb", "fdb", "")
	}
	p.CloseObject()
}

// resilientArgs is print_nh_res_group: the bucket count and the timers in
// seconds.
func (pr *Printer) resilientArgs(r *nexthop.ResilientView) {
	p := pr.p
	p.OpenObject("resilient_args")
	p.Uint(format.Any, "buckets", "buckets %u ", uint64(r.Buckets))
	p.Raw(format.Any, "idle_timer", "idle_timer %s ", pr.seconds(uint64(r.IdleTimer)))
	p.Raw(format.Any, "unbalanced_timer", "unbalanced_timer %s ", pr.seconds(uint64(r.UnbalancedTimer)))
	p.Raw(format.Any, "unbalanced_time", "unbalanced_time %s ", pr.seconds(r.UnbalancedTime))
	p.CloseObject()
}

// seconds is C's "%g" of a clock tick count taken as hundredths of a
// second (iproute2's __jiffies_to_tv, then print_tv). The string lives in
// pr.buf until the next call: it is only handed to the printer, which
// writes it out at once, so a bucket dump allocates nothing per bucket.
func (pr *Printer) seconds(ticks uint64) string {
	usec := 10000 * ticks
	secs := float64(usec/1000000) + float64(usec%1000000)/1000000
	pr.buf = strconv.AppendFloat(pr.buf[:0], secs, 'g', 6, 64)
	return unsafe.String(unsafe.SliceData(pr.buf), len(pr.buf))
}

// printBucket is print_nexthop_bucket.
func (pr *Printer) printBucket(m netlink.Message) error {
	p := pr.p
	b, err := nexthop.DecodeBucket(m.Data)
	if err != nil {
		p.CloseObject()
		pr.env.Warnf("BUG: wrong nlmsg len %d\n", len(m.Data)-nexthop.HeaderLen)
		return errBadMessage
	}
	p.OpenObject("")
	// iproute2 6.1 compares a bucket's type with RTM_DELNEXTHOP, so it
	// never marks a bucket deleted.
	if uint16(m.Header.Type) == nexthop.RTMDelNexthop {
		p.Bool(format.Any, "deleted", "Deleted ", true)
	}
	if b.HasID {
		p.Uint(format.Any, "id", "id %u ", uint64(b.ID))
	}
	if b.HasBucket {
		p.OpenObject("bucket")
		if b.HasIndex {
			p.Uint(format.Any, "index", "index %u ", uint64(b.Index))
		}
		if b.HasIdleTime {
			p.Raw(format.Any, "idle_time", "idle_time %s ", pr.seconds(b.IdleTime))
		}
		if b.HasNHID {
			p.Uint(format.Any, "nhid", "nhid %u ", uint64(b.NHID))
		}
		p.CloseObject()
	}
	pr.aux.Flags(b.Header.Flags)
	p.Text("\n")
	p.CloseObject()
	return nil
}
