package completion

import (
	"strings"

	"github.com/gipnet/gip/internal/cmdline"
)

// What the shell is to do besides offering the candidates.
const (
	DirectiveWords   = "words"   // offer the candidates only
	DirectiveFiles   = "files"   // complete a file name
	DirectiveCommand = "command" // complete a command name
	DirectiveDefault = "default" // the shell's default (a command's own arguments)
)

// Result is what one completion offers.
type Result struct {
	Directive  string
	Candidates []string
}

// Source answers the questions about the live system and the name files.
type Source interface {
	// Links lists the links of namespace netns ("" the current one),
	// only bridges when bridges is set.
	Links(netns string, bridges bool) []string
	// Class lists the names of a class other than the link ones:
	// ClassNetNS, ClassKind, ClassTable, ClassProto, ClassScope.
	Class(class string) []string
}

// Set is the three applets; gip is ip with the others' names as words.
type Set struct {
	IP, Bridge, Brctl *Applet
}

// Complete completes the last of words (the word under the cursor, maybe
// empty) of a command line run as cmd (a path or name: ip, gip, gbridge …).
func (s *Set) Complete(cmd string, words []string, src Source) Result {
	if len(words) == 0 {
		words = []string{""}
	}
	name := cmd[strings.LastIndexByte(cmd, '/')+1:]
	c := &completer{src: src, words: words[:len(words)-1], cur: words[len(words)-1]}
	switch name {
	case "bridge", "gbridge":
		return c.applet(s.Bridge, nil)
	case "brctl", "gbrctl":
		return c.applet(s.Brctl, nil)
	case "gip":
		// `gip [-n NS] bridge|brctl …` runs that applet (in NS).
		w := c.words
		if len(w) >= 2 {
			if o, ok := matchOption(ParseWords(s.IP.Options), w[0]); ok && o.Value == ClassNetNS {
				c.netns, w = w[1], w[2:]
			}
		}
		if len(w) > 0 {
			switch w[0] {
			case "bridge", "gbridge":
				c.words = w[1:]
				return c.applet(s.Bridge, nil)
			case "brctl", "gbrctl":
				c.words = w[1:]
				return c.applet(s.Brctl, nil)
			}
		}
		c.netns = ""
		return c.applet(s.IP, []string{"bridge", "brctl"})
	}
	return c.applet(s.IP, nil)
}

type completer struct {
	src   Source
	words []string // the words before the cursor, after the command name
	cur   string   // the word under the cursor
	netns string   // the namespace -n names
}

func (c *completer) applet(a *Applet, extraObjects []string) Result {
	opts := ParseWords(a.Options)
	w := c.words
	inet6 := false
	// The global options.
	for len(w) > 0 && strings.HasPrefix(w[0], "-") && w[0] != "--" {
		opt, ok := matchOption(opts, w[0])
		w = w[1:]
		if ok && (opt.Name == "-4" || opt.Name == "-6" || opt.Name == "-0") {
			inet6 = opt.Name == "-6"
		}
		if !ok || opt.Value == "" {
			continue
		}
		if len(w) == 0 {
			return c.value(opt.Value)
		}
		switch {
		case opt.Value == ClassNetNS:
			c.netns = w[0]
		case opt.Name == "-family":
			inet6 = w[0] == "inet6"
		}
		w = w[1:]
	}
	if len(w) > 0 && w[0] == "--" {
		w = w[1:]
	}
	if len(w) == 0 {
		if strings.HasPrefix(c.cur, "-") {
			return c.offer(optionNames(opts))
		}
		names := make([]string, 0, len(a.Objects)+len(extraObjects))
		for _, o := range a.Objects {
			names = append(names, o.Name)
		}
		return c.offer(append(names, extraObjects...))
	}
	obj := findObject(a.Objects, w[0])
	if obj == nil {
		return Result{Directive: DirectiveWords}
	}
	w = w[1:]
	if obj.Verbs6 != nil && (inet6 || modeIn(obj.Verbs6, w)) {
		return c.verbs(obj.Verbs6, nil, w)
	}
	if len(obj.Verbs) == 0 {
		if obj.Default == nil {
			return Result{Directive: DirectiveWords}
		}
		return c.verb(obj.Default, w)
	}
	return c.verbs(obj.Verbs, obj.Default, w)
}

// verbs completes at the place of a verb among vs, or after it.
func (c *completer) verbs(vs []Verb, def *Verb, w []string) Result {
	if len(w) == 0 {
		r := c.offer(Names(vs))
		if def != nil {
			r.Candidates = append(r.Candidates, c.verb(def, nil).Candidates...)
		}
		return r
	}
	for i := range vs {
		if cmdline.Matches(w[0], vs[i].Name) {
			return c.verb(&vs[i], w[1:])
		}
	}
	if def != nil {
		return c.verb(def, w)
	}
	return Result{Directive: DirectiveWords}
}

// verb completes after verb v, whose words so far are w.
func (c *completer) verb(v *Verb, w []string) Result {
	if len(v.Sub) > 0 {
		return c.verbs(v.Sub, nil, w)
	}
	kws := ParseWords(v.Words)
	args := strings.Fields(v.Args)
	arg := 0 // the next bare word's place in args
	for i := 0; i < len(w); i++ {
		if kw, ok := matchWord(kws, w[i]); ok {
			if kw.Value == "" {
				continue
			}
			if i+1 == len(w) {
				return c.value(kw.Value)
			}
			i++
			continue
		}
		if arg < len(args) {
			if args[arg] == ClassCommand {
				// The command's own words are the shell's.
				return Result{Directive: DirectiveDefault}
			}
			if !strings.HasSuffix(args[arg], "+") {
				arg++
			}
		}
	}
	r := c.offer(kwNames(kws))
	if arg < len(args) {
		more := c.value(strings.TrimSuffix(args[arg], "+"))
		r.Candidates = append(r.Candidates, more.Candidates...)
		if more.Directive != DirectiveWords {
			r.Directive = more.Directive
		}
	}
	return r
}

// value completes a value of class or list v.
func (c *completer) value(v string) Result {
	if lits := Literals(v); lits != nil {
		return c.offer(lits)
	}
	switch v {
	case ClassDev:
		return c.offer(c.src.Links(c.netns, false))
	case ClassBridge:
		return c.offer(c.src.Links(c.netns, true))
	case ClassFile:
		return Result{Directive: DirectiveFiles}
	case ClassCommand:
		return Result{Directive: DirectiveCommand}
	case ClassNetNS, ClassKind, ClassTable, ClassProto, ClassScope:
		return c.offer(c.src.Class(v))
	}
	return Result{Directive: DirectiveWords}
}

// offer keeps the names the word under the cursor begins, in order and
// each once.
func (c *completer) offer(names []string) Result {
	r := Result{Directive: DirectiveWords}
	seen := make(map[string]bool, len(names))
	for _, n := range names {
		if n == "" || seen[n] || !strings.HasPrefix(n, c.cur) {
			continue
		}
		seen[n] = true
		r.Candidates = append(r.Candidates, n)
	}
	return r
}

func findObject(objs []Object, w string) *Object {
	for i := range objs {
		if cmdline.Matches(w, objs[i].Name) {
			return &objs[i]
		}
	}
	return nil
}

// matchOption finds the option w names: "--x" is "-x", and the first
// option w abbreviates wins, as in the applets' option loops.
func matchOption(opts []Word, w string) (Word, bool) {
	if strings.HasPrefix(w, "--") {
		w = w[1:]
	}
	w, _, _ = strings.Cut(w, "=")
	for _, o := range opts {
		if w == o.Name {
			return o, true
		}
	}
	for _, o := range opts {
		if len(w) > 1 && cmdline.Matches(w, o.Name) {
			return o, true
		}
	}
	return Word{}, false
}

// matchWord finds the keyword w is, compared whole: an abbreviation is
// more often a device's name than a keyword.
func matchWord(kws []Word, w string) (Word, bool) {
	for _, k := range kws {
		if strings.EqualFold(w, k.Name) {
			return k, true
		}
	}
	return Word{}, false
}

func kwNames(kws []Word) []string {
	names := make([]string, len(kws))
	for i, k := range kws {
		names[i] = k.Name
	}
	return names
}

func optionNames(opts []Word) []string { return kwNames(opts) }

// modeIn reports whether the word after the first "mode" of w is one of
// the mode values of vs (iptunnel.c's do_iptunnel looks no further).
func modeIn(vs []Verb, w []string) bool {
	for i := 0; i+1 < len(w); i++ {
		if w[i] != "mode" {
			continue
		}
		for _, v := range vs {
			for _, kw := range ParseWords(v.Words) {
				if kw.Name != "mode" {
					continue
				}
				for _, lit := range Literals(kw.Value) {
					if lit == w[i+1] {
						return true
					}
				}
			}
		}
		return false
	}
	return false
}
