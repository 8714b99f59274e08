package token

import (
	"context"
	"encoding/hex"
	"net/netip"
	"os"
	"os/exec"
	"testing"

	"github.com/gipnet/gip/internal/nstest"

	"github.com/gipnet/gip/rtnl"
	"golang.org/x/sys/unix"
)

// The bodies iproute2 6.1 sent (strace -e trace=sendmsg -xx) for `ip
// token set ::1:2:3:4 dev eth0` and `ip token del dev eth0`, eth0 at
// index 3.
func TestSetRequestGolden(t *testing.T) {
	set := netip.MustParseAddr("::1:2:3:4").As16()
	for _, tc := range []struct {
		tok  []byte
		want string
	}{
		{set[:], "0a000000030000000000000000000000" + "1c001a0018000a0014000700" + "00000000000000000001000200030004"},
		{make([]byte, 16), "0a000000030000000000000000000000" + "1c001a0018000a0014000700" + "00000000000000000000000000000000"},
	} {
		if got := hex.EncodeToString(SetRequest(3, tc.tok)); got != tc.want {
			t.Errorf("got  %s\nwant %s", got, tc.want)
		}
	}
}

func TestFind(t *testing.T) {
	tok := []byte{15: 9}
	attrs := nlattr(nil, unix.IFLA_MTU, []byte{0, 5, 0, 0})
	if _, ok := Find(attrs); ok {
		t.Error("found IPv6 settings where there are none")
	}
	attrs = nlattr(attrs, unix.IFLA_PROTINFO, nlattr(nil, 1, []byte{0, 0, 0, 0}))
	if got, ok := Find(attrs); !ok || got != nil {
		t.Errorf("settings without a token: %x %v", got, ok)
	}
	attrs = nlattr(attrs, unix.IFLA_PROTINFO, nlattr(nil, ifla6Token, tok))
	if got, ok := Find(attrs); !ok || string(got) != string(tok) {
		t.Errorf("got %x %v, want %x", got, ok, tok)
	}
}

// A veth pair in a namespace of its own (root, and ip to make it): the
// token set on one end is listed, then deleted.
func TestOperations(t *testing.T) {
	fd := nstest.NetNS(t, nil)
	c, err := rtnl.Dial(fd)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	// The veth is made by the reference ip, run in the namespace through
	// its fd (inherited as fd 3).
	cmd := exec.Command("nsenter", "--net=/proc/self/fd/3", "ip", "link", "add", "t0", "type", "veth", "peer", "name", "t1")
	nsFD, err := unix.Dup(fd)
	if err != nil {
		t.Fatal(err)
	}
	ns := os.NewFile(uintptr(nsFD), "netns")
	defer ns.Close()
	cmd.ExtraFiles = []*os.File{ns}
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Skipf("no veth: %v %s", err, out)
	}
	ctx := context.Background()
	list, err := List(ctx, c)
	if err != nil || len(list) != 2 || list[0].Token != netip.IPv6Unspecified() {
		t.Fatalf("before: %+v %v, want two links without a token", list, err)
	}
	dev := list[0].Dev
	tok := netip.MustParseAddr("::1:2:3:4")
	if err := Set(ctx, c, dev, tok); err != nil {
		t.Fatal(err)
	}
	list, err = List(ctx, c)
	if err != nil || list[0] != (Token{Dev: dev, Token: tok}) {
		t.Errorf("after set: %+v %v", list, err)
	}
	if err := Delete(ctx, c, dev); err != nil {
		t.Fatal(err)
	}
	if list, err = List(ctx, c); err != nil || list[0].Token != netip.IPv6Unspecified() {
		t.Errorf("after delete: %+v %v", list, err)
	}
}
