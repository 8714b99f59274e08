package rtnl

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

// These tests use a real rtnetlink socket in the test's own namespace and
// only read from it (or wait on it): they change nothing.

func dialOrSkip(t *testing.T) *Conn {
	t.Helper()
	c, err := Dial(-1)
	if err != nil {
		t.Skipf("no rtnetlink socket here: %v", err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

// lookupLo asks for link 1 (lo, in every namespace) and reports whether
// the Conn answered.
func lookupLo(t *testing.T, c *Conn, ctx context.Context) {
	t.Helper()
	m, err := c.QueryContext(ctx, unix.RTM_GETLINK, 0, IfInfomsg{Index: 1}.Append(nil))
	if err != nil {
		t.Fatalf("RTM_GETLINK of index 1: %v", err)
	}
	h, _, err := ParseIfInfomsg(m.Data)
	if err != nil || h.Index != 1 {
		t.Fatalf("reply %+v, %v; want link 1", h, err)
	}
}

// A receive blocked on a socket the kernel has nothing for returns when
// the context's deadline passes or the context is cancelled, with the
// context's error, and the Conn works afterwards with no deadline left
// behind.
func TestContextInterruptsBlockedReceive(t *testing.T) {
	c := dialOrSkip(t)
	for _, tc := range []struct {
		name string
		ctx  func() (context.Context, context.CancelFunc)
		want error
	}{
		{"deadline", func() (context.Context, context.CancelFunc) {
			return context.WithTimeout(context.Background(), 50*time.Millisecond)
		}, context.DeadlineExceeded},
		{"cancel", func() (context.Context, context.CancelFunc) {
			ctx, cancel := context.WithCancel(context.Background())
			time.AfterFunc(50*time.Millisecond, cancel)
			return ctx, cancel
		}, context.Canceled},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx, cancel := tc.ctx()
			defer cancel()
			done, err := c.watch(ctx)
			if err != nil || done == nil {
				t.Fatalf("watch = (set %v), %v", done != nil, err)
			}
			start := time.Now()
			var buf []byte
			_, err = c.recv(&buf, false) // nothing was asked: blocks
			err = done(err)
			if !errors.Is(err, tc.want) {
				t.Fatalf("blocked receive returned %v, want %v", err, tc.want)
			}
			if d := time.Since(start); d > 20*time.Second {
				t.Errorf("receive returned after %v", d)
			}
			// No deadline stays on the socket.
			time.Sleep(60 * time.Millisecond)
			lookupLo(t, c, context.Background())
		})
	}
}

// A context that has already ended sends nothing.
func TestContextEndedBeforeRequest(t *testing.T) {
	c := dialOrSkip(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	seq := c.seq
	if err := c.ExecContext(ctx, unix.RTM_NEWLINK, Create, IfInfomsg{}.Append(nil)); !errors.Is(err, context.Canceled) {
		t.Errorf("ExecContext = %v, want context.Canceled", err)
	}
	for m, err := range c.Messages(ctx, unix.RTM_GETLINK, IfInfomsg{}.Append(nil)) {
		if !errors.Is(err, context.Canceled) || m.Data != nil {
			t.Errorf("Messages yielded %v, %v; want only context.Canceled", m, err)
		}
	}
	if c.seq != seq {
		t.Errorf("a request was sent under an ended context")
	}
	lookupLo(t, c, context.Background())
}

// A refusal comes back as *Error through every form, with or without a
// context that can end.
func TestRefusalIsError(t *testing.T) {
	c := dialOrSkip(t)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	missing := IfInfomsg{Index: 0x7fffffff}.Append(nil)
	for _, tc := range []struct {
		name string
		run  func() error
	}{
		{"Exec", func() error { return c.Exec(unix.RTM_GETLINK, 0, missing) }},
		{"ExecContext", func() error { return c.ExecContext(ctx, unix.RTM_GETLINK, 0, missing) }},
		{"QueryContext", func() error { _, err := c.QueryContext(ctx, unix.RTM_GETLINK, 0, missing); return err }},
		{"EchoContext", func() error { _, err := c.EchoContext(ctx, unix.RTM_GETLINK, 0, missing); return err }},
	} {
		err := tc.run()
		var e *Error
		if !errors.As(err, &e) || !errors.Is(err, unix.ENODEV) {
			t.Errorf("%s = %#v, want an *Error with ENODEV", tc.name, err)
		}
	}
	lookupLo(t, c, ctx)
}

// Messages streams a real link dump: lo is in it, and the Conn is usable
// after a break.
func TestMessagesLive(t *testing.T) {
	c := dialOrSkip(t)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	sawLo := false
	for m, err := range c.Messages(ctx, unix.RTM_GETLINK, IfInfomsg{}.Append(nil)) {
		if err != nil {
			t.Fatalf("link dump: %v", err)
		}
		h, _, err := ParseIfInfomsg(m.Data)
		if err != nil {
			t.Fatal(err)
		}
		if h.Index == 1 {
			sawLo = true
		}
	}
	if !sawLo {
		t.Error("the link dump has no link 1")
	}
	for range c.Messages(context.Background(), unix.RTM_GETLINK, IfInfomsg{}.Append(nil)) {
		break
	}
	lookupLo(t, c, context.Background())
}

func TestDialNetNS(t *testing.T) {
	if _, err := DialNetNS("gip-test-no-such-namespace"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("DialNetNS of a missing name = %v, want a not-exist error", err)
	}
	for _, bad := range []string{"", ".", "..", "a/b", "../../proc/self/ns/net"} {
		if c, err := DialNetNS(bad); !errors.Is(err, unix.EINVAL) {
			if c != nil {
				c.Close()
			}
			t.Errorf("DialNetNS(%q) = %v, want EINVAL", bad, err)
		}
	}
	// Entering a namespace needs CAP_SYS_ADMIN; the test's own namespace
	// is the one that is always there.
	c, err := DialNetNSPath("/proc/self/ns/net")
	if errors.Is(err, unix.EPERM) {
		t.Skip("not allowed to enter a namespace here")
	}
	if err != nil {
		t.Fatalf("DialNetNSPath(/proc/self/ns/net) = %v", err)
	}
	defer c.Close()
	lookupLo(t, c, context.Background())
	// A file that is no namespace: setns's EINVAL, unwrappable.
	if c, err := DialNetNSPath(os.DevNull); !errors.Is(err, unix.EINVAL) {
		if c != nil {
			c.Close()
		}
		t.Errorf("DialNetNSPath(/dev/null) = %v, want EINVAL", err)
	}
	// Descriptor 0 is a namespace like any other, not "the current one".
	if _, err := os.Stat("/proc/self/fd/0"); err == nil {
		saved, err := unix.Dup(0)
		if err != nil {
			t.Fatal(err)
		}
		defer func() { unix.Dup2(saved, 0); unix.Close(saved) }()
		null, err := os.Open(os.DevNull)
		if err != nil {
			t.Fatal(err)
		}
		defer null.Close()
		if err := unix.Dup2(int(null.Fd()), 0); err != nil {
			t.Fatal(err)
		}
		if c, err := Dial(0); err == nil {
			c.Close()
			t.Error("Dial(0) with /dev/null on descriptor 0 succeeded: it ignored the descriptor")
		}
	}
}
