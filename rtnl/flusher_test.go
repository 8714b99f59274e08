package rtnl

import (
	"bytes"
	"errors"
	"fmt"
	"testing"

	"github.com/gipnet/gip/internal/nstest"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// testFlusher is a Flusher whose datagrams are collected instead of sent.
func testFlusher(typ netlink.HeaderType, limit int, seq uint32) (*Flusher, *[][]byte) {
	var sent [][]byte
	f := &Flusher{c: &Conn{seq: seq}, typ: typ, limit: limit}
	f.send = func(b []byte) error {
		sent = append(sent, bytes.Clone(b))
		return nil
	}
	return f, &sent
}

// dumpedRoute is the RTM_NEWROUTE of `ip route add 10.0.0.1 via 192.0.2.2`
// (dev index 3) as a dump delivered it to port 975, sequence 1796535357.
func dumpedRoute() netlink.Message {
	body := []byte{
		0x02, 0x20, 0x00, 0x00, 0xfe, 0x03, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, // rtmsg
		0x08, 0x00, 0x0f, 0x00, 0xfe, 0x00, 0x00, 0x00, // RTA_TABLE 254
		0x08, 0x00, 0x01, 0x00, 0x0a, 0x00, 0x00, 0x01, // RTA_DST 10.0.0.1
		0x08, 0x00, 0x05, 0x00, 0xc0, 0x00, 0x02, 0x02, // RTA_GATEWAY 192.0.2.2
		0x08, 0x00, 0x04, 0x00, 0x03, 0x00, 0x00, 0x00, // RTA_OIF 3
	}
	return netlink.Message{
		Header: netlink.Header{Length: uint32(hdrLen + len(body)), Type: unix.RTM_NEWROUTE,
			Flags: netlink.Multi | 0x20 /* NLM_F_DUMP_FILTERED */, Sequence: 1796535357, PID: 975},
		Data: body,
	}
}

// TestFlusherAddReplyGolden checks the deletion made of a dumped route
// against the datagram iproute2 6.1 sent for it (`ip route flush proto
// boot`, captured with strace -xx): the dumped message with type
// RTM_DELROUTE, flags NLM_F_REQUEST alone, the next sequence number and
// the port id kept.
func TestFlusherAddReplyGolden(t *testing.T) {
	f, sent := testFlusher(unix.RTM_DELROUTE, FlushBufferSize, 1796535357)
	m := dumpedRoute()
	if err := f.AddReply(m); err != nil {
		t.Fatal(err)
	}
	if len(*sent) != 0 {
		t.Fatalf("sent %d datagrams before Send, want none", len(*sent))
	}
	if err := f.Send(); err != nil {
		t.Fatal(err)
	}
	want := append([]byte{
		0x3c, 0x00, 0x00, 0x00, 0x19, 0x00, 0x01, 0x00, // len 60, RTM_DELROUTE, NLM_F_REQUEST
		0x3e, 0xf4, 0x14, 0x6b, 0xcf, 0x03, 0x00, 0x00, // seq 1796535358, pid 975
	}, m.Data...)
	if len(*sent) != 1 || !bytes.Equal((*sent)[0], want) {
		t.Errorf("sent %x\nwant %x", *sent, want)
	}
	if err := f.Send(); err != nil || len(*sent) != 1 {
		t.Errorf("Send with nothing queued: %v, %d datagrams; want nothing sent", err, len(*sent))
	}
}

// TestFlusherPacking checks where datagrams are cut: a request goes out
// with the earlier ones unless it would take the datagram past the limit
// (iproute2's NLMSG_ALIGN(flushp) + nlmsg_len > flushe), sequence numbers
// follow the order of the requests, and one larger than the limit goes
// out alone.
func TestFlusherPacking(t *testing.T) {
	for _, tc := range []struct {
		n, body int
		want    []int // requests per datagram
	}{
		{1, 44, []int{1}},
		{59, 44, []int{59}},    // 59 × 60 = 3540 bytes
		{60, 44, []int{59, 1}}, // the 60th would make 3600
		{300, 44, []int{59, 59, 59, 59, 59, 5}},
		{99, 20, []int{99}}, // tcp_metrics: 36-byte requests, 3564 bytes
		{300, 20, []int{99, 99, 99, 3}},
		{3, 4000, []int{1, 1, 1}}, // each larger than the limit
		{3, 1767, []int{2, 1}},    // 1783 bytes: the second starts aligned at 1784 and ends at 3567
	} {
		f, sent := testFlusher(unix.RTM_DELNEIGH, FlushBufferSize, 0)
		for i := 0; i < tc.n; i++ {
			if err := f.Add(make([]byte, tc.body)); err != nil {
				t.Fatal(err)
			}
		}
		if err := f.Send(); err != nil {
			t.Fatal(err)
		}
		var got []int
		seq := uint32(0)
		for _, d := range *sent {
			if len(d) > FlushBufferSize && tc.body+hdrLen <= FlushBufferSize {
				t.Errorf("%d × %d: datagram of %d bytes", tc.n, tc.body, len(d))
			}
			k := 0
			for b := d; len(b) > 0; k++ {
				l := int(ne.Uint32(b))
				if typ, flags, s, pid := ne.Uint16(b[4:]), ne.Uint16(b[6:]), ne.Uint32(b[8:]), ne.Uint32(b[12:]); typ != unix.RTM_DELNEIGH ||
					flags != unix.NLM_F_REQUEST || s != seq+1 || pid != 0 {
					t.Fatalf("%d × %d: header type %d flags %#x seq %d pid %d; want %d, 0x1, %d, 0",
						tc.n, tc.body, typ, flags, s, pid, unix.RTM_DELNEIGH, seq+1)
				}
				seq++
				b = b[min((l+3)&^3, len(b)):]
			}
			got = append(got, k)
		}
		if fmt.Sprint(got) != fmt.Sprint(tc.want) {
			t.Errorf("%d requests of %d bytes: datagrams of %v requests, want %v", tc.n, tc.body, got, tc.want)
		}
	}
}

// TestFlusherSendError checks that a failed send is Add's error and the
// request it was making room for is not queued (iproute2 returns before
// copying it).
func TestFlusherSendError(t *testing.T) {
	f := &Flusher{c: &Conn{}, typ: unix.RTM_DELADDR, limit: 120}
	refusal := &Error{Errno: unix.EPERM}
	calls := 0
	f.send = func(b []byte) error {
		calls++
		return refusal
	}
	for i := 0; i < 2; i++ {
		if err := f.Add(make([]byte, 40)); err != nil {
			t.Fatalf("request %d: %v", i, err)
		}
	}
	if err := f.Add(make([]byte, 40)); !errors.Is(err, unix.EPERM) {
		t.Fatalf("third request: %v, want the send's EPERM", err)
	}
	if calls != 1 || len(f.buf) != 0 {
		t.Errorf("after the failed send: %d sends, %d bytes queued; want 1 send, nothing queued", calls, len(f.buf))
	}
}

// attr4 appends a 4-byte attribute.
func attr4(b []byte, typ uint16, v [4]byte) []byte {
	b = ne.AppendUint16(b, 8)
	b = ne.AppendUint16(b, typ)
	return append(b, v[:]...)
}

// TestFlusherLive flushes 150 routes in a sandbox: the dump's matches are
// queued while it is read, go out in datagrams of 68 deletions (52 bytes
// each), and a second dump finds none. A deletion the kernel refuses
// (the route is gone) is the next Send's error, and the refusal left on
// the socket does not disturb a later dump.
func TestFlusherLive(t *testing.T) {
	if !nstest.Sandbox(t) {
		return
	}
	c, err := Dial(-1)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if err := c.Exec(unix.RTM_NEWLINK, 0, IfInfomsg{Index: 1, Flags: unix.IFF_UP, Change: unix.IFF_UP}.Append(nil)); err != nil {
		t.Fatalf("lo up: %v", err)
	}
	const n, proto = 150, 99
	route := func(i int) []byte {
		b := RtMsg{Family: unix.AF_INET, DstLen: 32, Table: unix.RT_TABLE_MAIN, Protocol: proto,
			Scope: unix.RT_SCOPE_LINK, Type: unix.RTN_UNICAST}.Append(nil)
		b = attr4(b, unix.RTA_DST, [4]byte{10, 9, byte(i >> 8), byte(i)})
		return attr4(b, unix.RTA_OIF, [4]byte{1, 0, 0, 0})
	}
	for i := 0; i < n; i++ {
		if err := c.Exec(unix.RTM_NEWROUTE, Create|Excl, route(i)); err != nil {
			t.Fatalf("route %d: %v", i, err)
		}
	}
	f := c.NewFlusher(unix.RTM_DELROUTE, FlushBufferSize)
	var datagrams []int
	f.send = func(b []byte) error {
		datagrams = append(datagrams, len(b))
		return f.sendCheck(b)
	}
	flushRound := func() int {
		queued := 0
		dumpReq := RtMsg{Family: unix.AF_INET}.Append(nil)
		err := f.Dump(unix.RTM_GETROUTE, dumpReq, func(m netlink.Message) error {
			h, _, err := ParseRtMsg(m.Data)
			if err != nil || h.Protocol != proto {
				return nil
			}
			queued++
			return f.AddReply(m)
		})
		if err != nil {
			t.Fatalf("dump: %v", err)
		}
		if err := f.Send(); err != nil {
			t.Fatalf("send: %v", err)
		}
		return queued
	}
	if got := flushRound(); got != n {
		t.Fatalf("first round queued %d deletions, want %d", got, n)
	}
	if fmt.Sprint(datagrams) != "[3536 3536 728]" {
		t.Errorf("datagrams of %v bytes, want [3536 3536 728] (68, 68 and 14 deletions of 52 bytes)", datagrams)
	}
	if got := flushRound(); got != 0 {
		t.Errorf("second round found %d routes left, want 0", got)
	}

	if err := f.Add(route(1)); err != nil {
		t.Fatal(err)
	}
	if err := f.Send(); !errors.Is(err, unix.ESRCH) {
		t.Errorf("deleting a route that is gone: %v, want ESRCH", err)
	}
	if got := flushRound(); got != 0 {
		t.Errorf("a dump after the refusal found %d routes, want 0", got)
	}
}
