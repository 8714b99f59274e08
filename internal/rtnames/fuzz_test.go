package rtnames

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// quietStderr sends readIDNames' "corrupted" warnings to /dev/null for the
// rest of the fuzz run.
func quietStderr(f *testing.F) {
	null, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		f.Fatal(err)
	}
	old := os.Stderr
	os.Stderr = null
	f.Cleanup(func() { os.Stderr = old; null.Close() })
}

// FuzzReadIDNames reads arbitrary rt_tables-style text. Every entry it
// takes has a name without blanks or a leading '#', and written back as
// "0xID NAME" lines the entries read the same again.
func FuzzReadIDNames(f *testing.F) {
	quietStderr(f)
	for _, s := range []string{
		"# comment\n100\tgreen\n0x65 blue\n254 mymain\n",
		"  7 x # trailing\n\n",
		"bad\n1 one\n",
		"-1 neg\n0x-2 hexneg\n4294967295 big\n0xffffffffff huge\n",
		"1 a\r\n2\tb\x00c\n",
		"1\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		got := readIDNames(strings.NewReader(text), "fuzz")
		var b strings.Builder
		for _, e := range got {
			if e.name == "" || strings.ContainsAny(e.name, " \t\n") {
				t.Fatalf("entry %d has name %q", e.id, e.name)
			}
			fmt.Fprintf(&b, "0x%x %s\n", e.id, e.name)
		}
		again := readIDNames(strings.NewReader(b.String()), "fuzz")
		if len(got) != 0 && !reflect.DeepEqual(got, again) {
			t.Fatalf("read %q\n  got %v\nagain %v (from %q)", text, got, again, b.String())
		}
	})
}

// FuzzDB loads a database from an arbitrary file and its .d directory and
// asks it for names and ids: every name the file gives answers its id back.
func FuzzDB(f *testing.F) {
	quietStderr(f)
	f.Add("100 green\n0x65 blue\n254 mymain\n", "300 red\n", uint32(254))
	f.Add("0 cosmos\n", "", uint32(0))
	f.Add("x\n", "256 big\n", uint32(256))
	f.Fuzz(func(t *testing.T, file, dfile string, id uint32) {
		dir := t.TempDir()
		old := confDir
		confDir = dir
		defer func() { confDir = old }()
		os.WriteFile(filepath.Join(dir, "rt_x"), []byte(file), 0o644)
		os.MkdirAll(filepath.Join(dir, "rt_x.d"), 0o755)
		os.WriteFile(filepath.Join(dir, "rt_x.d", "a.conf"), []byte(dfile), 0o644)
		for _, db := range []*DB{
			{file: "rt_x", withDir: true, maxID: ^uint32(0), builtin: []idName{{253, "default"}, {254, "main"}, {255, "local"}}},
			{file: "rt_x", maxID: 255, arrayTable: true, builtin: []idName{{0, "unknown"}}},
		} {
			db.Format(id, false)
			db.load()
			for _, e := range db.order {
				if e.id > db.maxID {
					t.Fatalf("id %d over the table's %d", e.id, db.maxID)
				}
				if got, ok := db.ID(e.name); !ok || db.names[got] != e.name {
					t.Fatalf("ID(%q) = %d, %v: not a name of that id", e.name, got, ok)
				}
			}
		}
	})
}
