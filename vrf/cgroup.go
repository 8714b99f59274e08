package vrf

import (
	"bufio"
	"errors"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/gipnet/gip/netns"
	"github.com/gipnet/gip/rtnl"
	"golang.org/x/sys/unix"
)

// Cgroup2MountDir is where a cgroup2 hierarchy is mounted when none is
// (iproute2's MNT_CGRP2_PATH).
const Cgroup2MountDir = "/var/run/cgroup2"

// A process is bound to a VRF by the cgroup2 directory it is in:
// BASE[/NETNS-ns]/vrf/NAME below the cgroup2 mount, where BASE is the
// process's own cgroup (less any /vrf… part) and NETNS the name of its
// network namespace when it has one; the default VRF is BASE[/NETNS-ns]/vrf/.

// Error is a step of binding a process to a VRF's cgroup that failed. Its
// text is the line (or lines) iproute2 prints for it.
type Error struct {
	Msg string // iproute2's text, one or more lines without the last newline
	Err error  // the unix.Errno behind it, when there is one
}

// Error returns iproute2's text for the failure.
func (e *Error) Error() string { return e.Msg }

// Unwrap returns the errno.
func (e *Error) Unwrap() error { return e.Err }

func failErrno(msg string, err error) error {
	return &Error{Msg: msg + rtnl.ErrnoText(err), Err: err}
}

// procPath is /proc/thread-self/NAME: the mount and network namespaces
// are the calling thread's (a thread that switched namespaces sees its own).
func procPath(name string) string { return "/proc/thread-self/" + name }

// FindCgroup2Mount returns the directory of the first cgroup2 mount the
// calling thread's mount table lists (iproute2's find_cgroup2_mount). With
// none, it makes Cgroup2MountDir and mounts a cgroup2 hierarchy there when
// mount is set.
func FindCgroup2Mount(mount bool) (string, error) {
	f, err := os.Open(procPath("mounts"))
	if err != nil {
		return "", failErrno("Failed to open mounts file: ", err)
	}
	dir, found := scanMounts(f, "cgroup2")
	f.Close()
	if found {
		return dir, nil
	}
	if !mount {
		return "", &Error{Msg: "Failed to find cgroup2 mount"}
	}
	if err := MakePath(Cgroup2MountDir, 0o755); err != nil {
		return "", &Error{Msg: err.Error() + "\nFailed to setup cgroup2 directory", Err: errors.Unwrap(err)}
	}
	if err := unix.Mount("none", Cgroup2MountDir, "cgroup2", 0, ""); err != nil && err != unix.EBUSY {
		if err == unix.ENODEV {
			return "", &Error{Msg: "Failed to mount cgroup2. Are CGROUPS enabled in your kernel?", Err: err}
		}
		return "", failErrno("Failed to mount cgroup2: ", err)
	}
	return Cgroup2MountDir, nil
}

// scanMounts reads a mount table as iproute2's fscanf pattern "%*s %4095s
// %127s %*s %*d %*d" does and returns the mount point of the first entry
// of file system type fstype.
func scanMounts(f io.Reader, fstype string) (string, bool) {
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	sc.Split(bufio.ScanWords)
	// A word longer than a conversion's width is cut there, and its
	// rest is the next word, as with scanf's %Ns.
	var pending string
	word := func(max int) (string, bool) {
		if pending == "" {
			if !sc.Scan() {
				return "", false
			}
			pending = sc.Text()
		}
		w := pending
		if len(w) > max {
			w = w[:max]
		}
		pending = pending[len(w):]
		return w, true
	}
	for {
		if _, ok := word(1 << 20); !ok {
			return "", false
		}
		dir, ok1 := word(4095)
		typ, ok2 := word(127)
		if !ok1 || !ok2 {
			return "", false
		}
		if typ == fstype {
			return dir, true
		}
		for i := 0; i < 3; i++ {
			if _, ok := word(1 << 20); !ok {
				return "", false
			}
		}
	}
}

// MakePath makes each directory of path in turn, as iproute2's make_path
// does; one that exists already is fine. The failure's text is
// "mkdir failed for DIR: REASON".
func MakePath(path string, mode uint32) error {
	i := 0
	if strings.HasPrefix(path, "/") {
		i = 1
	}
	for {
		j := strings.IndexByte(path[i:], '/')
		dir := path
		if j >= 0 {
			dir = path[:i+j]
		}
		if err := unix.Mkdir(dir, mode); err != nil && err != unix.EEXIST {
			return &Error{Msg: "mkdir failed for " + dir + ": " + rtnl.ErrnoText(err), Err: err}
		}
		if j < 0 || i+j+1 >= len(path) {
			return nil
		}
		i += j + 1
	}
}

// baseCgroup is iproute2's vrf_path: the process's cgroup2 path from
// /proc/PID/cgroup (the first line with "::/"), cut at any "/vrf", and
// "" for the root.
func baseCgroup(pid int) (string, error) {
	f, err := os.Open("/proc/" + strconv.Itoa(pid) + "/cgroup")
	if err != nil {
		return "", err
	}
	defer f.Close()
	return parseCgroup(bufio.NewReaderSize(f, 4096)), nil
}

// parseCgroup reads baseCgroup's answer from a /proc/PID/cgroup file.
func parseCgroup(r *bufio.Reader) string {
	for {
		line, err := readLine(r, 4095)
		if line != "" {
			if i := strings.Index(line, "::/"); i >= 0 {
				p := line[i+2:]
				if j := strings.IndexByte(p, '\n'); j >= 0 {
					p = p[:j]
				}
				if j := strings.Index(p, "/vrf"); j >= 0 {
					p = p[:j]
				}
				if len(p) > 4095 {
					p = p[:4095]
				}
				if p == "/" {
					p = ""
				}
				return p
			}
		}
		if err != nil {
			return ""
		}
	}
}

// Identify returns the name of the VRF process pid is bound to, as `ip vrf
// identify` finds it: what follows "/vrf/" in its cgroup2 path (the first
// line of /proc/PID/cgroup with "::/" and "/vrf/"), cut to 31 bytes; ""
// when it is bound to none or to the default VRF. A process that cannot
// be looked up is the *os.PathError of its cgroup file.
func Identify(pid int) (string, error) {
	f, err := os.Open("/proc/" + strconv.Itoa(pid) + "/cgroup")
	if err != nil {
		return "", err
	}
	defer f.Close()
	return parseIdentify(bufio.NewReaderSize(f, 4096)), nil
}

// parseIdentify reads Identify's answer from a /proc/PID/cgroup file, in
// the pieces of at most 4095 bytes fgets gives iproute2.
func parseIdentify(r *bufio.Reader) string {
	for {
		line, err := readLine(r, 4095)
		if strings.Contains(line, "::/") {
			if _, name, found := strings.Cut(line, "/vrf/"); found {
				name, _, _ = strings.Cut(name, "\n")
				if len(name) > 31 {
					name = name[:31]
				}
				return name
			}
		}
		if err != nil {
			return ""
		}
	}
}

// readLine is fgets with a buffer of max+1 bytes: a longer line comes in
// pieces.
func readLine(r *bufio.Reader, max int) (string, error) {
	var b []byte
	for len(b) < max {
		c, err := r.ReadByte()
		if err != nil {
			return string(b), err
		}
		b = append(b, c)
		if c == '\n' {
			break
		}
	}
	return string(b), nil
}

// cgroupBuf is the room iproute2 gives a cgroup directory's path:
// PATH_MAX less the size of "/cgroup.procs" with its NUL. A path of
// exactly that length is cut by a byte; a longer one is refused.
const (
	procsFile = "/cgroup.procs"
	cgroupBuf = 4096 - len(procsFile) - 1
)

// DefaultCgroup is Cgroup(""): the default VRF's directory, the one
// `ip vrf exec default` joins.
func DefaultCgroup() (string, error) { return Cgroup("") }

// Cgroup makes (when missing) and returns the cgroup2 directory of VRF
// name ("" for the default VRF) for the calling process, as `ip vrf exec`
// does before it joins it: below the first cgroup2 mount (mounting one at
// Cgroup2MountDir when there is none), the process's cgroup and the name
// of the calling thread's network namespace. Failures are *Error with
// iproute2's lines.
func Cgroup(name string) (string, error) {
	mnt, err := FindCgroup2Mount(true)
	if err != nil {
		return "", err
	}
	ns, err := netnsName()
	if err != nil {
		return "", err
	}
	vpath, err := baseCgroup(os.Getpid())
	if err != nil {
		return "", failErrno("Failed to get base cgroup path: ", err)
	}
	path, err := cgroupDir(mnt, vpath, ns, name)
	if err != nil {
		return "", err
	}
	if err := MakePath(path, 0o755); err != nil {
		return "", &Error{Msg: err.Error() + "\nFailed to setup vrf cgroup2 directory", Err: errors.Unwrap(err)}
	}
	return path, nil
}

// cgroupDir is VRF name's directory ("" for the default VRF) for a process
// whose cgroup is vpath (see baseCgroup) in network namespace ns
// ("NAME-ns" or "") below the cgroup2 mount mnt.
func cgroupDir(mnt, vpath, ns, name string) (string, error) {
	if ns != "" {
		// A base that ends in the namespace's directory already is not
		// given a second one.
		i := strings.LastIndexByte(vpath, '/') + 1
		if vpath[i:] == ns {
			vpath = vpath[:i]
		}
		ns += "/"
	}
	path := mnt + vpath + "/" + ns + "vrf/" + name
	if len(path) > cgroupBuf {
		return "", &Error{Msg: "Invalid path to cgroup2 mount"}
	}
	if len(path) == cgroupBuf {
		path = path[:cgroupBuf-1]
	}
	return path, nil
}

// netnsName is ipvrf_get_netns: the name of the calling thread's network
// namespace with "-ns" added, "" when it has no name.
func netnsName() (string, error) {
	fd, err := netns.OpenPath(procPath("ns/net"))
	if err != nil {
		return "", &Error{Msg: "Cannot open network namespace: " + rtnl.ErrnoText(err) +
			"\nFailed to get name of network namespace: " + rtnl.ErrnoText(err), Err: err}
	}
	defer unix.Close(fd)
	name, err := netns.NameOfFD(fd)
	if err != nil {
		return "", &Error{Msg: err.Error() + "\nFailed to get name of network namespace: " + rtnl.ErrnoText(errors.Unwrap(err)), Err: errors.Unwrap(err)}
	}
	if name == "" {
		return "", nil
	}
	// iproute2 keeps 251 bytes of the name.
	if len(name) > 251 {
		name = name[:251]
	}
	return name + "-ns", nil
}

// Join moves process pid (0: the calling process, with all its threads)
// into the cgroup directory dir, as iproute2 does: by writing the pid to
// dir's cgroup.procs.
func Join(dir string, pid int) error {
	if pid == 0 {
		pid = os.Getpid()
	}
	fd, err := openProcs(dir)
	if err != nil {
		return err
	}
	defer unix.Close(fd)
	if _, err := unix.Write(fd, []byte(strconv.Itoa(pid))); err != nil {
		return &Error{Msg: "Failed to join cgroup", Err: err}
	}
	return nil
}

// CheckJoin opens dir's cgroup.procs as Join does and closes it: the
// failure Join would meet before it writes.
func CheckJoin(dir string) error {
	fd, err := openProcs(dir)
	if err != nil {
		return err
	}
	return unix.Close(fd)
}

// openProcs opens dir's cgroup.procs for Join.
func openProcs(dir string) (int, error) {
	fd, err := unix.Open(dir+procsFile, unix.O_RDWR|unix.O_APPEND|unix.O_CLOEXEC, 0)
	if err != nil {
		return -1, &Error{Msg: "Failed to open cgroups.procs file: " + rtnl.ErrnoText(err) + ".", Err: err}
	}
	return fd, nil
}
