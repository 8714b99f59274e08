// Package bridge is brctl (bridge-utils) and the `bridge` command, both
// reading bridges over netlink rather than sysfs.
package bridge

import "github.com/gipnet/gip/internal/cli"

// Brctl is the brctl applet.
func Brctl(env *cli.Env, args *cli.Args) error {
	return cli.Exit(1, "brctl: not implemented yet")
}

// Bridge is the bridge applet.
func Bridge(env *cli.Env, args *cli.Args) error {
	return cli.Exit(1, "bridge: not implemented yet")
}
