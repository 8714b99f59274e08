package iplink

import (
	"fmt"
	"strconv"

	"github.com/gipnet/gip/format"
	"github.com/gipnet/gip/link"
	"golang.org/x/sys/unix"
)

// Indexes into Link.Counters() (struct rtnl_link_stats64 field order).
const (
	stRxPackets = iota
	stTxPackets
	stRxBytes
	stTxBytes
	stRxErrors
	stTxErrors
	stRxDropped
	stTxDropped
	stMulticast
	stCollisions
	stRxLengthErrors
	stRxOverErrors
	stRxCRCErrors
	stRxFrameErrors
	stRxFIFOErrors
	stRxMissedErrors
	stTxAbortedErrors
	stTxCarrierErrors
	stTxFIFOErrors
	stTxHeartbeatErrors
	stTxWindowErrors
	stRxCompressed
	stTxCompressed
	stRxNoHandler
	stRxOtherhostDropped
	stCount
)

// PrintStats prints the link's counters (-s; -s -s adds the error
// breakdown), as iproute2's print_stats64. Nothing without counters.
func (pr *Printer) PrintStats(l *link.Link) {
	counters := l.Counters()
	if counters == nil {
		return
	}
	var s [stCount]uint64
	copy(s[:], counters)
	var cc *uint32
	if l.Has(unix.IFLA_CARRIER_CHANGES) {
		cc = &l.CarrierChanges
	}
	what := "stats"
	if l.Stats64 {
		what = "stats64"
	}
	if pr.P.IsJSON() {
		pr.statsJSON(&s, cc, what)
	} else {
		pr.statsText(&s, cc)
	}
}

func (pr *Printer) statsJSON(s *[stCount]uint64, cc *uint32, what string) {
	p := pr.P
	more := pr.Opts.Stats > 1
	u := func(key string, v uint64) { p.Uint(format.JSON, key, "", v) }
	p.OpenObject(what)
	p.OpenObject("rx")
	u("bytes", s[stRxBytes])
	u("packets", s[stRxPackets])
	u("errors", s[stRxErrors])
	u("dropped", s[stRxDropped])
	u("over_errors", s[stRxOverErrors])
	u("multicast", s[stMulticast])
	if s[stRxCompressed] != 0 {
		u("compressed", s[stRxCompressed])
	}
	if more {
		u("length_errors", s[stRxLengthErrors])
		u("crc_errors", s[stRxCRCErrors])
		u("frame_errors", s[stRxFrameErrors])
		u("fifo_errors", s[stRxFIFOErrors])
		u("missed_errors", s[stRxMissedErrors])
		if s[stRxNoHandler] != 0 {
			u("nohandler", s[stRxNoHandler])
		}
		if s[stRxOtherhostDropped] != 0 {
			u("otherhost", s[stRxOtherhostDropped])
		}
	}
	p.CloseObject()
	p.OpenObject("tx")
	u("bytes", s[stTxBytes])
	u("packets", s[stTxPackets])
	u("errors", s[stTxErrors])
	u("dropped", s[stTxDropped])
	u("carrier_errors", s[stTxCarrierErrors])
	u("collisions", s[stCollisions])
	if s[stTxCompressed] != 0 {
		u("compressed", s[stTxCompressed])
	}
	if more {
		u("aborted_errors", s[stTxAbortedErrors])
		u("fifo_errors", s[stTxFIFOErrors])
		u("window_errors", s[stTxWindowErrors])
		u("heartbeat_errors", s[stTxHeartbeatErrors])
		if cc != nil {
			u("carrier_changes", uint64(*cc))
		}
	}
	p.CloseObject()
	p.CloseObject()
}

func (pr *Printer) statsText(s *[stCount]uint64, cc *uint32) {
	more := pr.Opts.Stats > 1
	cols := [8]int{len("*X errors:"), len("packets"), len("errors"), len("dropped"),
		len("heartbt"), len("overrun"), len("compressed"), len("otherhost")}
	size := func(vals ...uint64) {
		if pr.Opts.Human > 0 {
			return
		}
		for i, v := range vals {
			if n := decimalLen(v); n > cols[i] {
				cols[i] = n
			}
		}
	}
	size(s[stRxBytes], s[stRxPackets], s[stRxErrors], s[stRxDropped], s[stRxMissedErrors], s[stMulticast], s[stRxCompressed], 0)
	if more {
		size(0, s[stRxLengthErrors], s[stRxCRCErrors], s[stRxFrameErrors], s[stRxFIFOErrors], s[stRxOverErrors], s[stRxNoHandler], s[stRxOtherhostDropped])
	}
	size(s[stTxBytes], s[stTxPackets], s[stTxErrors], s[stTxDropped], s[stTxCarrierErrors], s[stCollisions], s[stTxCompressed], 0)
	var ccv uint64
	if cc != nil {
		ccv = uint64(*cc)
	}
	if more {
		size(0, 0, s[stTxAbortedErrors], s[stTxFIFOErrors], s[stTxWindowErrors], s[stTxHeartbeatErrors], ccv, 0)
	}
	sl := pr.P.NewlineToken()
	// The table is built in the printer's scratch buffer, without fmt:
	// ip -s link show of many links makes no string per link.
	b := pr.scratch[:0]
	num := func(width int, v uint64) { b = pr.appendNumber(b, width, v) }
	// str is C's "%*s": right-aligned in width (left-aligned when width
	// is negative).
	str := func(width int, v string) { b = appendPadded(b, width, v) }
	ifs := func(cond bool, s string) string {
		if cond {
			return s
		}
		return ""
	}
	ifw := func(cond bool, w int) int {
		if cond {
			return w
		}
		return 0
	}
	// head writes "%*s %*s ... %*s" of the column titles.
	head := func(widths []int, titles ...string) {
		for i, t := range titles {
			if i > 0 {
				b = append(b, ' ')
			}
			str(widths[i], t)
		}
	}

	b = append(b, "    RX: "...)
	head([]int{cols[0] - 4, cols[1], cols[2], cols[3], cols[4], cols[5], cols[6]},
		"bytes", "packets", "errors", "dropped", "missed", "mcast", ifs(s[stRxCompressed] != 0, "compressed"))
	b = append(b, sl...)
	b = append(b, "    "...)
	num(cols[0], s[stRxBytes])
	num(cols[1], s[stRxPackets])
	num(cols[2], s[stRxErrors])
	num(cols[3], s[stRxDropped])
	num(cols[4], s[stRxMissedErrors])
	num(cols[5], s[stMulticast])
	if s[stRxCompressed] != 0 {
		num(cols[6], s[stRxCompressed])
	}
	if more {
		b = append(b, sl...)
		b = append(b, "    RX errors:"...)
		head([]int{cols[0] - 10, cols[1], cols[2], cols[3], cols[4], cols[5]},
			"", "length", "crc", "frame", "fifo", "overrun")
		str(ifw(s[stRxNoHandler] != 0, cols[6]+1), ifs(s[stRxNoHandler] != 0, " nohandler"))
		str(ifw(s[stRxOtherhostDropped] != 0, cols[7]+1), ifs(s[stRxOtherhostDropped] != 0, " otherhost"))
		b = append(b, sl...)
		str(cols[0]+5, "")
		num(cols[1], s[stRxLengthErrors])
		num(cols[2], s[stRxCRCErrors])
		num(cols[3], s[stRxFrameErrors])
		num(cols[4], s[stRxFIFOErrors])
		num(cols[5], s[stRxOverErrors])
		if s[stRxNoHandler] != 0 {
			num(cols[6], s[stRxNoHandler])
		}
		if s[stRxOtherhostDropped] != 0 {
			num(cols[7], s[stRxOtherhostDropped])
		}
	}
	b = append(b, sl...)
	b = append(b, "    TX: "...)
	head([]int{cols[0] - 4, cols[1], cols[2], cols[3], cols[4], cols[5], cols[6]},
		"bytes", "packets", "errors", "dropped", "carrier", "collsns", ifs(s[stTxCompressed] != 0, "compressed"))
	b = append(b, sl...)
	b = append(b, "    "...)
	num(cols[0], s[stTxBytes])
	num(cols[1], s[stTxPackets])
	num(cols[2], s[stTxErrors])
	num(cols[3], s[stTxDropped])
	num(cols[4], s[stTxCarrierErrors])
	num(cols[5], s[stCollisions])
	if s[stTxCompressed] != 0 {
		num(cols[6], s[stTxCompressed])
	}
	if more {
		b = append(b, sl...)
		b = append(b, "    TX errors:"...)
		head([]int{cols[0] - 10, cols[1], cols[2], cols[3], cols[4], cols[5]},
			"", "aborted", "fifo", "window", "heartbt", ifs(cc != nil, "transns"))
		b = append(b, sl...)
		str(cols[0]+5, "")
		num(cols[1], s[stTxAbortedErrors])
		num(cols[2], s[stTxFIFOErrors])
		num(cols[3], s[stTxWindowErrors])
		num(cols[4], s[stTxHeartbeatErrors])
		if cc != nil {
			num(cols[5], ccv)
		}
	}
	pr.scratch = b
	pr.P.Text(tmp(b))
}

// decimalLen is how many digits v has in decimal.
func decimalLen(v uint64) int {
	n := 1
	for v >= 10 {
		v /= 10
		n++
	}
	return n
}

// appendPadded appends C's "%*s" of v: right-aligned in width, or
// left-aligned when width is negative.
func appendPadded(b []byte, width int, v string) []byte {
	left := width < 0
	if left {
		width = -width
	}
	if !left {
		for i := len(v); i < width; i++ {
			b = append(b, ' ')
		}
	}
	b = append(b, v...)
	if left {
		for i := len(v); i < width; i++ {
			b = append(b, ' ')
		}
	}
	return b
}

// appendNumber appends number's text without making a string when
// -human is off (or v is below its base).
func (pr *Printer) appendNumber(b []byte, width int, v uint64) []byte {
	base := uint64(1000)
	if pr.Opts.IEC {
		base = 1024
	}
	if pr.Opts.Human == 0 || v < base {
		for i := decimalLen(v); i < width; i++ {
			b = append(b, ' ')
		}
		b = strconv.AppendUint(b, v, 10)
		return append(b, ' ')
	}
	return append(b, pr.number(width, v)...)
}

// number is print_num: right-aligned in width, then a space; with -human
// scaled to k/M/G/T/P/E (powers of 1024 and an "i" with -iec).
func (pr *Printer) number(width int, v uint64) string {
	base := uint64(1000)
	if pr.Opts.IEC {
		base = 1024
	}
	if pr.Opts.Human == 0 || v < base {
		return fmt.Sprintf("%*d ", width, v)
	}
	prefixes := "kMGTPE"
	i := 0
	pow := uint64(1)
	for {
		pow *= base
		if v/base < pow {
			break
		}
		if i+1 >= len(prefixes) {
			break
		}
		i++
	}
	prec := 2
	for powj := uint64(1); prec > 0; prec-- {
		powj *= 10
		if v/pow < powj {
			break
		}
	}
	suffix := ""
	if pr.Opts.IEC {
		suffix = "i"
	}
	return fmt.Sprintf("%*s ", width, fmt.Sprintf("%.*f%c%s", prec, float64(v)/float64(pow), prefixes[i], suffix))
}
