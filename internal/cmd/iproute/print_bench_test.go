package iproute

import (
	"encoding/binary"
	"encoding/hex"
	"io"
	"testing"

	"github.com/gipnet/gip/format"
	"github.com/gipnet/gip/route"
	"golang.org/x/sys/unix"
)

// Route messages as the kernel sends them for `ip route show` of the
// benchmark's tables: 10.0.0.2/32 via 192.0.2.2 dev eth0 (index 3), and
// 2001:db8::/64 via 2001:db8::2 dev eth0 metric 1024 pref medium.
const (
	benchRoute4 = "02200000fe0300010000000008000f00fe000000080001000a00000208000500c00002020800040003000000"
	benchRoute6 = "0a400000fe0300010000000008000f00fe0000001400010020010db800000001000000000000000008000600000400001400050020010db8000000000000000000000002080004000300000024000c0000000000000000000000000000000000000000000000000000000000000000000500140000000000"
)

// benchDecodePrint decodes and prints n distinct routes made from the
// message in hexBody (its destination varied), as a dump of n routes does.
func benchDecodePrint(b *testing.B, hexBody string, dstOff int, opts format.Options) {
	body, err := hex.DecodeString(hexBody)
	if err != nil {
		b.Fatal(err)
	}
	f := newFilter(unix.AF_UNSPEC)
	pr := &printer{p: format.New(io.Discard, opts), f: &f, links: testLinks()}
	var r route.Message
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		binary.BigEndian.PutUint16(body[dstOff:], uint16(i))
		if err := route.DecodeMessage(unix.RTM_NEWROUTE, body, &r); err != nil {
			b.Fatal(err)
		}
		if f.match(&r) {
			pr.print(&r)
		}
	}
	pr.p.Flush()
}

// The destination's last two bytes: after the 12-byte rtmsg, the table
// attribute (8) and the destination attribute's header (4).
func BenchmarkRouteShow4(b *testing.B) { benchDecodePrint(b, benchRoute4, 12+8+4+2, format.Options{}) }
func BenchmarkRouteShow6(b *testing.B) { benchDecodePrint(b, benchRoute6, 12+8+4+6, format.Options{}) }
func BenchmarkRouteShow6JSON(b *testing.B) {
	benchDecodePrint(b, benchRoute6, 12+8+4+6, format.Options{JSON: true})
}
