package bridgecmd

import (
	"strings"

	"github.com/gipnet/gip/format"
	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/internal/version"
	"github.com/gipnet/gip/netns"
	"github.com/gipnet/gip/rtnl"
	"golang.org/x/sys/unix"
)

// Options reads the bridge applet's global options from args and sets up
// env for them; it returns the -batch file when one was given (the words
// after the options are then ignored, as in iproute2). -Version ends with
// a status 0 error: nothing more is to be run.
func Options(env *cli.Env, args *cmdline.Args) (batch string, isBatch bool, err error) {
	o := &env.Opts
	color := 0 // 0 never, 1 auto, 2 always
	for args.More() {
		opt := args.Peek()
		if opt == "--" {
			args.Next()
			break
		}
		if !strings.HasPrefix(opt, "-") {
			break
		}
		args.Next()
		if strings.HasPrefix(opt, "--") {
			opt = opt[1:]
		}
		m := func(kw string) bool { return cmdline.Matches(opt, kw) }
		switch {
		case m("-help"):
			return "", false, bridgeUsage(env.Stderr)
		case m("-Version"):
			env.P.Text(version.BridgeLine() + "\n")
			return "", false, cmdline.Silent(cmdline.StatusOK)
		case m("-stats"), m("-statistics"):
			o.Stats++
		case m("-details"):
			o.Details++
		case m("-oneline"):
			o.Oneline = true
		case m("-timestamp"):
			o.Timestamp++
		case m("-family"):
			if !args.More() {
				return "", false, bridgeUsage(env.Stderr)
			}
			switch v := args.Next(); v {
			case "inet":
				o.Family = unix.AF_INET
			case "inet6":
				o.Family = unix.AF_INET6
			case "help":
				return "", false, bridgeUsage(env.Stderr)
			default:
				return "", false, cmdline.InvalidArg("invalid protocol family", v)
			}
		case opt == "-4":
			// Only fdb's dst address reads the family (get_addr).
			o.Family = unix.AF_INET
		case opt == "-6":
			o.Family = unix.AF_INET6
		case m("-netns"):
			if !args.More() {
				return "", false, cmdline.IncompleteCommand()
			}
			name := args.Next()
			fd, err := netns.OpenNamed(name)
			if err != nil {
				return "", false, err
			}
			env.NetNSFD = fd
		case isColorOpt(opt):
			_, val, _ := strings.Cut(opt, "=")
			switch val {
			case "", "always":
				color = 2
			case "auto":
				color = 1
			default:
				color = 0
			}
		case m("-compressvlans"):
			o.CompressVlans = true
		case m("-force"):
			o.Force = true
		case m("-json"):
			o.JSON = true
		case m("-pretty"):
			o.Pretty = true
		case m("-batch"):
			if !args.More() {
				return "", false, bridgeUsage(env.Stderr)
			}
			batch, isBatch = args.Next(), true
		default:
			return "", false, cmdline.Exit(cmdline.StatusUsage, "Option \"%s\" is unknown, try \"bridge help\".", opt)
		}
	}
	env.P.Flush()
	o.Color = !o.JSON && (color == 2 || (color == 1 && isTerminal()))
	env.P = format.New(env.P.Writer(), format.Options{JSON: o.JSON, Pretty: o.Pretty, Oneline: o.Oneline, Color: o.Color})
	return batch, isBatch, nil
}

// Command runs one bridge command: the object word, then its own words.
func Command(env *cli.Env, args *cmdline.Args) error {
	if !args.More() {
		return bridgeUsage(env.Stderr)
	}
	obj := args.Next()
	for _, c := range []struct {
		name string
		run  func(*cli.Env, *cmdline.Args) error
	}{
		{"link", doLink}, {"fdb", doFDB}, {"mdb", doMDB}, {"vlan", doVlan}, {"vni", doVNI}, {"monitor", doMonitor}, {"help", nil},
	} {
		if !cmdline.Matches(obj, c.name) {
			continue
		}
		if c.name == "help" {
			return bridgeUsage(env.Stderr)
		}
		st := stateOf(env)
		if c.name == "monitor" {
			st.socketClosed = true
		} else if !st.linkMapReady {
			if st.socketClosed {
				// ll_init_map's link dump cannot be sent on the
				// socket a monitor line closed, and it exits.
				return cmdline.Fatal(cmdline.StatusFailed, "Cannot send dump request: %s", rtnl.Strerror(unix.EBADF))
			}
			st.linkMapReady = true
		}
		return c.run(env, args)
	}
	return cmdline.Exit(cmdline.StatusUsage, "Object \"%s\" is unknown, try \"bridge help\".", obj)
}

// isColorOpt is matches_color: -color[=always|auto|never], abbreviated.
func isColorOpt(opt string) bool {
	key, val, _ := strings.Cut(opt, "=")
	if !cmdline.Matches(key, "-color") {
		return false
	}
	return val == "" || val == "always" || val == "auto" || val == "never"
}

func isTerminal() bool {
	_, err := unix.IoctlGetTermios(1, unix.TCGETS)
	return err == nil
}
