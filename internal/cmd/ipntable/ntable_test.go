package ipntable

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/ntable"
	"github.com/mdlayher/netlink"
)

func noDevice(string) (uint32, error) { return 0, nil }
func devTwo(string) (uint32, error)   { return 2, nil }

// TestChangeRequest: the bodies iproute2 6.1 sends (strace -e sendmsg
// -xx, after the netlink header) and its refusals of bad words.
func TestChangeRequest(t *testing.T) {
	for _, tc := range []struct {
		words string
		find  func(string) (uint32, error)
		want  []byte
		err   string
	}{
		{"name arp_cache queue 3", noDevice, []byte{0, 0, 0, 0,
			14, 0, 1, 0, 'a', 'r', 'p', '_', 'c', 'a', 'c', 'h', 'e', 0, 0, 0,
			12, 0, 6, 0, 8, 0, 8, 0, 3, 0, 0, 0}, ""},
		{"name a dev x locktime 7 thresh1 1", devTwo, []byte{0, 0, 0, 0,
			6, 0, 1, 0, 'a', 0, 0, 0,
			8, 0, 2, 0, 1, 0, 0, 0,
			24, 0, 6, 0, 8, 0, 1, 0, 2, 0, 0, 0, 12, 0, 15, 0, 7, 0, 0, 0, 0, 0, 0, 0}, ""},
		{"name a gc_int 0x10", noDevice, []byte{0, 0, 0, 0, 6, 0, 1, 0, 'a', 0, 0, 0,
			12, 0, 8, 0, 16, 0, 0, 0, 0, 0, 0, 0}, ""},
		{"name a", noDevice, nil, "Not enough information: changeable attributes required."},
		{"queue 1", noDevice, nil, `Error: argument "NAME" is required`},
		{"name a name b", noDevice, nil, `Error: duplicate "NAME": "b" is the second value.`},
		{"name a queue -1", noDevice, nil, `Error: argument "-1" is wrong: "queue" value is invalid`},
		{"name a Queue 1", noDevice, nil, `Error: argument "Queue" is wrong: unknown`},
		{"name a dev x queue 1", noDevice, nil, `Cannot find device "x"`},
		{"name a queue", noDevice, nil, `Command line is not complete. Try option "help"`},
	} {
		got, _, err := changeRequest(0, cmdline.NewArgs(strings.Fields(tc.words)), tc.find)
		if tc.err != "" {
			if err == nil || err.Error() != tc.err {
				t.Errorf("%q: error %v, want %q", tc.words, err, tc.err)
			}
			continue
		}
		if err != nil || !bytes.Equal(got, tc.want) {
			t.Errorf("%q = %v, %v\nwant %v", tc.words, got, err, tc.want)
		}
	}
}

// TestPrint prints a table message laid out as print_ntable does (the
// integration case ntable-basic.sh compares real tables with iproute2).
func TestPrint(t *testing.T) {
	var parm []byte
	parm = attr32(parm, ntable.ParmIfindex, 1)
	parm = attr32(parm, ntable.ParmRefcnt, 1)
	parm = attr64(parm, ntable.ParmReachableTime, 30280)
	parm = attr64(parm, ntable.ParmBaseReachableTime, 30000)
	parm = attr32(parm, ntable.ParmQueueLen, 101)
	parm = attr64(parm, ntable.ParmLocktime, 1000)
	b := []byte{2, 0, 0, 0}
	b = attr(b, ntable.AttrName, []byte("arp_cache\x00"))
	b = attr32(b, ntable.AttrThresh1, 128)
	b = attr(b, ntable.AttrParms, parm)
	want := "inet arp_cache \n    thresh1 128 \n    dev lo \n    refcnt 1 reachable 30280 base_reachable 30000 \n    queue 101 \n    \n    locktime 1000 \n\n"
	var out bytes.Buffer
	env := cli.NewEnv(cli.Options{Stats: 1}, nil, &out, &out)
	pr := NewPrinter(env, func(uint32) string { return "lo" })
	pr.Now = func() time.Time { return time.Unix(1e9, 0) }
	pr.Print(env, netlink.Header{Type: ntable.RTMNewNeighTbl}, b)
	env.Close()
	if out.String() != want {
		t.Errorf("got %q\nwant %q", out.String(), want)
	}
}

// FuzzPrint: no message makes the printer panic.
func FuzzPrint(f *testing.F) {
	f.Add([]byte{2, 0, 0, 0, 8, 0, 6, 0, 4, 0, 1, 0})
	f.Fuzz(func(t *testing.T, body []byte) {
		for _, o := range []cli.Options{{Stats: 1}, {JSON: true, Stats: 1, Oneline: true}} {
			var out bytes.Buffer
			env := cli.NewEnv(o, nil, &out, &out)
			pr := NewPrinter(env, func(uint32) string { return "x" })
			pr.Print(env, netlink.Header{Type: ntable.RTMNewNeighTbl}, body)
			env.Close()
		}
	})
}

// FuzzChangeRequest: no words make the parser panic.
func FuzzChangeRequest(f *testing.F) {
	f.Add("name arp_cache dev x queue 3 gc_int 1")
	f.Fuzz(func(t *testing.T, s string) {
		changeRequest(0, cmdline.NewArgs(strings.Fields(s)), devTwo)
	})
}
