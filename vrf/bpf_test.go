package vrf

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"golang.org/x/sys/unix"
)

// hexBytes reads "bf 16 00 …" as bytes.
func hexBytes(t *testing.T, s string) []byte {
	t.Helper()
	var b []byte
	for _, w := range strings.Fields(s) {
		var c byte
		if _, err := fmt.Sscanf(w, "%02x", &c); err != nil {
			t.Fatal(err)
		}
		b = append(b, c)
	}
	return b
}

// What iproute2 6.1 passed to bpf(2) for `ip vrf exec blue true` with blue
// at index 3 (the attr and the buffers it points to, logged by an
// LD_PRELOAD wrapper of syscall(2) on x86-64; strace -e trace=bpf shows the
// same fields decoded): BPF_PROG_LOAD with 144 bytes of attr, then
// BPF_PROG_ATTACH with 20 (cgroup fd 4, program fd 5).
const (
	iproute2Insns = "bf 16 00 00 00 00 00 00 b7 03 00 00 03 00 00 00 b7 02 00 00 00 00 00 00 " +
		"63 31 00 00 00 00 00 00 b7 00 00 00 01 00 00 00 95 00 00 00 00 00 00 00"
	// insns at 0x7ffe4c69c000, license at 0x5596bdfb2252, log_buf at
	// 0x5596bdfcf140; the rest (116 bytes) is zero.
	iproute2LoadAttr = "09 00 00 00 06 00 00 00 00 c0 69 4c fe 7f 00 00 52 22 fb bd 96 55 00 00 " +
		"01 00 00 00 00 00 04 00 40 f1 fc bd 96 55 00 00"
	iproute2AttachAttr = "04 00 00 00 05 00 00 00 02 00 00 00 00 00 00 00 00 00 00 00"
)

func littleEndian() bool { return binary.NativeEndian.Uint16([]byte{1, 0}) == 1 }

func TestBindProgram(t *testing.T) {
	if !littleEndian() {
		t.Skip("golden bytes are little-endian")
	}
	if got, want := BindProgram(3), hexBytes(t, iproute2Insns); !bytes.Equal(got, want) {
		t.Errorf("BindProgram(3) =\n% x\nwant\n% x", got, want)
	}
	// The index is the immediate of the second instruction.
	p := BindProgram(0x01020304)
	if got := binary.NativeEndian.Uint32(p[12:]); got != 0x01020304 {
		t.Errorf("imm %#x", got)
	}
}

func TestBPFAttrs(t *testing.T) {
	if !littleEndian() {
		t.Skip("golden bytes are little-endian")
	}
	load := progLoadAttr(0x7ffe4c69c000, 6, 0x5596bdfb2252, 0x5596bdfcf140, verifierLogSize)
	want := append(hexBytes(t, iproute2LoadAttr), make([]byte, progLoadAttrSize-40)...)
	if !bytes.Equal(load[:], want) {
		t.Errorf("BPF_PROG_LOAD attr =\n% x\nwant\n% x", load, want)
	}
	attach := progAttachAttr(4, 5)
	if want := hexBytes(t, iproute2AttachAttr); !bytes.Equal(attach[:], want) {
		t.Errorf("BPF_PROG_ATTACH attr =\n% x\nwant\n% x", attach, want)
	}
	if string(bpfLicense) != "GPL" {
		t.Errorf("license %q", bpfLicense)
	}
}

func TestLoadError(t *testing.T) {
	for _, tc := range []struct {
		errno unix.Errno
		log   string
		want  string
	}{
		// As iproute2 printed it without CAP_BPF and CAP_SYS_ADMIN.
		{unix.EPERM, "", "Failed to load BPF prog: 'Operation not permitted'"},
		{unix.EINVAL, "", "Failed to load BPF prog: 'Invalid argument'\nKernel compiled with CGROUP_BPF enabled?"},
		{unix.EACCES, "0: R1 ...\nprocessed 1 insns\n", "Failed to load BPF prog: 'Permission denied'\n0: R1 ...\nprocessed 1 insns\nKernel compiled with CGROUP_BPF enabled?"},
		{unix.EPERM, "log\n", "Failed to load BPF prog: 'Operation not permitted'\nlog"},
	} {
		err := loadError(tc.errno, tc.log)
		if err.Error() != tc.want || !errors.Is(err, tc.errno) {
			t.Errorf("loadError(%v, %q) = %q, want %q", tc.errno, tc.log, err, tc.want)
		}
	}
}

func TestBindSocketsMissingCgroup(t *testing.T) {
	err := BindSockets(filepath.Join(t.TempDir(), "none"), 1)
	if want := "Failed to open cgroup path: 'No such file or directory'"; err == nil || err.Error() != want {
		t.Errorf("BindSockets = %v, want %q", err, want)
	}
}

// boundDeviceVar makes the test binary a child that prints the device its
// new socket is bound to (see TestBindSockets).
const boundDeviceVar = "GIP_VRF_TEST_BOUND_DEVICE"

func TestMain(m *testing.M) {
	if os.Getenv(boundDeviceVar) != "" {
		fd, err := unix.Socket(unix.AF_INET, unix.SOCK_STREAM, 0)
		if err != nil {
			fmt.Println(err)
			os.Exit(1)
		}
		dev, err := unix.GetsockoptString(fd, unix.SOL_SOCKET, unix.SO_BINDTODEVICE)
		fmt.Printf("bound to %q %v\n", dev, err)
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// TestBindSockets loads and attaches the program for real, in a cgroup made
// for the test below the test's own (removed afterwards), and checks that a
// process started there, in a network namespace of its own, has its
// sockets bound to the device (that namespace's lo, index 1).
func TestBindSockets(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("needs root")
	}
	mnt, err := FindCgroup2Mount(false)
	if err != nil {
		t.Skip(err)
	}
	own, err := baseCgroup(os.Getpid())
	if err != nil {
		t.Skip(err)
	}
	dir := filepath.Join(mnt, own, fmt.Sprintf("gip-vrf-bindtest-%d", os.Getpid()))
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Skip(err)
	}
	defer os.Remove(dir)
	if err := BindSockets(dir, 1); err != nil {
		t.Fatal(err)
	}
	cg, err := unix.Open(dir, unix.O_DIRECTORY|unix.O_RDONLY|unix.O_CLOEXEC, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer unix.Close(cg)
	cmd := exec.Command(os.Args[0])
	cmd.Env = append(os.Environ(), boundDeviceVar+"=1")
	cmd.SysProcAttr = &syscall.SysProcAttr{UseCgroupFD: true, CgroupFD: cg, Cloneflags: unix.CLONE_NEWNET}
	out, err := cmd.CombinedOutput()
	if got, want := string(out), "bound to \"lo\" <nil>\n"; err != nil || got != want {
		t.Errorf("socket in the cgroup: %q, %v; want %q", got, err, want)
	}
}
