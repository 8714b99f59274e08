// Package version says which gip this is, for the -V lines of ip, bridge
// and brctl: they keep the reference tools' words (scripts parse
// "iproute2-6.1.0") and add gip's own version after them.
package version

import "runtime/debug"

// stamp is gip's version as make sets it from `git describe` (linker flag
// -X github.com/gipnet/gip/internal/version.stamp=…); empty in a plain go
// build or go install, where the build info speaks instead.
var stamp string

// Iproute2 and BridgeUtils are the releases whose behaviour gip follows.
const (
	Iproute2    = "6.1.0"
	BridgeUtils = "1.7"
)

// Gip is gip's own version: make's stamp, else the module version go
// install recorded (v1.2.3 or a pseudo-version), else the VCS revision go
// build recorded ("devel-<12 hex digits>", "-dirty" when the tree had
// changes), else "devel".
func Gip() string {
	if stamp != "" {
		return stamp
	}
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "devel"
	}
	return fromBuildInfo(bi)
}

func fromBuildInfo(bi *debug.BuildInfo) string {
	if v := bi.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	rev, dirty := "", false
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			dirty = s.Value == "true"
		}
	}
	if rev == "" {
		return "devel"
	}
	v := "devel-" + rev[:min(12, len(rev))]
	if dirty {
		v += "-dirty"
	}
	return v
}

// IPLine is `ip -V`'s line: iproute2's words up to its version, then gip's
// (iproute2 6.1 names the libbpf it links there; gip has none).
func IPLine() string { return "ip utility, iproute2-" + Iproute2 + ", gip " + Gip() }

// BridgeLine is `bridge -V`'s line.
func BridgeLine() string { return "bridge utility, " + Iproute2 + ", gip " + Gip() }

// BrctlLine is `brctl -V`'s line.
func BrctlLine() string { return "bridge-utils, " + BridgeUtils + ", gip " + Gip() }
