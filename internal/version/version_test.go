package version

import (
	"runtime/debug"
	"strings"
	"testing"
)

func TestFromBuildInfo(t *testing.T) {
	for _, tc := range []struct {
		main     string
		settings map[string]string
		want     string
	}{
		{"v1.2.3", nil, "v1.2.3"},
		{"v0.0.0-20261206050000-0123456789ab", map[string]string{"vcs.revision": "ffff"}, "v0.0.0-20261206050000-0123456789ab"},
		{"(devel)", map[string]string{"vcs.revision": "0123456789abcdef0123", "vcs.modified": "false"}, "devel-0123456789ab"},
		{"(devel)", map[string]string{"vcs.revision": "0123456789abcdef0123", "vcs.modified": "true"}, "devel-0123456789ab-dirty"},
		{"(devel)", map[string]string{"vcs.revision": "abc"}, "devel-abc"},
		{"", nil, "devel"},
	} {
		bi := &debug.BuildInfo{Main: debug.Module{Version: tc.main}}
		for k, v := range tc.settings {
			bi.Settings = append(bi.Settings, debug.BuildSetting{Key: k, Value: v})
		}
		if got := fromBuildInfo(bi); got != tc.want {
			t.Errorf("fromBuildInfo(%q, %v) = %q, want %q", tc.main, tc.settings, got, tc.want)
		}
	}
}

// The lines keep the words scripts parse: `ip -V | grep -o 'iproute2-[0-9.]*'`,
// awk's $3 with its comma, bridge's and brctl's second field.
func TestLines(t *testing.T) {
	old := stamp
	defer func() { stamp = old }()
	stamp = "v0.9.0-3-g0123abc"
	for _, tc := range []struct{ got, want string }{
		{IPLine(), "ip utility, iproute2-6.1.0, gip v0.9.0-3-g0123abc"},
		{BridgeLine(), "bridge utility, 6.1.0, gip v0.9.0-3-g0123abc"},
		{BrctlLine(), "bridge-utils, 1.7, gip v0.9.0-3-g0123abc"},
	} {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
	if f := strings.Fields(IPLine()); f[2] != "iproute2-6.1.0," {
		t.Errorf("ip -V's third field is %q, want iproute2-6.1.0,", f[2])
	}
	stamp = ""
	if v := Gip(); v == "" || strings.ContainsAny(v, " ,\n") {
		t.Errorf("Gip() without a stamp = %q: want one word", v)
	}
}
