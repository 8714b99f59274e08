package netns

import (
	"errors"
	"strconv"

	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/internal/cnum"
	"github.com/gipnet/gip/rtnl"
	"golang.org/x/sys/unix"
)

// makeRunDir creates /run/netns (0755, less the umask) when it is missing.
func makeRunDir(env *cli.Env) error {
	if err := unix.Mkdir(RunDir, 0o755); err != nil && err != unix.EEXIST {
		return fail(env, 1, "mkdir %s failed: %s", RunDir, rtnl.ErrnoText(err))
	}
	return nil
}

// shareRunDir makes /run/netns a shared mount point, so that a namespace
// bind-mounted there (or unmounted from there) is seen from every mount
// namespace; when it is no mount point yet it is bind-mounted onto itself
// first. A lock on the directory keeps two ips from stacking mounts.
func shareRunDir(env *cli.Env) error {
	lock, err := unix.Open(RunDir, unix.O_RDONLY|unix.O_DIRECTORY|unix.O_CLOEXEC, 0)
	if err != nil {
		return fail(env, 1, "Cannot open netns runtime directory \"%s\": %s", RunDir, rtnl.ErrnoText(err))
	}
	if err := unix.Flock(lock, unix.LOCK_EX); err != nil {
		env.Warnf("Warning: could not flock netns runtime directory \"%s\": %s\n", RunDir, rtnl.ErrnoText(err))
		unix.Close(lock)
		lock = -1
	}
	defer func() {
		if lock >= 0 {
			unix.Flock(lock, unix.LOCK_UN)
			unix.Close(lock)
		}
	}()
	made := false
	for {
		err := unix.Mount("", RunDir, "none", unix.MS_SHARED|unix.MS_REC, "")
		if err == nil {
			return nil
		}
		if err != unix.EINVAL || made {
			return fail(env, 1, "mount --make-shared %s failed: %s", RunDir, rtnl.ErrnoText(err))
		}
		if err := unix.Mount(RunDir, RunDir, "none", unix.MS_BIND|unix.MS_REC, ""); err != nil {
			return fail(env, 1, "mount --bind %s %s failed: %s", RunDir, RunDir, rtnl.ErrnoText(err))
		}
		made = true
	}
}

// add is `ip netns add NAME` (create) and `ip netns attach NAME PID`: make
// /run/netns/NAME and bind-mount a new namespace, or PID's, onto it. On
// failure nothing is left behind.
func add(env *cli.Env, words []string, create bool) error {
	pid := int32(0)
	if create {
		if len(words) < 1 {
			return fail(env, 1, "No netns name specified")
		}
	} else {
		if len(words) < 2 {
			return fail(env, 1, "No netns name and PID specified")
		}
		v, ok := cnum.Int(words[1], 0)
		if !ok || v == 0 {
			return fail(env, 1, "Invalid PID: %s", words[1])
		}
		pid = v
	}
	name := words[0]
	if env.Opts.NetNS == "" {
		return addAt(env, name, pid, create, false)
	}
	// Under -n iproute2 works from the mount namespace its netns_switch
	// made (a slave of the caller's): its bind mount stays in there and
	// ends with ip, so everyone else finds the namespace file empty. gip
	// does the same on a thread that enters -n's namespaces and is retired.
	var err error
	OnThrowawayThread(func() {
		if !switchTo(env, env.Opts.NetNS) {
			err = cmdline.Silent(cmdline.StatusFailed)
			return
		}
		err = addAt(env, name, pid, create, true)
	})
	return err
}

// addAt is add once the name and pid are read. With here set it runs on a
// locked thread that is retired afterwards, and creates the namespace on it.
func addAt(env *cli.Env, name string, pid int32, create, here bool) error {
	path := RunDir + "/" + name
	if err := makeRunDir(env); err != nil {
		return err
	}
	if err := shareRunDir(env); err != nil {
		return err
	}
	if !create {
		return attach(env, path, pid)
	}

	var r bindResult
	if here {
		r = createAndBind(name, path)
	} else {
		OnThrowawayThread(func() { r = createAndBind(name, path) })
	}
	if r.msg == "" {
		return nil
	}
	env.Warnf("%s\n", r.msg)
	if !r.created {
		return cmdline.Silent(cmdline.StatusFailed)
	}
	// iproute2 cleans up with its delete command, which under -all
	// removes every namespace.
	if env.Opts.All {
		deleteAll(env)
	} else {
		deleteOne(env, name)
	}
	return cmdline.Silent(cmdline.StatusFailed)
}

// attach is `ip netns attach`: the namespace file bind-mounted from pid's.
func attach(env *cli.Env, path string, pid int32) error {
	fd, err := unix.Open(path, unix.O_RDONLY|unix.O_CREAT|unix.O_EXCL|unix.O_CLOEXEC, 0)
	if err != nil {
		return fail(env, 1, "Cannot create namespace file \"%s\": %s", path, rtnl.ErrnoText(err))
	}
	src := "/proc/" + strconv.Itoa(int(pid)) + "/ns/net"
	err = unix.Mount(src, path, "none", unix.MS_BIND, "")
	unix.Close(fd)
	if err != nil {
		env.Warnf("Bind %s -> %s failed: %s\n", src, path, rtnl.ErrnoText(err))
		if err := unix.Unlink(path); err != nil {
			env.Warnf("Cannot remove namespace file \"%s\": %s\n", path, rtnl.ErrnoText(err))
		}
		return cmdline.Silent(cmdline.StatusFailed)
	}
	return nil
}

// bindResult is what createAndBind did: iproute2's error text ("" when the
// namespace is bound) and whether the namespace file was created, so that a
// failure after that deletes it again.
type bindResult struct {
	msg     string
	created bool
}

// createAndBind creates a network namespace on the calling thread, which
// must be locked and is retired afterwards, and bind-mounts it onto path.
//
// A kill between creating the file and mounting onto it leaves an empty
// file that blocks the name until `ip netns delete`. iproute2 opens that
// window before its unshare; here everything slow (the thread, the new
// namespace) comes first, so the file is created right before the mount.
// The errors are still iproute2's, in its order: a file that cannot be
// created is reported before a namespace that could not be made.
func createAndBind(name, path string) bindResult {
	uerr := unix.Unshare(unix.CLONE_NEWNET)
	fd, err := unix.Open(path, unix.O_RDONLY|unix.O_CREAT|unix.O_EXCL|unix.O_CLOEXEC, 0)
	if err != nil {
		return bindResult{msg: "Cannot create namespace file \"" + path + "\": " + rtnl.ErrnoText(err)}
	}
	if uerr != nil {
		unix.Close(fd)
		return bindResult{msg: "Failed to create a new network namespace \"" + name + "\": " + rtnl.ErrnoText(uerr), created: true}
	}
	err = unix.Mount("/proc/thread-self/ns/net", path, "none", unix.MS_BIND, "")
	unix.Close(fd)
	if err != nil {
		return bindResult{msg: "Bind /proc/self/ns/net -> " + path + " failed: " + rtnl.ErrnoText(err), created: true}
	}
	return bindResult{}
}

// del is `ip netns delete NAME` and `ip -all netns delete`.
func del(env *cli.Env, words []string) error {
	if env.Opts.All {
		return deleteAll(env)
	}
	if len(words) < 1 {
		return fail(env, 1, "No netns name specified")
	}
	if !deleteOne(env, words[0]) {
		return cmdline.Silent(cmdline.StatusFailed)
	}
	return nil
}

// deleteOne unmounts and removes /run/netns/NAME; a failure is printed.
func deleteOne(env *cli.Env, name string) bool {
	path := RunDir + "/" + name
	unix.Unmount(path, unix.MNT_DETACH)
	if err := unix.Unlink(path); err != nil {
		env.Warnf("Cannot remove namespace file \"%s\": %s\n", path, rtnl.ErrnoText(err))
		return false
	}
	return true
}

// deleteAll deletes every name under /run/netns in directory order, up to
// the first it cannot remove. Like iproute2 it succeeds even then.
func deleteAll(env *cli.Env) error {
	names, err := Names()
	if err != nil {
		if errors.Is(err, unix.ENOENT) {
			return nil
		}
		return fail(env, 1, "Failed to open directory %s: %s", RunDir, rtnl.ErrnoText(err))
	}
	for _, n := range names {
		if !deleteOne(env, n) {
			break
		}
	}
	return nil
}
