package route

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/gipnet/gip/internal/cli"
)

// confDir is where iproute2 reads its name databases.
const confDir = "/etc/iproute2"

// nameDB is one of iproute2's id↔name databases (rt_tables, rt_protos,
// rt_scopes, rt_dsfield, rt_realms): builtin names, overlaid by the config
// file (and its .d directory) on first use.
type nameDB struct {
	file    string // under confDir
	withDir bool   // also read FILE.d/*.conf
	maxID   uint32 // ids above are ignored (255 for the fixed-size tables)
	builtin map[uint32]string

	once  sync.Once
	names map[uint32]string
	order []idName // lookup order for name → id
}

type idName struct {
	id   uint32
	name string
}

// load reads the database files, as iproute2 does lazily: later entries for
// an id replace earlier ones; a malformed line stops reading that file with
// iproute2's warning.
func (db *nameDB) load() {
	db.once.Do(func() {
		db.names = make(map[uint32]string, len(db.builtin)+8)
		for id, n := range db.builtin {
			db.names[id] = n
		}
		var fileEntries []idName
		read := func(path string) {
			f, err := os.Open(path)
			if err != nil {
				return
			}
			defer f.Close()
			fileEntries = append(fileEntries, readIDNames(f, path)...)
		}
		read(filepath.Join(confDir, db.file))
		if db.withDir {
			dir := filepath.Join(confDir, db.file+".d")
			if ents, err := os.ReadDir(dir); err == nil {
				for _, e := range ents {
					n := e.Name()
					if strings.HasPrefix(n, ".") || len(n) <= 5 || !strings.HasSuffix(n, ".conf") {
						continue
					}
					read(filepath.Join(dir, n))
				}
			}
		}
		for _, e := range fileEntries {
			if e.id > db.maxID {
				continue
			}
			db.names[e.id] = e.name
		}
		// Name lookups scan ids in ascending order, as iproute2's tables.
		ids := make([]uint32, 0, len(db.names))
		for id := range db.names {
			ids = append(ids, id)
		}
		sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
		for _, id := range ids {
			db.order = append(db.order, idName{id, db.names[id]})
		}
	})
}

// readIDNames parses "ID NAME" lines (ID decimal or 0x hex; '#' comments).
func readIDNames(r io.Reader, path string) []idName {
	var out []idName
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		line := strings.TrimLeft(sc.Text(), " \t")
		if line == "" || line[0] == '#' {
			continue
		}
		fields := strings.Fields(line)
		var id int64
		var err error
		if len(fields) >= 2 {
			if strings.HasPrefix(fields[0], "0x") {
				id, err = strconv.ParseInt(fields[0][2:], 16, 64)
			} else {
				id, err = strconv.ParseInt(fields[0], 10, 32)
			}
		}
		if len(fields) < 2 || err != nil {
			fmt.Fprintf(os.Stderr, "Database %s is corrupted at %s\n", path, line)
			return out
		}
		if id < 0 {
			continue
		}
		out = append(out, idName{uint32(id), fields[1]})
	}
	return out
}

// name returns the name of id, or "" when it has none.
func (db *nameDB) name(id uint32) string {
	if n, ok := db.builtin[id]; ok {
		return n
	}
	db.load()
	return db.names[id]
}

// id returns the id named s.
func (db *nameDB) id(s string) (uint32, bool) {
	db.load()
	for _, e := range db.order {
		if e.name == s {
			return e.id, true
		}
	}
	return 0, false
}

var (
	tables = &nameDB{file: "rt_tables", withDir: true, maxID: ^uint32(0), builtin: map[uint32]string{
		253: "default", 254: "main", 255: "local",
	}}
	protocols = &nameDB{file: "rt_protos", withDir: true, maxID: 255, builtin: map[uint32]string{
		0: "unspec", 1: "redirect", 2: "kernel", 3: "boot", 4: "static",
		8: "gated", 9: "ra", 10: "mrt", 11: "zebra", 12: "bird", 13: "dnrouted",
		14: "xorp", 15: "ntk", 16: "dhcp", 18: "keepalived", 42: "babel",
		186: "bgp", 187: "isis", 188: "ospf", 189: "rip", 192: "eigrp",
	}}
	scopes = &nameDB{file: "rt_scopes", maxID: 255, builtin: map[uint32]string{
		0: "global", 255: "nowhere", 254: "host", 253: "link", 200: "site",
	}}
	dsfields = &nameDB{file: "rt_dsfield", maxID: 255, builtin: map[uint32]string{}}
	realms   = &nameDB{file: "rt_realms", maxID: 255, builtin: map[uint32]string{0: "unknown"}}
)

// names formats ids as iproute2 does, numerically under -Numeric.
type names struct{ numeric bool }

func (n names) lookup(db *nameDB, id uint32) string {
	if !n.numeric {
		if s := db.name(id); s != "" {
			return s
		}
	}
	return strconv.FormatUint(uint64(id), 10)
}

func (n names) table(id uint32) string   { return n.lookup(tables, id) }
func (n names) protocol(id uint8) string { return n.lookup(protocols, uint32(id)) }
func (n names) scope(id uint8) string    { return n.lookup(scopes, uint32(id)) }
func (n names) realm(id uint32) string   { return n.lookup(realms, id) }
func (n names) routeType(t uint8) string {
	if !n.numeric && int(t) < len(routeTypeNames) {
		return routeTypeNames[t]
	}
	return strconv.FormatUint(uint64(t), 10)
}

// dsfield names a TOS value: the rt_dsfield name, else 0x%02x.
func (n names) dsfield(id uint8) string {
	if !n.numeric {
		if s := dsfields.name(uint32(id)); s != "" {
			return s
		}
	}
	const hex = "0123456789abcdef"
	return string([]byte{'0', 'x', hex[id>>4], hex[id&15]})
}

var routeTypeNames = [...]string{
	0: "none", 1: "unicast", 2: "local", 3: "broadcast", 4: "anycast",
	5: "multicast", 6: "blackhole", 7: "unreachable", 8: "prohibit",
	9: "throw", 10: "nat", 11: "xresolve",
}

// parseTable is rtnl_rttable_a2n: a table name or a number (any base).
func parseTable(s string) (uint32, bool) {
	if id, ok := tables.id(s); ok {
		return id, true
	}
	v, ok := strtoulAll(s, 0)
	if !ok || v > 0xffffffff {
		return 0, false
	}
	return uint32(v), true
}

// parseByte8 reads a name from db or a number up to 255 (rtnl_*_a2n).
func parseByte8(db *nameDB, s string, base int) (uint8, bool) {
	if id, ok := db.id(s); ok {
		return uint8(id), true
	}
	v, ok := strtoulAll(s, base)
	if !ok || v > 255 {
		return 0, false
	}
	return uint8(v), true
}

func parseProtocol(s string) (uint8, bool) { return parseByte8(protocols, s, 0) }
func parseScope(s string) (uint8, bool)    { return parseByte8(scopes, s, 0) }
func parseDSField(s string) (uint8, bool)  { return parseByte8(dsfields, s, 16) }

// parseRouteType is rtnl_rtntype_a2n: exact or abbreviated names, a number.
func parseRouteType(s string) (uint8, bool) {
	m := func(kw string) bool { return cli.Matches(s, kw) }
	switch {
	case s == "local":
		return 2, true
	case s == "nat":
		return 10, true
	case m("broadcast") || s == "brd":
		return 3, true
	case m("anycast"):
		return 4, true
	case m("multicast"):
		return 5, true
	case m("prohibit"):
		return 8, true
	case m("unreachable"):
		return 7, true
	case m("blackhole"):
		return 6, true
	case m("xresolve"):
		return 11, true
	case m("unicast"):
		return 1, true
	case s == "throw":
		return 9, true
	}
	v, ok := strtoulAll(s, 0)
	if !ok || v > 255 {
		return 0, false
	}
	return uint8(v), true
}

// parseRealms is get_rt_realms_or_raw: "[FROM/]TO" realm names or numbers,
// else a raw 32-bit number.
func parseRealms(s string) (uint32, bool) {
	realm := func(r string) (uint32, bool) {
		if id, ok := realms.id(r); ok {
			return id, true
		}
		v, ok := strtoulAll(r, 0)
		return uint32(v), ok && v <= 255
	}
	var out uint32
	ok := true
	rest := s
	if i := strings.IndexByte(s, '/'); i >= 0 {
		var from uint32
		from, ok = realm(s[:i])
		out = from << 16
		rest = s[i+1:]
	}
	if ok && rest != "" {
		var to uint32
		to, ok = realm(rest)
		out |= to
	}
	if ok {
		return out, true
	}
	return getUnsigned(s, 0)
}
