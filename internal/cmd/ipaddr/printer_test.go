package ipaddr

import (
	"bytes"
	"io"
	"testing"

	"github.com/gipnet/gip/addr"
	"github.com/gipnet/gip/internal/cli"
	"golang.org/x/sys/unix"
)

// TestMessagePrinter checks the printer -echo and ip monitor use: one
// address message at a time after "INDEX: DEV", "Deleted" for
// RTM_DELADDR, nothing for other message types, and only the addresses of
// the link Index names when it is set.
func TestMessagePrinter(t *testing.T) {
	var lo []byte // 127.0.0.1/8
	for _, m := range readDump(t, addrDump) {
		if a, err := addr.Decode(m); err == nil && a.Family == unix.AF_INET && a.Index == 1 {
			lo = m
			break
		}
	}
	if lo == nil {
		t.Fatal("no IPv4 address of lo in the dump")
	}
	devName := func(idx uint32) string {
		if idx == 1 {
			return "lo"
		}
		return "?"
	}
	print := func(opts cli.Options, index uint32, typ uint16) string {
		var out bytes.Buffer
		env := cli.NewEnv(opts, nil, &out, io.Discard)
		pr := NewMessagePrinter(env, devName)
		pr.Index = index
		env.P.Begin()
		env.P.OpenObject("")
		pr.Print(typ, lo)
		env.P.CloseObject()
		env.P.End()
		env.P.Flush()
		return out.String()
	}
	want := "1: lo    inet 127.0.0.1/8 scope host lo\n       valid_lft forever preferred_lft forever\n"
	tests := []struct {
		name  string
		opts  cli.Options
		index uint32
		typ   uint16
		want  string
	}{
		{"new", cli.Options{}, 0, unix.RTM_NEWADDR, want},
		{"del", cli.Options{}, 0, unix.RTM_DELADDR, "Deleted " + want},
		{"other type", cli.Options{}, 0, unix.RTM_NEWLINK, ""},
		{"index match", cli.Options{}, 1, unix.RTM_NEWADDR, want},
		{"index other", cli.Options{}, 2, unix.RTM_NEWADDR, ""},
		{"json", cli.Options{JSON: true}, 0, unix.RTM_NEWADDR,
			`[{"index":1,"dev":"lo","family":"inet","local":"127.0.0.1","prefixlen":8,"scope":"host","label":"lo",` +
				`"valid_life_time":4294967295,"preferred_life_time":4294967295}]` + "\n"},
	}
	for _, tt := range tests {
		if got := print(tt.opts, tt.index, tt.typ); got != tt.want {
			t.Errorf("%s: got\n%q\nwant\n%q", tt.name, got, tt.want)
		}
	}
}
