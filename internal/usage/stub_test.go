package usage

import (
	"bytes"
	"errors"
	"testing"

	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cmdline"
)

func TestStubRun(t *testing.T) {
	s := &Stub{Name: "x", Usage: Text(Netconf), Unknown: `Command "%s" is unknown, try "ip x help".`,
		Verbs: []string{"show", "=exact", "help"},
		Sub:   map[string]*Stub{"exact": {Name: "x y", Usage: Text(Token), HelpOK: true, Verbs: []string{"=help"}}}}
	for _, tc := range []struct {
		words   []string
		code    int
		stderr  string
		usageOf string
	}{
		{nil, 1, "", ""},
		{[]string{"h"}, 255, "", "Usage: ip netconf"},
		{[]string{"sh"}, 1, "", ""},
		{[]string{"ex"}, 255, `Command "ex" is unknown, try "ip x help".`, ""},
		{[]string{"exact", "help"}, 0, "", "Usage: ip token"},
		{[]string{""}, 255, `Command "" is unknown, try "ip x help".`, ""},
	} {
		var out, errw bytes.Buffer
		env := cli.NewEnv(cli.Options{}, nil, &out, &errw)
		err := s.Run(env, tc.words)
		code := 0
		var ce *cmdline.Error
		if errors.As(err, &ce) {
			code = ce.Code
			if ce.Msg != "" {
				errw.WriteString(ce.Msg)
			}
		}
		if code != tc.code {
			t.Errorf("Run(%q) status %d, want %d", tc.words, code, tc.code)
		}
		if tc.stderr != "" && errw.String() != tc.stderr {
			t.Errorf("Run(%q) stderr %q, want %q", tc.words, errw.String(), tc.stderr)
		}
		if tc.usageOf != "" && !bytes.HasPrefix(errw.Bytes(), []byte(tc.usageOf)) {
			t.Errorf("Run(%q) stderr %q, want the usage %q", tc.words, errw.String(), tc.usageOf)
		}
		if out.Len() != 0 {
			t.Errorf("Run(%q) wrote %q to stdout", tc.words, out.String())
		}
	}
}
