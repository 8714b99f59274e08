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
	w := p.w
	if p.colors != nil && c != NoColor {
		w.WriteString(p.colors[c])
		defer w.WriteString(colorClear)
	}
	used := false
	for i := 0; i < len(format); i++ {
		ch := format[i]
		if ch != '%' {
			w.WriteByte(ch)
			continue
		}
		j := i + 1
		if j < len(format) && format[j] == '%' {
			w.WriteByte('%')
			i = j
			continue
		}
		var left, zero, alt, plus, space bool
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
			width = width*10 + int(format[j]-'0')
		}
		prec := -1
		if j < len(format) && format[j] == '.' {
			prec = 0
			for j++; j < len(format) && format[j] >= '0' && format[j] <= '9'; j++ {
				prec = prec*10 + int(format[j]-'0')
			}
		}
		for j < len(format) && (format[j] == 'l' || format[j] == 'h' || format[j] == 'z' || format[j] == 'j' || format[j] == 't' || format[j] == 'q' || format[j] == 'L') {
			j++
		}
		if j >= len(format) || used {
			w.WriteString(format[i:])
			return
		}
		used = true
		b := p.scratch[:0]
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
			i = j
			continue
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
			for prec > len(b) {
				b = append([]byte{'0'}, b...)
			}
			switch {
			case neg:
				b = append([]byte{'-'}, b...)
			case plus:
				b = append([]byte{'+'}, b...)
			case space:
				b = append([]byte{' '}, b...)
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
				for prec > len(b) {
					b = append([]byte{'0'}, b...)
				}
				if verb == 'X' {
					for k := range b {
						if b[k] >= 'a' && b[k] <= 'f' {
							b[k] -= 'a' - 'A'
						}
					}
				}
				if alt && v != 0 {
					if zero && !left && width > len(b)+2 {
						for len(b)+2 < width {
							b = append([]byte{'0'}, b...)
						}
					}
					b = append([]byte{'0', byte('x' + verb - 'x')}, b...)
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
			fmt.Fprintf(w, format[i:j+1], a.value())
			i = j
			continue
		}
		padBytes(w, b, width, left, zero && !left)
		i = j
	}
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

func pad(w byteWriter, s string, width int, left, zero bool) {
	n := width - len(s)
	if !left {
		for ; n > 0; n-- {
			if zero {
				w.WriteByte('0')
			} else {
				w.WriteByte(' ')
			}
		}
	}
	w.WriteString(s)
	for ; n > 0; n-- {
		w.WriteByte(' ')
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
