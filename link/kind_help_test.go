package link

import (
	"strings"
	"testing"
)

// TestKindHelp checks that every kind iproute2 has help for prints some on
// stdout for `ip link help TYPE`, and that gip's own kinds with options
// describe themselves (their usage starts with "Usage: ..." or, as hsr's
// does, "Usage:\t…", and names the kind).
func TestKindHelp(t *testing.T) {
	for name, has := range iproute2Kinds {
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
		if _, ok := iproute2Kinds[k.Name]; !ok {
			t.Errorf("kind %s is not one iproute2 6.1 knows", k.Name)
		}
	}
}
