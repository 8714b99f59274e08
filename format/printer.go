// Package format is gip's one print path. Every object printer calls the same
// primitives with a JSON key and a text format together, so text, JSON,
// pretty JSON, oneline and color output cannot drift apart.
//
// The JSON writer reproduces iproute2's json_writer byte for byte: values are
// streamed as they are printed, never built as a tree.
package format

import (
	"io"
	"os"
	"strconv"
	"strings"
)

// Target says which output a call prints in.
type Target uint8

const (
	Any  Target = iota // text and JSON
	Text               // text only
	JSON               // JSON only
)

// Color is the attribute a value is colored with under -color.
type Color uint8

// The colors of iproute2's color.h, by what they mark.
const (
	NoColor  Color = iota // plain
	Ifname                // interface names
	MAC                   // link-layer addresses
	Inet                  // IPv4 addresses
	Inet6                 // IPv6 addresses
	OperUp                // the operational state UP
	OperDown              // the operational state DOWN
)

// Options select the output mode.
type Options struct {
	JSON    bool
	Pretty  bool
	Oneline bool
	Color   bool
}

// Printer writes one process's output through one buffered writer.
type Printer struct {
	o       *Output
	json    bool
	pretty  bool
	oneline bool
	colors  *[OperDown + 1]string // nil when color is off

	depth   int
	sep     byte // 0 or ','
	started bool // JSON top-level array opened

	scratch []byte
}

// New returns a Printer writing to w (buffered; call Flush). Given another
// printer's Writer, it shares that printer's buffer.
func New(w io.Writer, o Options) *Printer {
	out, ok := w.(*Output)
	if !ok {
		out = NewOutput(w)
	}
	p := &Printer{o: out, json: o.JSON, pretty: o.Pretty, oneline: o.Oneline, scratch: make([]byte, 0, 64)}
	if o.Color && !o.JSON {
		p.colors = palette()
	}
	return p
}

var (
	lightPalette = [OperDown + 1]string{"", "\x1b[36m", "\x1b[33m", "\x1b[35m", "\x1b[34m", "\x1b[32m", "\x1b[31m"}
	darkPalette  = [OperDown + 1]string{"", "\x1b[1;36m", "\x1b[1;33m", "\x1b[1;35m", "\x1b[1;34m", "\x1b[1;32m", "\x1b[1;31m"}
)

const colorClear = "\x1b[0m"

// palette picks the dark-background colors when COLORFGBG says the background
// is dark, as iproute2 does.
func palette() *[OperDown + 1]string {
	if v := os.Getenv("COLORFGBG"); v != "" {
		if i := strings.LastIndexByte(v, ';'); i >= 0 && len(v) == i+2 {
			if c := v[i+1]; (c >= '0' && c <= '6') || c == '8' {
				return &darkPalette
			}
		}
	}
	return &lightPalette
}

// Writer is the printer's output buffer, for callers that must write raw
// bytes in order with the printer's output.
func (p *Printer) Writer() *Output { return p.o }

// Plain is a printer on the same stream that prints text whatever the
// output options: iproute2 prints some reports (address flush's) with no
// JSON context open, so -json does not change them.
func (p *Printer) Plain() *Printer {
	if !p.json {
		return p
	}
	q := *p
	q.json, q.pretty = false, false
	q.scratch = make([]byte, 0, 64)
	return &q
}

// To is a printer with p's output options writing to w, through a buffer
// of its own (flush it before p's output is to follow).
func (p *Printer) To(w io.Writer) *Printer {
	q := *p
	q.o = NewOutput(w)
	q.scratch = make([]byte, 0, 64)
	return &q
}

// Flush writes out buffered output.
func (p *Printer) Flush() error { return p.o.Flush() }

// IsJSON reports whether output is JSON.
func (p *Printer) IsJSON() bool { return p.json }

// Oneline reports whether -oneline is in force.
func (p *Printer) Oneline() bool { return p.oneline }

// NewlineToken is "\n", or "\" under -oneline (iproute2's _SL_).
func (p *Printer) NewlineToken() string {
	if p.oneline {
		return "\\"
	}
	return "\n"
}

func (p *Printer) inText(t Target) bool { return !p.json && t != JSON }
func (p *Printer) inJSON(t Target) bool { return p.json && t != Text }

// Begin opens the top-level JSON array (new_json_obj); a no-op for text.
func (p *Printer) Begin() {
	if p.json && !p.started {
		p.started = true
		p.startArray()
	}
}

// End closes the top-level JSON array and ends the line (delete_json_obj).
func (p *Printer) End() {
	if p.json && p.started {
		p.started = false
		p.endArray()
		p.o.WriteByte('\n')
		// The next command of a -batch starts a new document.
		p.sep, p.depth = 0, 0
	}
}

// Abandon forgets a top-level JSON array left open, without closing it:
// what is written stays, and the next Begin opens a new one. iproute2's
// commands that fail half-way through a JSON listing leave their writer
// open and the next command of a -batch starts another (so its output
// reads "[[{...}]").
func (p *Printer) Abandon() {
	if p.started {
		p.started = false
		p.sep, p.depth = 0, 0
	}
}

// OpenObject starts a JSON object, named when key is not "" (JSON only).
func (p *Printer) OpenObject(key string) {
	if !p.json {
		return
	}
	if key != "" {
		p.name(key)
	}
	p.begin('{')
}

// CloseObject ends a JSON object (JSON only).
func (p *Printer) CloseObject() {
	if p.json {
		p.end('}')
	}
}

// OpenArray starts a JSON array named key, or prints text in text mode.
func (p *Printer) OpenArray(t Target, key, text string) {
	if p.inJSON(t) {
		if key != "" {
			p.name(key)
		}
		p.startArray()
	} else if p.inText(t) {
		p.o.WriteString(text)
	}
}

// CloseArray ends a JSON array, or prints text in text mode.
func (p *Printer) CloseArray(t Target, text string) {
	if p.inJSON(t) {
		p.endArray()
	} else if p.inText(t) {
		p.o.WriteString(text)
	}
}

// NL prints the line break between a record's lines (print_nl): "\n", or
// "\" under -oneline; nothing in JSON.
func (p *Printer) NL() {
	if !p.json {
		p.o.WriteString(p.NewlineToken())
	}
}

// Text prints s in text mode only.
func (p *Printer) Text(s string) {
	if !p.json {
		p.o.WriteString(s)
	}
}

// String prints a string value.
func (p *Printer) String(t Target, key, format, v string) {
	p.ColorString(t, NoColor, key, format, v)
}

// ColorString prints a string value, colored under -color.
func (p *Printer) ColorString(t Target, c Color, key, format, v string) {
	if p.inJSON(t) {
		if key != "" {
			p.name(key)
		}
		p.eor()
		p.quote(v)
	} else if p.inText(t) && !((c == NoColor || p.colors == nil) && p.quickString(format, v)) {
		p.textf(c, format, arg{kind: argString, s: v})
	}
}

// Uint prints an unsigned number.
func (p *Printer) Uint(t Target, key, format string, v uint64) {
	if p.inJSON(t) {
		if key != "" {
			p.name(key)
		}
		p.eor()
		p.o.Write(strconv.AppendUint(p.scratch[:0], v, 10))
	} else if p.inText(t) && !p.quickUint(format, v) {
		p.textf(NoColor, format, arg{kind: argUint, u: v})
	}
}

// UintEmptyKey is Uint for a JSON member whose name is empty: iproute2
// passes "" (not NULL) as the key in places, and its json_writer then
// writes the member `"": value` where Uint would write a bare value.
func (p *Printer) UintEmptyKey(t Target, format string, v uint64) {
	if p.inJSON(t) {
		p.name("")
		p.eor()
		p.o.Write(strconv.AppendUint(p.scratch[:0], v, 10))
	} else if p.inText(t) {
		p.textf(NoColor, format, arg{kind: argUint, u: v})
	}
}

// Int prints a signed number.
func (p *Printer) Int(t Target, key, format string, v int64) {
	if p.inJSON(t) {
		if key != "" {
			p.name(key)
		}
		p.eor()
		p.o.Write(strconv.AppendInt(p.scratch[:0], v, 10))
	} else if p.inText(t) {
		p.textf(NoColor, format, arg{kind: argInt, i: int64(v)})
	}
}

// Hex prints a number in hex: a "%x" string in JSON, format in text.
func (p *Printer) Hex(t Target, key, format string, v uint64) {
	if p.inJSON(t) {
		if key != "" {
			p.name(key)
		}
		p.eor()
		// Hex digits need no escaping: quoted as they are, from the
		// scratch buffer.
		p.o.WriteByte('"')
		p.o.Write(strconv.AppendUint(p.scratch[:0], v, 16))
		p.o.WriteByte('"')
	} else if p.inText(t) {
		p.textf(NoColor, format, arg{kind: argUint, u: v})
	}
}

// Bool prints a JSON boolean; in text the format is printed with "true" or
// "false" as its argument (most formats have no verb and print as they are).
func (p *Printer) Bool(t Target, key, format string, v bool) {
	if p.inJSON(t) {
		if key != "" {
			p.name(key)
		}
		p.eor()
		if v {
			p.o.WriteString("true")
		} else {
			p.o.WriteString("false")
		}
	} else if p.inText(t) {
		s := "false"
		if v {
			s = "true"
		}
		p.textf(NoColor, format, arg{kind: argString, s: s})
	}
}

// OnOff prints a JSON boolean, or format with "on"/"off" in text.
func (p *Printer) OnOff(t Target, key, format string, v bool) {
	if p.inJSON(t) {
		p.Bool(t, key, "", v)
	} else if p.inText(t) {
		s := "off"
		if v {
			s = "on"
		}
		p.textf(NoColor, format, arg{kind: argString, s: s})
	}
}

// Null prints JSON null, or format with v in text.
func (p *Printer) Null(t Target, key, format, v string) {
	if p.inJSON(t) {
		if key != "" {
			p.name(key)
		}
		p.eor()
		p.o.WriteString("null")
	} else if p.inText(t) {
		p.textf(NoColor, format, arg{kind: argString, s: v})
	}
}

// Raw prints v as it is as a JSON value (a number already formatted, say),
// or format with v in text.
func (p *Printer) Raw(t Target, key, format, v string) {
	if p.inJSON(t) {
		if key != "" {
			p.name(key)
		}
		p.eor()
		p.o.WriteString(v)
	} else if p.inText(t) {
		p.textf(NoColor, format, arg{kind: argString, s: v})
	}
}

// --- the JSON writer (iproute2's json_writer state machine) ---

func (p *Printer) indent() {
	for i := 0; i < p.depth; i++ {
		p.o.WriteString("    ")
	}
}

func (p *Printer) eol() {
	if p.pretty {
		p.o.WriteByte('\n')
		p.indent()
	}
}

func (p *Printer) eor() {
	if p.sep != 0 {
		p.o.WriteByte(p.sep)
	}
	p.sep = ','
}

func (p *Printer) begin(c byte) {
	p.eor()
	p.o.WriteByte(c)
	p.depth++
	p.sep = 0
}

func (p *Printer) end(c byte) {
	if p.depth > 0 {
		p.depth--
	}
	if p.sep != 0 {
		p.eol()
	}
	p.o.WriteByte(c)
	p.sep = ','
}

func (p *Printer) startArray() {
	p.begin('[')
	if p.pretty {
		p.o.WriteByte(' ')
	}
}

func (p *Printer) endArray() {
	if p.pretty && p.sep != 0 {
		p.o.WriteByte(' ')
	}
	p.sep = 0
	p.end(']')
}

func (p *Printer) name(key string) {
	p.eor()
	p.eol()
	p.sep = 0
	p.quote(key)
	p.o.WriteByte(':')
	if p.pretty {
		p.o.WriteByte(' ')
	}
}

func (p *Printer) quote(s string) {
	w := p.o
	w.WriteByte('"')
	start := 0
	for i := 0; i < len(s); i++ {
		var esc string
		switch s[i] {
		case '\t':
			esc = `\t`
		case '\n':
			esc = `\n`
		case '\r':
			esc = `\r`
		case '\f':
			esc = `\f`
		case '\b':
			esc = `\b`
		case '\\':
			esc = `\\`
		case '"':
			esc = `\"`
		default:
			continue
		}
		w.WriteString(s[start:i])
		w.WriteString(esc)
		start = i + 1
	}
	w.WriteString(s[start:])
	w.WriteByte('"')
}
