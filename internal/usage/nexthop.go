package usage

import "io"

// Nexthop is `ip nexthop help`.
func Nexthop(w io.Writer) {
	io.WriteString(w, `Usage: ip nexthop { add | replace } id ID NH [ protocol ID ]
       ip nexthop { get | del } id ID
       ip nexthop { list | flush } [ protocol ID ] SELECTOR
       ip nexthop bucket list BUCKET_SELECTOR
       ip nexthop bucket get id ID index INDEX
NH := { blackhole
      | [ via ADDRESS ] [ dev DEV ] [ onlink ] [ encap ENCAPTYPE ENCAPHDR ]
      | group GROUP [ fdb ] [ type TYPE [ TYPE_ARGS ] ] }
GROUP := <id[,weight]>/<id[,weight]>/... (ids of other nexthops, with weights)
TYPE := { mpath | resilient }
TYPE_ARGS := [ RESILIENT_ARGS ]
RESILIENT_ARGS := [ buckets BUCKETS ] [ idle_timer IDLE ] [ unbalanced_timer UNBALANCED ]
ENCAPTYPE := [ mpls ]    ENCAPHDR := [ MPLSLABEL ]
SELECTOR := [ id ID ] [ dev DEV ] [ vrf NAME ] [ master DEV ] [ groups ] [ fdb ]
BUCKET_SELECTOR := SELECTOR | [ nhid ID ]
`)
}
