package link

import (
	"bufio"
	"bytes"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/sys/unix"
)

// groupFile is iproute2's device group database.
const groupFile = "/etc/iproute2/group"

var (
	groupsOnce sync.Once
	groupNames map[uint32]string // id → name
	groupIDs   []groupEntry      // file order, for name → id
)

type groupEntry struct {
	id   uint32
	name string
}

func loadGroups() {
	groupNames = map[uint32]string{0: "default"}
	groupIDs = []groupEntry{{0, "default"}}
	data, ok := readSmallFile(groupFile)
	if !ok {
		return
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		line := strings.TrimLeft(sc.Text(), " \t")
		if line == "" || line[0] == '#' {
			continue
		}
		fields := strings.Fields(line)
		if len(fields) < 2 {
			return // iproute2 stops at a corrupt line
		}
		id, err := strconv.ParseInt(fields[0], 0, 64)
		if err != nil || id < 0 {
			continue
		}
		groupNames[uint32(id)] = fields[1]
		groupIDs = append(groupIDs, groupEntry{uint32(id), fields[1]})
	}
}

// readSmallFile reads a configuration file with plain system calls: every
// `ip link show` reads the group file, and os.Open's poller set-up would
// add as many system calls again.
func readSmallFile(path string) ([]byte, bool) {
	fd, err := unix.Open(path, unix.O_RDONLY|unix.O_CLOEXEC, 0)
	if err != nil {
		return nil, false
	}
	defer unix.Close(fd)
	buf := make([]byte, 0, 4096)
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := unix.Read(fd, buf[len(buf):cap(buf)])
		if err == unix.EINTR {
			continue
		}
		if err != nil {
			return nil, false
		}
		if n == 0 {
			return buf, true
		}
		buf = buf[:len(buf)+n]
	}
}

// GroupName is rtnl_group_n2a: the group's name, or its number.
func GroupName(id uint32, numeric bool) string {
	groupsOnce.Do(loadGroups)
	if n, ok := groupNames[id]; ok && !numeric {
		return n
	}
	return strconv.FormatUint(uint64(id), 10)
}

// ParseGroup is rtnl_group_a2n: a group name or a non-negative number.
func ParseGroup(s string) (uint32, bool) {
	groupsOnce.Do(loadGroups)
	for _, g := range groupIDs {
		if g.name == s {
			return g.id, true
		}
	}
	v, err := strconv.ParseInt(s, 0, 32)
	if err != nil || v < 0 {
		return 0, false
	}
	return uint32(v), true
}
