// Package ipmaddr is `ip maddress`: the multicast addresses of each link, as
// the kernel lists them in /proc/net/dev_mcast (link layer), /proc/net/igmp
// (IPv4) and /proc/net/igmp6 (IPv6), and joining or leaving a link-layer
// group with the SIOCADDMULTI and SIOCDELMULTI ioctls.
package ipmaddr

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"io"
	"os"
	"sort"
	"strconv"
	"strings"

	"github.com/gipnet/gip/format"
	"github.com/gipnet/gip/internal/cnum"
	"github.com/gipnet/gip/route"
	"golang.org/x/sys/unix"
)

// entry is one multicast address of a link (iproute2's struct ma_info).
type entry struct {
	index  int32
	name   string
	family int // AF_PACKET, AF_INET or AF_INET6
	users  int32
	static bool // dev_mcast's global use count is not 0
	addr   []byte
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
func scanInt(s string) (int32, string, bool) {
	v, rest, ok := cnum.ScanInt(s, 10)
	return int32(v), rest, ok
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
func readDevMcast(r io.Reader, dev *string, add func(entry)) {
	lines(r, func(line string) {
		var e entry
		var st int32
		e.family = unix.AF_PACKET
		rest := line
		var hexa string
		ok := true
		if e.index, rest, ok = scanInt(rest); ok {
			if e.name, rest, ok = scanWord(rest); ok {
				if e.users, rest, ok = scanInt(rest); ok {
					if st, rest, ok = scanInt(rest); ok {
						hexa, _, _ = scanWord(rest)
					}
				}
			}
		}
		if dev != nil && *dev != e.name {
			return
		}
		a, ok := parseHex(hexa)
		if !ok {
			return
		}
		e.addr, e.static = a, st != 0
		add(e)
	})
}

// readIGMP reads /proc/net/igmp: a line per device ("INDEX NAME: …"),
// then a tab-indented line per group ("GROUP USERS …", the group as the
// hex of its value in memory).
func readIGMP(r io.Reader, dev *string, add func(entry)) {
	first := true
	cur := entry{family: unix.AF_INET}
	lines(r, func(line string) {
		if first {
			first = false
			return
		}
		if line[0] != '\t' {
			if idx, rest, ok := scanInt(line); ok {
				cur.index = idx
				if name, _, ok := scanWord(rest); ok {
					cur.name = strings.TrimSuffix(name, ":")
				}
			}
			return
		}
		if dev != nil && *dev != cur.name {
			return
		}
		if v, rest, ok := scanHex8(line); ok {
			cur.addr = binary.NativeEndian.AppendUint32(nil, v)
			if u, _, ok := scanInt(rest); ok {
				cur.users = u
			}
		}
		e := cur
		if e.addr == nil {
			e.addr = make([]byte, 4)
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
func readIGMP6(r io.Reader, dev *string, add func(entry)) {
	lines(r, func(line string) {
		e := entry{family: unix.AF_INET6}
		rest := line
		var hexa string
		ok := true
		if e.index, rest, ok = scanInt(rest); ok {
			if e.name, rest, ok = scanWord(rest); ok {
				if hexa, rest, ok = scanWord(rest); ok {
					e.users, _, _ = scanInt(rest)
				}
			}
		}
		if dev != nil && *dev != e.name {
			return
		}
		a, ok := parseHex(hexa)
		if !ok {
			return
		}
		e.addr = a
		add(e)
	})
}

// readAll reads the lists family asks for (0: all three) from the /proc
// directory procNet, in iproute2's order: link layer, IPv4, IPv6, each
// entry placed after those of lower or equal index.
func readAll(procNet string, family int, dev *string) []entry {
	var list []entry
	add := func(e entry) { list = append(list, e) }
	read := func(name string, fn func(io.Reader, *string, func(entry))) {
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
	sort.SliceStable(list, func(i, j int) bool { return list[i].index < list[j].index })
	return list
}

// printList is print_mlist: a heading per link (per address under
// -oneline), then its addresses.
func printList(p *format.Printer, resolve bool, list []entry) {
	p.Begin()
	cur := int32(0)
	for i := range list {
		e := &list[i]
		if e.index != cur || p.Oneline() {
			if cur != 0 {
				p.CloseArray(format.JSON, "")
				p.CloseObject()
			}
			p.OpenObject("")
			p.Int(format.Any, "ifindex", "%d:", int64(e.index))
			p.ColorString(format.Any, format.Ifname, "ifname", "\t%s", e.name)
			p.NL()
			cur = e.index
			p.OpenArray(format.JSON, "maddr", "")
		}
		printEntry(p, resolve, e)
	}
	if cur != 0 {
		p.CloseArray(format.JSON, "")
		p.CloseObject()
	}
	p.End()
}

// printEntry is print_maddr.
func printEntry(p *format.Printer, resolve bool, e *entry) {
	p.Text("\t")
	p.OpenObject("")
	if e.family == unix.AF_PACKET {
		p.Text("link  ")
		p.ColorString(format.Any, format.MAC, "link", "%s", llAddr(e.addr))
	} else {
		p.String(format.Any, "family", "%-5s ", cnum.FamilyName(e.family))
		color := format.Inet
		if e.family == unix.AF_INET6 {
			color = format.Inet6
		}
		p.ColorString(format.Any, color, "address", "%s", route.HostText(resolve, e.family, e.addr))
	}
	if e.users != 1 {
		p.Uint(format.Any, "users", " users %u", uint64(e.users))
	}
	if e.static {
		p.String(format.Any, "features", " %s", "static")
	}
	p.Text("\n")
	p.CloseObject()
}

// llAddr is ll_addr_n2a into iproute2's 64-byte buffer: hex bytes joined
// by colons ("00" for none), cut to 63 characters.
func llAddr(a []byte) string {
	if len(a) == 0 {
		return "00"
	}
	var b []byte
	for i, c := range a {
		if i > 0 {
			b = append(b, ':')
		}
		if c < 0x10 {
			b = append(b, '0')
		}
		b = strconv.AppendUint(b, uint64(c), 16)
	}
	if len(b) > 63 {
		b = b[:63]
	}
	return string(b)
}
