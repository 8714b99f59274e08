package iproute

import (
	"errors"
	"strings"

	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/internal/cnum"
	"github.com/gipnet/gip/route"
	"github.com/gipnet/gip/rtnl"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// selector is a parsed `ip route show|flush` command line: the filter, the
// family to dump and the device names still to resolve.
type selector struct {
	f        filter
	family   int
	iif, oif string
	// hasIif and hasOif tell that the device was given: '' names no
	// device, it never means "any".
	hasIif, hasOif bool
}

// parseSelector reads `ip route show|flush` selectors, in the order of
// iproute2's if-chain (which decides abbreviations).
func parseSelector(env *cli.Env, args *cmdline.Args) (*selector, error) {
	s := &selector{family: env.Opts.Family}
	s.f = newFilter(s.family)
	for args.More() {
		if err := s.word(env, args.Next(), args); err != nil {
			return nil, err
		}
	}
	if s.family == unix.AF_UNSPEC && s.f.table != 0 {
		s.family = unix.AF_INET
	}
	return s, nil
}

func (s *selector) word(env *cli.Env, w string, args *cmdline.Args) error {
	f := &s.f
	m := func(kw string) bool { return cmdline.Matches(w, kw) }
	// Every keyword but the cache flags takes a value.
	value := func() (string, error) { return args.Value() }
	switch {
	case m("table"):
		v, err := value()
		if err != nil {
			return err
		}
		if id, ok := route.ParseTable(v); ok {
			f.table = id
			return nil
		}
		switch v {
		case "all":
			f.table = 0
		case "cache":
			f.cloned = cacheEntries
		case "help":
			return usage(env)
		default:
			return cmdline.InvalidArg("table id value is invalid\n", v)
		}
	case m("vrf"):
		v, err := value()
		if err != nil {
			return err
		}
		// gip's kernels have no VRF devices: every name is invalid.
		return cmdline.InvalidArg("Invalid VRF\n", v)
	case m("cached") || m("cloned"):
		f.cloned = cacheEntries
	case w == "tos" || m("dsfield"):
		v, err := value()
		if err != nil {
			return err
		}
		tos, ok := route.ParseDSField(v)
		if !ok {
			return cmdline.InvalidArg("TOS value is invalid\n", v)
		}
		f.tos, f.tosMask = tos, 0xff
	case m("protocol"):
		v, err := value()
		if err != nil {
			return err
		}
		f.protocolMask = 0xff
		prot, ok := route.ParseProtocol(v)
		if !ok {
			if v != "all" {
				return cmdline.InvalidArg("invalid \"protocol\"\n", v)
			}
			prot, f.protocolMask = 0, 0
		}
		f.protocol = prot
	case m("scope"):
		v, err := value()
		if err != nil {
			return err
		}
		f.scopeMask = 0xff
		scope, ok := route.ParseScope(v)
		if !ok {
			if v != "all" {
				return cmdline.InvalidArg("invalid \"scope\"\n", v)
			}
			scope, f.scopeMask = unix.RT_SCOPE_NOWHERE, 0
		}
		f.scope = scope
	case m("type"):
		v, err := value()
		if err != nil {
			return err
		}
		t, ok := route.ParseType(v)
		if !ok {
			return cmdline.InvalidArg("node type value is invalid\n", v)
		}
		f.typeMask = 1 << t
	case w == "dev" || w == "oif":
		v, err := value()
		if err != nil {
			return err
		}
		s.oif, s.hasOif = v, true
	case w == "iif":
		v, err := value()
		if err != nil {
			return err
		}
		s.iif, s.hasIif = v, true
	case w == "mark":
		v, err := value()
		if err != nil {
			return err
		}
		mark, ok := cnum.Uint32(v, 0)
		if !ok {
			return cmdline.InvalidArg("invalid mark value", v)
		}
		f.mark, f.markMask = mark, 0xffffffff
	case m("metric") || m("priority") || w == "preference":
		v, err := value()
		if err != nil {
			return err
		}
		metric, ok := cnum.Uint32(v, 0)
		if !ok {
			return cmdline.InvalidArg("\"metric\" value is invalid\n", v)
		}
		f.metric, f.metricMask = metric, 0xffffffff
	case w == "via":
		v, err := value()
		if err != nil {
			return err
		}
		fam := cnum.ReadFamily(v)
		if fam == unix.AF_UNSPEC {
			fam = s.family
		} else if v, err = value(); err != nil {
			return err
		}
		f.rvia, err = cnum.GetPrefix(v, fam)
		return err
	case w == "src":
		v, err := value()
		if err != nil {
			return err
		}
		f.prefsrc, err = cnum.GetPrefix(v, s.family)
		return err
	case m("realms"):
		v, err := value()
		if err != nil {
			return err
		}
		realm, ok := route.ParseRealms(v)
		if !ok {
			return cmdline.InvalidArg("invalid realms\n", v)
		}
		// "FROM/" and "TO" (or "/TO") leave the other half unchecked.
		f.realm, f.realmMask = realm, 0xffffffff
		if realm&0xffff == 0 && strings.HasSuffix(v, "/") {
			f.realmMask &^= 0xffff
		}
		if realm&0xffff0000 == 0 && (strings.IndexByte(v, '/') < 0 || v[0] == '/') {
			f.realmMask &^= 0xffff0000
		}
	case m("from"):
		return parseRootMatch(args, &f.rsrc, &f.msrc, s.family)
	default:
		if m("to") {
			if _, err := value(); err != nil {
				return err
			}
		}
		args.Back()
		return parseRootMatch(args, &f.rdst, &f.mdst, s.family)
	}
	return nil
}

// parseRootMatch reads "[root|match|exact] PREFIX" from the cursor.
func parseRootMatch(args *cmdline.Args, root, match *cnum.Prefix, family int) error {
	v, err := args.Value()
	if err != nil {
		return err
	}
	switch {
	case cmdline.Matches(v, "root"):
		if v, err = args.Value(); err != nil {
			return err
		}
		*root, err = cnum.GetPrefix(v, family)
	case cmdline.Matches(v, "match"):
		if v, err = args.Value(); err != nil {
			return err
		}
		*match, err = cnum.GetPrefix(v, family)
	default:
		if cmdline.Matches(v, "exact") {
			if v, err = args.Value(); err != nil {
				return err
			}
		}
		*match, err = cnum.GetPrefix(v, family)
		*root = *match
	}
	return err
}

// parseResolved is parseSelector then resolveDevices, as show, flush and
// save read their words. The filter is kept as the one the process is left
// with (see showdump), also when a device is not found.
func parseResolved(env *cli.Env, args *cmdline.Args) (*selector, error) {
	s, err := parseSelector(env, args)
	if err != nil {
		return nil, err
	}
	err = s.resolveDevices(env)
	keepFilter(env, &s.f)
	if err != nil {
		return nil, err
	}
	return s, nil
}

// keepFilter records f as iproute2's process-wide route filter, which its
// showdump still prints through.
func keepFilter(env *cli.Env, f *filter) {
	kept := *f
	env.RouteFilter = &kept
}

// resolveDevices turns the iif/oif selectors into filter masks.
func (s *selector) resolveDevices(env *cli.Env) error {
	if !s.hasIif && !s.hasOif {
		return nil
	}
	if s.hasIif {
		idx, err := DevIndex(env, s.iif)
		if err != nil {
			return err
		}
		s.f.iif, s.f.iifMask = idx, 0xffffffff
	}
	if s.hasOif {
		idx, err := DevIndex(env, s.oif)
		if err != nil {
			return err
		}
		s.f.oif, s.f.oifMask = idx, 0xffffffff
	}
	return nil
}

// dumpRequest is rtnl_routedump_req with iproute_dump_filter: under strict
// checking the kernel itself filters by protocol, cache flag, table and
// output device.
func dumpRequest(family int, f *filter) ([]byte, error) {
	return route.DumpRequest(family, f.protocol, f.cloned == cacheEntries, f.table, f.oif)
}

// dump streams the routes matching f to fn, with the message body each was
// decoded from (valid only during the call).
func dump(env *cli.Env, family int, f *filter, fn func(r *route.Message, body []byte) error) error {
	return dumpMsgs(env, family, f, func(m netlink.Message, r *route.Message) error { return fn(r, m.Data) })
}

// dumpMsgs streams the routes matching f to fn with their whole messages
// (for save); a message is valid only during the call.
func dumpMsgs(env *cli.Env, family int, f *filter, fn func(m netlink.Message, r *route.Message) error) error {
	c, err := env.Conn()
	if err != nil {
		return err
	}
	return dumpMsgsBy(c.Dump, family, f, fn)
}

// dumpMsgsBy is dumpMsgs through dumpFn: Conn.Dump, or a Flusher's Dump.
func dumpMsgsBy(dumpFn func(netlink.HeaderType, []byte, func(netlink.Message) error) error, family int, f *filter,
	fn func(m netlink.Message, r *route.Message) error) error {
	req, err := dumpRequest(family, f)
	if err != nil {
		return err
	}
	var r route.Message
	err = dumpFn(unix.RTM_GETROUTE, req, func(m netlink.Message) error {
		t := uint16(m.Header.Type)
		if t != unix.RTM_NEWROUTE && t != unix.RTM_DELROUTE {
			return nil
		}
		if route.DecodeMessage(t, m.Data, &r) != nil || !f.match(&r) {
			return nil
		}
		return fn(m, &r)
	})
	return err
}

// dumpError words a failed dump as iproute2 does, ending with what ("Dump
// terminated"); it returns nil for a missing table main, which iproute2
// ignores.
func dumpError(err error, f *filter, what string) error {
	var ne *rtnl.Error
	if !errors.As(err, &ne) {
		return cmdline.Exit(cmdline.StatusRefused, "%s\n%s", err, what)
	}
	if ne.Errno == unix.ENOENT && f.table == unix.RT_TABLE_MAIN {
		return nil
	}
	switch {
	case ne.Msg != "":
		return cmdline.Exit(cmdline.StatusRefused, "%s\n%s", ne.Error(), what)
	case ne.Errno == unix.ENOENT || ne.Errno == unix.EOPNOTSUPP:
		return cmdline.Exit(cmdline.StatusRefused, "%s", what)
	case ne.Errno == unix.EMSGSIZE:
		return cmdline.Exit(cmdline.StatusRefused, "Error: Buffer too small for object.\n%s", what)
	}
	return cmdline.Exit(cmdline.StatusRefused, "RTNETLINK answers: %s\n%s", rtnl.Strerror(ne.Errno), what)
}

func newPrinter(env *cli.Env, f *filter) *printer {
	return &printer{
		p:       env.P,
		f:       f,
		names:   route.Names{Numeric: env.Opts.Numeric},
		details: env.Opts.Details,
		stats:   env.Opts.Stats,
		links:   EnvLinkNames(env),
		resolve: env.Opts.Resolve,
		buf:     make([]byte, 0, 64),

		nexthops: nexthopCache(env),
	}
}

// list is `ip route show`.
func list(env *cli.Env, args *cmdline.Args) error {
	s, err := parseResolved(env, args)
	if err != nil {
		return err
	}
	pr := newPrinter(env, &s.f)
	defer pr.links.Close()
	env.P.Begin()
	err = dump(env, s.family, &s.f, func(r *route.Message, _ []byte) error {
		pr.print(r)
		return nil
	})
	if err != nil {
		if err = dumpError(err, &s.f, "Dump terminated"); err != nil {
			return err
		}
	}
	env.P.End()
	return nil
}
