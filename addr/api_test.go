package addr

import (
	"bufio"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"net/netip"
	"os"
	"strings"
	"testing"

	"github.com/gipnet/gip/rtnl"
	"golang.org/x/sys/unix"
)

// apiRequests are the typed requests that must equal iproute2's for the
// command on the same line of testdata/api-requests.tsv (device e0 was
// ifindex 3).
var apiRequests = map[string]struct {
	msgType uint16
	flags   uint16
	a       Address
}{
	"addr4": {unix.RTM_NEWADDR, uint16(rtnl.Create | rtnl.Excl), Address{Index: 3, Prefix: netip.MustParsePrefix("10.0.0.1/24")}},
	"addr6": {unix.RTM_NEWADDR, uint16(rtnl.Create | rtnl.Excl), Address{Index: 3, Prefix: netip.MustParsePrefix("2001:db8::1/64")}},
	"addr4-full": {unix.RTM_NEWADDR, uint16(rtnl.Create | rtnl.Excl), Address{Index: 3, Prefix: netip.MustParsePrefix("10.0.0.2/24"),
		Broadcast: netip.MustParseAddr("10.0.0.255"), Label: "e0:1", Scope: unix.RT_SCOPE_LINK, Metric: 5,
		ValidLifetime: 100, PreferredLifetime: 50}},
	"addr4-peer": {unix.RTM_NEWADDR, uint16(rtnl.Create | rtnl.Excl), Address{Index: 3, Prefix: netip.MustParsePrefix("10.0.0.3/32"),
		Peer: netip.MustParseAddr("10.0.0.4")}},
	"addr6-flags": {unix.RTM_NEWADDR, uint16(rtnl.Create | rtnl.Excl), Address{Index: 3, Prefix: netip.MustParsePrefix("2001:db8::2/64"),
		Flags: unix.IFA_F_NODAD | unix.IFA_F_NOPREFIXROUTE}},
	"addr6-hdrflags": {unix.RTM_NEWADDR, uint16(rtnl.Create | rtnl.Excl), Address{Index: 3, Prefix: netip.MustParsePrefix("2001:db8::4/64"),
		Flags: unix.IFA_F_NODAD}},
	"addr6-lft": {unix.RTM_NEWADDR, uint16(rtnl.Create | rtnl.Excl), Address{Index: 3, Prefix: netip.MustParsePrefix("2001:db8::3/64"),
		ValidLifetime: 100, PreferredLifetime: 50}},
	"addr4-host": {unix.RTM_NEWADDR, uint16(rtnl.Create | rtnl.Excl), Address{Index: 3, Prefix: netip.MustParsePrefix("127.0.0.5/8")}},
	"addr4-del":  {unix.RTM_DELADDR, 0, Address{Index: 3, Prefix: netip.MustParsePrefix("10.0.0.1/24")}},
	"addr6-del":  {unix.RTM_DELADDR, 0, Address{Index: 3, Prefix: netip.MustParsePrefix("2001:db8::1/64")}},
}

// TestAPIRequestsGolden compares the requests of Add and Delete with the
// ones iproute2 6.1 sent for the equivalent commands
// (testdata/api-requests.tsv: name, command, nlmsg_flags, the body after
// the netlink header, captured with strace in a sandbox).
func TestAPIRequestsGolden(t *testing.T) {
	f, err := os.Open("testdata/api-requests.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	seen := map[string]bool{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Split(sc.Text(), "\t")
		if len(fields) != 4 {
			t.Fatalf("bad golden line %q", sc.Text())
		}
		name, cmd, wantFlags, want := fields[0], fields[1], fields[2], fields[3]
		seen[name] = true
		req, ok := apiRequests[name]
		if !ok {
			t.Errorf("%s: no typed request", cmd)
			continue
		}
		body, err := encode(req.msgType, &req.a)
		if err != nil {
			t.Errorf("%s: %v", cmd, err)
			continue
		}
		if got := fmt.Sprintf("%04x", req.flags|unix.NLM_F_REQUEST|unix.NLM_F_ACK); got != wantFlags {
			t.Errorf("%s: flags %s, want %s", cmd, got, wantFlags)
		}
		if got := hex.EncodeToString(body); got != want {
			t.Errorf("%s:\n got %s\nwant %s", cmd, got, want)
		}
	}
	for name := range apiRequests {
		if !seen[name] {
			t.Errorf("%s: no golden request", name)
		}
	}
}

// TestEncodeErrors checks the refusals decided before anything is sent.
func TestEncodeErrors(t *testing.T) {
	p := netip.MustParsePrefix
	for _, tc := range []struct {
		a    Address
		want string
	}{
		{Address{Prefix: p("10.0.0.1/24")}, `Not enough information: "dev" argument is required.`},
		{Address{Index: 3, Prefix: p("10.0.0.1/24"), Peer: netip.MustParseAddr("2001:db8::1")}, `Error: inet prefix is expected rather than "2001:db8::1".`},
		{Address{Index: 3, Prefix: p("2001:db8::1/64"), Broadcast: netip.MustParseAddr("10.0.0.1")}, `Error: inet6 address is expected rather than "10.0.0.1".`},
		{Address{Index: 3, Prefix: p("10.0.0.1/24"), PreferredLifetime: 5}, "valid_lft is zero"},
		{Address{Index: 3, Prefix: p("10.0.0.1/24"), ValidLifetime: 5, PreferredLifetime: 6}, "preferred_lft is greater than valid_lft"},
		{Address{Index: 3, Prefix: p("10.0.0.1/24"), Flags: unix.IFA_F_MCAUTOJOIN}, "autojoin needs multicast address"},
	} {
		_, err := encode(unix.RTM_NEWADDR, &tc.a)
		if err == nil || err.Error() != tc.want {
			t.Errorf("%+v: error %v, want %q", tc.a, err, tc.want)
		}
	}
}

// capturedAddrs reads testdata/addrs.bin: the payloads of one RTM_GETADDR
// dump, each after its 4-byte little-endian length.
func capturedAddrs(t testing.TB) [][]byte {
	t.Helper()
	b, err := os.ReadFile("testdata/addrs.bin")
	if err != nil {
		t.Fatal(err)
	}
	var msgs [][]byte
	for len(b) >= 4 {
		n := int(binary.LittleEndian.Uint32(b))
		if 4+n > len(b) {
			t.Fatal("testdata/addrs.bin: truncated")
		}
		msgs = append(msgs, b[4:4+n])
		b = b[4+n:]
	}
	if len(msgs) == 0 {
		t.Fatal("testdata/addrs.bin: no messages")
	}
	return msgs
}

// TestOwnedAddress decodes each captured message zero-copy into an
// Address, then overwrites the message as the next datagram of a dump
// would: the Address must not change, and it must encode back into a
// request for the same address.
func TestOwnedAddress(t *testing.T) {
	labels := 0
	for _, msg := range capturedAddrs(t) {
		buf := append([]byte(nil), msg...)
		var a Addr
		if err := decodeInto(&a, buf); err != nil {
			t.Fatal(err)
		}
		kept := a.owned()
		want := fmt.Sprintf("%+v", kept)
		if !kept.Prefix.IsValid() || kept.Index == 0 {
			t.Errorf("decoded %s", want)
		}
		if kept.Label != "" {
			labels++
		}
		for i := range buf {
			buf[i] = 0xa5
		}
		if got := fmt.Sprintf("%+v", kept); got != want {
			t.Errorf("Address changed with its message buffer:\n got %s\nwant %s", got, want)
		}
		if _, err := encode(unix.RTM_DELADDR, &kept); err != nil {
			t.Errorf("%s: %v", want, err)
		}
	}
	if labels == 0 {
		t.Error("no captured address has a label: the test checks no string")
	}
}
