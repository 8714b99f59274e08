package ipnetns

import (
	"errors"
	"os"
	"runtime"
	"syscall"

	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/internal/execvp"
	"github.com/gipnet/gip/netns"
	"github.com/gipnet/gip/rtnl"
	"golang.org/x/sys/unix"
)

// execCmd is `ip netns exec NAME CMD…` and `ip -all netns exec CMD…`.
func execCmd(env *cli.Env, words []string) error {
	all := env.Opts.All
	if len(words) < 1 && !all {
		return fail(env, 1, "No netns name specified")
	}
	if (len(words) < 2 && !all) || (len(words) < 1 && all) {
		return fail(env, 1, "No command specified")
	}
	if all {
		return execAll(env, words)
	}
	if !env.InBatch {
		return execIn(env, words[0], words[1:])
	}
	r := runIn(env, words[0], words[1:])
	switch {
	case r.setupFailed:
		// iproute2's forked copy of ip goes on with the batch; its exit
		// status is the command's.
		if env.ForkedCopy(true) == 0 {
			return nil
		}
		return cmdline.Silent(cmdline.StatusFailed)
	case r.status.Signaled():
		return cmdline.Exited(cmdline.StatusFailed) // iproute2's parent exits at once

	case r.err != nil:
		return fail(env, 1, "%s", r.err.Error())
	case r.status.ExitStatus() != 0:
		return cmdline.Silent(r.status.ExitStatus())
	}
	return nil
}

// execAll runs the command in every namespace under /run/netns, in
// directory order, each after a "\nnetns: NAME\n" header. The commands'
// statuses are ignored; a command killed by a signal ends ip with status 1.
func execAll(env *cli.Env, argv []string) error {
	names, err := netns.Names()
	if err != nil {
		if errors.Is(err, unix.ENOENT) {
			return nil
		}
		return fail(env, 1, "Failed to open directory %s: %s", netns.RunDir, rtnl.ErrnoText(err))
	}
	if execEach(env, names, argv) {
		return cmdline.Exited(cmdline.StatusFailed)
	}
	return nil
}

// execEach is the loop of execAll; it reports whether ip would exit now. When
// iproute2's forked child cannot enter a namespace it prints why and then,
// still a copy of ip, carries on with the rest of the list before the parent
// does too: the rest runs twice. gip reproduces that by recursion.
func execEach(env *cli.Env, names, argv []string) bool {
	for i, n := range names {
		env.P.Writer().WriteString("\nnetns: " + n + "\n")
		r := runIn(env, n, argv)
		switch {
		case r.setupFailed:
			// The child's run; then, under -batch, it goes on with the
			// rest of the batch. Its status is ignored.
			if !execEach(env, names[i+1:], argv) && env.ForkedCopy != nil {
				env.ForkedCopy(false)
			}
		case r.err != nil:
			env.Warnf("%s\n", r.err.Error())
			return true
		case r.status.Signaled():
			return true
		}
	}
	return false
}

type result struct {
	setupFailed bool  // entering the namespace failed (and was reported)
	err         error // starting or waiting for the child failed
	status      syscall.WaitStatus
}

// execIn replaces gip with argv run in the namespace name, as iproute2
// does: the calling thread enters the namespaces and execs. It returns only
// on failure.
func execIn(env *cli.Env, name string, argv []string) error {
	env.P.Flush()
	// Never unlocked: the thread leaves gip's namespaces for good.
	runtime.LockOSThread()
	if !switchFromN(env, name) {
		return cmdline.Silent(cmdline.StatusUsage)
	}
	err := execvp.Exec(argv)
	env.Warnf("exec of \"%s\" failed: %s\n", argv[0], rtnl.ErrnoText(err))
	return cmdline.Silent(cmdline.StatusFailed)
}

// runIn runs argv in the namespace name and waits for it (under -batch and
// -all, where iproute2 forks). The fork is made from a thread that has
// entered the namespaces, so the child starts inside them; the thread is
// then retired with its goroutine.
func runIn(env *cli.Env, name string, argv []string) result {
	env.P.Flush()
	var r result
	netns.OnThrowawayThread(func() {
		if !switchFromN(env, name) {
			r = result{setupFailed: true}
			return
		}
		path, err := execvp.LookPath(argv[0])
		if err == nil {
			var p *os.Process
			p, err = os.StartProcess(path, argv, &os.ProcAttr{Files: []*os.File{os.Stdin, os.Stdout, os.Stderr}})
			if err == nil {
				st, werr := p.Wait()
				if werr != nil {
					r = result{err: werr}
					return
				}
				r = result{status: st.Sys().(syscall.WaitStatus)}
				return
			}
		}
		env.Warnf("exec of \"%s\" failed: %s\n", argv[0], rtnl.ErrnoText(err))
		r = result{status: syscall.WaitStatus(1 << 8)} // exited 1, as the forked ip does
	})
	return r
}

// switchFromN is switchTo as iproute2 makes it under -n NS: its process
// switched to NS (mount namespace and /etc/netns/NS binds included) when it
// started, so the command's switch starts from there, and /etc files bound
// for NS stay in view where NAME has none of its own.
func switchFromN(env *cli.Env, name string) bool {
	if env.Opts.NetNS != "" && !switchTo(env, env.Opts.NetNS) {
		return false
	}
	return switchTo(env, name)
}

// switchTo is netns.Switch on the calling, locked thread, with what fails
// printed as iproute2 prints it; it reports success.
func switchTo(env *cli.Env, name string) bool {
	if err := netns.Switch(name, warn(env)); err != nil {
		env.Warnf("%s\n", err.Error())
		return false
	}
	return true
}
