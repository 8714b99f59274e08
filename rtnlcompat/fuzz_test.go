package rtnlcompat

import (
	"net/netip"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/gipnet/gip/addr"
	"github.com/gipnet/gip/link"
	"github.com/gipnet/gip/neigh"
	"github.com/gipnet/gip/route"
	"github.com/gipnet/gip/rule"
	"github.com/jsimonetti/rtnetlink/v2"

	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// FuzzDecode: Decode returns a message or an error for any body, seeded
// with the captured messages of every type it knows.
func FuzzDecode(f *testing.F) {
	seeds := readLengthPrefixed(f, filepath.Join("..", "link", "testdata", "show-links.bin"), unix.RTM_NEWLINK)
	seeds = append(seeds, readLengthPrefixed(f, filepath.Join("..", "addr", "testdata", "addrs.bin"), unix.RTM_NEWADDR)...)
	seeds = append(seeds, readHexLines(f, filepath.Join("..", "internal", "cmd", "iproute", "testdata", "dump.hex"), unix.RTM_NEWROUTE)...)
	seeds = append(seeds, readEvents(f, unix.RTM_NEWNEIGH)...)
	for _, s := range seeds {
		f.Add(uint16(s.typ), s.body)
	}
	f.Add(uint16(unix.RTM_NEWRULE), []byte{2, 0, 0, 0, 254, 0, 0, 1, 0, 0, 0, 0})
	f.Fuzz(func(t *testing.T, typ uint16, body []byte) {
		m, err := Decode(netlink.HeaderType(typ), body)
		if (m == nil) == (err == nil) {
			t.Fatalf("Decode = %v, %v: want exactly one", m, err)
		}
	})
}

// oneFamily reports whether the valid addresses among as are all IPv4 or
// all IPv6 (netip's Is4: a mapped address is IPv6). A value mixing them
// has no faithful rtnetlink form: its net.IP carries no family, and an
// IPv4-mapped address in an IPv4 message is read as IPv4.
func oneFamily(as ...netip.Addr) bool {
	seen := -1
	for _, a := range as {
		if !a.IsValid() {
			continue
		}
		f := 0
		if a.Is4() {
			f = 1
		}
		if seen >= 0 && f != seen {
			return false
		}
		seen = f
	}
	return true
}

// familyAgrees reports whether a survives addrOf in a message of family:
// an IPv4-mapped address in an IPv4 (or familyless) message is read as
// IPv4.
func familyAgrees(family int, a netip.Addr) bool {
	return !a.Is4In6() || (family != unix.AF_INET && family != unix.AF_UNSPEC)
}

// FuzzConvert: a message of any type gip decodes, converted to
// rtnetlink's message and back, keeps the fields the conversions carry;
// the rtnetlink message marshals without panicking.
func FuzzConvert(f *testing.F) {
	seeds := readLengthPrefixed(f, filepath.Join("..", "link", "testdata", "show-links.bin"), unix.RTM_NEWLINK)
	seeds = append(seeds, readLengthPrefixed(f, filepath.Join("..", "addr", "testdata", "addrs.bin"), unix.RTM_NEWADDR)...)
	seeds = append(seeds, readHexLines(f, filepath.Join("..", "internal", "cmd", "iproute", "testdata", "dump.hex"), unix.RTM_NEWROUTE)...)
	seeds = append(seeds, readEvents(f, unix.RTM_NEWLINK, unix.RTM_NEWADDR, unix.RTM_NEWROUTE, unix.RTM_NEWNEIGH, unix.RTM_NEWRULE)...)
	for _, s := range seeds {
		f.Add(uint16(s.typ), s.body)
	}
	f.Fuzz(func(t *testing.T, typ uint16, body []byte) {
		switch typ {
		case unix.RTM_NEWLINK:
			l, err := link.Decode(body)
			if err != nil {
				return
			}
			l = l.Clone()
			m := LinkMessage(*l)
			back := LinkFromMessage(m)
			want, got := carried(l), carried(&back)
			// A kind's data decoded by a registered driver comes back
			// as that driver encodes it, and counters as a whole struct.
			if i := m.Attributes.Info; i != nil {
				if _, raw := i.Data.(*rtnetlink.LinkData); !raw {
					want.InfoData, got.InfoData = nil, nil
				}
				if _, raw := i.SlaveData.(*rtnetlink.LinkData); !raw {
					want.SlaveData, got.SlaveData = nil, nil
				}
			}
			fields := 24 // rtnetlink's LinkStats has 24 counters, LinkStats64 25
			if want.Stats64 {
				fields = 25
			}
			if len(want.Counters) > fields {
				want.Counters = want.Counters[:fields]
			}
			if len(got.Counters) >= len(want.Counters) {
				got.Counters = got.Counters[:len(want.Counters)]
				if len(got.Counters) == 0 {
					got.Counters = nil
				}
			}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("link round trip:\n%+v\nwant\n%+v", got, want)
			}
		case unix.RTM_NEWADDR:
			d, err := addr.Decode(body)
			if err != nil {
				return
			}
			a := ownedAddress(d)
			m := AddressMessage(a)
			if _, err := m.MarshalBinary(); err != nil && a.Prefix.IsValid() {
				t.Fatalf("%+v: %v", a, err)
			}
			if !a.Prefix.IsValid() || !oneFamily(a.Prefix.Addr(), a.Peer, a.Broadcast, a.Anycast) {
				return
			}
			if got := AddressFromMessage(m); !reflect.DeepEqual(got, a) {
				t.Fatalf("address round trip: %+v, want %+v", got, a)
			}
		case unix.RTM_NEWROUTE:
			var dm route.Message
			if route.DecodeMessage(typ, body, &dm) != nil {
				return
			}
			r := route.FromMessage(&dm)
			m := RouteMessage(r)
			m.MarshalBinary()
			as := []netip.Addr{r.Dst.Addr(), r.Gateway, r.Src}
			for i, nh := range r.Multipath {
				as = append(as, nh.Gateway)
				r.Multipath[i].OIF = int(uint32(nh.OIF))
			}
			if !oneFamily(as...) {
				return
			}
			for _, a := range as {
				if !familyAgrees(int(m.Family), a) {
					return
				}
			}
			want := normRoute(r)
			if got := RouteFromMessage(m); !reflect.DeepEqual(got, want) {
				t.Fatalf("route round trip:\n%+v\nwant\n%+v", got, want)
			}
		case unix.RTM_NEWNEIGH:
			var dm neigh.Message
			if !neigh.DecodeMessage(body, &dm) {
				return
			}
			n := neigh.FromMessage(&dm)
			m := NeighborMessage(n)
			m.MarshalBinary()
			if !familyAgrees(int(m.Family), n.Addr) {
				return
			}
			if got, want := NeighborFromMessage(m), normNeighbor(n); !reflect.DeepEqual(got, want) {
				t.Fatalf("neighbour round trip: %+v, want %+v", got, want)
			}
		case unix.RTM_NEWRULE:
			var dm rule.Message
			if !rule.DecodeMessage(body, &dm) {
				return
			}
			r := rule.FromMessage(&dm)
			m := RuleMessage(r)
			m.MarshalBinary()
			for _, p := range []*netip.Prefix{&r.Src, &r.Dst} {
				if !p.IsValid() {
					*p = netip.Prefix{}
				}
			}
			if !oneFamily(r.Src.Addr(), r.Dst.Addr()) || !familyAgrees(int(m.Family), r.Src.Addr()) || !familyAgrees(int(m.Family), r.Dst.Addr()) {
				return
			}
			if got, want := RuleFromMessage(m), normRule(r); !reflect.DeepEqual(got, want) {
				t.Fatalf("rule round trip: %+v, want %+v", got, want)
			}
		}
	})
}
