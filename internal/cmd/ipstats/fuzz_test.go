package ipstats

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cmdline"
)

// FuzzParseShow feeds `ip stats show` word lists (split at single blanks,
// so empty words occur) to the grammar: it must end in a selection or an
// exit-status error, never a panic, and a selection must print.
func FuzzParseShow(f *testing.F) {
	for _, s := range []string{"", "dev lo", "group link", "group xstats subgroup bridge suite stp",
		"group offload subgroup l3_stats group afstats", "subgroup x", "group link subgroup x",
		"group xstats suite stp", "dev  group", "help", "group  subgroup ", "dev lo dev lo"} {
		f.Add(s)
	}
	msg, err := os.ReadFile(filepath.Join("testdata", "port-all.bin"))
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, line string) {
		words := strings.Split(line, " ")
		if line == "" {
			words = nil
		}
		var errb bytes.Buffer
		_, sel, done, err := ParseShow(cmdline.NewArgs(words), &errb)
		if err != nil {
			if _, ok := err.(*cmdline.Error); !ok {
				t.Fatalf("%q: error %T %v", line, err, err)
			}
			return
		}
		if done {
			return
		}
		if len(sel) == 0 {
			t.Fatalf("%q: nothing selected", line)
		}
		for i := 1; i < len(sel); i++ {
			if sel[i-1].d.rank >= sel[i].d.rank {
				t.Fatalf("%q: selection out of order", line)
			}
		}
		_ = Filter(sel).Body(0)
		printOffline(t, cli.Options{}, append([]string{"show"}, words...), msg)
	})
}

// FuzzPrint decodes and prints arbitrary stats messages in every output
// mode with every statistic selected.
func FuzzPrint(f *testing.F) {
	for _, g := range goldenPrints {
		msg, err := os.ReadFile(filepath.Join("testdata", g.name+".bin"))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(msg, uint8(0))
	}
	f.Add([]byte{}, uint8(1))
	f.Fuzz(func(t *testing.T, msg []byte, mode uint8) {
		o := cli.Options{JSON: mode&1 != 0, Pretty: mode&2 != 0, Oneline: mode&4 != 0, Details: int(mode >> 3 & 1),
			Human: int(mode >> 4 & 1)}
		printOffline(t, o, []string{"show"}, msg)
	})
}
