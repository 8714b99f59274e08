package rtnl_test

import (
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"net/netip"

	"github.com/gipnet/gip/rtnl"
	"golang.org/x/sys/unix"
)

// The body of an RTM_NEWADDR message captured from a dump of a fresh
// namespace (addr/testdata/addrs.bin): 127.0.0.1/8 on lo.
const loAddress = "020880fe01000000080001007f000001080002007f000001070003006c6f0000" +
	"080008008000000014000600ffffffffffffffffef610300ef610300"

// Decoding a message: the fixed header, then the attributes, walked
// without copying.
func ExampleAttrs() {
	body, _ := hex.DecodeString(loAddress)
	h, attrs, err := rtnl.ParseIfAddrmsg(body)
	if err != nil {
		panic(err)
	}
	fmt.Printf("family %d index %d prefix length %d\n", h.Family, h.Index, h.Prefixlen)
	for a := rtnl.NewAttrs(attrs); a.Next(); {
		switch a.Type() {
		case unix.IFA_LOCAL:
			ip, _ := netip.AddrFromSlice(a.Data())
			fmt.Println("local", ip)
		case unix.IFA_LABEL:
			fmt.Println("label", a.String())
		case unix.IFA_FLAGS:
			fmt.Printf("flags %#x\n", a.Uint32())
		}
	}
	// Output:
	// family 2 index 1 prefix length 8
	// local 127.0.0.1
	// label lo
	// flags 0x80
}

// A refusal is an *rtnl.Error: match its errno with errors.Is, read the
// kernel's reason with errors.As, and print it as iproute2 does with its
// Error method.
func ExampleError() {
	// What ExecContext returns when the kernel refuses a request, here
	// wrapped by the caller.
	var err error = &rtnl.Error{Errno: unix.EEXIST}
	err = fmt.Errorf("adding veth host0: %w", err)

	fmt.Println(errors.Is(err, unix.EEXIST))
	var e *rtnl.Error
	if errors.As(err, &e) {
		fmt.Println(e.Errno == unix.EEXIST, e.Iproute2Text())
	}

	withReason := &rtnl.Error{Errno: unix.EOPNOTSUPP, Msg: "Unknown device type"}
	fmt.Println(withReason)
	// Output:
	// true
	// true RTNETLINK answers: File exists
	// Error: Unknown device type.
}

// Streaming a dump: each message is handled as it arrives and is valid
// only until the loop moves on. An interrupted dump still yields every
// message before ErrDumpInterrupted.
func ExampleConn_Messages() {
	c, err := rtnl.Dial(-1)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer c.Close()
	n := 0
	for m, err := range c.Messages(context.Background(), unix.RTM_GETLINK, rtnl.IfInfomsg{}.Append(nil)) {
		if errors.Is(err, rtnl.ErrDumpInterrupted) {
			break // keep what was seen, as iproute2 does, or dump again
		}
		if err != nil {
			fmt.Println(err)
			return
		}
		if h, _, err := rtnl.ParseIfInfomsg(m.Data); err == nil && h.Index > 0 {
			n++
		}
	}
	fmt.Println(n > 0)
}

// Dialling in a named namespace (as created by ip netns add blue); the
// calling thread never leaves its own namespace.
func ExampleDialNetNS() {
	c, err := rtnl.DialNetNS("blue")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer c.Close()
	// Requests on c act in blue.
}
