package completion

import (
	"context"
	"slices"
	"time"

	"github.com/gipnet/gip/internal/rtnames"
	"github.com/gipnet/gip/link"
	"github.com/gipnet/gip/netns"
	"github.com/gipnet/gip/rtnl"
)

// System is the Source of a running gip: links over netlink in the
// namespace asked for, /run/netns, link.HelpKinds and the rt_* files.
type System struct{}

// Links lists the link names of netns ("" the current namespace), sorted;
// nothing when the namespace cannot be reached (a completion never
// complains).
func (System) Links(ns string, bridges bool) []string {
	var c *rtnl.Conn
	var err error
	if ns == "" {
		c, err = rtnl.Dial(-1)
	} else {
		c, err = rtnl.DialNetNS(ns)
	}
	if err != nil {
		return nil
	}
	defer c.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	links, err := link.List(ctx, c)
	if err != nil {
		return nil
	}
	var names []string
	for _, l := range links {
		if !bridges || l.Kind == "bridge" {
			names = append(names, l.Name)
		}
	}
	slices.Sort(names)
	return names
}

// Class lists the names of class, sorted.
func (System) Class(class string) []string {
	var names []string
	switch class {
	case ClassNetNS:
		names, _ = netns.Names()
	case ClassKind:
		names = link.HelpKinds()
	case ClassTable:
		names = append(rtnames.Tables.Names(), "all")
	case ClassProto:
		names = rtnames.Protocols.Names()
	case ClassScope:
		names = rtnames.Scopes.Names()
	}
	slices.Sort(names)
	return slices.Compact(names)
}
