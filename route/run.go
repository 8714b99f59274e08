// Package route is `ip route`: listing, flushing and looking up routes and
// adding, changing and deleting them, with iproute2's words, output and
// errors.
package route

import (
	"errors"
	"fmt"

	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/nl"
	"golang.org/x/sys/unix"
)

// Run is the `ip route` command. Verbs are tried in iproute2's order, which
// decides abbreviations ("a" is add, "d" delete, "s" show, "f" flush).
func Run(env *cli.Env, args *cli.Args) error {
	if !args.More() {
		return list(env, args)
	}
	w := args.Next()
	m := func(kw string) bool { return cli.Matches(w, kw) }
	switch {
	case m("add"):
		return modify(env, unix.RTM_NEWROUTE, nl.Create|nl.Excl, args)
	case m("change") || w == "chg":
		return modify(env, unix.RTM_NEWROUTE, nl.Replace, args)
	case m("replace"):
		return modify(env, unix.RTM_NEWROUTE, nl.Create|nl.Replace, args)
	case m("prepend"):
		return modify(env, unix.RTM_NEWROUTE, nl.Create, args)
	case m("append"):
		return modify(env, unix.RTM_NEWROUTE, nl.Create|nl.Append, args)
	case m("test"):
		return modify(env, unix.RTM_NEWROUTE, nl.Excl, args)
	case m("delete"):
		return modify(env, unix.RTM_DELROUTE, 0, args)
	case m("list") || m("show") || m("lst"):
		return list(env, args)
	case m("get"):
		return get(env, args)
	case m("flush"):
		return flush(env, args)
	case m("save"):
		return save(env, args)
	case m("restore"):
		return restore(env)
	case m("showdump"):
		return showdump(env)
	case m("help"):
		return usage(env)
	}
	return cli.Fatal(255, "Command \"%s\" is unknown, try \"ip route help\".", w)
}

// usage prints gip's summary of `ip route` and fails with status 255.
func usage(env *cli.Env) error {
	env.P.Flush()
	fmt.Fprint(env.Stderr, `Usage: ip route { list | show | flush } SELECTOR
       ip route get ADDRESS [ from ADDRESS ] [ iif DEV ] [ oif DEV ]
                            [ tos TOS ] [ mark NUMBER ] [ uid NUMBER ]
                            [ fibmatch ] [ connected ]
       ip route { add | del | change | append | prepend | replace | test } ROUTE
SELECTOR := [ root PREFIX ] [ match PREFIX ] [ exact PREFIX ] [ from PREFIX ]
            [ table TABLE_ID ] [ proto RTPROTO ] [ type TYPE ] [ scope SCOPE ]
            [ dev DEV ] [ iif DEV ] [ via ADDRESS ] [ src ADDRESS ]
            [ metric NUMBER ] [ tos TOS ] [ realms REALM ] [ cloned ]
ROUTE := [ TYPE ] PREFIX [ tos TOS ] [ table TABLE_ID ] [ proto RTPROTO ]
         [ scope SCOPE ] [ metric NUMBER ] [ ttl-propagate { enabled | disabled } ]
         [ nhid ID ] [ NH ] [ OPTIONS ] [ nexthop NH [ nexthop NH ]... ]
NH := [ via [ FAMILY ] ADDRESS ] [ dev DEV ] [ weight NUMBER ] [ onlink ]
FAMILY := { inet | inet6 }
OPTIONS := [ src ADDRESS ] [ from PREFIX ] [ onlink ] [ realms REALM ]
           [ mtu [ lock ] NUMBER ] [ advmss NUMBER ] [ hoplimit NUMBER ]
           [ window NUMBER ] [ cwnd NUMBER ] [ initcwnd NUMBER ]
           [ initrwnd NUMBER ] [ ssthresh NUMBER ] [ reordering NUMBER ]
           [ rtt TIME ] [ rttvar TIME ] [ rto_min TIME ] [ features ecn ]
           [ quickack { 0 | 1 } ] [ congctl NAME ] [ fastopen_no_cookie { 0 | 1 } ]
           [ pref { low | medium | high } ] [ expires SECONDS ]
TYPE := { unicast | local | broadcast | multicast | anycast | throw |
          unreachable | prohibit | blackhole | nat }
TABLE_ID := { main | local | default | all | NUMBER | name from rt_tables }
SCOPE := { global | site | link | host | nowhere | NUMBER }
RTPROTO := { kernel | boot | static | dhcp | ra | NUMBER | name from rt_protos }
TIME := NUMBER[s|ms]
`)
	return cli.Usage()
}

func asCLIError(err error, ce **cli.Error) bool { return errors.As(err, ce) }

// errnoText is strerror of the errno behind err (perror's wording).
func errnoText(err error) string {
	var ne *nl.Error
	if errors.As(err, &ne) {
		return nl.Strerror(ne.Errno)
	}
	var errno unix.Errno
	if errors.As(err, &errno) {
		return nl.Strerror(errno)
	}
	return err.Error()
}
