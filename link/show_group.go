package link

import "strconv"

// groupFile is iproute2's device group database.
const groupFile = "/etc/iproute2/group"

type groupEntry struct {
	id   uint32
	name string
}

// GroupName is rtnl_group_n2a: the first name the group table has for id,
// or the number (as a signed int, like iproute2's %d). iproute2 scans every
// hash bucket, but an id is only ever filed under id&255, so that bucket
// alone gives the same answer.
func GroupName(id uint32, numeric bool) string {
	if !numeric {
		if n, ok := groups().name(id); ok {
			return n
		}
	}
	return strconv.FormatInt(int64(int32(id)), 10)
}

func (db *groupDB) name(id uint32) (string, bool) {
	// id's bucket holds the entries of id in reverse file order, then
	// "default" (entries[0]) for 0.
	for i := len(db.entries) - 1; i >= 0; i-- {
		if e := db.entries[i]; e.id == id {
			return e.name, true
		}
	}
	return "", false
}

// ParseGroup is rtnl_group_a2n: a group name or a non-negative number.
func ParseGroup(s string) (uint32, bool) {
	v, ok := groups().lookup(s)
	return uint32(v), ok
}
