package iproute

import (
	"encoding/binary"
	"strconv"

	"github.com/gipnet/gip/format"
	"github.com/gipnet/gip/internal/cli"
	"golang.org/x/sys/unix"
)

// Nexthop object attributes (linux/nexthop.h).
const (
	nhaID        = 1
	nhaGroup     = 2
	nhaGroupType = 3
	nhaBlackhole = 4
	nhaOIF       = 5
	nhaGateway   = 6
	nhaEncapType = 7
	nhaEncap     = 8
	nhaFDB       = 11
	nhaResGroup  = 12
	nhaMax       = 13

	nhResGroupBuckets         = 1
	nhResGroupIdleTimer       = 2
	nhResGroupUnbalancedTimer = 3
	nhResGroupUnbalancedTime  = 4

	nhGrpTypeMpath = 0
	nhGrpTypeRes   = 1

	nhmsgLen = 8 // struct nhmsg
)

// nhObject is one nexthop object, as `ip -d route` shows it for a route's
// nhid (iproute2's struct nh_entry). Its slices point into the kernel's
// answer, which it keeps.
type nhObject struct {
	family, scope, protocol uint8
	flags                   uint32
	tb                      [][]byte // attributes by type, nil when absent
}

// nexthopCache is the run's nexthop cache (env.Nexthops), made on first
// use. Its entries are iproute2's: kept until ip monitor sees the nexthop
// change or go, so under -batch a route listed after "nexthop replace"
// shows the group as an earlier line's lookup found it.
func nexthopCache(env *cli.Env) map[uint32]*nhObject {
	if c, ok := env.Nexthops.(map[uint32]*nhObject); ok {
		return c
	}
	c := make(map[uint32]*nhObject)
	env.Nexthops = c
	return c
}

// nexthopByID asks the kernel for nexthop id on the lookup socket (the
// main one may be in the middle of a dump), as iproute2's nexthop cache
// does, and remembers the answer in the printer's cache: the run's
// (nexthopCache) for a listing; a printer of single messages (ip monitor,
// -echo) starts one of its own here unless TrackNexthop made it the run's
// first. It returns nil when there is none; that is not remembered
// (ipnh_cache_add asks again).
func (pr *printer) nexthopByID(id uint32) *nhObject {
	if nh := pr.nexthops[id]; nh != nil {
		return nh
	}
	var nh *nhObject
	if c := pr.links.side(); c != nil {
		req := []byte{uint8(pr.f.family), 0, 0, 0, 0, 0, 0, 0}
		req = binary.NativeEndian.AppendUint16(req, 8)
		req = binary.NativeEndian.AppendUint16(req, nhaID)
		req = binary.NativeEndian.AppendUint32(req, id)
		if m, err := c.Query(unix.RTM_GETNEXTHOP, 0, req); err == nil && len(m.Data) >= nhmsgLen {
			nh = &nhObject{
				family:   m.Data[0],
				scope:    m.Data[1],
				protocol: m.Data[2],
				flags:    binary.NativeEndian.Uint32(m.Data[4:]),
				tb:       encapAttrs(m.Data[nhmsgLen:], nhaMax),
			}
		}
	}
	if nh != nil {
		if pr.nexthops == nil {
			pr.nexthops = make(map[uint32]*nhObject)
		}
		pr.nexthops[id] = nh
	}
	return nh
}

// nhInfo is print_cache_nexthop_id for -details: the route's nexthop
// object on a line of its own, "nh_info" in JSON. The line break is a
// real one even under -oneline, as in iproute2.
func (pr *printer) nhInfo(id uint32) {
	nh := pr.nexthopByID(id)
	if nh == nil {
		return
	}
	p := pr.p
	p.Text("\n\tnh_info ")
	p.OpenObject("nh_info")
	p.Uint(format.Any, "id", "id %u ", uint64(id))
	if g := nh.tb[nhaGroup]; len(g) >= 8 && len(g)%8 == 0 {
		p.OpenArray(format.JSON, "group", "")
		p.Text("group ")
		for i := 0; i+8 <= len(g); i += 8 {
			p.OpenObject("")
			if i > 0 {
				p.Text("/")
			}
			p.Uint(format.Any, "id", "%u", uint64(binary.NativeEndian.Uint32(g[i:])))
			if w := g[i+4]; w != 0 {
				p.Uint(format.Any, "weight", ",%u", uint64(w)+1)
			}
			p.CloseObject()
		}
		p.Text(" ")
		p.CloseArray(format.JSON, "")
	}
	if t := nh.tb[nhaGroupType]; len(t) >= 2 {
		switch gt := binary.NativeEndian.Uint16(t); gt {
		case nhGrpTypeMpath: // not printed, as in iproute2
		case nhGrpTypeRes:
			p.String(format.Any, "type", "type %s ", "resilient")
		default:
			p.String(format.Any, "type", "type %s ", "<unknown type>")
		}
	}
	if res := nh.tb[nhaResGroup]; res != nil {
		pr.resilientArgs(encapAttrs(res, nhResGroupUnbalancedTime))
	}
	if nh.tb[nhaEncap] != nil {
		pr.encap(nh.tb[nhaEncapType], nh.tb[nhaEncap], true)
	}
	if gw := nh.tb[nhaGateway]; len(gw) > 0 {
		pr.gateway(int(nh.family), gw)
	}
	if oif := nh.tb[nhaOIF]; len(oif) >= 4 {
		if idx := binary.NativeEndian.Uint32(oif); idx != 0 {
			pr.ifindex("dev", idx)
		}
	}
	// -details is on: scope and protocol are always printed.
	p.String(format.Any, "scope", "scope %s ", pr.names.Scope(nh.scope))
	if nh.tb[nhaBlackhole] != nil {
		p.Null(format.Any, "blackhole", "blackhole ", "")
	}
	p.String(format.Any, "protocol", "proto %s ", pr.names.Protocol(nh.protocol))
	printFlags(p, nh.flags)
	if nh.tb[nhaFDB] != nil {
		p.Null(format.Any, "fdb", "fdb", "")
	}
	p.CloseObject()
}

// resilientArgs is print_nh_res_group: the bucket count and the timers,
// in seconds (iproute2 takes the kernel's clock ticks as hundredths).
func (pr *printer) resilientArgs(tb [][]byte) {
	p := pr.p
	var buckets uint64
	if b := tb[nhResGroupBuckets]; len(b) >= 2 {
		buckets = uint64(binary.NativeEndian.Uint16(b))
	}
	ticks := func(t int) uint64 {
		switch b := tb[t]; {
		case len(b) >= 8:
			return binary.NativeEndian.Uint64(b)
		case len(b) >= 4:
			return uint64(binary.NativeEndian.Uint32(b))
		}
		return 0
	}
	p.OpenObject("resilient_args")
	p.Uint(format.Any, "buckets", "buckets %u ", buckets)
	for _, t := range []struct {
		attr int
		key  string
	}{
		{nhResGroupIdleTimer, "idle_timer"},
		{nhResGroupUnbalancedTimer, "unbalanced_timer"},
		{nhResGroupUnbalancedTime, "unbalanced_time"},
	} {
		p.Raw(format.Any, t.key, t.key+" %s ", secondsG(ticks(t.attr)))
	}
	p.CloseObject()
}

// secondsG is C's "%g" of a tick count taken as hundredths of a second
// (iproute2's __jiffies_to_tv then print_tv).
func secondsG(ticks uint64) string {
	usec := 10000 * ticks
	secs := float64(usec/1000000) + float64(usec%1000000)/1000000
	return strconv.FormatFloat(secs, 'g', 6, 64)
}
