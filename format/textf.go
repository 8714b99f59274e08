package format

import (
	"fmt"
	"strconv"
)

type argKind uint8

const (
	argString argKind = iota
	argUint
	argInt
)

// arg is one value for textf, kept out of an interface so printing a number
// does not allocate.
type arg struct {
	kind argKind
	s    string
	u    uint64
	i    int64
}

// textf writes format with its one conversion replaced by a, in the color c.
// Formats are C printf style as iproute2 writes them ("mtu %u ", "%-16s",
// "%#x", "%llu"): flags - 0 # + and space, a width, a precision, length
// modifiers (ignored) and the verbs s d i u x X c. "%%" prints '%'.
func (p *Printer) textf(c Color, format string, a arg) {
	w := p.o
	if p.colors != nil && c != NoColor {
		w.WriteString(p.colors[c])
		p.textf1(format, a)
		w.WriteString(colorClear)
		return
	}
	p.textf1(format, a)
}

func (p *Printer) textf1(format string, a arg) {
	if p.textfQuick(format, a) {
		return
	}
	w := p.o
	used := false
	for {
		k := indexPercent(format)
		if k < 0 {
			w.WriteString(format)
			return
		}
		if k > 0 {
			w.WriteString(format[:k])
			format = format[k:]
		}
		// format[0] is '%'.
		if len(format) > 1 && format[1] == '%' {
			w.WriteByte('%')
			format = format[2:]
			continue
		}
		if used {
			w.WriteString(format)
			return
		}
		// The common conversions, without flags, width or precision.
		if len(format) > 1 {
			switch v := format[1]; {
			case v == 's' && a.kind == argString:
				w.WriteString(a.s)
				format = format[2:]
				used = true
				continue
			case (v == 'u' || v == 'd') && a.kind == argUint:
				w.Write(strconv.AppendUint(p.scratch[:0], a.u, 10))
				format = format[2:]
				used = true
				continue
			case (v == 'u' || v == 'd') && a.kind == argInt:
				w.Write(strconv.AppendInt(p.scratch[:0], a.i, 10))
				format = format[2:]
				used = true
				continue
			}
		}
		n, ok := p.conv(format, a)
		if !ok {
			w.WriteString(format)
			return
		}
		used = true
		format = format[n:]
	}
}

// textfQuick writes the formats nearly every printed value uses, a literal
// text around one plain %s, %u or %d ("mtu %u ", "%s "), appending straight
// to the output buffer. A dump prints millions of them. It reports false,
// having written nothing, for any other format (the general loop then
// writes it).
func (p *Printer) textfQuick(format string, a arg) bool {
	k := indexPercent(format)
	if k < 0 || k+1 >= len(format) {
		return false
	}
	rest := format[k+2:]
	switch v := format[k+1]; {
	case v == 's' && a.kind == argString:
	case (v == 'u' || v == 'd') && a.kind != argString:
	default:
		return false
	}
	if indexPercent(rest) >= 0 {
		return false
	}
	o := p.o
	b := append(o.buf, format[:k]...)
	switch a.kind {
	case argString:
		b = append(b, a.s...)
	case argUint:
		b = strconv.AppendUint(b, a.u, 10)
	default:
		b = strconv.AppendInt(b, a.i, 10)
	}
	o.buf = append(b, rest...)
	if len(o.buf) >= outSize {
		o.spill()
	}
	return true
}

// quickVerb finds the one conversion of a plain format: the literal text
// before it (k bytes), its verb and the literal text after it. ok is false
// for any other format (no conversion, two, or a flag, width or '%%').
func quickVerb(format string) (k int, verb byte, rest string, ok bool) {
	k = indexPercent(format)
	if k < 0 || k+1 >= len(format) {
		return 0, 0, "", false
	}
	rest = format[k+2:]
	return k, format[k+1], rest, indexPercent(rest) < 0
}

// appendLiteral appends the literal text of a format, most often nothing
// or one space.
func appendLiteral(b []byte, s string) []byte {
	switch len(s) {
	case 0:
		return b
	case 1:
		return append(b, s[0])
	}
	return append(b, s...)
}

// quickString is textfQuick for the string values of String and
// ColorString, called from them directly.
func (p *Printer) quickString(format, s string) bool {
	k, verb, rest, ok := quickVerb(format)
	if !ok || verb != 's' {
		return false
	}
	o := p.o
	b := appendLiteral(o.buf, format[:k])
	b = append(b, s...)
	o.buf = appendLiteral(b, rest)
	if len(o.buf) >= outSize {
		o.spill()
	}
	return true
}

// quickUint is textfQuick for Uint's values, called from it directly.
func (p *Printer) quickUint(format string, v uint64) bool {
	k, verb, rest, ok := quickVerb(format)
	if !ok || (verb != 'u' && verb != 'd') {
		return false
	}
	o := p.o
	b := appendLiteral(o.buf, format[:k])
	b = strconv.AppendUint(b, v, 10)
	o.buf = appendLiteral(b, rest)
	if len(o.buf) >= outSize {
		o.spill()
	}
	return true
}

// indexPercent is strings.IndexByte(s, '%') for the few bytes of a format,
// where a plain loop beats the call into the vectorized search.
func indexPercent(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] == '%' {
			return i
		}
	}
	return -1
}

// maxWidth bounds a conversion's width and precision. iproute2's formats
// use two digits at most; C's printf would pad "%999999999d" to a gigabyte
// (and fail with EOVERFLOW past INT_MAX). A conversion asking for more is
// written as it stands, like one that ends before its verb, so a mistaken
// format shows instead of exhausting memory.
const maxWidth = 4096

// conv writes the conversion at the start of format ("%-16s", "%#x", …)
// and returns its length; false when format ends before its verb or its
// width or precision is over maxWidth.
func (p *Printer) conv(format string, a arg) (int, bool) {
	w := p.o
	var left, zero, alt, plus, space bool
	j := 1
	for ; j < len(format); j++ {
		switch format[j] {
		case '-':
			left = true
			continue
		case '0':
			zero = true
			continue
		case '#':
			alt = true
			continue
		case '+':
			plus = true
			continue
		case ' ':
			space = true
			continue
		}
		break
	}
	width := 0
	for ; j < len(format) && format[j] >= '0' && format[j] <= '9'; j++ {
		if width = width*10 + int(format[j]-'0'); width > maxWidth {
			return 0, false
		}
	}
	prec := -1
	if j < len(format) && format[j] == '.' {
		prec = 0
		for j++; j < len(format) && format[j] >= '0' && format[j] <= '9'; j++ {
			if prec = prec*10 + int(format[j]-'0'); prec > maxWidth {
				return 0, false
			}
		}
	}
	for j < len(format) && (format[j] == 'l' || format[j] == 'h' || format[j] == 'z' || format[j] == 'j' || format[j] == 't' || format[j] == 'q' || format[j] == 'L') {
		j++
	}
	if j >= len(format) {
		return 0, false
	}
	b := p.scratch[:0]
	if prec >= 0 {
		zero = false // C ignores 0 when a number has a precision
	}
	switch verb := format[j]; verb {
	case 's':
		s := a.s
		switch a.kind {
		case argUint:
			s = strconv.FormatUint(a.u, 10)
		case argInt:
			s = strconv.FormatInt(a.i, 10)
		}
		if prec >= 0 && prec < len(s) {
			s = s[:prec]
		}
		pad(w, s, width, left, false)
		return j + 1, true
	case 'd', 'i', 'u':
		neg := false
		switch a.kind {
		case argUint:
			b = strconv.AppendUint(b, a.u, 10)
		case argInt:
			if a.i < 0 {
				neg = true
				b = strconv.AppendUint(b, uint64(-a.i), 10)
			} else {
				b = strconv.AppendUint(b, uint64(a.i), 10)
			}
		default:
			b = append(b, a.s...)
		}
		b = zeroExtend(b, prec)
		switch {
		case neg:
			b = prepend(b, "-")
		case plus:
			b = prepend(b, "+")
		case space:
			b = prepend(b, " ")
		}
	case 'x', 'X':
		v := a.u
		if a.kind == argInt {
			v = uint64(a.i)
		}
		if a.kind == argString {
			b = append(b, a.s...)
		} else {
			b = strconv.AppendUint(b, v, 16)
			b = zeroExtend(b, prec)
			if verb == 'X' {
				for k := range b {
					if b[k] >= 'a' && b[k] <= 'f' {
						b[k] -= 'a' - 'A'
					}
				}
			}
			if alt && v != 0 {
				if zero && !left {
					b = zeroExtend(b, width-2)
				}
				if verb == 'X' {
					b = prepend(b, "0X")
				} else {
					b = prepend(b, "0x")
				}
			}
		}
	case 'c':
		if a.kind == argString {
			b = append(b, a.s...)
		} else {
			b = append(b, byte(a.u))
		}
	default:
		// Not a verb textf knows: let fmt try, so output is at least visible.
		fmt.Fprintf(w, format[:j+1], a.value())
		return j + 1, true
	}
	padBytes(w, b, width, left, zero && !left)
	return j + 1, true
}

// zeroExtend puts zeros before the digits in b until there are n, in
// place (b is the printer's scratch buffer: no allocation per number).
func zeroExtend(b []byte, n int) []byte {
	if n <= len(b) {
		return b
	}
	k := len(b)
	b = append(b, make([]byte, n-k)...)
	copy(b[n-k:], b[:k])
	for i := range n - k {
		b[i] = '0'
	}
	return b
}

// prepend puts s before the bytes of b, in place.
func prepend(b []byte, s string) []byte {
	k := len(b)
	b = append(b, s...)
	copy(b[len(s):], b[:k])
	copy(b, s)
	return b
}

func (a arg) value() any {
	switch a.kind {
	case argUint:
		return a.u
	case argInt:
		return a.i
	}
	return a.s
}

type byteWriter interface {
	WriteByte(byte) error
	WriteString(string) (int, error)
	Write([]byte) (int, error)
}

const spaces = "                                "

// padding writes n bytes of c.
func padding(w byteWriter, c byte, n int) {
	if c == ' ' {
		for n > len(spaces) {
			w.WriteString(spaces)
			n -= len(spaces)
		}
		if n > 0 {
			w.WriteString(spaces[:n])
		}
		return
	}
	for ; n > 0; n-- {
		w.WriteByte(c)
	}
}

func pad(w byteWriter, s string, width int, left, zero bool) {
	n := width - len(s)
	if !left && n > 0 {
		if zero {
			padding(w, '0', n)
		} else {
			padding(w, ' ', n)
		}
	}
	w.WriteString(s)
	if left && n > 0 {
		padding(w, ' ', n)
	}
}

func padBytes(w byteWriter, b []byte, width int, left, zero bool) {
	n := width - len(b)
	if zero && n > 0 && len(b) > 0 && (b[0] == '-' || b[0] == '+') {
		w.WriteByte(b[0])
		b = b[1:]
	}
	if !left {
		for ; n > 0; n-- {
			if zero {
				w.WriteByte('0')
			} else {
				w.WriteByte(' ')
			}
		}
	}
	w.Write(b)
	for ; n > 0; n-- {
		w.WriteByte(' ')
	}
}
