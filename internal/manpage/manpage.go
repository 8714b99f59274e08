// Package manpage makes gip's man pages: gip(8), one gip-OBJECT(8) page per
// ip object, gbridge(8) and gbrctl(8). Each page's synopsis is the usage
// text gip itself prints and its verb list is the completion grammar, so
// the pages follow the parsers; the prose is here. `make man` writes them
// to doc/man, and TestPagesUpToDate fails when doc/man is stale.
package manpage

import (
	"fmt"
	"sort"
	"strings"

	"github.com/gipnet/gip/internal/app"
	"github.com/gipnet/gip/internal/completion"
)

// object is one ip object's page.
type object struct {
	name    string   // the page is gip-NAME(8)
	aliases []string // other object words the page covers
	summary string   // the NAME line
	prose   string   // the DESCRIPTION, paragraphs separated by blank lines
}

var objects = []object{
	{"link", nil, "network devices", "Lists network devices with their flags, addresses, statistics and kind-specific details; creates virtual devices (veth, bridge, vxlan, macvlan, macvtap, tun/tap, ifb and the kinds this kernel lacks, whose requests are still sent as iproute2 sends them); changes their state, name, addresses, MTU, master and namespace; deletes them. Without a verb it shows every link."},
	{"address", nil, "protocol addresses on network devices", "Shows, adds, changes, replaces and deletes IPv4 and IPv6 addresses, flushes them by selector, and saves them to or restores them from a netlink stream on standard input and output. Without a verb it shows every address of every link."},
	{"addrlabel", nil, "IPv6 address labels", "Lists, adds, deletes and flushes the IPv6 address label table used for source address selection."},
	{"maddress", nil, "multicast addresses", "Shows the link-layer and network multicast addresses each device listens to, and adds or deletes static link-layer ones."},
	{"route", nil, "routing table entries", "Shows, adds, changes, replaces, appends, prepends, tests and deletes routes in any table, with nexthops, multipath, metrics and lightweight tunnel encapsulations; looks up the route for an address (get); flushes routes by selector; saves and restores them as netlink streams."},
	{"rule", []string{"mrule"}, "routing policy rules", "Shows, adds, deletes, flushes, saves and restores the routing policy database: which table a packet's route is looked up in, by source, destination, mark, interface, user, protocol and ports. ip mrule does the same for the multicast routing rules."},
	{"neighbour", []string{"neighbor"}, "neighbour (ARP and NDISC) entries", "Shows, adds, changes, replaces, deletes, looks up (get) and flushes neighbour cache entries and proxy entries, selected by address, device, state and master."},
	{"ntable", []string{"ntbl"}, "neighbour table parameters", "Shows the neighbour tables' parameters and statistics and changes their thresholds, timers and queue lengths, per table and per device."},
	{"tuntap", []string{"tap"}, "TUN and TAP devices", "Creates persistent TUN and TAP devices with their owner, group and flags, deletes them, and lists them with the processes that hold them open."},
	{"token", nil, "IPv6 interface identifier tokens", "Shows, sets and clears the tokenized interface identifier a device uses when it autoconfigures IPv6 addresses."},
	{"tcp_metrics", []string{"tcpmetrics"}, "TCP metrics cache", "Shows, deletes and flushes the kernel's cached TCP metrics per destination (and source) address."},
	{"monitor", nil, "netlink event monitor", "Prints the kernel's notifications (links, addresses, routes, neighbours, rules, netconf, nexthops, namespace ids, prefixes, statistics) as they happen, through the same printers as the show commands, or replays a capture made by rtmon."},
	{"mroute", nil, "multicast routing cache", "Shows the multicast forwarding cache, selected by group, source, input interface and table."},
	{"netns", nil, "named network namespaces", "Creates, deletes, lists, identifies and monitors the named network namespaces in /run/netns, assigns them ids, lists the processes in one, and runs a command inside one (exec), with /etc/netns/NAME files bound over /etc and sysfs remounted as ip does."},
	{"netconf", nil, "per-device network configuration", "Shows the IPv4, IPv6 and MPLS configuration netlink reports per device and for all and default: forwarding, rp_filter, mc_forwarding, proxy_neigh, ignore_routes_with_linkdown."},
	{"vrf", nil, "virtual routing and forwarding devices", "Shows VRF devices and their tables, tells which VRF a process is bound to, lists the processes bound to one and runs a command bound to one. This kernel has no VRF devices, so every name is refused as iproute2 refuses it there."},
	{"nexthop", nil, "nexthop objects", "Shows, adds, replaces, deletes, looks up and flushes nexthop objects and groups (multipath and resilient), and shows and looks up the buckets of resilient groups."},
	{"stats", nil, "interface statistics", "Shows a device's statistics by group, subgroup and suite (link counters, bridge and bond extended statistics, offload statistics, per-family statistics), and turns L3 hardware statistics on or off."},
	{"tunnel", []string{"tunl"}, "IPv4 and IPv6 tunnels", "Adds, changes, deletes and lists IP-in-IP, GRE, SIT, ISATAP and VTI tunnels (and with -6 their IPv6 counterparts) through the kernel's tunnel ioctls, and edits a SIT tunnel's potential router list (prl) and 6rd prefixes. This kernel has none of the tunnel modules, so creating a tunnel is refused as iproute2's attempt is; the requests are checked byte for byte against iproute2's."},
	{"xfrm", nil, "IPsec states and policies", "Adds, updates, deletes, looks up, lists, flushes and counts IPsec security associations (xfrm state, also sa) and security policies (xfrm policy), allocates SPIs, sets the policy hash thresholds and the default policies, and prints xfrm events as they happen (xfrm monitor). This kernel has no ESP, AH or IPcomp modules, so adding or updating a state is refused as iproute2's request is; only the larval states allocspi makes can be shown live."},
	{"mptcp", nil, "Multipath TCP endpoints and limits", "Adds, changes, deletes, shows and flushes the addresses the in-kernel path manager announces or uses for subflows (endpoint), shows and sets its limits on subflows and accepted addresses (limits), and prints path manager events as they happen (monitor)."},
	{"sr", nil, "IPv6 segment routing settings", "Shows and sets the source address used for SRv6 encapsulation (tunsrc) and shows and sets the HMAC keys that sign segment routing headers (hmac), reading a key's secret from the terminal. This kernel has no SRv6 HMAC support, so hmac is answered with the kernel's refusal."},
	{"ioam", nil, "IPv6 in-situ OAM namespaces and schemas", "Adds, deletes and shows IOAM namespaces with their data, adds, deletes and shows IOAM schemas, and binds a schema to a namespace or unbinds it. Its keywords are matched whole, never abbreviated."},
	{"fou", nil, "foo-over-UDP receive ports", "Adds, deletes and shows the UDP ports on which the kernel takes in foo-over-UDP or GUE encapsulated packets. This kernel has no fou generic netlink family, so every command stops at the family lookup as iproute2's does."},
	{"ila", nil, "identifier-locator addressing mappings", "Adds, deletes and lists ILA mappings from a locator match to a locator, with their checksum and identifier modes. This kernel has no ila generic netlink family, so every command stops at the family lookup as iproute2's does."},
	{"l2tp", nil, "static L2TPv3 tunnels and sessions", "Adds, deletes and shows L2TPv3 tunnels (over IP or UDP) and the sessions in them, with their ids, addresses, ports, checksums, cookies and sequencing. This kernel has no l2tp generic netlink family, so every command stops at the family lookup as iproute2's does."},
	{"macsec", nil, "MACsec security associations", "Adds, changes and deletes the transmit security associations, receive secure channels and receive security associations of MACsec devices (with their packet numbers, extended packet numbers, salts, short SCIs, keys and states), sets a device's offload mode, and shows each device's secure entity with its channels, associations and, with -s, their statistics. This kernel has no macsec generic netlink family, so every command but help stops at the family lookup as iproute2's does; the requests and the listing were checked byte for byte against iproute2's through a stand-in for the family."},
}

// header is the start of every page.
func header(name, summary string) string {
	return fmt.Sprintf(".TH %s 8 \"\" gip \"System Administration\"\n.SH NAME\n%s \\- %s\n", strings.ToUpper(name), esc(name), esc(summary))
}

// esc makes text safe in roff: backslashes doubled as \e, a leading dot or
// quote escaped, hyphens made minus signs (what command lines type).
func esc(s string) string {
	s = strings.ReplaceAll(s, `\`, `\e`)
	s = strings.ReplaceAll(s, "-", `\-`)
	var b strings.Builder
	for i, line := range strings.Split(s, "\n") {
		if i > 0 {
			b.WriteByte('\n')
		}
		if strings.HasPrefix(line, ".") || strings.HasPrefix(line, "'") {
			b.WriteString(`\&`)
		}
		b.WriteString(line)
	}
	return b.String()
}

// literal is text set as it is: no filling, no adjusting.
func literal(text string) string {
	return ".nf\n" + esc(strings.TrimRight(text, "\n")) + "\n.fi\n"
}

func paragraphs(text string) string {
	var b strings.Builder
	for i, p := range strings.Split(strings.TrimSpace(text), "\n\n") {
		if i > 0 {
			b.WriteString(".PP\n")
		}
		b.WriteString(esc(p) + "\n")
	}
	return b.String()
}

// usage is what applet prints for words (its help), from whichever
// stream it writes it to.
func usage(applet string, words ...string) string {
	var out, errb strings.Builder
	app.Main(append([]string{applet}, words...), strings.NewReader(""), &out, &errb)
	return out.String() + errb.String()
}

// verbList is a VERBS section from a grammar: each verb (or sub-verb) and
// the keywords it takes.
func verbList(title string, verbs []verbWords) string {
	var b strings.Builder
	b.WriteString(".SH " + title + "\n")
	for _, v := range verbs {
		b.WriteString(".TP\n.B " + esc(v.name) + "\n")
		if v.words == "" {
			b.WriteString("takes no keywords.\n")
		} else {
			b.WriteString(esc(v.words) + "\n")
		}
	}
	return b.String()
}

type verbWords struct{ name, words string }

func seeAlso(pages ...string) string {
	var parts []string
	for _, p := range pages {
		parts = append(parts, ".BR "+esc(p)+" (8)")
	}
	return ".SH SEE ALSO\n" + strings.Join(parts, ",\n") + "\n"
}

// Pages returns every page by file name (gip-link.8 …).
func Pages() map[string]string {
	pages := map[string]string{}
	ip := CompletionGrammarOf("ip")
	var related []string
	for _, o := range objects {
		related = append(related, "gip-"+o.name)
	}
	sort.Strings(related)
	for _, o := range objects {
		var b strings.Builder
		b.WriteString(header("gip-"+o.name, "gip's ip "+o.name+": "+o.summary))
		b.WriteString(".SH SYNOPSIS\n" + literal(usage("ip", o.name, "help")))
		b.WriteString(".SH DESCRIPTION\n" + paragraphs(o.prose))
		if len(o.aliases) > 0 {
			b.WriteString(".PP\n" + esc("The object may also be named "+strings.Join(o.aliases, " or ")+".") + "\n")
		}
		b.WriteString(".PP\n" + esc("Options, output modes and exit statuses are those of gip(8), which is ip.") + "\n")
		var vs []verbWords
		for _, obj := range ip.Objects {
			if obj.Name != o.name {
				continue
			}
			if obj.Default != nil {
				vs = append(vs, verbWords{"words", keywordNames(obj.Default.Words)})
			}
			for _, v := range obj.Verbs {
				if len(v.Sub) == 0 {
					vs = append(vs, verbWords{v.Name, keywordNames(v.Words)})
				}
				for _, s := range v.Sub {
					vs = append(vs, verbWords{v.Name + " " + s.Name, keywordNames(s.Words)})
				}
			}
			for _, v := range obj.Verbs6 {
				vs = append(vs, verbWords{"-6 " + o.name + " " + v.Name, keywordNames(v.Words)})
			}
		}
		b.WriteString(verbList("VERBS AND KEYWORDS", vs))
		b.WriteString(seeAlso("gip"))
		pages["gip-"+o.name+".8"] = b.String()
	}
	pages["gip.8"] = mainPage(related)
	pages["gbridge.8"] = bridgePage()
	pages["gbrctl.8"] = brctlPage()
	return pages
}

func keywordNames(words string) string {
	var names []string
	for _, f := range strings.Fields(words) {
		name, value, ok := strings.Cut(f, "=")
		if ok {
			name += " " + value
		}
		names = append(names, name)
	}
	return strings.Join(names, ", ")
}

// CompletionGrammarOf is the grammar of applet (ip, bridge, brctl).
func CompletionGrammarOf(applet string) *completion.Applet { return app.CompletionGrammar(applet) }
