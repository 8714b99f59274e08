package rtnl

import (
	"context"

	"github.com/mdlayher/netlink"
)

// The Context forms are what gip's object packages call. The context is
// checked before a request is sent and between the messages of a dump, so a
// cancelled context ends a long dump at the next message; a request the
// kernel is already answering is not torn down half-way.

// ExecContext is Exec under ctx.
func (c *Conn) ExecContext(ctx context.Context, typ netlink.HeaderType, flags netlink.HeaderFlags, body []byte) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	return c.Exec(typ, flags, body)
}

// QueryContext is Query under ctx.
func (c *Conn) QueryContext(ctx context.Context, typ netlink.HeaderType, flags netlink.HeaderFlags, body []byte) (netlink.Message, error) {
	if err := ctx.Err(); err != nil {
		return netlink.Message{}, err
	}
	return c.Query(typ, flags, body)
}

// DumpContext is Dump under ctx. fn's message aliases the receive buffer and
// is valid only during the call.
func (c *Conn) DumpContext(ctx context.Context, typ netlink.HeaderType, body []byte, fn func(netlink.Message) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if ctx.Done() == nil {
		return c.Dump(typ, body, fn)
	}
	return c.Dump(typ, body, func(m netlink.Message) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		return fn(m)
	})
}
