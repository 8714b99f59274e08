// Package ipstats is the `ip stats` command: its word grammar, its usage
// text and the printer of one link's statistics message (used by show and
// by ip monitor).
package ipstats

import (
	"errors"
	"fmt"
	"io"
	"sort"

	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/internal/cnum"
	"github.com/gipnet/gip/rtnl"
	"github.com/gipnet/gip/stats"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// Run is `ip stats [ show | set | help ] ...`. Its keywords are compared
// whole and case-sensitively, as iproute2 6.1 does.
func Run(env *cli.Env, args *cmdline.Args) error {
	if !args.More() {
		return show(env, args)
	}
	switch w := args.Next(); w {
	case "help":
		env.P.Flush()
		WriteUsage(env.Stderr)
		return nil
	case "show":
		// iproute2 raises its global -s level here (one more with -d),
		// for the rest of a -batch too.
		env.Opts.Stats += env.Opts.Details + 1
		return show(env, args)
	case "set":
		return set(env, args)
	default:
		return cmdline.Exit(cmdline.StatusFailed, "Command \"%s\" is unknown, try \"ip stats help\".", w)
	}
}

// WriteUsage writes `ip stats help`, its statistics lists made from the
// same tree the words are matched against.
func WriteUsage(w io.Writer) {
	io.WriteString(w, "Usage: ip stats help\n"+
		"       ip stats show [ dev DEV ] [ group GROUP [ subgroup SUBGROUP [ suite SUITE ] ... ] ... ] ...\n"+
		"       ip stats set dev DEV l3_stats { on | off }\n")
	for i, g := range topLevel().subs {
		if i == 0 {
			fmt.Fprintf(w, "GROUP := { %s", g.name)
		} else {
			fmt.Fprintf(w, " | %s", g.name)
		}
	}
	io.WriteString(w, " }\n")
	for _, g := range topLevel().subs {
		if g.leaf() {
			continue
		}
		for j, sg := range g.subs {
			if j == 0 {
				fmt.Fprintf(w, "%s SUBGROUP := {", g.name)
			} else {
				io.WriteString(w, " |")
			}
			fmt.Fprintf(w, " %s", sg.name)
			for _, s := range sg.subs {
				fmt.Fprintf(w, " [ suite %s ]", s.name)
			}
		}
		io.WriteString(w, " }\n")
	}
}

func whatIs(env *cli.Env, w string) error {
	env.P.Flush()
	fmt.Fprintf(env.Stderr, "What is \"%s\"?\n", w)
	WriteUsage(env.Stderr)
	return cmdline.Silent(cmdline.StatusEINVAL)
}

// validIfname is iproute2's check_ifname.
func validIfname(s string) bool {
	if s == "" || len(s) >= unix.IFNAMSIZ {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] == '/' || cnum.IsSpace(s[i]) {
			return false
		}
	}
	return true
}

// devWord reads the value of `dev`, once (a nil dev is none given yet:
// a given word is a name even when empty).
func devWord(args *cmdline.Args, dev **string) error {
	v, err := args.Value()
	if err != nil {
		return err
	}
	if *dev != nil {
		return cmdline.Duplicate2("dev", v)
	}
	if !validIfname(v) {
		return cmdline.InvalidArg("\"dev\" not a valid ifname", v)
	}
	*dev = &v
	return nil
}

// lookup is ll_name_to_index on env's namespace: 0 for no such device.
func lookup(env *cli.Env, name string) int {
	if _, err := env.Conn(); err != nil {
		return 0
	}
	return int(env.LinkIndex(name))
}

// ParseShow reads the words of `ip stats show` (after show): the device
// (nil if none) and the statistics selected, in printing order. done is
// set when the words asked for help, which was written to stderr.
func ParseShow(args *cmdline.Args, stderr io.Writer) (dev *string, sel []Selected, done bool, err error) {
	var s selector
	for args.More() {
		w := args.Next()
		switch w {
		case "dev":
			if err := devWord(args, &dev); err != nil {
				return nil, nil, false, err
			}
			continue
		case "help":
			WriteUsage(stderr)
			return nil, nil, true, nil
		}
		level := -1
		for i, l := range levels {
			if w == l {
				level = i
			}
		}
		if level < 0 {
			fmt.Fprintf(stderr, "What is \"%s\"?\n", w)
			WriteUsage(stderr)
			return nil, nil, false, cmdline.Silent(cmdline.StatusEINVAL)
		}
		v, err := args.Value()
		if err != nil {
			return nil, nil, false, err
		}
		if err := s.choose(v, level); err != nil {
			return nil, nil, false, err
		}
	}
	if err := s.push(); err != nil {
		return nil, nil, false, err
	}
	return dev, s.enabled, false, nil
}

func show(env *cli.Env, args *cmdline.Args) error {
	env.P.Flush()
	dev, sel, done, err := ParseShow(args, env.Stderr)
	if err != nil || done {
		return err
	}
	index := 0
	if dev != nil {
		if index = lookup(env, *dev); index == 0 {
			return cmdline.Exit(cmdline.StatusFailed, "Cannot find device \"%s\"", *dev)
		}
	}
	c, err := env.Conn()
	if err != nil {
		return err
	}
	f := Filter(sel)
	names := env.LinkNames()
	defer names.Close()
	pr := NewPrinter(env, names)
	env.P.Begin()
	if index != 0 {
		m, err := c.Query(stats.MsgGet, 0, f.Body(index))
		if err != nil {
			env.P.End()
			return err
		}
		err = pr.Print(m.Data, sel)
		env.P.End()
		return err
	}
	err = c.Dump(stats.MsgGet, f.Body(0), func(m netlink.Message) error {
		if err := pr.Print(m.Data, sel); err != nil {
			return err
		}
		env.P.NL()
		return nil
	})
	var ne *rtnl.Error
	if err != nil && !errors.As(err, &ne) {
		var ce *cmdline.Error
		if errors.As(err, &ce) {
			env.P.Flush()
			return cmdline.Exit(cmdline.StatusRefused, "Dump terminated")
		}
		return err
	}
	if err != nil {
		env.P.Flush()
		return cmdline.Exit(cmdline.StatusRefused, "%s\nDump terminated", ne.Error())
	}
	env.P.End()
	return nil
}

// Filter is the request filter that asks for what sel shows.
func Filter(sel []Selected) stats.Filter {
	var f stats.Filter
	for _, s := range sel {
		s.d.enable(&f)
	}
	return f
}

func set(env *cli.Env, args *cmdline.Args) error {
	var dev *string
	given := false
	on := false
	for args.More() {
		switch w := args.Next(); w {
		case "dev":
			if err := devWord(args, &dev); err != nil {
				return err
			}
		case "l3_stats":
			v, err := args.Value()
			if err != nil {
				return err
			}
			if given {
				return cmdline.Exit(cmdline.StatusEINVAL, "A statistics suite to toggle was already given.")
			}
			given = true
			switch { // parse_on_off: abbreviations, "off" first
			case cmdline.Matches(v, "off"):
				on = false
			case cmdline.Matches(v, "on"):
				on = true
			default:
				return cmdline.Exit(cmdline.StatusEINVAL, "Error: argument of \"l3_stats\" must be one of \"off\", \"on\", not \"%s\"", v)
			}
		case "help":
			env.P.Flush()
			WriteUsage(env.Stderr)
			return nil
		default:
			return whatIs(env, w)
		}
	}
	if dev == nil {
		return cmdline.Fatal(cmdline.StatusUsage, "Not enough information: \"dev\" argument is required.")
	}
	if !given {
		return cmdline.Fatal(cmdline.StatusUsage, "Not enough information: stat type to toggle is required.")
	}
	index := lookup(env, *dev)
	if index == 0 {
		return cmdline.Exit(cmdline.StatusFailed, "Cannot find device \"%s\"", *dev)
	}
	c, err := env.Conn()
	if err != nil {
		return err
	}
	return c.Exec(stats.MsgSet, 0, stats.SetL3StatsBody(index, on))
}

// Selected is one statistic chosen on the command line, with the words
// that name it.
type Selected struct {
	d     *desc
	words [3]string
	n     int // how many of words are set
}

// selector is iproute2's selection state: the words given so far at each
// level, and what earlier selections enabled.
type selector struct {
	cur     Selected
	enabled []Selected
}

// choose is ipstats_select: word at level replaces the selection from that
// level down, after enabling what was selected before.
func (s *selector) choose(word string, level int) error {
	for i := 0; i < level; i++ {
		if i >= s.cur.n {
			return cmdline.Exit(cmdline.StatusEINVAL, "Error: %s %s requested without selecting a %s first",
				levels[level], word, levels[i])
		}
	}
	if s.cur.n > level {
		if err := s.push(); err != nil {
			return err
		}
	}
	s.cur.words[level] = word
	s.cur.n = level + 1
	return nil
}

// push is ipstats_enable_check of the current selection.
func (s *selector) push() error {
	d := topLevel()
	for i := 0; i < s.cur.n; i++ {
		if d.leaf() {
			return cmdline.Exit(cmdline.StatusEINVAL, "Error: %s %s requested inside leaf %s %s",
				levels[i], s.cur.words[i], levels[i-1], d.name)
		}
		var next *desc
		for _, sub := range d.subs {
			if sub.name == s.cur.words[i] {
				next = sub
				break
			}
		}
		if next == nil {
			return cmdline.Exit(cmdline.StatusEINVAL, "Error: no %s named %s found inside %s",
				levels[i], s.cur.words[i], d.name)
		}
		d = next
	}
	add(d, s.cur, &s.enabled)
	sort.SliceStable(s.enabled, func(i, j int) bool { return s.enabled[i].d.rank < s.enabled[j].d.rank })
	out := s.enabled[:0]
	for i, e := range s.enabled {
		if i == 0 || e.d != out[len(out)-1].d {
			out = append(out, e)
		}
	}
	s.enabled = out
	return nil
}

// add enables every leaf under d, each named by the words that lead to it.
func add(d *desc, sel Selected, out *[]Selected) {
	if d.leaf() {
		sel.d = d
		*out = append(*out, sel)
		return
	}
	for _, sub := range d.subs {
		s := sel
		s.words[s.n] = sub.name
		s.n++
		add(sub, s, out)
	}
}
