package integration

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// helpCommands are the usage paths scripts grep (`ip help | grep nexthop`,
// `ip route help | grep sport`, `bridge fdb help | grep get`): every object
// of iproute2 6.1's `ip help`, its sub-objects, every link kind's help, the
// bridge objects and brctl.
func helpCommands() []string {
	cmds := []string{"ip help", "ip", "ip -h", "ip -6 tunnel help", "ip link xstats help",
		"ip link afstats help", "ip link property help", "ip route get help",
		"ip xfrm state help", "ip xfrm policy help", "ip xfrm monitor help",
		"ip stats show help", "ip stats set help", "ip mptcp endpoint help",
		"ip ioam namespace help", "ip sr tunsrc help", "ip xfrm", "ip fou", "ip sr", "ip ioam",
		"ip mptcp", "ip l2tp", "ip macsec", "ip ila",
		"ip route add 10.9.0.0/16 encap help", "ip route add 10.9.0.0/16 encap bpf help",
		"ip route add 10.9.0.0/16 encap xfrm help x", "ip nexthop add id 1 encap help",
		"ip mptcp limits help", "ip sr hmac help", "ip ioam schema help", "ip l2tp help",
		"bridge help", "bridge", "brctl", "brctl help",
		// The family options' own help, the link kinds' xstats helps, and
		// the verbs that print their object's usage (or a refusal of
		// "help" as a value, compared as output).
		"ip -f help", "ip -family help", "bridge -f help", "bridge -family help",
		"ip link xstats type bond help", "ip link xstats type bridge help",
		"ip link xstats type veth help", "ip link show help", "ip link set dev lo help",
		"ip link add dev x help", "ip link property add help", "ip link add type help",
		"ip address add help", "ip address show help", "ip address flush help",
		"ip route add help", "ip route show table help", "ip route show help",
		"ip neigh show help", "ip neigh get help", "ip neigh add proxy help",
		"ip rule add help", "ip rule show help", "ip nexthop bucket help",
		"ip nexthop bucket show help", "ip nexthop show help", "ip nexthop add help",
		"ip maddress show help", "ip mroute show help", "ip tcp_metrics show help",
		"ip token set help", "ip tuntap add help", "ip tunnel add help", "ip -6 tunnel add help",
		"ip tunnel prl help", "ip tunnel 6rd help", "ip monitor link help",
		"ip xfrm state list help", "ip xfrm policy list help", "ip mptcp monitor help",
		"ip mptcp endpoint add help", "ip mptcp limits set help", "ip ioam namespace add help",
		"ip ioam schema add help", "ip sr hmac set help", "ip stats set dev lo help",
		"ip vrf show help", "ip ntable show help", "ip addrlabel list help",
		"bridge link set help", "bridge vlan global help", "bridge fdb add help",
		"bridge fdb get help", "bridge mdb add help", "bridge vni add help",
		"bridge monitor fdb help", "brctl show help"}
	for _, o := range []string{"address", "addrlabel", "amt", "fou", "ila", "ioam", "l2tp", "link",
		"macsec", "maddress", "monitor", "mptcp", "mroute", "mrule", "neighbor", "neighbour",
		"netconf", "netns", "nexthop", "ntable", "ntbl", "route", "rule", "sr", "tap", "tcpmetrics",
		"tcp_metrics", "token", "tunnel", "tunl", "tuntap", "vrf", "xfrm", "stats"} {
		cmds = append(cmds, "ip "+o+" help")
		switch o {
		case "fou", "ila", "l2tp", "macsec":
			// iproute2 asks the kernel for the generic netlink
			// family before it reads the word.
		default:
			cmds = append(cmds, "ip "+o+" bogus")
		}
	}
	for _, o := range []string{"link", "fdb", "mdb", "vlan", "vni", "monitor"} {
		cmds = append(cmds, "bridge "+o+" help", "bridge "+o+" bogus")
	}
	for _, k := range []string{"amt", "bareudp", "batadv", "bond", "bond_slave", "bridge",
		"bridge_slave", "can", "dsa", "dummy", "erspan", "geneve", "gre", "gretap", "gtp", "hsr",
		"ifb", "ip6erspan", "ip6gre", "ip6gretap", "ip6tnl", "ipip", "ipoib", "ipvlan", "ipvtap",
		"macsec", "macvlan", "macvtap", "netdevsim", "nlmon", "rmnet", "sit", "team", "team_slave",
		"tun", "vcan", "veth", "virt_wifi", "vlan", "vrf", "vrf_slave", "vti", "vti6", "vxcan",
		"vxlan", "wwan", "xfrm"} {
		cmds = append(cmds, "ip link help "+k, "ip link add type "+k+" help")
	}
	return cmds
}

var (
	gluedAbbrev = regexp.MustCompile(`([A-Za-z0-9_.-]+)\[([A-Za-z0-9_.-]+)\]`)
	leadAlt     = regexp.MustCompile(`\[([A-Za-z0-9_|-]+)\]([A-Za-z0-9_.-]+)`)
	helpWord    = regexp.MustCompile(`[A-Za-z0-9_.-]+`)
)

// helpWords is the set of words of a usage text: tokens of letters,
// digits, '_', '-' and '.', after splitting on everything else. An
// abbreviation written -V[ersion] gives -V and -Version; [i|o]seq gives
// iseq, oseq and seq.
func helpWords(s string) map[string]bool {
	s = gluedAbbrev.ReplaceAllString(s, "$1 $1$2")
	s = leadAlt.ReplaceAllStringFunc(s, func(m string) string {
		sm := leadAlt.FindStringSubmatch(m)
		var out []string
		for _, a := range strings.Split(sm[1], "|") {
			out = append(out, a+sm[2])
		}
		return strings.Join(append(out, sm[2]), " ")
	})
	words := map[string]bool{}
	for _, w := range helpWord.FindAllString(s, -1) {
		words[w] = true
	}
	return words
}

func TestHelpWords(t *testing.T) {
	got := helpWords("-V[ersion] | [i|o]seq { a | b-c } FWMARK[/MASK] x.y,")
	var keys []string
	for k := range got {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	want := "-V -Version FWMARK MASK a b-c iseq oseq seq x.y"
	if strings.Join(keys, " ") != want {
		t.Errorf("helpWords = %q, want %q", strings.Join(keys, " "), want)
	}
}

// TestHelpTexts runs every help path with the reference and with gip and
// checks the exit status, which streams are written, and that every word
// of the reference's usage text appears in gip's (gip's texts are its own
// and may name more). Output that is no usage text must be the same.
func TestHelpTexts(t *testing.T) {
	t.Parallel()
	requireSandbox(t)
	for _, tool := range []string{"brctl", "bridge"} {
		if findRef(tool) == "" {
			t.Skipf("the reference %s is missing", tool)
		}
	}
	gip := gipBinary(t)
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	refDir, candDir := binDirs(t, gip)
	tmp := t.TempDir()
	cmds := helpCommands()
	casePath := filepath.Join(tmp, "help.sh")
	if err := os.WriteFile(casePath, []byte(strings.Join(cmds, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	sandboxes <- struct{}{}
	ref, err := runSandboxed(context.Background(), self, casePath, refDir, tmp)
	if err == nil {
		var cand []result
		cand, err = runSandboxed(context.Background(), self, casePath, candDir, tmp)
		<-sandboxes
		if err != nil {
			t.Fatal(err)
		}
		compareHelp(t, ref, cand)
		return
	}
	<-sandboxes
	t.Fatal(err)
}

func compareHelp(t *testing.T, ref, cand []result) {
	t.Helper()
	if len(ref) != len(cand) {
		t.Fatalf("%d reference results, %d from gip", len(ref), len(cand))
	}
	for i, r := range ref {
		c := cand[i]
		var problems []string
		if r.RC != c.RC {
			problems = append(problems, "exit status "+itoa(c.RC)+", want "+itoa(r.RC))
		}
		if (r.Out == "") != (c.Out == "") || (r.Err == "") != (c.Err == "") {
			problems = append(problems, "written to other streams than the reference (stdout "+
				itoa(len(r.Out))+"/"+itoa(len(c.Out))+" bytes, stderr "+itoa(len(r.Err))+"/"+itoa(len(c.Err))+")")
		}
		if strings.Contains(r.Out+r.Err, "Usage:") {
			have := helpWords(c.Out + c.Err)
			var missing []string
			for w := range helpWords(r.Out + r.Err) {
				if !have[w] {
					missing = append(missing, w)
				}
			}
			sort.Strings(missing)
			if len(missing) > 0 {
				problems = append(problems, "usage lacks "+strings.Join(missing, " "))
			}
		} else if r.Out != c.Out || r.Err != c.Err {
			problems = append(problems, "output differs:\n"+unifiedDiff("iproute2", "gip", render(r, false), render(c, false), 2))
		}
		if len(problems) == 0 {
			continue
		}
		t.Errorf("$ %s: %s", r.Cmd, strings.Join(problems, "; "))
	}
	t.Logf("%d help paths compared", len(ref))
}

func itoa(n int) string { return strconv.Itoa(n) }
