package iplink

import (
	"github.com/gipnet/gip/format"
	"github.com/gipnet/gip/link"
	"golang.org/x/sys/unix"
)

// linkFlagNames is iproute2's order for the names inside <...>; IFF_RUNNING
// is not listed by name (it shows as the absence of NO-CARRIER).
var linkFlagNames = []struct {
	bit  uint32
	name string
}{
	{unix.IFF_LOOPBACK, "LOOPBACK"},
	{unix.IFF_BROADCAST, "BROADCAST"},
	{unix.IFF_POINTOPOINT, "POINTOPOINT"},
	{unix.IFF_MULTICAST, "MULTICAST"},
	{unix.IFF_NOARP, "NOARP"},
	{unix.IFF_ALLMULTI, "ALLMULTI"},
	{unix.IFF_PROMISC, "PROMISC"},
	{unix.IFF_MASTER, "MASTER"},
	{unix.IFF_SLAVE, "SLAVE"},
	{unix.IFF_DEBUG, "DEBUG"},
	{unix.IFF_DYNAMIC, "DYNAMIC"},
	{unix.IFF_AUTOMEDIA, "AUTOMEDIA"},
	{unix.IFF_PORTSEL, "PORTSEL"},
	{unix.IFF_NOTRAILERS, "NOTRAILERS"},
	{unix.IFF_UP, "UP"},
	{unix.IFF_LOWER_UP, "LOWER_UP"},
	{unix.IFF_DORMANT, "DORMANT"},
	{unix.IFF_ECHO, "ECHO"},
}

// printFlags prints "<NAME,NAME,...> " (a "flags" array in JSON). Each name
// carries its own trailing comma while more bits remain; unnamed bits print
// as hex; mdown appends M-DOWN (the lower device of a stacked link is down).
func printFlags(p *format.Printer, flags uint32, mdown bool) {
	p.OpenArray(format.Any, "flags", "<")
	if flags&unix.IFF_UP != 0 && flags&unix.IFF_RUNNING == 0 {
		if flags != 0 {
			p.String(format.Any, "", "%s,", "NO-CARRIER")
		} else {
			p.String(format.Any, "", "%s", "NO-CARRIER")
		}
	}
	flags &^= unix.IFF_RUNNING
	for _, f := range linkFlagNames {
		if flags&f.bit == 0 {
			continue
		}
		flags &^= f.bit
		if flags != 0 {
			p.String(format.Any, "", "%s,", f.name)
		} else {
			p.String(format.Any, "", "%s", f.name)
		}
	}
	if flags != 0 {
		p.Hex(format.Any, "", "%x", uint64(flags))
	}
	if mdown {
		p.String(format.Any, "", ",%s", "M-DOWN")
	}
	p.CloseArray(format.Any, "> ")
}

// IF_OPER_* (linux/if.h), indexes into link.OperStates (parse_words.go).
const (
	operDown = 2
	operUp   = 6
)

func operStateColor(s uint8) format.Color {
	switch s {
	case operUp:
		return format.OperUp
	case operDown:
		return format.OperDown
	}
	return format.NoColor
}

// printOperState prints "state NAME " (brief: the name padded to 14).
func printOperState(p *format.Printer, s uint8, brief bool) {
	switch {
	case int(s) >= len(link.OperStates):
		if p.IsJSON() {
			p.Uint(format.JSON, "operstate_index", "", uint64(s))
		} else {
			p.Hex(format.Text, "", "state %#x", uint64(s))
		}
	case brief:
		p.ColorString(format.Any, operStateColor(s), "operstate", "%-14s ", link.OperStates[s])
	default:
		p.Text("state ")
		p.ColorString(format.Any, operStateColor(s), "operstate", "%s ", link.OperStates[s])
	}
}

// printLinkMode prints "mode DEFAULT|DORMANT " (ip link only).
func printLinkMode(p *format.Printer, mode uint8) {
	switch mode {
	case 0:
		p.String(format.Any, "linkmode", "mode %s ", "DEFAULT")
	case 1:
		p.String(format.Any, "linkmode", "mode %s ", "DORMANT")
	default:
		p.Int(format.Any, "linkmode_index", "mode %d ", int64(mode))
	}
}
