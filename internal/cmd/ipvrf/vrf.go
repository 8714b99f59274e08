// Package ipvrf is `ip vrf`: VRF devices (show lists what a kind filtered
// link dump finds) and the cgroups that bind processes to them (exec,
// pids, identify), on the vrf package.
package ipvrf

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"syscall"

	"github.com/gipnet/gip/format"
	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/internal/cnum"
	"github.com/gipnet/gip/internal/execvp"
	"github.com/gipnet/gip/internal/usage"
	"github.com/gipnet/gip/netns"
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

// linkAnswer is what the kernel said of a name `ip vrf` looked up.
type linkAnswer struct {
	index   int        // the VRF's index; 0 when the link is no VRF, or there is none
	table   uint32     // the VRF's table, when it names one
	hasData bool       // the VRF's link info has IFLA_INFO_DATA
	errno   unix.Errno // the kernel's refusal of the request
}

// lookup asks for the link name with the request iproute2's name_is_vrf
// and ipvrf_get_table send; a refusal is the answer's errno.
func lookup(env *cli.Env, name string) (linkAnswer, error) {
	c, err := env.Conn()
	if err != nil {
		return linkAnswer{}, err
	}
	m, err := c.Query(unix.RTM_GETLINK, 0, vrf.LinkRequest(env.Opts.Family, name))
	if err != nil {
		if ne, ok := err.(*rtnl.Error); ok {
			return linkAnswer{errno: ne.Errno}, nil
		}
		return linkAnswer{}, nil
	}
	ifi, attrs, err := rtnl.ParseIfInfomsg(m.Data)
	if err != nil {
		env.Warnf("BUG: Invalid response to link query.\n")
		return linkAnswer{}, nil
	}
	kind, table, hasData := vrf.LinkInfo(attrs)
	if kind != "vrf" {
		return linkAnswer{}, nil
	}
	return linkAnswer{index: int(ifi.Index), table: table, hasData: hasData}, nil
}

// show is ipvrf_show.
func show(env *cli.Env, words []string) error {
	if len(words) > 1 {
		return usageText(env)
	}
	if len(words) == 1 {
		name := words[0]
		a, err := lookup(env, name)
		if err != nil {
			return err
		}
		table := a.table
		switch {
		case a.errno == unix.ENODEV && name == "default":
			table = unix.RT_TABLE_MAIN
		case a.index != 0 && a.hasData && table == 0:
			env.Warnf("BUG: VRF %s is missing table id\n", name)
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
	// iproute2 prints its unsigned pid with %d.
	name, err := vrf.Identify(int(int32(uint32(pid))))
	if err != nil {
		return cmdline.Exit(cmdline.StatusFailed, "Failed to lookup vrf association: %s", rtnl.ErrnoText(err))
	}
	if name != "" {
		fmt.Fprintf(env.P.Writer(), "%s\n", name)
	}
	return nil
}

// vrfIndex is name_is_vrf: the index of VRF name, 0 when name is no VRF.
func vrfIndex(env *cli.Env, name string) (int, error) {
	a, err := lookup(env, name)
	return a.index, err
}

// pids is ipvrf_pids: the processes in the VRF's cgroups, found as
// vrf.Processes finds them in the cgroup2 tree of the -n namespace.
func pids(env *cli.Env, words []string) error {
	if len(words) != 1 {
		return cmdline.Exit(cmdline.StatusFailed, "Invalid arguments")
	}
	idx, err := vrfIndex(env, words[0])
	if err != nil {
		return err
	}
	if idx == 0 {
		return cmdline.Exit(cmdline.StatusFailed, "Invalid VRF name")
	}
	var procs []vrf.Process
	ok := true
	netns.OnThrowawayThread(func() {
		// The mount table and namespace name are the thread's.
		if ok = switchNetNS(env); ok {
			procs, err = vrf.Processes(words[0])
		}
	})
	if !ok {
		return cmdline.Silent(cmdline.StatusFailed)
	}
	printProcesses(env.P.Writer(), procs)
	if err != nil {
		var ve *vrf.Error
		if errors.As(err, &ve) {
			env.Warnf("%s\n", ve.Msg)
		}
		return cmdline.Silent(cmdline.StatusFailed)
	}
	return nil
}

// printProcesses is ipvrf_pids' listing: "PID  COMM" lines, the pid
// right-aligned in five columns, in every output mode.
func printProcesses(w io.Writer, procs []vrf.Process) {
	for _, p := range procs {
		// printf's %5s pads bytes, not runes.
		fmt.Fprintf(w, "%s%s  %s\n", strings.Repeat(" ", max(0, 5-len(p.PID))), p.PID, p.Comm)
	}
}

// execCmd is ipvrf_exec: `ip vrf exec NAME CMD…` joins the VRF's cgroup
// (NAME default: the default VRF's, see vrf.Cgroup) and execs CMD; for a
// VRF it first attaches the program that binds the cgroup's sockets to the
// VRF (vrf.BindSockets). Under -batch iproute2 does so in a forked copy of
// itself and waits for it; gip starts CMD inside the cgroup
// (CLONE_INTO_CGROUP) and waits, ip itself staying out of it.
func execCmd(env *cli.Env, words []string) error {
	if len(words) < 1 {
		return cmdline.Exit(cmdline.StatusFailed, "No VRF name specified")
	}
	if len(words) < 2 {
		return cmdline.Exit(cmdline.StatusFailed, "No command specified")
	}
	name, argv := words[0], words[1:]
	idx := 0
	if name != "default" {
		var err error
		if idx, err = vrfIndex(env, name); err != nil {
			return err
		}
	}
	// prepare is iproute2's vrf_switch up to the join, on the calling
	// (locked) thread; what fails is printed.
	prepare := func() (string, bool) {
		if name != "default" && idx == 0 {
			env.Warnf("Invalid VRF name\n")
			return "", false
		}
		if !switchNetNS(env) {
			return "", false
		}
		cgroupName := ""
		if idx != 0 {
			cgroupName = name
		}
		dir, err := vrf.Cgroup(cgroupName)
		if err == nil && idx != 0 {
			err = vrf.BindSockets(dir, idx)
		}
		if err != nil {
			env.Warnf("%s\n", err)
			return "", false
		}
		return dir, true
	}
	env.P.Flush()
	if !env.InBatch {
		// Never unlocked: a -n switch is this thread's for good.
		runtime.LockOSThread()
		dir, ok := prepare()
		if !ok {
			return cmdline.Silent(cmdline.StatusUsage)
		}
		if err := vrf.Join(dir, 0); err != nil {
			env.Warnf("%s\n", err)
			return cmdline.Silent(cmdline.StatusUsage)
		}
		err := execvp.Exec(argv)
		env.Warnf("exec of \"%s\" failed: %s\n", argv[0], rtnl.ErrnoText(err))
		return cmdline.Silent(cmdline.StatusFailed)
	}
	var (
		setupFailed bool
		status      syscall.WaitStatus
		waitErr     error
	)
	netns.OnThrowawayThread(func() {
		dir, ok := prepare()
		if ok {
			if err := vrf.CheckJoin(dir); err != nil {
				env.Warnf("%s\n", err)
				ok = false
			}
		}
		if !ok {
			setupFailed = true
			return
		}
		status, waitErr, setupFailed = runIn(env, dir, argv)
	})
	switch {
	case setupFailed:
		// iproute2's forked copy failed its switch and went on with
		// the batch; its status is the command's.
		if env.ForkedCopy(true) == 0 {
			return nil
		}
		return cmdline.Silent(cmdline.StatusFailed)
	case waitErr != nil:
		return cmdline.Exit(cmdline.StatusFailed, "waitpid: %s", rtnl.ErrnoText(waitErr))
	case status.Signaled():
		return cmdline.Exited(cmdline.StatusFailed) // iproute2's parent exits at once
	case status.ExitStatus() != 0:
		return cmdline.Silent(status.ExitStatus())
	}
	return nil
}

// switchNetNS enters the -n namespace (as iproute2 did when it started) on
// the calling, locked thread; a failure is printed.
func switchNetNS(env *cli.Env) bool {
	if env.Opts.NetNS == "" {
		return true
	}
	if err := netns.Switch(env.Opts.NetNS, func(msg string) { env.Warnf("%s\n", msg) }); err != nil {
		env.Warnf("%s\n", err)
		return false
	}
	return true
}

// runIn starts argv inside the cgroup dir and waits for it. A command that
// cannot be found or run is reported as the forked ip reports it (status
// 1); a cgroup the kernel will not start it in is iproute2's failed join.
func runIn(env *cli.Env, dir string, argv []string) (status syscall.WaitStatus, waitErr error, setupFailed bool) {
	cg, err := unix.Open(dir, unix.O_DIRECTORY|unix.O_RDONLY|unix.O_CLOEXEC, 0)
	if err != nil {
		env.Warnf("Failed to join cgroup\n")
		return 0, nil, true
	}
	defer unix.Close(cg)
	path, err := execvp.LookPath(argv[0])
	if err == nil {
		var p *os.Process
		p, err = os.StartProcess(path, argv, &os.ProcAttr{
			Files: []*os.File{os.Stdin, os.Stdout, os.Stderr},
			Sys:   &syscall.SysProcAttr{UseCgroupFD: true, CgroupFD: cg},
		})
		if err == nil {
			st, werr := p.Wait()
			if werr != nil {
				return 0, werr, false
			}
			return st.Sys().(syscall.WaitStatus), nil, false
		}
		if !errors.Is(err, unix.ENOENT) && !errors.Is(err, unix.EACCES) && !errors.Is(err, unix.ENOEXEC) {
			env.Warnf("Failed to join cgroup\n")
			return 0, nil, true
		}
	}
	env.Warnf("exec of \"%s\" failed: %s\n", argv[0], rtnl.ErrnoText(err))
	return syscall.WaitStatus(1 << 8), nil, false // exited 1, as the forked ip does
}
