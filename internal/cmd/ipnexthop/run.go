// Package ipnexthop is `ip nexthop`: list, get, add, replace, delete and
// flush nexthops and list or get the buckets of resilient groups. Its
// Printer is the one printer of nexthop and bucket messages, shared by
// show, get, -echo and `ip monitor`.
package ipnexthop

import (
	"errors"
	"fmt"

	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/nexthop"
	"github.com/gipnet/gip/rtnl"
	"github.com/mdlayher/netlink"
)

// Run is `ip nexthop`. Verbs are tried in iproute2's order, which decides
// abbreviations ("d" is delete, "l" list, "f" flush).
func Run(env *cli.Env, args *cmdline.Args) error {
	if !args.More() {
		return list(env, args, false)
	}
	w := args.Next()
	m := func(kw string) bool { return cmdline.Matches(w, kw) }
	var err error
	switch {
	case m("add"):
		err = modify(env, nexthop.RTMNewNexthop, rtnl.Create|rtnl.Excl, args)
	case m("replace"):
		err = modify(env, nexthop.RTMNewNexthop, rtnl.Create|rtnl.Replace, args)
	case m("delete"):
		err = modify(env, nexthop.RTMDelNexthop, 0, args)
	case m("list") || m("show") || m("lst"):
		err = list(env, args, false)
	case m("get"):
		err = get(env, args)
	case m("flush"):
		err = list(env, args, true)
	case m("bucket"):
		err = bucket(env, args)
	case m("help"):
		err = errUsage
	default:
		return cmdline.Fatal(cmdline.StatusUsage, "Command \"%s\" is unknown, try \"ip nexthop help\".", w)
	}
	if errors.Is(err, errUsage) {
		return usage(env)
	}
	return err
}

// errUsage asks for the usage text (iproute2's parsers call usage() from
// deep inside, and it exits).
var errUsage = errors.New("usage")

func usage(env *cli.Env) error {
	env.P.Flush()
	fmt.Fprint(env.Stderr, `Usage: ip nexthop { list | flush } [ protocol ID ] SELECTOR
       ip nexthop { add | replace } id ID NH [ protocol ID ]
       ip nexthop { get | del } id ID
       ip nexthop bucket list BUCKET_SELECTOR
       ip nexthop bucket get id ID index INDEX
SELECTOR := [ id ID ] [ dev DEV ] [ vrf NAME ] [ master DEV ]
            [ groups ] [ fdb ]
BUCKET_SELECTOR := SELECTOR | [ nhid ID ]
NH := { blackhole | [ via ADDRESS ] [ dev DEV ] [ onlink ]
        [ encap ENCAPTYPE ENCAPHDR ] |
        group GROUP [ fdb ] [ type TYPE [ TYPE_ARGS ] ] }
GROUP := [ <id[,weight]>/<id[,weight]>/... ]
TYPE := { mpath | resilient }
TYPE_ARGS := [ RESILIENT_ARGS ]
RESILIENT_ARGS := [ buckets BUCKETS ] [ idle_timer IDLE ]
                  [ unbalanced_timer UNBALANCED ]
ENCAPTYPE := [ mpls ]
ENCAPHDR := [ MPLSLABEL ]
`)
	return cmdline.Usage()
}

// lookup is ll_name_to_index on env's namespace: 0 for no such device.
func lookup(env *cli.Env) devLookup {
	return func(name string) uint32 {
		if _, err := env.Conn(); err != nil {
			return 0
		}
		return env.LinkIndex(name)
	}
}

// modify is add, replace and delete.
func modify(env *cli.Env, cmd uint16, flags netlink.HeaderFlags, args *cmdline.Args) error {
	body, err := modifyRequestWarn(env.Opts.Family, args, lookup(env), func(line string) { env.Warnf("%s\n", line) })
	if err != nil {
		return err
	}
	c, err := env.Conn()
	if err != nil {
		return err
	}
	if !env.Opts.Echo {
		return c.Exec(netlink.HeaderType(cmd), flags, body)
	}
	// rtnl_echo_talk: the kernel's notification, in an object of its own.
	m, err := c.Echo(netlink.HeaderType(cmd), flags, body)
	if err != nil {
		return err
	}
	pr := NewPrinter(env)
	defer pr.Close()
	env.P.Begin()
	env.P.OpenObject("")
	_ = pr.PrintMessage(m)
	env.P.CloseObject()
	env.P.End()
	return nil
}

// getID is ipnh_get_id: ask for one nexthop and print it.
func getID(env *cli.Env, id uint32) error {
	c, err := env.Conn()
	if err != nil {
		return err
	}
	m, err := c.Query(nexthop.RTMGetNexthop, 0, nexthop.GetRequest(env.Opts.Family, id))
	if err != nil {
		return err
	}
	return printAnswer(env, m)
}

// printAnswer prints a GET's answer as a listing of one.
func printAnswer(env *cli.Env, m netlink.Message) error {
	pr := NewPrinter(env)
	defer pr.Close()
	env.P.Begin()
	if err := pr.PrintMessage(m); err != nil {
		return cmdline.Silent(cmdline.StatusFailed)
	}
	env.P.End()
	return nil
}

// get is `ip nexthop get id ID`.
func get(env *cli.Env, args *cmdline.Args) error {
	var id uint32
	for args.More() {
		if args.Next() != "id" {
			return errUsage
		}
		v, err := args.Value()
		if err != nil {
			return err
		}
		if id, err = parseID(v); err != nil {
			return err
		}
	}
	if id == 0 {
		return errUsage
	}
	return getID(env, id)
}
