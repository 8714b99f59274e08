package route

import (
	"testing"

	"github.com/gipnet/gip/internal/cmdline"
)

// TestEncapKeywordOnce: each seg6 keyword takes a value and may be given
// once, failing as iproute2's duparg2 and NEXT_ARG do.
func TestEncapKeywordOnce(t *testing.T) {
	tests := []struct {
		words []string
		want  string
	}{
		{[]string{"mode", "encap", "mode", "inline"}, `Error: either "mode" is duplicate, or "inline" is a garbage.`},
		{[]string{"mode", "encap", "segs", "2001:db8::1", "segs", "2001:db8::2"}, `Error: either "segs" is duplicate, or "2001:db8::2" is a garbage.`},
		{[]string{"mode", "encap", "segs"}, `Command line is not complete. Try option "help"`},
	}
	for _, tt := range tests {
		_, err := parseEncapSeg6(cmdline.NewArgs(tt.words))
		if err == nil || err.Error() != tt.want {
			t.Errorf("parseEncapSeg6(%q) = %v, want %q", tt.words, err, tt.want)
		}
	}
}
