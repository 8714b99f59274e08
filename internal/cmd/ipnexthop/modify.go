package ipnexthop

import (
	"strings"

	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/internal/cnum"
	"github.com/gipnet/gip/nexthop"
	"github.com/gipnet/gip/route"
	"github.com/gipnet/gip/rtnl"
	"golang.org/x/sys/unix"
)

// devLookup is ll_name_to_index: a device's index, 0 when there is none.
type devLookup func(name string) uint32

// parseID is ipnh_parse_id.
func parseID(v string) (uint32, error) {
	id, ok := cnum.Uint32(v, 0)
	if !ok {
		return 0, cmdline.InvalidArg("invalid id value", v)
	}
	return id, nil
}

// modifyRequest is ipnh_modify's parser: the words of add, replace and
// delete turned into the request body (struct nhmsg and attributes), in
// the order iproute2 writes them.
func modifyRequest(family int, args *cmdline.Args, lookup devLookup) ([]byte, error) {
	return modifyRequestWarn(family, args, lookup, nil)
}

// encapBound is iproute2's buffer for a nexthop's encapsulation, and the
// bound of the request it is then copied into (addraw_l).
const encapBound = 1024

// modifyRequestWarn is modifyRequest printing libnetlink's complaints
// about iproute2's buffer bounds through warn (nil: not printed).
func modifyRequestWarn(family int, args *cmdline.Args, lookup devLookup, warn func(line string)) ([]byte, error) {
	hdr := nexthop.Header{Family: uint8(family)}
	var attrs []byte
	for args.More() {
		w := args.Next()
		switch {
		case w == "id":
			v, err := args.Value()
			if err != nil {
				return nil, err
			}
			id, err := parseID(v)
			if err != nil {
				return nil, err
			}
			attrs = nexthop.AppendID(attrs, id)
		case w == "dev":
			v, err := args.Value()
			if err != nil {
				return nil, err
			}
			idx := lookup(v)
			if idx == 0 {
				return nil, cmdline.InvalidArg("Device does not exist\n", v)
			}
			attrs = nexthop.AppendDev(attrs, idx)
			if hdr.Family == unix.AF_UNSPEC {
				hdr.Family = unix.AF_INET
			}
		case w == "via":
			v, err := args.Value()
			if err != nil {
				return nil, err
			}
			fam := cnum.ReadFamily(v)
			if fam == unix.AF_UNSPEC {
				fam = int(hdr.Family)
			} else if v, err = args.Value(); err != nil {
				return nil, err
			}
			a, err := cnum.GetAddr(v, fam)
			if err != nil {
				return nil, err
			}
			if hdr.Family == unix.AF_UNSPEC {
				hdr.Family = uint8(a.Family)
			} else if int(hdr.Family) != a.Family {
				return nil, cmdline.InvalidArg("address family mismatch\n", v)
			}
			attrs = nexthop.AppendGateway(attrs, a.Bytes())
		case w == "encap":
			b, fit, err := route.ParseEncapIn(args, func(name string) (uint32, error) {
				if idx := lookup(name); idx != 0 {
					return idx, nil
				}
				return 0, cmdline.Exit(cmdline.StatusFailed, "Cannot find device \"%s\"", name)
			}, route.EncapBound{Used: 4, Max: encapBound, Warn: warn})
			if err != nil {
				return nil, err
			}
			if !rtnl.AttrFits(unix.NLMSG_HDRLEN+nexthop.HeaderLen+len(attrs), len(b)-4, encapBound) {
				if warn != nil {
					warn(rtnl.ExceededRawBound(encapBound))
				}
			} else if fit != route.EncapCut {
				// On EncapCut the type word comes next, which fails
				// as an unknown argument before anything is sent.
				attrs = nexthop.AppendEncap(attrs, b)
			}
		case w == "blackhole":
			attrs = nexthop.AppendBlackhole(attrs)
			if hdr.Family == unix.AF_UNSPEC {
				hdr.Family = unix.AF_INET
			}
		case w == "fdb":
			attrs = nexthop.AppendFDB(attrs)
		case w == "onlink":
			hdr.Flags |= unix.RTNH_F_ONLINK
		case w == "group":
			v, err := args.Value()
			if err != nil {
				return nil, err
			}
			members, err := groupMembers(v)
			if err != nil {
				return nil, err
			}
			attrs = nexthop.AppendGroup(attrs, members)
		case w == "type":
			b, err := groupType(args)
			if err != nil {
				return nil, err
			}
			attrs = append(attrs, b...)
		case cmdline.Matches(w, "protocol"):
			v, err := args.Value()
			if err != nil {
				return nil, err
			}
			p, ok := route.ParseProtocol(v)
			if !ok {
				return nil, cmdline.InvalidArg("\"protocol\" value is invalid\n", v)
			}
			hdr.Protocol = p
		case w == "help":
			return nil, errUsage
		default:
			return nil, cmdline.InvalidArg("", w)
		}
	}
	return append(hdr.Append(nil), attrs...), nil
}

// groupMembers is add_nh_group_attr's parser: "ID[,WEIGHT]/ID[,WEIGHT]/…"
// as the members of an NHA_GROUP attribute. As in iproute2, the word it
// names in a complaint about an id is the text before the first separator
// (its parser cuts the word in place).
func groupMembers(v string) ([]nexthop.GroupMember, error) {
	invalid := func() error {
		head := v
		if i := strings.IndexAny(head, "/,"); i >= 0 {
			head = head[:i]
		}
		return cmdline.InvalidArg("\"group\" value is invalid\n", head)
	}
	if v == "" {
		return nil, invalid()
	}
	var members []nexthop.GroupMember
	for _, part := range strings.Split(v, "/") {
		idText, wText, hasWeight := strings.Cut(part, ",")
		id, ok := cnum.Uint32(idText, 0)
		if !ok {
			return nil, invalid()
		}
		weight := 1
		if hasWeight {
			w, ok := cnum.Uint32(wText, 0)
			if !ok || w == 0 || w > 256 {
				return nil, cmdline.InvalidArg("\"weight\" is invalid\n", wText)
			}
			weight = int(w)
		}
		members = append(members, nexthop.GroupMember{ID: id, Weight: weight})
	}
	return members, nil
}

// groupType is parse_nh_group_type, with "type" just read: the type, and
// for a resilient group the NHA_RES_GROUP nest of its arguments before
// it.
func groupType(args *cmdline.Args) ([]byte, error) {
	v, err := args.Value()
	if err != nil {
		return nil, err
	}
	var typ nexthop.GroupType
	switch v {
	case "mpath":
		typ = nexthop.GroupMpath
	case "resilient":
		typ = nexthop.GroupResilient
	default:
		return nil, cmdline.InvalidArg("\"type\" value is invalid\n", v)
	}
	var b []byte
	if typ == nexthop.GroupResilient && args.More() {
		nest, err := resilientArgs(args)
		if err != nil {
			return nil, err
		}
		b = nexthop.AppendResilient(b, nest)
	}
	return nexthop.AppendGroupType(b, typ), nil
}

// resilientArgs is parse_nh_group_type_res: buckets, idle_timer and
// unbalanced_timer (seconds, sent in hundredths) until another word.
func resilientArgs(args *cmdline.Args) ([]byte, error) {
	var b []byte
	for args.More() {
		w := args.Next()
		var v string
		switch w {
		case "buckets", "idle_timer", "unbalanced_timer":
			var err error
			if v, err = args.Value(); err != nil {
				return nil, err
			}
		default:
			args.Back()
			return b, nil
		}
		switch w {
		case "buckets":
			n, ok := cnum.Uint(v, 0, 0xffff)
			if !ok {
				return nil, cmdline.InvalidArg("invalid buckets value", v)
			}
			b = nexthop.AppendResBuckets(b, uint16(n))
		case "idle_timer":
			n, ok := cnum.Uint32(v, 0)
			if !ok || n >= 0xffffffff/100 {
				return nil, cmdline.InvalidArg("invalid idle timer value", v)
			}
			b = nexthop.AppendResIdleTimer(b, n*100)
		case "unbalanced_timer":
			n, ok := cnum.Uint32(v, 0)
			if !ok || n >= 0xffffffff/100 {
				return nil, cmdline.InvalidArg("invalid unbalanced timer value", v)
			}
			b = nexthop.AppendResUnbalancedTimer(b, n*100)
		}
	}
	return b, nil
}
