// Package maddr reads the multicast addresses of each link as the kernel
// lists them in /proc/net/dev_mcast (link layer), /proc/net/igmp (IPv4)
// and /proc/net/igmp6 (IPv6), the way `ip maddress show` reads them.
package maddr

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/gipnet/gip/internal/cnum"
	"golang.org/x/sys/unix"
)

// Address is one multicast address of a link (iproute2's struct ma_info).
type Address struct {
	Index  int    // the link's index
	Name   string // the link's name
	Family int    // AF_PACKET (a link-layer address), AF_INET or AF_INET6
	Users  int    // how many users joined the group
	Static bool   // dev_mcast's global use count is not 0
	Addr   []byte // the address: a MAC, 4 or 16 bytes
}

// lineMax is the size of iproute2's line buffer: a longer line is read
// as several.
const lineMax = 255

// lines calls fn with each line of r as fgets with a 256-byte buffer
// gives them (newline included).
func lines(r io.Reader, fn func(line string)) {
	br := bufio.NewReader(r)
	for {
		line, err := br.ReadString('\n')
		for len(line) > lineMax {
			fn(line[:lineMax])
			line = line[lineMax:]
		}
		if line != "" {
			fn(line)
		}
		if err != nil {
			return
		}
	}
}

// scanInt is sscanf's %d: the number at the start of s after blanks, and
// the rest.
func scanInt(s string) (int, string, bool) {
	v, rest, ok := cnum.ScanInt(s, 10)
	return int(int32(v)), rest, ok
}

// scanWord is sscanf's %s: the next run of non-blanks.
func scanWord(s string) (string, string, bool) {
	s = cnum.TrimLeftSpace(s)
	i := 0
	for i < len(s) && !cnum.IsSpace(s[i]) {
		i++
	}
	return s[:i], s[i:], i > 0
}

// parseHex is iproute2's parse_hex: pairs of hex digits into bytes, or
// false for an odd count or a pair that is no number.
func parseHex(s string) ([]byte, bool) {
	var out []byte
	for len(s) > 0 {
		if len(s) < 2 {
			return nil, false
		}
		v, _, ok := cnum.ScanUint(s[:2], 16)
		if !ok {
			return nil, false
		}
		out = append(out, byte(v))
		s = s[2:]
	}
	return out, true
}

// readDevMcast reads /proc/net/dev_mcast: "INDEX NAME USERS GLOBAL HEX".
func readDevMcast(r io.Reader, dev *string, add func(Address)) {
	lines(r, func(line string) {
		var e Address
		var st int
		e.Family = unix.AF_PACKET
		rest := line
		var hexa string
		ok := true
		if e.Index, rest, ok = scanInt(rest); ok {
			if e.Name, rest, ok = scanWord(rest); ok {
				if e.Users, rest, ok = scanInt(rest); ok {
					if st, rest, ok = scanInt(rest); ok {
						hexa, _, _ = scanWord(rest)
					}
				}
			}
		}
		if dev != nil && *dev != e.Name {
			return
		}
		a, ok := parseHex(hexa)
		if !ok {
			return
		}
		e.Addr, e.Static = a, st != 0
		add(e)
	})
}

// readIGMP reads /proc/net/igmp: a line per device ("INDEX NAME: …"),
// then a tab-indented line per group ("GROUP USERS …", the group as the
// hex of its value in memory).
func readIGMP(r io.Reader, dev *string, add func(Address)) {
	first := true
	cur := Address{Family: unix.AF_INET}
	lines(r, func(line string) {
		if first {
			first = false
			return
		}
		if line[0] != '\t' {
			if idx, rest, ok := scanInt(line); ok {
				cur.Index = idx
				if name, _, ok := scanWord(rest); ok {
					cur.Name = strings.TrimSuffix(name, ":")
				}
			}
			return
		}
		if dev != nil && *dev != cur.Name {
			return
		}
		if v, rest, ok := scanHex8(line); ok {
			cur.Addr = binary.NativeEndian.AppendUint32(nil, v)
			if u, _, ok := scanInt(rest); ok {
				cur.Users = u
			}
		}
		e := cur
		if e.Addr == nil {
			e.Addr = make([]byte, 4)
		}
		add(e)
	})
}

// scanHex8 is sscanf's %08x: at most eight hex digits after blanks.
func scanHex8(s string) (uint32, string, bool) {
	s = cnum.TrimLeftSpace(s)
	n := min(len(s), 8)
	v, rest, ok := cnum.ScanUint(s[:n], 16)
	if !ok {
		return 0, s, false
	}
	return uint32(v), rest + s[n:], true
}

// readIGMP6 reads /proc/net/igmp6: "INDEX NAME HEX USERS …".
func readIGMP6(r io.Reader, dev *string, add func(Address)) {
	lines(r, func(line string) {
		e := Address{Family: unix.AF_INET6}
		rest := line
		var hexa string
		ok := true
		if e.Index, rest, ok = scanInt(rest); ok {
			if e.Name, rest, ok = scanWord(rest); ok {
				if hexa, rest, ok = scanWord(rest); ok {
					e.Users, _, _ = scanInt(rest)
				}
			}
		}
		if dev != nil && *dev != e.Name {
			return
		}
		a, ok := parseHex(hexa)
		if !ok {
			return
		}
		e.Addr = a
		add(e)
	})
}

// ReadProc reads the lists family asks for (0: all three) from the /proc
// directory procNet ("/proc/net", or "/proc/thread-self/net" on a thread
// in another namespace), in iproute2's order: link layer, IPv4, IPv6, each
// address placed after those of lower or equal index. A non-nil dev keeps
// only that link's addresses. A list that cannot be read is left out, as
// iproute2 leaves it out.
func ReadProc(procNet string, family int, dev *string) []Address {
	var list []Address
	add := func(e Address) { list = append(list, e) }
	read := func(name string, fn func(io.Reader, *string, func(Address))) {
		b, err := os.ReadFile(procNet + "/" + name)
		if err != nil {
			return
		}
		fn(bytes.NewReader(b), dev, add)
	}
	if family == unix.AF_UNSPEC || family == unix.AF_PACKET {
		read("dev_mcast", readDevMcast)
	}
	if family == unix.AF_UNSPEC || family == unix.AF_INET {
		read("igmp", readIGMP)
	}
	if family == unix.AF_UNSPEC || family == unix.AF_INET6 {
		read("igmp6", readIGMP6)
	}
	sort.SliceStable(list, func(i, j int) bool { return list[i].Index < list[j].Index })
	return list
}

// List returns the multicast addresses of the calling thread's network
// namespace (all three lists when family is 0, else the one of AF_PACKET,
// AF_INET or AF_INET6).
func List(family int) []Address {
	return ReadProc("/proc/thread-self/net", family, nil)
}
