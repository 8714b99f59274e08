package addrlabel

import (
	"context"
	"encoding/hex"
	"errors"
	"net/netip"
	"testing"

	"github.com/gipnet/gip/internal/rtnltest"

	"golang.org/x/sys/unix"
)

// The request bodies iproute2 6.1 sent (strace -e trace=sendmsg -xx) for
// `ip addrlabel add prefix 2001:db8::/32 dev eth0 label 7` (eth0 at index
// 3) and `ip -6 addrlabel del prefix ::1/128 label 0`: Encode sends the
// same bytes.
func TestEncodeGolden(t *testing.T) {
	for _, tc := range []struct {
		l    Label
		want string
	}{
		{Label{Prefix: netip.MustParsePrefix("2001:db8::/32"), Dev: 3, Label: 7},
			"0a002000030000000000000008000200070000001400010020010db8000000000000000000000000"},
		{Label{Prefix: netip.MustParsePrefix("::1/128")},
			"0a008000000000000000000008000200000000001400010000000000000000000000000000000001"},
	} {
		if got := hex.EncodeToString(Encode(tc.l)); got != tc.want {
			t.Errorf("%+v:\n got %s\nwant %s", tc.l, got, tc.want)
		}
		back, err := Decode(Encode(tc.l))
		if err != nil || back != tc.l {
			t.Errorf("%+v decodes as %+v (%v)", tc.l, back, err)
		}
	}
	if _, err := Decode(make([]byte, 11)); err != ErrShort {
		t.Errorf("11 bytes: %v", err)
	}
}

func TestOperations(t *testing.T) {
	c := rtnltest.Dial(t)
	ctx := context.Background()
	before, err := List(ctx, c)
	if err != nil || len(before) == 0 {
		t.Fatalf("the kernel's default labels: %v %v", before, err)
	}
	l := Label{Prefix: netip.MustParsePrefix("2001:db8:1::/48"), Dev: 1, Label: 200}
	if err := Add(ctx, c, l); err != nil {
		t.Fatal(err)
	}
	if err := Add(ctx, c, l); !errors.Is(err, unix.EEXIST) {
		t.Errorf("adding twice: %v, want EEXIST", err)
	}
	after, err := List(ctx, c)
	if err != nil || len(after) != len(before)+1 {
		t.Fatalf("after add: %d labels (%v), want %d", len(after), err, len(before)+1)
	}
	found := false
	for _, got := range after {
		found = found || got == l
	}
	if !found {
		t.Errorf("%+v not listed in %+v", l, after)
	}
	if err := Delete(ctx, c, l); err != nil {
		t.Fatal(err)
	}
	if err := Delete(ctx, c, l); !errors.Is(err, unix.ESRCH) && !errors.Is(err, unix.ENOENT) {
		t.Errorf("deleting twice: %v", err)
	}
}
