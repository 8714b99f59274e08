package link

import (
	"bufio"
	"os"
	"strconv"
	"strings"
	"sync"
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
	f, err := os.Open(groupFile)
	if err != nil {
		return
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
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
