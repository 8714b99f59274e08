package ipmonitor

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cmdline"
	"golang.org/x/sys/unix"
)

// maxCapture bounds a fuzzed capture: longer ones add nothing that a
// few messages do not, and each replay writes a file, so that the
// fuzzer's minimizing of a long one would take its whole time.
const maxCapture = 4096

// FuzzReplay replays arbitrary captures (rtmon files: netlink messages
// back to back) through ip monitor's dispatch and every object's
// printer, in several output modes and object lists. A replay ends with
// no error or a *cmdline.Error, never a panic. The seeds are the golden
// capture, cut. The namespace fd is no fd and
// link names come from the capture only, so nothing asks the kernel.
func FuzzReplay(f *testing.F) {
	capture, err := os.ReadFile(filepath.Join("testdata", "events.nl"))
	if err != nil {
		f.Fatal(err)
	}
	// Seeds: each message alone, and runs of consecutive messages of up
	// to maxCapture bytes (the links first, then what names them).
	start := 0
	for off := 0; off+16 <= len(capture); {
		n := int(binary.NativeEndian.Uint32(capture[off:]))
		if n < 16 || off+n > len(capture) {
			break
		}
		f.Add(capture[off:off+n], uint16(off))
		next := off + (n+3)&^3
		if next-start > maxCapture {
			f.Add(capture[start:off], uint16(0))
			f.Add(capture[start:off], uint16(0xffff))
			start = off
		}
		off = next
	}
	offlineNames = true
	// One file per worker process (each runs this function), rewritten
	// for each input: a directory per input slows the fuzzer down
	// several times, and minimizing a long capture with it takes minutes.
	file := filepath.Join(f.TempDir(), "capture.nl")
	f.Fuzz(func(t *testing.T, capture []byte, mode uint16) {
		if len(capture) > maxCapture {
			return
		}
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
		// A replay that does not end is a finding too: crash the worker,
		// so that the fuzzer keeps the input.
		watchdog := time.AfterFunc(20*time.Second, func() { panic(fmt.Sprintf("replay of %x (mode %#x) hangs", capture, mode)) })
		defer watchdog.Stop()
		err := Run(env, cmdline.NewArgs(words))
		env.Close()
		var ce *cmdline.Error
		if err != nil && !errors.As(err, &ce) {
			t.Fatalf("replay: error %v (%T) is not a *cmdline.Error", err, err)
		}
	})
}
