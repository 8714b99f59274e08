package link

import (
	"errors"
	"strings"
	"testing"

	"github.com/gipnet/gip/internal/cmdline"
)

// TestKindHelp checks that every kind iproute2 has help for prints some on
// stdout for `ip link help TYPE`, and that gip's own kinds with options
// describe themselves (their usage starts with "Usage: ..." or, as hsr's
// does, "Usage:\t…", and names the kind).
func TestKindHelp(t *testing.T) {
	for name, has := range iproute2Kinds() {
		k := LookupKind(name)
		if !has {
			if k != nil && k.Help != nil {
				t.Errorf("kind %s has help, iproute2's has none (ip link help %s must fail)", name, name)
			}
			continue
		}
		if k == nil || k.Help == nil {
			continue // the generic line
		}
		var b strings.Builder
		k.Help(&b)
		usage := strings.HasPrefix(b.String(), "Usage: ") || strings.HasPrefix(b.String(), "Usage:\t")
		if !usage || !strings.Contains(b.String(), name) {
			t.Errorf("help for %s = %q", name, b.String())
		}
	}
	for _, k := range kinds {
		if _, ok := iproute2Kinds()[k.Name]; !ok {
			t.Errorf("kind %s is not one iproute2 6.1 knows", k.Name)
		}
	}
}

// TestRequestOnlyKindHelp checks `ip link add type KIND help` for the kinds
// gip has no parser for: iproute2's module prints its options and fails
// with 1, on stderr except vxcan's (stdout, as veth's); macsec's parser
// has no "help" and names it as an unknown command first.
func TestRequestOnlyKindHelp(t *testing.T) {
	for _, kind := range requestOnlyKinds {
		text, _ := requestOnlyHelp(kind)
		if !strings.HasPrefix(text, "Usage: ") || !strings.Contains(text, kind) {
			t.Errorf("help for %s = %q", kind, text)
		}
		if _, ok := iproute2Kinds()[kind]; !ok || LookupKind(kind) != nil {
			t.Errorf("%s: a request-only help for a kind gip parses or iproute2 lacks", kind)
		}
		var out, errOut strings.Builder
		p := &Parser{MsgType: 16, Create: true, Stdout: &out, Stderr: &errOut}
		_, err := p.Build(cmdline.NewArgs([]string{"type", kind, "help"}))
		var ce *cmdline.Error
		if !errors.As(err, &ce) || ce.Code != 1 {
			t.Errorf("add type %s help: %v, want exit 1", kind, err)
		}
		want, other := &errOut, &out
		if kind == "vxcan" {
			want, other = &out, &errOut
		}
		prefix := ""
		if kind == "macsec" {
			prefix = "macsec: unknown command \"help\"?\n"
		}
		if want.String() != prefix+text || other.Len() != 0 {
			t.Errorf("add type %s help: stdout %q, stderr %q", kind, out.String(), errOut.String())
		}
	}
}
