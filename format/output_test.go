package format

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

// sizes records what each write to it held.
type sizes struct {
	bytes.Buffer
	writes []int
	fail   error
}

func (s *sizes) Write(b []byte) (int, error) {
	if s.fail != nil {
		return 0, s.fail
	}
	s.writes = append(s.writes, len(b))
	return s.Buffer.Write(b)
}

// Text printed and bytes written through Writer keep their order, and go
// out in whole blocks of outSize bytes, as through a bufio.Writer of that
// size, the rest at Flush.
func TestOutputOrderAndBlocks(t *testing.T) {
	var dst sizes
	p := New(&dst, Options{})
	var want strings.Builder
	for i := 0; i < 20000; i++ {
		p.String(Any, "k", "v %s ", "abc")
		p.Writer().WriteString("raw")
		p.Writer().WriteByte(';')
		p.Uint(Any, "n", "%u\n", uint64(i))
		want.WriteString("v abc raw;")
		want.WriteString(itoa(i) + "\n")
	}
	if dst.Len() != 0 && len(dst.writes) == 0 {
		t.Fatal("bytes without a write")
	}
	for _, n := range dst.writes {
		if n != outSize {
			t.Fatalf("a write of %d bytes before Flush, want %d", n, outSize)
		}
	}
	if err := p.Flush(); err != nil {
		t.Fatal(err)
	}
	if got := dst.String(); got != want.String() {
		t.Fatalf("output differs from what was printed (%d bytes, want %d)", len(got), want.Len())
	}
	if p.Writer().Buffered() != 0 {
		t.Errorf("Buffered after Flush = %d", p.Writer().Buffered())
	}
}

func itoa(i int) string {
	var b []byte
	return string(appendInt(b, i))
}

func appendInt(b []byte, i int) []byte {
	if i >= 10 {
		b = appendInt(b, i/10)
	}
	return append(b, byte('0'+i%10))
}

// A failed write is kept and returned by Flush; the buffer does not grow
// without bound after it.
func TestOutputError(t *testing.T) {
	bad := errors.New("no space")
	dst := &sizes{fail: bad}
	p := New(dst, Options{})
	for i := 0; i < 3*outSize; i++ {
		p.Text("x")
	}
	if err := p.Flush(); err != bad {
		t.Fatalf("Flush = %v, want %v", err, bad)
	}
	if p.Writer().Buffered() != 0 || cap(p.o.buf) > 2*outSize {
		t.Errorf("after the error: %d bytes buffered, capacity %d", p.Writer().Buffered(), cap(p.o.buf))
	}
}

// A printer made on another's Writer shares its buffer: their output
// keeps the order it was printed in.
func TestOutputShared(t *testing.T) {
	var dst bytes.Buffer
	p := New(&dst, Options{})
	q := New(p.Writer(), Options{JSON: true})
	p.Text("a ")
	q.Begin()
	q.End()
	p.Text("b\n")
	p.Flush()
	if got, want := dst.String(), "a []\nb\n"; got != want {
		t.Errorf("shared output = %q, want %q", got, want)
	}
}
