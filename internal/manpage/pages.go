package manpage

import (
	"strings"

	"github.com/gipnet/gip/internal/cmd/brctl"
	"github.com/gipnet/gip/internal/completion"
)

func mainPage(related []string) string {
	var b strings.Builder
	b.WriteString(header("gip", "iproute2's ip and bridge and bridge-utils' brctl in one Go binary"))
	b.WriteString(".SH SYNOPSIS\n" + literal(usage("ip", "help")))
	b.WriteString(`.SH DESCRIPTION
.B gip
is iproute2 6.1's
.BR ip " and " bridge
and bridge\-utils 1.7's
.B brctl
rebuilt in Go as one static binary. It talks rtnetlink directly and
aims to be a drop\-in replacement: for every command it writes the same
standard output, the same standard error lines and exits with the same
status as the tool it replaces, in text, \-oneline, \-brief, \-json and
\-pretty output.
.SH APPLETS
gip acts on the name it is run as:
.TP
.BR gip ", " ip
ip, the object commands listed under SEE ALSO.
.TP
.BR gbridge ", " bridge
the bridge command, see
.BR gbridge (8).
.TP
.BR gbrctl ", " brctl
brctl, see
.BR gbrctl (8).
.PP
Run as
.BR gip ,
a first word of
.BR bridge " or " brctl
runs that applet
.RB ( "gip bridge fdb show" ),
and
.B gip \-n NAME brctl ...
runs brctl inside the named network namespace.
.B gip completion bash|zsh|fish
prints the shell completion script.
.SH OPTIONS
The global options come before the object; each may be abbreviated, the
first option in the order below that the word begins being the one
taken:
`)
	for _, o := range ipOptions() {
		b.WriteString(".TP\n.B " + esc(o.Name))
		if o.Value != "" {
			b.WriteString(" " + esc(o.Value))
		}
		b.WriteString("\n" + esc(optionHelp[o.Name]) + "\n")
	}
	b.WriteString(`.SH EXIT STATUS
0 on success; 1 when an object, device or file is unknown or a command of
a batch failed; 2 when the kernel refused a request; 255 for a wrong
argument or a usage text.
.SH DIFFERENCES FROM IPROUTE2
Usage and help texts are gip's own words (they name the same objects,
verbs, keywords and values); only their exit status matches.
.B \-V
prints iproute2's words and version, then gip's own version instead of a
libbpf version (gip links no libbpf):
.BR "ip utility, iproute2\-6.1.0, gip VERSION" .
eBPF objects are not loaded and route encapsulation option sets
.RB ( *_opts )
are refused; the README lists the remaining differences.
.SH GO LIBRARY
The packages behind gip are a Go library,
.BR github.com/gipnet/gip :
.B rtnl
(the netlink connection, in any namespace),
.BR link ", " addr ", " route ", " neigh ", " rule ", " netns ", " tuntap ", " bridge ", " nexthop
and the other objects as typed values and operations that send the same
requests as iproute2.
.SH FILES
.TP
.B /etc/iproute2/rt_tables, rt_protos, rt_scopes, rt_realms, rt_dsfield
names of tables, protocols, scopes, realms and DS fields (and their .d
directories).
.TP
.B /run/netns
the named network namespaces.
`)
	b.WriteString(".SH SEE ALSO\n")
	for _, p := range related {
		b.WriteString(".BR " + esc(p) + " (8),\n")
	}
	b.WriteString(".BR gbridge (8),\n.BR gbrctl (8)\n")
	return b.String()
}

// ipOptions is ip's options, from its grammar.
func ipOptions() []completion.Word { return completion.ParseWords(CompletionGrammarOf("ip").Options) }

var optionHelp = map[string]string{
	"-loops":          "how many rounds address flush makes at most (0: until nothing is left).",
	"-family":         "the protocol family: inet, inet6, mpls, bridge or link.",
	"-4":              "the IPv4 family.",
	"-6":              "the IPv6 family.",
	"-0":              "the link (packet) family.",
	"-M":              "the MPLS family.",
	"-B":              "the bridge family.",
	"-human-readable": "rates and counters with unit suffixes.",
	"-iec":            "human-readable units in powers of 1024.",
	"-statistics":     "statistics; given twice, more of them.",
	"-details":        "details: link kinds, timers, flags.",
	"-resolve":        "host names instead of addresses.",
	"-oneline":        "each record on one line, its line breaks written as backslashes.",
	"-timestamp":      "monitor events with the time.",
	"-tshort":         "monitor events with a short time.",
	"-Version":        "print the versions and exit.",
	"-force":          "go on with a batch after a failed command.",
	"-batch":          "read commands from a file (- is standard input).",
	"-brief":          "one brief line per link or address.",
	"-json":           "JSON output.",
	"-pretty":         "indented JSON.",
	"-rcvbuf":         "the netlink socket's receive buffer size.",
	"-color":          "colored output: always, auto or never.",
	"-help":           "print the usage and exit.",
	"-netns":          "run in the named network namespace.",
	"-Numeric":        "numbers instead of names for protocols, scopes, tables.",
	"-all":            "every namespace (netns delete and exec).",
	"-echo":           "print the kernel's copy of what a request changed.",
}

func bridgePage() string {
	var b strings.Builder
	b.WriteString(header("gbridge", "gip's bridge: bridge ports, forwarding database, multicast database, VLANs and VNIs"))
	b.WriteString(".SH SYNOPSIS\n" + literal(usage("bridge", "help")))
	b.WriteString(`.SH DESCRIPTION
.B gbridge
(gip run as bridge, or
.BR "gip bridge" )
is iproute2 6.1's bridge command: it shows and sets bridge port
settings (link), the forwarding database (fdb), the multicast group
database (mdb), port and global VLAN settings (vlan) and a vxlan device's
VNI filter (vni), and monitors their changes.
`)
	g := CompletionGrammarOf("bridge")
	for _, o := range g.Objects {
		if o.Name == "help" {
			continue
		}
		b.WriteString(".SH BRIDGE " + strings.ToUpper(esc(o.Name)) + "\n" + literal(usage("bridge", o.Name, "help")))
	}
	b.WriteString(seeAlso("gip", "gbrctl"))
	return b.String()
}

func brctlPage() string {
	var b strings.Builder
	b.WriteString(header("gbrctl", "gip's brctl: Ethernet bridge administration"))
	b.WriteString(".SH SYNOPSIS\n.B gbrctl\n.RI [ \\-h | \\-V ] \" COMMAND \" [ ARGUMENTS ]\n")
	b.WriteString(`.SH DESCRIPTION
.B gbrctl
(gip run as brctl, or
.BR "gip brctl" )
is bridge\-utils 1.7's brctl: it creates and deletes bridges, adds and
removes their ports, sets spanning tree parameters, and shows bridges,
their STP state and learned MAC addresses. It works over netlink rather
than sysfs and ioctls where it can, with brctl's output and messages.
.SH COMMANDS
`)
	for _, s := range brctl.Synopses() {
		args, what, _ := strings.Cut(strings.TrimSpace(s[1]), "  ")
		b.WriteString(".TP\n.B " + esc(s[0]) + " " + esc(strings.TrimSpace(args)) + "\n" + esc(strings.TrimSpace(what)) + "\n")
	}
	b.WriteString(`.SH EXIT STATUS
0 on success, 1 on any error, as brctl.
`)
	b.WriteString(seeAlso("gip", "gbridge"))
	return b.String()
}
