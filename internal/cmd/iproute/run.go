// Package iproute is the `ip route` command line: listing, flushing and
// looking up routes and adding, changing and deleting them, with iproute2's
// words, output and errors, over the route package. Its message printer
// (MessagePrinter) serves show, -echo and ip monitor.
package iproute

import (
	"errors"
	"fmt"

	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/rtnl"
	"golang.org/x/sys/unix"
)

// Run is the `ip route` command. Verbs are tried in iproute2's order, which
// decides abbreviations ("a" is add, "d" delete, "s" show, "f" flush).
func Run(env *cli.Env, args *cmdline.Args) error {
	if !args.More() {
		return list(env, args)
	}
	w := args.Next()
	m := func(kw string) bool { return cmdline.Matches(w, kw) }
	switch {
	case m("add"):
		return modify(env, unix.RTM_NEWROUTE, rtnl.Create|rtnl.Excl, args)
	case m("change") || w == "chg":
		return modify(env, unix.RTM_NEWROUTE, rtnl.Replace, args)
	case m("replace"):
		return modify(env, unix.RTM_NEWROUTE, rtnl.Create|rtnl.Replace, args)
	case m("prepend"):
		return modify(env, unix.RTM_NEWROUTE, rtnl.Create, args)
	case m("append"):
		return modify(env, unix.RTM_NEWROUTE, rtnl.Create|rtnl.Append, args)
	case m("test"):
		return modify(env, unix.RTM_NEWROUTE, rtnl.Excl, args)
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
	return cmdline.Fatal(cmdline.StatusUsage, "Command \"%s\" is unknown, try \"ip route help\".", w)
}

// usage prints gip's summary of `ip route` and fails with status 255. It
// names every keyword and value iproute2's usage names (scripts grep it).
func usage(env *cli.Env) error {
	env.P.Flush()
	fmt.Fprint(env.Stderr, `Usage: ip route { list | show | flush | save } SELECTOR
       ip route { restore | showdump }
       ip route get [ ROUTE_GET_FLAGS ] ADDRESS [ from ADDRESS iif STRING ]
                    [ oif STRING ] [ tos TOS ] [ mark NUMBER ] [ vrf NAME ]
                    [ uid NUMBER ] [ ipproto PROTOCOL ] [ sport NUMBER ]
                    [ dport NUMBER ] [ connected ]
       ip route { add | del | change | append | prepend | replace | test } ROUTE
ROUTE_GET_FLAGS := [ fibmatch ]
SELECTOR := [ root PREFIX ] [ match PREFIX ] [ exact PREFIX ] [ from PREFIX ]
            [ table TABLE_ID ] [ vrf NAME ] [ proto RTPROTO ] [ type TYPE ]
            [ scope SCOPE ] [ dev DEV ] [ iif DEV ] [ via ADDRESS ] [ src ADDRESS ]
            [ metric NUMBER ] [ tos TOS ] [ realms REALM ] [ cloned ]
ROUTE := NODE_SPEC [ INFO_SPEC ]
NODE_SPEC := [ TYPE ] PREFIX [ tos TOS ] [ table TABLE_ID ] [ proto RTPROTO ]
             [ scope SCOPE ] [ metric METRIC ] [ ttl-propagate { enabled | disabled } ]
INFO_SPEC := { NH | nhid ID } OPTIONS FLAGS [ nexthop NH ]...
NH := [ encap ENCAPTYPE ENCAPHDR ] [ via [ FAMILY ] ADDRESS ] [ dev STRING ]
      [ weight NUMBER ] NHFLAGS
NHFLAGS := [ onlink | pervasive ]
FAMILY := [ inet | inet6 | mpls | bridge | link ]
OPTIONS := FLAGS [ src ADDRESS ] [ as [ to ] ADDRESS ] [ realms REALM ]
           [ mtu [ lock ] NUMBER ] [ advmss NUMBER ] [ hoplimit NUMBER ]
           [ window NUMBER ] [ cwnd NUMBER ] [ initcwnd NUMBER ] [ initrwnd NUMBER ]
           [ ssthresh NUMBER ] [ reordering NUMBER ] [ rtt TIME ] [ rttvar TIME ]
           [ rto_min TIME ] [ features FEATURES ] [ quickack BOOL ] [ congctl NAME ]
           [ fastopen_no_cookie BOOL ] [ pref PREF ] [ expires TIME ]
TYPE := { unicast | local | broadcast | multicast | anycast | throw |
          unreachable | prohibit | blackhole | nat }
TABLE_ID := [ main | local | default | all | NUMBER | name from rt_tables ]
SCOPE := [ global | site | link | host | nowhere | NUMBER ]
RTPROTO := [ kernel | boot | static | dhcp | ra | NUMBER | name from rt_protos ]
PREF := [ low | medium | high ]
TIME := NUMBER[s|ms]    BOOL := [1|0]    FEATURES := ecn
ENCAPTYPE := [ mpls | ip | ip6 | seg6 | seg6local | rpl | ioam6 | xfrm ]
ENCAPHDR := [ MPLSLABEL | SEG6HDR | SEG6LOCAL | IOAM6HDR | XFRMINFO ]
SEG6HDR := [ mode SEGMODE ] segs ADDR1,ADDRi,ADDRn [ hmac HMACKEYID ] [ cleanup ]
SEGMODE := [ encap | encap.red | inline | l2encap | l2encap.red ]
SEG6LOCAL := action ACTION [ OPTIONS ] [ count ]
ACTION := { End | End.X | End.T | End.DX2 | End.DX6 | End.DX4 | End.DT6 | End.DT4 |
            End.DT46 | End.B6 | End.B6.Encaps | End.BM | End.S | End.AS | End.AM |
            End.BPF }
  (seg6local) OPTIONS := OPTION [ OPTIONS ]
OPTION := { flavors FLAVORS | srh SEG6HDR | nh4 ADDR | nh6 ADDR | iif DEV | oif DEV |
            table TABLEID | vrftable TABLEID | endpoint PROGNAME }
FLAVORS := { FLAVOR[,FLAVOR] }    FLAVOR := { psp | usp | usd | next-csid }
IOAM6HDR := trace prealloc type IOAM6_TRACE_TYPE ns IOAM6_NAMESPACE size IOAM6_TRACE_SIZE
XFRMINFO := if_id IF_ID [ link_dev LINK ]
`)
	return cmdline.Usage()
}

func asCLIError(err error, ce **cmdline.Error) bool { return errors.As(err, ce) }
