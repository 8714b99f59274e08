package app

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
)

// refBatchLines is the batch reader's rule written plainly, one string per
// line (what gip did before its lines shared append-only text): a NUL or
// '#' ends a line's text, a backslash-newline joins the next line on, and
// a continuation that never comes ends the input with an error.
func refBatchLines(in string) ([]string, error) {
	r := bufio.NewReader(strings.NewReader(in))
	read := func() (string, bool) {
		line, err := r.ReadString('\n')
		if err != nil && (err != io.EOF || line == "") {
			return "", false
		}
		if i := strings.IndexByte(line, 0); i >= 0 {
			line = line[:i]
		}
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		return line, true
	}
	var out []string
	for {
		line, ok := read()
		if !ok {
			return out, nil
		}
		for strings.HasSuffix(line, "\\\n") {
			more, ok := read()
			if !ok {
				return out, errors.New("Missing continuation line")
			}
			line = line[:len(line)-2] + more
		}
		out = append(out, line)
	}
}

// The batch reader returns the lines of the plain rule, across text chunks
// and bufio buffers (lines longer than either), and a line it returned is
// never changed by the lines read after it: words of earlier lines that a
// command kept stay what they were.
func TestBatchReaderChunks(t *testing.T) {
	var sb strings.Builder
	for i := 0; i < 6000; i++ {
		switch {
		case i%997 == 0:
			fmt.Fprintf(&sb, "long %s end\n", strings.Repeat("x", 70000+i))
		case i%13 == 0:
			fmt.Fprintf(&sb, "route add 10.0.%d.0/24 \\\n  via 192.0.2.%d # c %d\n", i%256, i%200, i)
		case i%17 == 0:
			fmt.Fprintf(&sb, "link show dev v%d\x00junk\\\n", i)
		default:
			fmt.Fprintf(&sb, "address add 10.%d.%d.1/32 dev up1%s\n", i>>8, i&0xff, strings.Repeat(" ", i%50))
		}
	}
	for _, tail := range []string{"", "last line without newline", "dangling \\\n"} {
		in := sb.String() + tail
		want, wantErr := refBatchLines(in)
		b := newBatchReader(strings.NewReader(in))
		var got []string
		var copies []string
		var err error
		for {
			var line string
			if line, err = b.next(); err != nil {
				break
			}
			got = append(got, line)
			copies = append(copies, strings.Clone(line))
		}
		if err == io.EOF {
			err = nil
		}
		if fmt.Sprint(err) != fmt.Sprint(wantErr) {
			t.Errorf("tail %q: error %v, want %v", tail, err, wantErr)
		}
		if len(got) != len(want) {
			t.Fatalf("tail %q: %d lines, want %d", tail, len(got), len(want))
		}
		for i := range want {
			if copies[i] != want[i] {
				t.Fatalf("tail %q: line %d = %.80q, want %.80q", tail, i, copies[i], want[i])
			}
			if got[i] != copies[i] {
				t.Fatalf("tail %q: line %d changed after it was returned: %.80q, was %.80q", tail, i, got[i], copies[i])
			}
		}
	}
}

// Splitting into a reused word slice gives the words splitArgs gives.
func TestAppendArgsReuse(t *testing.T) {
	words := make([]string, 0, 4)
	for _, line := range []string{"a b c d e f", "x", `"q r" 's'`, "", "m n o"} {
		var err error
		words, err = appendArgs(words[:0], line)
		want, wantErr := splitArgs(line)
		if err != wantErr || strings.Join(words, "|") != strings.Join(want, "|") {
			t.Errorf("appendArgs(%q) = %q, %v; want %q, %v", line, words, err, want, wantErr)
		}
	}
}

// splitArgs is appendArgs into a new slice, for the tests.
func splitArgs(line string) ([]string, error) { return appendArgs(nil, line) }
