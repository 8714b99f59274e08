package manpage

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/gipnet/gip/internal/app"
)

const manDir = "../../doc/man"

// doc/man is what Pages makes now: run `make man` after changing a usage
// text, a grammar or the prose.
func TestPagesUpToDate(t *testing.T) {
	pages := Pages()
	files, _ := filepath.Glob(filepath.Join(manDir, "*.8"))
	var names []string
	for _, f := range files {
		names = append(names, filepath.Base(f))
	}
	var want []string
	for n := range pages {
		want = append(want, n)
	}
	slices.Sort(want)
	if !slices.Equal(names, want) {
		t.Errorf("doc/man has %q, want %q (make man)", names, want)
	}
	for n, text := range pages {
		got, err := os.ReadFile(filepath.Join(manDir, n))
		if err == nil && string(got) != text {
			t.Errorf("doc/man/%s is stale: run make man", n)
		}
	}
}

// Every object gip implements has a page, as its name or an alias.
func TestEveryObjectHasAPage(t *testing.T) {
	covered := map[string]bool{}
	for _, o := range objects {
		covered[o.name] = true
		for _, a := range o.aliases {
			covered[a] = true
		}
	}
	for _, name := range app.IPObjects() {
		if !covered[name] {
			t.Errorf("ip %s has no man page (add it to objects)", name)
		}
	}
}

// groff formats every page without a warning.
func TestPagesFormatCleanly(t *testing.T) {
	if _, err := exec.LookPath("groff"); err != nil {
		t.Skip("no groff")
	}
	for n, text := range Pages() {
		cmd := exec.Command("groff", "-man", "-ww", "-z")
		cmd.Stdin = strings.NewReader(text)
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		if err := cmd.Run(); err != nil || out.Len() != 0 {
			t.Errorf("groff -man -ww -z %s: %v\n%s", n, err, out.String())
		}
	}
}

// esc keeps roff from reading text as requests or escapes.
func TestEsc(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{`a\b`, `a\eb`},
		{".TH x\n'x", "\\&.TH x\n\\&'x"},
		{"-n NAME", `\-n NAME`},
	} {
		if got := esc(tc.in); got != tc.want {
			t.Errorf("esc(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// Every option of ip's grammar is described on gip(8).
func TestEveryOptionDescribed(t *testing.T) {
	for _, o := range ipOptions() {
		if optionHelp[o.Name] == "" {
			t.Errorf("option %s has no text in optionHelp", o.Name)
		}
	}
}
