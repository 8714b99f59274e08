package usage

import "io"

// Monitor is `ip monitor help`.
func Monitor(w io.Writer) {
	io.WriteString(w, `Usage: ip monitor [ all | OBJECTS ] [ label ] [ all-nsid ] [ dev DEVICE ] [ FILE ]
OBJECTS := link | address | route | mroute | prefix | neigh | netconf |
           rule | nsid | nexthop | stats
FILE := file FILENAME
`)
}
