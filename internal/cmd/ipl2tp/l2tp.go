// Package ipl2tp is `ip l2tp`: L2TPv3 tunnels and sessions over generic
// netlink.
package ipl2tp

import (
	"errors"
	"strings"

	"github.com/gipnet/gip/format"
	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/internal/cnum"
	"github.com/gipnet/gip/internal/usage"
	"github.com/gipnet/gip/l2tp"
	"github.com/gipnet/gip/route"
	"github.com/gipnet/gip/rtnl"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// Run is `ip l2tp`. As in iproute2 the family is looked up before any word
// but help is read.
func Run(env *cli.Env, args *cmdline.Args) error {
	if !args.More() || cmdline.Matches(args.Peek(), "help") {
		return printUsage(env)
	}
	c, fam, err := env.GenlFamily(l2tp.FamilyName)
	if err != nil {
		return err
	}
	r := &run{env: env, c: c, typ: netlink.HeaderType(fam.ID)}
	w := args.Next()
	switch {
	case cmdline.Matches(w, "add"):
		return r.add(args)
	case cmdline.Matches(w, "delete"):
		return r.del(args)
	case cmdline.Matches(w, "show"), cmdline.Matches(w, "lst"), cmdline.Matches(w, "list"):
		return r.show(args)
	}
	return cmdline.Fatal(cmdline.StatusUsage, "Command \"%s\" is unknown, try \"ip l2tp help\".", w)
}

func printUsage(env *cli.Env) error {
	env.P.Flush()
	usage.L2tp(env.Stderr)
	return cmdline.Usage()
}

type run struct {
	env *cli.Env
	c   interface {
		Exec(netlink.HeaderType, netlink.HeaderFlags, []byte) error
		Dump(netlink.HeaderType, []byte, func(netlink.Message) error) error
	}
	typ netlink.HeaderType
}

// Words are what parse_args read: the settings and which objects.
type Words struct {
	l2tp.Params
	Tunnel, Session bool
}

var errUsage = errors.New("usage")

// ParseArgs reads ip l2tp's words as parse_args does: every keyword
// whole, an unknown word or `help` is the usage text (errUsage, after
// warn's line for an unknown word).
func ParseArgs(args *cmdline.Args, warn func(string, ...any)) (Words, error) {
	w := Words{Params: l2tp.Params{L2SpecType: l2tp.L2SpecDefault, L2SpecLen: 4, UDP6CsumRX: true, UDP6CsumTX: true}}
	p := &w.Params
	if !args.More() {
		return w, errUsage
	}
	u32 := func(dst *uint32) error {
		v, err := args.Value()
		if err != nil {
			return err
		}
		n, ok := cnum.Uint32(v, 0)
		if !ok {
			return cmdline.InvalidArg("invalid ID\n", v)
		}
		*dst = n
		return nil
	}
	u16 := func(dst *uint16) error {
		v, err := args.Value()
		if err != nil {
			return err
		}
		n, ok := cnum.Uint(v, 0, 0xffff)
		if !ok {
			return cmdline.InvalidArg("invalid port\n", v)
		}
		*dst = uint16(n)
		return nil
	}
	onOff := func(dst *bool, what string) error {
		v, err := args.Value()
		if err != nil {
			return err
		}
		switch v {
		case "on":
			*dst = true
		case "off":
			*dst = false
		default:
			return cmdline.InvalidArg("invalid option for "+what+"\n", v)
		}
		return nil
	}
	cookie := func(dst *[]byte) error {
		v, err := args.Value()
		if err != nil {
			return err
		}
		if len(v) != 8 && len(v) != 16 {
			return cmdline.InvalidArg("cookie must be either 8 or 16 hex digits\n", v)
		}
		b := make([]byte, len(v)/2)
		for i := range b {
			hi, lo := hexDigit(v[2*i]), hexDigit(v[2*i+1])
			if hi < 0 || lo < 0 {
				return cmdline.InvalidArg("cookie must be a hex string\n", v)
			}
			b[i] = byte(hi<<4 | lo)
		}
		*dst = b
		return nil
	}
	addr := func(family *int, dst *[]byte) error {
		v, err := args.Value()
		if err != nil {
			return err
		}
		a, err := cnum.GetAddr(v, unix.AF_UNSPEC)
		if err != nil {
			return err
		}
		*family, *dst = a.Family, append([]byte{}, a.Bytes()...)
		return nil
	}
	var err error
	for args.More() {
		word := args.Next()
		switch word {
		case "encap":
			v, err := args.Value()
			if err != nil {
				return w, err
			}
			switch v {
			case "ip":
				p.Encap = l2tp.EncapIP
			case "udp":
				p.Encap = l2tp.EncapUDP
			default:
				return w, cmdline.Fatal(cmdline.StatusUsage, "Unknown tunnel encapsulation \"%s\"", v)
			}
		case "name":
			v, err := args.Value()
			if err != nil {
				return w, err
			}
			if !validIfname(v) {
				return w, cmdline.InvalidArg("\"name\" not a valid ifname", v)
			}
			p.IfName, p.HasIfName = v, true
		case "remote":
			err = addr(&p.PeerFamily, &p.Peer)
		case "local":
			err = addr(&p.LocalFamily, &p.Local)
		case "tunnel_id", "tid":
			err = u32(&p.TunnelID)
		case "peer_tunnel_id", "ptid":
			err = u32(&p.PeerTunnelID)
		case "session_id", "sid":
			err = u32(&p.SessionID)
		case "peer_session_id", "psid":
			err = u32(&p.PeerSessionID)
		case "udp_sport":
			err = u16(&p.LocalUDPPort)
		case "udp_dport":
			err = u16(&p.PeerUDPPort)
		case "udp_csum":
			err = onOff(&p.UDPCsum, "udp_csum")
		case "udp6_csum_rx":
			err = onOff(&p.UDP6CsumRX, "udp6_csum_rx")
		case "udp6_csum_tx":
			err = onOff(&p.UDP6CsumTX, "udp6_csum_tx")
		case "offset", "peer_offset":
			warn("Ignoring option \"%s\"\n", word)
			_, err = args.Value()
		case "cookie":
			err = cookie(&p.Cookie)
		case "peer_cookie":
			err = cookie(&p.PeerCookie)
		case "l2spec_type":
			v, err := args.Value()
			if err != nil {
				return w, err
			}
			switch {
			case strings.EqualFold(v, "default"):
				p.L2SpecType, p.L2SpecLen = l2tp.L2SpecDefault, 4
			case strings.EqualFold(v, "none"):
				p.L2SpecType, p.L2SpecLen = l2tp.L2SpecNone, 0
			default:
				return w, cmdline.Fatal(cmdline.StatusUsage, "Unknown layer2specific header type \"%s\"", v)
			}
		case "seq":
			v, err := args.Value()
			if err != nil {
				return w, err
			}
			switch {
			case strings.EqualFold(v, "both"):
				p.RecvSeq, p.SendSeq = true, true
			case strings.EqualFold(v, "recv"):
				p.RecvSeq = true
			case strings.EqualFold(v, "send"):
				p.SendSeq = true
			case strings.EqualFold(v, "none"):
				p.RecvSeq, p.SendSeq = false, false
			default:
				return w, cmdline.Fatal(cmdline.StatusUsage, "Unknown seq value \"%s\"", v)
			}
		case "tunnel":
			w.Tunnel = true
		case "session":
			w.Session = true
		default:
			if !cmdline.Matches(word, "help") {
				warn("Unknown command: %s\n", word)
			}
			return w, errUsage
		}
		if err != nil {
			return w, err
		}
	}
	return w, nil
}

func hexDigit(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

// validIfname is iproute2's check_ifname: 1 to 15 bytes, no '/', no space.
func validIfname(s string) bool {
	if s == "" || len(s) >= unix.IFNAMSIZ {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] == '/' || cnum.IsSpace(s[i]) {
			return false
		}
	}
	return true
}

// missing is iproute2's missarg.
func missing(what string) error {
	return cmdline.Fatal(cmdline.StatusUsage, "Error: argument \"%s\" is required", what)
}

func (r *run) parse(args *cmdline.Args) (Words, error) {
	w, err := ParseArgs(args, r.env.Warnf)
	if errors.Is(err, errUsage) {
		return w, printUsage(r.env)
	}
	return w, err
}

func (r *run) exec(body []byte) error {
	if err := r.c.Exec(r.typ, 0, body); err != nil {
		var re *rtnl.Error
		if errors.As(err, &re) {
			return cmdline.Exit(cmdline.StatusRefused, "%s", re.Error())
		}
		return cmdline.Exit(cmdline.StatusRefused, "%s", rtnl.ErrnoText(err))
	}
	return nil
}

// AddRequests checks add's words as do_add does and returns the requests
// it sends: the tunnel's, then the session's.
func AddRequests(w Words) ([][]byte, error) {
	p := w.Params
	switch {
	case !w.Tunnel && !w.Session:
		return nil, missing("tunnel or session")
	case p.TunnelID == 0:
		return nil, missing("tunnel_id")
	case w.Session && p.PeerSessionID == 0:
		return nil, missing("peer_session_id")
	case w.Session && p.SessionID == 0:
		return nil, missing("session_id")
	case w.Tunnel && p.PeerTunnelID == 0:
		return nil, missing("peer_tunnel_id")
	}
	var reqs [][]byte
	if w.Tunnel {
		switch {
		case p.LocalFamily == unix.AF_UNSPEC:
			return nil, missing("local")
		case p.PeerFamily == unix.AF_UNSPEC:
			return nil, missing("remote")
		case p.Encap == l2tp.EncapUDP && p.LocalUDPPort == 0:
			return nil, missing("udp_sport")
		case p.Encap == l2tp.EncapUDP && p.PeerUDPPort == 0:
			return nil, missing("udp_dport")
		}
		reqs = append(reqs, l2tp.TunnelCreateRequest(p))
	}
	if w.Session {
		p.PWType = l2tp.PWTypeEth
		reqs = append(reqs, l2tp.SessionCreateRequest(p))
	}
	return reqs, nil
}

// add is do_add: a failed tunnel does not stop the session, and the last
// request's result is the command's.
func (r *run) add(args *cmdline.Args) error {
	w, err := r.parse(args)
	if err != nil {
		return err
	}
	reqs, err := AddRequests(w)
	if err != nil {
		return err
	}
	for _, req := range reqs {
		if err = r.exec(req); err != nil {
			r.env.Warnf("%s\n", err.(*cmdline.Error).Msg)
			err = cmdline.Silent(cmdline.StatusRefused)
		}
	}
	return err
}

// DelRequest checks del's words as do_del does and returns its request.
func DelRequest(w Words) ([]byte, error) {
	switch {
	case !w.Tunnel && !w.Session:
		return nil, missing("tunnel or session")
	case w.Tunnel && w.TunnelID == 0:
		return nil, missing("tunnel_id")
	case w.Session && w.SessionID == 0:
		return nil, missing("session_id")
	}
	if w.SessionID != 0 {
		return l2tp.SessionDeleteRequest(w.TunnelID, w.SessionID), nil
	}
	return l2tp.TunnelDeleteRequest(w.TunnelID), nil
}

func (r *run) del(args *cmdline.Args) error {
	w, err := r.parse(args)
	if err != nil {
		return err
	}
	req, err := DelRequest(w)
	if err != nil {
		return err
	}
	return r.exec(req)
}

// show is do_show: the sessions or tunnels, decoded onto the words' own
// settings one message after the other, as iproute2 does.
func (r *run) show(args *cmdline.Args) error {
	w, err := r.parse(args)
	if err != nil {
		return err
	}
	if !w.Tunnel && !w.Session {
		return missing("tunnel or session")
	}
	env := r.env
	pr := &Printer{P: env.P, Params: w.Params, Session: w.Session}
	req := l2tp.TunnelGetRequest(w.TunnelID)
	if w.Session {
		req = l2tp.SessionGetRequest(w.TunnelID, w.SessionID)
	}
	env.P.Begin()
	if err := r.c.Dump(r.typ, req, pr.Print); err != nil {
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

// Printer prints tunnels or sessions as iproute2 6.1's print_tunnel and
// print_session. Params is the running state each message is decoded
// onto (start it from the command's words).
type Printer struct {
	P       *format.Printer
	Params  l2tp.Params
	Stats   l2tp.Stats
	Session bool
}

var errBad = errors.New("bad l2tp message")

// Print decodes one message and prints it.
func (pr *Printer) Print(m netlink.Message) error {
	if uint16(m.Header.Type) == unix.NLMSG_ERROR {
		return errBad
	}
	if err := pr.Params.Apply(&pr.Stats, m.Data); err != nil {
		return err
	}
	if pr.Session {
		pr.printSession()
	} else {
		pr.printTunnel()
	}
	return nil
}

func ntop(family int, b []byte) string {
	n := 16
	if family == unix.AF_INET {
		n = 4
	}
	a := make([]byte, n)
	copy(a, b)
	return route.HostText(false, family, a)
}

func (pr *Printer) printTunnel() {
	p, q := pr.P, &pr.Params
	p.OpenObject("")
	p.Uint(format.Any, "tunnel_id", "Tunnel %u,", uint64(q.TunnelID))
	encap := "??"
	switch q.Encap {
	case l2tp.EncapUDP:
		encap = "UDP"
	case l2tp.EncapIP:
		encap = "IP"
	}
	p.String(format.Any, "encap", " encap %s", encap)
	p.NL()
	p.String(format.Any, "local", "  From %s ", ntop(q.LocalFamily, q.Local))
	p.String(format.Any, "peer", "to %s", ntop(q.PeerFamily, q.Peer))
	p.NL()
	p.Uint(format.Any, "peer_tunnel", "  Peer tunnel %u", uint64(q.PeerTunnelID))
	p.NL()
	if q.Encap == l2tp.EncapUDP {
		p.Text("  UDP source / dest ports:")
		p.Uint(format.Any, "local_port", " %u", uint64(q.LocalUDPPort))
		p.Uint(format.Any, "peer_port", "/%u", uint64(q.PeerUDPPort))
		p.NL()
		switch q.LocalFamily {
		case unix.AF_INET:
			p.Bool(format.JSON, "checksum", "", q.UDPCsum)
			p.Text("  UDP checksum: " + map[bool]string{true: "enabled", false: "disabled"}[q.UDPCsum] + "\n")
		case unix.AF_INET6:
			if p.IsJSON() {
				p.Bool(format.JSON, "checksum_tx", "", q.UDP6CsumTX)
				p.Bool(format.JSON, "checksum_rx", "", q.UDP6CsumRX)
			} else {
				s := "disabled"
				switch {
				case q.UDP6CsumTX && q.UDP6CsumRX:
					s = "enabled"
				case q.UDP6CsumTX:
					s = "tx"
				case q.UDP6CsumRX:
					s = "rx"
				}
				p.Text("  UDP checksum: " + s + "\n")
			}
		}
	}
	p.CloseObject()
}

func cookieText(c []byte) string {
	const digits = "0123456789abcdef"
	n := 4
	if len(c) == 8 {
		n = 8
	}
	b := make([]byte, 8)
	copy(b, c)
	var s []byte
	for _, x := range b[:n] {
		s = append(s, digits[x>>4], digits[x&15])
	}
	return string(s)
}

func (pr *Printer) printSession() {
	p, q := pr.P, &pr.Params
	p.OpenObject("")
	p.Uint(format.Any, "session_id", "Session %u", uint64(q.SessionID))
	p.Uint(format.Any, "tunnel_id", " in tunnel %u", uint64(q.TunnelID))
	p.NL()
	p.Uint(format.Any, "peer_session_id", "  Peer session %u,", uint64(q.PeerSessionID))
	p.Uint(format.Any, "peer_tunnel_id", " tunnel %u", uint64(q.PeerTunnelID))
	p.NL()
	if q.HasIfName {
		p.ColorString(format.Any, format.Ifname, "interface", "  interface name: %s", q.IfName)
		p.NL()
	}
	p.Text("  offset 0, peer offset 0\n")
	if len(q.Cookie) > 0 {
		p.String(format.Any, "cookie", "  cookie %s", cookieText(q.Cookie))
	}
	if len(q.PeerCookie) > 0 {
		p.String(format.Any, "peer_cookie", "  peer cookie %s", cookieText(q.PeerCookie))
	}
	if q.ReorderTimeout != 0 {
		p.Uint(format.Any, "reorder_timeout", "  reorder timeout: %u", uint64(uint32(q.ReorderTimeout)))
	}
	if q.SendSeq || q.RecvSeq {
		p.Text(p.NewlineToken() + "  sequence numbering:")
		if q.SendSeq {
			p.Null(format.Any, "send_seq", " send", "")
		}
		if q.RecvSeq {
			p.Null(format.Any, "recv_seq", " recv", "")
		}
	}
	p.Text("\n")
	p.CloseObject()
}
