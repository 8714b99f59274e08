package link

import (
	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/rtnl"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// PropRequest is one `ip link property add|del` request: its message type,
// flags and body, ready for rtnl.Conn.Exec.
type PropRequest struct {
	MsgType uint16
	Flags   netlink.HeaderFlags
	Body    []byte
}

// BuildProp parses the words after `ip link property` into a request, as
// iproute2's iplink_prop and iplink_prop_mod do.
func (p *Parser) BuildProp(a *cmdline.Args) (*PropRequest, error) {
	if !a.More() {
		return nil, p.Usage()
	}
	req := &PropRequest{}
	switch op := a.Next(); {
	case cmdline.Matches(op, "add"):
		req.MsgType = unix.RTM_NEWLINKPROP
		req.Flags = rtnl.Excl | rtnl.Create | rtnl.Append
	case cmdline.Matches(op, "del"):
		req.MsgType = unix.RTM_DELLINKPROP
	case cmdline.Matches(op, "help"):
		return nil, p.Usage()
	default:
		return nil, cmdline.Fatal(cmdline.StatusUsage, "Operator required")
	}
	var dev *string
	ae := netlink.NewAttributeEncoder()
	var perr error
	ae.Nested(unix.IFLA_PROP_LIST, func(pl *netlink.AttributeEncoder) error {
		for a.More() {
			w := a.Next()
			switch {
			case cmdline.Matches(w, "altname"):
				v, err := a.Value()
				if err != nil {
					perr = err
					return err
				}
				if !validIfname(v) {
					perr = cmdline.InvalidArg("not a valid altname", v)
					return perr
				}
				pl.String(unix.IFLA_ALT_IFNAME, v)
			case cmdline.Matches(w, "help"):
				perr = p.Usage()
				return perr
			default:
				if w == "dev" {
					v, err := a.Value()
					if err != nil {
						perr = err
						return err
					}
					w = v
				}
				if dev != nil {
					perr = cmdline.Duplicate2("dev", w)
					return perr
				}
				if !validIfname(w) {
					perr = cmdline.InvalidArg("\"dev\" not a valid ifname", w)
					return perr
				}
				dev = &w
			}
		}
		return nil
	})
	attrs, err := ae.Encode()
	if perr != nil {
		return nil, perr
	}
	if err != nil {
		return nil, err
	}
	if dev == nil {
		return nil, cmdline.Fatal(cmdline.StatusUsage, "Not enough of information: \"dev\" argument is required.")
	}
	hdr := rtnl.IfInfomsg{Family: p.Family, Index: p.Index(*dev)}
	if hdr.Index == 0 {
		return nil, cmdline.Exit(cmdline.StatusFailed, "Cannot find device \"%s\"", *dev)
	}
	req.Body = append(hdr.Append(nil), attrs...)
	return req, nil
}
