package iproute

import (
	"encoding/binary"
	"errors"
	"io"
	"os"

	"github.com/gipnet/gip/format"
	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/route"
	"github.com/gipnet/gip/rtnl"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// dumpMagic opens a stream written by `ip route save` (native order).
const dumpMagic = 0x45311224

func IsTerminal(f *os.File) bool {
	_, err := unix.IoctlGetTermios(int(f.Fd()), unix.TCGETS)
	return err == nil
}

// save is `ip route save SELECTOR`: the magic, then every route message of
// the dump that the selectors match, as the kernel sent it (header
// included). As in iproute2 the magic is written before the selectors are
// read, so a bad selector leaves it behind.
func save(env *cli.Env, args *cmdline.Args) error {
	if IsTerminal(os.Stdout) {
		return cmdline.Exit(cmdline.StatusFailed, "Not sending a binary stream to stdout")
	}
	w := env.P.Writer()
	if err := WriteSavedMagic(w, dumpMagic); err != nil {
		return err
	}
	s, err := parseResolved(env, args)
	if err != nil {
		return err
	}
	err = dumpMsgs(env, s.family, &s.f, func(m netlink.Message, r *route.Message) error {
		return WriteSavedMsg(w, m)
	})
	if err == nil {
		err = w.Flush()
	}
	if err != nil {
		// A failed write is what iproute2's save callback reports with
		// -1 and no words of its own.
		if IsWriteError(err) {
			return cmdline.Exit(cmdline.StatusRefused, "Dump terminated")
		}
		return dumpError(err, &s.f, "Dump terminated")
	}
	return nil
}

// WriteSavedMagic starts a save stream. iproute2 writes the magic with
// write(2) at once, so a stdout that takes nothing (a full disk, a closed
// pipe with SIGPIPE ignored) fails the save before the dump.
func WriteSavedMagic(w *format.Output, magic uint32) error {
	w.Write(binary.NativeEndian.AppendUint32(nil, magic))
	if w.Flush() != nil {
		return cmdline.Exit(cmdline.StatusFailed, "Can't write magic to dump file")
	}
	return nil
}

// IsWriteError reports whether err came from writing the output rather
// than from the kernel.
func IsWriteError(err error) bool {
	var ne *rtnl.Error
	var ce *cmdline.Error
	return !errors.As(err, &ne) && !errors.As(err, &ce)
}

// WriteSavedMsg writes a dumped message as the kernel sent it, header
// included, as the save commands do.
func WriteSavedMsg(w *format.Output, m netlink.Message) error {
	var hdr [unix.SizeofNlMsghdr]byte
	binary.NativeEndian.PutUint32(hdr[0:], uint32(unix.SizeofNlMsghdr+len(m.Data)))
	binary.NativeEndian.PutUint16(hdr[4:], uint16(m.Header.Type))
	binary.NativeEndian.PutUint16(hdr[6:], uint16(m.Header.Flags))
	binary.NativeEndian.PutUint32(hdr[8:], m.Header.Sequence)
	binary.NativeEndian.PutUint32(hdr[12:], m.Header.PID)
	w.Write(hdr[:])
	_, err := w.Write(m.Data)
	return err
}

// CheckMagic is route_dump_check_magic and its kin: stdin must not be a
// terminal and must start with the magic; fail words the refusal with the
// status the object's command exits with.
func CheckMagic(env *cli.Env, want uint32, object string, fail func(format string, a ...any) error) error {
	if f, ok := env.Stdin.(*os.File); ok && IsTerminal(f) {
		return fail("Can't restore %s dump from a terminal", object)
	}
	var magic [4]byte
	n, _ := io.ReadFull(env.Stdin, magic[:])
	elems := 0
	if n == 4 {
		elems = 1
	}
	if m := binary.NativeEndian.Uint32(magic[:]); n < 4 || m != want {
		return fail("Magic mismatch (%d elems, %x magic)", elems, m)
	}
	return nil
}

// routeMagicError is how `ip route` refuses a stream: status 1.
func routeMagicError(format string, a ...any) error {
	return cmdline.Exit(cmdline.StatusFailed, format, a...)
}

// readSaved is rtnl.ReadSaved; a broken stream fails with status 2.
func readSaved(r io.Reader, fn func(h netlink.Header, body []byte) error) error {
	err := rtnl.ReadSaved(r, fn)
	var se *rtnl.SavedError
	if errors.As(err, &se) {
		return cmdline.Exit(cmdline.StatusRefused, "%s", se.Msg)
	}
	return err
}

// showdump is `ip route showdump`: print a saved stream as `ip route show`
// would, with a zeroed filter (every table, no cache entries). iproute2
// opens no JSON document here, so even under -json the text is printed.
func showdump(env *cli.Env) error {
	if err := CheckMagic(env, dumpMagic, "route", routeMagicError); err != nil {
		return err
	}
	// iproute2 prints through the filter the last route listing, flush,
	// save or get of the process left (under -batch), else a zero one.
	var f filter
	if kept, ok := env.RouteFilter.(*filter); ok {
		f = *kept
	}
	f.family = env.Opts.Family
	pr := newPrinter(env, &f)
	defer pr.links.Close()
	if env.P.IsJSON() {
		pr.p = format.New(env.P.Writer(), format.Options{Oneline: env.Opts.Oneline})
	}
	return printSaved(env.Stdin, pr, &f, env.Warnf)
}

// printSaved prints each route of a saved stream (after its magic) that f
// matches; a message that is not a route is reported through warnf and
// skipped, as iproute2's show_handler ignores print_route's failure.
func printSaved(in io.Reader, pr *printer, f *filter, warnf func(string, ...any)) error {
	var r route.Message
	return readSaved(in, func(h netlink.Header, body []byte) error {
		t := uint16(h.Type)
		if t != unix.RTM_NEWROUTE && t != unix.RTM_DELROUTE {
			warnf("Not a route: %08x %08x %08x\n", h.Length, t, uint16(h.Flags))
			return nil
		}
		if len(body) < unix.SizeofRtMsg {
			warnf("BUG: wrong nlmsg len %d\n", len(body)-unix.SizeofRtMsg)
			return nil
		}
		if route.DecodeMessage(t, body, &r) == nil && f.match(&r) {
			pr.print(&r)
		}
		return nil
	})
}

// restorePrio is restore_handler's order: routes to local addresses first,
// then local networks, then routes through a gateway.
func restorePrio(r *route.Message) int {
	gw := r.Has(unix.RTA_GATEWAY)
	ps := r.Has(unix.RTA_PREFSRC)
	same := ps && r.Has(unix.RTA_DST) && string(r.Attr(unix.RTA_PREFSRC)) == string(r.Attr(unix.RTA_DST))
	switch {
	case !gw && (!ps || same):
		return 0
	case !gw:
		return 1
	}
	return 2
}

// restore is `ip route restore`: three passes over the saved stream on
// stdin (which must be seekable, as iproute2 rewinds it), adding local
// routes, then local networks, then gatewayed routes. A route that exists
// already is reported and skipped.
func restore(env *cli.Env) error {
	if err := CheckMagic(env, dumpMagic, "route", routeMagicError); err != nil {
		return err
	}
	f, ok := env.Stdin.(*os.File)
	if !ok {
		return cmdline.Exit(cmdline.StatusFailed, "Failed to restore: ftell: %s", rtnl.Strerror(unix.ESPIPE))
	}
	pos, err := f.Seek(0, io.SeekCurrent)
	if err != nil {
		return cmdline.Exit(cmdline.StatusFailed, "Failed to restore: ftell: %s", rtnl.ErrnoText(err))
	}
	c, err := env.Conn()
	if err != nil {
		return err
	}
	var r route.Message
	for prio := 0; prio < 3; prio++ {
		err := readSaved(f, func(h netlink.Header, body []byte) error {
			_ = route.DecodeMessage(uint16(h.Type), body, &r)
			if restorePrio(&r) != prio {
				return nil
			}
			err := c.Exec(h.Type, h.Flags|netlink.Create, body)
			if err == nil {
				return nil
			}
			env.Warnf("%s\n", err.Error())
			if rtnl.IsErrno(err, unix.EEXIST) {
				return nil
			}
			return cmdline.Silent(cmdline.StatusRefused)
		})
		if err != nil {
			return err
		}
		if _, err := f.Seek(pos, io.SeekStart); err != nil {
			return cmdline.Exit(cmdline.StatusFailed, "Failed to restore: fseek: %s", rtnl.ErrnoText(err))
		}
	}
	return nil
}
