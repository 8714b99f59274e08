package nl

// receiverBufs is how many datagrams the receiver may be ahead of the
// consumer, plus the one the consumer holds and the one ahead of it that
// DumpAhead looks at.
const receiverBufs = 4

// receiver receives the rest of a dump on its own goroutine. The consumer
// takes datagrams in order with next and gives each buffer back with
// release once it is done with it; the receiver stops after the datagram
// that ends the dump, or at the first error. The consumer must take every
// datagram up to that one: the socket is the receiver's until then.
type receiver struct {
	full chan datagram
	free chan []byte
	held []byte // the buffer of the datagram the consumer is using
}

// datagram is one received datagram, b, in buffer buf.
type datagram struct {
	buf, b []byte
	last   bool // b ends the dump
	err    error
}

// receive starts receiving the rest of dump seq with recv, into c's
// receiver buffers.
func (c *Conn) receive(seq uint32, recv func(buf *[]byte) ([]byte, error)) *receiver {
	r := &receiver{full: make(chan datagram, receiverBufs), free: make(chan []byte, receiverBufs)}
	for len(c.pipe) < receiverBufs {
		c.pipe = append(c.pipe, make([]byte, recvBufSize))
	}
	for _, b := range c.pipe {
		r.free <- b
	}
	go func() {
		for {
			buf := <-r.free
			b, err := recv(&buf)
			if err != nil {
				r.full <- datagram{err: err}
				return
			}
			last := endsDump(b, seq)
			r.full <- datagram{buf: buf, b: b, last: last}
			if last {
				return
			}
		}
	}()
	return r
}

// next waits for the next datagram.
func (r *receiver) next() datagram { return <-r.full }

// hold marks d's buffer as the consumer's until release.
func (r *receiver) hold(d datagram) { r.held = d.buf }

// release gives the held buffer back to the receiver.
func (r *receiver) release() {
	r.free <- r.held
	r.held = nil
}
