package iproute

import (
	"bytes"
	"encoding/binary"
	"io"
	"testing"

	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/nexthop"
)

// nhGroupBody is an RTM_NEWNEXTHOP body: nexthop id, a group of the given
// member ids and weights (the kernel's weight-1 byte).
func nhGroupBody(id uint32, members ...[2]uint32) []byte {
	b := []byte{2, 0, 0, 0, 0, 0, 0, 0} // AF_INET, scope universe, proto unspec, flags 0
	b = binary.NativeEndian.AppendUint16(b, 8)
	b = binary.NativeEndian.AppendUint16(b, nhaID)
	b = binary.NativeEndian.AppendUint32(b, id)
	b = binary.NativeEndian.AppendUint16(b, uint16(4+8*len(members)))
	b = binary.NativeEndian.AppendUint16(b, nhaGroup)
	for _, m := range members {
		b = binary.NativeEndian.AppendUint32(b, m[0])
		b = append(b, byte(m[1]-1), 0, 0, 0)
	}
	return b
}

// TestNexthopCacheLastsTheRun: the nexthop objects -details shows for a
// route's nhid are iproute2's one nh_cache, kept in the Env: a later
// command's printer (the next -batch line) finds what an earlier one
// learned, and ip monitor's nexthop events replace and drop entries.
func TestNexthopCacheLastsTheRun(t *testing.T) {
	var out bytes.Buffer
	env := cli.NewEnv(cli.Options{Details: 1}, nil, &out, io.Discard)
	defer env.Close()
	nhInfoOf := func(id uint32) string {
		out.Reset()
		f := newFilter(0)
		pr := newPrinter(env, &f)
		pr.links = testLinks() // no kernel: an id the cache lacks prints nothing
		pr.nhInfo(id)
		env.P.Flush()
		return out.String()
	}
	m := NewMessagePrinter(env, func(uint32) string { return "v0" }, 0)
	m.TrackNexthop(nexthop.RTMNewNexthop, nhGroupBody(7, [2]uint32{5, 1}, [2]uint32{6, 1}))
	if got, want := nhInfoOf(7), "\n\tnh_info id 7 group 5/6 scope global proto unspec "; got != want {
		t.Errorf("after RTM_NEWNEXTHOP: %q, want %q", got, want)
	}
	m.TrackNexthop(nexthop.RTMNewNexthop, nhGroupBody(7, [2]uint32{5, 3}, [2]uint32{6, 1}))
	if got, want := nhInfoOf(7), "\n\tnh_info id 7 group 5,3/6 scope global proto unspec "; got != want {
		t.Errorf("after a replace: %q, want %q", got, want)
	}
	m.TrackNexthop(nexthop.RTMDelNexthop, nhGroupBody(7, [2]uint32{5, 3}, [2]uint32{6, 1}))
	if got := nhInfoOf(7); got != "" {
		t.Errorf("after RTM_DELNEXTHOP: %q, want nothing", got)
	}
}

// TestSecondsG: timers of resilient nexthop groups as iproute2 prints them
// (ticks taken as hundredths of a second, then C's "%g").
func TestSecondsG(t *testing.T) {
	for _, tt := range []struct {
		ticks uint64
		want  string
	}{
		{0, "0"},
		{300, "3"},
		{12000, "120"},
		{150, "1.5"},
		{1, "0.01"},
		{12345678, "123457"},
		{100000000, "1e+06"},
	} {
		if got := secondsG(tt.ticks); got != tt.want {
			t.Errorf("secondsG(%d) = %q, want %q", tt.ticks, got, tt.want)
		}
	}
}
