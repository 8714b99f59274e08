package vrf

import (
	"encoding/binary"
	"runtime"
	"unsafe"

	"github.com/gipnet/gip/rtnl"
	"golang.org/x/sys/unix"
)

// bpf(2) commands, program and attach types, as the kernel's uapi numbers
// them (linux/bpf.h), and the sizes of union bpf_attr iproute2 sends.
const (
	bpfProgLoad             = 5 // BPF_PROG_LOAD
	bpfProgAttach           = 8 // BPF_PROG_ATTACH
	bpfProgTypeCgroupSock   = 9 // BPF_PROG_TYPE_CGROUP_SOCK
	bpfCgroupInetSockCreate = 2 // BPF_CGROUP_INET_SOCK_CREATE

	progLoadAttrSize   = 144 // sizeof(union bpf_attr) in iproute2 6.1's headers
	progAttachAttrSize = 20  // up to replace_bpf_fd, as libbpf sends it
	verifierLogSize    = 256 << 10
	bpfLicense         = "GPL"
)

// The instructions of BindProgram: struct bpf_insn opcodes and the field
// the program writes.
const (
	bpfInsnSize      = 8
	bpfALU64MovImm   = 0xb7 // BPF_ALU64 | BPF_MOV | BPF_K
	bpfALU64MovReg   = 0xbf // BPF_ALU64 | BPF_MOV | BPF_X
	bpfStoreRegWord  = 0x63 // BPF_STX | BPF_MEM | BPF_W
	bpfExit          = 0x95 // BPF_JMP | BPF_EXIT
	boundDevIfOffset = 0    // offsetof(struct bpf_sock, bound_dev_if)
)

// BPF registers: r1 holds the context (struct bpf_sock), r0 the verdict.
const reg0, reg1, reg2, reg3, reg6 = 0, 1, 2, 3, 6

// BindProgram is the BPF_PROG_TYPE_CGROUP_SOCK program `ip vrf exec NAME`
// attaches to the VRF's cgroup, as eight-byte instructions in the host's
// byte order: it sets each new socket's bound device (sk_bound_dev_if) to
// ifindex and lets the socket be made.
//
//	r6 = r1; r3 = ifindex; r2 = offsetof(bound_dev_if)
//	*(u32 *)(r1 + offsetof(bound_dev_if)) = r3
//	r0 = 1; exit
func BindProgram(ifindex int) []byte {
	b := make([]byte, 0, 6*bpfInsnSize)
	b = appendInsn(b, bpfALU64MovReg, reg6, reg1, 0, 0)
	b = appendInsn(b, bpfALU64MovImm, reg3, 0, 0, int32(ifindex))
	b = appendInsn(b, bpfALU64MovImm, reg2, 0, 0, boundDevIfOffset)
	b = appendInsn(b, bpfStoreRegWord, reg1, reg3, boundDevIfOffset, 0)
	b = appendInsn(b, bpfALU64MovImm, reg0, 0, 0, 1)
	return appendInsn(b, bpfExit, 0, 0, 0, 0)
}

// appendInsn appends struct bpf_insn: code, dst_reg:4 and src_reg:4 (in
// the bit-field order of the host), off, imm.
func appendInsn(b []byte, code uint8, dst, src uint8, off int16, imm int32) []byte {
	regs := dst&0xf | src<<4
	if binary.NativeEndian.Uint16([]byte{1, 0}) != 1 { // big-endian: dst_reg is the high nibble
		regs = dst<<4 | src&0xf
	}
	b = append(b, code, regs)
	b = binary.NativeEndian.AppendUint16(b, uint16(off))
	return binary.NativeEndian.AppendUint32(b, uint32(imm))
}

// progLoadAttr is union bpf_attr for BPF_PROG_LOAD as iproute2 fills it:
// the program type, the instructions, the license and a verifier log at
// level 1, the rest zero; insns, license and log are the addresses of
// those buffers.
func progLoadAttr(insns uintptr, insnCnt int, license, log uintptr, logSize int) [progLoadAttrSize]byte {
	var a [progLoadAttrSize]byte
	ne := binary.NativeEndian
	ne.PutUint32(a[0:], bpfProgTypeCgroupSock)
	ne.PutUint32(a[4:], uint32(insnCnt))
	ne.PutUint64(a[8:], uint64(insns))
	ne.PutUint64(a[16:], uint64(license))
	ne.PutUint32(a[24:], 1) // log_level
	ne.PutUint32(a[28:], uint32(logSize))
	ne.PutUint64(a[32:], uint64(log))
	return a
}

// progAttachAttr is union bpf_attr for BPF_PROG_ATTACH: the cgroup, the
// program, the attach type, no flags.
func progAttachAttr(cgroupFD, progFD int) [progAttachAttrSize]byte {
	var a [progAttachAttrSize]byte
	ne := binary.NativeEndian
	ne.PutUint32(a[0:], uint32(cgroupFD))
	ne.PutUint32(a[4:], uint32(progFD))
	ne.PutUint32(a[8:], bpfCgroupInetSockCreate)
	return a
}

// loadBindProgram loads BindProgram(ifindex) and returns its fd; when the
// kernel refuses it, the errno and what the verifier logged.
func loadBindProgram(ifindex int) (fd int, log string, err error) {
	insns := BindProgram(ifindex)
	license := []byte(bpfLicense + "\x00")
	logBuf := make([]byte, verifierLogSize)
	var pin runtime.Pinner
	defer pin.Unpin()
	pin.Pin(&insns[0])
	pin.Pin(&license[0])
	pin.Pin(&logBuf[0])
	attr := progLoadAttr(uintptr(unsafe.Pointer(&insns[0])), len(insns)/bpfInsnSize,
		uintptr(unsafe.Pointer(&license[0])), uintptr(unsafe.Pointer(&logBuf[0])), len(logBuf))
	r, _, errno := unix.Syscall(unix.SYS_BPF, bpfProgLoad, uintptr(unsafe.Pointer(&attr[0])), uintptr(len(attr)))
	if errno != 0 {
		return -1, cString(logBuf), errno
	}
	return int(r), "", nil
}

// attachSockCreate attaches program progFD to the cgroup cgroupFD for
// socket creation (BPF_CGROUP_INET_SOCK_CREATE), replacing a program
// attached there the same way before.
func attachSockCreate(progFD, cgroupFD int) error {
	attr := progAttachAttr(cgroupFD, progFD)
	_, _, errno := unix.Syscall(unix.SYS_BPF, bpfProgAttach, uintptr(unsafe.Pointer(&attr[0])), uintptr(len(attr)))
	if errno != 0 {
		return errno
	}
	return nil
}

func cString(b []byte) string {
	for i, c := range b {
		if c == 0 {
			return string(b[:i])
		}
	}
	return string(b)
}

// BindSockets attaches BindProgram(ifindex) to the cgroup directory dir,
// so that every socket a process of that cgroup makes is bound to the
// device ifindex (the VRF), as `ip vrf exec NAME` does before it joins the
// cgroup. Failures are *Error with iproute2's lines: a kernel that will not
// load the program (no CGROUP_BPF, or not permitted) and a cgroup it will
// not attach it to.
func BindSockets(dir string, ifindex int) error {
	cg, err := unix.Open(dir, unix.O_DIRECTORY|unix.O_RDONLY|unix.O_CLOEXEC, 0)
	if err != nil {
		return &Error{Msg: "Failed to open cgroup path: '" + rtnl.ErrnoText(err) + "'", Err: err}
	}
	defer unix.Close(cg)
	prog, log, err := loadBindProgram(ifindex)
	if err != nil {
		return loadError(err, log)
	}
	defer unix.Close(prog)
	if err := attachSockCreate(prog, cg); err != nil {
		return &Error{Msg: "Failed to attach prog to cgroup: '" + rtnl.ErrnoText(err) + "'", Err: err}
	}
	return nil
}

// loadError is iproute2's report of a refused program: the errno, the
// verifier's log as the kernel wrote it, and a hint unless the refusal was
// a matter of permission. Error's text has no last newline, so one ending
// the log is taken off (the log ends in one when the verifier wrote
// anything).
func loadError(err error, log string) error {
	msg := "Failed to load BPF prog: '" + rtnl.ErrnoText(err) + "'\n" + log
	if err != unix.EPERM {
		msg += "Kernel compiled with CGROUP_BPF enabled?\n"
	}
	if len(msg) > 0 && msg[len(msg)-1] == '\n' {
		msg = msg[:len(msg)-1]
	}
	return &Error{Msg: msg, Err: err}
}
