package netns

import (
	"github.com/gipnet/gip/internal/plainfile"
	"os/exec"

	"golang.org/x/sys/unix"
)

// EtcDir holds per-namespace files that Switch binds over /etc: the file
// EtcDir/NAME/resolv.conf is seen as /etc/resolv.conf inside NAME.
const EtcDir = "/etc/netns"

// Switch is iproute2's netns_switch, on the calling thread: enter the
// network namespace name (always taken below RunDir, as `ip -n` takes it:
// "a/b" is RunDir/a/b), then a new mount namespace where / is
// a slave of the old one, /sys shows the new network namespace, and each
// file of EtcDir/NAME is bound over its twin in /etc. The calling goroutine
// must be locked to a thread that is not used again (OnThrowawayThread), as
// nothing of this is undone.
//
// A bind mount that fails does not stop the switch: warn, if not nil,
// receives iproute2's line for it. Any other failure is an *Error.
func Switch(name string, warn func(msg string)) error {
	fd, err := OpenPath(RunDir + "/" + name)
	if err != nil {
		return fail("Cannot open network namespace \""+name+"\"", err)
	}
	err = unix.Setns(fd, unix.CLONE_NEWNET)
	unix.Close(fd)
	if err != nil {
		return fail("setting the network namespace \""+name+"\" failed", err)
	}
	if err := unix.Unshare(unix.CLONE_NEWNS); err != nil {
		return fail("unshare failed", err)
	}
	// Keep mounts made here from propagating back.
	if err := unix.Mount("", "/", "none", unix.MS_SLAVE|unix.MS_REC, ""); err != nil {
		return fail("\"mount --make-rslave /\" failed", err)
	}
	var flags uintptr
	if unix.Unmount("/sys", unix.MNT_DETACH) != nil {
		// Nothing to unmount, or it is busy: shadow it, read-only if it is.
		var st unix.Statfs_t
		if unix.Statfs("/sys", &st) == nil && st.Flags&unix.ST_RDONLY != 0 {
			flags = unix.MS_RDONLY
		}
	}
	if err := unix.Mount(name, "/sys", "sysfs", flags, ""); err != nil {
		return fail("mount of /sys failed", err)
	}
	for _, b := range etcBinds(name) {
		if err := unix.Mount(b[0], b[1], "none", unix.MS_BIND, ""); err != nil && warn != nil {
			warn(fail("Bind "+b[0]+" -> "+b[1]+" failed", err).Error())
		}
	}
	return nil
}

// Start starts cmd inside the namespace name as `ip netns exec` runs a
// command (see Switch: network namespace, private mount namespace, /sys,
// /etc/netns binds); wait for it with cmd.Wait. The calling goroutine and
// its thread are not touched: the child is started from a thread that
// enters the namespaces and is thrown away afterwards. Because that thread
// ends, cmd.SysProcAttr.Pdeathsig would fire at once and must not be set.
// cmd.Path was resolved by exec.Command in the caller's mount namespace.
func Start(name string, cmd *exec.Cmd) error {
	var err error
	OnThrowawayThread(func() {
		if err = Switch(name, nil); err == nil {
			err = cmd.Start()
		}
	})
	return err
}

// Exec runs cmd inside the namespace name (see Start) and waits for it. Its
// error is Start's or cmd.Wait's (an *exec.ExitError when the command ran
// and failed).
func Exec(name string, cmd *exec.Cmd) error {
	if err := Start(name, cmd); err != nil {
		return err
	}
	return cmd.Wait()
}

// etcBinds lists the files of EtcDir/NAME in directory order, as the
// bind mounts iproute2 makes over /etc: source and target.
func etcBinds(name string) [][2]string {
	if len(name) >= maxName {
		return nil
	}
	dir := EtcDir + "/" + name
	d, err := plainfile.Open(dir)
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
