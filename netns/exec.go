package netns

import (
	"errors"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/gipnet/gip/internal/cli"
	"golang.org/x/sys/unix"
)

// EtcDir holds per-namespace files that `ip netns exec` mounts over /etc.
const EtcDir = "/etc/netns"

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
	r := runIn(env, words[0], words[1:], env.InBatch)
	switch {
	case r.setupFailed:
		if env.InBatch {
			return cli.Silent(1)
		}
		return cli.Silent(255)
	case r.err != nil:
		return fail(env, 1, "%s", r.err.Error())
	case r.status.Signaled():
		if env.InBatch {
			return cli.Silent(1)
		}
		// Without -batch iproute2 replaces itself with the command, so
		// whoever waits for ip sees the command's death by signal.
		env.Close()
		dieBySignal(r.status.Signal())
		return cli.Silent(128 + int(r.status.Signal()))
	case r.status.ExitStatus() != 0:
		return cli.Silent(r.status.ExitStatus())
	}
	return nil
}

// execAll runs the command in every namespace under /run/netns, in
// directory order, each after a "\nnetns: NAME\n" header. The commands'
// statuses are ignored; a command killed by a signal ends ip with status 1.
func execAll(env *cli.Env, argv []string) error {
	names, err := Names()
	if err != nil {
		if errors.Is(err, unix.ENOENT) {
			return nil
		}
		return fail(env, 1, "Failed to open directory %s: %s", RunDir, strerror(err))
	}
	if execEach(env, names, argv) {
		return cli.Silent(1)
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
		r := runIn(env, n, argv, true)
		switch {
		case r.setupFailed:
			execEach(env, names[i+1:], argv) // the child's run; it ends with status 0
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

// forwarded are the signals that, sent to gip, are passed on to the command
// (iproute2 is the command, so they would reach it). SIGINT and SIGQUIT come
// from the terminal to the whole process group, the command included, and
// are only kept from killing gip.
var (
	forwarded = []os.Signal{unix.SIGTERM, unix.SIGHUP, unix.SIGUSR1, unix.SIGUSR2, unix.SIGALRM}
	held      = []os.Signal{unix.SIGINT, unix.SIGQUIT}
)

// runIn runs argv in the namespace name, as iproute2's netns_switch and
// execvp do, in a forked child (see spawn), and waits for it. With
// wantSetup, a failure to set the child up is told apart from the
// command's own exit status.
func runIn(env *cli.Env, name string, argv []string, wantSetup bool) result {
	env.P.Flush()
	fd, err := unix.Open(RunDir+"/"+name, unix.O_RDONLY|unix.O_CLOEXEC, 0)
	if err != nil {
		env.Warnf("Cannot open network namespace \"%s\": %s\n", name, strerror(err))
		return result{setupFailed: true}
	}
	defer unix.Close(fd)

	s := newSpawn(fd, name, argv)
	var pipe [2]int
	if wantSetup {
		if err := unix.Pipe2(pipe[:], unix.O_CLOEXEC); err != nil {
			return result{err: os.NewSyscallError("pipe", err)}
		}
		s.pipe = uintptr(pipe[1])
	}

	sigs := make(chan os.Signal, 8)
	signal.Notify(sigs, append(forwarded, held...)...)
	defer signal.Stop(sigs)

	pid, errno := s.start()
	if s.pidfd >= 0 {
		defer unix.Close(int(s.pidfd))
	}
	if wantSetup {
		unix.Close(pipe[1])
		defer unix.Close(pipe[0])
	}
	if errno != 0 {
		return result{err: os.NewSyscallError("fork", errno)}
	}

	stop := make(chan struct{})
	go func() {
		for {
			select {
			case sig := <-sigs:
				if sig != unix.SIGINT && sig != unix.SIGQUIT {
					unix.Kill(pid, sig.(syscall.Signal))
				}
			case <-stop:
				return
			}
		}
	}()
	ws, err := waitChild(pid, int(s.pidfd))
	close(stop)
	if err != nil {
		return result{err: os.NewSyscallError("waitpid", err)}
	}
	r := result{status: ws}
	if wantSetup {
		var b [1]byte
		if n, _ := unix.Read(pipe[0], b[:]); n == 1 {
			r.setupFailed = true
		}
	}
	return r
}

// waitChild reaps the child. With a pidfd it waits in the runtime's poller,
// where an idle Go process sleeps; a goroutine blocked in wait4 keeps the
// runtime's monitor thread polling.
func waitChild(pid, pidfd int) (syscall.WaitStatus, error) {
	var ws syscall.WaitStatus
	if pidfd >= 0 && unix.SetNonblock(pidfd, true) == nil {
		if fd, err := unix.Dup(pidfd); err == nil {
			f := os.NewFile(uintptr(fd), "pidfd")
			rc, err := f.SyscallConn()
			var werr error
			if err == nil {
				err = rc.Read(func(uintptr) bool {
					wpid, err := syscall.Wait4(pid, &ws, syscall.WNOHANG, nil)
					if err == syscall.EINTR {
						return false
					}
					if err != nil {
						werr = err
						return true
					}
					return wpid == pid
				})
			}
			f.Close()
			if err == nil {
				return ws, werr
			}
		}
	}
	for {
		_, err := syscall.Wait4(pid, &ws, 0, nil)
		if err != syscall.EINTR {
			return ws, err
		}
	}
}

// dieBySignal ends gip by sig, with the default action, so that its parent
// sees the death the command died. It returns only when sig does not kill.
func dieBySignal(sig syscall.Signal) {
	signal.Reset(sig)
	var act [4]uintptr // struct sigaction all zero: SIG_DFL, no flags, empty mask
	rawSigaction(uintptr(sig), &act, nil)
	set := uint64(1) << (uint(sig) - 1)
	rawSigprocmask(unix.SIG_UNBLOCK, &set, nil)
	unix.Tgkill(unix.Getpid(), unix.Gettid(), sig)
}

// defaultPath is glibc's search path when PATH is unset.
const defaultPath = "/bin:/usr/bin"

// searchPath lists the files execvp tries for file, in order: file itself
// when it has a slash, else file in each PATH directory (an empty one is the
// current directory). It also says which error execvp gives without trying
// any (0 when it tries them).
func searchPath(file string) ([]string, syscall.Errno) {
	if file == "" {
		return nil, unix.ENOENT
	}
	if strings.IndexByte(file, '/') >= 0 {
		return []string{file}, 0
	}
	if len(file) > maxName {
		return nil, unix.ENAMETOOLONG
	}
	path, ok := os.LookupEnv("PATH")
	if !ok {
		path = defaultPath
	}
	var out []string
	for {
		dir, rest, more := strings.Cut(path, ":")
		if dir == "" {
			out = append(out, file)
		} else {
			out = append(out, dir+"/"+file)
		}
		if !more {
			return out, 0
		}
		path = rest
	}
}

// etcBinds lists the files of /etc/netns/NAME in directory order, as the
// bind mounts iproute2 makes over /etc: source and target.
func etcBinds(name string) [][2]string {
	if len(name) >= maxName {
		return nil
	}
	dir := EtcDir + "/" + name
	d, err := os.Open(dir)
	if err != nil {
		return nil
	}
	defer d.Close()
	ents, _ := d.Readdirnames(-1)
	out := make([][2]string, 0, len(ents))
	for _, e := range ents {
		out = append(out, [2]string{dir + "/" + e, "/etc/" + e})
	}
	return out
}
