package app

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cmd/bridgecmd"
	"github.com/gipnet/gip/internal/cmdline"
)

// FuzzBridgeBatch runs arbitrary `bridge -batch` input through the batch
// loop and bridge's command parsers, offline: the namespace fd is no fd,
// so a command that gets as far as the kernel fails to dial and nothing
// is sent. It must end, never panic, turn every error into an exit
// status, and report no more failed commands than the input has lines.
func FuzzBridgeBatch(f *testing.F) {
	for _, s := range []string{
		"fdb show dev v1\nlink show\nvlan show\n",
		"fdb add 02:00:00:00:00:33 dev v1 master static\nfdb get 1:2:3:4:5:6 br br0\n",
		"vlan add vid 5-7 dev v1 pvid untagged\nvlan global set dev br0 vid 1 mcast_querier 1\n",
		"link set dev v1 cost 5 state 3 \\\n hairpin on\n",
		"fdb show dev \"\"\nlink show dev ''\n",
		"frob\nfdb\n# comment\n\n",
		"vlan tunnelshow dev vx0\nfdb flush dev br0 vlan 70000\n",
		"mdb show\nvni show\nmonitor\nhelp\n",
		"fdb \"unterminated\n",
	} {
		f.Add([]byte(s), uint8(0))
		f.Add([]byte(s), uint8(1))
	}
	f.Fuzz(func(t *testing.T, in []byte, mode uint8) {
		o := cli.Options{Force: mode&1 != 0, JSON: mode&2 != 0, Details: int(mode >> 2 & 1), Stats: int(mode >> 3 & 1),
			Oneline: mode&16 != 0, CompressVlans: mode&32 != 0}
		var out, errOut bytes.Buffer
		env := cli.NewEnv(o, bytes.NewReader(nil), &out, &errOut)
		env.NetNSFD = 1 << 30
		env.InBatch = true
		status, _ := batchLoop(env, "b1", newBatchReader(bytes.NewReader(in)), func(env *cli.Env, args *cmdline.Args) error {
			words := args.Rest()
			err := bridgecmd.Command(env, args)
			var ce *cmdline.Error
			if err != nil && !errors.As(err, &ce) {
				t.Fatalf("bridge %q: error %v (%T) is not a *cmdline.Error", words, err, err)
			}
			return err
		})
		env.Close()
		if status < 0 || status > 255 {
			t.Fatalf("exit status %d", status)
		}
		if n, lines := strings.Count(errOut.String(), "Command failed b1:"), bytes.Count(in, []byte("\n"))+1; n > lines {
			t.Fatalf("%d failed commands in %d lines", n, lines)
		}
	})
}

// offlineObjects are the ip objects FuzzIPBatch leaves out: they act
// outside rtnetlink (namespace files and mounts, programs run, tun
// devices, capture files named by the input), where an offline Env
// does not stop them.
var offlineObjects = map[string]bool{"netns": true, "tuntap": true, "tap": true, "monitor": true}

// actsOffline reports whether ip would reach outside rtnetlink with
// words: an object of offlineObjects, a path to a file anywhere (xdp
// objects, group files), or the routing cache, which `ip route flush
// cached` empties through procfs in the namespace of the process.
func actsOffline(words []string) bool {
	for _, o := range objects {
		if cmdline.Matches(words[0], o.name) {
			if offlineObjects[o.name] {
				return true
			}
			break
		}
	}
	for _, w := range words {
		if lw := strings.ToLower(w); strings.HasPrefix(w, "/") || strings.HasPrefix(w, ".") || cmdline.Matches(lw, "cached") || cmdline.Matches(lw, "cloned") || cmdline.Matches(lw, "cache") {
			return true
		}
	}
	return false
}

// FuzzIPBatch is FuzzBridgeBatch for ip: arbitrary -batch input through
// the batch loop and the parsers of every ip object that speaks only
// rtnetlink, offline.
func FuzzIPBatch(f *testing.F) {
	for _, s := range []string{
		"link show dev v0\naddress show dev ''\nroute show table all\n",
		"address flush dev \"\"\nroute flush dev ''\nneigh show dev \"\"\n",
		"address add 10.0.0.1/24 dev v0 label v0:1\nroute add 10.1.0.0/16 via 10.0.0.2 metric 5\n",
		"rule add from 10.0.0.0/8 table 7 pref 100\nneigh add 10.0.0.9 lladdr 02:00:00:00:00:09 dev v0\n",
		"link add v0 type veth peer name v1\nlink set v0 up mtu 1400 alias x\n",
		"nexthop add id 5 via 10.0.0.1 dev v0\nnexthop show group\nmrule show\n",
		"route get 10.0.0.1 oif ''\nlink xstats type bridge\naddress save\n",
		"-force link\nxfrm state\nhelp\nfrob\n",
		"link show \"unterminated\n",
		"0000000\nm", // ip maddress under a -n that cannot be entered
	} {
		f.Add([]byte(s), uint8(0))
		f.Add([]byte(s), uint8(1))
	}
	f.Fuzz(func(t *testing.T, in []byte, mode uint8) {
		o := cli.Options{Force: mode&1 != 0, JSON: mode&2 != 0, Details: int(mode >> 2 & 1), Stats: int(mode >> 3 & 1),
			Oneline: mode&16 != 0, Brief: mode&32 != 0, Family: []int{0, 2, 10, 7}[mode>>6]}
		var out, errOut bytes.Buffer
		env := cli.NewEnv(o, bytes.NewReader(nil), &out, &errOut)
		env.NetNSFD = 1 << 30
		env.InBatch = true
		status, _ := batchLoop(env, "b1", newBatchReader(bytes.NewReader(in)), func(env *cli.Env, args *cmdline.Args) error {
			words := args.Rest()
			if actsOffline(words) {
				return nil
			}
			err := doCmd(env, args)
			var ce *cmdline.Error
			if err != nil && !errors.As(err, &ce) {
				t.Fatalf("ip %q: error %v (%T) is not a *cmdline.Error", words, err, err)
			}
			return err
		})
		env.Close()
		if status < 0 || status > 255 {
			t.Fatalf("exit status %d", status)
		}
		if n, lines := strings.Count(errOut.String(), "Command failed b1:"), bytes.Count(in, []byte("\n"))+1; n > lines {
			t.Fatalf("%d failed commands in %d lines", n, lines)
		}
	})
}
