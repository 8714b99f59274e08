package route

import (
	"encoding/binary"

	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/internal/cnum"
)

// ILA_ATTR_* of an `encap ila` route.
const (
	ILAAttrLocator   = 1
	ILAAttrCsumMode  = 7
	ILAAttrIdentType = 8
	ILAAttrHookType  = 9
)

var ilaCsumModes = [...]string{"adj-transport", "neutral-map", "no-action", "neutral-map-auto"}

// ilaIdentTypes is indexed by type: an array literal is data in the
// binary, where a map literal would be built at every start-up.
var ilaIdentTypes = [...]string{0: "iid", 1: "luid", 2: "virt-v4", 3: "virt-uni-v6",
	4: "virt-multi-v6", 5: "nonlocal-addr", 32: "use-format"}

var ilaHookTypes = [...]string{"output", "input"}

// ILACsumModeName, ILAIdentTypeName and ILAHookTypeName name an ILA
// locator's checksum mode, identifier type and hook ("unknown" for
// others).
func ILACsumModeName(v uint8) string { return nameOr(ilaCsumModes[:], v) }

// ILAIdentTypeName: see ILACsumModeName.
func ILAIdentTypeName(v uint8) string { return nameOr(ilaIdentTypes[:], v) }

// ILAHookTypeName: see ILACsumModeName.
func ILAHookTypeName(v uint8) string { return nameOr(ilaHookTypes[:], v) }

// nameOr is names[v], "unknown" past the table or in one of its holes.
func nameOr(names []string, v uint8) string {
	if int(v) < len(names) && names[v] != "" {
		return names[v]
	}
	return "unknown"
}

// parseAddr64 is get_addr64: up to four hex groups of 16 bits separated
// by colons, in network order (groups not written are left 0).
func parseAddr64(s string) ([]byte, bool) {
	out := make([]byte, 8)
	for i := 0; i < 4; i++ {
		n, rest, digits, overflow := cnum.Strtoul(s, 16)
		if overflow || n > 0xffff || !digits {
			return nil, false
		}
		binary.BigEndian.PutUint16(out[2*i:], uint16(n))
		if rest == "" {
			break
		}
		if i == 3 || rest[0] != ':' {
			return nil, false
		}
		s = rest[1:]
	}
	return out, true
}

// parseEncapILA is parse_encap_ila: LOCATOR [csum-mode MODE]
// [ident-type TYPE] [hook-type HOOK] (iproute2 sets only luid and
// use-format identifiers).
func parseEncapILA(args *cmdline.Args) ([]byte, error) {
	w := args.Next()
	loc, ok := parseAddr64(w)
	if !ok {
		return nil, cmdline.Fatal(cmdline.StatusFailed, "Bad locator: %s", w)
	}
	b := rtattr(nil, ILAAttrLocator, loc)
	for args.More() {
		var (
			typ   uint16
			names map[string]uint8
			msg   string
		)
		switch args.Next() {
		case "csum-mode":
			typ, msg = ILAAttrCsumMode, "\"csum-mode\" value is invalid\n"
			names = map[string]uint8{"adj-transport": 0, "neutral-map": 1, "no-action": 2, "neutral-map-auto": 3}
		case "ident-type":
			typ, msg = ILAAttrIdentType, "\"ident-type\" value is invalid\n"
			names = map[string]uint8{"luid": 1, "use-format": 32}
		case "hook-type":
			typ, msg = ILAAttrHookType, "\"hook-type\" value is invalid\n"
			names = map[string]uint8{"output": 0, "input": 1}
		default:
			args.Back()
			return b, nil
		}
		v, err := args.Value()
		if err != nil {
			return nil, err
		}
		n, ok := names[v]
		if !ok {
			return nil, cmdline.InvalidArg(msg, v)
		}
		b = rtattrU8(b, typ, n)
	}
	return b, nil
}
