package ipstats

import (
	"fmt"
	"strconv"

	"github.com/gipnet/gip/format"
	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cmd/iplink"
	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/link"
	"github.com/gipnet/gip/stats"
	"github.com/mdlayher/netlink"
)

// Printer prints RTM_NEWSTATS messages in the current output mode.
type Printer struct {
	env   *cli.Env
	names *link.Names
	lp    *iplink.Printer // the link counters' printers, shared with ip -s link
}

// NewPrinter returns a printer over env's output that names links through
// names. The -s level (which adds error counters) is read now.
func NewPrinter(env *cli.Env, names *link.Names) *Printer {
	lp := iplink.NewStatsPrinter(env, names)
	return &Printer{env: env, names: names, lp: lp}
}

// PrintEvent prints a stats message as ip monitor does (iproute2's
// ipstats_print): the hardware statistics state of the link. The caller
// prints the [STATS] label first when it prints labels.
func (pr *Printer) PrintEvent(h netlink.Header, body []byte) error {
	// The record names no group: ip monitor selected nothing.
	err := pr.Print(body, []Selected{{d: hwStatsInfo()}})
	pr.env.P.Flush()
	return err
}

// errNoMPLSLink is the -ENOENT of an MPLS nest without link statistics.
var errNoMPLSLink = cmdline.Silent(cmdline.StatusRefused)

// Print prints the statistics sel selects of one message's link, a record
// each (iproute2's ipstats_process_ifsm). A malformed or inconsistent
// message ends with an error, as it ends iproute2's listing.
func (pr *Printer) Print(body []byte, sel []Selected) error {
	p := pr.env.P
	s, err := stats.Decode(body)
	if err != nil {
		p.Flush()
		fmt.Fprintf(pr.env.Stderr, "BUG: wrong nlmsg len %d\n", len(body)-12)
		return cmdline.Silent(cmdline.StatusEINVAL)
	}
	name := pr.names.Name(uint32(s.Index))
	for _, e := range sel {
		p.OpenObject("")
		p.Int(format.Any, "ifindex", "%d:", int64(s.Index))
		p.ColorString(format.Any, format.Ifname, "ifname", " %s:", name)
		for i := 0; i < e.n; i++ {
			p.String(format.JSON, levels[i], "", e.words[i])
			p.Text(" " + levels[i] + " ")
			p.Text(e.words[i])
		}
		if err := pr.show(e.d, &s); err != nil {
			return err
		}
		p.CloseObject()
		p.NL()
	}
	return nil
}

func (pr *Printer) show(d *desc, s *stats.Stats) error {
	p := pr.env.P
	switch d.kind {
	case showLink:
		p.NL()
		if s.Link64 != nil {
			pr.lp.PrintStats64(s.Link64)
		}
	case showXstats:
		x := s.Xstats
		if d.slave {
			x = s.XstatsSlave
		}
		if x == nil {
			return nil
		}
		switch {
		case d.xtype == stats.XstatsBridge && x.Bridge && d.inner == stats.BridgeSTP && x.BridgeSTP != nil:
			p.NL()
			iplink.PrintBridgeSTPXstats(p, x.BridgeSTP)
		case d.xtype == stats.XstatsBridge && x.Bridge && d.inner == stats.BridgeMcast && x.BridgeMcast != nil:
			p.NL()
			iplink.PrintBridgeMcastXstats(p, x.BridgeMcast)
		case d.xtype == stats.XstatsBond && x.Bond && x.Bond3AD != nil:
			p.NL()
			printBond3AD(p, x.Bond3AD)
		}
	case showCPUHit:
		p.NL()
		if s.Offload != nil && s.Offload.CPUHit != nil {
			pr.lp.PrintStats64(s.Offload.CPUHit)
		}
	case showHWSInfo:
		if s.Offload == nil || s.Offload.HWSInfo == nil {
			return nil
		}
		p.NL()
		l3, err := pr.dissect(s.Offload.HWSInfo)
		if err != nil {
			return err
		}
		p.OpenObject("info")
		if l3 != nil {
			p.Text("    l3_stats")
			p.OpenObject("l3_stats")
			l3.print(p)
			p.CloseObject()
		}
		p.CloseObject()
	case showL3Stats:
		if s.Offload == nil || s.Offload.HWSInfo == nil {
			return nil
		}
		l3, err := pr.dissect(s.Offload.HWSInfo)
		if err != nil {
			return err
		}
		p.OpenObject("info")
		if l3 != nil {
			l3.print(p)
		}
		p.CloseObject()
		if s.Offload.L3Stats != nil {
			p.NL()
			p.OpenObject("stats64")
			pr.printHW64(s.Offload.L3Stats)
			p.CloseObject()
		}
	case showMPLS:
		if s.AFSpec == nil || s.AFSpec.MPLS == nil {
			return nil
		}
		if s.AFSpec.MPLS.Link == nil {
			return errNoMPLSLink
		}
		p.NL()
		p.OpenObject("mpls_stats")
		iplink.PrintMPLSLinkStats(p, s.AFSpec.MPLS.Link, "    ")
		p.CloseObject()
	}
	return nil
}

// onOff is a state as iproute2 keeps it: 0 unknown (not printed), -1 off,
// 1 on.
type onOff int

// hwsState is one suite's hardware statistics state.
type hwsState struct{ request, used onOff }

func (h *hwsState) print(p *format.Printer) {
	if h.request != 0 {
		p.OnOff(format.Any, "request", " %s", h.request > 0)
	}
	if h.used != 0 {
		p.OnOff(format.Any, "used", " used %s", h.used > 0)
	}
}

// dissect is ipstats_dissect_hw_s_info: a request that is neither 0 nor 1
// makes the message unprintable; such a used value is only reported.
func (pr *Printer) dissect(h *stats.HWSInfo) (*hwsState, error) {
	if h.L3 == nil {
		return nil, nil
	}
	st := &hwsState{}
	if h.L3.HasRequest {
		if st.request = pr.onOff(h.L3.Request, "request"); st.request == 0 {
			return nil, cmdline.Silent(cmdline.StatusEINVAL)
		}
	}
	if h.L3.HasUsed {
		st.used = pr.onOff(h.L3.Used, "used")
	}
	return st, nil
}

func (pr *Printer) onOff(v uint8, what string) onOff {
	switch v {
	case 0:
		return -1
	case 1:
		return 1
	}
	pr.env.P.Flush()
	fmt.Fprintf(pr.env.Stderr, "Invalid value for %s: expected 0 or 1, got %d.\n", what, v)
	return 0
}

// printHW64 is print_hw_stats64 (struct rtnl_hw_stats64: rx packets, tx
// packets, rx bytes, tx bytes, rx errors, tx errors, rx dropped, tx
// dropped, multicast).
func (pr *Printer) printHW64(s []uint64) {
	p := pr.env.P
	rx := []uint64{s[2], s[0], s[4], s[6], s[8]}
	tx := []uint64{s[3], s[1], s[5], s[7]}
	if p.IsJSON() {
		p.OpenObject("rx")
		for i, k := range []string{"bytes", "packets", "errors", "dropped", "multicast"} {
			p.Uint(format.JSON, k, "", rx[i])
		}
		p.CloseObject()
		p.OpenObject("tx")
		for i, k := range []string{"bytes", "packets", "errors", "dropped"} {
			p.Uint(format.JSON, k, "", tx[i])
		}
		p.CloseObject()
		return
	}
	cols := []int{len("*X: bytes"), len("packets"), len("errors"), len("dropped"), len("overrun")}
	size := func(vals []uint64) {
		if pr.env.Opts.Human > 0 {
			return
		}
		for i, v := range vals {
			if n := len(strconv.FormatUint(v, 10)); n > cols[i] {
				cols[i] = n
			}
		}
	}
	size(rx)
	size(append(append([]uint64(nil), tx...), 0))
	sl := p.NewlineToken()
	p.Text(fmt.Sprintf("    RX: %*s %*s %*s %*s %*s%s", cols[0]-4, "bytes", cols[1], "packets",
		cols[2], "errors", cols[3], "dropped", cols[4], "mcast", sl))
	p.Text("    ")
	for i, v := range rx {
		p.Text(pr.lp.Number(cols[i], v))
	}
	p.Text(sl)
	p.Text(fmt.Sprintf("    TX: %*s %*s %*s %*s%s", cols[0]-4, "bytes", cols[1], "packets",
		cols[2], "errors", cols[3], "dropped", sl))
	p.Text("    ")
	for i, v := range tx {
		p.Text(pr.lp.Number(cols[i], v))
	}
}

// bond3ADStats are BOND_3AD_STAT_* in attribute order, with their JSON
// keys and text.
var bond3ADStats = []struct{ key, text string }{
	{"lacpdu_rx", "LACPDU Rx %llu\n"},
	{"lacpdu_tx", "LACPDU Tx %llu\n"},
	{"lacpdu_unknown_rx", "LACPDU Unknown type Rx %llu\n"},
	{"lacpdu_illegal_rx", "LACPDU Illegal Rx %llu\n"},
	{"marker_rx", "Marker Rx %llu\n"},
	{"marker_tx", "Marker Tx %llu\n"},
	{"marker_response_rx", "Marker response Rx %llu\n"},
	{"marker_response_tx", "Marker response Tx %llu\n"},
	{"marker_unknown_rx", "Marker unknown type Rx %llu\n"},
}

// printBond3AD is bond_print_3ad_stats.
func printBond3AD(p *format.Printer, b []byte) {
	tb := stats.Bond3ADTable(b)
	p.OpenObject("802.3ad")
	for i, st := range bond3ADStats {
		if tb[i] == nil {
			continue
		}
		p.Text("                    ")
		p.Uint(format.Any, st.key, st.text, stats.Uint64s(tb[i], 1)[0])
	}
	p.CloseObject()
}
