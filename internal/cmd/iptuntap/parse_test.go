package iptuntap

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/tuntap"
	"golang.org/x/sys/unix"
)

func testEnv() *cli.Env {
	return cli.NewEnv(cli.Options{}, nil, &bytes.Buffer{}, &bytes.Buffer{})
}

func TestParse(t *testing.T) {
	lookupUser = func(name string) (uint32, bool) { return 1000, name == "alice" }
	lookupGroup = func(name string) (uint32, bool) { return 100, name == "users" }
	tests := []struct {
		in    string
		owner bool
		want  request
		code  int
		msg   string
	}{
		{"dev tun0 mode tun", true, request{name: "tun0", flags: unix.IFF_TUN | unix.IFF_NO_PI, uid: noID, gid: noID}, 0, ""},
		{"mode tap", true, request{flags: unix.IFF_TAP | unix.IFF_NO_PI, uid: noID, gid: noID}, 0, ""},
		{"m t p o v mu user alice group 7 name x", true,
			request{name: "x", flags: unix.IFF_TUN | unix.IFF_ONE_QUEUE | unix.IFF_VNET_HDR | unix.IFF_MULTI_QUEUE, uid: 1000, gid: 7}, 0, ""},
		{"tap0 mode tap", true, request{name: "tap0", flags: unix.IFF_TAP | unix.IFF_NO_PI, uid: noID, gid: noID}, 0, ""},
		{"dev tap0", true, request{}, 1, "You failed to specify a tunnel mode"},
		{"", true, request{}, 1, "You failed to specify a tunnel mode"},
		{"mode", true, request{}, 255, "Command line is not complete. Try option \"help\""},
		{"mode foo", true, request{}, 255, "Unknown tunnel mode \"foo\""},
		{"mode tun mode tap", true, request{}, 255, "You managed to ask for more than one tunnel mode."},
		{"mode tun a b", true, request{}, 255, "Error: either \"name\" is duplicate, or \"b\" is a garbage."},
		{"mode tun user bob", true, request{}, 255, "invalid user \"bob\""},
		{"mode tun group wheelx", true, request{}, 255, "invalid group \"wheelx\""},
		{"mode tun user -1", true, request{flags: unix.IFF_TUN | unix.IFF_NO_PI, uid: noID, gid: noID}, 0, ""},
		{"mode tun user x1", false, request{}, 255, "Error: either \"name\" is duplicate, or \"x1\" is a garbage."},
		{"mode tun dev a/b", true, request{}, 255, "Error: argument \"a/b\" is wrong: \"dev\" not a valid ifname"},
		{"mode tun name 0123456789abcdef", true, request{}, 255, "Error: argument \"0123456789abcdef\" is wrong: \"name\" not a valid ifname"},
		{"help", true, request{}, 255, ""},
	}
	for _, tt := range tests {
		r, err := parseRequest(testEnv(), cmdline.NewArgs(strings.Fields(tt.in)), tt.owner)
		if tt.code == 0 {
			if err != nil {
				t.Errorf("%q: %v", tt.in, err)
			} else if *r != tt.want {
				t.Errorf("%q: got %+v want %+v", tt.in, *r, tt.want)
			}
			continue
		}
		var ce *cmdline.Error
		if !errors.As(err, &ce) || ce.Code != tt.code || ce.Msg != tt.msg {
			t.Errorf("%q: got %v, want %d %q", tt.in, err, tt.code, tt.msg)
		}
	}
}

func TestPrintFlags(t *testing.T) {
	tests := []struct {
		d    tuntap.Device
		want string
	}{
		{tuntap.Device{Name: "tun0", Flags: unix.IFF_TUN | unix.IFF_NO_PI | unix.IFF_PERSIST, Owner: -1, Group: -1}, "tun0: tun persist\n"},
		{tuntap.Device{Name: "tunx", Flags: 0x6901, Owner: 1000, Group: 100}, "tunx: tun pi one_queue multi_queue vnet_hdr persist filter user 1000 group 100\n"},
		{tuntap.Device{Name: "t", Flags: unix.IFF_TAP | unix.IFF_NO_PI | 0x10, Owner: -1, Group: -1}, "t: tap 0x10\n"},
	}
	for _, tt := range tests {
		var out bytes.Buffer
		env := cli.NewEnv(cli.Options{}, nil, &out, &bytes.Buffer{})
		printDevice(env, env.P, &tt.d)
		env.P.Flush()
		if out.String() != tt.want {
			t.Errorf("got %q want %q", out.String(), tt.want)
		}
	}
	var out bytes.Buffer
	env := cli.NewEnv(cli.Options{JSON: true}, nil, &out, &bytes.Buffer{})
	env.P.Begin()
	printDevice(env, env.P, &tuntap.Device{Name: "tunx", Flags: 0x6901, Owner: 1000, Group: 100})
	printDevice(env, env.P, &tuntap.Device{Name: "tap0", Flags: unix.IFF_TAP | unix.IFF_NO_PI | unix.IFF_PERSIST, Owner: -1, Group: -1})
	env.P.End()
	env.P.Flush()
	want := `[{"ifname":"tunx","flags":["tun","pi","one_queue","multi_queue","vnet_hdr","persist","filter"],"user":1000,"group":100},{"ifname":"tap0","flags":["tap","persist"]}]` + "\n"
	if out.String() != want {
		t.Errorf("json got %q want %q", out.String(), want)
	}
}

// FuzzParse checks that no argument list makes the parser panic, and that
// a request it accepts is one the ioctls can take, handed to the library
// as the same flags.
func FuzzParse(f *testing.F) {
	lookupUser = func(string) (uint32, bool) { return 0, false }
	lookupGroup = func(string) (uint32, bool) { return 0, false }
	for _, s := range []string{"dev tun0 mode tun", "mode tap pi one_queue", "a b", "mode", "user 12 mode tun", "name x mode tun"} {
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, s string, owner bool) {
		r, err := parseRequest(testEnv(), cmdline.NewArgs(strings.Split(s, " ")), owner)
		if err != nil {
			return
		}
		// The library is handed exactly the flags iproute2 would set.
		if got := r.spec().Flags(); got != r.flags {
			t.Fatalf("%q: spec flags %#x, parsed %#x", s, got, r.flags)
		}
		if r.flags&tunTypeMask == 0 {
			t.Fatalf("accepted %q with no mode", s)
		}
		if r.name != "" && !validIfname(r.name) {
			t.Fatalf("accepted bad name %q", r.name)
		}
	})
}
