// Package rtnl is a connection to the Linux kernel's rtnetlink interface
// (NETLINK_ROUTE): it sends requests and waits for their acknowledgement,
// asks single questions, and streams dumps one message at a time. It is the
// one path to the kernel shared by gip's command line and its Go library
// packages (link, addr, route, ...), which build the request bodies and
// decode the replies; rtnl itself knows nothing of links or routes beyond
// their fixed headers (IfInfomsg, IfAddrmsg, RtMsg) and the attribute
// walker Attrs.
//
// # Namespaces and threads
//
// A Conn lives in the network namespace it was dialled in for its whole
// life, whatever thread later uses it: Dial takes a namespace file
// descriptor (or -1 for the caller's namespace), DialNetNS a name under
// /run/netns and DialNetNSPath any path to a namespace file (such as
// /proc/PID/ns/net). The socket is created on a short-lived, locked OS
// thread that enters the namespace, creates it and returns to its own
// namespace before it is unlocked; the calling goroutine's thread never
// changes namespace, so no runtime.LockOSThread is needed by the caller
// and nothing leaks into other goroutines.
//
// # Requests, errors and contexts
//
// Exec sends a request and waits for its acknowledgement; Query returns
// the single reply to a GET; Echo returns the notification the kernel
// echoes back (NLM_F_ECHO). Dump, DumpAhead and Messages stream the
// replies to a dump request. A request the kernel refuses comes back as an
// *Error carrying the errno and the kernel's extended-acknowledgement text:
// errors.Is(err, unix.EEXIST) and errors.As(err, &e) work on it. The
// Context forms (ExecContext, QueryContext, DumpContext, EchoContext,
// Messages) give up when the context ends, also while blocked waiting for
// the kernel: the socket's read deadline is set from the context. A
// context that can never end (context.Background) costs nothing extra.
//
// # Zero copy
//
// Dumps are received into buffers the Conn owns and reuses. The message
// handed to a Dump callback, or yielded by Messages, aliases the receive
// buffer: its Data is valid only until the callback returns or the
// iteration moves on, and must be copied to be kept. Values returned by
// Query and Echo are the caller's to keep. Attrs walks attributes without
// copying them, under the same rule.
//
// Requests are built the same way in reverse: an Encoder appends a fixed
// header and attributes to a buffer it keeps across Reset, so a program
// that sends request after request (ip -batch) encodes them without
// allocating, and Exec on the socket gip dials (blocking, outside Go's
// poller) is a sendto and a recvfrom with no allocation either.
//
// # Also here
//
// Subscribe opens a socket joined to multicast groups, for notifications
// (ip monitor); ReadSaved reads the stream `ip route save` writes; Strerror
// and ErrnoText word errnos as the C library does; the *ReqBound constants
// and AttrFits reproduce the request-size limits of iproute2's fixed
// buffers, which gip's command line follows.
//
// A Conn is not safe for concurrent use; open one per goroutine (they are
// cheap) or serialise access.
package rtnl
