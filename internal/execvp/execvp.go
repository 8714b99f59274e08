// Package execvp runs a program found as glibc's execvp finds it, for the
// commands that run one as iproute2 does (ip netns exec, ip vrf exec).
package execvp

import (
	"os"
	"strings"
	"syscall"

	"golang.org/x/sys/unix"
)

// Exec execs argv[0] as glibc's execvp does: each PATH candidate in turn,
// a file the kernel cannot run handed to /bin/sh, "not there" errors moving
// on to the next and any other ending the search. It returns only on failure.
func Exec(argv []string) error {
	cands, errno := searchPath(argv[0])
	if errno != 0 {
		return errno
	}
	env := os.Environ()
	var last error = unix.ENOENT
	eacces := false
	for _, c := range cands {
		err := syscall.Exec(c, argv, env)
		if err == unix.ENOEXEC {
			err = syscall.Exec("/bin/sh", append([]string{"/bin/sh", c}, argv[1:]...), env)
		}
		switch err {
		case unix.EACCES:
			eacces = true
			continue
		case unix.ENOENT, unix.ESTALE, unix.ENOTDIR, unix.ENODEV, unix.ETIMEDOUT:
			last = err
			continue
		}
		return err
	}
	if eacces {
		return unix.EACCES
	}
	return last
}

// LookPath finds the file Exec would run, for os.StartProcess.
func LookPath(file string) (string, error) {
	cands, errno := searchPath(file)
	if errno != 0 {
		return "", errno
	}
	var last error = unix.ENOENT
	for _, c := range cands {
		var st unix.Stat_t
		if err := unix.Stat(c, &st); err != nil {
			last = err
			continue
		}
		if st.Mode&unix.S_IFMT == unix.S_IFREG && unix.Access(c, unix.X_OK) == nil {
			return c, nil
		}
		last = unix.EACCES
	}
	return "", last
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
	if len(file) > nameMax {
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

// nameMax is NAME_MAX: execvp refuses a longer file name at once.
const nameMax = 255
