package link

import (
	"bytes"
	"os"
	"testing"

	"github.com/gipnet/gip/format"
	"github.com/mdlayher/netlink"
)

func tunData(t *testing.T, fn func(ae *netlink.AttributeEncoder)) []byte {
	ae := netlink.NewAttributeEncoder()
	fn(ae)
	b, err := ae.Encode()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestPrintTun(t *testing.T) {
	tap := tunData(t, func(ae *netlink.AttributeEncoder) {
		ae.Uint8(iflaTunType, 2)
		ae.Uint8(iflaTunPI, 0)
		ae.Uint8(iflaTunVnetHdr, 0)
		ae.Uint8(iflaTunPersist, 1)
		ae.Uint8(iflaTunMultiQueue, 0)
	})
	// uid/gid 4000000000 have no names anywhere, so they print as numbers.
	mq := tunData(t, func(ae *netlink.AttributeEncoder) {
		ae.Uint32(iflaTunOwner, 4000000000)
		ae.Uint32(iflaTunGroup, 4000000001)
		ae.Uint8(iflaTunType, 1)
		ae.Uint8(iflaTunPI, 1)
		ae.Uint8(iflaTunVnetHdr, 1)
		ae.Uint8(iflaTunPersist, 1)
		ae.Uint8(iflaTunMultiQueue, 1)
		ae.Uint32(iflaTunNumQueues, 0)
		ae.Uint32(iflaTunNumDisabledQueues, 0)
	})
	tests := []struct {
		name string
		data []byte
		json bool
	}{
		{"tun-tap.txt", tap, false},
		{"tun-tap.json", tap, true},
		{"tun-mq.txt", mq, false},
		{"tun-mq.json", mq, true},
	}
	for _, tt := range tests {
		var out bytes.Buffer
		p := format.New(&out, format.Options{JSON: tt.json})
		p.OpenObject("")
		if err := printTun(p, nil, tt.data); err != nil {
			t.Fatal(err)
		}
		p.CloseObject()
		p.Flush()
		want, err := os.ReadFile("testdata/" + tt.name)
		if err != nil {
			t.Fatal(err)
		}
		if out.String() != string(want) {
			t.Errorf("%s: got %q want %q", tt.name, out.String(), want)
		}
	}
}
