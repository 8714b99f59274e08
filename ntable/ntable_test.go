package ntable

import (
	"context"
	"encoding/binary"
	"testing"
	"time"

	"github.com/gipnet/gip/internal/nstest"

	"github.com/gipnet/gip/rtnl"
	"golang.org/x/sys/unix"
)

func attr(b []byte, typ uint16, data []byte) []byte {
	b = binary.NativeEndian.AppendUint16(b, uint16(4+len(data)))
	b = binary.NativeEndian.AppendUint16(b, typ)
	b = append(b, data...)
	for len(b)%4 != 0 {
		b = append(b, 0)
	}
	return b
}

func TestDecode(t *testing.T) {
	var parm []byte
	parm = attr(parm, ParmIfindex, binary.NativeEndian.AppendUint32(nil, 2))
	parm = attr(parm, ParmReachableTime, binary.NativeEndian.AppendUint64(nil, 30280))
	parm = attr(parm, ParmQueueLen, binary.NativeEndian.AppendUint32(nil, 101))
	b := DumpRequest(unix.AF_INET)
	b = attr(b, AttrName, []byte("arp_cache\x00"))
	b = attr(b, AttrThresh1, binary.NativeEndian.AppendUint32(nil, 128))
	b = attr(b, AttrGCInterval, binary.NativeEndian.AppendUint64(nil, 30000))
	b = attr(b, AttrParms, parm)
	got, err := Decode(b)
	if err != nil {
		t.Fatal(err)
	}
	want := Table{Family: unix.AF_INET, Name: "arp_cache", Thresh1: 128, GCInterval: 30 * time.Second, Dev: 2,
		Parms: Parms{ReachableTime: 30280 * time.Millisecond, QueueLen: 101}}
	if got != want {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
	if _, err := Decode([]byte{2}); err != ErrShort {
		t.Errorf("one byte: %v", err)
	}
}

// A new namespace has arp_cache and ndisc_cache, each with its defaults
// and lo's parameters.
func TestList(t *testing.T) {
	fd := nstest.NetNS(t, nil)
	c, err := rtnl.Dial(fd)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	list, err := List(context.Background(), c, unix.AF_INET)
	if err != nil {
		t.Fatal(err)
	}
	own, lo := false, false
	for _, tb := range list {
		if tb.Family != unix.AF_INET || tb.Name != "arp_cache" {
			t.Errorf("odd table %+v", tb)
		}
		own = own || (tb.Dev == 0 && tb.Thresh3 > 0 && tb.GCInterval > 0)
		lo = lo || (tb.Dev == 1 && tb.Parms.ReachableTime > 0)
	}
	if !own || !lo {
		t.Errorf("listed %+v: want arp_cache's settings and lo's parameters", list)
	}
}
