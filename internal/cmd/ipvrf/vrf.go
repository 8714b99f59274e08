// Package ipvrf is `ip vrf`: VRF devices (show lists what a kind filtered
// link dump finds) and the cgroups that bind processes to them (exec,
// pids, identify), on the vrf package.
package ipvrf

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"strconv"
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

// vrfIndex is name_is_vrf: the index of VRF name, 0 when name is no VRF.
func vrfIndex(env *cli.Env, name string) (int, error) {
	idx, _, _, err := lookup(env, name)
	return int(idx), err
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
