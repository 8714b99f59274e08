package randcmd

import (
	"reflect"
	"strings"
	"testing"
)

func TestSameSeedSameLines(t *testing.T) {
	a, b := New(7).Lines(300), New(7).Lines(300)
	if !reflect.DeepEqual(a, b) {
		t.Fatal("seed 7 gave two different sequences")
	}
	if reflect.DeepEqual(a, New(8).Lines(300)) {
		t.Fatal("seeds 7 and 8 gave the same lines")
	}
}

// Every line must be safe to send: no encap *_opts, no netns given as a
// number or a path.
func TestLinesAreSafe(t *testing.T) {
	for _, l := range New(1).Lines(20000) {
		if !Safe(l.Cmd) {
			t.Errorf("unsafe line: %s", l.Cmd)
		}
		f := strings.Fields(l.Cmd)
		for i, w := range f {
			if k := strings.ToLower(w); (k == "netns" || k == "netn" || k == "net") && i+1 < len(f) {
				if n := f[i+1]; strings.Contains(n, "/") || strings.ContainsAny(n, "0123456789") && strings.TrimLeft(n, "+-0123456789x'$ ") == "" {
					t.Errorf("netns given as a pid or path: %s", l.Cmd)
				}
			}
		}
	}
}

func TestSafe(t *testing.T) {
	for cmd, want := range map[string]bool{
		"ip route add 10.0.0.0/24 encap ip id 1 dst 10.0.0.2 dev v0":           true,
		"ip route add 10.0.0.0/24 encap ip id 1 dst 10.0.0.2 vxlan_opts 1 dev": false,
		"ip route add 10.0.0.0/24 encap ip id 1 geneve_op 1:1:1":               false,
		"ip r a 10/8 enc ip id 1 er 1":                                         false,
		"ip link show dev v0":                                                  true,
	} {
		if got := Safe(cmd); got != want {
			t.Errorf("Safe(%q) = %v, want %v", cmd, got, want)
		}
	}
}

func TestNetnsNamed(t *testing.T) {
	for _, tt := range []struct {
		ws   []string
		want bool
	}{
		{[]string{"link", "set", "v0", "netns", "ns1"}, true},
		{[]string{"link", "set", "v0", "netns", "1"}, false},
		{[]string{"link", "set", "v0", "NETN", "1"}, false},
		{[]string{"link", "set", "v0", "n", "/proc/1/ns/net"}, false},
		{[]string{"link", "set", "v0", "netns", ""}, true},
		{[]string{"link", "set", "v0", "mtu", "1"}, true},
	} {
		var ws []word
		for _, w := range tt.ws {
			ws = append(ws, word{text: w})
		}
		if got := netnsNamed(ws); got != tt.want {
			t.Errorf("netnsNamed(%q) = %v, want %v", tt.ws, got, tt.want)
		}
	}
}

func TestQuote(t *testing.T) {
	for in, want := range map[string]string{
		"v0":        "v0",
		"":          "''",
		"a b":       "'a b'",
		"it's":      `$'it\'s'`,
		"nan\xa4":   `$'nan\xa4'`,
		"a\nb":      `$'a\nb'`,
		"10.0.0/24": "10.0.0/24",
	} {
		if got := quote(in); got != want {
			t.Errorf("quote(%q) = %s, want %s", in, got, want)
		}
	}
}

// TestObjectAbbrev checks that an abbreviated object never lands on an ip
// object gip does not implement, nor on ip monitor.
func TestObjectAbbrev(t *testing.T) {
	for _, tt := range []struct{ full, ab, want string }{
		{"tuntap", "t", "t"}, // ip tunnel: implemented now
		{"tuntap", "tun", "tun"},
		{"tuntap", "tunta", "tunta"},
		{"link", "l", "l"},
		{"rule", "r", "r"}, // route: implemented, so left as it is
		{"netns", "n", "n"},
		{"address", "a", "a"},
	} {
		if got := objectAbbrev(tt.full, tt.ab); got != tt.want {
			t.Errorf("objectAbbrev(%q, %q) = %q, want %q", tt.full, tt.ab, got, tt.want)
		}
	}
}

// No generated line may start a monitor: it would run until the chunk's
// deadline and test nothing. The object word (after the options) and the
// verb of xfrm and mptcp are where a monitor would be named.
func TestNoMonitor(t *testing.T) {
	withArg := map[string]bool{"-n": true, "-netns": true, "-f": true, "-family": true, "-l": true, "-loops": true, "-rc": true}
	isMonitor := func(w string) bool {
		w = strings.ToLower(strings.Trim(w, `'$`))
		return len(w) >= 2 && strings.HasPrefix("monitor", w)
	}
	for _, l := range New(3).Lines(20000) {
		f := strings.Fields(l.Cmd)
		if f[0] != "ip" {
			continue
		}
		i := 1
		for i < len(f) && strings.HasPrefix(f[i], "-") {
			if withArg[strings.ToLower(f[i])] {
				i++
			}
			i++
		}
		if i < len(f) && isMonitor(f[i]) || i+1 < len(f) && isMonitor(f[i+1]) && (strings.HasPrefix("xfrm", strings.ToLower(f[i])) || strings.HasPrefix("mptcp", strings.ToLower(f[i]))) {
			t.Errorf("a monitor line: %s", l.Cmd)
		}
	}
}

// Link-cache batches must churn links between lines that name them: a
// delete, add, rename or altname, then a later line naming a link, and
// names made in the batch must be named again.
func TestCacheBatch(t *testing.T) {
	var n, churned, reused int
	for _, l := range New(7).Lines(5000) {
		if !strings.HasPrefix(l.Tag, "ip -batch links") {
			continue
		}
		n++
		if !strings.HasPrefix(l.Cmd, "printf '%s' ") || !strings.HasSuffix(l.Cmd, "-batch b1") {
			t.Fatalf("not a batch line: %s", l.Cmd)
		}
		body := strings.ReplaceAll(l.Cmd, `\n`, "\n")
		lines := strings.Split(body, "\n")
		for i, ln := range lines[:len(lines)-1] {
			f := strings.Fields(strings.ToLower(ln))
			if len(f) > 1 && strings.HasPrefix(f[0], "l") && (strings.HasPrefix("delete", f[1]) || strings.HasPrefix("add", f[1]) || strings.Contains(ln, " name ")) && i+1 < len(lines)-1 {
				churned++
				break
			}
		}
		for _, nm := range []string{"n2", "p0", "p1"} {
			if strings.Count(body, " "+nm) > 1 {
				reused++
				break
			}
		}
	}
	if n < 100 {
		t.Errorf("only %d link-cache batches in 5000 lines", n)
	}
	if churned < n/2 {
		t.Errorf("only %d of %d link-cache batches change a link before a later line", churned, n)
	}
	if reused < n/10 {
		t.Errorf("only %d of %d link-cache batches name a link they made again", reused, n)
	}
}

// $LNEW names join the pool $LNK draws from, and only for that batch.
func TestCachePool(t *testing.T) {
	g := New(1)
	g.links = append([]string(nil), cacheLinks...)
	w := g.expand("$LNEW")
	if g.links[len(g.links)-1] != w.text || len(g.links) != len(cacheLinks)+1 {
		t.Fatalf("$LNEW %q did not join the pool: %q", w.text, g.links)
	}
	seen := false
	for range 200 {
		if g.expand("$LNK").text == w.text {
			seen = true
		}
	}
	if !seen {
		t.Errorf("$LNK never drew the new name %q", w.text)
	}
	g.cacheBatch()
	if g.links != nil {
		t.Errorf("the pool outlived its batch: %q", g.links)
	}
}
