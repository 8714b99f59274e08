package app

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/gipnet/gip/internal/cmdline"
)

// FuzzBatchReader reads arbitrary -batch input line by line and splits
// every line into words, as runBatch does (without running them). It must
// end, never panic, count lines forward, and split a line without quotes
// or NULs exactly at blanks, tabs, CRs and newlines.
func FuzzBatchReader(f *testing.F) {
	for _, s := range []string{
		"link show lo\n",
		"address add 10.0.0.1/24 dev v0 # comment\nroute\n",
		"link add \\\nv0 type veth\n",
		"link show \\",
		"a \\ # hidden \\\nb\n",
		`link show "lo" 'x y' ""` + "\n",
		"link show \"lo\n",
		"\r\n\t \n#\n\\\n",
		"a\x00b c\n",
		strings.Repeat("w ", 600) + "\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		b := newBatchReader(strings.NewReader(string(in)))
		last := 0
		for n := 0; ; n++ {
			if n > len(in)+1 {
				t.Fatalf("more lines than input bytes: %q", in)
			}
			line, err := b.next()
			if err != nil {
				break
			}
			if b.lineNo <= last {
				t.Fatalf("line number went from %d to %d", last, b.lineNo)
			}
			last = b.lineNo
			if strings.Contains(line, "#") {
				t.Fatalf("a comment is left in %q", line)
			}
			words, err := splitArgs(line)
			if err != nil {
				var ce *cmdline.Error
				if !errors.As(err, &ce) {
					t.Fatalf("splitArgs(%q): %v is not a *cmdline.Error", line, err)
				}
				continue
			}
			if !strings.ContainsAny(line, "\"'\x00") {
				want := strings.FieldsFunc(line, func(r rune) bool { return r == ' ' || r == '\t' || r == '\r' || r == '\n' })
				if len(want) == 0 {
					want = nil
				}
				if !reflect.DeepEqual(words, want) {
					t.Fatalf("splitArgs(%q) = %q, want %q", line, words, want)
				}
			}
		}
	})
}

// FuzzSplitArgs checks the word splitter alone: a quoted word keeps its
// blanks, every other word has none, and the words are no longer than the
// line.
func FuzzSplitArgs(f *testing.F) {
	for _, s := range []string{`link show "lo"`, `'a b' "c d" e`, `"`, `'x`, `"" ''`, "a\tb\rc\n", `x"y"z`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		words, err := splitArgs(line)
		if err != nil {
			return
		}
		total := 0
		for _, w := range words {
			total += len(w)
		}
		if total > len(line) {
			t.Fatalf("splitArgs(%q) = %q: more text than the line", line, words)
		}
		if !strings.ContainsAny(line, "\"'") {
			for _, w := range words {
				if w == "" || strings.ContainsAny(w, " \t\r\n") {
					t.Fatalf("splitArgs(%q) = %q: word %q", line, words, w)
				}
			}
		}
	})
}
