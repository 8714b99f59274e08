package route

import (
	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cmdline"
)

// Helpers are the route printer's pieces that other objects' printers
// print with, as iproute2's share them: the nexthop printer shows encaps
// (lwt_print_encap), gateways (__print_rta_gateway), devices
// (print_rta_ifidx), flags (print_rt_flags), scopes and protocols exactly
// as a route does.
type Helpers struct{ pr *printer }

// NewHelpers returns helpers printing through env's printer with env's
// options (-Numeric, -resolve, -stats). Close releases the device-name
// lookups.
func NewHelpers(env *cli.Env) *Helpers {
	f := newFilter(env.Opts.Family)
	return &Helpers{pr: newPrinter(env, &f)}
}

// Close releases the socket device names were looked up on.
func (h *Helpers) Close() { h.pr.links.close() }

// Encap prints an encapsulation: typ is the encap type attribute's
// payload, encap the nest's.
func (h *Helpers) Encap(typ, encap []byte) { h.pr.encap(typ, encap, true) }

// Gateway prints "via ADDR " (the "gateway" key in JSON).
func (h *Helpers) Gateway(family int, addr []byte) { h.pr.gateway(family, addr) }

// Ifindex prints "KEY NAME " for a device index.
func (h *Helpers) Ifindex(key string, idx uint32) { h.pr.ifindex(key, idx) }

// LinkName is the name of device idx ("ifN" when it has none).
func (h *Helpers) LinkName(idx uint32) string { return h.pr.links.name(idx) }

// Flags prints the RTNH_F_* flags (a "flags" array in JSON).
func (h *Helpers) Flags(flags uint32) { printFlags(h.pr.p, flags) }

// Scope is a scope's name (its number under -Numeric).
func (h *Helpers) Scope(id uint8) string { return h.pr.names.scope(id) }

// Protocol is a routing protocol's name (its number under -Numeric).
func (h *Helpers) Protocol(id uint8) string { return h.pr.names.protocol(id) }

// ParseProtocol is rtnl_rtprot_a2n: a protocol name or a number up to 255.
func ParseProtocol(s string) (uint8, bool) { return parseProtocol(s) }

// ParseEncap is lwt_parse_encap for other objects, called with "encap"
// just read: it returns the encap nest (attribute type RTA_ENCAP, flagged
// nested) followed by the encap type attribute (RTA_ENCAP_TYPE); a
// caller whose attributes are numbered otherwise renumbers the two.
func ParseEncap(args *cmdline.Args, lookup func(name string) (uint32, error)) ([]byte, error) {
	return parseEncap(args, lookup)
}

// KnowLink records device idx's name, so printing it asks the kernel
// nothing (a monitor learns names from link messages; tests print
// captured messages without the devices they name).
func (h *Helpers) KnowLink(idx uint32, name string) { h.pr.links.cache[idx] = name }

// NoLookups stops the helpers from asking the kernel for device names:
// devices not made known with KnowLink print as "ifN" (printers fed
// captured or fuzzed messages).
func (h *Helpers) NoLookups() {
	h.pr.links.close()
	h.pr.links.dial = nil
}

// HostText is iproute2's format_host for other objects' printers: under
// resolve the name of the address when it has one, else the address as
// inet_ntop writes it ("???" when its length is not its family's).
func HostText(resolve bool, family int, b []byte) string {
	var buf []byte
	return hostText(&buf, resolve, family, b)
}
