package bridgecmd

import (
	"bytes"
	"testing"

	"github.com/gipnet/gip/format"
	"golang.org/x/sys/unix"
)

func TestPrintLinkFlags(t *testing.T) {
	tests := []struct {
		flags uint32
		mdown bool
		json  bool
		want  string
	}{
		{unix.IFF_BROADCAST | unix.IFF_MULTICAST, true, false, "<BROADCAST,MULTICAST,M-DOWN> "},
		{unix.IFF_BROADCAST | unix.IFF_MULTICAST | unix.IFF_UP, false, false, "<NO-CARRIER,BROADCAST,MULTICAST,UP> "},
		{unix.IFF_UP | unix.IFF_RUNNING | unix.IFF_LOWER_UP, false, false, "<UP,LOWER_UP> "},
		{unix.IFF_BROADCAST | unix.IFF_MULTICAST, true, true, `["BROADCAST","MULTICAST","M-DOWN"]`},
	}
	for _, tt := range tests {
		var out bytes.Buffer
		p := format.New(&out, format.Options{JSON: tt.json})
		printLinkFlags(p, tt.flags, tt.mdown)
		p.Flush()
		got := out.String()
		if tt.json {
			got = got[len(`"flags":`):]
		}
		if got != tt.want {
			t.Errorf("%#x: got %q want %q", tt.flags, got, tt.want)
		}
	}
}

func TestStateText(t *testing.T) {
	tests := []struct {
		s    uint16
		json bool
		want string
	}{
		{unix.NUD_PERMANENT, false, "permanent"}, {unix.NUD_NOARP, false, "static"},
		{unix.NUD_REACHABLE, false, ""}, {unix.NUD_STALE, true, "stale"},
		{unix.NUD_DELAY, false, "state=0x8"}, {unix.NUD_DELAY, true, "0x8"},
	}
	for _, tt := range tests {
		if got := stateText(tt.s, tt.json); got != tt.want {
			t.Errorf("%#x: got %q want %q", tt.s, got, tt.want)
		}
	}
}
