// Command capture runs iproute2's ip macsec through the genlshim
// (../shim) on every line of ../lines.txt and writes what ip sent to the
// macsec family and what it printed to ../golden.json; it first writes
// the canned dumps ../dump-*.bin that `dump=NAME` lines are answered
// with. Run it as root inside a scratch namespace (see ../shim/README.md).
package main

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// Case is one line's capture.
type Case struct {
	Line     string   `json:"line"`
	Errno    string   `json:"errno,omitempty"`
	Dump     string   `json:"dump,omitempty"`
	Exit     int      `json:"exit"`
	Stdout   string   `json:"stdout"`
	Stderr   string   `json:"stderr"`
	Requests []string `json:"requests"`
}

func main() {
	dir := os.Args[1] // the testdata directory
	shim := os.Args[2]
	for name, msgs := range dumps() {
		var b []byte
		for _, m := range msgs {
			b = binary.NativeEndian.AppendUint32(b, uint32(len(m)))
			b = append(b, m...)
		}
		must(os.WriteFile(filepath.Join(dir, "dump-"+name+".bin"), b, 0o644))
	}
	f, err := os.Open(filepath.Join(dir, "lines.txt"))
	must(err)
	var cases []Case
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cases = append(cases, run(dir, shim, line))
	}
	out, err := json.MarshalIndent(cases, "", "\t")
	must(err)
	must(os.WriteFile(filepath.Join(dir, "golden.json"), append(out, '\n'), 0o644))
}

// Words splits a line at single blanks; ” is an empty word.
func Words(s string) []string {
	w := strings.Split(s, " ")
	for i := range w {
		if w[i] == "''" {
			w[i] = ""
		}
	}
	return w
}

func run(dir, shim, line string) Case {
	c := Case{Line: line}
	words := Words(line)
	for len(words) > 0 {
		if v, ok := strings.CutPrefix(words[0], "errno="); ok {
			c.Errno = v
		} else if v, ok := strings.CutPrefix(words[0], "dump="); ok {
			c.Dump = v
		} else {
			break
		}
		words = words[1:]
	}
	log := filepath.Join(os.TempDir(), "macsec-capture.log")
	os.Remove(log)
	cmd := exec.Command("/usr/sbin/ip", words...)
	cmd.Env = []string{"LD_PRELOAD=" + shim, "SHIM_LOG=" + log, "PATH=/usr/sbin:/usr/bin"}
	if c.Errno != "" {
		cmd.Env = append(cmd.Env, "SHIM_ERRNO="+c.Errno)
	}
	if c.Dump != "" {
		cmd.Env = append(cmd.Env, "SHIM_DUMP="+filepath.Join(dir, "dump-"+c.Dump+".bin"))
	}
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	if ee, ok := err.(*exec.ExitError); ok {
		c.Exit = ee.ExitCode()
	} else {
		must(err)
	}
	c.Stdout, c.Stderr = stdout.String(), stderr.String()
	c.Requests = []string{}
	if b, err := os.ReadFile(log); err == nil {
		for _, l := range strings.Split(strings.TrimSpace(string(b)), "\n") {
			if l != "" {
				c.Requests = append(c.Requests, l)
			}
		}
	}
	return c
}

func must(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

// --- canned dumps, laid out as the kernel's macsec dump_secy does on
// x86_64 (64-bit values without pad attributes) ---

type enc struct{ b []byte }

func (e *enc) attr(t uint16, v []byte) {
	e.b = binary.NativeEndian.AppendUint16(e.b, uint16(4+len(v)))
	e.b = binary.NativeEndian.AppendUint16(e.b, t)
	e.b = append(e.b, v...)
	for len(e.b)%4 != 0 {
		e.b = append(e.b, 0)
	}
}
func (e *enc) u8(t uint16, v uint8)   { e.attr(t, []byte{v}) }
func (e *enc) u32(t uint16, v uint32) { e.attr(t, binary.NativeEndian.AppendUint32(nil, v)) }
func (e *enc) u64(t uint16, v uint64) { e.attr(t, binary.NativeEndian.AppendUint64(nil, v)) }
func (e *enc) be64(t uint16, v uint64) {
	e.attr(t, binary.BigEndian.AppendUint64(nil, v))
}
func (e *enc) nest(t uint16, f func(*enc)) {
	var n enc
	f(&n)
	e.attr(t, n.b)
}

type sa struct {
	an     uint8
	active uint8
	pn     uint64
	keyid  byte
	ssci   uint32
	stats  []uint32
}

type rxsc struct {
	sci    uint64
	active uint8
	stats  []uint64
	sas    []sa
}

type secy struct {
	ifindex                                 uint32
	sci, cipher                             uint64
	icv, oper, protect, replay, validate    uint8
	encrypt, incSCI, es, scb, encodingSA    uint8
	window                                  uint32
	offload                                 uint8
	txscStats, secyStats                    []uint64
	txsa                                    []sa
	rxsc                                    []rxsc
	xpn                                     bool
	noSecyStats, badStatLen, cmd, noOffload bool
	command                                 uint8
}

func putSA(e *enc, s sa, xpn bool, rx bool) {
	e.nest(6, func(e *enc) { // MACSEC_SA_ATTR_STATS
		for i, v := range s.stats {
			t := uint16(i + 1)
			if !rx {
				t += 5
			}
			e.u32(t, v)
		}
	})
	e.u8(1, s.an)
	if xpn {
		e.u64(3, s.pn)
	} else {
		e.u32(3, uint32(s.pn))
	}
	id := make([]byte, 16)
	for i := range id {
		id[i] = s.keyid + byte(i)
	}
	e.attr(5, id)
	if xpn {
		e.attr(8, binary.BigEndian.AppendUint32(nil, s.ssci))
	}
	e.u8(2, s.active)
}

func (s secy) msg() []byte {
	e := &enc{b: []byte{s.command, 1, 0, 0}}
	e.u32(1, s.ifindex)
	if !s.noOffload {
		e.nest(9, func(e *enc) { e.u8(1, s.offload) })
	}
	e.nest(4, func(e *enc) {
		e.be64(1, s.sci)
		e.u64(4, s.cipher)
		e.u8(5, s.icv)
		e.u8(8, s.oper)
		e.u8(6, s.protect)
		e.u8(7, s.replay)
		e.u8(9, s.validate)
		e.u8(10, s.encrypt)
		e.u8(11, s.incSCI)
		e.u8(12, s.es)
		e.u8(13, s.scb)
		e.u8(2, s.encodingSA)
		if s.replay != 0 {
			e.u32(3, s.window)
		}
	})
	e.nest(7, func(e *enc) {
		for i, v := range s.txscStats {
			if s.badStatLen && i == 1 {
				e.attr(uint16(i+1), []byte{1, 2, 3})
				continue
			}
			e.u64(uint16(i+1), v)
		}
	})
	if !s.noSecyStats {
		e.nest(8, func(e *enc) {
			for i, v := range s.secyStats {
				e.u64(uint16(i+1), v)
			}
		})
	}
	e.nest(5, func(e *enc) {
		for i, t := range s.txsa {
			e.nest(uint16(i+1), func(e *enc) { putSA(e, t, s.xpn, false) })
		}
	})
	e.nest(6, func(e *enc) {
		for i, r := range s.rxsc {
			e.nest(uint16(i+1), func(e *enc) {
				e.u8(2, r.active)
				e.be64(1, r.sci)
				e.nest(4, func(e *enc) {
					for j, v := range r.stats {
						e.u64(uint16(j+1), v)
					}
				})
				e.nest(3, func(e *enc) {
					for j, a := range r.sas {
						e.nest(uint16(j+1), func(e *enc) { putSA(e, a, s.xpn, true) })
					}
				})
			})
		}
	})
	return e.b
}

func seq(n int, base uint64) []uint64 {
	v := make([]uint64, n)
	for i := range v {
		v[i] = base + uint64(i)
	}
	return v
}

func seq32(n int, base uint32) []uint32 {
	v := make([]uint32, n)
	for i := range v {
		v[i] = base + uint32(i)
	}
	return v
}

func dumps() map[string][][]byte {
	plain := secy{
		ifindex: 1, sci: 0x0200000000010001, cipher: 0x0080C20001000001,
		icv: 16, oper: 1, protect: 1, replay: 1, validate: 2, encrypt: 1,
		incSCI: 1, encodingSA: 2, window: 32, offload: 0,
		txscStats: seq(4, 100), secyStats: seq(8, 200),
		txsa: []sa{
			{an: 0, active: 1, pn: 1, keyid: 0x10, stats: seq32(7, 0)},
			{an: 2, active: 0, pn: 4000000000, keyid: 0xa0, stats: seq32(7, 20)},
		},
		rxsc: []rxsc{{
			sci: 0x0200000000020001, active: 1, stats: seq(10, 300),
			sas: []sa{{an: 1, active: 1, pn: 77, keyid: 0x30, stats: seq32(5, 400)}},
		}, {
			sci: 0x0200000000030002, active: 0, stats: seq(10, 500),
		}},
	}
	xpn := secy{
		ifindex: 7, sci: 0xfedcba9876543210, cipher: 0x0080C20001000004,
		icv: 8, oper: 0, protect: 0, replay: 0, validate: 0, encrypt: 0,
		incSCI: 0, es: 1, scb: 1, encodingSA: 0, offload: 2, xpn: true,
		txscStats: seq(4, 1<<40), secyStats: seq(8, 7),
		txsa: []sa{{an: 3, active: 1, pn: 0x123456789a, keyid: 0, ssci: 0x01020304, stats: seq32(7, 9)}},
		rxsc: []rxsc{{
			sci: 0x1, active: 1, stats: seq(10, 0),
			sas: []sa{{an: 0, active: 0, pn: 5, keyid: 0xf0, ssci: 0xdeadbeef, stats: seq32(5, 1)}},
		}},
	}
	odd := secy{
		ifindex: 3, sci: 0, cipher: 0x0080020001000001, icv: 12, validate: 7,
		encodingSA: 1, offload: 9, txscStats: seq(3, 1), secyStats: seq(6, 1),
		rxsc: []rxsc{},
	}
	odd2 := odd
	odd2.cipher, odd2.ifindex, odd2.noOffload = 0x1234, 4, true
	other := plain
	other.command = 1
	incomplete := plain
	incomplete.noSecyStats = true
	bad := plain
	bad.badStatLen = true
	return map[string][][]byte{
		"basic":      {plain.msg(), xpn.msg()},
		"odd":        {odd.msg(), odd2.msg()},
		"empty":      {},
		"othercmd":   {other.msg(), xpn.msg()},
		"incomplete": {xpn.msg(), incomplete.msg(), plain.msg()},
		"badlen":     {bad.msg()},
	}
}
