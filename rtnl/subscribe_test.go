package rtnl

import (
	"errors"
	"testing"

	"github.com/gipnet/gip/internal/nstest"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// TestSubscriptionLive listens to IPv4 route notifications in a sandbox:
// the socket is blocking with iproute2's buffers, every added route
// arrives, a receive allocates nothing (ip monitor under churn keeps a
// flat heap), and a socket whose tiny buffer overflowed reports ENOBUFS
// once and goes on with what it kept.
func TestSubscriptionLive(t *testing.T) {
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
	const group = 1 << (unix.RTNLGRP_IPV4_ROUTE - 1)
	s, err := Subscribe(-1, group, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	small, err := Subscribe(-1, group, 1) // the kernel's least buffer
	if err != nil {
		t.Fatal(err)
	}
	defer small.Close()

	if fl, err := unix.FcntlInt(uintptr(s.fd), unix.F_GETFL, 0); err != nil || fl&unix.O_NONBLOCK != 0 {
		t.Errorf("socket flags %#x, %v: want a blocking socket", fl, err)
	}
	if v, err := unix.GetsockoptInt(s.fd, unix.SOL_SOCKET, unix.SO_SNDBUF); err != nil || v != 2*iproute2SndBuf {
		t.Errorf("SO_SNDBUF %d, %v: want %d", v, err, 2*iproute2SndBuf)
	}

	const n = 300
	for i := 0; i < n; i++ {
		b := RtMsg{Family: unix.AF_INET, DstLen: 32, Table: unix.RT_TABLE_MAIN, Protocol: 99,
			Scope: unix.RT_SCOPE_LINK, Type: unix.RTN_UNICAST}.Append(nil)
		b = attr4(b, unix.RTA_DST, [4]byte{10, 9, byte(i >> 8), byte(i)})
		b = attr4(b, unix.RTA_OIF, [4]byte{1, 0, 0, 0})
		if err := c.Exec(unix.RTM_NEWROUTE, Create|Excl, b); err != nil {
			t.Fatalf("route %d: %v", i, err)
		}
	}

	got := 0
	count := func(h netlink.Header, body []byte, nsid int) error {
		if h.Type != unix.RTM_NEWROUTE || nsid != NSIDCurrent {
			t.Errorf("message type %d nsid %d, want RTM_NEWROUTE from the current namespace", h.Type, nsid)
		}
		got++
		return nil
	}
	for got < n-200 {
		if err := s.Receive(count); err != nil {
			t.Fatalf("receive after %d routes: %v", got, err)
		}
	}
	allocs := testing.AllocsPerRun(100, func() {
		if err := s.Receive(count); err != nil {
			t.Fatalf("receive after %d routes: %v", got, err)
		}
	})
	if allocs != 0 {
		t.Errorf("a receive allocates %.1f times, want 0", allocs)
	}
	for got < n {
		if err := s.Receive(count); err != nil {
			t.Fatalf("receive after %d routes: %v", got, err)
		}
	}

	err = small.Receive(func(netlink.Header, []byte, int) error { return nil })
	if !errors.Is(err, unix.ENOBUFS) {
		t.Fatalf("first receive on the overflowed socket: %v, want ENOBUFS", err)
	}
	kept := 0
	if err := small.Receive(func(netlink.Header, []byte, int) error { kept++; return nil }); err != nil || kept == 0 {
		t.Errorf("receive after ENOBUFS: %v, %d messages: want the ones the buffer kept", err, kept)
	}
}
