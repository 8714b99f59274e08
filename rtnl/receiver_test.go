package rtnl

import (
	"encoding/binary"
	"errors"
	"fmt"
	"testing"

	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// fakeDump serves a dump of n messages, per to a datagram, as recv would:
// each message's body is its number, written into the buffer it is given,
// so a buffer reused while the consumer still reads it shows up as a wrong
// number.
type fakeDump struct {
	seq      uint32
	n, per   int
	sent     int
	stale    int // datagrams of another sequence number served first
	failAt   int // the datagram (1-based) that fails with errFake, 0 none
	datagram int
	intrFrom int   // messages from this one (1-based, n+1 the NLMSG_DONE) carry NLM_F_DUMP_INTR; 0 none
	doneErr  int32 // the errno the NLMSG_DONE carries
}

// flags are the header flags of message i (1-based) of the dump.
func (f *fakeDump) flags(i int) netlink.HeaderFlags {
	if f.intrFrom > 0 && i >= f.intrFrom {
		return netlink.Multi | netlink.DumpInterrupted
	}
	return netlink.Multi
}

var errFake = errors.New("fake receive error")

func (f *fakeDump) recv(buf *[]byte) ([]byte, error) {
	f.datagram++
	if f.datagram == f.failAt {
		return nil, errFake
	}
	if *buf == nil {
		*buf = make([]byte, recvBufSize)
	}
	b := (*buf)[:0]
	if f.stale > 0 {
		f.stale--
		return append(b, msg(unix.RTM_NEWLINK, netlink.Multi, f.seq+1, binary.NativeEndian.AppendUint32(nil, 999))...), nil
	}
	for i := 0; i < f.per && f.sent < f.n; i++ {
		b = append(b, msg(unix.RTM_NEWLINK, f.flags(f.sent+1), f.seq, binary.NativeEndian.AppendUint32(nil, uint32(f.sent)))...)
		f.sent++
	}
	if f.sent == f.n {
		b = append(b, msg(netlink.Done, f.flags(f.n+1), f.seq, errno(f.doneErr))...)
	}
	return b, nil
}

func TestDumpPipelineOrder(t *testing.T) {
	for _, tc := range []struct {
		n, per, stale int
		ahead         bool
	}{
		{0, 4, 0, false}, {3, 4, 0, false}, {4, 4, 0, false}, {5, 4, 0, false},
		{1000, 7, 0, false}, {1000, 7, 0, true}, {1000, 1, 0, true}, {9, 3, 2, true}, {2, 1, 1, false},
	} {
		t.Run(fmt.Sprintf("n=%d,per=%d,stale=%d,ahead=%v", tc.n, tc.per, tc.stale, tc.ahead), func(t *testing.T) {
			f := &fakeDump{seq: 42, n: tc.n, per: tc.per, stale: tc.stale}
			var got, seen []uint32
			d := dump{c: &Conn{}, seq: f.seq, recv: f.recv, fn: func(m netlink.Message) error {
				got = append(got, binary.NativeEndian.Uint32(m.Data))
				return nil
			}}
			if tc.ahead {
				d.ahead = func(m netlink.Message) { seen = append(seen, binary.NativeEndian.Uint32(m.Data)) }
			}
			if err := d.run(); err != nil {
				t.Fatalf("run = %v", err)
			}
			if len(got) != tc.n {
				t.Fatalf("delivered %d messages, want %d", len(got), tc.n)
			}
			for i, v := range got {
				if v != uint32(i) {
					t.Fatalf("message %d carries %d: a buffer was reused too early or out of order", i, v)
				}
				// Look-ahead: every message of the next datagram is
				// seen before this one is delivered.
				if tc.ahead {
					if want := min((i/tc.per+2)*tc.per, tc.n); len(seen) < want {
						t.Fatalf("look-ahead saw %d messages by message %d, want >= %d", len(seen), i, want)
					}
				}
			}
			if tc.ahead && len(seen) != tc.n {
				t.Errorf("look-ahead saw %d messages, want %d", len(seen), tc.n)
			}
		})
	}
}

// A callback error stops delivery but not the dump: the rest is read (the
// socket stays usable) and the error is returned.
func TestDumpPipelineCallbackError(t *testing.T) {
	f := &fakeDump{seq: 7, n: 100, per: 3}
	stop := errors.New("stop")
	calls := 0
	d := dump{c: &Conn{}, seq: f.seq, recv: f.recv, fn: func(m netlink.Message) error {
		calls++
		if calls == 10 {
			return stop
		}
		return nil
	}}
	if err := d.run(); err != stop {
		t.Fatalf("run = %v, want the callback's error", err)
	}
	if calls != 10 || f.sent != 100 {
		t.Errorf("calls %d, messages read %d; want 10 and all 100", calls, f.sent)
	}
}

func TestDumpPipelineReceiveError(t *testing.T) {
	for _, at := range []int{1, 2, 5} {
		f := &fakeDump{seq: 7, n: 100, per: 3, failAt: at}
		d := dump{c: &Conn{}, seq: f.seq, recv: f.recv, fn: func(netlink.Message) error { return nil }}
		if err := d.run(); err != errFake {
			t.Errorf("failing datagram %d: run = %v, want %v", at, err, errFake)
		}
	}
}

// A dump the kernel flagged as interrupted (on any message, the NLMSG_DONE
// included) is delivered whole and succeeds; the Conn's Interrupted hook
// is called once, after the last message, as iproute2 prints its warning
// after the dump. A dump that fails is not reported as interrupted.
func TestDumpInterrupted(t *testing.T) {
	for _, tc := range []struct {
		n, per, intrFrom int
		doneErr          int32
		wantCalls        int
		wantErr          bool
	}{
		{n: 10, per: 3, intrFrom: 0, wantCalls: 0},
		{n: 10, per: 3, intrFrom: 1, wantCalls: 1},
		{n: 10, per: 3, intrFrom: 5, wantCalls: 1},
		{n: 10, per: 3, intrFrom: 11, wantCalls: 1}, // only the DONE
		{n: 1000, per: 7, intrFrom: 600, wantCalls: 1},
		{n: 0, per: 3, intrFrom: 1, wantCalls: 1},
		{n: 10, per: 3, intrFrom: 2, doneErr: -int32(unix.EBUSY), wantErr: true},
	} {
		t.Run(fmt.Sprintf("n=%d,from=%d,err=%d", tc.n, tc.intrFrom, tc.doneErr), func(t *testing.T) {
			f := &fakeDump{seq: 9, n: tc.n, per: tc.per, intrFrom: tc.intrFrom, doneErr: tc.doneErr}
			delivered, calls, deliveredAtCall := 0, 0, -1
			c := &Conn{}
			c.Interrupted = func() { calls++; deliveredAtCall = delivered }
			d := dump{c: c, seq: f.seq, recv: f.recv, fn: func(netlink.Message) error {
				delivered++
				return nil
			}}
			err := d.run()
			if (err != nil) != tc.wantErr {
				t.Fatalf("run = %v, want error %v", err, tc.wantErr)
			}
			if delivered != tc.n {
				t.Errorf("delivered %d messages, want all %d", delivered, tc.n)
			}
			if calls != tc.wantCalls {
				t.Fatalf("Interrupted called %d times, want %d", calls, tc.wantCalls)
			}
			if calls == 1 && deliveredAtCall != tc.n {
				t.Errorf("Interrupted called after %d messages, want after all %d", deliveredAtCall, tc.n)
			}
			// Without a hook an interrupted dump is still a good one.
			f = &fakeDump{seq: 9, n: tc.n, per: tc.per, intrFrom: tc.intrFrom, doneErr: tc.doneErr}
			d = dump{c: &Conn{}, seq: f.seq, recv: f.recv, fn: func(netlink.Message) error { return nil }}
			if err := d.run(); (err != nil) != tc.wantErr {
				t.Errorf("without a hook: run = %v, want error %v", err, tc.wantErr)
			}
		})
	}
}

// endsDumpRef is endsDump as it was written over next(): the reference the
// header-only walk must agree with.
func endsDumpRef(b []byte, seq uint32) bool {
	for {
		m, rest, ok, err := next(b)
		if err != nil {
			return true
		}
		if !ok {
			return false
		}
		b = rest
		if m.seq == seq && (m.typ == netlink.Done || m.typ == netlink.Error) {
			return true
		}
	}
}

func FuzzEndsDump(f *testing.F) {
	f.Add(append(msg(unix.RTM_NEWLINK, netlink.Multi, 5, []byte{1, 2, 3, 4}), msg(netlink.Done, netlink.Multi, 5, errno(0))...), uint32(5))
	f.Add(msg(netlink.Done, netlink.Multi, 6, errno(0)), uint32(5))
	f.Add(msg(netlink.Error, 0, 5, errno(-1)), uint32(5))
	f.Add([]byte{3, 0, 0, 0}, uint32(0))
	f.Fuzz(func(t *testing.T, b []byte, seq uint32) {
		if got, want := endsDump(b, seq), endsDumpRef(b, seq); got != want {
			t.Fatalf("endsDump(% x, %d) = %v, want %v", b, seq, got, want)
		}
	})
}
