package usage

import "io"

// Tunnel is `ip tunnel help`.
func Tunnel(w io.Writer) {
	io.WriteString(w, `Usage: ip tunnel { add | change | del | show | prl | 6rd } [ NAME ]
          [ mode { ipip | gre | sit | isatap | vti } ] [ remote ADDR ] [ local ADDR ]
          [ { seq | iseq | oseq } ] [ { key | ikey | okey } KEY ] [ { csum | icsum | ocsum } ]
          [ { ttl | hoplimit } TTL ] [ { tos | tclass | dsfield } TOS ]
          [ pmtudisc | nopmtudisc ] [ dev PHYS_DEV ]
          [ prl-default ADDR ] [ prl-nodefault ADDR ] [ prl-delete ADDR ]
          [ 6rd-prefix ADDR ] [ 6rd-relay_prefix ADDR ] [ 6rd-reset ]
Where: NAME := STRING    ADDR := { IP_ADDRESS | any }
       KEY := { DOTTED_QUAD | NUMBER }    TTL := { 1..255 | inherit }
       TOS := { STRING | 00..ff | inherit | inherit/STRING | inherit/00..ff }
`)
}

// Tunnel6 is `ip -6 tunnel help`.
func Tunnel6(w io.Writer) {
	io.WriteString(w, `Usage: ip -f inet6 tunnel { add | change | del | show } [ NAME ]
          [ mode { ip6ip6 | ipip6 | ip6gre | vti6 | any } ] [ remote ADDR local ADDR ]
          [ dev PHYS_DEV ] [ encaplimit ELIM ] [ { hoplimit | ttl } TTL ]
          [ { tclass | tos | dsfield } TCLASS ]
          [ flowlabel FLOWLABEL ] [ dscp inherit ] [ allow-localremote | noallow-localremote ]
          [ { seq | iseq | oseq } ] [ { key | ikey | okey } KEY ] [ { csum | icsum | ocsum } ]
Where: NAME := STRING    ADDR := IPV6_ADDRESS    KEY := { DOTTED_QUAD | NUMBER }
       ELIM := { none | 0..255 } (default=4)    TTL := 0..255 (default=64)
       TCLASS := { 0x0..0xff | inherit }    FLOWLABEL := { 0x0..0xfffff | inherit }
`)
}
