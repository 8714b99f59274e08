package vrf

import (
	"bufio"
	"strings"
	"testing"
)

// FuzzDecode: any link message body decodes without a panic, and what
// Decode takes for a VRF is what LinkInfo reads from the same attributes.
func FuzzDecode(f *testing.F) {
	data := appendAttr(nil, iflaVRFTable, []byte{10, 0, 0, 0})
	li := append(appendAttr(nil, 1, []byte("vrf\x00")), appendAttr(nil, 2, data)...)
	hdr := []byte{0, 0, 0, 0, 7, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}
	f.Add(appendAttr(appendAttr(hdr, 3, []byte("red\x00")), 18, li))
	f.Add(hdr)
	f.Add([]byte{1, 2, 3})
	f.Fuzz(func(t *testing.T, body []byte) {
		v, ok := Decode(body)
		if !ok {
			return
		}
		kind, table, _ := LinkInfo(body[16:])
		if kind != "vrf" || table == 0 || table != v.Table {
			t.Errorf("Decode = %+v from kind %q table %d", v, kind, table)
		}
	})
}

// FuzzParseCgroup: a /proc/PID/cgroup file's base path never keeps a /vrf
// part or a newline, and fits iproute2's buffer.
func FuzzParseCgroup(f *testing.F) {
	for _, s := range []string{"0::/\n", "1:cpu:/a\n0::/user.slice/s\n", "0::/a/x-ns/vrf/blue\n", "0::/no-newline", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		got := parseCgroup(bufio.NewReader(strings.NewReader(in)))
		if strings.Contains(got, "/vrf") || strings.Contains(got, "\n") || len(got) > 4095 || got == "/" {
			t.Errorf("parseCgroup(%q) = %q", in, got)
		}
	})
}

// FuzzScanMounts: a mount table yields a mount point only from a cgroup2
// entry, within scanf's width.
func FuzzScanMounts(f *testing.F) {
	f.Add("sysfs /sys sysfs rw 0 0\ncgroup2 /sys/fs/cgroup/unified cgroup2 rw 0 0\n")
	f.Add("a /with\\040space cgroup2 rw 0 0\n")
	f.Add("")
	f.Fuzz(func(t *testing.T, table string) {
		dir, found := scanMounts(strings.NewReader(table), "cgroup2")
		if found && (dir == "" || len(dir) > 4095 || !strings.Contains(table, "cgroup2")) {
			t.Errorf("scanMounts(%q) = %q", table, dir)
		}
	})
}

// FuzzParseIdentify: a VRF name from a /proc/PID/cgroup file is one line
// of at most 31 bytes.
func FuzzParseIdentify(f *testing.F) {
	for _, s := range []string{"0::/vrf/blue\n", "1:cpu:/vrf/red\n0::/a/x-ns/vrf/blue\n", "0::/vrf/", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		got := parseIdentify(bufio.NewReader(strings.NewReader(in)))
		if len(got) > 31 || strings.Contains(got, "\n") || (got != "" && !strings.Contains(in, "/vrf/"+got)) {
			t.Errorf("parseIdentify(%q) = %q", in, got)
		}
	})
}
