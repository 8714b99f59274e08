package ipmacsec

import (
	"bytes"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/macsec"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// FuzzCommand runs any words after `ip macsec` (split at single blanks,
// so empty words occur) against the recording kernel, in any output mode:
// no panic, only *cmdline.Error, iproute2's statuses, and every request
// one the kernel's attribute layout can carry (a well-formed genl body of
// a configuration command).
func FuzzCommand(f *testing.F) {
	for _, g := range loadGolden(f) {
		line := g.Line
		for strings.HasPrefix(line, "errno=") || strings.HasPrefix(line, "dump=") {
			_, line, _ = strings.Cut(line, " ")
		}
		for strings.HasPrefix(line, "-") {
			_, line, _ = strings.Cut(line, " ")
		}
		f.Add(strings.TrimPrefix(strings.TrimPrefix(line, "macsec"), " "), uint8(0))
	}
	f.Add("show", uint8(0xff))
	dump, err := os.ReadFile(filepath.Join("testdata", "dump-basic.bin"))
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, line string, mode uint8) {
		words := strings.Split(line, " ")
		if line == "" {
			words = nil
		}
		o := cli.Options{JSON: mode&1 != 0, Pretty: mode&2 != 0, Stats: int(mode >> 2 & 1), Oneline: mode&8 != 0}
		var stdout, stderr bytes.Buffer
		env := cli.NewEnv(o, nil, &stdout, &stderr)
		k := &fakeKernel{dump: dump}
		if mode&16 != 0 {
			k.errno = unix.EINVAL
		}
		err := run(env, cmdline.NewArgs(words), func() (Kernel, Devices, func(), error) { return k, devices, func() {}, nil })
		env.P.Flush()
		var ce *cmdline.Error
		if err != nil {
			if !errors.As(err, &ce) {
				t.Fatalf("%q: error %v (%T)", line, err, err)
			}
			switch ce.Code {
			case cmdline.StatusFailed, cmdline.StatusRefused, cmdline.StatusUsage:
			default:
				t.Fatalf("%q: status %d", line, ce.Code)
			}
		}
		for _, r := range k.log {
			f := strings.Fields(r)
			if len(f) != 3 {
				t.Fatalf("%q: log line %q", line, r)
			}
			flags, err1 := strconv.ParseUint(f[1], 0, 16)
			b, err2 := hex.DecodeString(f[2])
			if err1 != nil || err2 != nil || len(b) < 4 {
				t.Fatalf("%q: log line %q", line, r)
			}
			if flags&unix.NLM_F_DUMP != 0 {
				continue
			}
			cmd := b[0]
			if cmd < macsec.CmdAddRXSC || cmd > macsec.CmdUpdOffload || b[1] != macsec.Version {
				t.Fatalf("%q: genl header %x", line, b[:4])
			}
			m := macsec.ParseTable(b[4:], macsec.AttrMax)
			if !m.Has(macsec.AttrIfIndex) || macsec.Uint(m[macsec.AttrIfIndex], 4) == 0 {
				t.Fatalf("%q: request %x without a device", line, b)
			}
		}
	})
}

// FuzzPrint prints any message as ip macsec show would, in every output
// mode and with the device filter on or off: no panic, and an error is
// only the end of the dump or a *cmdline.Error of status 255.
func FuzzPrint(f *testing.F) {
	for _, name := range []string{"basic", "odd", "othercmd", "incomplete", "badlen"} {
		b, err := os.ReadFile(filepath.Join("testdata", "dump-"+name+".bin"))
		if err != nil {
			f.Fatal(err)
		}
		for len(b) >= 4 {
			n := int(binary.NativeEndian.Uint32(b))
			f.Add(b[4:4+n], uint8(4))
			f.Add(b[4:4+n], uint8(5))
			b = b[4+n:]
		}
	}
	f.Fuzz(func(t *testing.T, body []byte, mode uint8) {
		var stdout, stderr bytes.Buffer
		env := cli.NewEnv(cli.Options{JSON: mode&1 != 0, Pretty: mode&2 != 0, Oneline: mode&8 != 0}, nil, &stdout, &stderr)
		pr := &Printer{P: env.P, Name: devices.Name, Stats: int(mode >> 2 & 1), Family: shimFamily, Warnf: env.Warnf}
		if mode&16 != 0 {
			pr.IfIndex = 1
		}
		env.P.Begin()
		err := pr.Print(netlink.Message{Header: netlink.Header{Type: shimFamily}, Data: body})
		env.P.Flush()
		var ce *cmdline.Error
		switch {
		case err == nil, errors.Is(err, errDump), errors.Is(err, errIncomplete):
		case errors.As(err, &ce) && ce.Code == cmdline.StatusUsage:
		default:
			t.Fatalf("%x: error %v", body, err)
		}
	})
}
