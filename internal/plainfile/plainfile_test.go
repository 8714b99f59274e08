package plainfile

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/sys/unix"
)

func TestOpenReadsFileAndDir(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "f")
	if err := os.WriteFile(path, []byte("0\tdefault\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	flags, err := unix.FcntlInt(f.Fd(), unix.F_GETFL, 0)
	if err != nil || flags&unix.O_NONBLOCK != 0 {
		t.Errorf("descriptor flags %#x, %v: want blocking (a non-blocking one is in the poller)", flags, err)
	}
	b, err := io.ReadAll(f)
	f.Close()
	if err != nil || string(b) != "0\tdefault\n" {
		t.Fatalf("ReadAll = %q, %v; want %q, nil", b, err, "0\tdefault\n")
	}
	d, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	names, err := d.Readdirnames(-1)
	d.Close()
	if err != nil || len(names) != 1 || names[0] != "f" {
		t.Fatalf("Readdirnames = %q, %v; want [f], nil", names, err)
	}
}

func TestOpenErrorIsOsOpens(t *testing.T) {
	path := filepath.Join(t.TempDir(), "missing")
	_, err := Open(path)
	_, want := os.Open(path)
	if err == nil || err.Error() != want.Error() {
		t.Fatalf("Open(%q) = %v, want %v", path, err, want)
	}
	var pe *fs.PathError
	if !errors.As(err, &pe) || !errors.Is(err, unix.ENOENT) {
		t.Errorf("Open(%q) error %#v is not a *PathError wrapping ENOENT", path, err)
	}
}
