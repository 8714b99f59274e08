package link

import (
	"encoding/binary"
	"fmt"
	"strings"

	"github.com/gipnet/gip/format"
)

// More IFLA_CAN_* attribute types, the ones only the kernel sends.
const (
	iflaCANBittimingConst     = 2
	iflaCANClock              = 3
	iflaCANState              = 4
	iflaCANBerrCounter        = 8
	iflaCANDataBittimingConst = 10
	iflaCANTerminationConst   = 12
	iflaCANBitrateConst       = 13
	iflaCANDataBitrateConst   = 14
	iflaCANCtrlmodeExt        = 17
	iflaCANCtrlmodeSupported  = 1 // in IFLA_CAN_CTRLMODE_EXT

	iflaCANTDCTDCVMin = 1 // in IFLA_CAN_TDC, the _MAX ones follow each
	iflaCANTDCTDCOMin = 3
	iflaCANTDCTDCFMin = 5
)

// canModeNames are the CAN_CTRLMODE_* bits in the order -d lists them.
var canModeNames = []struct {
	bit  uint32
	name string
}{
	{0x01, "LOOPBACK"}, {0x02, "LISTEN-ONLY"}, {0x04, "TRIPLE-SAMPLING"},
	{0x08, "ONE-SHOT"}, {0x10, "BERR-REPORTING"}, {0x20, "FD"},
	{0x80, "FD-NON-ISO"}, {0x40, "PRESUME-ACK"}, {0x100, "CC-LEN8-DLC"},
	{0x200, "TDC-AUTO"}, {0x400, "TDC-MANUAL"},
}

var canStateNames = []string{"ERROR-ACTIVE", "ERROR-WARNING", "ERROR-PASSIVE", "BUS-OFF", "STOPPED", "SLEEPING"}

// canU32 is the u32 at byte offset off of a kernel struct, 0 past its end.
func canU32(b []byte, off int) uint32 {
	if len(b) >= off+4 {
		return binary.NativeEndian.Uint32(b[off:])
	}
	return 0
}

func canU16(b []byte, off int) uint16 {
	if len(b) >= off+2 {
		return binary.NativeEndian.Uint16(b[off:])
	}
	return 0
}

// canIndent is iproute2's new line inside the can details.
func canIndent(p *format.Printer) {
	p.NL()
	p.Text("\t ")
}

// printCANModes prints control mode flags as "<A,B> " (a JSON array named
// key), unknown bits in hex at the end.
func printCANModes(p *format.Printer, t format.Target, flags uint32, key string) {
	if flags == 0 {
		return
	}
	p.OpenArray(t, key, "<")
	for _, m := range canModeNames {
		if flags&m.bit == 0 {
			continue
		}
		flags &^= m.bit
		f := "%s"
		if flags != 0 {
			f = "%s,"
		}
		p.String(t, "", f, m.name)
	}
	if flags != 0 {
		p.Hex(t, "", "%x", uint64(flags))
	}
	p.CloseArray(t, "> ")
}

// canSamplePoint is "%.3f" of tenths of a percent cut to five characters,
// as iproute2's 6-byte buffer does.
func canSamplePoint(v uint32) string {
	s := fmt.Sprintf("%.3f", float64(v)/1000)
	if len(s) > 5 {
		s = s[:5]
	}
	return s
}

// printCANTiming prints struct can_bittiming; d is "" or "d" (data phase).
func printCANTiming(p *format.Printer, key, d string, b []byte, tdc []byte) {
	p.OpenObject(key)
	canIndent(p)
	p.Uint(format.Any, "bitrate", " "+d+"bitrate %u", uint64(canU32(b, 0)))
	p.String(format.Any, "sample_point", " "+d+"sample-point %s", canSamplePoint(canU32(b, 4)))
	canIndent(p)
	for i, f := range []string{"tq", "prop_seg", "phase_seg1", "phase_seg2", "sjw", "brp"} {
		p.Uint(format.Any, f, " "+d+strings.ReplaceAll(f, "_", "-")+" %u", uint64(canU32(b, 8+4*i)))
	}
	if tdc != nil {
		t := parseKindAttrs(tdc)
		if t.has(iflaCANTDCTDCV) || t.has(iflaCANTDCTDCO) || t.has(iflaCANTDCTDCF) {
			p.OpenObject("tdc")
			canIndent(p)
			for _, f := range []struct {
				attr uint16
				name string
			}{{iflaCANTDCTDCV, "tdcv"}, {iflaCANTDCTDCO, "tdco"}, {iflaCANTDCTDCF, "tdcf"}} {
				if t.has(f.attr) {
					p.Uint(format.Any, f.name, " "+f.name+" %u", uint64(t.u32(f.attr)))
				}
			}
			p.CloseObject()
		}
	}
	p.CloseObject()
}

// printCANMinMax prints " NAME MIN..MAX" (iproute2 formats them as
// signed ints in text).
func printCANMinMax(p *format.Printer, key, text string, lo, hi uint32) {
	p.Text(text)
	p.OpenObject(key)
	p.Uint(format.JSON, "min", "", uint64(lo))
	p.Text(fmt.Sprintf(" %d", int32(lo)))
	p.Uint(format.JSON, "max", "", uint64(hi))
	p.Text(fmt.Sprintf("..%d", int32(hi)))
	p.CloseObject()
}

// printCANTimingConst prints struct can_bittiming_const: a 16-byte name,
// then tseg1, tseg2 ranges, sjw_max, brp range, brp_inc.
func printCANTimingConst(p *format.Printer, key, d string, b []byte, tdc []byte) {
	name := b
	if len(name) > 16 {
		name = name[:16]
	}
	if i := strings.IndexByte(string(name), 0); i >= 0 {
		name = name[:i]
	}
	p.OpenObject(key)
	canIndent(p)
	p.String(format.Any, "name", " %s:", string(name))
	printCANMinMax(p, "tseg1", " "+d+"tseg1", canU32(b, 16), canU32(b, 20))
	printCANMinMax(p, "tseg2", " "+d+"tseg2", canU32(b, 24), canU32(b, 28))
	printCANMinMax(p, "sjw", " "+d+"sjw", 1, canU32(b, 32))
	printCANMinMax(p, "brp", " "+d+"brp", canU32(b, 36), canU32(b, 40))
	p.Uint(format.Any, "brp_inc", " "+d+"brp_inc %u", uint64(canU32(b, 44)))
	if tdc != nil {
		t := parseKindAttrs(tdc)
		p.OpenObject("tdc")
		canIndent(p)
		for _, f := range []struct {
			attr uint16
			name string
		}{{iflaCANTDCTDCVMin, "tdcv"}, {iflaCANTDCTDCOMin, "tdco"}, {iflaCANTDCTDCFMin, "tdcf"}} {
			if t.has(f.attr) && t.has(f.attr+1) {
				printCANMinMax(p, f.name, " "+f.name, t.u32(f.attr), t.u32(f.attr+1))
			}
		}
		p.CloseObject()
	}
	p.CloseObject()
}

// printCANBitrates prints a fixed bitrate list, six to a line.
func printCANBitrates(p *format.Printer, key, text string, current uint32, list []byte) {
	canIndent(p)
	p.Uint(format.Any, key+"_bitrate", " "+text+" %u", uint64(current))
	canIndent(p)
	p.OpenArray(format.Any, key[:len(key)-len("bittiming")]+"bitrate_const", "    [")
	n := len(list) / 4
	for i := 0; i < n; i++ {
		if i%6 == 0 && i != 0 {
			canIndent(p)
			p.Text("     ")
		}
		v := canU32(list, 4*i)
		p.Uint(format.JSON, "", "", uint64(v))
		sep := ", "
		if i == n-1 {
			sep = ""
		}
		p.Text(fmt.Sprintf("%8d%s", v, sep))
	}
	p.CloseArray(format.Any, " ]")
}

func printCAN(p *format.Printer, _ IndexNamer, data []byte) error {
	t := parseKindAttrs(data)
	if cm, ok := t[iflaCANCtrlmode]; ok {
		flags := canU32(cm, 4)
		printCANModes(p, format.Any, flags, "ctrlmode")
		if ext, ok := t[iflaCANCtrlmodeExt]; ok {
			et := parseKindAttrs(ext)
			if et.has(iflaCANCtrlmodeSupported) {
				sup := et.u32(iflaCANCtrlmodeSupported)
				printCANModes(p, format.JSON, sup, "ctrlmode_supported")
				printCANModes(p, format.JSON, flags&^sup, "ctrlmode_static")
			}
		}
	}
	if t.has(iflaCANState) {
		s := "UNKNOWN"
		if v := t.u32(iflaCANState); v < uint32(len(canStateNames)) {
			s = canStateNames[v]
		}
		p.String(format.Any, "state", "state %s ", s)
	}
	if b, ok := t[iflaCANBerrCounter]; ok {
		p.OpenObject("berr_counter")
		p.Uint(format.Any, "tx", "(berr-counter tx %u", uint64(canU16(b, 0)))
		p.Uint(format.Any, "rx", " rx %u) ", uint64(canU16(b, 2)))
		p.CloseObject()
	}
	if t.has(iflaCANRestartMS) {
		p.Uint(format.Any, "restart_ms", "restart-ms %u ", uint64(t.u32(iflaCANRestartMS)))
	}
	fixed, dataFixed := t.has(iflaCANBitrateConst), t.has(iflaCANDataBitrateConst)
	if b, ok := t[iflaCANBittiming]; ok && !fixed {
		printCANTiming(p, "bittiming", "", b, nil)
	}
	if b, ok := t[iflaCANBittimingConst]; ok && !fixed {
		printCANTimingConst(p, "bittiming_const", "", b, nil)
	}
	if fixed {
		printCANBitrates(p, "bittiming", "bitrate", canU32(t[iflaCANBittiming], 0), t[iflaCANBitrateConst])
	}
	tdc, hasTDC := t[iflaCANTDC]
	if !hasTDC {
		tdc = nil
	} else if tdc == nil {
		tdc = []byte{}
	}
	if b, ok := t[iflaCANDataBittiming]; ok && !dataFixed {
		printCANTiming(p, "data_bittiming", "d", b, tdc)
	}
	if b, ok := t[iflaCANDataBittimingConst]; ok && !dataFixed {
		printCANTimingConst(p, "data_bittiming_const", "d", b, tdc)
	}
	if dataFixed {
		printCANBitrates(p, "data_bittiming", "dbitrate", canU32(t[iflaCANDataBittiming], 0), t[iflaCANDataBitrateConst])
	}
	if t.has(iflaCANTerminationConst) && t.has(iflaCANTermination) {
		canIndent(p)
		p.Uint(format.Any, "termination", " termination %u [ ", uint64(t.u16(iflaCANTermination)))
		p.OpenArray(format.JSON, "termination_const", "")
		list := t[iflaCANTerminationConst]
		n := len(list) / 2
		for i := 0; i < n; i++ {
			f := "%u, "
			if i == n-1 {
				f = "%u"
			}
			p.Uint(format.Any, "", f, uint64(canU16(list, 2*i)))
		}
		p.CloseArray(format.Any, " ]")
	}
	if b, ok := t[iflaCANClock]; ok {
		canIndent(p)
		p.Uint(format.Any, "clock", " clock %u ", uint64(canU32(b, 0)))
	}
	return nil
}
