package iproute

import (
	"fmt"
	"os"
	"time"

	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/netns"
	"github.com/gipnet/gip/route"
	"github.com/gipnet/gip/rtnl"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// flushTimeout is how long iproute2 keeps repeating flush rounds.
const flushTimeout = 30 * time.Second

// flush is `ip route flush SELECTOR`: dump, delete what matched, and repeat
// until a round finds nothing, as iproute2 does.
func flush(env *cli.Env, args *cmdline.Args) error {
	if !args.More() {
		return cmdline.Exit(cmdline.StatusFailed, "\"ip route flush\" requires arguments.")
	}
	s, err := parseResolved(env, args)
	if err != nil {
		return err
	}
	// iproute2 flushes with no JSON context: -json prints text here.
	f, family, p := &s.f, s.family, env.P.Plain()
	f.flush = true
	if f.cloned == cacheEntries {
		if family != unix.AF_INET6 {
			if err := flushCacheIn(env.NetNSFD); err != nil {
				return err
			}
			if env.Opts.Stats > 0 {
				p.Text("*** IPv4 routing cache is flushed.\n")
			}
		}
		if family == unix.AF_INET {
			return nil
		}
	}
	c, err := env.Conn()
	if err != nil {
		return err
	}
	pr := newPrinter(env, f)
	pr.p = p
	defer pr.links.Close()
	start := time.Now()
	fl := c.NewFlusher(unix.RTM_DELROUTE, rtnl.FlushBufferSize)
	for round := 0; ; {
		// Each match is queued for deletion as the dump is read; a
		// datagram of deletions goes out whenever the next would not
		// fit, and the rest after the dump.
		flushed := 0
		err := dumpMsgsBy(fl.Dump, family, f, func(m netlink.Message, r *route.Message) error {
			if uint16(m.Header.Type) != unix.RTM_NEWROUTE {
				return nil
			}
			if err := fl.AddReply(m); err != nil {
				return flushRefused(err)
			}
			flushed++
			if env.Opts.Stats >= 2 {
				pr.print(r)
			}
			return nil
		})
		if err != nil {
			if cerr, ok := err.(*cmdline.Error); ok {
				return cmdline.Exit(cerr.Code, "%s\nFlush terminated", cerr.Msg)
			}
			if err = dumpError(err, &filter{}, "Flush terminated"); err != nil {
				return err
			}
		}
		if flushed == 0 {
			if env.Opts.Stats > 0 {
				if round == 0 && (f.cloned != cacheEntries || family == unix.AF_INET6) {
					p.Text("Nothing to flush.\n")
				} else {
					p.Text(fmt.Sprintf("*** Flush is complete after %d round%s ***\n", round, Plural(round)))
				}
			}
			return nil
		}
		round++
		if err := fl.Send(); err != nil {
			return flushRefused(err)
		}
		if elapsed := time.Since(start); elapsed > flushTimeout {
			p.Text(fmt.Sprintf("\n*** Flush not completed after %d seconds, %d entries remain ***\n",
				int(elapsed.Seconds()), flushed))
			return cmdline.Silent(cmdline.StatusFailed)
		}
		if env.Opts.Stats > 0 {
			p.Text(fmt.Sprintf("\n*** Round %d, deleting %d entries ***\n", round, flushed))
		}
	}
}

// flushRefused is perror's line for a batch of deletions that failed.
func flushRefused(err error) error {
	return cmdline.Exit(cmdline.StatusRefused, "Failed to send flush request: %s", rtnl.ErrnoText(err))
}

// Plural is "s" for more than one.
func Plural(n int) string {
	if n > 1 {
		return "s"
	}
	return ""
}

// flushCacheIn is flushCache in the namespace nsFD (-1: this one). A
// thread opens /proc/sys/net in its own namespace, so with -n the file is
// opened on a thread inside that namespace, as iproute2 opens it after
// its setns.
func flushCacheIn(nsFD int) error {
	if nsFD < 0 {
		return flushCache()
	}
	return netns.DoFD(nsFD, flushCache)
}

// flushCache empties the IPv4 routing cache through procfs.
func flushCache() error {
	const path = "/proc/sys/net/ipv4/route/flush"
	fd, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return cmdline.Exit(cmdline.StatusFailed, "Cannot open \"%s\": %s", path, rtnl.ErrnoText(err))
	}
	defer fd.Close()
	if _, err := fd.WriteString("-1"); err != nil {
		return cmdline.Exit(cmdline.StatusFailed, "Cannot flush routing cache")
	}
	return nil
}
