package iplink

import (
	"github.com/gipnet/gip/format"
	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/link"
)

// The printers below are shared with `ip stats` (internal/cmd/ipstats),
// which shows the same structures as `ip -s link`, `ip link xstats` and
// `ip link afstats`.

// PrintStats64 prints struct rtnl_link_stats64 (counters in its field
// order) as print_stats64 does without carrier changes, inside a JSON
// object "stats64"; pr.Opts.Stats above 1 adds the error breakdown.
func (pr *Printer) PrintStats64(counters []uint64) {
	var s [stCount]uint64
	copy(s[:], counters)
	if pr.P.IsJSON() {
		pr.statsJSON(&s, nil, "stats64")
	} else {
		pr.statsText(&s, nil)
	}
}

// PrintBridgeMcastXstats prints struct br_mcast_stats as
// bridge_print_stats_mcast.
func PrintBridgeMcastXstats(p *format.Printer, b []byte) { printBridgeMcastStats(p, b) }

// PrintBridgeSTPXstats prints struct bridge_stp_xstats as
// bridge_print_stats_stp.
func PrintBridgeSTPXstats(p *format.Printer, b []byte) { printBridgeSTPStats(p, b) }

// PrintMPLSLinkStats prints struct mpls_link_stats (fields in order) as
// print_mpls_link_stats, each text line starting with indent.
func PrintMPLSLinkStats(p *format.Printer, s []uint64, indent string) { printMPLSStats(p, s, indent) }

// Number is print_num: v right-aligned in width and a space, scaled with
// -human as the link counters are.
func (pr *Printer) Number(width int, v uint64) string { return pr.number(width, v) }

// NewStatsPrinter returns the Printer ip stats prints link counters with:
// env's -s, -human and -iec, nothing else of the output mode.
func NewStatsPrinter(env *cli.Env, names *link.Names) *Printer {
	o := &env.Opts
	return newEnvPrinter(env, names, PrintOptions{Stats: o.Stats, Human: o.Human, IEC: o.IEC})
}
