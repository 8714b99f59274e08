package ipmaddr

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gipnet/gip/format"
	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/maddr"
	"golang.org/x/sys/unix"
)

// testdata/proc holds /proc/net/dev_mcast, igmp and igmp6 as the kernel
// wrote them in the namespace testdata/capture.sh builds, and
// testdata/*.txt what iproute2 6.1's ip maddress printed there at the
// same time.
func TestShowGolden(t *testing.T) {
	eth0 := "eth0"
	for _, tc := range []struct {
		golden string
		opts   format.Options
		family int
		dev    *string
	}{
		{"show.txt", format.Options{}, 0, nil},
		{"show-o.txt", format.Options{Oneline: true}, 0, nil},
		{"show-j.txt", format.Options{JSON: true}, 0, nil},
		{"show-jp.txt", format.Options{JSON: true, Pretty: true}, 0, nil},
		{"show-4.txt", format.Options{}, unix.AF_INET, nil},
		{"show-6-eth0.txt", format.Options{}, unix.AF_INET6, &eth0},
		{"show-0.txt", format.Options{}, unix.AF_PACKET, nil},
		{"show-c.txt", format.Options{Color: true}, 0, nil},
	} {
		want, err := os.ReadFile(filepath.Join("testdata", tc.golden))
		if err != nil {
			t.Fatal(err)
		}
		var out bytes.Buffer
		p := format.New(&out, tc.opts)
		printList(p, false, maddr.ReadProc(filepath.Join("testdata", "proc"), tc.family, tc.dev))
		p.Flush()
		if out.String() != string(want) {
			t.Errorf("%s: got\n%s\nwant\n%s", tc.golden, out.String(), want)
		}
	}
}

func TestModifyRequest(t *testing.T) {
	req, err := modifyRequest(cmdline.NewArgs(strings.Fields("address 01:00:5e:00:00:05 dev eth0")))
	if err != nil {
		t.Fatal(err)
	}
	if string(req.name[:5]) != "eth0\x00" || req.family != 0 || !bytes.Equal(req.data[:7], []byte{1, 0, 0x5e, 0, 0, 5, 0}) {
		t.Errorf("request %+v", req)
	}
	for _, tc := range []struct {
		words string
		msg   string
		code  int
	}{
		{"01:00:5e:00:00:05", `Not enough information: "dev" is required.`, 255},
		{"01:00:5e dev eth0", "Error: Invalid address length 3 - must be 6 bytes", 1},
		{"1:2:3:4:5:6:7:8:9:10:11:12:13:14:15 dev eth0", "Error: Invalid address length 15 - must be 6 bytes", 1},
		{"zz dev eth0", `"zz" is invalid lladdr.`, 1},
		{"1:2:3:4:5:6 1:2:3:4:5:7 dev eth0", `Error: duplicate "address": "1:2:3:4:5:7" is the second value.`, 255},
		{"1:2:3:4:5:6 dev eth0 dev eth1", `Error: duplicate "dev": "eth1" is the second value.`, 255},
		{"1:2:3:4:5:6 dev 0123456789abcdef", `Error: argument "0123456789abcdef" is wrong: "dev" not a valid ifname`, 255},
		{"a dev", `Error: Invalid address length 1 - must be 6 bytes`, 1},
		{"address", `Command line is not complete. Try option "help"`, 255},
		{"h", "", 255},
	} {
		_, err := modifyRequest(cmdline.NewArgs(strings.Fields(tc.words)))
		ce, ok := err.(*cmdline.Error)
		if !ok || ce.Msg != tc.msg || ce.Code != tc.code {
			t.Errorf("%q: got %v, want %q (%d)", tc.words, err, tc.msg, tc.code)
		}
	}
}

// FuzzReadAll: any /proc contents read and print without a panic.
func FuzzReadAll(f *testing.F) {
	read := func(name string) string {
		b, _ := os.ReadFile(filepath.Join("testdata", "proc", name))
		return string(b)
	}
	f.Add(read("dev_mcast"), read("igmp"), read("igmp6"))
	f.Add("1 lo 1 1 0\n2 x\n", "h\n\t01\n3\tx:\n\t\n", "1 lo zz 1\n")
	f.Fuzz(func(t *testing.T, devMcast, igmp, igmp6 string) {
		dir := t.TempDir()
		for name, s := range map[string]string{"dev_mcast": devMcast, "igmp": igmp, "igmp6": igmp6} {
			if err := os.WriteFile(filepath.Join(dir, name), []byte(s), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		for _, o := range []format.Options{{}, {JSON: true}, {Oneline: true}} {
			var out bytes.Buffer
			p := format.New(&out, o)
			printList(p, false, maddr.ReadProc(dir, 0, nil))
			p.Flush()
		}
	})
}

// FuzzModifyRequest: the add/del parser returns a request or an error.
func FuzzModifyRequest(f *testing.F) {
	f.Add("01:00:5e:00:00:05 dev eth0")
	f.Add("address 1.2.3.4 dev x")
	f.Fuzz(func(t *testing.T, s string) {
		req, err := modifyRequest(cmdline.NewArgs(strings.Split(s, " ")))
		if err == nil && req.name[0] == 0 {
			t.Fatalf("%q: a request without a device", s)
		}
	})
}
