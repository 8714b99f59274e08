package usage

import "io"

// Stats is `ip stats help`.
func Stats(w io.Writer) {
	io.WriteString(w, `Usage: ip stats show [ dev DEV ] [ group GROUP [ subgroup SUBGROUP [ suite SUITE ] ... ] ... ] ...
       ip stats set dev DEV l3_stats { on | off }
       ip stats help
GROUP := { link | offload | xstats | xstats_slave | afstats }
offload SUBGROUP := { cpu_hit | hw_stats_info | l3_stats }
xstats SUBGROUP and xstats_slave SUBGROUP := { bridge [ suite stp ] [ suite mcast ] | bond [ suite 802.3ad ] }
afstats SUBGROUP := { mpls }
`)
}
