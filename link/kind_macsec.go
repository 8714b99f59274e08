package link

import (
	"encoding/binary"
	"fmt"
	"io"
	"math"

	"github.com/gipnet/gip/format"
	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/internal/cnum"
	"github.com/mdlayher/netlink"
)

// macsec: an 802.1AE device over `link DEV` (only `ip link add … type
// macsec`; the `ip macsec` object is elsewhere). Encoded as iproute2 does:
// the SCI (or port alone) first, the switches in word order, then cipher,
// ICV length, replay window and protection, encoding SA. All keywords are
// whole words. This kernel has no macsec module.
var macsecKind = Kind{Name: "macsec", Parse: parseMACsec, Print: printMACsec, Help: macsecHelp}

// IFLA_MACSEC_* attribute types.
const (
	iflaMACsecSCI           = 1  // be64
	iflaMACsecPort          = 2  // be16
	iflaMACsecICVLen        = 3  // u8
	iflaMACsecCipherSuite   = 4  // u64
	iflaMACsecWindow        = 5  // u32
	iflaMACsecEncodingSA    = 6  // u8
	iflaMACsecEncrypt       = 7  // u8
	iflaMACsecProtect       = 8  // u8
	iflaMACsecIncSCI        = 9  // u8
	iflaMACsecES            = 10 // u8
	iflaMACsecSCB           = 11 // u8
	iflaMACsecReplayProtect = 12 // u8
	iflaMACsecValidation    = 13 // u8
	iflaMACsecOffload       = 15 // u8
)

// macsecCiphers are the cipher suites by their names (either case) and
// the names -d prints for them; "default" is the 802.1AE default id.
var macsecCiphers = []struct {
	word, name string
	id         uint64
}{
	{"default", "GCM-AES-128", 0x0080020001000001},
	{"gcm-aes-128", "GCM-AES-128", 0x0080C20001000001},
	{"gcm-aes-256", "GCM-AES-256", 0x0080C20001000002},
	{"gcm-aes-xpn-128", "GCM-AES-XPN-128", 0x0080C20001000003},
	{"gcm-aes-xpn-256", "GCM-AES-XPN-256", 0x0080C20001000004},
}

// macsecValidate and macsecOffload are indexed by their values, the order
// in which abbreviations are matched.
var (
	macsecValidate = []string{"disabled", "check", "strict"}
	macsecOffload  = []string{"off", "phy", "mac"}
)

const (
	macsecMinICVLen = 8
	macsecStdICVLen = 16
	// macsecNoWindow is "no window given": iproute2 keeps the window in a
	// u32 that starts at -1, so `window 4294967295` counts as none.
	macsecNoWindow = math.MaxUint32
)

// macsecHelp // is gip's own text naming every word of iproute2's; after "macsec: unknown
// command" only the lines before it are compared.
func macsecHelp(w io.Writer) {
	fmt.Fprint(w, "Usage: ip link add link DEVICE name NAME type macsec [ OPTION ]...\n"+
		"OPTION := { port { 1..2^16-1 } [ address <lladdr> ] | sci <u64> } |\n"+
		"\tcipher { default | gcm-aes-128 | gcm-aes-256 | gcm-aes-xpn-128 | gcm-aes-xpn-256 } |\n"+
		"\ticvlen { 8..16 } | encodingsa { 0..3 } |\n"+
		"\t{ encrypt | send_sci | end_station | scb | protect } { on | off } |\n"+
		"\treplay { on | off } window { 0..2^32-1 } |\n"+
		"\tvalidate { strict | check | disabled } | offload { mac | phy | off }\n")
}

// parseOneOf is iproute2's parse_one_of: the first of list that val
// abbreviates, its index; otherwise the list in the message, and ip
// fails with status 1 (the kind's parser returns an error).
func parseOneOf(key, val string, list []string) (uint8, error) {
	for i, s := range list {
		if cmdline.Matches(val, s) {
			return uint8(i), nil
		}
	}
	msg := fmt.Sprintf("Error: argument of \"%s\" must be one of ", key)
	for _, s := range list {
		msg += fmt.Sprintf("\"%s\", ", s)
	}
	return 0, cmdline.Exit(cmdline.StatusFailed, "%snot \"%s\"", msg, val)
}

// parseMACsecSCI reads the optional leading `sci X`, `port N` or
// `address MAC port N` and encodes IFLA_MACSEC_SCI or IFLA_MACSEC_PORT.
// An address without a port, or `sci 0`, sends port 0.
func parseMACsecSCI(p *Parser, a *cmdline.Args, ae *netlink.AttributeEncoder) error {
	var sci []byte
	var port uint16
	var addr [6]byte
	gotPort, gotAddr, gotSCI := false, false, false
words:
	for a.More() && !gotSCI && !gotPort {
		w := a.Peek()
		switch w {
		case "sci":
			if gotAddr {
				return cmdline.InvalidArg("expected port", w)
			}
			a.Next()
			v, err := a.Value()
			if err != nil {
				return err
			}
			n, ok := cnum.Uint(v, 16, math.MaxUint64)
			if !ok {
				return cmdline.InvalidArg("expected sci", v)
			}
			sci = binary.BigEndian.AppendUint64(nil, n)
			gotSCI = true
		case "port":
			a.Next()
			v, err := a.Value()
			if err != nil {
				return err
			}
			n, ok := cnum.Uint(v, 0, math.MaxUint16)
			if !ok {
				return cmdline.InvalidArg("expected port", v)
			}
			if n == 0 {
				return cmdline.InvalidArg("expected port != 0", v)
			}
			port, gotPort = uint16(n), true
		case "address":
			a.Next()
			v, err := a.Value()
			if err != nil {
				return err
			}
			// ll_addr_a2n fills only the bytes it reads; more than six
			// pieces are cut to six.
			b, bad, ok := cnum.LLAddr(v, len(addr))
			if !ok {
				fmt.Fprintf(p.Stderr, "\"%s\" is invalid lladdr.\n", bad)
				return cmdline.InvalidArg("expected lladdr", v)
			}
			copy(addr[:], b)
			gotAddr = true
		default:
			break words
		}
	}
	if gotPort && gotAddr {
		sci = binary.BigEndian.AppendUint16(addr[:], port)
	}
	switch {
	case !gotSCI && !gotPort && !gotAddr:
	case sci != nil && binary.BigEndian.Uint64(sci) != 0:
		ae.Bytes(iflaMACsecSCI, sci)
	default:
		// `sci 0` is no SCI to iproute2: it sends the port (0).
		ae.Bytes(iflaMACsecPort, binary.BigEndian.AppendUint16(nil, port))
	}
	return nil
}

func parseMACsec(p *Parser, a *cmdline.Args, ae *netlink.AttributeEncoder) error {
	if err := parseMACsecSCI(p, a, ae); err != nil {
		return err
	}
	var cipher uint64
	var icvLen uint8
	encodingSA := -1
	var window uint32 = macsecNoWindow
	replay := -1
	var es, scb, sendSCI bool
	onOff := func(key string, attr uint16) (bool, error) {
		v, err := a.Value()
		if err != nil {
			return false, err
		}
		on, err := parseOnOff(key, v, cmdline.StatusFailed)
		if err != nil {
			return false, err
		}
		if attr != 0 {
			ae.Uint8(attr, b2u8(on))
		}
		return on, nil
	}
	for a.More() {
		w := a.Next()
		var err error
		switch w {
		case "cipher":
			v, verr := a.Value()
			if verr != nil {
				return verr
			}
			if cipher != 0 {
				return cmdline.Duplicate("cipher", v)
			}
			for _, c := range macsecCiphers {
				if v == c.word || (c.word != "default" && v == upperASCII(c.word)) {
					cipher = c.id
					break
				}
			}
			if cipher == 0 {
				return cmdline.InvalidArg("expected: default, gcm-aes-128, gcm-aes-256, gcm-aes-xpn-128 or gcm-aes-xpn-256", v)
			}
		case "icvlen":
			v, verr := a.Value()
			if verr != nil {
				return verr
			}
			if icvLen != 0 {
				return cmdline.Duplicate("icvlen", v)
			}
			n, ok := cnum.Uint(v, 10, math.MaxUint8)
			if !ok {
				return cmdline.InvalidArg("expected ICV length", v)
			}
			if n < macsecMinICVLen || n > macsecStdICVLen {
				return cmdline.InvalidArg("ICV length must be in the range {8..16}", v)
			}
			icvLen = uint8(n)
		case "encrypt":
			_, err = onOff("encrypt", iflaMACsecEncrypt)
		case "send_sci":
			sendSCI, err = onOff("send_sci", iflaMACsecIncSCI)
		case "end_station":
			es, err = onOff("end_station", iflaMACsecES)
		case "scb":
			scb, err = onOff("scb", iflaMACsecSCB)
		case "protect":
			_, err = onOff("protect", iflaMACsecProtect)
		case "replay":
			var on bool
			on, err = onOff("replay", 0)
			replay = int(b2u8(on))
		case "window":
			v, verr := a.Value()
			if verr != nil {
				return verr
			}
			n, ok := cnum.Uint32(v, 0)
			if !ok {
				return cmdline.InvalidArg("expected replay window size", v)
			}
			window = n
		case "validate", "offload":
			v, verr := a.Value()
			if verr != nil {
				return verr
			}
			list, attr := macsecValidate, uint16(iflaMACsecValidation)
			if w == "offload" {
				list, attr = macsecOffload, iflaMACsecOffload
			}
			i, oerr := parseOneOf(w, v, list)
			if oerr != nil {
				return oerr
			}
			ae.Uint8(attr, i)
		case "encodingsa":
			if encodingSA >= 0 {
				return cmdline.Duplicate2("encodingsa", "encodingsa")
			}
			v, verr := a.Value()
			if verr != nil {
				return verr
			}
			n, ok := cnum.Uint(v, 0, math.MaxUint8)
			if !ok || n > 3 {
				return cmdline.InvalidArg("expected an { 0..3 }", v)
			}
			encodingSA = int(n)
		default:
			fmt.Fprintf(p.Stderr, "macsec: unknown command \"%s\"?\n", w)
			macsecHelp(p.Stderr)
			return cmdline.Silent(cmdline.StatusFailed)
		}
		if err != nil {
			return err
		}
	}
	if (sendSCI && (es || scb)) || (es && scb) {
		return cmdline.Exit(cmdline.StatusFailed, "invalid combination of send_sci/end_station/scb")
	}
	if window != macsecNoWindow && replay == -1 {
		return cmdline.Exit(cmdline.StatusFailed, "replay window set, but replay protection not enabled. did you mean 'replay on window %d'?", window)
	}
	if window == macsecNoWindow && replay == 1 {
		return cmdline.Exit(cmdline.StatusFailed, "replay protection enabled, but no window set. did you mean 'replay on window VALUE'?")
	}
	if cipher != 0 {
		ae.Uint64(iflaMACsecCipherSuite, cipher)
	}
	if icvLen != 0 {
		ae.Uint8(iflaMACsecICVLen, icvLen)
	}
	if replay != -1 {
		ae.Uint32(iflaMACsecWindow, window)
		ae.Uint8(iflaMACsecReplayProtect, uint8(replay))
	}
	if encodingSA >= 0 {
		ae.Uint8(iflaMACsecEncodingSA, uint8(encodingSA))
	}
	return nil
}

// upperASCII is the cipher word in capitals, the other spelling iproute2
// takes.
func upperASCII(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'a' && c <= 'z' {
			b[i] = c - 'a' + 'A'
		}
	}
	return string(b)
}

// printMACsec prints the device's settings in iproute2's order; in JSON
// three switches have shorter names (inc_sci, es, replay_protect).
func printMACsec(p *format.Printer, _ IndexNamer, data []byte) error {
	t := parseKindAttrs(data)
	flag := func(text, json string, attr uint16) {
		if !t.has(attr) {
			return
		}
		on := t.u8(attr) != 0
		p.Bool(format.JSON, json, "", on)
		state := "off"
		if on {
			state = "on"
		}
		p.String(format.Text, "", "%s ", text)
		p.String(format.Text, "", "%s ", state)
	}
	if b := t[iflaMACsecSCI]; b != nil {
		var sci uint64
		if len(b) >= 8 {
			sci = binary.BigEndian.Uint64(b)
		}
		s := fmt.Sprintf("%016x", sci)
		p.String(format.JSON, "sci", "", s)
		p.String(format.Text, "", "sci %s ", s)
	}
	flag("protect", "protect", iflaMACsecProtect)
	if t.has(iflaMACsecCipherSuite) {
		name := "(unknown)"
		for _, c := range macsecCiphers {
			if c.id == t.u64(iflaMACsecCipherSuite) {
				name = c.name
				break
			}
		}
		p.String(format.Any, "cipher_suite", "cipher %s ", name)
	}
	if t.has(iflaMACsecICVLen) {
		p.Uint(format.Any, "icv_len", "icvlen %u ", uint64(t.u8(iflaMACsecICVLen)))
	}
	if t.has(iflaMACsecEncodingSA) {
		p.Uint(format.Any, "encoding_sa", "encodingsa %u ", uint64(t.u8(iflaMACsecEncodingSA)))
	}
	named := func(key, text string, attr uint16, list []string) {
		if !t.has(attr) {
			return
		}
		s := "(unknown)"
		if v := int(t.u8(attr)); v < len(list) {
			s = list[v]
		}
		p.String(format.Any, key, text+" %s ", s)
	}
	named("validation", "validate", iflaMACsecValidation, macsecValidate)
	named("offload", "offload", iflaMACsecOffload, macsecOffload)
	flag("encrypt", "encrypt", iflaMACsecEncrypt)
	flag("send_sci", "inc_sci", iflaMACsecIncSCI)
	flag("end_station", "es", iflaMACsecES)
	flag("scb", "scb", iflaMACsecSCB)
	flag("replay", "replay_protect", iflaMACsecReplayProtect)
	if t.has(iflaMACsecWindow) {
		p.Int(format.Any, "window", "window %d ", int64(int32(t.u32(iflaMACsecWindow))))
	}
	return nil
}
