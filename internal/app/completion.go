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

// grammars are the verbs of ip's objects, by their name in objects; an
// object implemented there has one here (TestGrammars), one only stubbed
// takes its stub's verbs.
var grammars = map[string][]completion.Verb{
	"address":     ipaddr.Grammar,
	"addrlabel":   ipaddrlabel.Grammar,
	"maddress":    ipmaddr.Grammar,
	"route":       iproute.Grammar,
	"rule":        iprule.Grammar,
	"neighbor":    ipneigh.Grammar,
	"neighbour":   ipneigh.Grammar,
	"ntable":      ipntable.Grammar,
	"ntbl":        ipntable.Grammar,
	"link":        iplink.Grammar,
	"tuntap":      iptuntap.Grammar,
	"tap":         iptuntap.Grammar,
	"token":       iptoken.Grammar,
	"tcpmetrics":  iptcpmetrics.Grammar,
	"tcp_metrics": iptcpmetrics.Grammar,
	"mroute":      ipmroute.Grammar,
	"mrule":       iprule.Grammar,
	"netns":       ipnetns.Grammar,
	"netconf":     ipnetconf.Grammar,
	"vrf":         ipvrf.Grammar,
	"nexthop":     ipnexthop.Grammar,
	"stats":       ipstats.Grammar,
	"tunnel":      iptunnel.Grammar,
	"tunl":        iptunnel.Grammar,
	"xfrm":        ipxfrm.Grammar,
	"mptcp":       ipmptcp.Grammar,
	"sr":          ipsr.Grammar,
	"ioam":        ipioam.Grammar,
	"fou":         ipfou.Grammar,
	"ila":         ipila.Grammar,
	"l2tp":        ipl2tp.Grammar,
	"macsec":      ipmacsec.Grammar,
}

// grammars6 are the verbs of the objects whose grammar changes under -6.
var grammars6 = map[string][]completion.Verb{
	"tunnel": iptunnel.Grammar6,
	"tunl":   iptunnel.Grammar6,
}

// ipGrammar is ip's completion grammar: the objects table in its order,
// each with its verbs.
func ipGrammar() *completion.Applet {
	a := &completion.Applet{Name: "ip", Options: ipOptions}
	for _, o := range objects {
		obj := completion.Object{Name: o.name, Verbs: grammars[o.name], Verbs6: grammars6[o.name]}
		switch {
		case o.name == "monitor":
			obj.Default = &ipmonitor.Grammar
		case obj.Verbs == nil && stubs[o.name] != nil:
			for _, v := range stubs[o.name].Verbs {
				obj.Verbs = append(obj.Verbs, completion.Verb{Name: strings.Trim(v, "=+")})
			}
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
