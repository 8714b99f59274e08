// Package bridge is brctl (bridge-utils) and the `bridge` command, both
// reading bridges over netlink rather than sysfs.
package brctl

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/internal/completion"
	"github.com/gipnet/gip/internal/version"
	"github.com/gipnet/gip/rtnl"
	"golang.org/x/sys/unix"
)

// command is one brctl command: its name, how many words it needs after
// its name, what it runs, and its synopsis for the usage text.
type command struct {
	name  string
	nargs int
	run   func(b *brctl, args []string) error
	synop string
}

// commands is brctl's table. Names are matched exactly, never abbreviated.
var commands = []command{
	{"addbr", 1, (*brctl).addbr, "BRIDGE                add (create) a bridge"},
	{"delbr", 1, (*brctl).delbr, "BRIDGE                delete a bridge that is down"},
	{"addif", 2, (*brctl).addif, "BRIDGE DEVICE...      add each interface (device) to the bridge"},
	{"delif", 2, (*brctl).delif, "BRIDGE DEVICE...      delete each interface from the bridge"},
	{"hairpin", 3, (*brctl).hairpin, "BRIDGE PORT on|off    turn hairpin mode of a port on or off"},
	{"setageing", 2, (*brctl).setageing, "BRIDGE SECONDS        set the FDB ageing time"},
	{"setbridgeprio", 2, (*brctl).setbridgeprio, "BRIDGE PRIORITY       set the bridge priority (prio)"},
	{"setfd", 2, (*brctl).setfd, "BRIDGE SECONDS        set the forward delay"},
	{"sethello", 2, (*brctl).sethello, "BRIDGE SECONDS        set the hello time"},
	{"setmaxage", 2, (*brctl).setmaxage, "BRIDGE SECONDS        set the max(imum) message age"},
	{"setpathcost", 3, (*brctl).setpathcost, "BRIDGE PORT COST      set the path cost of a port"},
	{"setportprio", 3, (*brctl).setportprio, "BRIDGE PORT PRIORITY  set the priority of a port"},
	{"show", 0, (*brctl).show, "[BRIDGE...]           list bridges and their ports"},
	{"showmacs", 1, (*brctl).showmacs, "BRIDGE                list the learned mac addrs (MAC addresses)"},
	{"showstp", 1, (*brctl).showstp, "BRIDGE                spanning tree (stp) info"},
	{"stp", 2, (*brctl).stp, "BRIDGE on|off         turn the spanning tree on or off"},
}

// Grammar is brctl's commands and their arguments, read from the
// synopses of the table above, for shell completion and the man page.
func Grammar() completion.Applet {
	a := completion.Applet{Name: "brctl", Options: "-h -V --help --version"}
	for _, c := range commands {
		var args []string
		for _, w := range strings.Fields(c.synop[:22]) {
			w = strings.Trim(w, "[]")
			class, rest := strings.CutSuffix(w, "...")
			switch class {
			case "BRIDGE":
				class = completion.ClassBridge
			case "DEVICE", "PORT":
				class = completion.ClassDev
			}
			if rest {
				class += "+"
			}
			args = append(args, class)
		}
		a.Objects = append(a.Objects, completion.Object{Name: c.name, Default: &completion.Verb{Args: strings.Join(args, " ")}})
	}
	return a
}

// Synopses returns each command with its words and what it does, as the
// usage text lists them.
func Synopses() [][2]string {
	s := make([][2]string, len(commands))
	for i, c := range commands {
		s[i] = [2]string{c.name, c.synop}
	}
	return s
}

func lookupCommand(name string) *command {
	for i := range commands {
		if commands[i].name == name {
			return &commands[i]
		}
	}
	return nil
}

// help prints gip's brctl usage to stdout, as brctl prints its own.
func help(w io.Writer) {
	io.WriteString(w, "Usage: brctl COMMAND [ARGUMENTS]\ncommands:\n")
	for _, c := range commands {
		fmt.Fprintf(w, "  %-14s%s\n", c.name, c.synop)
	}
}

type brctl struct {
	env *cli.Env
	c   *rtnl.Conn
}

// warn prints one line to stderr.
func (b *brctl) warn(format string, a ...any) {
	b.env.Warnf(format+"\n", a...)
}

// progName is the program name getopt puts in its messages.
func progName() string {
	if len(os.Args) > 0 && os.Args[0] != "" {
		if filepath.Base(os.Args[0]) == "gip" {
			return "brctl"
		}
		return os.Args[0]
	}
	return "brctl"
}

// Brctl is the brctl applet.
func Brctl(env *cli.Env, args *cmdline.Args) error {
	words := args.Rest()
	p := env.P
	act, rest, msg := getopt(progName(), words)
	switch act {
	case optHelp:
		help(p.Writer())
		return nil
	case optVersion:
		p.Text(version.BrctlLine() + "\n")
		return nil
	case optBad:
		env.Warnf("%s", msg)
		help(p.Writer())
		return cmdline.Silent(cmdline.StatusFailed)
	}
	if len(rest) == 0 {
		help(p.Writer())
		return cmdline.Silent(cmdline.StatusFailed)
	}
	cmd := lookupCommand(rest[0])
	if cmd == nil {
		env.Warnf("never heard of command [%s]\n", rest[0])
		help(p.Writer())
		return cmdline.Silent(cmdline.StatusFailed)
	}
	if len(rest) < cmd.nargs+1 {
		p.Text("Incorrect number of arguments for command\n")
		fmt.Fprintf(p.Writer(), "Usage: brctl %s %s\n", cmd.name, strings.TrimRight(cmd.synop[:22], " "))
		return cmdline.Silent(cmdline.StatusFailed)
	}
	c, err := env.Conn()
	if err != nil {
		return err
	}
	b := &brctl{env: env, c: c}
	return cmd.run(b, rest)
}

const (
	optNone = iota
	optHelp
	optVersion
	optBad
)

// getopt is getopt_long(argc, argv, "Vh", {help, version}) with GNU
// argument permutation: options anywhere before "--" are acted on, the
// first one deciding; the other words are the command, in their order.
// For a bad option msg is what getopt and brctl print to stderr.
func getopt(prog string, words []string) (act int, rest []string, msg string) {
	for i := 0; i < len(words); i++ {
		w := words[i]
		if w == "--" {
			rest = append(rest, words[i+1:]...)
			break
		}
		if len(w) < 2 || w[0] != '-' {
			rest = append(rest, w)
			continue
		}
		if strings.HasPrefix(w, "--") {
			name, _, hasArg := strings.Cut(w[2:], "=")
			var match []string
			for _, l := range []string{"help", "version"} {
				if l == name {
					match = []string{l}
					break
				}
				if strings.HasPrefix(l, name) {
					match = append(match, l)
				}
			}
			switch {
			case len(match) == 0:
				return optBad, nil, fmt.Sprintf("%s: unrecognized option '%s'\nUnknown option '?'\n", prog, w)
			case len(match) > 1:
				return optBad, nil, fmt.Sprintf("%s: option '%s' is ambiguous; possibilities: '--help' '--version'\nUnknown option '?'\n", prog, w)
			case hasArg:
				return optBad, nil, fmt.Sprintf("%s: option '--%s' doesn't allow an argument\nUnknown option '?'\n", prog, match[0])
			case match[0] == "help":
				return optHelp, nil, ""
			default:
				return optVersion, nil, ""
			}
		}
		switch w[1] {
		case 'h':
			return optHelp, nil, ""
		case 'V':
			return optVersion, nil, ""
		default:
			return optBad, nil, fmt.Sprintf("%s: invalid option -- '%c'\nUnknown option '?'\n", prog, w[1])
		}
	}
	return optNone, rest, ""
}

func strerror(errno unix.Errno) string { return rtnl.Strerror(errno) }

// errnoOf is the errno a kernel refusal carries (EINVAL for anything else).
func errnoOf(err error) unix.Errno {
	var e *rtnl.Error
	if ok := errors.As(err, &e); ok {
		return e.Errno
	}
	return unix.EINVAL
}
