package usage

import (
	"io"
	"strings"

	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cmdline"
)

// Stub is the front of an ip object gip does not implement yet: it reads
// the object's words as iproute2 dispatches them, far enough to answer
// `help` (its usage text, stream and exit status), the usage iproute2 gives
// for a missing word, and its error for an unknown one. Anything that would
// do real work is refused as not implemented. When an object gets its run
// function in the objects table, its Stub is no longer used.
type Stub struct {
	Name  string                             // for "not implemented"
	Usage func(env *cli.Env) func(io.Writer) // picks the usage text
	// HelpOK: the usage text ends with status 0 (ip stats), not 255.
	HelpOK bool
	// Verbs in iproute2's order of tests; the first that the word
	// abbreviates wins. "=word" must be given whole (strcmp); "word+"
	// takes a value (in a loop).
	Verbs []string
	// Loop: every word is an option (ip monitor), not one verb.
	Loop bool
	// NoArgs: what iproute2 does without a word: "usage", an error
	// message (status 255), or "" for the object's default action.
	NoArgs string
	// Unknown is the message for a word that is no verb ("%s" is the
	// word), exit status 255; "usage" prints the usage text, and "" means
	// iproute2 asks the kernel first (generic netlink families this
	// kernel may lack), so gip refuses it as not implemented.
	Unknown string
	// UnknownCode is the exit status after unknown; 0 means 255 (and
	// iproute2 exits there).
	UnknownCode int
	Sub         map[string]*Stub // verbs that are sub-objects
}

// matchVerb returns the verb words[0] selects and whether it takes a value.
func (s *Stub) matchVerb(word string) (verb string, value bool) {
	for _, v := range s.Verbs {
		exact := strings.HasPrefix(v, "=")
		v = strings.TrimPrefix(v, "=")
		takes := strings.HasSuffix(v, "+")
		v = strings.TrimSuffix(v, "+")
		if (exact && word == v) || (!exact && cmdline.Matches(word, v)) {
			return v, takes
		}
	}
	return "", false
}

func (s *Stub) printUsage(env *cli.Env) error {
	env.P.Flush()
	s.Usage(env)(env.Stderr)
	if s.HelpOK {
		return nil
	}
	return cmdline.Usage()
}

func (s *Stub) notImplemented() error {
	return cmdline.Exit(cmdline.StatusFailed, "Object \"%s\" is not implemented in gip yet.", s.Name)
}

// run reads words as the object would.
func (s *Stub) Run(env *cli.Env, words []string) error {
	if len(words) == 0 {
		switch s.NoArgs {
		case "":
			return s.notImplemented()
		case "usage":
			return s.printUsage(env)
		default:
			return cmdline.Fatal(cmdline.StatusUsage, "%s", s.NoArgs)
		}
	}
	for i := 0; i < len(words); i++ {
		verb, value := s.matchVerb(words[i])
		switch {
		case verb == "help":
			return s.printUsage(env)
		case verb == "" && s.Unknown == "usage":
			return s.printUsage(env)
		case verb == "" && s.Unknown == "":
			return s.notImplemented()
		case verb == "" && s.UnknownCode != 0:
			return cmdline.Exit(s.UnknownCode, s.Unknown, words[i])
		case verb == "":
			return cmdline.Fatal(cmdline.StatusUsage, s.Unknown, words[i])
		case s.Sub[verb] != nil:
			return s.Sub[verb].Run(env, words[i+1:])
		case !s.Loop:
			return s.notImplemented()
		case value:
			i++
		}
	}
	return s.notImplemented()
}

// Text is a Stub.Usage that always prints fn's text.
func Text(fn func(io.Writer)) func(*cli.Env) func(io.Writer) {
	return func(*cli.Env) func(io.Writer) { return fn }
}
