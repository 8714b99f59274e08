package link

import (
	"fmt"
	"io"
	"net/netip"

	"github.com/gipnet/gip/format"
	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/internal/cnum"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// vti and vti6: IPsec virtual tunnel interfaces over IPv4 and IPv6
// (IFLA_VTI_*), encoded as iproute2's vti_parse_opt and vti6_parse_opt do:
// both keys and the fwmark always, the addresses when given and not
// "any", the device when given. This kernel has neither kind; see
// kind_iptnl.go for what the user sees.
var (
	vtiKind = Kind{Name: "vti", Parse: func(p *Parser, a *cmdline.Args, ae *netlink.AttributeEncoder) error { return parseVTI("vti")(p, a, ae) }, Print: func(p *format.Printer, names IndexNamer, data []byte) error {
		return printVTI(unix.AF_INET)(p, names, data)
	}, Help: func(w io.Writer) { vtiHelp("vti")(w) }}
	vti6Kind = Kind{Name: "vti6", Parse: func(p *Parser, a *cmdline.Args, ae *netlink.AttributeEncoder) error {
		return parseVTI("vti6")(p, a, ae)
	}, Print: func(p *format.Printer, names IndexNamer, data []byte) error {
		return printVTI(unix.AF_INET6)(p, names, data)
	}, Help: func(w io.Writer) { vtiHelp("vti6")(w) }}
)

// IFLA_VTI_* (linux/if_tunnel.h), which x/sys/unix lacks.
const (
	vtiLink   = 1
	vtiIKey   = 2
	vtiOKey   = 3
	vtiLocal  = 4
	vtiRemote = 5
	vtiFwmark = 6
)

func vtiHelp(kind string) func(io.Writer) {
	addr := "IP_ADDRESS"
	if kind == "vti6" {
		addr = "IPV6_ADDRESS"
	}
	return func(w io.Writer) {
		fmt.Fprintf(w, "Usage: ... %-4s\t[ remote ADDR ]\n"+
			"\t\t[ local ADDR ]\n"+
			"\t\t[ [i|o]key KEY ]\n"+
			"\t\t[ dev PHYS_DEV ]\n"+
			"\t\t[ fwmark MARK ]\n\n"+
			"Where:\tADDR := { %s }\n"+
			"\tKEY  := { DOTTED_QUAD | NUMBER }\n"+
			"\tMARK := { 0x0..0xffffffff }\n", kind, addr)
	}
}

// tunnelAddr6 is get_addr(…, AF_INET6) for a tunnel endpoint: "any" and
// "::" are no address.
func tunnelAddr6(v string) (netip.Addr, error) { return tunnelEndpoint(v, netip.IPv6Unspecified()) }

func parseVTI(kind string) func(p *Parser, a *cmdline.Args, ae *netlink.AttributeEncoder) error {
	addrOf := tunnelAddr
	if kind == "vti6" {
		addrOf = tunnelAddr6
	}
	return func(p *Parser, a *cmdline.Args, ae *netlink.AttributeEncoder) error {
		if err := existingTunnel(p); err != nil {
			return err
		}
		var (
			ikey, okey   = make([]byte, 4), make([]byte, 4)
			saddr, daddr netip.Addr
			link, fwmark uint32
		)
		for a.More() {
			w := a.Next()
			m := func(kw string) bool { return cmdline.Matches(w, kw) }
			if name := keyWord(w); name != "" {
				key, in, out, err := readKey(name, a)
				if err != nil {
					return err
				}
				if in {
					ikey = key
				}
				if out {
					okey = key
				}
				continue
			}
			if w == "fwmark" || m("remote") || m("local") || m("dev") {
				v, err := a.Value()
				if err != nil {
					return err
				}
				switch {
				case m("remote"), m("local"):
					addr, err := addrOf(v)
					if err != nil {
						return err
					}
					if m("remote") {
						daddr = addr
					} else {
						saddr = addr
					}
				case m("dev"):
					if link = uint32(p.Index(v)); link == 0 {
						return cmdline.Fatal(cmdline.StatusUsage, "Cannot find device \"%s\"", v)
					}
				default: // fwmark
					n, ok := cnum.Uint(v, 0, 1<<32-1)
					if !ok {
						return cmdline.InvalidArg("invalid fwmark\n", v)
					}
					fwmark = uint32(n)
				}
				continue
			}
			vtiHelp(kind)(p.Stderr)
			return cmdline.Silent(cmdline.StatusFailed)
		}
		ae.Bytes(vtiIKey, ikey)
		ae.Bytes(vtiOKey, okey)
		if saddr.IsValid() {
			ae.Bytes(vtiLocal, saddr.AsSlice())
		}
		if daddr.IsValid() {
			ae.Bytes(vtiRemote, daddr.AsSlice())
		}
		ae.Uint32(vtiFwmark, fwmark)
		if link != 0 {
			ae.Uint32(vtiLink, link)
		}
		return nil
	}
}
