// Package cmdline is the word level of gip's command lines: the argument
// cursor with iproute2's first-match abbreviation rule, and the error type
// that carries iproute2's exit status up to main. Object packages use it for
// the word grammars they offer (a link kind's arguments); everything else of
// the command line (options, output, the per-run environment) is in cli.
package cmdline

import (
	"fmt"
	"strings"
)

// Matches reports whether word abbreviates keyword the way iproute2's
// matches() does: word is a non-empty prefix of keyword. Tables are scanned
// in order and the first match wins, so table order is the abbreviation rule.
func Matches(word, keyword string) bool {
	return word != "" && len(word) <= len(keyword) && keyword[:len(word)] == word
}

// Args is a cursor over the words of one command.
type Args struct {
	words []string
	pos   int
}

// NewArgs returns a cursor at the first of words.
func NewArgs(words []string) *Args { return &Args{words: words} }

// Reset points a at the first of words, for a cursor reused from one
// command to the next (ip -batch keeps one for all its lines).
func (a *Args) Reset(words []string) { a.words, a.pos = words, 0 }

// More reports whether words remain.
func (a *Args) More() bool { return a.pos < len(a.words) }

// Len is the number of words left.
func (a *Args) Len() int { return len(a.words) - a.pos }

// Peek returns the current word without consuming it ("" at the end).
func (a *Args) Peek() string {
	if a.pos < len(a.words) {
		return a.words[a.pos]
	}
	return ""
}

// Next consumes and returns the current word ("" at the end).
func (a *Args) Next() string {
	w := a.Peek()
	if a.pos < len(a.words) {
		a.pos++
	}
	return w
}

// Back steps back one word.
func (a *Args) Back() {
	if a.pos > 0 {
		a.pos--
	}
}

// Replace changes the current word for the rest of the command, as
// iproute2's parsers do that write into argv (ll_addr_a2n cuts a word at
// its first colon) before the word is read again.
func (a *Args) Replace(word string) {
	if a.pos < len(a.words) {
		a.words[a.pos] = word
	}
}

// Rest returns the words not yet consumed.
func (a *Args) Rest() []string { return a.words[a.pos:] }

// Prev returns the word consumed last ("" before the first).
func (a *Args) Prev() string {
	if a.pos > 0 {
		return a.words[a.pos-1]
	}
	return ""
}

// Value consumes the word that must follow keyword kw, failing as iproute2's
// NEXT_ARG() does when there is none.
func (a *Args) Value() (string, error) {
	if !a.More() {
		return "", IncompleteCommand()
	}
	return a.Next(), nil
}

// After returns w, or, when w is the optional keyword kw, the word after it
// (iproute2's `if (strcmp(*argv, "to") == 0) NEXT_ARG();`), failing as
// Value does when there is none.
func (a *Args) After(kw, w string) (string, error) {
	if w != kw {
		return w, nil
	}
	return a.Value()
}

// Exit statuses, named for how iproute2's commands end.
const (
	// StatusOK is a command that ends the run early and well (a usage
	// text asked for with -h, the end of a saved stream).
	StatusOK = 0
	// StatusFailed is exit(1): the command line was understood and the
	// work failed (a device not found, a system call refused).
	StatusFailed = 1
	// StatusRefused is exit(2): a request or dump the kernel refused or
	// that could not be completed (iproute2's "return -2" paths).
	StatusRefused = 2
	// StatusEINVAL is a command that returns EINVAL as ip's status
	// (ip stats, ip rule's l3mdev check).
	StatusEINVAL = 22
	// StatusNegEINVAL is exit(-EINVAL), 234 (bridge's on/off values).
	StatusNegEINVAL = 234
	// StatusNeg2 is exit(-2), 254 (bridge fdb get's failures).
	StatusNeg2 = 254
	// StatusUsage is exit(-1), 255: the command line was wrong, or a usage
	// text was printed.
	StatusUsage = 255
)

// Error is an error with the exit status main must use. Msg, when set, is
// printed to stderr followed by one newline.
//
// Fatal marks the places where iproute2 exits from inside a parser instead
// of returning: under -batch those end the whole batch at once, while other
// failures print "Command failed FILE:LINE" and (with -force) go on. The exit
// status alone does not tell the two apart.
type Error struct {
	Code  int
	Msg   string
	Fatal bool
}

func (e *Error) Error() string { return e.Msg }

// Exit returns an Error with status code and a formatted message.
func Exit(code int, format string, args ...any) error {
	return &Error{Code: code, Msg: fmt.Sprintf(format, args...)}
}

// Fatal returns an Error for a place where iproute2 exits the process
// (see Error.Fatal).
func Fatal(code int, format string, args ...any) error {
	return &Error{Code: code, Msg: fmt.Sprintf(format, args...), Fatal: true}
}

// Exited is the end of a command after which iproute2 exits ip with status
// code (address save, showdump and restore): under -batch the rest of the
// batch is not run.
func Exited(code int) error { return &Error{Code: code, Fatal: true} }

// Silent returns an Error with status code and nothing to print (the message
// was printed already, or the tool prints none).
func Silent(code int) error { return &Error{Code: code} }

// Usage is returned by a usage function after it has printed its text.
func Usage() error { return &Error{Code: StatusUsage, Fatal: true} }

// IncompleteCommand is iproute2's NEXT_ARG failure.
func IncompleteCommand() error {
	return Fatal(StatusUsage, "Command line is not complete. Try option \"help\"")
}

// InvalidArg is iproute2's invarg(): `Error: argument "ARG" is wrong: MSG`.
func InvalidArg(msg, arg string) error {
	return Fatal(StatusUsage, "Error: argument \"%s\" is wrong: %s", arg, msg)
}

// Duplicate is iproute2's duparg(): a keyword given twice.
func Duplicate(key, arg string) error {
	return Fatal(StatusUsage, "Error: duplicate \"%s\": \"%s\" is the second value.", key, arg)
}

// Duplicate2 is iproute2's duparg2(): two arguments that name the same thing.
func Duplicate2(key, arg string) error {
	return Fatal(StatusUsage, "Error: either \"%s\" is duplicate, or \"%s\" is a garbage.", key, arg)
}

// UnknownArg is the common "what is X?" style failure, exit 255.
func UnknownArg(msg string) error { return Exit(StatusUsage, "%s", msg) }

// JoinWords joins words as a shell would show them (for messages).
func JoinWords(w []string) string { return strings.Join(w, " ") }
