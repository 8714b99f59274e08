package tuntap_test

import (
	"errors"
	"os"
	"testing"

	"github.com/gipnet/gip/internal/nstest"
	"github.com/gipnet/gip/tuntap"
	"golang.org/x/sys/unix"
)

// TestAPI creates, lists and deletes devices through the library in a
// sandbox, and checks the kernel's refusals come back as errnos.
func TestAPI(t *testing.T) {
	if !nstest.Sandbox(t) {
		return
	}
	if _, err := os.Stat("/dev/net/tun"); err != nil {
		t.Skipf("no /dev/net/tun: %v", err)
	}
	owner := uint32(1000)
	specs := []tuntap.Spec{
		{Name: "tap0", Mode: tuntap.TAP, Owner: &owner, VnetHdr: true},
		{Name: "tun0", Mode: tuntap.TUN, PI: true, MultiQueue: true},
	}
	for _, s := range specs {
		if err := tuntap.Add(s); err != nil {
			t.Fatalf("Add(%+v): %v", s, err)
		}
	}
	err := tuntap.Add(specs[0])
	if !errors.Is(err, unix.EBUSY) || err.Error() != "ioctl(TUNSETIFF): Device or resource busy" {
		t.Errorf("second Add(tap0) = %v, want ioctl(TUNSETIFF) EBUSY", err)
	}
	if err := tuntap.Add(tuntap.Spec{Name: "0123456789abcdef", Mode: tuntap.TUN}); !errors.Is(err, unix.EINVAL) {
		t.Errorf("Add with a 16-byte name = %v, want EINVAL", err)
	}

	devs, err := tuntap.List()
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string]tuntap.Device{}
	for _, d := range devs {
		byName[d.Name] = d
	}
	if len(devs) != 2 {
		t.Fatalf("List = %+v, want tap0 and tun0", devs)
	}
	tap, tun := byName["tap0"], byName["tun0"]
	const persist = unix.IFF_PERSIST
	if tap.Mode() != tuntap.TAP || tap.Owner != 1000 || tap.Group != -1 || tap.Index <= 0 ||
		tap.Flags&(unix.IFF_NO_PI|unix.IFF_VNET_HDR|persist) != unix.IFF_NO_PI|unix.IFF_VNET_HDR|persist {
		t.Errorf("tap0 listed as %+v", tap)
	}
	if tun.Mode() != tuntap.TUN || tun.Owner != -1 || tun.Flags&unix.IFF_NO_PI != 0 ||
		tun.Flags&(unix.IFF_MULTI_QUEUE|persist) != unix.IFF_MULTI_QUEUE|persist {
		t.Errorf("tun0 listed as %+v", tun)
	}

	// Delete finds the multi-queue device too; a mode that does not match
	// is refused and leaves the device.
	if err := tuntap.Delete("tap0", tuntap.TUN); !errors.Is(err, unix.EINVAL) {
		t.Errorf("Delete(tap0, TUN) = %v, want EINVAL", err)
	}
	for _, s := range specs {
		if err := tuntap.Delete(s.Name, s.Mode); err != nil {
			t.Errorf("Delete(%s): %v", s.Name, err)
		}
	}
	if devs, err := tuntap.List(); err != nil || len(devs) != 0 {
		t.Errorf("List after Delete = %+v, %v; want none", devs, err)
	}
}
