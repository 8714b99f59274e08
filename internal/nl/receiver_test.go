package nl

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
		b = append(b, msg(unix.RTM_NEWLINK, netlink.Multi, f.seq, binary.NativeEndian.AppendUint32(nil, uint32(f.sent)))...)
		f.sent++
	}
	if f.sent == f.n {
		b = append(b, msg(netlink.Done, netlink.Multi, f.seq, errno(0))...)
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
