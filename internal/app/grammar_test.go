package app

import (
	"context"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/gipnet/gip/internal/cmd/bridgecmd"
	"github.com/gipnet/gip/internal/cmd/ipmonitor"
	"github.com/gipnet/gip/internal/completion"
	"github.com/gipnet/gip/internal/nstest"
)

// runAs runs this test binary as gip named name with args (stdin empty),
// killed after a few seconds (a monitor waits for events), and returns
// what it printed to stdout and stderr together.
func runAs(t *testing.T, name string, args ...string) string {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, exe, args...)
	cmd.Env = append(os.Environ(), asGipVar+"="+name)
	out, _ := cmd.CombinedOutput()
	return string(out)
}

var usageWordRE = regexp.MustCompile(`[A-Za-z0-9_.-]+`)

// checkGrammar checks an object's verbs against its parser (each is taken
// as a verb, and a word that is none is refused, so the check can fail)
// and its keywords and value words against its usage text.
func checkGrammar(t *testing.T, applet string, prefix []string, verbs []completion.Verb, def *completion.Verb) {
	t.Helper()
	obj := strings.Join(prefix, " ")
	help := runAs(t, applet, append(prefix, "help")...)
	inHelp := map[string]bool{"help": true} // every object takes it
	for _, w := range usageWordRE.FindAllString(help, -1) {
		inHelp[w] = true
	}
	checkWords := func(v completion.Verb) {
		for _, w := range completion.ParseWords(v.Words) {
			if !inHelp[strings.TrimPrefix(w.Name, "-")] {
				t.Errorf("%s %s %s: keyword %q is not in %s %s help", applet, obj, v.Name, w.Name, applet, obj)
			}
			for _, lit := range completion.Literals(w.Value) {
				if !inHelp[lit] {
					t.Errorf("%s %s %s: %s's value %q is not in %s %s help", applet, obj, v.Name, w.Name, lit, applet, obj)
				}
			}
		}
	}
	if def != nil {
		checkWords(*def)
	}
	unknown := func(word, out string) bool { return strings.Contains(out, `"`+word+`" is unknown`) }
	if r, ok := verbRefusals[applet+" "+obj]; ok {
		unknown = r
	}
	if len(verbs) > 0 && unknown != nil {
		if out := runAs(t, applet, append(prefix, "zzgip")...); !unknown("zzgip", out) {
			t.Errorf("%s %s zzgip: not refused as an unknown verb: %q", applet, obj, out)
		}
	}
	for _, v := range verbs {
		// help is the usage text itself, which some objects also print
		// for an unknown verb.
		if unknown != nil && v.Name != "help" {
			if out := runAs(t, applet, append(prefix, v.Name)...); unknown(v.Name, out) {
				t.Errorf("%s %s %s: the parser does not know the verb: %q", applet, obj, v.Name, out)
			}
		}
		if verbHelps[applet+" "+obj] {
			// The verb has its own usage text: check against that.
			sub := append(append([]string{}, prefix...), v.Name)
			if strings.HasPrefix(runAs(t, applet, append(sub, "help")...), "Usage:") {
				if v.Sub != nil {
					checkGrammar(t, applet, sub, v.Sub, nil)
				} else {
					checkGrammar(t, applet, sub, nil, &completion.Verb{Name: v.Name, Words: v.Words})
				}
				continue
			}
		}
		checkWords(v)
		for _, s := range v.Sub {
			checkWords(s)
		}
	}
}

// verbHelps are the objects whose verbs have usage texts of their own
// (`ip xfrm state help`), which their keywords are checked against.
var verbHelps = map[string]bool{"ip xfrm": true}

// verbRefusals are how the objects that do not say `Command "X" is
// unknown` refuse an unknown verb; nil where no refusal can be told
// apart: those look up their generic netlink family before reading the
// verb, and the family is absent from this kernel, so every verb fails
// alike.
var verbRefusals = map[string]func(word, out string) bool{
	"ip xfrm": func(word, out string) bool {
		return strings.HasPrefix(out, "Usage: ip xfrm XFRM-OBJECT")
	},
	"ip sr": func(word, out string) bool {
		return strings.Contains(out, `argument "`+word+`" is wrong: unknown`)
	},
	"ip ioam": func(word, out string) bool {
		return strings.Contains(out, `argument "`+word+`" is wrong: Unknown`)
	},
	"ip fou":    nil,
	"ip ila":    nil,
	"ip l2tp":   nil,
	"ip macsec": nil,
}

// TestGrammars checks the completion grammars against the parsers and
// usage texts, in a sandbox: the verbs run (with nothing after them).
func TestGrammars(t *testing.T) {
	for _, o := range objects {
		if o.run != nil && grammarOf(o.name) == nil && o.name != "monitor" {
			t.Errorf("ip %s has no grammar in grammarOf", o.name)
		}
	}
	if !nstest.Sandbox(t) {
		return
	}
	for _, o := range objects {
		switch {
		case o.name == "monitor":
			checkGrammar(t, "ip", []string{o.name}, nil, &ipmonitor.Grammar)
		case o.run != nil:
			checkGrammar(t, "ip", []string{o.name}, grammarOf(o.name), nil)
		}
		if g6 := grammar6Of(o.name); g6 != nil {
			checkGrammar(t, "ip", []string{"-6", o.name}, g6, nil)
		}
	}
	for _, o := range bridgecmd.Grammar.Objects {
		if o.Name != "help" {
			checkGrammar(t, "bridge", []string{o.Name}, o.Verbs, o.Default)
		}
	}
}

// Every option of ip's grammar is one parseGlobal takes.
func TestIPOptionsGrammar(t *testing.T) {
	defer func(old func(string) (int, error)) { openNetNS = old }(openNetNS)
	openNetNS = func(string) (int, error) { return -1, nil }
	for _, o := range completion.ParseWords(ipOptions) {
		argv := []string{o.Name}
		if o.Value != "" {
			v := "1"
			if lits := completion.Literals(o.Value); lits != nil {
				v = lits[0]
			}
			argv = append(argv, v)
		}
		var out, errb strings.Builder
		_, _, err := parseGlobal(argv, &out, &errb)
		if strings.Contains(errb.String(), "is unknown") || (err != nil && strings.Contains(err.Error(), "is unknown")) {
			t.Errorf("parseGlobal(%q) does not know the option: %v %s", argv, err, errb.String())
		}
	}
}
