package netns

import (
	"errors"
	"github.com/gipnet/gip/internal/plainfile"
	"strconv"

	"github.com/gipnet/gip/rtnl"
	"golang.org/x/sys/unix"
)

// Error is a failed step of a namespace operation. Its text is the line
// iproute2 prints for that failure (for example `Cannot create namespace
// file "/run/netns/blue": File exists`), and it unwraps to the errno, so
// errors.Is(err, unix.EEXIST) works.
type Error struct {
	Msg string // iproute2's text for the failure
	Err error  // the unix.Errno behind it
}

// Error returns iproute2's text for the failure.
func (e *Error) Error() string { return e.Msg }

// Unwrap returns the errno.
func (e *Error) Unwrap() error { return e.Err }

// fail returns an *Error whose text is msg, ": ", and strerror of err.
func fail(msg string, err error) error {
	return &Error{Msg: msg + ": " + rtnl.ErrnoText(err), Err: err}
}

// maxName is NAME_MAX: the longest file name RunDir can hold.
const maxName = 255

// ValidName reports whether name can name a namespace under RunDir: not
// empty, not "." or "..", no slash, at most NAME_MAX bytes.
func ValidName(name string) bool {
	if name == "" || name == "." || name == ".." || len(name) > maxName {
		return false
	}
	for i := 0; i < len(name); i++ {
		if name[i] == '/' {
			return false
		}
	}
	return true
}

// checkName is the error Add, Attach and Delete give for a name ValidName
// refuses, in the words `ip netns` uses.
func checkName(name string) error {
	if ValidName(name) {
		return nil
	}
	return &Error{Msg: "Invalid netns name \"" + name + "\"", Err: unix.EINVAL}
}

// PrepareRunDir creates RunDir (0755, less the umask) when it is missing and
// makes it a shared mount point, bind-mounting it onto itself first when it
// is none, so that a namespace bound there (or unbound) is seen from every
// mount namespace. An exclusive flock on the directory keeps two callers
// from stacking mounts; when that lock cannot be taken the work goes on and
// warn, if not nil, receives iproute2's warning line.
func PrepareRunDir(warn func(msg string)) error {
	if err := unix.Mkdir(RunDir, 0o755); err != nil && err != unix.EEXIST {
		return fail("mkdir "+RunDir+" failed", err)
	}
	lock, err := unix.Open(RunDir, unix.O_RDONLY|unix.O_DIRECTORY|unix.O_CLOEXEC, 0)
	if err != nil {
		return fail("Cannot open netns runtime directory \""+RunDir+"\"", err)
	}
	if err := unix.Flock(lock, unix.LOCK_EX); err != nil {
		if warn != nil {
			warn("Warning: could not flock netns runtime directory \"" + RunDir + "\": " + rtnl.ErrnoText(err))
		}
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
			return fail("mount --make-shared "+RunDir+" failed", err)
		}
		if err := unix.Mount(RunDir, RunDir, "none", unix.MS_BIND|unix.MS_REC, ""); err != nil {
			return fail("mount --bind "+RunDir+" "+RunDir+" failed", err)
		}
		made = true
	}
}

// CreateHere creates a new network namespace on the calling thread and
// bind-mounts it onto RunDir/name; RunDir must be prepared (PrepareRunDir).
// The calling goroutine must be locked to a thread that is not used again,
// as under OnThrowawayThread, or whose network namespace the caller puts
// back (Create): the thread is left in the new namespace.
//
// created reports whether the namespace file was made: when it was and err
// is not nil, the caller removes it again (Delete). The file is created
// right before the mount, after the slow steps, so that a kill in between
// rarely leaves an empty file behind; the errors are still reported in
// iproute2's order (a file that cannot be created before a namespace that
// could not be made).
func CreateHere(name string) (created bool, err error) {
	path := RunDir + "/" + name
	uerr := unix.Unshare(unix.CLONE_NEWNET)
	fd, err := unix.Open(path, unix.O_RDONLY|unix.O_CREAT|unix.O_EXCL|unix.O_CLOEXEC, 0)
	if err != nil {
		return false, fail("Cannot create namespace file \""+path+"\"", err)
	}
	if uerr != nil {
		unix.Close(fd)
		return true, fail("Failed to create a new network namespace \""+name+"\"", uerr)
	}
	err = unix.Mount("/proc/thread-self/ns/net", path, "none", unix.MS_BIND, "")
	unix.Close(fd)
	if err != nil {
		return true, fail("Bind /proc/self/ns/net -> "+path+" failed", err)
	}
	return true, nil
}

// Create is CreateHere on a thread of its own, whose network namespace is
// put back afterwards: the calling goroutine's thread is not touched.
func Create(name string) (created bool, err error) {
	onNetRestoredThread(func() { created, err = CreateHere(name) })
	return created, err
}

// BindProcess bind-mounts the network namespace of process pid onto
// RunDir/name (`ip netns attach`); RunDir must be prepared (PrepareRunDir).
// On failure nothing is left behind; when the file that was made cannot be
// removed again, the error says so on a second line.
func BindProcess(name string, pid int) error {
	path := RunDir + "/" + name
	fd, err := unix.Open(path, unix.O_RDONLY|unix.O_CREAT|unix.O_EXCL|unix.O_CLOEXEC, 0)
	if err != nil {
		return fail("Cannot create namespace file \""+path+"\"", err)
	}
	src := "/proc/" + strconv.Itoa(pid) + "/ns/net"
	err = unix.Mount(src, path, "none", unix.MS_BIND, "")
	unix.Close(fd)
	if err == nil {
		return nil
	}
	berr := fail("Bind "+src+" -> "+path+" failed", err)
	if err := unix.Unlink(path); err != nil {
		return errors.Join(berr, fail("Cannot remove namespace file \""+path+"\"", err))
	}
	return berr
}

// Add creates a new network namespace and binds it to RunDir/name, as `ip
// netns add NAME` does. The namespace lives until Delete, even with no
// process in it. A name that exists already fails with unix.EEXIST, and a
// failure leaves nothing behind. The calling goroutine's thread is not
// touched: the namespace is made on a thread of its own (see Create).
func Add(name string) error {
	if err := checkName(name); err != nil {
		return err
	}
	if err := PrepareRunDir(nil); err != nil {
		return err
	}
	created, err := Create(name)
	if err != nil && created {
		if derr := Delete(name); derr != nil {
			err = errors.Join(err, derr)
		}
	}
	return err
}

// Attach binds the network namespace of process pid to RunDir/name, as `ip
// netns attach NAME PID` does.
func Attach(name string, pid int) error {
	if err := checkName(name); err != nil {
		return err
	}
	if pid <= 0 {
		return &Error{Msg: "Invalid PID: " + strconv.Itoa(pid), Err: unix.EINVAL}
	}
	if err := PrepareRunDir(nil); err != nil {
		return err
	}
	return BindProcess(name, pid)
}

// Delete unbinds and removes RunDir/name, as `ip netns delete NAME` does.
// The namespace itself ends when nothing else holds it (a process in it, an
// open fd, another bind mount). A name that does not exist fails with
// unix.ENOENT; a name ValidName refuses with unix.EINVAL.
func Delete(name string) error {
	if err := checkName(name); err != nil {
		return err
	}
	path := RunDir + "/" + name
	unix.Unmount(path, unix.MNT_DETACH)
	if err := unix.Unlink(path); err != nil {
		return fail("Cannot remove namespace file \""+path+"\"", err)
	}
	return nil
}

// Names lists RunDir in directory order (iproute2 prints readdir order,
// which on tmpfs is newest first), without sorting. A missing RunDir is
// an error that unwraps to unix.ENOENT.
func Names() ([]string, error) {
	d, err := plainfile.Open(RunDir)
	if err != nil {
		return nil, err
	}
	defer d.Close()
	names, err := d.Readdirnames(-1)
	out := names[:0]
	for _, n := range names {
		if n != "." && n != ".." {
			out = append(out, n)
		}
	}
	return out, err
}

// NS is a named network namespace.
type NS struct {
	Name string // its file under RunDir
	// ID is the namespace's id (nsid) as seen from the namespace List was
	// asked in, or -1 when it has none (or the file is no namespace).
	ID int32
}

// List returns the namespaces under RunDir in directory order, each with
// its id in the calling process's network namespace. No RunDir means no
// namespaces.
func List() ([]NS, error) {
	names, err := Names()
	if err != nil {
		if errors.Is(err, unix.ENOENT) {
			return nil, nil
		}
		return nil, err
	}
	c, err := rtnl.Dial(-1)
	if err != nil {
		return nil, err
	}
	defer c.Close()
	out := make([]NS, 0, len(names))
	for _, n := range names {
		id, _ := IDOfName(c, n)
		out = append(out, NS{Name: n, ID: id})
	}
	return out, nil
}
