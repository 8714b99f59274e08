package iplink

import (
	"github.com/gipnet/gip/netns"
	"golang.org/x/sys/unix"
)

// txQueueLen asks the device's queue length by ioctl, which is how
// iproute2 fills in qlen when the reply lacks IFLA_TXQLEN (link dumps of an
// inet family). The socket is made in the namespace being shown.
func (pr *Printer) txQueueLen(name string) (uint32, error) {
	if pr.ioctlFD == 0 {
		mk := func() error {
			fd, err := unix.Socket(unix.AF_INET, unix.SOCK_STREAM|unix.SOCK_CLOEXEC, 0)
			if err != nil {
				return err
			}
			pr.ioctlFD = fd
			return nil
		}
		var err error
		if pr.Names.NetNSFD() >= 0 {
			err = netns.DoFD(pr.Names.NetNSFD(), mk)
		} else {
			err = mk()
		}
		if err != nil {
			return 0, err
		}
	}
	ifr, err := unix.NewIfreq(name)
	if err != nil {
		return 0, err
	}
	if err := unix.IoctlIfreq(pr.ioctlFD, unix.SIOCGIFTXQLEN, ifr); err != nil {
		return 0, err
	}
	return ifr.Uint32(), nil
}

// Close releases what the printer opened.
func (pr *Printer) Close() {
	if pr.ioctlFD > 0 {
		unix.Close(pr.ioctlFD)
		pr.ioctlFD = 0
	}
}
