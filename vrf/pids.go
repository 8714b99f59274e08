package vrf

import (
	"bufio"
	"os"
	"strings"
)

// Process is a process in a VRF's cgroup, as `ip vrf pids` lists it.
type Process struct {
	PID  string // the line of cgroup.procs that names it (a decimal number)
	Comm string // its command name from /proc/PID/status; "<terminated?>" when it has gone
}

// pathMax is PATH_MAX: iproute2 skips a path that does not fit.
const pathMax = 4096

// Processes returns the processes bound to VRF name: those listed in the
// cgroup.procs of each vrf/NAME directory of the cgroup2 tree (mounting one
// at Cgroup2MountDir when none is), in the order the directories are read.
// When the calling thread's network namespace has a name, only vrf
// directories in directories named NETNS-ns count. A mount that cannot be
// found or made, or a namespace whose name cannot be found, is *Error
// with iproute2's lines; a directory of the tree that cannot be opened
// ends the walk with its *os.PathError (iproute2 prints nothing for it),
// the processes found before it returned with it.
func Processes(name string) ([]Process, error) {
	mnt, err := FindCgroup2Mount(true)
	if err != nil {
		return nil, err
	}
	ns, err := netnsName()
	if err != nil {
		return nil, err
	}
	var list []Process
	err = walkVRFDirs(mnt, name, ns, "/proc", &list)
	return list, err
}

// walkVRFDirs adds to list the processes of dir/vrf/name when dir holds a
// "vrf" entry and ns is "" or dir's own name, and walks dir's other
// subdirectories (not following links) the same way. Entries come in the
// directory's own order, as readdir gives them; procDir is where
// /proc/PID/status is read.
func walkVRFDirs(dir, name, ns, procDir string, list *[]Process) error {
	f, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer f.Close()
	for {
		// Readdirnames leaves out "." and "..", and does not sort.
		entries, rerr := f.Readdirnames(64)
		for _, e := range entries {
			if e == "vrf" {
				if i := strings.LastIndexByte(dir, '/'); ns == "" || (i >= 0 && dir[i+1:] == ns) {
					*list = append(*list, cgroupProcesses(dir+"/vrf/"+name+procsFile, procDir)...)
				}
				continue
			}
			sub := dir + "/" + e
			if len(sub) >= pathMax {
				continue
			}
			st, err := os.Lstat(sub)
			if err != nil || !st.IsDir() {
				continue
			}
			if err := walkVRFDirs(sub, name, ns, procDir, list); err != nil {
				return err
			}
		}
		if rerr != nil {
			// The end, or a directory that can no longer be read: either
			// ends this one's walk, as readdir's NULL does.
			return nil
		}
	}
}

// cgroupProcesses reads a cgroup.procs file: no file is no processes.
// Lines are read in pieces of at most 4095 bytes, as fgets into a 4 KiB
// buffer gives them.
func cgroupProcesses(procs, procDir string) []Process {
	if len(procs) >= pathMax {
		return nil
	}
	f, err := os.Open(procs)
	if err != nil {
		return nil
	}
	defer f.Close()
	var list []Process
	r := bufio.NewReader(f)
	for {
		line, err := readLine(r, 4095)
		if line != "" {
			pid, _, _ := strings.Cut(line, "\n")
			comm, ok := commandName(procDir, pid)
			if !ok {
				comm = "<terminated?>"
			}
			list = append(list, Process{PID: pid, Comm: comm})
		}
		if err != nil {
			return list
		}
	}
}

// commandName is the Name: field of procDir/PID/status, cut to 31 bytes
// (iproute2's get_command_name); "" when the file has none, and false when
// it cannot be opened. The file is read in pieces of at most 127 bytes, as
// fgets into a 128-byte buffer gives them, and "Name:" may start anywhere
// in one.
func commandName(procDir, pid string) (string, bool) {
	path := procDir + "/" + pid + "/status"
	if len(path) >= pathMax {
		return "", false
	}
	f, err := os.Open(path)
	if err != nil {
		return "", false
	}
	defer f.Close()
	r := bufio.NewReader(f)
	for {
		line, err := readLine(r, 127)
		if _, name, found := strings.Cut(line, "Name:"); found {
			name = strings.TrimLeft(name, " \t\n\v\f\r")
			name, _, _ = strings.Cut(name, "\n")
			if len(name) > 31 {
				name = name[:31]
			}
			return name, true
		}
		if err != nil {
			return "", true
		}
	}
}
