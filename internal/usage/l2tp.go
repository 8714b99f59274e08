package usage

import "io"

// L2tp is `ip l2tp help`.
func L2tp(w io.Writer) {
	io.WriteString(w, `Usage: ip l2tp add tunnel tunnel_id ID peer_tunnel_id ID remote ADDR local ADDR
              [ encap { ip | udp } ] [ udp_sport PORT ] [ udp_dport PORT ]
              [ udp_csum { on | off } ] [ udp6_csum_tx { on | off } ] [ udp6_csum_rx { on | off } ]
       ip l2tp add session [ name NAME ] tunnel_id ID session_id ID peer_session_id ID
              [ cookie HEXSTR ] [ peer_cookie HEXSTR ] [ l2spec_type L2SPEC ]
              [ seq { none | send | recv | both } ]
       ip l2tp del tunnel tunnel_id ID
       ip l2tp del session tunnel_id ID session_id ID
       ip l2tp show tunnel [ tunnel_id ID ]
       ip l2tp show session [ tunnel_id ID ] [ session_id ID ]
Where: ID := { 1..4294967295 }    PORT := { 0..65535 }
       ADDR := { IP_ADDRESS | any }    NAME := STRING
       L2SPEC := { default | none }
       HEXSTR := 8 or 16 hex digits, a cookie of 4 or 8 bytes
`)
}
