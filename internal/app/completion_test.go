package app

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/internal/nstest"
)

// asGipVar makes the test binary run as gip (its value is the name), so
// that the completion scripts can call it.
const asGipVar = "GIP_APP_TEST_AS"

func TestMain(m *testing.M) {
	if name := os.Getenv(asGipVar); name != "" {
		os.Exit(Main(append([]string{name}, os.Args[1:]...), os.Stdin, os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

// gipInPath makes a directory whose gip runs this test binary as gip.
func gipInPath(t *testing.T) string {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	script := fmt.Sprintf("#!/bin/sh\n%s=gip exec %q \"$@\"\n", asGipVar, exe)
	if err := os.WriteFile(filepath.Join(dir, "gip"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// bashComplete runs the bash completion function on line (the cursor at
// its end; a line ending in a blank completes an empty word) and returns
// COMPREPLY.
func bashComplete(t *testing.T, pathDir, line string) []string {
	t.Helper()
	if _, err := exec.LookPath("bash"); err != nil {
		t.Skip("no bash")
	}
	var script strings.Builder
	completionMain([]string{"bash"}, &script, os.Stderr)
	words := strings.Fields(line)
	if strings.HasSuffix(line, " ") {
		words = append(words, "")
	}
	quoted := make([]string, len(words))
	for i, w := range words {
		quoted[i] = "'" + strings.ReplaceAll(w, "'", `'\''`) + "'"
	}
	prog := script.String() + fmt.Sprintf("COMP_WORDS=(%s); COMP_CWORD=%d; _gip_complete %s; printf '%%s\\n' \"${COMPREPLY[@]}\"\n",
		strings.Join(quoted, " "), len(words)-1, quoted[0])
	cmd := exec.Command("bash", "--norc", "--noprofile", "-c", prog)
	cmd.Env = append(os.Environ(), "PATH="+pathDir+":"+os.Getenv("PATH"))
	cmd.Dir = t.TempDir()
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("bash completing %q: %v", line, err)
	}
	got := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
	if len(got) == 1 && got[0] == "" {
		return nil
	}
	return got
}

// Command lines whose candidates do not depend on the system: every ip
// object, every bridge object, brctl, gip's applet words, options and
// their values, keywords and their value lists.
var completionLines = []struct {
	line string
	want string // candidates, blank-separated
}{
	{"ip a", "address addrlabel"},
	{"ip ad", "address addrlabel"},
	{"ip addr ", "add change replace delete list show lst flush save showdump restore help"},
	{"ip a add 10.0.0.1/24 sc", "scope"},
	{"ip a add 10.0.0.1/24 scope ", "global host link nowhere site"},
	{"ip a s -t", "-tentative"},
	{"ip addrlabel ", "list lst show add delete flush help"},
	{"ip addrlabel add p", "prefix"},
	{"ip m", "maddress macsec monitor mroute mrule mptcp"},
	{"ip maddress ", "add delete list show lst help"},
	{"ip route ", "add change replace prepend append test delete list show lst get flush save restore showdump help"},
	{"ip r add t", "tos table ttl-propagate throw"},
	{"ip r show type ", "unicast local broadcast multicast anycast throw unreachable prohibit blackhole nat"},
	{"ip r add 10.0.0.0/8 pref ", "low medium high"},
	{"ip r add 10.0.0.0/8 encap ", "mpls ip ip6 seg6 seg6local rpl ioam6 xfrm"},
	{"ip r get 10.0.0.1 f", "fibmatch from"},
	{"ip rule ", "list lst show save restore add delete flush help"},
	{"ip rule add s", "sport suppress_prefixlength suppress_ifgroup"},
	{"ip n", "neighbor neighbour ntable ntbl netns netconf nexthop"},
	{"ip neigh add 10.0.0.2 nud ", "delay failed incomplete noarp none permanent probe reachable stale all"},
	{"ip neighbour ", "add change replace delete get show lst list flush help"},
	{"ip ntable ", "change chg show lst list help"},
	{"ip ntbl change th", "thresh1 thresh2 thresh3"},
	{"ip link ", "add set change replace delete show lst list xstats afstats property help"},
	{"ip link add v0 type vx", "vxcan vxlan"},
	{"ip link set dev lo ar", "arp"},
	{"ip link set dev lo arp ", "on off"},
	{"ip link set dev lo addrgenmode ", "eui64 none stable_secret random"},
	{"ip link property ", "add del"},
	{"ip link help vet", "veth"},
	{"ip l2tp ", "help add delete show lst list"},
	{"ip fou ", "help add delete show"},
	{"ip ila ", "help add delete list"},
	{"ip macsec ", "help show add set delete offload"},
	{"ip tunnel ", "add change delete show lst list prl 6rd help"},
	{"ip tuntap add mode ", "tun tap"},
	{"ip tap ", "add delete show lst list help"},
	{"ip token ", "list lst show set add delete get help"},
	{"ip tcp_metrics ", "list lst show delete remove flush help"},
	{"ip monitor a", "all address all-nsid"},
	{"ip monitor file ", ""},
	{"ip xfrm ", "state sa policy monitor help"},
	{"ip mroute show ", "to from iif table"},
	{"ip mrule ", "list lst show save restore add delete flush help"},
	{"ip netns ", "list show lst list-id help add set delete identify pids exec monitor attach"},
	{"ip netconf ", "show lst list help"},
	{"ip vrf ", "identify pids exec show lst list help"},
	{"ip sr ", "help hmac tunsrc"},
	{"ip nexthop ", "add replace delete list show lst get flush bucket help"},
	{"ip nexthop bucket ", "list show get"},
	{"ip nexthop add id 1 group 1/2 type ", "mpath resilient"},
	{"ip mptcp ", "help endpoint limits monitor"},
	{"ip ioam ", "help namespace schema"},
	{"ip stats ", "help show set"},
	{"ip stats show group ", "link xstats xstats_slave offload afstats"},
	{"ip stats set dev lo l3_stats ", "on off"},
	{"ip h", "help"},
	{"ip -f ", "inet inet6 mpls bridge link"},
	{"ip -fam inet6 r", "route rule"},
	{"ip -j -p -br l", "link l2tp"},
	{"ip -co", "-color"},
	{"ip -N", "-Numeric"},
	{"gip br", "bridge brctl"},
	{"gip bridge v", "vlan vni"},
	{"gip brctl s", "setageing setbridgeprio setfd sethello setmaxage setpathcost setportprio show showmacs showstp stp"},
	{"bridge ", "link fdb mdb vlan vni monitor help"},
	{"bridge -f ", "inet inet6"},
	{"bridge -comp", "-compressvlans"},
	{"bridge link set dev x h", "hairpin hwmode"},
	{"bridge link set dev x hwmode ", "vepa veb"},
	{"bridge fdb ", "add append replace delete get flush show lst list help"},
	{"bridge fdb flush dev x no", "nopermanent nostatic nodynamic noadded_by_user noextern_learn nosticky nooffloaded"},
	{"bridge mdb add dev br0 port x grp 239.1.1.1 ", "dev port grp src permanent temp vid"},
	{"bridge vlan ", "add delete show lst list tunnelshow set global help"},
	{"bridge vlan global ", "show set"},
	{"bridge vni ", "add delete show help"},
	{"bridge monitor ", "file link fdb mdb vlan vni all help"},
	{"gbridge mo", "monitor"},
	{"brctl ", "addbr delbr addif delif hairpin setageing setbridgeprio setfd sethello setmaxage setpathcost setportprio show showmacs showstp stp"},
	{"brctl stp br0 ", "on off"},
	{"gbrctl hairpin br0 p0 o", "on off"},
	{"brctl -", "-h -V --help --version"},
	{"ip link show zzz", ""},
	{"ip zzz ", ""},
}

func TestBashCompletion(t *testing.T) {
	dir := gipInPath(t)
	for _, tc := range completionLines {
		got := bashComplete(t, dir, tc.line)
		if want := strings.Fields(tc.want); !slices.Equal(got, want) {
			t.Errorf("complete %q = %q, want %q", tc.line, got, want)
		}
	}
	if len(completionLines) < 40 {
		t.Errorf("%d lines: want at least 40", len(completionLines))
	}
}

// The shell's own completions: file names after -batch, commands after
// netns exec NS.
func TestBashCompletionDirectives(t *testing.T) {
	dir := gipInPath(t)
	if got := bashComplete(t, dir, "ip -batch /etc/host"); !slices.Contains(got, "/etc/hosts") {
		t.Errorf("complete ip -batch /etc/host = %q, want /etc/hosts among them", got)
	}
	if got := bashComplete(t, dir, "ip netns exec ns1 bas"); !slices.Contains(got, "bash") {
		t.Errorf("complete ip netns exec ns1 bas = %q, want bash among them", got)
	}
}

// Live names: the links of the current namespace, or of the one -n names;
// bridges for brctl; names in /run/netns.
func TestBashCompletionLiveNames(t *testing.T) {
	if !nstest.Sandbox(t) {
		return
	}
	run := func(argv ...string) {
		t.Helper()
		var out, errb strings.Builder
		if rc := Main(argv, strings.NewReader(""), &out, &errb); rc != 0 {
			t.Fatalf("%q: status %d: %s%s", argv, rc, out.String(), errb.String())
		}
	}
	run("ip", "netns", "add", "blue")
	run("ip", "link", "add", "br0", "type", "bridge")
	run("ip", "link", "add", "v0", "type", "veth", "peer", "name", "eth7", "netns", "blue")
	run("ip", "-n", "blue", "link", "add", "inblue", "type", "bridge")
	dir := gipInPath(t)
	for _, tc := range []struct{ line, want string }{
		{"ip link set dev ", "br0 lo v0"},
		{"ip link set v", "vrf vf v0"},
		{"ip -n blue link set dev ", "eth7 inblue lo"},
		{"ip -netns blue a show dev e", "eth7"},
		{"ip -n ", "blue"},
		{"ip netns exec ", "blue"},
		{"ip netns del b", "blue"},
		{"ip link add v1 type veth peer name x netns ", "blue"},
		{"brctl addif ", "br0"},
		{"brctl addif br0 ", "br0 lo v0"},
		{"gip -n blue brctl show ", "inblue"},
		{"bridge -n blue link show dev ", "eth7 inblue lo"},
		{"bridge fdb show br ", "br0"},
	} {
		if got, want := bashComplete(t, dir, tc.line), strings.Fields(tc.want); !slices.Equal(got, want) {
			t.Errorf("complete %q = %q, want %q", tc.line, got, want)
		}
	}
}

// The zsh and fish scripts name every command and ask gip; `gip
// completion` without a known shell is a usage error.
func TestCompletionScripts(t *testing.T) {
	for _, sh := range []string{"bash", "zsh", "fish"} {
		var out, errb strings.Builder
		if rc := completionMain([]string{sh}, &out, &errb); rc != 0 || errb.Len() != 0 {
			t.Errorf("gip completion %s: status %d, stderr %q", sh, rc, errb.String())
		}
		if !strings.Contains(out.String(), "gip completion __complete") || !strings.Contains(out.String(), "gbridge gbrctl ip bridge brctl") {
			t.Errorf("gip completion %s does not call gip or name every command:\n%s", sh, out.String())
		}
	}
	var out, errb strings.Builder
	if rc := completionMain([]string{"tcsh"}, &out, &errb); rc != cmdline.StatusUsage || out.Len() != 0 || !strings.HasPrefix(errb.String(), "Usage: gip completion { bash | zsh | fish }") {
		t.Errorf("gip completion tcsh: status %d, stdout %q, stderr %q", rc, out.String(), errb.String())
	}
}

// The zsh and fish functions, where those shells are installed: zsh's
// completion builtins are stubbed to print what they are given; fish
// sorts what it offers.
func TestZshFishCompletion(t *testing.T) {
	dir := gipInPath(t)
	env := append(os.Environ(), "PATH="+dir+":"+os.Getenv("PATH"))
	script := func(sh string) string {
		var s strings.Builder
		completionMain([]string{sh}, &s, os.Stderr)
		return s.String()
	}
	if _, err := exec.LookPath("zsh"); err == nil {
		prog := `compdef() { :; }; compadd() { [[ $1 == -a ]] && print -l -- ${(P)2}; }; _files() { print FILES; }; _command_names() { print COMMANDS; }
` + script("zsh") + `
words=(ip link s); CURRENT=3; _gip; print SEP
words=(ip netns exec x ""); CURRENT=5; _gip; print SEP
words=(gbrctl stp br0 ""); CURRENT=4; _gip; print SEP
words=(ip -batch ""); CURRENT=3; _gip
`
		cmd := exec.Command("zsh", "-f", "-c", prog)
		cmd.Env = env
		out, err := cmd.CombinedOutput()
		if want := "set\nshow\nSEP\nCOMMANDS\nSEP\non\noff\nSEP\nFILES\n"; err != nil || string(out) != want {
			t.Errorf("zsh completion: %v\n got %q\nwant %q", err, out, want)
		}
	} else {
		t.Log("no zsh: its function is not tried")
	}
	if _, err := exec.LookPath("fish"); err == nil {
		f := filepath.Join(t.TempDir(), "gip.fish")
		os.WriteFile(f, []byte(script("fish")), 0o644)
		cmd := exec.Command("fish", "--no-config", "-c", "source "+f+`; complete -C"gbrctl stp br0 "; echo SEP; complete -C"gip bridge vlan g"`)
		cmd.Env = env
		out, err := cmd.CombinedOutput()
		if want := "off\non\nSEP\nglobal\n"; err != nil || string(out) != want {
			t.Errorf("fish completion: %v\n got %q\nwant %q", err, out, want)
		}
	} else {
		t.Log("no fish: its function is not tried")
	}
}
