package format

import "io"

// outSize is the output buffer's size: printed text goes out in writes of
// this many bytes, as through a bufio.Writer of this size, and at Flush.
const outSize = 64 << 10

// Output is the buffer that every printer on one stream appends to, and
// the writer for bytes written around the printers (Printer.Writer), so
// both keep their order. The printers append to its slice directly: a
// dump prints millions of values, and a call into a bufio.Writer for each
// piece of text was most of the time spent printing a route.
type Output struct {
	buf []byte
	w   io.Writer
	err error // the first failed write; later output is dropped
}

// NewOutput returns an Output buffering for w (call Flush).
func NewOutput(w io.Writer) *Output {
	return &Output{buf: make([]byte, 0, outSize+outSize/4), w: w}
}

// spill writes out the whole blocks of outSize bytes the buffer holds and
// moves the rest to its start.
func (o *Output) spill() {
	n := 0
	for len(o.buf)-n >= outSize {
		o.write(o.buf[n : n+outSize])
		n += outSize
	}
	o.buf = o.buf[:copy(o.buf, o.buf[n:])]
}

func (o *Output) write(b []byte) {
	if o.err != nil {
		return
	}
	n, err := o.w.Write(b)
	if err == nil && n < len(b) {
		err = io.ErrShortWrite
	}
	o.err = err
}

// Write appends b.
func (o *Output) Write(b []byte) (int, error) {
	o.buf = append(o.buf, b...)
	if len(o.buf) >= outSize {
		o.spill()
	}
	return len(b), o.err
}

// WriteString appends s.
func (o *Output) WriteString(s string) (int, error) {
	o.buf = append(o.buf, s...)
	if len(o.buf) >= outSize {
		o.spill()
	}
	return len(s), o.err
}

// WriteByte appends c.
func (o *Output) WriteByte(c byte) error {
	o.buf = append(o.buf, c)
	if len(o.buf) >= outSize {
		o.spill()
	}
	return o.err
}

// Buffered is how many bytes wait for the next write.
func (o *Output) Buffered() int { return len(o.buf) }

// Flush writes out what is buffered (and flushes w when it buffers too)
// and returns the first write error.
func (o *Output) Flush() error {
	if len(o.buf) > 0 {
		o.write(o.buf)
		o.buf = o.buf[:0]
	}
	if f, ok := o.w.(interface{ Flush() error }); ok && o.err == nil {
		o.err = f.Flush()
	}
	return o.err
}
