// Package ipvrf is `ip vrf`: VRF devices and the cgroups that bind processes
// to them. gip's kernels have no VRF devices, so every name is refused
// after the same link request iproute2 sends; show lists what a kind
// filtered link dump finds.
package ipvrf

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/gipnet/gip/format"
	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/internal/cnum"
	"github.com/gipnet/gip/internal/usage"
	"github.com/gipnet/gip/rtnl"
	"github.com/gipnet/gip/vrf"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// Run is `ip vrf`. Verbs are tried in iproute2's order ("i" is
// identify, "p" pids, "e" exec, "s" show, "l" lst).
func Run(env *cli.Env, args *cmdline.Args) error {
	if !args.More() {
		return show(env, nil)
	}
	w := args.Next()
	rest := args.Rest()
	m := func(kw string) bool { return cmdline.Matches(w, kw) }
	switch {
	case m("identify"):
		return identify(env, rest)
	case m("pids"):
		return pids(env, rest)
	case m("exec"):
		return execCmd(env, rest)
	case m("show") || m("lst") || m("list"):
		return show(env, rest)
	case m("help"):
		return usageText(env)
	}
	return cmdline.Fatal(cmdline.StatusUsage, "Command \"%s\" is unknown, try \"ip vrf help\".", w)
}

func usageText(env *cli.Env) error {
	env.P.Flush()
	usage.Vrf(env.Stderr)
	return cmdline.Usage()
}

// lookup asks for the link name and returns its index and VRF table when
// it is a VRF (index 0 when it is not one, or there is no such link), and
// the errno of a refusal.
func lookup(env *cli.Env, name string) (idx int32, table uint32, errno unix.Errno, err error) {
	c, err := env.Conn()
	if err != nil {
		return 0, 0, 0, err
	}
	m, err := c.Query(unix.RTM_GETLINK, 0, vrf.LinkRequest(env.Opts.Family, name))
	if err != nil {
		if ne, ok := err.(*rtnl.Error); ok {
			return 0, 0, ne.Errno, nil
		}
		return 0, 0, 0, nil
	}
	ifi, attrs, err := rtnl.ParseIfInfomsg(m.Data)
	if err != nil {
		env.Warnf("BUG: Invalid response to link query.\n")
		return 0, 0, 0, nil
	}
	kind, table, _ := vrf.LinkInfo(attrs)
	if kind != "vrf" {
		return 0, 0, 0, nil
	}
	return ifi.Index, table, 0, nil
}

// show is ipvrf_show.
func show(env *cli.Env, words []string) error {
	if len(words) > 1 {
		return usageText(env)
	}
	if len(words) == 1 {
		name := words[0]
		_, table, errno, err := lookup(env, name)
		if err != nil {
			return err
		}
		if errno == unix.ENODEV && name == "default" {
			table = unix.RT_TABLE_MAIN
		}
		if table == 0 {
			return cmdline.Exit(cmdline.StatusUsage, "Invalid VRF")
		}
		fmt.Fprintf(env.P.Writer(), "%s %d\n", name, table)
		return nil
	}
	c, err := env.Conn()
	if err != nil {
		return err
	}
	p := env.P
	p.Begin()
	p.String(format.Text, "", "%-16s", "Name")
	p.String(format.Text, "", "  %5s\n", "Table")
	p.String(format.Text, "", "%s\n", "-----------------------")
	n := 0
	err = c.Dump(unix.RTM_GETLINK, vrf.DumpRequest(), func(m netlink.Message) error {
		if printLink(env, m.Data) {
			n++
		}
		return nil
	})
	if err != nil {
		p.End()
		env.Warnf("%s\n", err)
		return cmdline.Exit(cmdline.StatusUsage, "")
	}
	if n == 0 {
		p.String(format.Text, "", "%s\n", "No VRF has been configured")
	}
	p.End()
	return nil
}

// printLink is ipvrf_print: a VRF's name and table; it reports whether
// it printed one.
func printLink(env *cli.Env, b []byte) bool {
	ifi, attrs, err := rtnl.ParseIfInfomsg(b)
	if err != nil {
		return false
	}
	var name string
	hasName := false
	a := rtnl.NewAttrs(attrs)
	for a.Next() {
		if a.Type() == unix.IFLA_IFNAME {
			name, hasName = a.String(), true
		}
	}
	if !hasName {
		env.Warnf("BUG: device with ifindex %d has nil ifname\n", ifi.Index)
		return false
	}
	kind, table, _ := vrf.LinkInfo(attrs)
	if kind != "vrf" {
		return false
	}
	if table == 0 {
		env.Warnf("BUG: VRF %s is missing table id\n", name)
		return false
	}
	p := env.P
	p.OpenObject("")
	p.String(format.Any, "name", "%-16s", name)
	p.Uint(format.Any, "table", " %5u", uint64(table))
	p.Text("\n")
	p.CloseObject()
	return true
}

// identify is ipvrf_identify: the VRF of a process, from its cgroup.
func identify(env *cli.Env, words []string) error {
	pid := uint64(os.Getpid())
	switch {
	case len(words) > 1:
		return cmdline.InvalidArg("Extra arguments specified\n", words[1])
	case len(words) == 1:
		v, ok := cnum.Uint(words[0], 10, 1<<32-1)
		if !ok {
			return cmdline.InvalidArg("Invalid pid\n", words[0])
		}
		pid = v
	}
	f, err := os.Open("/proc/" + strconv.FormatInt(int64(int32(uint32(pid))), 10) + "/cgroup")
	if err != nil {
		return cmdline.Exit(cmdline.StatusFailed, "Failed to lookup vrf association: %s", rtnl.Strerror(errnoOf(err)))
	}
	defer f.Close()
	r := bufio.NewReader(f)
	for {
		line, err := r.ReadString('\n')
		if line != "" && strings.Contains(line, "::/") {
			if i := strings.Index(line, "/vrf/"); i >= 0 {
				name := strings.TrimSuffix(line[i+5:], "\n")
				if j := strings.IndexByte(name, '\n'); j >= 0 {
					name = name[:j]
				}
				if len(name) > 31 {
					name = name[:31]
				}
				if name != "" {
					fmt.Fprintf(env.P.Writer(), "%s\n", name)
				}
				return nil
			}
		}
		if err != nil {
			return nil
		}
	}
}

func errnoOf(err error) unix.Errno {
	if pe, ok := err.(*os.PathError); ok {
		if e, ok := pe.Err.(unix.Errno); ok {
			return e
		}
	}
	return unix.EIO
}

// isVRF is name_is_vrf.
func isVRF(env *cli.Env, name string) (bool, error) {
	idx, _, _, err := lookup(env, name)
	return idx != 0, err
}

// pids is ipvrf_pids. No name is a VRF here, so it ends before it would
// read the cgroup tree.
func pids(env *cli.Env, words []string) error {
	if len(words) != 1 {
		return cmdline.Exit(cmdline.StatusFailed, "Invalid arguments")
	}
	ok, err := isVRF(env, words[0])
	if err != nil {
		return err
	}
	if !ok {
		return cmdline.Exit(cmdline.StatusFailed, "Invalid VRF name")
	}
	return cmdline.Exit(cmdline.StatusFailed, "ip vrf pids is not implemented in gip yet.")
}

// execCmd is ipvrf_exec: iproute2 switches cgroup (after checking the
// name) in a forked copy under -batch, else in itself, then execs.
func execCmd(env *cli.Env, words []string) error {
	if len(words) < 1 {
		return cmdline.Exit(cmdline.StatusFailed, "No VRF name specified")
	}
	if len(words) < 2 {
		return cmdline.Exit(cmdline.StatusFailed, "No command specified")
	}
	name := words[0]
	if name == "default" {
		return cmdline.Exit(cmdline.StatusFailed, "ip vrf exec default is not implemented in gip yet.")
	}
	ok, err := isVRF(env, name)
	if err != nil {
		return err
	}
	if ok {
		return cmdline.Exit(cmdline.StatusFailed, "ip vrf exec is not implemented in gip yet.")
	}
	env.Warnf("Invalid VRF name\n")
	if env.InBatch && env.ForkedCopy != nil {
		// iproute2's forked copy failed its switch and went on with
		// the batch; its status is the command's.
		if env.ForkedCopy(true) == 0 {
			return nil
		}
		return cmdline.Silent(cmdline.StatusFailed)
	}
	return cmdline.Silent(cmdline.StatusUsage)
}
