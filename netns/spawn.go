package netns

import (
	"os"
	"os/signal"
	"runtime"
	"syscall"
	"unsafe"

	"golang.org/x/sys/unix"
)

// spawn is the child of `ip netns exec`. iproute2 enters the network
// namespace, unshares its mount namespace, remounts /sys, binds the
// /etc/netns files and execs, all in one single-threaded process. A Go
// process cannot unshare its mount namespace (its threads share one
// fs_struct), and re-executing gip for that would start a second Go runtime
// for every command. So gip forks, and the child, a copy of one thread only,
// makes nothing but system calls: everything it needs (C strings, argv and
// envp arrays, the messages it may print, errno texts) is made here before
// the fork. The child never allocates, never grows its stack (its functions
// are nosplit), stores no pointers, and runs with every signal blocked until
// just before execve, with the handlers reset to their defaults as execve
// would.
type spawn struct {
	nsfd uintptr
	ppid uintptr
	pipe uintptr // written to when the setup fails; ^0 for none

	name, root, sys, sysfs, none, empty, sh *byte

	binds []bindMount
	cands []candidate
	noTry syscall.Errno // execvp's error without trying a file, or 0
	argv  []*byte       // nil-terminated
	envv  []*byte       // nil-terminated

	msgSetns, msgUnshare, msgRslave, msgSys, msgExec string
	errs                                             []string // errno texts

	buf     []byte
	one     [1]byte
	stfs    unix.Statfs_t
	dfl     [4]uintptr // a struct sigaction for SIG_DFL, as the kernel reads it
	mask    uint64     // the thread's signal mask before the fork
	dflSigs []uintptr  // signals with a Go handler, for the child to reset
	pidfd   int32      // the child's pidfd (CLONE_PIDFD), or -1
}

type bindMount struct {
	src, dst *byte
	msg      string
}

type candidate struct {
	path   *byte
	shArgv []*byte // /bin/sh path args…, for a file the kernel cannot run
}

func cstr(s string) *byte {
	b := make([]byte, len(s)+1)
	copy(b, s)
	return &b[0]
}

func cstrs(ss []string) []*byte {
	out := make([]*byte, len(ss)+1)
	for i, s := range ss {
		out[i] = cstr(s)
	}
	return out
}

var errnoTexts []string

// newSpawn prepares the child that runs argv in the namespace open at fd
// (called name).
func newSpawn(fd int, name string, argv []string) *spawn {
	s := &spawn{nsfd: uintptr(fd), pipe: ^uintptr(0)}
	s.name, s.root, s.sys = cstr(name), cstr("/"), cstr("/sys")
	s.sysfs, s.none, s.empty, s.sh = cstr("sysfs"), cstr("none"), cstr(""), cstr("/bin/sh")
	s.argv = cstrs(argv)
	s.envv = cstrs(os.Environ())
	cands, noTry := searchPath(argv[0])
	s.noTry = noTry
	for _, c := range cands {
		p := cstr(c)
		sh := append([]*byte{s.sh, p}, s.argv[1:]...)
		s.cands = append(s.cands, candidate{path: p, shArgv: sh})
	}
	for _, b := range etcBinds(name) {
		s.binds = append(s.binds, bindMount{cstr(b[0]), cstr(b[1]), "Bind " + b[0] + " -> " + b[1] + " failed: "})
	}
	s.msgSetns = "setting the network namespace \"" + name + "\" failed: "
	s.msgUnshare = "unshare failed: "
	s.msgRslave = "\"mount --make-rslave /\" failed: "
	s.msgSys = "mount of /sys failed: "
	s.msgExec = "exec of \"" + argv[0] + "\" failed: "
	if errnoTexts == nil {
		errnoTexts = make([]string, 134)
		for i := range errnoTexts {
			errnoTexts[i] = syscall.Errno(i).Error()
		}
	}
	s.errs = errnoTexts
	s.buf = make([]byte, 3*4096)
	s.one[0] = 1
	// Go has a handler on every signal but those it found ignored at
	// start (SIGHUP, SIGINT) or was told to ignore; the child resets the
	// others to their default, as execve would.
	for sig := 1; sig <= 64; sig++ {
		if sig == int(unix.SIGKILL) || sig == int(unix.SIGSTOP) || signal.Ignored(syscall.Signal(sig)) {
			continue
		}
		s.dflSigs = append(s.dflSigs, uintptr(sig))
	}
	s.pidfd = -1
	return s
}

// start forks the child and returns its pid.
func (s *spawn) start() (int, syscall.Errno) {
	// The signal mask is per thread: block everything on this one, fork
	// from it, and restore it.
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	s.ppid = uintptr(unix.Getpid())
	all := ^uint64(0)
	rawSigprocmask(unix.SIG_SETMASK, &all, &s.mask)
	pid, errno := forkChild(s, unix.CLONE_PIDFD)
	if errno == unix.EINVAL { // a kernel without pidfds
		s.pidfd = -1
		pid, errno = forkChild(s, 0)
	}
	rawSigprocmask(unix.SIG_SETMASK, &s.mask, nil)
	runtime.KeepAlive(s)
	return int(pid), errno
}

func rawSigprocmask(how int, set, old *uint64) {
	syscall.RawSyscall6(unix.SYS_RT_SIGPROCMASK, uintptr(how), uintptr(unsafe.Pointer(set)), uintptr(unsafe.Pointer(old)), 8, 0, 0)
}

func rawSigaction(sig uintptr, act, old *[4]uintptr) {
	syscall.RawSyscall6(unix.SYS_RT_SIGACTION, sig, uintptr(unsafe.Pointer(act)), uintptr(unsafe.Pointer(old)), 8, 0, 0)
}

// forkChild forks (a vfork where vforkSyscall allows it: the child then runs
// on this stack, below this frame, while this thread waits for its execve);
// the child goes on in s.child and never returns.
//
//go:noinline
//go:nosplit
//go:norace
func forkChild(s *spawn, flags uintptr) (uintptr, syscall.Errno) {
	pid, errno := vforkSyscall(unix.SYS_CLONE, uintptr(unix.SIGCHLD)|vforkFlags|flags, 0, uintptr(unsafe.Pointer(&s.pidfd)))
	if errno != 0 || pid != 0 {
		return pid, errno
	}
	s.child()
	return 0, 0
}

// child is netns_switch and execvp. It must make system calls only.
//
//go:nosplit
//go:norace
func (s *spawn) child() {
	// Die with gip, as the command would die with iproute2.
	if _, _, e := syscall.RawSyscall6(unix.SYS_PRCTL, unix.PR_SET_PDEATHSIG, uintptr(unix.SIGKILL), 0, 0, 0, 0); e != 0 {
		s.exit(1)
	}
	if p, _, _ := syscall.RawSyscall6(unix.SYS_GETPPID, 0, 0, 0, 0, 0, 0); p != s.ppid {
		s.exit(1)
	}
	if _, _, e := syscall.RawSyscall6(unix.SYS_SETNS, s.nsfd, unix.CLONE_NEWNET, 0, 0, 0, 0); e != 0 {
		s.setupFail(s.msgSetns, e)
	}
	if _, _, e := syscall.RawSyscall6(unix.SYS_UNSHARE, unix.CLONE_NEWNS, 0, 0, 0, 0, 0); e != 0 {
		s.setupFail(s.msgUnshare, e)
	}
	// Don't let any mounts propagate back to the parent.
	if _, _, e := syscall.RawSyscall6(unix.SYS_MOUNT, uintptr(unsafe.Pointer(s.empty)), uintptr(unsafe.Pointer(s.root)),
		uintptr(unsafe.Pointer(s.none)), unix.MS_SLAVE|unix.MS_REC, 0, 0); e != 0 {
		s.setupFail(s.msgRslave, e)
	}
	// A sysfs of the namespace over /sys: unmount the old one, or if that
	// fails shadow it, read-only when it is.
	flags := uintptr(0)
	if _, _, e := syscall.RawSyscall6(unix.SYS_UMOUNT2, uintptr(unsafe.Pointer(s.sys)), unix.MNT_DETACH, 0, 0, 0, 0); e != 0 {
		if _, _, e := syscall.RawSyscall6(unix.SYS_STATFS, uintptr(unsafe.Pointer(s.sys)), uintptr(unsafe.Pointer(&s.stfs)), 0, 0, 0, 0); e == 0 && s.stfs.Flags&unix.ST_RDONLY != 0 {
			flags = unix.MS_RDONLY
		}
	}
	if _, _, e := syscall.RawSyscall6(unix.SYS_MOUNT, uintptr(unsafe.Pointer(s.name)), uintptr(unsafe.Pointer(s.sys)),
		uintptr(unsafe.Pointer(s.sysfs)), flags, 0, 0); e != 0 {
		s.setupFail(s.msgSys, e)
	}
	for i := 0; i < len(s.binds); i++ {
		b := &s.binds[i]
		if _, _, e := syscall.RawSyscall6(unix.SYS_MOUNT, uintptr(unsafe.Pointer(b.src)), uintptr(unsafe.Pointer(b.dst)),
			uintptr(unsafe.Pointer(s.none)), unix.MS_BIND, 0, 0); e != 0 {
			s.say(b.msg, e)
		}
	}
	// Default handlers (ignored signals stay ignored) and the old mask.
	for i := 0; i < len(s.dflSigs); i++ {
		syscall.RawSyscall6(unix.SYS_RT_SIGACTION, s.dflSigs[i], uintptr(unsafe.Pointer(&s.dfl)), 0, 8, 0, 0)
	}
	syscall.RawSyscall6(unix.SYS_RT_SIGPROCMASK, unix.SIG_SETMASK, uintptr(unsafe.Pointer(&s.mask)), 0, 8, 0, 0)

	// execvp: each candidate in turn; a file the kernel cannot run goes to
	// /bin/sh; "not there" errors go on to the next, others end the search.
	e := s.noTry
	if e == 0 {
		eacces, stopped := false, false
		for i := 0; i < len(s.cands); i++ {
			c := &s.cands[i]
			_, _, e = syscall.RawSyscall6(unix.SYS_EXECVE, uintptr(unsafe.Pointer(c.path)), uintptr(unsafe.Pointer(&s.argv[0])),
				uintptr(unsafe.Pointer(&s.envv[0])), 0, 0, 0)
			if e == unix.ENOEXEC {
				_, _, e = syscall.RawSyscall6(unix.SYS_EXECVE, uintptr(unsafe.Pointer(s.sh)), uintptr(unsafe.Pointer(&c.shArgv[0])),
					uintptr(unsafe.Pointer(&s.envv[0])), 0, 0, 0)
			}
			if e == unix.EACCES {
				eacces = true
				continue
			}
			if e == unix.ENOENT || e == unix.ESTALE || e == unix.ENOTDIR || e == unix.ENODEV || e == unix.ETIMEDOUT {
				continue
			}
			stopped = true
			break
		}
		if !stopped && eacces {
			e = unix.EACCES
		}
	}
	s.say(s.msgExec, e)
	s.exit(1)
}

// setupFail reports a failed setup step, tells the parent, and exits 255.
//
//go:nosplit
//go:norace
func (s *spawn) setupFail(msg string, e syscall.Errno) {
	s.say(msg, e)
	if s.pipe != ^uintptr(0) {
		syscall.RawSyscall6(unix.SYS_WRITE, s.pipe, uintptr(unsafe.Pointer(&s.one[0])), 1, 0, 0, 0)
	}
	s.exit(255)
}

// say writes "MSG Strerror(e)\n" to stderr in one write, as iproute2's
// fprintf to unbuffered stderr does.
//
//go:nosplit
//go:norace
func (s *spawn) say(msg string, e syscall.Errno) {
	n := 0
	for i := 0; i < len(msg) && n < len(s.buf)-1; i++ {
		s.buf[n] = msg[i]
		n++
	}
	t := ""
	if int(e) < len(s.errs) {
		t = s.errs[e]
	}
	for i := 0; i < len(t) && n < len(s.buf)-1; i++ {
		c := t[i]
		if i == 0 && c >= 'a' && c <= 'z' {
			c -= 'a' - 'A'
		}
		s.buf[n] = c
		n++
	}
	s.buf[n] = '\n'
	n++
	syscall.RawSyscall6(unix.SYS_WRITE, 2, uintptr(unsafe.Pointer(&s.buf[0])), uintptr(n), 0, 0, 0)
}

//go:nosplit
//go:norace
func (s *spawn) exit(code uintptr) {
	for {
		syscall.RawSyscall6(unix.SYS_EXIT_GROUP, code, 0, 0, 0, 0, 0)
	}
}
