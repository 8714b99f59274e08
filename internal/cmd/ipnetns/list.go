package ipnetns

import (
	"context"
	"errors"
	"os"
	"slices"
	"strconv"

	"github.com/gipnet/gip/format"
	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/internal/cnum"
	"github.com/gipnet/gip/netns"
	"github.com/gipnet/gip/rtnl"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// warnWriter is stderr behind a flush of stdout, for messages printed in
// the middle of output.
type warnWriter struct{ env *cli.Env }

func (w warnWriter) Write(b []byte) (int, error) {
	w.env.P.Flush()
	return w.env.Stderr.Write(b)
}

// list prints the names under /run/netns in directory order, each with its
// id when one is assigned: `NAME (id: N)`, or [{"name":…,"id":N},…].
func list(env *cli.Env) error {
	c, err := sideConn(env)
	if err != nil {
		return err
	}
	ids := netns.NewIDNames(c).WithCache(&env.NSIDs).WithStderr(warnWriter{env})
	ids.Fill()
	names, err := netns.Names()
	if err != nil {
		return nil
	}
	p := env.P
	p.Begin()
	for _, n := range names {
		// The id first: a refusal it prints comes before the name's
		// line, where iproute2's stdio buffer puts it.
		id := ids.IDOfName(n)
		p.OpenObject("")
		p.String(format.Any, "name", "%s", n)
		if id >= 0 {
			p.Int(format.Any, "id", " (id: %d)", int64(id))
		}
		p.Text("\n")
		p.CloseObject()
	}
	p.End()
	return nil
}

// listID dumps the namespace ids known in this namespace (or in the one
// target-nsid names), with the names of those under /run/netns.
func listID(env *cli.Env, words []string) error {
	side, err := sideConn(env)
	if err != nil {
		return err
	}
	netns.NewIDNames(side).WithCache(&env.NSIDs).WithStderr(warnWriter{env}).Fill()
	c, err := env.Conn()
	if err != nil {
		return err
	}

	target, nsid := int32(-1), int32(-1)
	for i := 0; i < len(words); i++ {
		key := words[i]
		var dst *int32
		switch key {
		case "target-nsid":
			dst = &target
		case "nsid":
			dst = &nsid
		default:
			return usage(env)
		}
		if *dst >= 0 {
			return cmdline.Duplicate(key, key)
		}
		if i+1 >= len(words) {
			return cmdline.IncompleteCommand()
		}
		i++
		v, ok := cnum.Int(words[i], 0)
		if !ok {
			return cmdline.InvalidArg("\""+key+"\" value is invalid", words[i])
		}
		if v < 0 {
			// iproute2 names the word after the value here.
			next := "(null)"
			if i+1 < len(words) {
				next = words[i+1]
			}
			return cmdline.InvalidArg("\""+key+"\" value should be >= 0", next)
		}
		*dst = v
	}

	body := netns.ListIDsRequest(nsid, target)
	p := env.P
	if nsid >= 0 {
		m, err := c.Query(unix.RTM_GETNSID, 0, body)
		if err != nil {
			return fail(env, 2, "%s", err.Error())
		}
		p.Begin()
		err = printNSID(env, side, m)
		p.End()
		if err != nil {
			return cmdline.Silent(cmdline.StatusFailed)
		}
		return nil
	}
	p.Begin()
	err = c.Dump(unix.RTM_GETNSID, body, func(m netlink.Message) error {
		return printNSID(env, side, m)
	})
	if err != nil {
		p.End()
		var ce *cmdline.Error
		if errors.As(err, &ce) {
			return ce
		}
		return fail(env, 1, "%s\nDump terminated", err.Error())
	}
	p.End()
	return nil
}

// sideConn is the socket the namespace ids are looked up on (iproute2's
// rtnsh): apart from the main one, which may be in the middle of a dump. It
// is dialed once, in the namespace of the first command that needs it.
func sideConn(env *cli.Env) (*rtnl.Conn, error) {
	if idConn == nil {
		c, err := rtnl.Dial(env.NetNSFD)
		if err != nil {
			return nil, cmdline.Exit(cmdline.StatusFailed, "Cannot open rtnetlink")
		}
		idConn = c
	}
	return idConn, nil
}

var idConn *rtnl.Conn

// printNSID prints one RTM_NEWNSID as iproute2's print_nsid does.
func printNSID(env *cli.Env, c *rtnl.Conn, m netlink.Message) error {
	typ := m.Header.Type
	if typ != unix.RTM_NEWNSID && typ != unix.RTM_DELNSID {
		return nil
	}
	if len(m.Data) < 4 {
		return fail(env, 1, "BUG: wrong nlmsg len %d in print_nsid", len(m.Data)-4)
	}
	v, _ := netns.DecodeNSID(m.Data)
	if !v.HasID {
		return fail(env, 1, "BUG: NETNSA_NSID is missing print_nsid")
	}
	nsid, current, hasCurrent := v.ID, v.Current, v.HasCurrent
	ids := netns.NewIDNames(c).WithCache(&env.NSIDs).WithStderr(warnWriter{env})
	p := env.P
	p.OpenObject("")
	if typ == unix.RTM_DELNSID {
		p.Bool(format.Any, "deleted", "Deleted ", true)
	}
	if nsid < 0 {
		p.Text("nsid unassigned ")
	} else {
		p.Int(format.Any, "nsid", "nsid %d ", int64(nsid))
	}
	key := nsid
	if hasCurrent {
		if current < 0 {
			p.Text("current-nsid unassigned ")
		} else {
			p.Int(format.Any, "current-nsid", "current-nsid %d ", int64(current))
		}
		key = current
	}
	name, found := ids.Cached(key)
	if found {
		p.String(format.Any, "name", "(iproute2 netns name: %s)", name)
		ids.Forget(key)
	}
	if !found && typ == unix.RTM_NEWNSID && nsid >= 0 {
		// Not cached: scan /run/netns for it (by nsid, even when the
		// lookup above was by current nsid, as iproute2 does).
		if name, ok := ids.Scan(nsid); ok {
			p.String(format.Any, "name", "(iproute2 netns name: %s)", name)
			ids.Remember(nsid, name)
		}
	}
	p.Text("\n")
	p.CloseObject()
	return nil
}

// set gives the namespace NAME the id ID in this namespace, or lets the
// kernel pick one (auto).
func set(env *cli.Env, words []string) error {
	if len(words) < 1 {
		return fail(env, 1, "No netns name specified")
	}
	if len(words) < 2 {
		return fail(env, 1, "No nsid specified")
	}
	name := words[0]
	nsid := int32(-1)
	if words[1] != "auto" {
		v, ok := cnum.Int(words[1], 0)
		if !ok {
			return cmdline.InvalidArg("Invalid \"netnsid\" value", words[1])
		}
		if v < 0 {
			return cmdline.InvalidArg("\"netnsid\" value should be >= 0", words[1])
		}
		nsid = v
	}
	fd, err := netns.OpenPath(netns.RunDir + "/" + name)
	if err != nil {
		return fail(env, 1, "Cannot open network namespace \"%s\": %s", name, rtnl.ErrnoText(err))
	}
	unix.Close(fd)
	c, err := env.Conn()
	if err != nil {
		return err
	}
	if err := netns.SetID(context.Background(), c, name, nsid); err != nil {
		var ne *netns.Error
		if errors.As(err, &ne) {
			// Opened a moment ago, gone now: iproute2 says nothing.
			return cmdline.Silent(cmdline.StatusFailed)
		}
		return fail(env, 2, "%s", err.Error())
	}
	return nil
}

// identify prints the name of the namespace the process PID (default: ip
// itself) is in, or an empty line when it has none under /run/netns.
func identify(env *cli.Env, words []string) error {
	pid := "self"
	switch {
	case len(words) > 1:
		return fail(env, 1, "extra arguments specified")
	case len(words) == 1:
		pid = words[0]
		if !isPID(pid) {
			return fail(env, 1, "Specified string '%s' is not a pid", pid)
		}
	}
	fd := env.NetNSFD
	if pid != "self" || fd < 0 {
		var err error
		fd, err = netns.OpenPath("/proc/" + pid + "/ns/net")
		if err != nil {
			return fail(env, 1, "Cannot open network namespace: %s", rtnl.ErrnoText(err))
		}
		defer unix.Close(fd)
	}
	// Under ip -n NAME iproute2 runs inside NAME; gip only holds it open,
	// so its own namespace is NAME's fd.
	found, err := netns.NameOfFD(fd)
	if err != nil {
		return fail(env, 1, "%s", err.Error())
	}
	w := env.P.Writer()
	w.WriteString(found)
	w.WriteByte('\n')
	return nil
}

// pids prints the processes whose network namespace is NAME, in /proc order.
func pids(env *cli.Env, words []string) error {
	if len(words) < 1 {
		return fail(env, 1, "No netns name specified")
	}
	if len(words) > 1 {
		return fail(env, 1, "extra arguments specified")
	}
	fd, err := netns.OpenPath(netns.RunDir + "/" + words[0])
	if err != nil {
		return fail(env, 1, "Cannot open network namespace: %s", rtnl.ErrnoText(err))
	}
	defer unix.Close(fd)
	list, err := netns.PIDsFD(fd)
	if err != nil {
		return fail(env, 1, "%s", err.Error())
	}
	// Under ip -n NAME iproute2 itself runs in NAME; gip only holds it
	// open, so it counts itself in, at its place in /proc's ascending
	// order, when NAME is the namespace asked for.
	if env.NetNSFD >= 0 {
		var st, nst unix.Stat_t
		if unix.Fstat(fd, &st) == nil && unix.Fstat(env.NetNSFD, &nst) == nil && nst.Dev == st.Dev && nst.Ino == st.Ino {
			list = withPID(list, os.Getpid())
		}
	}
	w := env.P.Writer()
	for _, pid := range list {
		w.WriteString(strconv.Itoa(pid))
		w.WriteByte('\n')
	}
	return nil
}

// withPID is the ascending list with pid in it.
func withPID(list []int, pid int) []int {
	i, found := slices.BinarySearch(list, pid)
	if found {
		return list
	}
	return slices.Insert(list, i, pid)
}

// isPID is iproute2's is_pid: digits only (the empty word counts).
func isPID(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// monitor prints "add NAME" and "delete NAME" as names appear under and
// vanish from /run/netns, until killed.
func monitor(env *cli.Env) error {
	fd, err := unix.InotifyInit1(unix.IN_CLOEXEC)
	if err != nil {
		return fail(env, 1, "inotify_init failed: %s", rtnl.ErrnoText(err))
	}
	defer unix.Close(fd)
	if err := unix.Mkdir(netns.RunDir, 0o755); err != nil && err != unix.EEXIST {
		return fail(env, 1, "mkdir %s failed: %s", netns.RunDir, rtnl.ErrnoText(err))
	}
	if _, err := unix.InotifyAddWatch(fd, netns.RunDir, unix.IN_CREATE|unix.IN_DELETE); err != nil {
		return fail(env, 1, "inotify_add_watch failed: %s", rtnl.ErrnoText(err))
	}
	// Each batch of events is written out at once, on a terminal or not,
	// so a monitor writing to a file or a pipe and then killed keeps
	// every line it printed (iproute2 leaves them in stdio's buffer).
	w := env.P.Writer()
	buf := make([]byte, 4096)
	for {
		n, err := unix.Read(fd, buf)
		if err == unix.EINTR {
			continue
		}
		if err != nil {
			return fail(env, 1, "read failed: %s", rtnl.ErrnoText(err))
		}
		for off := 0; off+unix.SizeofInotifyEvent <= n; {
			mask := uint32(buf[off+4]) | uint32(buf[off+5])<<8 | uint32(buf[off+6])<<16 | uint32(buf[off+7])<<24
			l := int(uint32(buf[off+12]) | uint32(buf[off+13])<<8 | uint32(buf[off+14])<<16 | uint32(buf[off+15])<<24)
			nameb := buf[off+unix.SizeofInotifyEvent : min(off+unix.SizeofInotifyEvent+l, n)]
			name := string(nameb)
			for i := 0; i < len(nameb); i++ {
				if nameb[i] == 0 {
					name = string(nameb[:i])
					break
				}
			}
			if mask&unix.IN_CREATE != 0 {
				w.WriteString("add " + name + "\n")
			}
			if mask&unix.IN_DELETE != 0 {
				w.WriteString("delete " + name + "\n")
			}
			off += unix.SizeofInotifyEvent + l
		}
		_ = w.Flush()
	}
}
