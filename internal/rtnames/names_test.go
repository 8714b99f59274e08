package rtnames

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// Names are what ID accepts: the files' names, and the builtin ones they
// did not rename.
func TestNames(t *testing.T) {
	dir := t.TempDir()
	old := confDir
	confDir = dir
	defer func() { confDir = old }()
	os.WriteFile(filepath.Join(dir, "rt_tables"), []byte("100\tgreen\n254 mymain\n"), 0o644)
	os.MkdirAll(filepath.Join(dir, "rt_tables.d"), 0o755)
	os.WriteFile(filepath.Join(dir, "rt_tables.d", "x.conf"), []byte("300 red\n"), 0o644)
	db := &DB{file: "rt_tables", withDir: true, maxID: ^uint32(0), builtin: []idName{{253, "default"}, {254, "main"}, {255, "local"}}}
	want := []string{"green", "default", "mymain", "local", "red"}
	if got := db.Names(); !reflect.DeepEqual(got, want) {
		t.Errorf("Names() = %q, want %q", got, want)
	}
	for _, n := range want {
		if _, ok := db.ID(n); !ok {
			t.Errorf("ID(%q) fails for a name Names gave", n)
		}
	}
}
