package rtnl

import (
	"context"
	"errors"
	"os"
	"time"

	"github.com/mdlayher/netlink"
)

// The Context forms are what gip's object packages and Go programs call.
// The context is checked before a request is sent and between the messages
// of a dump, and a receive blocked waiting for the kernel returns when the
// context ends: the socket's read deadline is set to the context's
// deadline, and to the past when the context is cancelled (through
// context.AfterFunc, which starts no goroutine unless it fires). A context
// whose Done is nil (context.Background, context.TODO) skips all of this:
// the command line's one-shot requests cost what the plain forms cost.
//
// Such a context hands the socket to Go's runtime poller for good (see
// pollable); while a Context form with one runs, it owns the socket's read
// deadline.
//
// A request whose wait was given up may still be carried out by the
// kernel; its late answer is skipped by the next request on the Conn (each
// request has its own sequence number).

// longAgo is a read deadline that has passed: it wakes a blocked receive.
// A function, not a variable: time.Unix would run at every start-up.
func longAgo() time.Time { return time.Unix(1, 0) }

// watch makes the receives on c give up when ctx ends, until the returned
// function is called; that function also turns an expired read deadline
// in err into ctx's error. With a context that cannot end it does nothing
// and returns nil.
func (c *Conn) watch(ctx context.Context) (func(err error) error, error) {
	if ctx.Done() == nil {
		return nil, nil
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	f, err := c.pollable()
	if err != nil {
		return nil, err
	}
	deadline, hasDeadline := ctx.Deadline()
	if hasDeadline {
		if err := f.SetReadDeadline(deadline); err != nil {
			return nil, err
		}
	}
	fired := make(chan struct{})
	stop := context.AfterFunc(ctx, func() {
		_ = f.SetReadDeadline(longAgo())
		close(fired)
	})
	return func(err error) error {
		armed := hasDeadline
		if !stop() {
			<-fired // the deadline is being set: wait, then undo it
			armed = true
		}
		if armed {
			_ = f.SetReadDeadline(time.Time{})
		}
		if err != nil && errors.Is(err, os.ErrDeadlineExceeded) {
			if cerr := ctx.Err(); cerr != nil {
				return cerr
			}
			// The socket's deadline passed a moment before the
			// context's own timer fired.
			return context.DeadlineExceeded
		}
		return err
	}, nil
}

// ExecContext is Exec under ctx.
func (c *Conn) ExecContext(ctx context.Context, typ netlink.HeaderType, flags netlink.HeaderFlags, body []byte) error {
	done, err := c.watch(ctx)
	if err != nil {
		return err
	}
	err = c.Exec(typ, flags, body)
	if done != nil {
		err = done(err)
	}
	return err
}

// QueryContext is Query under ctx.
func (c *Conn) QueryContext(ctx context.Context, typ netlink.HeaderType, flags netlink.HeaderFlags, body []byte) (netlink.Message, error) {
	done, err := c.watch(ctx)
	if err != nil {
		return netlink.Message{}, err
	}
	m, err := c.Query(typ, flags, body)
	if done != nil {
		if err = done(err); err != nil {
			return netlink.Message{}, err
		}
	}
	return m, err
}

// EchoContext is Echo under ctx.
func (c *Conn) EchoContext(ctx context.Context, typ netlink.HeaderType, flags netlink.HeaderFlags, body []byte) (netlink.Message, error) {
	done, err := c.watch(ctx)
	if err != nil {
		return netlink.Message{}, err
	}
	m, err := c.Echo(typ, flags, body)
	if done != nil {
		if err = done(err); err != nil {
			return netlink.Message{}, err
		}
	}
	return m, err
}

// DumpContext is Dump under ctx. fn's message aliases the receive buffer and
// is valid only during the call. When ctx ends during the dump, fn is not
// called again and ctx's error is returned.
func (c *Conn) DumpContext(ctx context.Context, typ netlink.HeaderType, body []byte, fn func(netlink.Message) error) error {
	done, err := c.watch(ctx)
	if err != nil {
		return err
	}
	if done == nil {
		return c.Dump(typ, body, fn)
	}
	return done(c.Dump(typ, body, func(m netlink.Message) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		return fn(m)
	}))
}
