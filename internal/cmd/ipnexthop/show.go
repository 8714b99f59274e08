package ipnexthop

import (
	"errors"
	"fmt"

	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/internal/cnum"
	"github.com/gipnet/gip/nexthop"
	"github.com/gipnet/gip/rtnl"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// filter is what list, flush and bucket list select by. The kernel
// filters by device, master, groups and fdb; the protocol is checked
// here.
type filter struct {
	nexthop.Filter
	protocol uint32 // 0: any (a value above 255 matches nothing)
	flushed  int
}

// envFilter is the filter iproute2 keeps for the whole process (under
// -batch a command's selector carries over into the next).
func envFilter(env *cli.Env) *filter {
	f, ok := env.NexthopFilter.(*filter)
	if !ok {
		f = &filter{}
		env.NexthopFilter = f
	}
	return f
}

// deviceArg reads the device after dev or master: its index, or
// iproute2's complaint.
func deviceArg(args *cmdline.Args, find devLookup) (uint32, error) {
	v, err := args.Value()
	if err != nil {
		return 0, err
	}
	idx := find(v)
	if idx == 0 {
		return 0, cmdline.InvalidArg("Device does not exist\n", v)
	}
	return idx, nil
}

// vrfArg reads the name after vrf. This kernel has no VRF devices, so
// name_is_vrf holds for no name.
func vrfArg(args *cmdline.Args) error {
	v, err := args.Value()
	if err != nil {
		return err
	}
	return cmdline.InvalidArg("Invalid VRF\n", v)
}

// list is ipnh_list_flush: show (or flush) what the selector picks.
func list(env *cli.Env, args *cmdline.Args, flush bool) error {
	f := envFilter(env)
	all := !args.More()
	find := lookup(env)
	for args.More() {
		w := args.Next()
		m := func(kw string) bool { return cmdline.Matches(w, kw) }
		var err error
		switch {
		case m("dev"):
			f.Dev, err = deviceArg(args, find)
		case m("groups"):
			f.Groups = true
		case m("master"):
			f.Master, err = deviceArg(args, find)
		case m("vrf"):
			err = vrfArg(args)
		case w == "id":
			v, err := args.Value()
			if err != nil {
				return err
			}
			id, err := parseID(v)
			if err != nil {
				return err
			}
			if flush {
				return flushID(env, id)
			}
			return getID(env, id)
		case m("protocol"):
			var v string
			if v, err = args.Value(); err == nil {
				p, ok := cnum.Uint32(v, 0)
				if !ok {
					return cmdline.InvalidArg("invalid protocol value", v)
				}
				f.protocol = p
			}
		case m("fdb"):
			f.FDB = true
		case m("help"):
			return errUsage
		default:
			return cmdline.InvalidArg("", w)
		}
		if err != nil {
			return err
		}
	}
	c, err := env.Conn()
	if err != nil {
		return err
	}
	if flush {
		return flushAll(env, c, f, all)
	}
	pr := NewPrinter(env)
	defer pr.Close()
	env.P.Begin()
	err = c.Dump(nexthop.RTMGetNexthop, f.DumpRequest(env.Opts.Family, false), func(m netlink.Message) error {
		if f.protocol != 0 && len(m.Data) >= nexthop.HeaderLen && uint32(m.Data[2]) != f.protocol {
			return nil
		}
		return pr.PrintMessage(m)
	})
	if err != nil {
		return dumpTerminated(env, err, "Dump terminated")
	}
	env.P.End()
	return nil
}

// dumpTerminated reports a failed dump as rtnl_dump_filter and its caller
// do: the kernel's reason, then what, and exit status 2. An interrupted
// dump is only a warning.
func dumpTerminated(env *cli.Env, err error, what string) error {
	if !dumpFailed(env, err) {
		return nil
	}
	return cmdline.Exit(cmdline.StatusRefused, "%s", what)
}

// dumpFailed prints why a dump failed as rtnl_dump_filter does (a
// printer's complaint was printed already; a dump that ends in ENOENT or
// EOPNOTSUPP without a message has no reason printed) and reports whether
// it failed. (An interrupted dump is no failure: the Conn warns about it.)
func dumpFailed(env *cli.Env, err error) bool {
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
	return true
}

// flushID is `ip nexthop flush id ID`: that one is deleted, silently.
func flushID(env *cli.Env, id uint32) error {
	c, err := rtnl.Dial(env.NetNSFD)
	if err != nil {
		return cmdline.Exit(cmdline.StatusFailed, "Cannot open rtnetlink")
	}
	defer c.Close()
	if err := c.Exec(nexthop.RTMDelNexthop, 0, nexthop.DeleteRequest(id)); err != nil {
		env.Warnf("%s\n", err)
		return cmdline.Silent(cmdline.StatusFailed)
	}
	return nil
}

// flushAll is ipnh_flush: every nexthop the filter selects is deleted as
// the dump goes (on a second socket, as iproute2 does), and the count
// reported. Without a selector the groups go first, then the rest.
func flushAll(env *cli.Env, c *rtnl.Conn, f *filter, all bool) error {
	if all {
		f.Groups, f.Dev, f.Master = true, 0, 0
	}
	del, err := rtnl.Dial(env.NetNSFD)
	if err != nil {
		return cmdline.Exit(cmdline.StatusFailed, "Cannot open rtnetlink")
	}
	defer del.Close()
	var result error
	for {
		err := c.Dump(nexthop.RTMGetNexthop, f.DumpRequest(env.Opts.Family, false), func(m netlink.Message) error {
			var v nexthop.View
			if err := nexthop.DecodeView(m.Data, &v); err == nexthop.ErrShort {
				env.Warnf("BUG: wrong nlmsg len %d\n", len(m.Data)-nexthop.HeaderLen)
				return errBadMessage
			}
			if f.protocol != 0 && uint32(v.Header.Protocol) != f.protocol {
				return nil
			}
			id := v.ID
			if id == 0 {
				return nil
			}
			if err := del.Exec(nexthop.RTMDelNexthop, 0, nexthop.DeleteRequest(id)); err != nil {
				env.Warnf("%s\n", err)
				return nil
			}
			f.flushed++
			return nil
		})
		if err != nil && dumpFailed(env, err) {
			env.Warnf("Dump terminated. Failed to flush nexthops\n")
			result = cmdline.Silent(cmdline.StatusRefused)
			break
		}
		if !(all && f.Groups) {
			break
		}
		f.Groups = false
	}
	w := env.P.Writer()
	if f.flushed == 0 {
		w.WriteString("Nothing to flush\n")
	} else {
		fmt.Fprintf(w, "Flushed %d nexthops\n", f.flushed)
	}
	return result
}

// bucket is `ip nexthop bucket`.
func bucket(env *cli.Env, args *cmdline.Args) error {
	if !args.More() {
		return bucketList(env, args)
	}
	w := args.Next()
	m := func(kw string) bool { return cmdline.Matches(w, kw) }
	switch {
	case m("list") || m("show") || m("lst"):
		return bucketList(env, args)
	case m("get"):
		return bucketGet(env, args)
	case m("help"):
		return errUsage
	}
	return cmdline.Fatal(cmdline.StatusUsage, "Command \"%s\" is unknown, try \"ip nexthop help\".", w)
}

// bucketList is ipnh_bucket_list.
func bucketList(env *cli.Env, args *cmdline.Args) error {
	f := envFilter(env)
	find := lookup(env)
	for args.More() {
		w := args.Next()
		m := func(kw string) bool { return cmdline.Matches(w, kw) }
		var err error
		switch {
		case m("dev"):
			f.Dev, err = deviceArg(args, find)
		case m("master"):
			f.Master, err = deviceArg(args, find)
		case m("vrf"):
			err = vrfArg(args)
		case w == "id" || w == "nhid":
			var v string
			if v, err = args.Value(); err == nil {
				var id uint32
				if id, err = parseID(v); err == nil {
					if w == "id" {
						f.ID = id
					} else {
						f.NHID = id
					}
				}
			}
		case m("help"):
			return errUsage
		default:
			return cmdline.InvalidArg("", w)
		}
		if err != nil {
			return err
		}
	}
	c, err := env.Conn()
	if err != nil {
		return err
	}
	pr := NewPrinter(env)
	defer pr.Close()
	env.P.Begin()
	err = c.Dump(nexthop.RTMGetNexthopBucket, f.DumpRequest(env.Opts.Family, true), pr.PrintMessage)
	if err != nil {
		return dumpTerminated(env, err, "Dump terminated")
	}
	env.P.End()
	return nil
}

// bucketGet is `ip nexthop bucket get id ID index INDEX`.
func bucketGet(env *cli.Env, args *cmdline.Args) error {
	var id uint32
	var index uint16
	haveIndex := false
	for args.More() {
		w := args.Next()
		if w != "id" && w != "index" {
			return errUsage
		}
		v, err := args.Value()
		if err != nil {
			return err
		}
		if w == "id" {
			if id, err = parseID(v); err != nil {
				return err
			}
			continue
		}
		n, ok := cnum.Uint(v, 0, 0xffff)
		if !ok {
			return cmdline.InvalidArg("invalid bucket index value", v)
		}
		index, haveIndex = uint16(n), true
	}
	if id == 0 || !haveIndex {
		return errUsage
	}
	c, err := env.Conn()
	if err != nil {
		return err
	}
	m, err := c.Query(nexthop.RTMGetNexthopBucket, 0, nexthop.BucketGetRequest(env.Opts.Family, id, index))
	if err != nil {
		return err
	}
	return printAnswer(env, m)
}
