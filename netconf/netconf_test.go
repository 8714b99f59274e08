package netconf

import (
	"context"
	"encoding/binary"
	"testing"

	"github.com/gipnet/gip/internal/rtnltest"

	"golang.org/x/sys/unix"
)

func attr(b []byte, typ uint16, v uint32) []byte {
	b = binary.NativeEndian.AppendUint16(b, 8)
	b = binary.NativeEndian.AppendUint16(b, typ)
	return binary.NativeEndian.AppendUint32(b, v)
}

func TestDecode(t *testing.T) {
	body := attr(GetRequest(unix.AF_INET, 3), attrForwarding, 1)
	body = attr(body, attrRPFilter, 2)
	body = append(body, 6, 0, attrInput, 0, 1, 0, 0, 0) // too short: skipped
	body = attr(body, attrRPFilter, 1)                  // the last one counts
	c, err := Decode(body)
	if err != nil {
		t.Fatal(err)
	}
	want := Conf{Family: unix.AF_INET, Ifindex: Value{true, 3}, Forwarding: Value{true, 1}, RPFilter: Value{true, 1}}
	if c != want {
		t.Errorf("got %+v, want %+v", c, want)
	}
	if _, err := Decode([]byte{2}); err != ErrShort {
		t.Errorf("one byte: %v", err)
	}
}

// A new namespace has lo, "all" and "default" for IPv4 and IPv6.
func TestListGet(t *testing.T) {
	c := rtnltest.Dial(t)
	ctx := context.Background()
	list, err := List(ctx, c, unix.AF_INET)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[int32]bool{}
	for _, conf := range list {
		if conf.Family != unix.AF_INET || !conf.Ifindex.Valid || !conf.Forwarding.Valid {
			t.Errorf("odd entry %+v", conf)
		}
		seen[int32(conf.Ifindex.V)] = true
	}
	if !seen[1] || !seen[IfindexAll] || !seen[IfindexDefault] {
		t.Errorf("listed %+v, want lo, all and default", list)
	}
	all := IfindexAll
	conf, err := Get(ctx, c, unix.AF_INET6, uint32(all))
	if err != nil || conf.Family != unix.AF_INET6 || int32(conf.Ifindex.V) != IfindexAll {
		t.Errorf("get all: %+v %v", conf, err)
	}
}
