package netns

import (
	"errors"
	"os"
	"strconv"

	"github.com/gipnet/gip/rtnl"
	"golang.org/x/sys/unix"
)

// NameOfFD returns the name under RunDir of the namespace open at fd, or ""
// when it has none there (`ip netns identify`). When several names are
// bound to it, the last in directory order wins, as in iproute2. No RunDir
// means no names.
func NameOfFD(fd int) (string, error) {
	var st unix.Stat_t
	if err := unix.Fstat(fd, &st); err != nil {
		return "", fail("Stat of netns failed", err)
	}
	names, err := Names()
	if err != nil && !errors.Is(err, unix.ENOENT) {
		// iproute2 prints no space after the colon here.
		return "", &Error{Msg: "Failed to open directory " + RunDir + ":" + rtnl.ErrnoText(err), Err: err}
	}
	found := ""
	for _, n := range names {
		var nst unix.Stat_t
		if unix.Stat(RunDir+"/"+n, &nst) != nil {
			continue
		}
		if nst.Dev == st.Dev && nst.Ino == st.Ino {
			found = n
		}
	}
	return found, nil
}

// Identify returns the name under RunDir of the network namespace process
// pid is in, "" when it has none; pid 0 is the calling process.
func Identify(pid int) (string, error) {
	p := "self"
	if pid != 0 {
		p = strconv.Itoa(pid)
	}
	fd, err := OpenPath("/proc/" + p + "/ns/net")
	if err != nil {
		return "", fail("Cannot open network namespace", err)
	}
	defer unix.Close(fd)
	return NameOfFD(fd)
}

// PIDs returns the processes whose network namespace is the one named
// name under RunDir (`ip netns pids NAME`), in /proc order (ascending).
func PIDs(name string) ([]int, error) {
	fd, err := OpenPath(RunDir + "/" + name)
	if err != nil {
		return nil, fail("Cannot open network namespace", err)
	}
	defer unix.Close(fd)
	return PIDsFD(fd)
}

// PIDsFD returns the processes whose network namespace is the one open at
// fd, in /proc order (ascending). Processes that end or cannot be looked
// at while /proc is read are left out.
func PIDsFD(fd int) ([]int, error) {
	var st unix.Stat_t
	if err := unix.Fstat(fd, &st); err != nil {
		return nil, fail("Stat of netns failed", err)
	}
	d, err := os.Open("/proc/")
	if err != nil {
		return nil, fail("Open of /proc failed", err)
	}
	defer d.Close()
	var out []int
	for {
		ents, err := d.Readdirnames(256)
		for _, e := range ents {
			pid, perr := strconv.Atoi(e)
			if perr != nil || pid <= 0 || e[0] < '0' || e[0] > '9' {
				continue
			}
			var pst unix.Stat_t
			if unix.Stat("/proc/"+e+"/ns/net", &pst) != nil {
				continue
			}
			if pst.Dev == st.Dev && pst.Ino == st.Ino {
				out = append(out, pid)
			}
		}
		if err != nil || len(ents) == 0 {
			return out, nil
		}
	}
}
