package link

import (
	"bufio"
	"fmt"
	"github.com/gipnet/gip/internal/plainfile"
	"io"
	"strconv"
	"strings"
	"sync"

	"github.com/gipnet/gip/internal/cnum"
)

// groupDB is iproute2's device group table (/etc/iproute2/group) as
// rtnl_group_a2n reads it: 256 hash buckets by id&255, each a chain with the
// entry read last first, and "default" (0) at the end of bucket 0. Names
// are looked up bucket by bucket, so with duplicate names the order decides.
type groupDB struct {
	buckets [256][]groupEntry
	corrupt string // the "Database … is corrupted at …" line, if any
}

var (
	groupDBOnce sync.Once
	groupDBData *groupDB
)

// loadGroupDB reads path as fread_id_name does.
func loadGroupDB(r io.Reader, path string) *groupDB {
	db := &groupDB{}
	db.buckets[0] = []groupEntry{{0, "default"}}
	if r == nil {
		return db
	}
	br := bufio.NewReader(r)
	for {
		line, err := br.ReadString('\n')
		if line == "" && err != nil {
			break
		}
		p := strings.TrimLeft(line, " \t")
		if p == "" || p[0] == '#' || p[0] == '\n' {
			continue
		}
		id, name, ok := scanIDName(p)
		if !ok {
			db.corrupt = fmt.Sprintf("Database %s is corrupted at %s\n", path, p)
			break
		}
		if id < 0 {
			continue
		}
		b := &db.buckets[id&255]
		*b = append([]groupEntry{{uint32(id), name}}, *b...)
	}
	return db
}

// scanIDName is the sscanf "0x%x %s" or "%d %s" of fread_id_name.
func scanIDName(p string) (int32, string, bool) {
	fields := strings.Fields(p)
	if len(fields) < 2 {
		return 0, "", false
	}
	num := fields[0]
	if strings.HasPrefix(p, "0x") {
		// "0x%x": hex digits after the prefix; nothing else may follow
		// them before the space for %s to start at the name.
		v, err := strconv.ParseUint(num[2:], 16, 64)
		if err != nil {
			return 0, "", false
		}
		return int32(uint32(v)), fields[1], true
	}
	v, err := strconv.ParseInt(num, 10, 64)
	if err != nil {
		return 0, "", false
	}
	return int32(v), fields[1], true
}

func groups() *groupDB {
	groupDBOnce.Do(func() {
		f, err := plainfile.Open(groupFile)
		if err != nil {
			groupDBData = loadGroupDB(nil, groupFile)
			return
		}
		defer f.Close()
		groupDBData = loadGroupDB(f, groupFile)
	})
	return groupDBData
}

// lookup is rtnl_group_a2n: a name from the table, else a number as strtol
// reads it (any base prefix, the whole word, not negative as an int).
func (db *groupDB) lookup(s string) (int32, bool) {
	for _, b := range db.buckets {
		for _, e := range b {
			if e.name == s {
				return int32(e.id), true
			}
		}
	}
	v, rest, digits, _ := cnum.Strtol(s, 0)
	if !digits || rest != "" || int32(v) < 0 {
		return 0, false
	}
	return int32(v), true
}

// groupNumber is rtnl_group_a2n with the table; warn receives the
// table's corruption message the first time (iproute2 prints it on load).
func groupNumber(v string, warn io.Writer) (int32, bool) {
	db := groups()
	if db.corrupt != "" && warn != nil {
		groupWarnOnce.Do(func() { fmt.Fprint(warn, db.corrupt) })
	}
	return db.lookup(v)
}

var groupWarnOnce sync.Once
