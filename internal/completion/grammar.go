// Package completion completes gip's command lines (ip, bridge, brctl) for
// bash, zsh and fish. The shells' functions are thin: they hand the words
// to `gip completion __complete` and offer what it prints. The candidates
// come from the grammar tables the command packages export (and the
// tests check against their parsers), from the rt_tables-style files, and
// from the live system: the links of the namespace -n names (or the
// current one) and /run/netns.
package completion

import "strings"

// Applet is one tool's grammar: ip, bridge or brctl.
type Applet struct {
	Name string
	// Options are the global options, each a Word whose name starts with
	// "-" ("-netns=NETNS", "-json").
	Options string
	// Objects are in the applet's order of trial, which is its
	// abbreviation rule: `ip a` is the first object "a" begins.
	Objects []Object
}

// Object is one object word of an applet and what follows it.
type Object struct {
	Name  string
	Verbs []Verb // in the parser's order of trial; empty: the words are Default's
	// Default is what follows the object when its first word is no verb
	// (ip monitor's objects, brctl's arguments); also the words of an
	// object without verbs.
	Default *Verb
	// Verbs6, when set, are the verbs under -6 (or -family inet6), and
	// also once a "mode" word names one of Verbs6's modes: ip tunnel
	// becomes ip -6 tunnel then.
	Verbs6 []Verb
}

// Verb is one verb and the words it reads.
type Verb struct {
	Name string
	// Args are the bare words the verb reads, in order, as value classes
	// separated by blanks; a class ending in "+" repeats ("BRIDGE DEV+").
	Args string
	// Words are the verb's keywords separated by blanks: "name" alone is
	// a flag; "name=VALUE" takes a value, where VALUE is a class (see
	// Values), a list of literal words "a|b|c", or any other upper-case
	// word for a value with nothing to offer (MTU, PREFIX).
	Words string
	Sub   []Verb // sub-verbs: the next word is one of these
}

// Value classes. Everything else upper-case is a value gip cannot guess.
const (
	ClassDev     = "DEV"     // a link of the namespace
	ClassBridge  = "BRIDGE"  // a bridge of the namespace
	ClassNetNS   = "NETNS"   // a name in /run/netns
	ClassKind    = "KIND"    // a link type
	ClassTable   = "TABLE"   // a routing table name (rt_tables)
	ClassProto   = "PROTO"   // a route protocol name (rt_protos)
	ClassScope   = "SCOPE"   // a scope name (rt_scopes)
	ClassFile    = "FILE"    // a file name: the shell completes it
	ClassCommand = "COMMAND" // a command and its arguments: the shell completes it
)

// Word is one keyword of a Verb's Words, split.
type Word struct {
	Name  string
	Value string // "" for a flag
}

// ParseWords splits a Words (or Options) string.
func ParseWords(s string) []Word {
	var ws []Word
	for _, f := range strings.Fields(s) {
		name, value, _ := strings.Cut(f, "=")
		ws = append(ws, Word{name, value})
	}
	return ws
}

// Literals returns the literal words of a value: the alternatives of a
// list "a|b", or nil for a class or a free value.
func Literals(value string) []string {
	if strings.Contains(value, "|") || (value != "" && strings.ToLower(value) == value) {
		return strings.Split(value, "|")
	}
	return nil
}

// Names returns the verbs' names in order.
func Names(vs []Verb) []string {
	names := make([]string, len(vs))
	for i, v := range vs {
		names[i] = v.Name
	}
	return names
}
