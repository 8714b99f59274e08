package monitor

import (
	"bytes"
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/gipnet/gip/internal/cli"
	"golang.org/x/sys/unix"
)

// FuzzReplay replays arbitrary captures (rtmon files: netlink messages
// back to back) through ip monitor's dispatch and every object's
// printer, in several output modes and object lists. A replay ends with
// no error or a *cli.Error, never a panic. The seeds are the golden
// capture and each of its messages alone. The namespace fd is no fd and
// link names come from the capture only, so nothing asks the kernel.
func FuzzReplay(f *testing.F) {
	capture, err := os.ReadFile(filepath.Join("testdata", "events.nl"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(capture, uint16(0))
	f.Add(capture, uint16(0xffff))
	for b := capture; len(b) >= 16; {
		n := int(binary.NativeEndian.Uint32(b))
		if n < 16 || n > len(b) {
			break
		}
		f.Add(b[:n], uint16(len(b)))
		b = b[(n+3)&^3:]
	}
	offlineNames = true
	f.Fuzz(func(t *testing.T, capture []byte, mode uint16) {
		file := filepath.Join(t.TempDir(), "capture.nl")
		if err := os.WriteFile(file, capture, 0o600); err != nil {
			t.Fatal(err)
		}
		o := cli.Options{
			Details:   int(mode & 1),
			Stats:     int(mode >> 1 & 1),
			Oneline:   mode&4 != 0,
			JSON:      mode&8 != 0,
			Numeric:   mode&16 != 0,
			Timestamp: int(mode >> 5 & 1),
			TShort:    mode&64 != 0,
		}
		o.Family = []int{unix.AF_UNSPEC, unix.AF_INET, unix.AF_INET6, unix.AF_MPLS}[mode>>7&3]
		words := []string{"file", file}
		if mode&(1<<9) != 0 {
			words = append(words, "label")
		}
		if mode&(1<<10) != 0 {
			words = append(words, "all-nsid")
		}
		for i, w := range []string{"link", "address", "route", "neigh", "rule"} {
			if mode&(1<<(11+i)) != 0 {
				words = append(words, w)
			}
		}
		var out, errOut bytes.Buffer
		env := cli.NewEnv(o, bytes.NewReader(nil), &out, &errOut)
		env.NetNSFD = 1 << 30
		err := Run(env, cli.NewArgs(words))
		env.Close()
		var ce *cli.Error
		if err != nil && !errors.As(err, &ce) {
			t.Fatalf("replay: error %v (%T) is not a *cli.Error", err, err)
		}
	})
}
