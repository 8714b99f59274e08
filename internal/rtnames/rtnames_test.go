package rtnames

import (
	"os"
	"path/filepath"
	"testing"
)

func TestDB(t *testing.T) {
	dir := t.TempDir()
	old := confDir
	confDir = dir
	defer func() { confDir = old }()
	os.WriteFile(filepath.Join(dir, "rt_tables"), []byte("# comment\n100\tgreen\n0x65 blue\n254 mymain\n"), 0o644)
	os.MkdirAll(filepath.Join(dir, "rt_tables.d"), 0o755)
	os.WriteFile(filepath.Join(dir, "rt_tables.d", "x.conf"), []byte("300 red\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "rt_tables.d", "ignored"), []byte("301 nope\n"), 0o644)
	db := &DB{file: "rt_tables", withDir: true, maxID: ^uint32(0), builtin: []idName{{254, "main"}, {255, "local"}}}

	names := []struct {
		id   uint32
		want string
	}{
		{100, "green"}, {101, "blue"}, {300, "red"}, {301, ""},
		{254, "main"}, // a builtin name wins when printing
		{255, "local"}, {7, ""},
	}
	for _, tt := range names {
		if got := db.Name(tt.id); got != tt.want {
			t.Errorf("Name(%d) = %q, want %q", tt.id, got, tt.want)
		}
	}
	ids := []struct {
		name string
		id   uint32
		ok   bool
	}{
		{"green", 100, true}, {"blue", 101, true}, {"red", 300, true},
		{"mymain", 254, true}, {"main", 0, false}, // the file renamed 254 for lookups
		{"local", 255, true}, {"nope", 0, false},
	}
	for _, tt := range ids {
		if id, ok := db.ID(tt.name); id != tt.id || ok != tt.ok {
			t.Errorf("ID(%q) = %d, %v, want %d, %v", tt.name, id, ok, tt.id, tt.ok)
		}
	}
	if got := db.Format(100, false); got != "green" {
		t.Errorf("Format(100, false) = %q, want green", got)
	}
	if got := db.Format(100, true); got != "100" {
		t.Errorf("Format(100, true) = %q, want 100", got)
	}
}

// In iproute2's array tables a builtin name prints until the files are
// read; then the files' names replace it.
func TestDBArrayTable(t *testing.T) {
	dir := t.TempDir()
	old := confDir
	confDir = dir
	defer func() { confDir = old }()
	os.WriteFile(filepath.Join(dir, "rt_realms"), []byte("0\tcosmos\n1\tone\n"), 0o644)
	db := &DB{file: "rt_realms", maxID: 255, arrayTable: true, builtin: []idName{{0, "unknown"}}}
	if got := db.Name(0); got != "unknown" {
		t.Errorf("Name(0) before the file is read = %q, want unknown", got)
	}
	if got := db.Name(1); got != "one" {
		t.Errorf("Name(1) = %q, want one", got)
	}
	if got := db.Name(0); got != "cosmos" {
		t.Errorf("Name(0) after the file is read = %q, want cosmos", got)
	}
}
