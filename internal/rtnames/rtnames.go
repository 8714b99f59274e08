// Package rtnames holds iproute2's id↔name databases (rt_tables,
// rt_protos, rt_scopes, rt_dsfield, rt_realms under /etc/iproute2): builtin
// names overlaid by the files, read once on first use.
package rtnames

import (
	"bufio"
	"fmt"
	"github.com/gipnet/gip/internal/plainfile"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
)

// confDir is where iproute2 reads its name databases.
var confDir = "/etc/iproute2" // a variable for tests

// DB is one of iproute2's id↔name databases (rt_tables, rt_protos,
// rt_scopes, rt_dsfield, rt_realms): builtin names, overlaid by the config
// file (and its .d directory) on first use.
type DB struct {
	file    string   // under confDir
	withDir bool     // also read FILE.d/*.conf
	maxID   uint32   // ids above are ignored (255 for the fixed-size tables)
	builtin []idName // a slice, not a map: laid out at compile time, no start-up work
	// arrayTable: iproute2 keeps these names in a 256-entry array that the
	// files overwrite once read, so from then on a file's name replaces a
	// builtin one when printing (rt_realms' "0 cosmos" replaces "unknown").
	// rt_tables is a hash instead, whose builtin entries keep printing.
	arrayTable bool

	once   sync.Once
	loaded atomic.Bool // the files are read
	names  map[uint32]string
	order  []idName // lookup order for name → id
}

type idName struct {
	id   uint32
	name string
}

// load reads the database files, as iproute2 does lazily: later entries for
// an id replace earlier ones; a malformed line stops reading that file with
// iproute2's warning.
func (db *DB) load() {
	db.once.Do(func() {
		db.names = make(map[uint32]string, len(db.builtin)+8)
		for _, e := range db.builtin {
			db.names[e.id] = e.name
		}
		var fileEntries []idName
		read := func(path string) {
			f, err := plainfile.Open(path)
			if err != nil {
				return
			}
			defer f.Close()
			fileEntries = append(fileEntries, readIDNames(f, path)...)
		}
		read(filepath.Join(confDir, db.file))
		if db.withDir {
			dir := filepath.Join(confDir, db.file+".d")
			if ents, err := readDir(dir); err == nil {
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
		db.loaded.Store(true)
	})
}

// readIDNames parses "ID NAME" lines (ID decimal or 0x hex; '#' comments).
func readIDNames(r io.Reader, path string) []idName {
	var out []idName
	br := bufio.NewReader(r)
	for {
		// The line keeps its newline: iproute2 prints it in the
		// warning below as fgets read it.
		raw, rerr := br.ReadString('\n')
		if raw == "" && rerr != nil {
			return out
		}
		raw = strings.TrimLeft(raw, " \t")
		line := strings.TrimSuffix(raw, "\n")
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
			fmt.Fprintf(os.Stderr, "Database %s is corrupted at %s\n", path, raw)
			return out
		}
		if id < 0 {
			continue
		}
		out = append(out, idName{uint32(id), fields[1]})
	}
}

// Name returns the name of id, or "" when it has none. As in iproute2,
// a builtin name is answered without reading the files (see arrayTable for
// what changes once they are read).
func (db *DB) Name(id uint32) string {
	if db.arrayTable && db.loaded.Load() {
		return db.names[id]
	}
	for _, e := range db.builtin {
		if e.id == id {
			return e.name
		}
	}
	db.load()
	return db.names[id]
}

// ID returns the id named s.
func (db *DB) ID(s string) (uint32, bool) {
	db.load()
	for _, e := range db.order {
		if e.name == s {
			return e.id, true
		}
	}
	return 0, false
}

// The databases iproute2 knows, with its builtin names.
var (
	Tables    = &DB{file: "rt_tables", withDir: true, maxID: ^uint32(0), builtin: []idName{{253, "default"}, {254, "main"}, {255, "local"}}}
	Protocols = &DB{file: "rt_protos", withDir: true, maxID: 255, arrayTable: true, builtin: []idName{
		{0, "unspec"}, {1, "redirect"}, {2, "kernel"}, {3, "boot"}, {4, "static"},
		{8, "gated"}, {9, "ra"}, {10, "mrt"}, {11, "zebra"}, {12, "bird"}, {13, "dnrouted"},
		{14, "xorp"}, {15, "ntk"}, {16, "dhcp"}, {18, "keepalived"}, {42, "babel"},
		{186, "bgp"}, {187, "isis"}, {188, "ospf"}, {189, "rip"}, {192, "eigrp"},
	}}
	Scopes   = &DB{file: "rt_scopes", maxID: 255, arrayTable: true, builtin: []idName{{0, "global"}, {255, "nowhere"}, {254, "host"}, {253, "link"}, {200, "site"}}}
	DSFields = &DB{file: "rt_dsfield", maxID: 255, arrayTable: true, builtin: []idName{}}
	Realms   = &DB{file: "rt_realms", maxID: 255, arrayTable: true, builtin: []idName{{0, "unknown"}}}
)

// Format is the name of id, or its decimal number when it has none or
// numeric (-Numeric) is set.
func (db *DB) Format(id uint32, numeric bool) string {
	if !numeric {
		if s := db.Name(id); s != "" {
			return s
		}
	}
	return Decimal(id)
}

// readDir is os.ReadDir (entries sorted by name) without the runtime
// poller (see plainfile).
func readDir(dir string) ([]os.DirEntry, error) {
	d, err := plainfile.Open(dir)
	if err != nil {
		return nil, err
	}
	defer d.Close()
	ents, err := d.ReadDir(-1)
	sort.Slice(ents, func(i, j int) bool { return ents[i].Name() < ents[j].Name() })
	return ents, err
}
