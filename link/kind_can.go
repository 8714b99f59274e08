package link

import (
	"encoding/binary"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/internal/cnum"
	"github.com/gipnet/gip/rtnl"
	"github.com/mdlayher/netlink"
)

// can: a CAN controller's settings (`ip link set DEV type can …`; the
// devices come from their drivers). Encoded as iproute2 does: the restart
// words as they are read, then the bit timings, the control mode and the
// TDC nest. Keywords are matched by prefix in iproute2's order ("f" is fd,
// "r" restart). This kernel has no CAN drivers. The -d printer is in
// kind_can_print.go.
var canKind = Kind{Name: "can", Parse: parseCAN, Print: printCAN, Help: canHelp}

// IFLA_CAN_* attribute types.
const (
	iflaCANBittiming     = 1
	iflaCANCtrlmode      = 5
	iflaCANRestartMS     = 6
	iflaCANRestart       = 7
	iflaCANDataBittiming = 9
	iflaCANTermination   = 11
	iflaCANTDC           = 16
	iflaCANTDCTDCV       = 7 // in IFLA_CAN_TDC
	iflaCANTDCTDCO       = 8
	iflaCANTDCTDCF       = 9

	canCtrlmodeTDCAuto   = 0x200
	canCtrlmodeTDCManual = 0x400
	// canUnset is a TDC value not given: iproute2 keeps them in u32s
	// that start at -1, so 4294967295 counts as not given.
	canUnset = math.MaxUint32
)

// canSwitches are the on/off control mode words and their CAN_CTRLMODE_*
// bits, in the order iproute2 tries them (fd before fd-non-iso).
var canSwitches = []struct {
	word string
	bit  uint32
}{
	{"loopback", 0x01}, {"listen-only", 0x02}, {"triple-sampling", 0x04},
	{"one-shot", 0x08}, {"berr-reporting", 0x10}, {"fd", 0x20},
	{"fd-non-iso", 0x80}, {"presume-ack", 0x40}, {"cc-len8-dlc", 0x100},
}

// canHelp // is gip's own text naming every word of iproute2's; after "can: unknown
// command" only the lines before it are compared.
func canHelp(w io.Writer) {
	io.WriteString(w, "Usage: ip link set DEVICE type can [ OPTION ]...\n"+
		"Bit timing, by rate or by time quanta; the d-words time the CAN FD data phase:\n"+
		"\tbitrate BITRATE [ sample-point SAMPLE-POINT ]\n"+
		"\ttq TQ prop-seg PROP_SEG phase-seg1 PHASE-SEG1 phase-seg2 PHASE-SEG2 [ sjw SJW ]\n"+
		"\tdbitrate BITRATE [ dsample-point SAMPLE-POINT ]\n"+
		"\tdtq TQ dprop-seg PROP_SEG dphase-seg1 PHASE-SEG1 dphase-seg2 PHASE-SEG2 [ dsjw SJW ]\n"+
		"\ttdcv TDCV tdco TDCO tdcf TDCF | tdc-mode { auto | manual | off }\n"+
		"Controller modes, each { on | off }:\n\t")
	for i, s := range canSwitches {
		if i > 0 {
			io.WriteString(w, " | ")
		}
		io.WriteString(w, s.word)
	}
	io.WriteString(w, "\nRecovery and bus: restart-ms TIME-MS | restart | termination { 0..65535 }\n"+
		"Where: BITRATE := NUMBER in bps, SAMPLE-POINT := 0.000..0.999, TQ := NUMBER in ns,\n"+
		"\tPROP-SEG, PHASE-SEG1, PHASE-SEG2, SJW := NUMBER in tq,\n"+
		"\tTDCV, TDCO, TDCF := NUMBER in tc, RESTART-MS := { 0 | NUMBER in ms }\n")
}

// canTiming is struct can_bittiming in field order: bitrate,
// sample_point, tq, prop_seg, phase_seg1, phase_seg2, sjw, brp.
type canTiming [8]uint32

func (t *canTiming) bytes() []byte {
	var b []byte
	for _, v := range t {
		b = binary.NativeEndian.AppendUint32(b, v)
	}
	return b
}

// canFloat is iproute2's get_float for sample points: all of s one strtof
// number. ok is false otherwise.
func canFloat(s string) (float32, bool) {
	t := strings.TrimLeft(s, " \t\n\v\f\r")
	if t == "" || strings.ContainsRune(t, '_') {
		return 0, false
	}
	body := strings.TrimLeft(t, "+-")
	if len(t)-len(body) > 1 {
		return 0, false
	}
	// strtof takes a hexadecimal mantissa without an exponent; Go needs one.
	if len(body) > 2 && body[0] == '0' && (body[1] == 'x' || body[1] == 'X') && !strings.ContainsAny(body, "pP") {
		t += "p0"
	}
	f, err := strconv.ParseFloat(t, 32)
	if err != nil {
		if ne, ok := err.(*strconv.NumError); !ok || ne.Err != strconv.ErrRange {
			return 0, false
		}
	}
	return float32(f), true
}

func parseCAN(p *Parser, a *cmdline.Args, ae *netlink.AttributeEncoder) error {
	var bt, dbt canTiming
	var cmMask, cmFlags uint32
	tdc := [3]uint32{canUnset, canUnset, canUnset} // tdcv, tdco, tdcf
	u32Words := []struct {
		word string
		dst  *uint32
	}{
		{"bitrate", &bt[0]}, {"sample-point", &bt[1]}, {"tq", &bt[2]}, {"prop-seg", &bt[3]},
		{"phase-seg1", &bt[4]}, {"phase-seg2", &bt[5]}, {"sjw", &bt[6]},
		{"dbitrate", &dbt[0]}, {"dsample-point", &dbt[1]}, {"dtq", &dbt[2]}, {"dprop-seg", &dbt[3]},
		{"dphase-seg1", &dbt[4]}, {"dphase-seg2", &dbt[5]}, {"dsjw", &dbt[6]},
		{"tdcv", &tdc[0]}, {"tdco", &tdc[1]}, {"tdcf", &tdc[2]},
	}
next:
	for a.More() {
		w := a.Next()
		for _, u := range u32Words {
			if !cmdline.Matches(w, u.word) {
				continue
			}
			v, err := a.Value()
			if err != nil {
				return err
			}
			if strings.HasSuffix(u.word, "sample-point") {
				sp, ok := canFloat(v)
				if !ok {
					return cmdline.InvalidArg(fmt.Sprintf("invalid \"%s\" value\n", u.word), v)
				}
				// (__u32)(sp * 1000) in float, as x86-64 converts it.
				*u.dst = uint32(int64(sp * 1000))
				continue next
			}
			n, ok := cnum.Uint32(v, 0)
			if !ok {
				return cmdline.InvalidArg(fmt.Sprintf("invalid \"%s\" value\n", u.word), v)
			}
			*u.dst = n
			continue next
		}
		for _, s := range canSwitches {
			if !cmdline.Matches(w, s.word) {
				continue
			}
			v, err := a.Value()
			if err != nil {
				return err
			}
			switch v {
			case "on":
				cmFlags |= s.bit
			case "off":
			default:
				return cmdline.Fatal(cmdline.StatusUsage, "Error: argument of \"%s\" must be \"on\" or \"off\", not \"%s\"", s.word, v)
			}
			cmMask |= s.bit
			continue next
		}
		switch {
		case cmdline.Matches(w, "tdc-mode"):
			v, err := a.Value()
			if err != nil {
				return err
			}
			switch v {
			case "auto":
				cmFlags |= canCtrlmodeTDCAuto
				cmMask |= canCtrlmodeTDCAuto
			case "manual":
				cmFlags |= canCtrlmodeTDCManual
				cmMask |= canCtrlmodeTDCManual
			case "off":
				cmMask |= canCtrlmodeTDCAuto | canCtrlmodeTDCManual
			default:
				return cmdline.Fatal(cmdline.StatusUsage, "Error: argument of \"tdc-mode\" must be \"auto\", \"manual\" or \"off\", not \"%s\"", v)
			}
		case cmdline.Matches(w, "restart"):
			ae.Uint32(iflaCANRestart, 1)
		case cmdline.Matches(w, "restart-ms"):
			v, err := a.Value()
			if err != nil {
				return err
			}
			n, ok := cnum.Uint32(v, 0)
			if !ok {
				return cmdline.InvalidArg("invalid \"restart-ms\" value\n", v)
			}
			ae.Uint32(iflaCANRestartMS, n)
		case cmdline.Matches(w, "termination"):
			v, err := a.Value()
			if err != nil {
				return err
			}
			n, ok := cnum.Uint(v, 0, math.MaxUint16)
			if !ok {
				return cmdline.InvalidArg("invalid \"termination\" value\n", v)
			}
			ae.Uint16(iflaCANTermination, uint16(n))
		case cmdline.Matches(w, "help"):
			canHelp(p.Stderr)
			return cmdline.Silent(cmdline.StatusFailed)
		default:
			fmt.Fprintf(p.Stderr, "can: unknown option \"%s\"\n", w)
			canHelp(p.Stderr)
			return cmdline.Silent(cmdline.StatusFailed)
		}
	}
	if bt[0] != 0 || bt[2] != 0 {
		ae.Bytes(iflaCANBittiming, bt.bytes())
	}
	if dbt[0] != 0 || dbt[2] != 0 {
		ae.Bytes(iflaCANDataBittiming, dbt.bytes())
	}
	if cmMask != 0 {
		cm := binary.NativeEndian.AppendUint32(nil, cmMask)
		ae.Bytes(iflaCANCtrlmode, binary.NativeEndian.AppendUint32(cm, cmFlags))
	}
	if tdc != [3]uint32{canUnset, canUnset, canUnset} {
		nested := netlink.NewAttributeEncoder()
		for i, typ := range []uint16{iflaCANTDCTDCV, iflaCANTDCTDCO, iflaCANTDCTDCF} {
			if tdc[i] != canUnset {
				nested.Uint32(typ, tdc[i])
			}
		}
		b, err := nested.Encode()
		if err != nil {
			return err
		}
		ae.Bytes(iflaCANTDC|rtnl.NLAFNested, b)
	}
	return nil
}
