package link

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"github.com/gipnet/gip/internal/cnum"
	"golang.org/x/sys/unix"
)

// groupDB is iproute2's device group table (/etc/iproute2/group) as
// rtnl_group_a2n reads it: 256 hash buckets by id&255, each a chain with the
// entry read last first, and "default" (0) at the end of bucket 0. Names
// are looked up bucket by bucket, so with duplicate names the order decides.
//
// The buckets are not built: entries holds "default" and then the file's
// entries in file order, and name and lookup walk it in the buckets'
// order. A listing prints a group for every link, so every ip link and ip
// address show loads the table; as a flat list it costs one small
// allocation instead of a 6 KiB array of chains.
type groupDB struct {
	entries []groupEntry
	corrupt string // the "Database … is corrupted at …" line, if any
}

var (
	groupDBOnce sync.Once
	groupDBData *groupDB
)

// loadGroupDB reads path as fread_id_name does, from r (nil: no file).
func loadGroupDB(r io.Reader, path string) *groupDB {
	if r == nil {
		return parseGroupDB("", path)
	}
	b, _ := io.ReadAll(r)
	return parseGroupDB(string(b), path)
}

// parseGroupDB is loadGroupDB of the file's text.
func parseGroupDB(text, path string) *groupDB {
	db := &groupDB{}
	db.entries = append(make([]groupEntry, 0, 4), groupEntry{0, "default"})
	for text != "" {
		line := text
		if i := strings.IndexByte(text, '\n'); i >= 0 {
			line, text = text[:i+1], text[i+1:]
		} else {
			text = ""
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
		db.entries = append(db.entries, groupEntry{uint32(id), name})
	}
	return db
}

// scanIDName is the sscanf "0x%x %s" or "%d %s" of fread_id_name: the
// first two of strings.Fields(p), found without building the list.
func scanIDName(p string) (int32, string, bool) {
	num, rest := nextField(p)
	name, _ := nextField(rest)
	if name == "" {
		return 0, "", false
	}
	if strings.HasPrefix(p, "0x") {
		// "0x%x": hex digits after the prefix; nothing else may follow
		// them before the space for %s to start at the name.
		v, err := strconv.ParseUint(num[2:], 16, 64)
		if err != nil {
			return 0, "", false
		}
		return int32(uint32(v)), name, true
	}
	v, err := strconv.ParseInt(num, 10, 64)
	if err != nil {
		return 0, "", false
	}
	return int32(v), name, true
}

// nextField is the first field of s as strings.Fields splits it (runs of
// unicode.IsSpace) and what follows it; "" when s has none.
func nextField(s string) (field, rest string) {
	start := -1
	for i, r := range s {
		space := unicode.IsSpace(r)
		if start < 0 && !space {
			start = i
		} else if start >= 0 && space {
			return s[start:i], s[i:]
		}
	}
	if start < 0 {
		return "", ""
	}
	return s[start:], ""
}

// readGroupFile is the group file's text, read with plain system calls
// (no *os.File, finalizer or bufio.Reader for a file of a few lines); ok
// is false when it cannot be opened.
func readGroupFile() (text string, ok bool) {
	fd, err := unix.Open(groupFile, unix.O_RDONLY|unix.O_CLOEXEC, 0)
	if err != nil {
		return "", false
	}
	defer unix.Close(fd)
	var small [512]byte
	b := small[:0]
	for {
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)]
		}
		n, err := unix.Read(fd, b[len(b):cap(b)])
		if err == unix.EINTR {
			continue
		}
		if n <= 0 || err != nil {
			break
		}
		b = b[:len(b)+n]
	}
	return string(b), true
}

func groups() *groupDB {
	groupDBOnce.Do(func() {
		text, _ := readGroupFile()
		groupDBData = parseGroupDB(text, groupFile)
	})
	return groupDBData
}

// lookup is rtnl_group_a2n: a name from the table, else a number as strtol
// reads it (any base prefix, the whole word, not negative as an int).
func (db *groupDB) lookup(s string) (int32, bool) {
	// The first in bucket order: the lowest bucket, and in it the entry
	// read last.
	best := -1
	for i, e := range db.entries {
		if e.name == s && (best < 0 || e.id&255 <= db.entries[best].id&255) {
			best = i
		}
	}
	if best >= 0 {
		return int32(db.entries[best].id), true
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
