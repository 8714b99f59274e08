package usage

import "io"

// Xfrm is `ip xfrm help`.
func Xfrm(w io.Writer) {
	io.WriteString(w, `Usage: ip xfrm XFRM-OBJECT { COMMAND | help }
where  XFRM-OBJECT := state | policy | monitor
`)
}

// The grammar both xfrm state and xfrm policy use.
const xfrmCommon = `SELECTOR := [ src ADDR[/PLEN] ] [ dst ADDR[/PLEN] ] [ dev DEV ] [ UPSPEC ]
UPSPEC := proto { { tcp | udp | sctp | dccp } [ sport PORT ] [ dport PORT ]
                | { icmp | ipv6-icmp | mobility-header } [ type NUMBER ] [ code NUMBER ]
                | gre [ key { DOTTED-QUAD | NUMBER } ]
                | PROTO }
LIMIT-LIST := [ LIMIT-LIST ] limit LIMIT
LIMIT := { time-soft | time-hard | time-use-soft | time-use-hard } SECONDS
       | { byte-soft | byte-hard } SIZE
       | { packet-soft | packet-hard } COUNT
ID := [ src ADDR ] [ dst ADDR ] [ proto XFRM-PROTO ] [ spi SPI ]
XFRM-PROTO := esp | ah | comp | route2 | hao
MODE := transport | tunnel | beet | ro | in_trigger
FLAG-LIST := [ FLAG-LIST ] FLAG
`

// XfrmState is `ip xfrm state help`.
func XfrmState(w io.Writer) {
	io.WriteString(w, `Usage: ip xfrm state { add | update } ID [ ALGO-LIST ] [ mode MODE ]
            [ mark MARK [ mask MASK ] ] [ reqid REQID ] [ seq SEQ ] [ replay-window SIZE ]
            [ replay-seq SEQ ] [ replay-oseq SEQ ] [ replay-seq-hi SEQ ] [ replay-oseq-hi SEQ ]
            [ flag FLAG-LIST ] [ sel SELECTOR ] [ LIMIT-LIST ] [ encap ENCAP ]
            [ coa ADDR[/PLEN] ] [ ctx CTX ] [ extra-flag EXTRA-FLAG-LIST ]
            [ offload [ dev DEV ] dir DIR ] [ output-mark OUTPUT-MARK [ mask MASK ] ]
            [ if_id IF_ID ] [ tfcpad LENGTH ]
       ip xfrm state allocspi ID [ mode MODE ] [ mark MARK [ mask MASK ] ] [ reqid REQID ]
            [ seq SEQ ] [ min SPI max SPI ]
       ip xfrm state { delete | get } ID [ mark MARK [ mask MASK ] ]
       ip xfrm state { deleteall | list [ nokeys ] } [ ID ] [ mode MODE ] [ reqid REQID ] [ flag FLAG-LIST ]
       ip xfrm state flush [ proto XFRM-PROTO ]
       ip xfrm state count
ALGO-LIST := [ ALGO-LIST ] ALGO
ALGO := { enc | auth } ALGO-NAME ALGO-KEYMAT
      | auth-trunc ALGO-NAME ALGO-KEYMAT ALGO-TRUNC-LEN
      | aead ALGO-NAME ALGO-KEYMAT ALGO-ICV-LEN
      | comp ALGO-NAME
FLAG := noecn | decap-dscp | nopmtudisc | wildrecv | icmp | af-unspec | align4 | esn
EXTRA-FLAG-LIST := [ EXTRA-FLAG-LIST ] EXTRA-FLAG
EXTRA-FLAG := dont-encap-dscp | oseq-may-wrap
ENCAP := { espinudp | espinudp-nonike | espintcp } SPORT DPORT OADDR
DIR := in | out
`+xfrmCommon)
}

// XfrmPolicy is `ip xfrm policy help`.
func XfrmPolicy(w io.Writer) {
	io.WriteString(w, `Usage: ip xfrm policy { add | update } SELECTOR dir DIR [ ctx CTX ]
            [ mark MARK [ mask MASK ] ] [ index INDEX ] [ ptype PTYPE ] [ action ACTION ]
            [ priority PRIORITY ] [ flag FLAG-LIST ] [ if_id IF_ID ] [ LIMIT-LIST ] [ TMPL-LIST ]
       ip xfrm policy { delete | get } { SELECTOR | index INDEX } dir DIR [ ctx CTX ]
            [ mark MARK [ mask MASK ] ] [ ptype PTYPE ] [ if_id IF_ID ]
       ip xfrm policy { deleteall | list } [ nosock ] [ SELECTOR ] [ dir DIR ] [ index INDEX ]
            [ ptype PTYPE ] [ action ACTION ] [ priority PRIORITY ] [ flag FLAG-LIST ]
       ip xfrm policy flush [ ptype PTYPE ]
       ip xfrm policy count
       ip xfrm policy set [ hthresh4 LBITS RBITS ] [ hthresh6 LBITS RBITS ]
       ip xfrm policy setdefault DIR ACTION [ DIR ACTION ] [ DIR ACTION ]
       ip xfrm policy getdefault
DIR := in | out | fwd
PTYPE := main | sub
ACTION := allow | block
FLAG := localok | icmp
TMPL-LIST := [ TMPL-LIST ] tmpl TMPL
TMPL := ID [ mode MODE ] [ reqid REQID ] [ level LEVEL ]
LEVEL := required | use
`+xfrmCommon)
}

// XfrmMonitor is `ip xfrm monitor help`.
func XfrmMonitor(w io.Writer) {
	io.WriteString(w, `Usage: ip xfrm monitor [ nokeys ] [ all-nsid ] [ all | OBJECTS | help ]
OBJECTS := { acquire | expire | SA | aevent | policy | report }
`)
}
