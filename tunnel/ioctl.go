package tunnel

import (
	"fmt"
	"runtime"
	"unsafe"

	"github.com/gipnet/gip/netns"
	"github.com/gipnet/gip/rtnl"
	"golang.org/x/sys/unix"
)

// The tunnel ioctls (linux/if_tunnel.h).
const (
	SIOCGETTUNNEL = 0x89f0
	SIOCADDTUNNEL = 0x89f1
	SIOCDELTUNNEL = 0x89f2
	SIOCCHGTUNNEL = 0x89f3
	SIOCGETPRL    = 0x89f4
	SIOCADDPRL    = 0x89f5
	SIOCDELPRL    = 0x89f6
	SIOCCHGPRL    = 0x89f7
	SIOCGET6RD    = 0x89f8
	SIOCADD6RD    = 0x89f9
	SIOCDEL6RD    = 0x89fa
	SIOCCHG6RD    = 0x89fb
)

// Error is a refused tunnel ioctl. Its text is the line `ip tunnel`
// prints for it; it unwraps to the errno.
type Error struct {
	Cmd   uint   // the ioctl (SIOC*)
	Name  string // the device it named
	Errno unix.Errno
}

func (e *Error) Error() string {
	what := ""
	switch e.Cmd {
	case SIOCGETTUNNEL:
		what = "get tunnel"
	case SIOCADDTUNNEL, SIOCCHGTUNNEL:
		what = "add tunnel"
	case SIOCDELTUNNEL:
		what = "delete tunnel"
	default:
		return fmt.Sprintf("%s: ioctl %x failed: %s", e.Name, e.Cmd, rtnl.Strerror(e.Errno))
	}
	return fmt.Sprintf("%s \"%s\" failed: %s", what, e.Name, rtnl.Strerror(e.Errno))
}

// Unwrap returns the errno.
func (e *Error) Unwrap() error { return e.Errno }

// Socket is the datagram socket the ioctls are issued on. Its family
// (AF_INET or AF_INET6) is the one `ip tunnel` uses for the structure it
// passes, and it acts in the network namespace it was opened in.
type Socket struct {
	fd     int
	family int
}

// Open returns a socket of family (unix.AF_INET or unix.AF_INET6) in the
// calling thread's network namespace.
func Open(family int) (*Socket, error) {
	fd, err := unix.Socket(family, unix.SOCK_DGRAM|unix.SOCK_CLOEXEC, 0)
	if err != nil {
		return nil, err
	}
	return &Socket{fd: fd, family: family}, nil
}

// OpenNetNS is Open in the network namespace open at nsFD (-1: the
// calling thread's).
func OpenNetNS(nsFD, family int) (*Socket, error) {
	if nsFD < 0 {
		return Open(family)
	}
	var s *Socket
	err := netns.DoFD(nsFD, func() error {
		var err error
		s, err = Open(family)
		return err
	})
	return s, err
}

// Family is the socket's address family.
func (s *Socket) Family() int { return s.family }

// Close closes the socket.
func (s *Socket) Close() error { return unix.Close(s.fd) }

// ifreq is struct ifreq with ifr_data: the device name and the address of
// the structure the ioctl reads or fills.
type ifreq struct {
	name [unix.IFNAMSIZ]byte
	data unsafe.Pointer
	_    [16]byte
}

// Ioctl issues ioctl cmd naming device name (cut to 15 bytes, as
// strlcpy does) with data as the structure it reads and fills.
func (s *Socket) Ioctl(cmd uint, name string, data []byte) error {
	var ifr ifreq
	copy(ifr.name[:unix.IFNAMSIZ-1], name)
	if len(data) > 0 {
		ifr.data = unsafe.Pointer(&data[0])
	}
	_, _, errno := unix.Syscall(unix.SYS_IOCTL, uintptr(s.fd), uintptr(cmd), uintptr(unsafe.Pointer(&ifr)))
	runtime.KeepAlive(data)
	if errno != 0 {
		return &Error{Cmd: cmd, Name: cut(name), Errno: errno}
	}
	return nil
}

// cut is name as strlcpy leaves it in ifr_name.
func cut(name string) string {
	if len(name) >= unix.IFNAMSIZ {
		return name[:unix.IFNAMSIZ-1]
	}
	return name
}

// Get returns the settings of IPv4 tunnel name (SIOCGETTUNNEL); for a
// fallback device they are the defaults of its kind. q is what the
// kernel is given to fill (`ip tunnel show` passes its parsed filter).
func (s *Socket) Get(name string, q Parm) (Parm, error) {
	b := q.Marshal()
	if err := s.Ioctl(SIOCGETTUNNEL, name, b); err != nil {
		return Parm{}, err
	}
	return DecodeParm(b)
}

// Get6 is Get for an IPv6 tunnel.
func (s *Socket) Get6(name string, q Parm6) (Parm6, error) {
	b := q.Marshal()
	if err := s.Ioctl(SIOCGETTUNNEL, name, b); err != nil {
		return Parm6{}, err
	}
	return DecodeParm6(b)
}

// Add creates tunnel p.Name (SIOCADDTUNNEL on p's fallback device).
func (s *Socket) Add(p Parm) error {
	return s.Ioctl(SIOCADDTUNNEL, p.FallbackDevice(), p.Marshal())
}

// Add6 creates IPv6 tunnel p.Name (SIOCADDTUNNEL on p's fallback device).
func (s *Socket) Add6(p Parm6) error {
	return s.Ioctl(SIOCADDTUNNEL, p.FallbackDevice(), p.Marshal())
}

// Change sets the settings of tunnel name to p (SIOCCHGTUNNEL); p.Name
// may rename it.
func (s *Socket) Change(name string, p Parm) error {
	return s.Ioctl(SIOCCHGTUNNEL, name, p.Marshal())
}

// Change6 is Change for an IPv6 tunnel.
func (s *Socket) Change6(name string, p Parm6) error {
	return s.Ioctl(SIOCCHGTUNNEL, name, p.Marshal())
}

// Delete removes tunnel name (SIOCDELTUNNEL).
func (s *Socket) Delete(name string) error {
	p := NewParm()
	p.Name = name
	return s.Ioctl(SIOCDELTUNNEL, name, p.Marshal())
}

// Delete6 removes IPv6 tunnel name (SIOCDELTUNNEL).
func (s *Socket) Delete6(name string) error {
	p := NewParm6()
	p.Name = name
	return s.Ioctl(SIOCDELTUNNEL, name, p.Marshal())
}

// AddPRL adds a router to ISATAP tunnel dev's potential router list
// (SIOCADDPRL: prl-default with PRLDefault, prl-nodefault without).
func (s *Socket) AddPRL(dev string, e PRLEntry) error {
	return s.Ioctl(SIOCADDPRL, dev, e.Marshal())
}

// DeletePRL removes router e.Addr from dev's potential router list
// (SIOCDELPRL: prl-delete); the address 0.0.0.0 empties the list.
func (s *Socket) DeletePRL(dev string, e PRLEntry) error {
	return s.Ioctl(SIOCDELPRL, dev, e.Marshal())
}

// MaxPRL is how many routers PRL asks for, as `ip tunnel show` does.
const MaxPRL = 15

// PRL returns up to MaxPRL routers of dev's potential router list
// (SIOCGETPRL), the unused slots left out.
func (s *Socket) PRL(dev string) ([]PRLEntry, error) {
	b := make([]byte, (MaxPRL+1)*PRLEntryLen)
	head := PRLEntry{DataLen: MaxPRL * PRLEntryLen}
	copy(b, head.Marshal())
	if err := s.Ioctl(SIOCGETPRL, dev, b); err != nil {
		return nil, err
	}
	return DecodePRL(b), nil
}

// DecodePRL reads the routers of a SIOCGETPRL buffer: the entries after
// the first, those of address 0.0.0.0 left out.
func DecodePRL(b []byte) []PRLEntry {
	var out []PRLEntry
	for off := PRLEntryLen; off+PRLEntryLen <= len(b); off += PRLEntryLen {
		e, _ := DecodePRLEntry(b[off:])
		if e.Addr.As4() != [4]byte{} {
			out = append(out, e)
		}
	}
	return out
}

// Set6RD sets sit tunnel dev's 6rd prefixes (SIOCADD6RD).
func (s *Socket) Set6RD(dev string, r SixRD) error {
	return s.Ioctl(SIOCADD6RD, dev, r.Marshal())
}

// Reset6RD puts sit tunnel dev's 6rd prefixes back to their defaults
// (SIOCDEL6RD).
func (s *Socket) Reset6RD(dev string) error {
	var r SixRD
	return s.Ioctl(SIOCDEL6RD, dev, r.Marshal())
}

// Get6RD returns sit tunnel dev's 6rd prefixes (SIOCGET6RD).
func (s *Socket) Get6RD(dev string) (SixRD, error) {
	var r SixRD
	b := r.Marshal()
	if err := s.Ioctl(SIOCGET6RD, dev, b); err != nil {
		return SixRD{}, err
	}
	return DecodeSixRD(b)
}
