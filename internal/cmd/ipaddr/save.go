package ipaddr

import (
	"encoding/binary"
	"errors"
	"io"
	"os"

	"github.com/gipnet/gip/addr"
	"github.com/gipnet/gip/format"
	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/link"
	"github.com/gipnet/gip/rtnl"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// saveMagic opens a stream written by `ip address save` (native order).
const saveMagic = 0x47361222

const nlmsgHdrLen = 16

// save is `ip address save`: the magic, then every message of the address
// dump (of the -family and dev given) as raw netlink messages. Like
// iproute2 it ends ip once it has begun (under -batch too).
func save(env *cli.Env, args *cmdline.Args) error {
	var f listFilter
	f.family, f.group = env.Opts.Family, -1
	if err := parseListArgs(env, args, &f, false); err != nil {
		return err
	}
	defer keepFilter(env, &f)
	if f.hasDev {
		idx, err := nameToIndex(env, f.dev)
		if err != nil {
			return err
		}
		if idx <= 0 {
			return cmdline.Exit(cmdline.StatusFailed, "Device \"%s\" does not exist.", f.dev)
		}
		f.ifindex = idx
	}
	if isTerminal(os.Stdout) {
		return cmdline.Fatal(cmdline.StatusFailed, "Not sending a binary stream to stdout")
	}
	c, err := env.Conn()
	if err != nil {
		return err
	}
	w := env.P.Writer()
	// iproute2 writes the magic with write(2) at once and exits when
	// stdout takes nothing.
	w.Write(binary.NativeEndian.AppendUint32(nil, saveMagic))
	if w.Flush() != nil {
		return cmdline.Fatal(cmdline.StatusFailed, "Can't write magic to dump file")
	}
	// The dump asks for the -family of the command line, as iproute2's
	// save does, not one a "to" prefix implied.
	body := rtnl.IfAddrmsg{Family: uint8(env.Opts.Family), Index: uint32(f.ifindex)}.Append(nil)
	err = c.Dump(unix.RTM_GETADDR, body, func(m netlink.Message) error {
		h := make([]byte, 0, nlmsgHdrLen)
		h = binary.NativeEndian.AppendUint32(h, uint32(nlmsgHdrLen+len(m.Data)))
		h = binary.NativeEndian.AppendUint16(h, uint16(m.Header.Type))
		h = binary.NativeEndian.AppendUint16(h, uint16(m.Header.Flags))
		h = binary.NativeEndian.AppendUint32(h, m.Header.Sequence)
		h = binary.NativeEndian.AppendUint32(h, m.Header.PID)
		w.Write(h)
		_, err := w.Write(m.Data)
		return err
	})
	if err == nil {
		err = w.Flush()
	}
	var ne *rtnl.Error
	if err != nil && !errors.As(err, &ne) {
		// A failed write: iproute2's save callback fails without words.
		return cmdline.Fatal(cmdline.StatusFailed, "Save terminated")
	}
	if err != nil {
		return cmdline.Fatal(cmdline.StatusFailed, "%s\nSave terminated", err.Error())
	}
	return cmdline.Exited(cmdline.StatusOK)
}

func isTerminal(f *os.File) bool {
	_, err := unix.IoctlGetTermios(int(f.Fd()), unix.TCGETS)
	return err == nil
}

// checkMagic reads and checks the start of a saved stream on stdin (under
// -batch the rest of the batch input, as iproute2 reads it).
func checkMagic(env *cli.Env) error {
	if f, ok := env.Stdin.(*os.File); ok && isTerminal(f) {
		return cmdline.Fatal(cmdline.StatusUsage, "Can't restore address dump from a terminal")
	}
	var magic [4]byte
	n, _ := io.ReadFull(env.Stdin, magic[:])
	if m := binary.NativeEndian.Uint32(magic[:]); n < 4 || m != saveMagic {
		elems := 0
		if n == 4 {
			elems = 1
		}
		return cmdline.Fatal(cmdline.StatusUsage, "Magic mismatch (%d elems, %x magic)", elems, m)
	}
	return nil
}

// readSaved is rtnl.ReadSaved over stdin. iproute2 exits ip at its end, with
// status 255 when the stream is broken.
func readSaved(env *cli.Env, fn func(h netlink.Header, data []byte) error) error {
	return cli.RestoreSaved(env.Stdin, fn)
}

// keepFilter records f, once its device is looked up, as the filter the
// process was left with (iproute2's static filter; see showdump).
func keepFilter(env *cli.Env, f *listFilter) {
	kept := *f
	env.AddrFilter = &kept
}

// showdump is `ip address showdump`: print a saved stream. iproute2 prints
// each address through the filter the last address or link listing, flush
// or save of the process left behind (none outside -batch), -oneline's
// device prefix included; the "ifN:" line comes regardless.
func showdump(env *cli.Env) error {
	if err := checkMagic(env); err != nil {
		return err
	}
	p := env.P
	f, _ := env.AddrFilter.(*listFilter)
	var names *link.Names
	ap := NewPrinter(env, nil, false)
	if f != nil || env.Opts.Echo {
		names = env.LinkNames()
		defer names.Close()
		ap = NewPrinter(env, names.Name, (f != nil && env.Opts.Oneline) || env.Opts.Echo)
	}
	p.Begin()
	p.OpenObject("")
	p.OpenArray(format.JSON, "addr_info", "")
	err := readSaved(env, func(h netlink.Header, data []byte) error {
		p.OpenObject("")
		if a, err := addr.Decode(data); err == nil {
			p.Int(format.Any, "index", "if%d:", int64(int32(a.Index)))
			p.NL()
			if (h.Type == unix.RTM_NEWADDR || h.Type == unix.RTM_DELADDR) && f.selects(a, names) {
				ap.PrintAddr(a, h.Type == unix.RTM_DELADDR)
			}
		}
		p.CloseObject()
		return nil
	})
	p.CloseArray(format.JSON, "")
	p.CloseObject()
	p.End()
	return err
}

// restore is `ip address restore`: add every address of a saved stream;
// one that exists already is reported but is not an error.
func restore(env *cli.Env) error {
	if err := checkMagic(env); err != nil {
		return err
	}
	c, err := env.Conn()
	if err != nil {
		return err
	}
	return readSaved(env, func(h netlink.Header, data []byte) error {
		flags := h.Flags | netlink.Create
		err := c.Exec(h.Type, flags, data)
		switch {
		case err == nil:
		case rtnl.IsErrno(err, unix.EEXIST):
			// iproute2 reports the refusal but carries on.
			env.Warnf("%s\n", err.Error())
		default:
			return cmdline.Fatal(cmdline.StatusUsage, "%s", err.Error())
		}
		return nil
	})
}
