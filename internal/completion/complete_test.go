package completion

import (
	"bytes"
	"slices"
	"strings"
	"testing"
)

// fakeSource answers from fixed tables and records the namespaces asked.
type fakeSource struct{ asked []string }

func (f *fakeSource) Links(ns string, bridges bool) []string {
	f.asked = append(f.asked, ns)
	switch {
	case ns == "red" && bridges:
		return []string{"redbr"}
	case ns == "red":
		return []string{"lo", "red0", "redbr"}
	case bridges:
		return []string{"br0"}
	}
	return []string{"br0", "eth0", "lo"}
}

func (f *fakeSource) Class(c string) []string {
	return map[string][]string{ClassNetNS: {"red", "blue"}, ClassTable: {"main", "local"}, ClassKind: {"veth", "vxlan"}}[c]
}

var testSet = &Set{
	IP: &Applet{Name: "ip", Options: "-family=inet|inet6 -4 -6 -netns=NETNS -batch=FILE -brief", Objects: []Object{
		{Name: "address", Verbs: []Verb{{Name: "add", Words: "dev=DEV"}, {Name: "show", Args: "DEV", Words: "dev=DEV up"}}},
		{Name: "addrlabel"},
		{Name: "link", Verbs: []Verb{{Name: "set", Args: "DEV", Words: "dev=DEV up mtu=MTU type=KIND"},
			{Name: "property", Sub: []Verb{{Name: "add", Words: "altname=NAME"}}}}},
		{Name: "netns", Verbs: []Verb{{Name: "exec", Args: "NETNS COMMAND"}}},
		{Name: "monitor", Default: &Verb{Words: "link all file=FILE"}},
		{Name: "tunnel", Verbs: []Verb{{Name: "add", Words: "mode=ipip|gre ttl=TTL"}, {Name: "prl"}},
			Verbs6: []Verb{{Name: "add", Words: "mode=ip6ip6|any encaplimit=ELIM dscp=inherit"}}},
	}},
	Bridge: &Applet{Name: "bridge", Options: "-netns=NETNS", Objects: []Object{
		{Name: "fdb", Verbs: []Verb{{Name: "show", Words: "br=BRIDGE"}}}}},
	Brctl: &Applet{Name: "brctl", Objects: []Object{
		{Name: "addif", Default: &Verb{Args: "BRIDGE DEV+"}},
		{Name: "stp", Default: &Verb{Args: "BRIDGE on|off"}}}},
}

func TestComplete(t *testing.T) {
	for _, tc := range []struct {
		cmd, line string
		want      string // directive: candidates
		ns        string // the namespace the links were asked of
	}{
		{"ip", "", "words: address addrlabel link netns monitor tunnel", ""},
		{"ip", "tunnel ", "words: add prl", ""},
		{"ip", "tunnel add t1 mode ", "words: ipip gre", ""},
		{"ip", "tunnel add t1 ", "words: mode ttl", ""},
		{"ip", "-6 tunnel ", "words: add", ""},
		{"ip", "-6 tunnel add t1 mode ", "words: ip6ip6 any", ""},
		{"ip", "-f inet6 tunnel add t1 ", "words: mode encaplimit dscp", ""},
		{"ip", "-6 -4 tunnel add t1 ", "words: mode ttl", ""},
		{"ip", "-6 tunnel add t1 dscp ", "words: inherit", ""},
		{"ip", "tunnel add t1 mode any ", "words: mode encaplimit dscp", ""},
		{"ip", "tunnel add t1 mode gre mode any ", "words: mode ttl", ""},
		{"ip", "a", "words: address addrlabel", ""},
		{"/sbin/ip", "-", "words: -family -4 -6 -netns -batch -brief", ""},
		{"ip", "-f", "words: -family", ""},
		{"ip", "-f in", "words: inet inet6", ""},
		{"ip", "-b ", "files:", ""},
		{"ip", "-b", "words: -batch -brief", ""},
		{"ip", "-n ", "words: red blue", ""},
		{"ip", "-n red l", "words: link", ""},
		{"ip", "-n red link set ", "words: dev up mtu type lo red0 redbr", "red"},
		{"ip", "--netns red a show dev ", "words: lo red0 redbr", "red"},
		{"ip", "-br -n red -f inet a s dev r", "words: red0 redbr", "red"},
		{"ip", "link set dev ", "words: br0 eth0 lo", ""},
		{"ip", "link set eth0 mtu ", "words:", ""},
		{"ip", "link set eth0 type ", "words: veth vxlan", ""},
		{"ip", "link set eth0 ", "words: dev up mtu type", ""},
		{"ip", "l p ", "words: add", ""},
		{"ip", "l p a ", "words: altname", ""},
		{"ip", "netns exec ", "words: red blue", ""},
		{"ip", "netns exec red ", "command:", ""},
		{"ip", "netns exec red ls -", "default:", ""},
		{"ip", "monitor ", "words: link all file", ""},
		{"ip", "monitor link file ", "files:", ""},
		{"ip", "nosuch ", "words:", ""},
		{"gip", "", "words: address addrlabel link netns monitor tunnel bridge brctl", ""},
		{"gip", "-n red brctl addif ", "words: redbr", "red"},
		{"gip", "bridge fdb show br ", "words: br0", ""},
		{"gbridge", "-n red fdb show br ", "words: redbr", "red"},
		{"bridge", "fdb show br ", "words: br0", ""},
		{"brctl", "", "words: addif stp", ""},
		{"brctl", "addif br0 ", "words: br0 eth0 lo", ""},
		{"brctl", "addif br0 eth0 l", "words: lo", ""},
		{"brctl", "stp br0 ", "words: on off", ""},
		{"gbrctl", "stp br0 on ", "words:", ""},
	} {
		src := &fakeSource{}
		words := strings.Split(tc.line, " ")
		r := testSet.Complete(tc.cmd, words, src)
		got := strings.TrimSpace(r.Directive + ": " + strings.Join(r.Candidates, " "))
		if got != tc.want {
			t.Errorf("Complete(%q, %q) = %q, want %q", tc.cmd, tc.line, got, tc.want)
		}
		for _, ns := range src.asked {
			if ns != tc.ns {
				t.Errorf("Complete(%q, %q) asked for the links of %q, want %q", tc.cmd, tc.line, ns, tc.ns)
			}
		}
	}
}

func TestPrint(t *testing.T) {
	var b bytes.Buffer
	Print(&b, Result{Directive: DirectiveWords, Candidates: []string{"a", "b\nc", "d"}})
	if b.String() != "words\na\nd\n" {
		t.Errorf("Print = %q", b.String())
	}
}

func TestParseWords(t *testing.T) {
	got := ParseWords("up mtu=MTU arp=on|off")
	want := []Word{{"up", ""}, {"mtu", "MTU"}, {"arp", "on|off"}}
	if !slices.Equal(got, want) {
		t.Errorf("ParseWords = %v, want %v", got, want)
	}
	for _, tc := range []struct {
		v    string
		want []string
	}{{"on|off", []string{"on", "off"}}, {"ecn", []string{"ecn"}}, {"MTU", nil}, {"DEV", nil}, {"", nil}} {
		if got := Literals(tc.v); !slices.Equal(got, tc.want) {
			t.Errorf("Literals(%q) = %q, want %q", tc.v, got, tc.want)
		}
	}
}
