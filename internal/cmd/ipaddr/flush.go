package ipaddr

import (
	"math"
	"strconv"

	"github.com/gipnet/gip/addr"
	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/rtnl"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// flush is `ip address flush`: delete every address the filter selects,
// dumping again until a round finds none (deleting a primary IPv4 address
// can promote a secondary).
func flush(env *cli.Env, args *cmdline.Args) error {
	if !args.More() {
		return cmdline.Exit(cmdline.StatusFailed, "Flush requires arguments.")
	}
	// iproute2 flushes with no JSON context: -json prints text here.
	p := env.P.Plain()
	ls := &lister{env: env, p: p}
	ls.f.family = env.Opts.Family
	ls.f.group = -1
	if ls.f.family == unix.AF_PACKET {
		return cmdline.Exit(cmdline.StatusFailed, "Cannot flush link addresses.")
	}
	if err := parseListArgs(env, args, &ls.f, false); err != nil {
		return err
	}
	defer keepFilter(env, &ls.f)
	c, err := env.Conn()
	if err != nil {
		return err
	}
	if ls.f.hasDev {
		idx, err := nameToIndex(env, ls.f.dev)
		if err != nil {
			return err
		}
		if idx <= 0 {
			return cmdline.Exit(cmdline.StatusFailed, "Device \"%s\" does not exist.", ls.f.dev)
		}
		ls.f.ifindex = idx
	}
	ls.setup()
	defer ls.close()
	ls.ap.withDev = true

	loops := env.Opts.Loops
	if loops == 0 { // -loops 0: until nothing is left
		loops = math.MaxInt
	}
	stats := env.Opts.Stats
	for round := 0; round < loops; {
		var victims [][]byte
		body := rtnl.IfAddrmsg{Family: uint8(ls.f.family), Index: uint32(ls.f.ifindex)}.Append(nil)
		err := c.Dump(unix.RTM_GETADDR, body, func(m netlink.Message) error {
			if m.Header.Type != unix.RTM_NEWADDR {
				return nil
			}
			a, err := addr.Decode(m.Data)
			if err != nil {
				return nil
			}
			if ls.f.family != unix.AF_UNSPEC && int(a.Family) != ls.f.family {
				return nil
			}
			if !ls.selectAddr(a) {
				return nil
			}
			victims = append(victims, append([]byte(nil), m.Data...))
			if stats >= 2 {
				ls.ap.PrintAddr(a, false)
			}
			return nil
		})
		if err != nil {
			return cmdline.Exit(cmdline.StatusFailed, "%s\nFlush terminated", err.Error())
		}
		if len(victims) == 0 {
			return flushDone(p, stats, round)
		}
		round++
		for _, v := range victims {
			if err := c.Exec(unix.RTM_DELADDR, 0, v); err != nil && !rtnl.IsErrno(err, unix.EADDRNOTAVAIL) {
				var errno unix.Errno
				if ne, ok := err.(*rtnl.Error); ok {
					errno = ne.Errno
				}
				return cmdline.Exit(cmdline.StatusUsage, "Failed to send flush request: %s", rtnl.Strerror(errno))
			}
		}
		if stats > 0 {
			p.Text("\n*** Round " + strconv.Itoa(round) + ", deleting " + strconv.Itoa(len(victims)) + " addresses ***\n")
		}
		// Flushing primaries only is one round: another would delete the
		// secondaries promoted in their place.
		if ls.f.flags&unix.IFA_F_SECONDARY == 0 && ls.f.flagMask&unix.IFA_F_SECONDARY != 0 {
			return flushDone(p, stats, round)
		}
	}
	p.Flush()
	// ipaddr_flush returns 1, which ip 6.1's do_cmd negates: exit 255.
	return cmdline.Exit(cmdline.StatusUsage, "*** Flush remains incomplete after %d rounds. ***", loops)
}

func flushDone(p interface{ Text(string) }, stats, round int) error {
	if stats == 0 {
		return nil
	}
	if round == 0 {
		p.Text("Nothing to flush.\n")
		return nil
	}
	s := ""
	if round > 1 {
		s = "s"
	}
	p.Text("*** Flush is complete after " + strconv.Itoa(round) + " round" + s + " ***\n")
	return nil
}
