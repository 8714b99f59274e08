// Package ipsr is `ip sr`: SRv6's tunnel source address and HMAC keys,
// over generic netlink.
package ipsr

import (
	"errors"
	"io"
	"os"

	"github.com/gipnet/gip/format"
	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/internal/cnum"
	"github.com/gipnet/gip/internal/usage"
	"github.com/gipnet/gip/route"
	"github.com/gipnet/gip/rtnl"
	"github.com/gipnet/gip/seg6"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// hmacPrompt is what iproute2 asks the secret with.
const hmacPrompt = "Enter secret for HMAC key ID (blank to delete): "

// Run is `ip sr`. The words are read first; the family is looked up only
// when the command is complete, as in iproute2.
func Run(env *cli.Env, args *cmdline.Args) error {
	if !args.More() || cmdline.Matches(args.Peek(), "help") {
		env.P.Flush()
		usage.Sr(env.Stderr)
		return cmdline.Usage()
	}
	w := args.Next()
	var cmd uint8
	var body []byte
	switch {
	case cmdline.Matches(w, "hmac"):
		v, err := args.Value()
		if err != nil {
			return err
		}
		switch {
		case cmdline.Matches(v, "show"):
			cmd, body = seg6.CmdDumpHMAC, seg6.DumpHMACRequest()
		case cmdline.Matches(v, "set"):
			k, err := ParseHMAC(args)
			if err != nil {
				return err
			}
			k.Secret = getpass(env)
			cmd, body = seg6.CmdSetHMAC, seg6.HMACRequest(k)
		default:
			return cmdline.InvalidArg("unknown", v)
		}
	case cmdline.Matches(w, "tunsrc"):
		v, err := args.Value()
		if err != nil {
			return err
		}
		switch {
		case cmdline.Matches(v, "show"):
			cmd, body = seg6.CmdGetTunsrc, seg6.GetTunsrcRequest()
		case cmdline.Matches(v, "set"):
			a, err := args.Value()
			if err != nil {
				return err
			}
			p, err := cnum.GetAddr(a, unix.AF_INET6)
			if err != nil {
				return err
			}
			cmd, body = seg6.CmdSetTunsrc, seg6.TunsrcRequest(p.Data)
		default:
			return cmdline.InvalidArg("unknown", v)
		}
	default:
		return cmdline.InvalidArg("unknown", w)
	}
	return do(env, cmd, body)
}

// ParseHMAC reads hmac set's `KEYID ALGO` (the secret is asked for
// afterwards).
func ParseHMAC(args *cmdline.Args) (seg6.HMACKey, error) {
	var k seg6.HMACKey
	v, err := args.Value()
	if err != nil {
		return k, err
	}
	id, ok := cnum.Uint32(v, 0)
	if !ok || id == 0 {
		return k, cmdline.InvalidArg("hmac KEYID value is invalid", v)
	}
	k.ID = id
	v, err = args.Value()
	if err != nil {
		return k, err
	}
	switch v {
	case "sha1":
		k.Alg = seg6.AlgSHA1
	case "sha256":
		k.Alg = seg6.AlgSHA256
	default:
		return k, cmdline.InvalidArg("hmac ALGO value is invalid", v)
	}
	return k, nil
}

// getpass is the C library's getpass: the prompt and the secret on the
// controlling terminal with echo off, or, without one, the prompt on
// stderr and a line of stdin. The line's newline is dropped.
func getpass(env *cli.Env) []byte {
	env.P.Flush()
	var in io.Reader = env.Stdin
	out := env.Stderr
	tty, err := os.OpenFile("/dev/tty", os.O_RDWR, 0)
	if err == nil {
		defer tty.Close()
		in, out = tty, tty
		if t, err := unix.IoctlGetTermios(int(tty.Fd()), unix.TCGETS); err == nil {
			saved := *t
			t.Lflag &^= unix.ECHO | unix.ISIG
			if unix.IoctlSetTermios(int(tty.Fd()), unix.TCSETSF, t) == nil {
				defer func() {
					unix.IoctlSetTermios(int(tty.Fd()), unix.TCSETSF, &saved)
					tty.WriteString("\n")
				}()
			}
		}
	}
	io.WriteString(out, hmacPrompt)
	var line []byte
	if in == nil {
		return line
	}
	var b [1]byte
	for {
		n, err := in.Read(b[:])
		if n == 1 {
			if b[0] == '\n' {
				break
			}
			line = append(line, b[0])
		}
		if err != nil {
			break
		}
	}
	return line
}

// do looks the family up and sends the command.
func do(env *cli.Env, cmd uint8, body []byte) error {
	c, fam, err := env.GenlFamily(seg6.FamilyName)
	if err != nil {
		return err
	}
	typ := netlink.HeaderType(fam.ID)
	pr := &Printer{P: env.P, Family: fam.ID, Warn: env.Warnf}
	switch cmd {
	case seg6.CmdGetTunsrc:
		m, err := c.Query(typ, 0, body)
		if err != nil {
			return refusal(cmdline.StatusRefused, err)
		}
		env.P.Begin()
		if err := pr.Print(m); err != nil {
			env.P.Abandon()
			return cmdline.Fatal(cmdline.StatusFailed, "Error parsing reply")
		}
		env.P.End()
		return nil
	case seg6.CmdDumpHMAC:
		env.P.Begin()
		if err := c.Dump(typ, body, pr.Print); err != nil {
			// ip exits here, with the JSON array left open.
			env.P.Abandon()
			var re *rtnl.Error
			if errors.As(err, &re) {
				return cmdline.Fatal(cmdline.StatusFailed, "%s\nDump terminated", re.Error())
			}
			return cmdline.Fatal(cmdline.StatusFailed, "Dump terminated")
		}
		env.P.End()
		return nil
	}
	if err := c.Exec(typ, 0, body); err != nil {
		return refusal(cmdline.StatusFailed, err)
	}
	return nil
}

func refusal(code int, err error) error {
	var re *rtnl.Error
	if errors.As(err, &re) {
		return cmdline.Exit(code, "%s", re.Error())
	}
	return cmdline.Exit(code, "%s", rtnl.ErrnoText(err))
}

// Printer prints SEG6 messages as iproute2 6.1's ip sr does: the tunnel
// source and the HMAC keys.
type Printer struct {
	P *format.Printer
	// Family is the family id; a message of another type is an error.
	Family uint16
	// Warn, when set, gets the warning about a secret cut at 63 bytes.
	Warn func(format string, args ...any)
}

var errBad = errors.New("bad seg6 message")

// Print is process_msg: one answer of tunsrc show or hmac show.
func (pr *Printer) Print(reply netlink.Message) error {
	if uint16(reply.Header.Type) != pr.Family {
		return errBad
	}
	m, ok := seg6.Parse(reply.Data)
	if !ok {
		return errBad
	}
	p := pr.P
	p.OpenObject("")
	switch m.Cmd {
	case seg6.CmdDumpHMAC:
		k, truncated := m.HMAC()
		if truncated && pr.Warn != nil {
			pr.Warn("HMAC secret length %d > 63, truncated\n", secretLen(&m))
		}
		secret := k.Secret
		for i, c := range secret {
			if c == 0 {
				secret = secret[:i]
				break
			}
		}
		p.Uint(format.Any, "hmac", "hmac %u ", uint64(k.ID))
		p.String(format.Any, "algo", "algo %s ", seg6.AlgName(k.Alg))
		p.String(format.Any, "secret", "secret \"%s\"\n", string(secret))
	case seg6.CmdGetTunsrc:
		a := m.Tunsrc()
		p.String(format.Any, "tunsrc", "tunsrc addr %s\n", route.HostText(false, unix.AF_INET6, a[:]))
	}
	p.CloseObject()
	return nil
}

func secretLen(m *seg6.Message) uint8 {
	if d := m.Attrs[seg6.AttrSecretLen]; len(d) > 0 {
		return d[0]
	}
	return 0
}
