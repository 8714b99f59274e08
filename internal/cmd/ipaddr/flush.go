package ipaddr

import (
	"errors"
	"math"
	"strconv"

	"github.com/gipnet/gip/addr"
	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/link"
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
		idx, err := flushNameToIndex(env, ls.f.dev)
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
	// iproute2's flush masks NLM_F_DUMP_INTR off the dump's messages: an
	// interrupted dump is no warning here.
	defer func(warn func()) { c.Interrupted = warn }(c.Interrupted)
	c.Interrupted = nil
	fl := c.NewFlusher(unix.RTM_DELADDR, rtnl.FlushBufferSize)
	body := rtnl.IfAddrmsg{Family: uint8(ls.f.family), Index: uint32(ls.f.ifindex)}.Append(nil)
	var cur addr.Addr // the address being looked at, aliasing the dump's buffer
	for round := 0; round < loops; {
		// Each match is queued for deletion as the dump is read; a
		// datagram of deletions goes out whenever the next would not
		// fit, and the rest after the dump.
		flushed := 0
		err := fl.Dump(unix.RTM_GETADDR, body, func(m netlink.Message) error {
			if m.Header.Type != unix.RTM_NEWADDR {
				return nil
			}
			a := &cur
			if addr.DecodeInto(a, m.Data) != nil {
				return nil
			}
			if ls.f.family != unix.AF_UNSPEC && int(a.Family) != ls.f.family {
				return nil
			}
			if !ls.selectAddr(a) {
				return nil
			}
			if err := fl.AddReply(m); flushRefused(err) {
				return flushError(err)
			}
			flushed++
			if stats >= 2 {
				ls.ap.PrintAddr(a, false)
			}
			return nil
		})
		if err != nil {
			return cmdline.Fatal(cmdline.StatusFailed, "%s\nFlush terminated", err.Error())
		}
		if flushed == 0 {
			return flushDone(p, stats, round)
		}
		round++
		if err := fl.Send(); flushRefused(err) {
			return cmdline.Exit(cmdline.StatusUsage, "%s", flushError(err))
		}
		if stats > 0 {
			p.Text("\n*** Round " + strconv.Itoa(round) + ", deleting " + strconv.Itoa(flushed) + " addresses ***\n")
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

// flushNameToIndex is nameToIndex through a socket of its own, as
// iproute2 looks names up (ll_link_get opens one a lookup): a reply
// received on the flush's socket would make the kernel cut that socket's
// next dumps into larger parts from the start, and which addresses a
// round's dump passes over while its deletions go out depends on them.
func flushNameToIndex(env *cli.Env, name string) (int32, error) {
	if env.InBatch {
		// the run's link cache asks on a socket of its own already
		return nameToIndex(env, name)
	}
	main, err := env.Conn()
	if err != nil {
		return 0, err
	}
	c, err := rtnl.Dial(env.NetNSFD)
	if err != nil {
		return nameToIndex(env, name)
	}
	defer c.Close()
	c.Warn = main.Warn // a name too long for the request is warned about
	idx, err := link.IndexByName(c, name)
	if err == nil {
		return idx, nil
	}
	return int32(link.IndexFromIfN(name)), nil
}

// flushRefused reports whether err is a failed batch of deletions that
// ends the flush: the kernel refusing one because it is gone already
// (EADDRNOTAVAIL: deleting a primary address can take its secondaries
// with it) does not.
func flushRefused(err error) bool {
	var ne *rtnl.Error
	if errors.As(err, &ne) {
		return ne.Errno != unix.EADDRNOTAVAIL
	}
	return err != nil
}

// flushError is perror's line for a failed batch of deletions.
func flushError(err error) error {
	return errors.New("Failed to send flush request: " + rtnl.ErrnoText(err))
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
