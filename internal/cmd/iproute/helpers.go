package iproute

import (
	"github.com/gipnet/gip/internal/cli"
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
func (h *Helpers) Close() { h.pr.links.Close() }

// Encap prints an encapsulation: typ is the encap type attribute's
// payload, encap the nest's.
func (h *Helpers) Encap(typ, encap []byte) { h.pr.encap(typ, encap, true) }

// Gateway prints "via ADDR " (the "gateway" key in JSON).
func (h *Helpers) Gateway(family int, addr []byte) { h.pr.gateway(family, addr) }

// Ifindex prints "KEY NAME " for a device index.
func (h *Helpers) Ifindex(key string, idx uint32) { h.pr.ifindex(key, idx) }

// LinkName is the name of device idx ("ifN" when it has none).
func (h *Helpers) LinkName(idx uint32) string { return h.pr.links.Name(idx) }

// Flags prints the RTNH_F_* flags (a "flags" array in JSON).
func (h *Helpers) Flags(flags uint32) { printFlags(h.pr.p, flags) }

// Scope is a scope's name (its number under -Numeric).
func (h *Helpers) Scope(id uint8) string { return h.pr.names.Scope(id) }

// Protocol is a routing protocol's name (its number under -Numeric).
func (h *Helpers) Protocol(id uint8) string { return h.pr.names.Protocol(id) }

// KnowLink records device idx's name, so printing it asks the kernel
// nothing (a monitor learns names from link messages; tests print
// captured messages without the devices they name).
func (h *Helpers) KnowLink(idx uint32, name string) {
	h.pr.links.cache[idx] = name
	h.pr.links.lastIdx = 0 // forget a remembered name idx may have had
}

// NameLinks names devices through fn instead of asking the kernel: ip
// monitor's printers all name links from the one cache its link events
// keep (ll_remember_index), the nexthop printer's device included.
func (h *Helpers) NameLinks(fn func(uint32) string) { h.pr.links.Lookup = fn }

// NoLookups stops the helpers from asking the kernel for device names:
// devices not made known with KnowLink print as "ifN" (printers fed
// captured or fuzzed messages).
func (h *Helpers) NoLookups() {
	h.pr.links.Close()
	h.pr.links.dial = nil
}
