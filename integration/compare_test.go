package integration

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"sort"
	"strings"
)

// What the kernel picks at random, and how it is hidden. The rules are the
// leads' runner's: MAC addresses the case did not write (and the bridge ids
// and IPv6 link-local addresses made from them) and bridge timers (`*_timer`
// and, for brctl showstp, `... timer`); and, unlike the leads' runner, values
// inside -color escapes are masked too, and so are values that count with
// the clock (finite lifetimes, route expiry, neighbour and fdb ages).
var (
	macRE           = regexp.MustCompile(`\b(?:[0-9a-f]{2}:){5}[0-9a-f]{2}\b`)
	bridgeIDRE      = regexp.MustCompile(`\b([0-9a-f]{4})\.([0-9a-f]{12})\b`)
	bridgeIDUnpadRE = regexp.MustCompile(`\b([0-9a-f]{4})\.((?:[0-9a-f]{1,2}:){5}[0-9a-f]{1,2})\b`)
	linkLocalRE     = regexp.MustCompile(`\bfe80::[0-9a-f:]+`)
	// A timer's value and the blanks that pad it to a width (a timer of
	// 12.34 is padded one blank less than one of 2.34): the separator is
	// kept, the padding goes with the value.
	timerRE = regexp.MustCompile(`\b(\w*timer)(\t+|"\s*:| )\s*[\d.]+`)
	colorRE = regexp.MustCompile("\x1b\\[[0-9;]*m")
	// Values that count with the clock. The reference and gip run one after
	// the other, seconds apart on a loaded machine, so a finite address
	// lifetime or route expiry has counted down in between, and neighbour
	// and fdb entries have aged: their numbers are masked, "forever" (and
	// its JSON 4294967295) is kept; so have the route cache's ages.
	lifetimeRE     = regexp.MustCompile(`\b(valid_lft|preferred_lft|expires|age) -?\d+sec\b`)
	lifetimeJSONRE = regexp.MustCompile(`"(valid_life_time|preferred_life_time|expires)"(\s*:\s*)(-?\d+)`)
	ageRE          = regexp.MustCompile(`\b(used) \d+(/\d+){1,2}`)
	ageJSONRE      = regexp.MustCompile(`"(used|confirmed|updated)"(\s*:\s*)\d+`)
	// brctl showmacs: a learned (not local) entry's ageing timer column.
	showmacsAgeRE = regexp.MustCompile(`(?m)^(\s*\d+\t\S+\tno\t\t)\s*[\d.]+$`)
	// The -V lines: iproute2's names its libbpf after the version, gip's
	// names gip's own (bridge and brctl name nothing there): the words up
	// to the version are compared.
	versionRE = regexp.MustCompile(`(?m)^(ip utility, iproute2-[0-9.]+|bridge utility, [0-9.]+|bridge-utils, [0-9.]+), (libbpf|gip) \S+$`)
)

// normalizer hides random values in one case's output. MACs that appear in
// the case text are kept (set addresses in a case to check them); a bridge
// takes the lowest MAC of its ports, so even the order of random MACs is
// random: they all become the word MAC.
type normalizer struct{ keep map[string]bool }

func newNormalizer(caseText string) *normalizer {
	n := &normalizer{keep: map[string]bool{"00:00:00:00:00:00": true, "ff:ff:ff:ff:ff:ff": true}}
	for _, m := range macRE.FindAllString(strings.ToLower(caseText), -1) {
		n.keep[m] = true
	}
	return n
}

func (n *normalizer) mac(v string) string {
	v = strings.ToLower(v)
	if n.keep[v] || strings.HasPrefix(v, "33:33:") || strings.HasPrefix(v, "01:00:5e:") || strings.HasPrefix(v, "01:80:c2:") {
		return v
	}
	return "MAC"
}

func (n *normalizer) text(s string) string {
	if !strings.Contains(s, "\x1b[") {
		return n.plain(s)
	}
	// Mask the text between color escapes piece by piece, so that a colored
	// value ("\x1b[33m<mac>\x1b[0m") is masked like a plain one.
	var b strings.Builder
	last := 0
	for _, loc := range colorRE.FindAllStringIndex(s, -1) {
		b.WriteString(n.plain(s[last:loc[0]]))
		b.WriteString(s[loc[0]:loc[1]])
		last = loc[1]
	}
	b.WriteString(n.plain(s[last:]))
	return b.String()
}

func (n *normalizer) plain(s string) string {
	s = bridgeIDRE.ReplaceAllStringFunc(s, func(m string) string {
		g := bridgeIDRE.FindStringSubmatch(m)
		var parts []string
		for i := 0; i < 12; i += 2 {
			parts = append(parts, g[2][i:i+2])
		}
		return g[1] + "." + strings.ReplaceAll(n.mac(strings.Join(parts, ":")), ":", "")
	})
	s = bridgeIDUnpadRE.ReplaceAllStringFunc(s, func(m string) string {
		g := bridgeIDUnpadRE.FindStringSubmatch(m)
		parts := strings.Split(g[2], ":")
		for i, p := range parts {
			if len(p) == 1 {
				parts[i] = "0" + p
			}
		}
		return g[1] + "." + n.mac(strings.Join(parts, ":"))
	})
	s = macRE.ReplaceAllStringFunc(s, n.mac)
	s = linkLocalRE.ReplaceAllString(s, "fe80::LL")
	s = timerRE.ReplaceAllString(s, "${1}${2}T")
	s = lifetimeRE.ReplaceAllString(s, "${1} Nsec")
	s = lifetimeJSONRE.ReplaceAllStringFunc(s, func(m string) string {
		g := lifetimeJSONRE.FindStringSubmatch(m)
		if g[3] == "4294967295" {
			return m
		}
		return `"` + g[1] + `"` + g[2] + "N"
	})
	s = ageRE.ReplaceAllStringFunc(s, func(m string) string {
		return "used " + strings.Repeat("N/", strings.Count(m, "/")) + "N"
	})
	s = ageJSONRE.ReplaceAllString(s, `"${1}"${2}N`)
	s = showmacsAgeRE.ReplaceAllString(s, "${1}T")
	s = versionRE.ReplaceAllString(s, "${1}")
	return s
}

// addrconfRouteRE matches the routes IPv6 addrconf adds for each link on
// its own (after the link local masking): fe80::/64, the local route of the
// link-local address and the ff00::/8 multicast route.
var addrconfRouteRE = regexp.MustCompile(`^([0-9]+ )?(local |multicast )?(fe80::LL|fe80::/64|ff00::/8) `)

// sortAddrconfRoutes sorts each run of consecutive addrconf routes in a
// route listing. The kernel adds them from each link's addrconf work, so
// two links brought up together list their routes in whichever order that
// work ran, which changes from run to run on a loaded machine; the order of
// every other line is still compared.
func sortAddrconfRoutes(out string) string {
	if !strings.Contains(out, "fe80::") && !strings.Contains(out, "ff00::/8") {
		return out
	}
	if strings.HasPrefix(out, "[") {
		return sortAddrconfJSON(out)
	}
	return sortLineRuns(out, addrconfRouteRE.MatchString)
}

// sortLineRuns sorts each run of two or more consecutive whole lines of
// out that match, leaving every other line where it is.
func sortLineRuns(out string, match func(line string) bool) string {
	lines := strings.SplitAfter(out, "\n")
	for i := 0; i < len(lines); {
		j := i
		for j < len(lines) && match(lines[j]) && strings.HasSuffix(lines[j], "\n") {
			j++
		}
		if j-i > 1 {
			sort.Strings(lines[i:j])
		}
		i = max(j, i+1)
	}
	return strings.Join(lines, "")
}

// sortAddrconfJSON is sortAddrconfRoutes for a -j (or -j -p) listing:
// runs of consecutive addrconf route objects are sorted by their text,
// each object keeping its own bytes and the separators staying in place,
// so the layout is still compared. Output that is no JSON array is left
// as it is.
func sortAddrconfJSON(out string) string {
	dec := json.NewDecoder(strings.NewReader(out))
	if t, err := dec.Token(); err != nil || t != json.Delim('[') {
		return out
	}
	type elem struct {
		start, end int
		addrconf   bool
	}
	var elems []elem
	for dec.More() {
		before := int(dec.InputOffset())
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return out
		}
		end := int(dec.InputOffset())
		start := end - len(raw)
		if start < before {
			return out
		}
		var r struct {
			Dst string `json:"dst"`
		}
		json.Unmarshal(raw, &r)
		ac := strings.HasPrefix(r.Dst, "fe80::") || r.Dst == "ff00::/8"
		elems = append(elems, elem{start, end, ac})
	}
	var b bytes.Buffer
	last := 0
	for i := 0; i < len(elems); {
		j := i
		for j < len(elems) && elems[j].addrconf {
			j++
		}
		if j-i < 2 {
			b.WriteString(out[last:elems[i].end])
			last = elems[i].end
			i++
			continue
		}
		texts := make([]string, 0, j-i)
		for _, e := range elems[i:j] {
			texts = append(texts, out[e.start:e.end])
		}
		sort.Strings(texts)
		for k, e := range elems[i:j] {
			b.WriteString(out[last:e.start])
			b.WriteString(texts[k])
			last = e.end
		}
		i = j
	}
	b.WriteString(out[last:])
	return b.String()
}

// isUsage reports whether a reference result prints a usage text, on
// stderr (ip) or stdout (brctl, help verbs), first or after an error line
// ("macsec: unknown command ..." then the kind's usage), whatever its exit
// status: gip writes its own usage texts, so from the first "Usage:" line on
// only the exit status is compared, as the leads' conformance runner does.
func isUsage(r result) bool {
	if r.Timeout {
		return false
	}
	return usageLine.MatchString(r.Err) || usageLine.MatchString(r.Out)
}

// render turns a normalized result into the lines that are compared:
// stdout, then stderr lines prefixed "! ", then the exit status.
func render(r result, usageOnly bool) []string {
	status := fmt.Sprintf("[exit %d]", r.RC)
	if r.Timeout {
		status = "[timeout]"
	}
	if usageOnly {
		status += " (usage text not compared)"
		r.Out, r.Err = beforeUsage(r.Out), beforeUsage(r.Err)
	}
	var lines []string
	if r.Out != "" {
		lines = append(lines, strings.Split(strings.TrimSuffix(r.Out, "\n"), "\n")...)
		if !strings.HasSuffix(r.Out, "\n") {
			lines = append(lines, `\ no newline at end of stdout`)
		}
	}
	if r.Err != "" {
		for _, l := range strings.Split(strings.TrimSuffix(r.Err, "\n"), "\n") {
			lines = append(lines, "! "+l)
		}
		if !strings.HasSuffix(r.Err, "\n") {
			lines = append(lines, `! \ no newline at end of stderr`)
		}
	}
	return append(lines, status)
}

// unifiedDiff returns a unified diff of a and b with ctx lines of context,
// or "" when they are equal.
func unifiedDiff(aName, bName string, a, b []string, ctx int) string {
	// Longest common subsequence, then an edit script.
	n, m := len(a), len(b)
	lcs := make([][]int, n+1)
	for i := range lcs {
		lcs[i] = make([]int, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if a[i] == b[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	type op struct {
		kind byte // ' ', '-', '+'
		text string
		ai   int // index in a (for ' ' and '-'), or insertion point
		bi   int
	}
	var ops []op
	i, j := 0, 0
	for i < n || j < m {
		switch {
		case i < n && j < m && a[i] == b[j]:
			ops = append(ops, op{' ', a[i], i, j})
			i++
			j++
		case i < n && (j == m || lcs[i+1][j] >= lcs[i][j+1]):
			ops = append(ops, op{'-', a[i], i, j})
			i++
		default:
			ops = append(ops, op{'+', b[j], i, j})
			j++
		}
	}
	// Group changes into hunks with ctx lines of context.
	var sb strings.Builder
	k := 0
	for k < len(ops) {
		for k < len(ops) && ops[k].kind == ' ' {
			k++
		}
		if k == len(ops) {
			break
		}
		start := max(k-ctx, 0)
		end := k
		for end < len(ops) {
			if ops[end].kind != ' ' {
				end++
				continue
			}
			// a run of equal lines: the hunk ends if it is longer than 2*ctx
			r := end
			for r < len(ops) && ops[r].kind == ' ' {
				r++
			}
			if r == len(ops) || r-end > 2*ctx {
				end = min(end+ctx, len(ops))
				break
			}
			end = r
		}
		if sb.Len() == 0 {
			fmt.Fprintf(&sb, "--- %s\n+++ %s\n", aName, bName)
		}
		aStart, bStart := ops[start].ai, ops[start].bi
		var aLen, bLen int
		for _, o := range ops[start:end] {
			if o.kind != '+' {
				aLen++
			}
			if o.kind != '-' {
				bLen++
			}
		}
		fmt.Fprintf(&sb, "@@ -%s +%s @@\n", hunkRange(aStart, aLen), hunkRange(bStart, bLen))
		for _, o := range ops[start:end] {
			sb.WriteByte(o.kind)
			sb.WriteString(o.text)
			sb.WriteByte('\n')
		}
		k = end
	}
	return sb.String()
}

func hunkRange(start, length int) string {
	if length == 0 {
		return fmt.Sprintf("%d,0", start)
	}
	if length == 1 {
		return fmt.Sprintf("%d", start+1)
	}
	return fmt.Sprintf("%d,%d", start+1, length)
}

// beforeUsage is s cut at its first "Usage:" line.
func beforeUsage(s string) string {
	if loc := usageLine.FindStringIndex(s); loc != nil {
		return s[:loc[0]]
	}
	return s
}
