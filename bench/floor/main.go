// Command floor is what the bench measures gip against where iproute2 is
// not the bar: the least a Go program must do for the same job.
//
//	floor exec PROG ARGS...  execs PROG (the floor of ip netns exec)
//	floor dump route4|route6|link
//	                         requests that rtnetlink dump and reads it to
//	                         its end into one reused 64 KiB buffer,
//	                         decoding and printing nothing (the floor of
//	                         ip route show and ip link show)
//
// It is built as gip is (static, stripped) and uses plain system calls
// only.
package main

import (
	"encoding/binary"
	"os"
	"syscall"
	"unsafe"
)

func main() {
	if len(os.Args) >= 3 && os.Args[1] == "exec" {
		path := os.Args[2]
		if path[0] != '/' {
			for _, dir := range []string{"/usr/bin/", "/bin/", "/usr/sbin/", "/sbin/"} {
				if _, err := os.Stat(dir + path); err == nil {
					path = dir + path
					break
				}
			}
		}
		err := syscall.Exec(path, os.Args[2:], os.Environ())
		os.Stderr.WriteString("floor: exec: " + err.Error() + "\n")
		os.Exit(1)
	}
	if len(os.Args) == 3 && os.Args[1] == "dump" {
		if err := dump(os.Args[2]); err != nil {
			os.Stderr.WriteString("floor: " + err.Error() + "\n")
			os.Exit(1)
		}
		return
	}
	os.Stderr.WriteString("usage: floor exec PROG ARGS... | floor dump route4|route6|link\n")
	os.Exit(2)
}

// dump sends the dump request of what and receives the dump to its end.
func dump(what string) error {
	var typ uint16
	var body []byte
	switch what {
	case "route4", "route6":
		typ = syscall.RTM_GETROUTE
		body = make([]byte, syscall.SizeofRtMsg)
		body[0] = syscall.AF_INET
		if what == "route6" {
			body[0] = syscall.AF_INET6
		}
	case "link":
		// As ip link show asks: no VF details, no statistics.
		typ = syscall.RTM_GETLINK
		body = make([]byte, syscall.SizeofIfInfomsg+8)
		body[0] = syscall.AF_PACKET
		binary.NativeEndian.PutUint16(body[syscall.SizeofIfInfomsg:], 8)
		binary.NativeEndian.PutUint16(body[syscall.SizeofIfInfomsg+2:], 29)  // IFLA_EXT_MASK
		binary.NativeEndian.PutUint32(body[syscall.SizeofIfInfomsg+4:], 1|8) // RTEXT_FILTER_VF|RTEXT_FILTER_SKIP_STATS
	default:
		return syscall.EINVAL
	}
	fd, err := syscall.Socket(syscall.AF_NETLINK, syscall.SOCK_RAW|syscall.SOCK_CLOEXEC, syscall.NETLINK_ROUTE)
	if err != nil {
		return err
	}
	req := make([]byte, syscall.NLMSG_HDRLEN, syscall.NLMSG_HDRLEN+len(body))
	req = append(req, body...)
	binary.NativeEndian.PutUint32(req[0:], uint32(len(req)))
	binary.NativeEndian.PutUint16(req[4:], typ)
	binary.NativeEndian.PutUint16(req[6:], syscall.NLM_F_REQUEST|syscall.NLM_F_DUMP)
	binary.NativeEndian.PutUint32(req[8:], 1)
	if err := syscall.Sendto(fd, req, 0, &syscall.SockaddrNetlink{Family: syscall.AF_NETLINK}); err != nil {
		return err
	}
	buf := make([]byte, 64<<10)
	for {
		r, _, e := syscall.RawSyscall6(syscall.SYS_RECVFROM, uintptr(fd), uintptr(unsafe.Pointer(&buf[0])), uintptr(len(buf)), 0, 0, 0)
		if e == syscall.EINTR {
			continue
		}
		if e != 0 {
			return e
		}
		// The dump ends with NLMSG_DONE (or an error) as the last
		// message of a datagram.
		b := buf[:r]
		for len(b) >= syscall.NLMSG_HDRLEN {
			l := int(binary.NativeEndian.Uint32(b))
			t := binary.NativeEndian.Uint16(b[4:])
			if t == syscall.NLMSG_DONE || t == syscall.NLMSG_ERROR {
				return nil
			}
			if l < syscall.NLMSG_HDRLEN || l > len(b) {
				return syscall.EBADMSG
			}
			b = b[min((l+3)&^3, len(b)):]
		}
	}
}
