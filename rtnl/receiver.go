package rtnl

// inlineDatagrams is how many datagrams of a dump are received on the
// caller's goroutine before a receiver takes over. A dump ends with a
// datagram of its own (NLMSG_DONE) unless the last objects leave room for
// it, so two keep a listing of a few links or routes free of the thread
// wake-ups a goroutine costs; a larger dump gains from the receiver.
const inlineDatagrams = 2

// source yields the datagrams of a dump in order: the first
// inlineDatagrams received inline into the Conn's own buffers, the rest by
// a receiver goroutine. While the caller decodes and prints one datagram
// the kernel already builds the next, so on two CPUs a large dump costs
// about the larger of the kernel's and gip's parts instead of their sum.
type source struct {
	c     *Conn
	seq   uint32
	recv  func(buf *[]byte) ([]byte, error)
	taken int
	used  int // bytes of c.bufs[0] the first datagram holds
	r     *receiver
	cur   batch // the batch being taken from
	i     int   // the next datagram of cur
}

// tailMin is the least room the first buffer must have left after the
// first datagram for the second to be received there: more than the
// kernel puts in one dump datagram, SKB_WITH_OVERHEAD(32768) (larger link
// messages are peeked at and get a buffer of their own).
const tailMin = 32 << 10

// next waits for the next datagram. The caller must take every datagram
// up to the one that ends the dump (or fails): until then the socket is
// the receiver's.
func (s *source) next() (datagram, error) {
	if s.taken < inlineDatagrams {
		buf := &s.c.bufs[s.taken]
		// The second datagram goes after the first in the first
		// buffer when there is room: a small dump (one object, then
		// NLMSG_DONE) then needs one buffer, and the kernel writes both
		// datagrams into the same page.
		var tail []byte
		if s.taken == 1 && len(s.c.bufs[0])-s.used >= tailMin {
			tail = s.c.bufs[0][s.used:]
			buf = &tail
		}
		s.taken++
		b, err := s.recv(buf)
		if tail != nil && len(tail) > 0 && &tail[0] != &s.c.bufs[0][s.used] {
			// recv grew it for a larger message: keep that buffer.
			s.c.bufs[1] = tail
		}
		if err != nil {
			return datagram{}, err
		}
		if s.taken == 1 {
			s.used = (len(b) + 15) &^ 15
		}
		return datagram{b: b, last: endsDump(b, s.seq)}, nil
	}
	if s.r == nil {
		s.r = s.c.receive(s.seq, s.recv)
	}
	if s.i == s.cur.n {
		s.cur, s.i = <-s.r.full, 0
	}
	d := s.cur.d[s.i]
	s.i++
	return d, d.err
}

// release gives a receiver's buffer back once the caller is done with the
// datagram in it.
func (s *source) release(d datagram) {
	if d.buf != nil {
		s.r.free <- d.buf
	}
}

// batchLen is how many datagrams the receiver hands over at a time. The
// caller usually decodes and prints a datagram faster than the kernel
// builds the next one, so it waits for every hand-off: handing over one
// datagram at a time woke it (a futex call and a scheduler round on each
// side) for each of the ~500 datagrams of 100k IPv6 routes, on the
// receiver's thread, which is the one the kernel's work runs on. Batches
// wake it a quarter as often; what they cost is the last batch, which the
// caller prints after the kernel is done (a few tens of microseconds a
// datagram).
const batchLen = 4

// receiverBufs is how many buffers the receiver may fill before the
// consumer gives one back: the batch the consumer holds, the next one,
// which DumpAhead looks at, and the one being filled.
const receiverBufs = 3 * batchLen

// batch is up to batchLen datagrams of a dump, in order.
type batch struct {
	d [batchLen]datagram
	n int
}

// receiver receives the rest of a dump on its own goroutine, sending the
// datagrams in order on full, a batch at a time, and taking buffers back
// on free; it stops after the datagram that ends the dump, or at the first
// error.
type receiver struct {
	full chan batch
	free chan []byte
}

// datagram is one received datagram, b, in buffer buf (nil for the
// source's inline buffers).
type datagram struct {
	buf, b []byte
	last   bool // b ends the dump
	err    error
}

// receive starts receiving the rest of dump seq with recv, into c's
// receiver buffers.
func (c *Conn) receive(seq uint32, recv func(buf *[]byte) ([]byte, error)) *receiver {
	r := &receiver{full: make(chan batch, receiverBufs/batchLen), free: make(chan []byte, receiverBufs)}
	for len(c.pipe) < receiverBufs {
		c.pipe = append(c.pipe, make([]byte, recvBufSize))
	}
	for _, b := range c.pipe {
		r.free <- b
	}
	go func() {
		var bt batch
		for {
			buf := <-r.free
			b, err := recv(&buf)
			if err != nil {
				bt.d[bt.n] = datagram{err: err}
				bt.n++
				r.full <- bt
				return
			}
			last := endsDump(b, seq)
			bt.d[bt.n] = datagram{buf: buf, b: b, last: last}
			bt.n++
			if last || bt.n == batchLen {
				r.full <- bt
				bt.n = 0
			}
			if last {
				return
			}
		}
	}()
	return r
}
