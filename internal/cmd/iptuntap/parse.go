package iptuntap

import (
	"os/user"
	"strconv"

	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/internal/cnum"
	"github.com/gipnet/gip/tuntap"
	"golang.org/x/sys/unix"
)

// noID is uid_t/gid_t -1: no owner or group is set.
const noID = 0xffffffff

// tunTypeMask is TUN_TYPE_MASK: the mode bits of the flags.
const tunTypeMask = 0x000f

// lookupUser and lookupGroup resolve names; tests replace them.
var (
	lookupUser = func(name string) (uint32, bool) {
		u, err := user.Lookup(name)
		if err != nil {
			return 0, false
		}
		n, err := strconv.ParseUint(u.Uid, 10, 32)
		return uint32(n), err == nil
	}
	lookupGroup = func(name string) (uint32, bool) {
		g, err := user.LookupGroup(name)
		if err != nil {
			return 0, false
		}
		n, err := strconv.ParseUint(g.Gid, 10, 32)
		return uint32(n), err == nil
	}
)

// request is what `ip tuntap add|del` asks for: struct ifreq's name and
// flags, and the owner and group to set (noID for none).
type request struct {
	name  string
	flags uint16
	uid   uint32
	gid   uint32
}

// spec is the library's description of r.
func (r *request) spec() tuntap.Spec {
	s := tuntap.Spec{
		Name:       r.name,
		Mode:       tuntap.Mode(r.flags & tunTypeMask),
		PI:         r.flags&unix.IFF_NO_PI == 0,
		OneQueue:   r.flags&unix.IFF_ONE_QUEUE != 0,
		VnetHdr:    r.flags&unix.IFF_VNET_HDR != 0,
		MultiQueue: r.flags&unix.IFF_MULTI_QUEUE != 0,
	}
	if r.uid != noID {
		uid := r.uid
		s.Owner = &uid
	}
	if r.gid != noID {
		gid := r.gid
		s.Group = &gid
	}
	return s
}

// parse reads the words after add or del as iproute2 does: keywords are
// abbreviations, and a word that is none of them is the device name. del
// (owner false) takes no user or group, so those words are names there.
func parse(env *cli.Env, args *cmdline.Args, owner bool) (tuntap.Spec, error) {
	r, err := parseRequest(env, args, owner)
	if err != nil {
		return tuntap.Spec{}, err
	}
	return r.spec(), nil
}

// parseRequest is parse up to the flags ifreq gets.
func parseRequest(env *cli.Env, args *cmdline.Args, owner bool) (*request, error) {
	r := &request{flags: unix.IFF_NO_PI, uid: noID, gid: noID}
	for args.More() {
		w := args.Next()
		switch {
		case cmdline.Matches(w, "mode"):
			v, err := args.Value()
			if err != nil {
				return nil, err
			}
			switch {
			case cmdline.Matches(v, "tun"):
				if r.flags&unix.IFF_TAP != 0 {
					return nil, cmdline.Fatal(cmdline.StatusUsage, "You managed to ask for more than one tunnel mode.")
				}
				r.flags |= unix.IFF_TUN
			case cmdline.Matches(v, "tap"):
				if r.flags&unix.IFF_TUN != 0 {
					return nil, cmdline.Fatal(cmdline.StatusUsage, "You managed to ask for more than one tunnel mode.")
				}
				r.flags |= unix.IFF_TAP
			default:
				return nil, cmdline.Fatal(cmdline.StatusUsage, "Unknown tunnel mode \"%s\"", v)
			}
		case owner && cmdline.Matches(w, "user"):
			v, err := args.Value()
			if err != nil {
				return nil, err
			}
			if n, ok := cNumber(v); ok {
				r.uid = n
			} else if id, ok := lookupUser(v); ok {
				r.uid = id
			} else {
				return nil, cmdline.Fatal(cmdline.StatusUsage, "invalid user \"%s\"", v)
			}
		case owner && cmdline.Matches(w, "group"):
			v, err := args.Value()
			if err != nil {
				return nil, err
			}
			if n, ok := cNumber(v); ok {
				r.gid = n
			} else if id, ok := lookupGroup(v); ok {
				r.gid = id
			} else {
				return nil, cmdline.Fatal(cmdline.StatusUsage, "invalid group \"%s\"", v)
			}
		case cmdline.Matches(w, "pi"):
			r.flags &^= unix.IFF_NO_PI
		case cmdline.Matches(w, "one_queue"):
			r.flags |= unix.IFF_ONE_QUEUE
		case cmdline.Matches(w, "vnet_hdr"):
			r.flags |= unix.IFF_VNET_HDR
		case cmdline.Matches(w, "multi_queue"):
			r.flags |= unix.IFF_MULTI_QUEUE
		case cmdline.Matches(w, "dev"):
			v, err := args.Value()
			if err != nil {
				return nil, err
			}
			if !validIfname(v) {
				return nil, cmdline.InvalidArg("\"dev\" not a valid ifname", v)
			}
			r.name = v
		default:
			if cmdline.Matches(w, "name") {
				v, err := args.Value()
				if err != nil {
					return nil, err
				}
				w = v
			} else if cmdline.Matches(w, "help") {
				return nil, usage(env.Stderr)
			}
			if r.name != "" {
				return nil, cmdline.Duplicate2("name", w)
			}
			if !validIfname(w) {
				return nil, cmdline.InvalidArg("\"name\" not a valid ifname", w)
			}
			r.name = w
		}
	}
	if r.flags&tunTypeMask == 0 {
		return nil, cmdline.Exit(cmdline.StatusFailed, "You failed to specify a tunnel mode")
	}
	return r, nil
}

// validIfname is iproute2's check_ifname: 1 to 15 bytes, no '/', no space.
func validIfname(s string) bool {
	if s == "" || len(s) >= unix.IFNAMSIZ {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] == '/' || cnum.IsSpace(s[i]) {
			return false
		}
	}
	return true
}

// cNumber is `strtol(s, &end, 10)` with nothing left over, the value cast
// to a 32-bit id as C's assignment to uid_t does.
func cNumber(s string) (uint32, bool) {
	v, rest, digits, _ := cnum.Strtol(s, 10)
	if !digits || rest != "" {
		return 0, false
	}
	return uint32(v), true
}
