// Package app is gip's front end: it picks the applet (ip, brctl, bridge)
// from the program name, parses ip's global options, runs one command or a
// -batch file, and turns errors into stderr lines and exit statuses.
package app

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/rtnl"
	"golang.org/x/sys/unix"
)

// Main runs gip as argv[0] names it and returns the exit status.
func Main(argv []string, stdin io.Reader, stdout, stderr io.Writer) int {
	name, netnsFD := "ip", -1
	if len(argv) > 0 {
		name = filepath.Base(argv[0])
	}
	args := argv[1:]
	// `gip brctl …` and `gip bridge …` name the applet in the first word;
	// under the name ip those words are ip objects (unknown ones), as in
	// iproute2.
	if name == "gip" && len(args) > 0 && args[0] == "completion" {
		return completionMain(args[1:], stdout, stderr)
	}
	netnsName := ""
	if name == "gip" && len(args) > 0 {
		// gip's `-n NS` goes before any applet's word (`gip -n NS brctl
		// show`) and runs that applet inside NS, as `ip netns exec NS`
		// would: brctl has no option of its own for it.
		if len(args) >= 3 && isNetNSOpt(args[0]) && isApplet(args[2]) {
			netnsName, args = args[1], args[2:]
		}
		if isApplet(args[0]) {
			name, args = args[0], args[1:]
		}
	}
	if netnsName != "" {
		fd, err := openNetNS(netnsName)
		if err != nil {
			return report(stderr, err)
		}
		defer unix.Close(fd)
		netnsFD = fd
	}
	if !startPoller() {
		// With this few descriptors the tools' first socket fails:
		// brctl's ioctl socket, ip's and bridge's netlink one.
		if name == "brctl" || name == "gbrctl" {
			fmt.Fprintln(stderr, "can't setup bridge control: "+rtnl.Strerror(unix.EMFILE))
		} else {
			fmt.Fprintln(stderr, "Cannot open netlink socket: "+rtnl.Strerror(unix.EMFILE))
		}
		return 1
	}
	switch name {
	case "brctl", "gbrctl":
		return brctlMain(netnsFD, args, stdin, stdout, stderr)
	case "bridge", "gbridge":
		return bridgeMain(netnsFD, args, stdin, stdout, stderr)
	default:
		return ipMain(args, stdin, stdout, stderr)
	}
}

// isApplet reports whether word names an applet other than ip.
func isApplet(word string) bool {
	switch word {
	case "brctl", "gbrctl", "bridge", "gbridge":
		return true
	}
	return false
}

// isNetNSOpt reports whether word is ip's -netns option as ip's global
// options match it: -n, -ne, ..., -netns, also with a second leading dash.
func isNetNSOpt(word string) bool {
	if strings.HasPrefix(word, "--") {
		word = word[1:]
	}
	return len(word) >= 2 && strings.HasPrefix("-netns", word)
}

// report prints err as the tools do and returns its exit status.
func report(stderr io.Writer, err error) int {
	if err == nil {
		return 0
	}
	var ce *cmdline.Error
	if errors.As(err, &ce) {
		if ce.Msg != "" {
			fmt.Fprintln(stderr, ce.Msg)
		}
		return ce.Code
	}
	var ne *rtnl.Error
	if errors.As(err, &ne) {
		fmt.Fprintln(stderr, ne.Error())
		return 2
	}
	// Nothing should get here; if a system call's error does, it is
	// worded as C's strerror, never as Go's.
	fmt.Fprintln(stderr, rtnl.ErrnoText(err))
	return 1
}
