package link

import (
	"encoding/binary"
	"io"
	"os"
	"unsafe"

	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/rtnl"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// XDP attributes and flags (linux/if_link.h).
const (
	xdpFD              = 1 // IFLA_XDP_FD
	xdpFlags           = 3 // IFLA_XDP_FLAGS
	xdpUpdateIfNoExist = 1 << 0
	xdpSKBMode         = 1 << 1
	xdpDrvMode         = 1 << 2
	xdpHWMode          = 1 << 3
)

// parseXDP is xdp_parse for `xdp|xdpgeneric|xdpdrv|xdpoffload …`: `off`
// or `none` as the last word detaches the program (IFLA_XDP_FD -1); a
// pinned program is attached by its bpffs path. Loading an object file
// needs an ELF loader gip does not have.
func (p *Parser) parseXDP(a *cmdline.Args, ae *netlink.AttributeEncoder, w *linkWords, word string) error {
	if _, err := a.Value(); err != nil {
		return err
	}
	a.Back()
	var flags uint32
	if !p.Force {
		flags |= xdpUpdateIfNoExist
	}
	switch word {
	case "xdpgeneric":
		flags |= xdpSKBMode
	case "xdpdrv":
		flags |= xdpDrvMode
	case "xdpoffload":
		if w.dev == nil || p.Index(*w.dev) == 0 {
			return cmdline.IncompleteCommand()
		}
		flags |= xdpHWMode
	}
	attach := func(fd int32) {
		nest(ae, unix.IFLA_XDP, func(x *netlink.AttributeEncoder) error {
			x.Int32(xdpFD, fd)
			if flags != 0 {
				x.Uint32(xdpFlags, flags)
			}
			return nil
		})
	}
	if a.Len() == 1 && (a.Peek() == "none" || a.Peek() == "off") {
		a.Next()
		attach(-1)
		return nil
	}
	mode := a.Next()
	switch {
	case cmdline.Matches(mode, "object-file"), mode == "obj":
		file, err := a.Value()
		if err != nil {
			return err
		}
		if msg := bpfObjectHeaderError(file); msg != "" {
			return cmdline.Fatal(cmdline.StatusUsage, "%s", msg)
		}
		return cmdline.Fatal(cmdline.StatusUsage, "Loading XDP object files is not supported by gip; pin the program and use \"pinned FILE\".")
	case cmdline.Matches(mode, "object-pinned"), cmdline.Matches(mode, "pinned"), cmdline.Matches(mode, "fd"):
	default:
		return cmdline.Fatal(cmdline.StatusUsage, "What mode is \"%s\"?", mode)
	}
	file, err := a.Value()
	if err != nil {
		return err
	}
	// The words iproute2 reads after the file for any program kind.
	if a.More() && cmdline.Matches(a.Peek(), "section") {
		a.Next()
		if _, err := a.Value(); err != nil {
			return err
		}
	}
	if a.More() && a.Peek() == "program" {
		a.Next()
		if _, err := a.Value(); err != nil {
			return err
		}
	}
	if a.More() && cmdline.Matches(a.Peek(), "verbose") {
		a.Next()
	}
	fd, err := -1, error(unix.ENOENT)
	if p.PinnedProg != nil {
		fd, err = p.PinnedProg(file)
	}
	if err != nil {
		return cmdline.Fatal(cmdline.StatusUsage, "Couldn't retrieve pinned program '%s': %s", file, rtnl.ErrnoText(err))
	}
	p.bpfFDs = append(p.bpfFDs, fd)
	attach(int32(fd))
	return nil
}

// bpfObjectHeaderError is what iproute2's eBPF object loader says about a
// file that is not a little-endian eBPF relocatable ELF object, before it
// reads anything beyond the ELF header; "" for a file that passes.
func bpfObjectHeaderError(path string) string {
	const noContext = "Cannot initialize ELF context!"
	f, err := os.Open(path)
	if err != nil {
		return noContext
	}
	defer f.Close()
	var h [64]byte // an ELF64 header; ELF32's is the first 52 bytes
	n, _ := io.ReadFull(f, h[:])
	// libelf: the magic, a known class, byte order and version, and a
	// whole header, or the file is no ELF object at all.
	class, data := h[4], h[5]
	if n < 52 || string(h[:4]) != "\x7fELF" || (class != 1 && class != 2) ||
		(data != 1 && data != 2) || h[6] != 1 || (class == 2 && n < 64) {
		return noContext
	}
	var order binary.ByteOrder = binary.LittleEndian
	if data == 2 {
		order = binary.BigEndian
	}
	const etRel, emNone, emBPF, evCurrent = 1, 0, 247, 1
	machine := order.Uint16(h[18:])
	if order.Uint16(h[16:]) != etRel || (machine != emNone && machine != emBPF) || order.Uint32(h[20:]) != evCurrent {
		return "ELF format error, ELF file not for eBPF?\n" + noContext
	}
	if data == 2 {
		return "We are little endian, eBPF object is big endian!\n" + noContext
	}
	return ""
}

// OpenPinned is BPF_OBJ_GET: an fd for the BPF object pinned at path (the
// kernel-backed Parser.PinnedProg).
func OpenPinned(path string) (int, error) {
	b, err := unix.BytePtrFromString(path)
	if err != nil {
		return -1, err
	}
	// union bpf_attr for BPF_OBJ_GET: pathname, bpf_fd, file_flags, path_fd.
	var attr [24]byte
	*(*uint64)(unsafe.Pointer(&attr[0])) = uint64(uintptr(unsafe.Pointer(b)))
	const bpfObjGetCmd = 7
	fd, _, errno := unix.Syscall(unix.SYS_BPF, bpfObjGetCmd, uintptr(unsafe.Pointer(&attr[0])), uintptr(len(attr)))
	if errno != 0 {
		return -1, errno
	}
	return int(fd), nil
}
