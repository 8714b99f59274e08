package rtnl

import (
	"context"
	"errors"
	"iter"

	"github.com/mdlayher/netlink"
)

// Messages sends a dump request of type typ (RTM_GETLINK, RTM_GETROUTE, ...)
// with body (the fixed header and any filter attributes) and yields the
// replies one at a time as they arrive, without buffering the dump:
//
//	for m, err := range c.Messages(ctx, unix.RTM_GETLINK, rtnl.IfInfomsg{}.Append(nil)) {
//		if err != nil {
//			return err // a refusal (*Error), ctx's error, ErrDumpInterrupted
//		}
//		hdr, attrs, err := rtnl.ParseIfInfomsg(m.Data)
//		...
//	}
//
// Each message aliases the Conn's receive buffer: its Data is valid only
// until the loop moves on. The loop body must not use c.
//
// An error is yielded at most once, as the last pair, with a zero message:
// the kernel's refusal of the dump as an *Error, ctx's error when ctx ended,
// or ErrDumpInterrupted after all the messages of a dump the kernel flagged
// as inconsistent (c.Interrupted is not called for it). Breaking out of the
// loop stops the yielding; the rest of the dump is read and dropped so
// that c stays usable.
func (c *Conn) Messages(ctx context.Context, typ netlink.HeaderType, body []byte) iter.Seq2[netlink.Message, error] {
	return func(yield func(netlink.Message, error) bool) {
		done, err := c.watch(ctx)
		if err != nil {
			yield(netlink.Message{}, err)
			return
		}
		seq, err := c.send(typ, netlink.Request|netlink.Dump, body)
		if err != nil {
			if done != nil {
				err = done(err)
			}
			yield(netlink.Message{}, err)
			return
		}
		d := c.newDump(typ, seq)
		iterate(ctx, &d, done, yield)
	}
}

// errStopped ends delivery when the loop over Messages breaks.
var errStopped = errors.New("rtnl: iteration stopped")

// iterate runs dump d, yielding its messages and then its outcome; done,
// when not nil, is the context watch to end.
func iterate(ctx context.Context, d *dump, done func(error) error, yield func(netlink.Message, error) bool) {
	stopped := false
	d.quiet = true
	d.fn = func(m netlink.Message) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		if !yield(m, nil) {
			stopped = true
			return errStopped
		}
		return nil
	}
	err := d.run()
	if done != nil {
		err = done(err)
	}
	switch {
	case stopped:
	case err != nil:
		yield(netlink.Message{}, err)
	case d.intr:
		yield(netlink.Message{}, ErrDumpInterrupted)
	}
}
