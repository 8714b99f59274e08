package tuntap_test

import (
	"context"
	"errors"
	"os"
	"testing"

	"github.com/gipnet/gip/internal/nstest"
	"github.com/gipnet/gip/netns"
	"github.com/gipnet/gip/rtnl"
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

	// In another namespace: Add inside netns.Do, Dump through a
	// connection dialed there; the test's own namespace has nothing.
	if err := netns.Add("blue"); err != nil {
		t.Fatal(err)
	}
	defer netns.Delete("blue")
	if err := netns.Do("blue", func() error { return tuntap.Add(tuntap.Spec{Name: "tapb", Mode: tuntap.TAP, OneQueue: true}) }); err != nil {
		t.Fatalf("Add inside blue: %v", err)
	}
	fd, err := netns.Open("blue")
	if err != nil {
		t.Fatal(err)
	}
	defer unix.Close(fd)
	c, err := rtnl.Dial(fd)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	devs, err = tuntap.Dump(context.Background(), c)
	if err != nil || len(devs) != 1 || devs[0].Name != "tapb" {
		t.Errorf("Dump in blue = %+v, %v; want tapb", devs, err)
	}
	tuntap.ReadSysFlags(devs, fd)
	// one_queue is in sysfs only: its bit shows the flags came from blue's.
	const want = unix.IFF_TAP | unix.IFF_PERSIST | unix.IFF_ONE_QUEUE
	if len(devs) == 1 && devs[0].Flags&want != want {
		t.Errorf("tapb's flags from blue's sysfs: %#x, want %#x set", devs[0].Flags, want)
	}
	if devs, err := tuntap.List(); err != nil || len(devs) != 0 {
		t.Errorf("List in the test's namespace = %+v, %v; want none", devs, err)
	}
}
