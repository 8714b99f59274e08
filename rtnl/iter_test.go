package rtnl

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"testing"

	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// collect runs a fake dump through iterate and returns the message numbers
// yielded, the error yielded (if any) and how many pairs were yielded
// after it; it breaks out of the loop after stopAfter messages when that
// is positive.
func collect(t *testing.T, f *fakeDump, ctx context.Context, stopAfter int) (got []uint32, err error, afterErr int) {
	t.Helper()
	c := &Conn{}
	c.Interrupted = func() { t.Error("Messages called c.Interrupted; it yields ErrDumpInterrupted instead") }
	d := dump{c: c, seq: f.seq, recv: f.recv}
	var seq func(yield func(netlink.Message, error) bool) = func(yield func(netlink.Message, error) bool) {
		iterate(ctx, &d, nil, yield)
	}
	for m, e := range seq {
		if err != nil {
			afterErr++
			continue
		}
		if e != nil {
			err = e
			if m.Data != nil {
				t.Errorf("error %v yielded with a message", e)
			}
			continue
		}
		got = append(got, binary.NativeEndian.Uint32(m.Data))
		if stopAfter > 0 && len(got) == stopAfter {
			break
		}
	}
	return got, err, afterErr
}

func TestMessagesYieldsInOrder(t *testing.T) {
	for _, tc := range []struct{ n, per int }{{0, 3}, {1, 3}, {10, 3}, {1000, 7}} {
		t.Run(fmt.Sprintf("n=%d", tc.n), func(t *testing.T) {
			f := &fakeDump{seq: 5, n: tc.n, per: tc.per}
			got, err, _ := collect(t, f, context.Background(), 0)
			if err != nil {
				t.Fatalf("yielded error %v", err)
			}
			if len(got) != tc.n {
				t.Fatalf("yielded %d messages, want %d", len(got), tc.n)
			}
			for i, v := range got {
				if v != uint32(i) {
					t.Fatalf("message %d is %d", i, v)
				}
			}
		})
	}
}

// NLM_F_DUMP_INTR on any message, the NLMSG_DONE included, gives every
// message and then ErrDumpInterrupted, once, as the last pair.
func TestMessagesDumpInterrupted(t *testing.T) {
	for _, from := range []int{1, 6, 11} {
		f := &fakeDump{seq: 5, n: 10, per: 3, intrFrom: from}
		got, err, after := collect(t, f, context.Background(), 0)
		if len(got) != 10 || !errors.Is(err, ErrDumpInterrupted) || after != 0 {
			t.Errorf("flag from message %d: %d messages, error %v, %d pairs after it; want 10, ErrDumpInterrupted, 0",
				from, len(got), err, after)
		}
	}
}

// A refused dump yields the *Error last; an interrupted and refused dump
// yields the refusal, not ErrDumpInterrupted.
func TestMessagesRefused(t *testing.T) {
	f := &fakeDump{seq: 5, n: 4, per: 3, intrFrom: 2, doneErr: -int32(unix.EBUSY)}
	got, err, after := collect(t, f, context.Background(), 0)
	var e *Error
	if len(got) != 4 || !errors.As(err, &e) || !errors.Is(err, unix.EBUSY) || after != 0 {
		t.Errorf("got %d messages, error %#v, %d after; want 4, *Error EBUSY, 0", len(got), err, after)
	}
}

// Breaking out of the loop yields nothing more, and the rest of the dump
// is still read so the socket can serve the next request.
func TestMessagesBreak(t *testing.T) {
	f := &fakeDump{seq: 5, n: 1000, per: 7, intrFrom: 3}
	got, err, after := collect(t, f, context.Background(), 20)
	if len(got) != 20 || err != nil || after != 0 {
		t.Fatalf("got %d messages, error %v, %d after; want 20, none, 0", len(got), err, after)
	}
	if f.sent != 1000 {
		t.Errorf("read %d of 1000 messages after the break", f.sent)
	}
}

// A context that ends during the dump stops the messages and is the last
// pair.
func TestMessagesContextCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	f := &fakeDump{seq: 5, n: 100, per: 7}
	c := &Conn{}
	d := dump{c: c, seq: f.seq, recv: f.recv}
	n := 0
	var last error
	iterate(ctx, &d, nil, func(m netlink.Message, err error) bool {
		if err != nil {
			last = err
			return true
		}
		if n++; n == 10 {
			cancel()
		}
		return true
	})
	if n != 10 || !errors.Is(last, context.Canceled) {
		t.Errorf("%d messages then %v; want 10 then context.Canceled", n, last)
	}
}
