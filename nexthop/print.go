package nexthop

import (
	"fmt"
	"strconv"

	"github.com/gipnet/gip/format"
	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cmd/iproute"
	"github.com/gipnet/gip/internal/cmdline"
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

// Close releases the printer's lookup socket.
func (pr *Printer) Close() { pr.aux.Close() }

// entry is a decoded nexthop message (iproute2's struct nh_entry); its
// slices point into the message.
type entry struct {
	hdr       header
	id        uint32
	oif       uint32
	grpType   uint16
	gateway   []byte
	encapType []byte
	encap     []byte
	group     []byte // struct nexthop_grp array
	resGroup  [][]byte
	blackhole bool
	fdb       bool
}

// errBadMessage is a message the printer could not decode; what was wrong
// has been printed already.
var errBadMessage = cmdline.Silent(cmdline.StatusUsage)

// decode is ipnh_parse_nhmsg. A malformed message prints iproute2's
// complaint on out (the output stream, as iproute2 does) and fails.
func (pr *Printer) decode(body []byte, e *entry) error {
	*e = entry{hdr: parseHeader(body)}
	tb := attrTable(body[nhmsgLen:], nhaMax)
	if b := tb[nhaID]; b != nil {
		e.id = u32(b)
	}
	if b := tb[nhaOIF]; b != nil {
		e.oif = u32(b)
	}
	if b := tb[nhaGroupType]; b != nil {
		e.grpType = u16(b)
	}
	if b := tb[nhaGateway]; b != nil {
		if len(b) > 16 {
			fmt.Fprintf(pr.p.Writer(), "<nexthop id %d invalid gateway length %d>\n", e.id, len(b))
			return errBadMessage
		}
		e.gateway = b
	}
	if b := tb[nhaEncap]; b != nil {
		e.encap, e.encapType = b, tb[nhaEncapType]
		if e.encapType == nil {
			e.encapType = []byte{}
		}
	}
	if b := tb[nhaGroup]; b != nil {
		if len(b) == 0 || len(b)%grpLen != 0 {
			fmt.Fprintf(pr.p.Writer(), "<nexthop id %d invalid nexthop group>", e.id)
			return errBadMessage
		}
		e.group = b
	}
	if b := tb[nhaResGroup]; b != nil {
		e.resGroup = attrTable(b, nhaResGroupMax)
	}
	e.blackhole = tb[nhaBlackhole] != nil
	e.fdb = tb[nhaFDB] != nil
	return nil
}

// PrintMessage prints one RTM_NEWNEXTHOP or RTM_DELNEXTHOP message, or one
// RTM_NEWNEXTHOPBUCKET or RTM_DELNEXTHOPBUCKET message, as a line of its
// own (an object in JSON). Another type, or a message that cannot be
// decoded, is reported on stderr as iproute2 reports it, and fails.
func (pr *Printer) PrintMessage(m netlink.Message) error {
	switch uint16(m.Header.Type) {
	case rtmNewNexthop, rtmDelNexthop:
		return pr.printNexthop(m)
	case rtmNewNexthopBucket, rtmDelNexthopBucket:
		return pr.printBucket(m)
	}
	pr.env.Warnf("Not a nexthop: %08x %08x %08x\n", m.Header.Length, uint16(m.Header.Type), uint16(m.Header.Flags))
	return errBadMessage
}

func (pr *Printer) printNexthop(m netlink.Message) error {
	if len(m.Data) < nhmsgLen {
		pr.p.CloseObject()
		pr.env.Warnf("BUG: wrong nlmsg len %d\n", len(m.Data)-nhmsgLen)
		return errBadMessage
	}
	var e entry
	if err := pr.decode(m.Data, &e); err != nil {
		pr.p.CloseObject()
		pr.env.Warnf("Error parsing nexthop: Invalid argument\n")
		return err
	}
	pr.entry("", &e, uint16(m.Header.Type) == rtmDelNexthop)
	pr.p.Text("\n")
	return nil
}

// entry is __print_nexthop_entry: one nexthop, in an object named key
// (or an anonymous one).
func (pr *Printer) entry(key string, e *entry, deleted bool) {
	p := pr.p
	p.OpenObject(key)
	if deleted {
		p.Bool(format.Any, "deleted", "Deleted ", true)
	}
	p.Uint(format.Any, "id", "id %u ", uint64(e.id))
	if e.group != nil {
		p.OpenArray(format.JSON, "group", "")
		p.Text("group ")
		for i := 0; i+grpLen <= len(e.group); i += grpLen {
			p.OpenObject("")
			if i > 0 {
				p.Text("/")
			}
			p.Uint(format.Any, "id", "%u", uint64(ne.Uint32(e.group[i:])))
			if w := e.group[i+4]; w != 0 {
				p.Uint(format.Any, "weight", ",%u", uint64(w)+1)
			}
			p.CloseObject()
		}
		p.Text(" ")
		p.CloseArray(format.JSON, "")
	}
	switch e.grpType {
	case grpTypeMpath: // not printed, so that older output stays as it was
	case grpTypeRes:
		p.String(format.Any, "type", "type %s ", "resilient")
	default:
		p.String(format.Any, "type", "type %s ", "<unknown type>")
	}
	if e.resGroup != nil {
		pr.resilientArgs(e.resGroup)
	}
	if e.encap != nil {
		pr.aux.Encap(e.encapType, e.encap)
	}
	if len(e.gateway) > 0 {
		pr.aux.Gateway(int(e.hdr.family), e.gateway)
	}
	if e.oif != 0 {
		pr.aux.Ifindex("dev", e.oif)
	}
	if e.hdr.scope != unix.RT_SCOPE_UNIVERSE || pr.details > 0 {
		p.String(format.Any, "scope", "scope %s ", pr.aux.Scope(e.hdr.scope))
	}
	if e.blackhole {
		p.Null(format.Any, "blackhole", "blackhole ", "")
	}
	if e.hdr.protocol != unix.RTPROT_UNSPEC || pr.details > 0 {
		p.String(format.Any, "protocol", "proto %s ", pr.aux.Protocol(e.hdr.protocol))
	}
	pr.aux.Flags(e.hdr.flags)
	if e.fdb {
		p.Null(format.Any, "fdb", "fdb", "")
	}
	p.CloseObject()
}

// resilientArgs is print_nh_res_group: the bucket count and the timers in
// seconds.
func (pr *Printer) resilientArgs(tb [][]byte) {
	p := pr.p
	p.OpenObject("resilient_args")
	p.Uint(format.Any, "buckets", "buckets %u ", uint64(u16(tb[nhaResGroupBuckets])))
	p.Raw(format.Any, "idle_timer", "idle_timer %s ", seconds(uint64(u32(tb[nhaResGroupIdleTimer]))))
	p.Raw(format.Any, "unbalanced_timer", "unbalanced_timer %s ", seconds(uint64(u32(tb[nhaResGroupUnbalancedTimer]))))
	p.Raw(format.Any, "unbalanced_time", "unbalanced_time %s ", seconds(u64(tb[nhaResGroupUnbalancedTime])))
	p.CloseObject()
}

// seconds is C's "%g" of a clock tick count taken as hundredths of a
// second (iproute2's __jiffies_to_tv, then print_tv).
func seconds(ticks uint64) string {
	usec := 10000 * ticks
	secs := float64(usec/1000000) + float64(usec%1000000)/1000000
	return strconv.FormatFloat(secs, 'g', 6, 64)
}

// printBucket is print_nexthop_bucket.
func (pr *Printer) printBucket(m netlink.Message) error {
	p := pr.p
	if len(m.Data) < nhmsgLen {
		p.CloseObject()
		pr.env.Warnf("BUG: wrong nlmsg len %d\n", len(m.Data)-nhmsgLen)
		return errBadMessage
	}
	h := parseHeader(m.Data)
	tb := attrTable(m.Data[nhmsgLen:], nhaMax)
	p.OpenObject("")
	// iproute2 6.1 compares a bucket's type with RTM_DELNEXTHOP, so it
	// never marks a bucket deleted.
	if uint16(m.Header.Type) == rtmDelNexthop {
		p.Bool(format.Any, "deleted", "Deleted ", true)
	}
	if b := tb[nhaID]; b != nil {
		p.Uint(format.Any, "id", "id %u ", uint64(u32(b)))
	}
	if b := tb[nhaResBucket]; b != nil {
		bt := attrTable(b, nhaResBucketMax)
		p.OpenObject("bucket")
		if v := bt[nhaResBucketIndex]; v != nil {
			p.Uint(format.Any, "index", "index %u ", uint64(u16(v)))
		}
		if v := bt[nhaResBucketIdleTime]; v != nil {
			p.Raw(format.Any, "idle_time", "idle_time %s ", seconds(u64(v)))
		}
		if v := bt[nhaResBucketNHID]; v != nil {
			p.Uint(format.Any, "nhid", "nhid %u ", uint64(u32(v)))
		}
		p.CloseObject()
	}
	pr.aux.Flags(h.flags)
	p.Text("\n")
	p.CloseObject()
	return nil
}
