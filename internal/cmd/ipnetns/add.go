package ipnetns

import (
	"errors"

	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/internal/cnum"
	"github.com/gipnet/gip/netns"
	"github.com/gipnet/gip/rtnl"
	"golang.org/x/sys/unix"
)

// warn prints a library warning line to stderr.
func warn(env *cli.Env) func(string) {
	return func(msg string) { env.Warnf("%s\n", msg) }
}

// add is `ip netns add NAME` (create) and `ip netns attach NAME PID`: make
// /run/netns/NAME and bind-mount a new namespace, or PID's, onto it. On
// failure nothing is left behind.
func add(env *cli.Env, words []string, create bool) error {
	pid := int32(0)
	if create {
		if len(words) < 1 {
			return fail(env, 1, "No netns name specified")
		}
	} else {
		if len(words) < 2 {
			return fail(env, 1, "No netns name and PID specified")
		}
		v, ok := cnum.Int(words[1], 0)
		if !ok || v == 0 {
			return fail(env, 1, "Invalid PID: %s", words[1])
		}
		pid = v
	}
	name := words[0]
	if env.Opts.NetNS == "" {
		return addAt(env, name, pid, create, false)
	}
	// Under -n iproute2 works from the mount namespace its netns_switch
	// made (a slave of the caller's): its bind mount stays in there and
	// ends with ip, so everyone else finds the namespace file empty. gip
	// does the same on a thread that enters -n's namespaces and is retired.
	var err error
	netns.OnThrowawayThread(func() {
		if serr := netns.Switch(env.Opts.NetNS, warn(env)); serr != nil {
			env.Warnf("%s\n", serr.Error())
			err = cmdline.Silent(cmdline.StatusFailed)
			return
		}
		err = addAt(env, name, pid, create, true)
	})
	return err
}

// addAt is add once the name and pid are read. With here set it runs on a
// locked thread that is retired afterwards, and creates the namespace on it.
func addAt(env *cli.Env, name string, pid int32, create, here bool) error {
	if err := netns.PrepareRunDir(warn(env)); err != nil {
		return fail(env, 1, "%s", err.Error())
	}
	if !create {
		if err := netns.BindProcess(name, int(pid)); err != nil {
			return fail(env, 1, "%s", err.Error())
		}
		return nil
	}

	var created bool
	var err error
	if here {
		created, err = netns.CreateHere(name)
	} else {
		created, err = netns.Create(name)
	}
	if err == nil {
		return nil
	}
	env.Warnf("%s\n", err.Error())
	if !created {
		return cmdline.Silent(cmdline.StatusFailed)
	}
	// iproute2 cleans up with its delete command, which under -all
	// removes every namespace.
	if env.Opts.All {
		deleteAll(env)
	} else {
		deleteOne(env, name)
	}
	return cmdline.Silent(cmdline.StatusFailed)
}

// del is `ip netns delete NAME` and `ip -all netns delete`.
func del(env *cli.Env, words []string) error {
	if env.Opts.All {
		return deleteAll(env)
	}
	if len(words) < 1 {
		return fail(env, 1, "No netns name specified")
	}
	if !deleteOne(env, words[0]) {
		return cmdline.Silent(cmdline.StatusFailed)
	}
	return nil
}

// deleteOne deletes one name; a failure is printed.
func deleteOne(env *cli.Env, name string) bool {
	if err := netns.Delete(name); err != nil {
		env.Warnf("%s\n", err.Error())
		return false
	}
	return true
}

// deleteAll deletes every name under /run/netns in directory order, up to
// the first it cannot remove. Like iproute2 it succeeds even then.
func deleteAll(env *cli.Env) error {
	names, err := netns.Names()
	if err != nil {
		if errors.Is(err, unix.ENOENT) {
			return nil
		}
		return fail(env, 1, "Failed to open directory %s: %s", netns.RunDir, rtnl.ErrnoText(err))
	}
	for _, n := range names {
		if !deleteOne(env, n) {
			break
		}
	}
	return nil
}
