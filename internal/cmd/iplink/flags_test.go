package iplink

import (
	"bytes"
	"testing"

	"github.com/gipnet/gip/format"
	"golang.org/x/sys/unix"
)

func TestPrintFlags(t *testing.T) {
	tests := []struct {
		flags uint32
		mdown bool
		json  bool
		want  string
	}{
		{unix.IFF_LOOPBACK | unix.IFF_UP | unix.IFF_RUNNING | unix.IFF_LOWER_UP, false, false, "<LOOPBACK,UP,LOWER_UP> "},
		{unix.IFF_BROADCAST | unix.IFF_MULTICAST | unix.IFF_UP, false, false, "<NO-CARRIER,BROADCAST,MULTICAST,UP> "},
		{unix.IFF_BROADCAST | unix.IFF_MULTICAST, true, false, "<BROADCAST,MULTICAST,M-DOWN> "},
		{0, false, false, "<> "},
		{0, true, false, "<,M-DOWN> "},
		{unix.IFF_UP | 1<<20, false, false, "<NO-CARRIER,UP,100000> "},
		{unix.IFF_BROADCAST | unix.IFF_UP, true, true, `["NO-CARRIER","BROADCAST","UP","M-DOWN"]`},
	}
	for _, tt := range tests {
		var out bytes.Buffer
		p := format.New(&out, format.Options{JSON: tt.json})
		printFlags(p, tt.flags, tt.mdown)
		p.Flush()
		got := out.String()
		if tt.json {
			got = got[len(`"flags":`):]
		}
		if got != tt.want {
			t.Errorf("printFlags(%#x, %v, json %v) = %q, want %q", tt.flags, tt.mdown, tt.json, got, tt.want)
		}
	}
}

func TestLinkTypeName(t *testing.T) {
	tests := []struct {
		typ     uint16
		numeric bool
		want    string
	}{
		{unix.ARPHRD_ETHER, false, "ether"},
		{unix.ARPHRD_LOOPBACK, false, "loopback"},
		{unix.ARPHRD_NONE, false, "none"},
		{unix.ARPHRD_ETHER, true, "[1]"},
		{4242, false, "[4242]"},
	}
	for _, tt := range tests {
		if got := linkTypeName(tt.typ, tt.numeric); got != tt.want {
			t.Errorf("linkTypeName(%d, %v) = %q, want %q", tt.typ, tt.numeric, got, tt.want)
		}
	}
}
