// Package tuntap creates, deletes and lists persistent tun and tap devices,
// as `ip tuntap` does: devices are made through /dev/net/tun ioctls and
// listed from an rtnetlink link dump (completed from sysfs).
//
// The ioctls act in the network namespace of the calling thread. To work in
// another namespace, call Add or Delete inside netns.Do; List takes no
// connection and lists the calling process's namespace, while Dump lists
// the namespace of any rtnl connection.
//
// Failures of the ioctls are *Error values whose text is the line `ip
// tuntap` prints for them (C's perror: "ioctl(TUNSETIFF): Device or
// resource busy") and which unwrap to the errno, so errors.Is(err,
// unix.EBUSY) works.
package tuntap

import (
	"errors"
	"strconv"

	"github.com/gipnet/gip/rtnl"
	"golang.org/x/sys/unix"
)

// Mode is the kind of device: layer 3 (tun) or layer 2 (tap).
type Mode uint16

// The modes, with the values of the IFF_TUN and IFF_TAP flags.
const (
	TUN Mode = unix.IFF_TUN // layer 3: IP packets
	TAP Mode = unix.IFF_TAP // layer 2: Ethernet frames
)

// String is the mode's word in `ip tuntap`: "tun" or "tap".
func (m Mode) String() string {
	switch m {
	case TUN:
		return "tun"
	case TAP:
		return "tap"
	}
	return "mode(" + strconv.FormatUint(uint64(m), 10) + ")"
}

// Spec describes a device to create (Add) or delete (DeleteSpec).
type Spec struct {
	// Name is the device name (at most 15 bytes); empty lets the kernel
	// pick the first free tunN or tapN.
	Name string
	Mode Mode
	// Owner and Group, when not nil, restrict who may attach to the
	// device (TUNSETOWNER, TUNSETGROUP).
	Owner, Group *uint32
	// PI keeps the 4-byte packet information header in front of every
	// packet (`pi`); without it the device is IFF_NO_PI.
	PI bool
	// OneQueue is IFF_ONE_QUEUE (`one_queue`, ignored by current
	// kernels), VnetHdr IFF_VNET_HDR (`vnet_hdr`) and MultiQueue
	// IFF_MULTI_QUEUE (`multi_queue`).
	OneQueue, VnetHdr, MultiQueue bool
}

// Flags returns the ifreq flags TUNSETIFF is given for s, as `ip tuntap`
// builds them.
func (s Spec) Flags() uint16 {
	f := uint16(s.Mode)
	if !s.PI {
		f |= unix.IFF_NO_PI
	}
	if s.OneQueue {
		f |= unix.IFF_ONE_QUEUE
	}
	if s.VnetHdr {
		f |= unix.IFF_VNET_HDR
	}
	if s.MultiQueue {
		f |= unix.IFF_MULTI_QUEUE
	}
	return f
}

// Error is a failed step: Op is the call as `ip tuntap` names it ("open",
// "ioctl(TUNSETIFF)", "ioctl(TUNSETOWNER)", "ioctl(TUNSETGROUP)",
// "ioctl(TUNSETPERSIST)") and Err the errno.
type Error struct {
	Op  string
	Err error
}

// Error is C's perror line: the call, a colon and strerror.
func (e *Error) Error() string { return e.Op + ": " + rtnl.ErrnoText(e.Err) }

// Unwrap returns the errno.
func (e *Error) Unwrap() error { return e.Err }

func openTun() (int, error) {
	fd, err := unix.Open("/dev/net/tun", unix.O_RDWR|unix.O_CLOEXEC, 0)
	if err != nil {
		return -1, &Error{"open", err}
	}
	return fd, nil
}

func setIff(fd int, name string, flags uint16) error {
	ifr, err := unix.NewIfreq(name)
	if err != nil {
		// Too long for struct ifreq: the kernel's answer to a name
		// it cannot take.
		return &Error{"ioctl(TUNSETIFF)", unix.EINVAL}
	}
	ifr.SetUint16(flags)
	if err := unix.IoctlIfreq(fd, unix.TUNSETIFF, ifr); err != nil {
		return &Error{"ioctl(TUNSETIFF)", err}
	}
	return nil
}

// Add creates the persistent device s describes in the calling thread's
// network namespace, as `ip tuntap add` does. A name in use fails with
// unix.EBUSY. A step that fails after the device was made (owner, group,
// persist) leaves nothing behind: the device goes with the closing fd.
func Add(s Spec) error {
	fd, err := openTun()
	if err != nil {
		return err
	}
	defer unix.Close(fd)
	if err := setIff(fd, s.Name, s.Flags()|unix.IFF_TUN_EXCL); err != nil {
		return err
	}
	if s.Owner != nil {
		if err := unix.IoctlSetInt(fd, unix.TUNSETOWNER, int(*s.Owner)); err != nil {
			return &Error{"ioctl(TUNSETOWNER)", err}
		}
	}
	if s.Group != nil {
		if err := unix.IoctlSetInt(fd, unix.TUNSETGROUP, int(*s.Group)); err != nil {
			return &Error{"ioctl(TUNSETGROUP)", err}
		}
	}
	if err := unix.IoctlSetInt(fd, unix.TUNSETPERSIST, 1); err != nil {
		return &Error{"ioctl(TUNSETPERSIST)", err}
	}
	return nil
}

// DeleteSpec deletes the persistent device s names, as `ip tuntap del`
// does: attach to it with s's flags (which must agree with the device's
// mode and multi-queue setting, else unix.EINVAL) and drop persistence.
// Owner and Group are not used.
func DeleteSpec(s Spec) error {
	fd, err := openTun()
	if err != nil {
		return err
	}
	defer unix.Close(fd)
	if err := setIff(fd, s.Name, s.Flags()); err != nil {
		return err
	}
	if err := unix.IoctlSetInt(fd, unix.TUNSETPERSIST, 0); err != nil {
		return &Error{"ioctl(TUNSETPERSIST)", err}
	}
	return nil
}

// Delete deletes the persistent device name of the given mode in the
// calling thread's network namespace. A multi-queue device is found too
// (the kernel refuses a single-queue attach to it with EINVAL, and Delete
// tries again as multi-queue). A device that is not there is created by
// the attach and goes again at once, so deleting a missing name succeeds,
// as with `ip tuntap del`.
func Delete(name string, mode Mode) error {
	err := DeleteSpec(Spec{Name: name, Mode: mode})
	if errors.Is(err, unix.EINVAL) {
		if err2 := DeleteSpec(Spec{Name: name, Mode: mode, MultiQueue: true}); err2 == nil {
			return nil
		}
	}
	return err
}
