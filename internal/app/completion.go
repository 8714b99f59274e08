package app

import (
	"io"
	"strings"

	"github.com/gipnet/gip/internal/cmd/brctl"
	"github.com/gipnet/gip/internal/cmd/bridgecmd"
	"github.com/gipnet/gip/internal/cmd/ipaddr"
	"github.com/gipnet/gip/internal/cmd/ipaddrlabel"
	"github.com/gipnet/gip/internal/cmd/ipfou"
	"github.com/gipnet/gip/internal/cmd/ipila"
	"github.com/gipnet/gip/internal/cmd/ipioam"
	"github.com/gipnet/gip/internal/cmd/ipl2tp"
	"github.com/gipnet/gip/internal/cmd/iplink"
	"github.com/gipnet/gip/internal/cmd/ipmacsec"
	"github.com/gipnet/gip/internal/cmd/ipmaddr"
	"github.com/gipnet/gip/internal/cmd/ipmonitor"
	"github.com/gipnet/gip/internal/cmd/ipmptcp"
	"github.com/gipnet/gip/internal/cmd/ipmroute"
	"github.com/gipnet/gip/internal/cmd/ipneigh"
	"github.com/gipnet/gip/internal/cmd/ipnetconf"
	"github.com/gipnet/gip/internal/cmd/ipnetns"
	"github.com/gipnet/gip/internal/cmd/ipnexthop"
	"github.com/gipnet/gip/internal/cmd/ipntable"
	"github.com/gipnet/gip/internal/cmd/iproute"
	"github.com/gipnet/gip/internal/cmd/iprule"
	"github.com/gipnet/gip/internal/cmd/ipsr"
	"github.com/gipnet/gip/internal/cmd/ipstats"
	"github.com/gipnet/gip/internal/cmd/iptcpmetrics"
	"github.com/gipnet/gip/internal/cmd/iptoken"
	"github.com/gipnet/gip/internal/cmd/iptunnel"
	"github.com/gipnet/gip/internal/cmd/iptuntap"
	"github.com/gipnet/gip/internal/cmd/ipvrf"
	"github.com/gipnet/gip/internal/cmd/ipxfrm"
	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/internal/completion"
)

// ipOptions are ip's global options in parseGlobal's order of trial (the
// abbreviation rule), with their values; TestIPOptionsGrammar checks them
// against parseGlobal.
const ipOptions = "-loops=MAX -family=inet|inet6|mpls|bridge|link -4 -6 -0 -M -B -human-readable -iec " +
	"-statistics -details -resolve -oneline -timestamp -tshort -Version -force -batch=FILE -brief -json " +
	"-pretty -rcvbuf=SIZE -color -help -netns=NETNS -Numeric -all -echo"

// grammarOf is the verbs of the ip object named name in objects; an
// object implemented there has one here (TestGrammars). A function rather
// than a map: a map literal is built at every start-up, and only
// completion reads it.
func grammarOf(name string) []completion.Verb {
	switch name {
	case "address":
		return ipaddr.Grammar
	case "addrlabel":
		return ipaddrlabel.Grammar
	case "maddress":
		return ipmaddr.Grammar
	case "route":
		return iproute.Grammar
	case "rule", "mrule":
		return iprule.Grammar
	case "neighbor", "neighbour":
		return ipneigh.Grammar
	case "ntable", "ntbl":
		return ipntable.Grammar
	case "link":
		return iplink.Grammar
	case "tuntap", "tap":
		return iptuntap.Grammar
	case "token":
		return iptoken.Grammar
	case "tcpmetrics", "tcp_metrics":
		return iptcpmetrics.Grammar
	case "mroute":
		return ipmroute.Grammar
	case "netns":
		return ipnetns.Grammar
	case "netconf":
		return ipnetconf.Grammar
	case "vrf":
		return ipvrf.Grammar
	case "nexthop":
		return ipnexthop.Grammar
	case "stats":
		return ipstats.Grammar
	case "tunnel", "tunl":
		return iptunnel.Grammar
	case "xfrm":
		return ipxfrm.Grammar
	case "mptcp":
		return ipmptcp.Grammar
	case "sr":
		return ipsr.Grammar
	case "ioam":
		return ipioam.Grammar
	case "fou":
		return ipfou.Grammar
	case "ila":
		return ipila.Grammar
	case "l2tp":
		return ipl2tp.Grammar
	case "macsec":
		return ipmacsec.Grammar
	}
	return nil
}

// grammar6Of is the verbs of the ip object named name under -6, for the
// objects whose grammar changes with it.
func grammar6Of(name string) []completion.Verb {
	if name == "tunnel" || name == "tunl" {
		return iptunnel.Grammar6
	}
	return nil
}

// ipGrammar is ip's completion grammar: the objects table in its order,
// each with its verbs.
func ipGrammar() *completion.Applet {
	a := &completion.Applet{Name: "ip", Options: ipOptions}
	for _, o := range objects {
		obj := completion.Object{Name: o.name, Verbs: grammarOf(o.name), Verbs6: grammar6Of(o.name)}
		if o.name == "monitor" {
			obj.Default = &ipmonitor.Grammar
		}
		a.Objects = append(a.Objects, obj)
	}
	return a
}

// completionSet is the grammars of the three applets.
func completionSet() *completion.Set {
	br := brctl.Grammar()
	return &completion.Set{IP: ipGrammar(), Bridge: &bridgecmd.Grammar, Brctl: &br}
}

// completionMain is `gip completion SHELL`, which prints the shell's
// completion script, and the scripts' `gip completion __complete NAME
// WORD…`, which prints the candidates for the last word of a command line
// run as NAME.
func completionMain(args []string, stdout, stderr io.Writer) int {
	if len(args) >= 2 && args[0] == "__complete" {
		completion.Print(stdout, completionSet().Complete(args[1], args[2:], completion.System{}))
		return cmdline.StatusOK
	}
	if len(args) == 1 && completion.Script(stdout, args[0]) {
		return cmdline.StatusOK
	}
	return report(stderr, cmdline.Exit(cmdline.StatusUsage, "Usage: gip completion { %s }", strings.Join(completion.Shells, " | ")))
}

// IPObjects returns the names of ip's objects gip implements, in the
// objects table's order (the man pages cover each).
func IPObjects() []string {
	var names []string
	for _, o := range objects {
		if o.run != nil {
			names = append(names, o.name)
		}
	}
	return names
}

// CompletionGrammar returns the grammar of applet ip, bridge or brctl
// (nil for another name), for the man pages.
func CompletionGrammar(applet string) *completion.Applet {
	s := completionSet()
	switch applet {
	case "ip":
		return s.IP
	case "bridge":
		return s.Bridge
	case "brctl":
		return s.Brctl
	}
	return nil
}
