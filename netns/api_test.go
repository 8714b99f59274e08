package netns_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"reflect"
	"slices"
	"strconv"
	"testing"

	"github.com/gipnet/gip/internal/nstest"
	"github.com/gipnet/gip/netns"
	"github.com/gipnet/gip/rtnl"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// inode is the inode of a namespace file: two files name the same
// namespace when their inodes are equal.
func inode(t *testing.T, path string) uint64 {
	t.Helper()
	var st unix.Stat_t
	if err := unix.Stat(path, &st); err != nil {
		t.Fatalf("stat %s: %v", path, err)
	}
	return st.Ino
}

// linkNames lists the links of c's namespace.
func linkNames(t *testing.T, c *rtnl.Conn) []string {
	t.Helper()
	var names []string
	err := c.Dump(unix.RTM_GETLINK, rtnl.IfInfomsg{}.Append(nil), func(m netlink.Message) error {
		_, attrs, err := rtnl.ParseIfInfomsg(m.Data)
		if err != nil {
			return err
		}
		ad, err := rtnl.Decoder(attrs)
		if err != nil {
			return err
		}
		for ad.Next() {
			if ad.Type() == unix.IFLA_IFNAME {
				names = append(names, ad.String())
			}
		}
		return ad.Err()
	})
	if err != nil {
		t.Fatalf("link dump: %v", err)
	}
	return names
}

// TestAPI drives the library as a Go program would, in a sandbox: Add, a
// second Add refused with EEXIST that changes nothing, List, SetID, Do,
// Open with rtnl.Dial, Exec, Attach, Identify, PIDs, Delete.
func TestAPI(t *testing.T) {
	if !nstest.Sandbox(t) {
		return
	}
	own := inode(t, "/proc/self/ns/net")

	if ns, err := netns.List(); err != nil || len(ns) != 0 {
		t.Fatalf("List before any Add = %v, %v; want none", ns, err)
	}
	if err := netns.Add("blue"); err != nil {
		t.Fatalf("Add(blue): %v", err)
	}
	blue := inode(t, netns.RunDir+"/blue")
	if blue == own {
		t.Fatal("blue is the test's own namespace")
	}
	if name, err := netns.Identify(0); err != nil || name != "" {
		t.Errorf("Identify(0) before Attach = %q, %v; want no name", name, err)
	}

	// A second Add is refused, with iproute2's words and the errno, and
	// leaves the first namespace as it was.
	err := netns.Add("blue")
	if !errors.Is(err, unix.EEXIST) {
		t.Fatalf("second Add(blue) = %v, want EEXIST", err)
	}
	if want := `Cannot create namespace file "/run/netns/blue": File exists`; err.Error() != want {
		t.Errorf("second Add(blue) says %q, want %q", err, want)
	}
	if got := inode(t, netns.RunDir+"/blue"); got != blue {
		t.Errorf("second Add changed blue: inode %d, was %d", got, blue)
	}
	names, err := netns.Names()
	if err != nil || !reflect.DeepEqual(names, []string{"blue"}) {
		t.Errorf("Names after the failed Add = %q, %v; want [blue]", names, err)
	}
	if err := netns.Add("a/b"); !errors.Is(err, unix.EINVAL) {
		t.Errorf("Add(a/b) = %v, want EINVAL", err)
	}

	// Ids: none until one is set.
	c, err := rtnl.Dial(-1)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if ns, err := netns.List(); err != nil || !reflect.DeepEqual(ns, []netns.NS{{Name: "blue", ID: -1}}) {
		t.Errorf("List = %+v, %v; want blue without an id", ns, err)
	}
	if err := netns.SetID(context.Background(), c, "blue", 7); err != nil {
		t.Fatalf("SetID(blue, 7): %v", err)
	}
	if ns, err := netns.List(); err != nil || !reflect.DeepEqual(ns, []netns.NS{{Name: "blue", ID: 7}}) {
		t.Errorf("List after SetID = %+v, %v; want blue with id 7", ns, err)
	}
	if err := netns.SetID(context.Background(), c, "blue", 8); !errors.Is(err, unix.EEXIST) {
		t.Errorf("SetID of a namespace with an id = %v, want EEXIST", err)
	}

	// Do: fn runs in blue, whose only link is lo; the caller is back in
	// its own namespace afterwards.
	err = netns.Do("blue", func() error {
		if got := inode(t, "/proc/thread-self/ns/net"); got != blue {
			t.Errorf("inside Do: namespace inode %d, want blue's %d", got, blue)
		}
		inner, err := rtnl.Dial(-1)
		if err != nil {
			return err
		}
		defer inner.Close()
		if got := linkNames(t, inner); !reflect.DeepEqual(got, []string{"lo"}) {
			t.Errorf("links inside Do: %q, want [lo]", got)
		}
		return errors.New("fn's error")
	})
	if err == nil || err.Error() != "fn's error" {
		t.Errorf("Do returned %v, want fn's error", err)
	}
	if got := inode(t, "/proc/thread-self/ns/net"); got != own {
		t.Errorf("after Do the goroutine's thread is in %d, want %d", got, own)
	}
	if err := netns.Do("nosuch", func() error { t.Error("fn ran"); return nil }); !errors.Is(err, unix.ENOENT) {
		t.Errorf("Do(nosuch) = %v, want ENOENT", err)
	}

	// Open and rtnl.Dial: a connection inside blue without moving any
	// thread; a link made through it is in blue only.
	fd, err := netns.Open("blue")
	if err != nil {
		t.Fatal(err)
	}
	bc, err := rtnl.Dial(fd)
	unix.Close(fd)
	if err != nil {
		t.Fatal(err)
	}
	defer bc.Close()
	if got := linkNames(t, bc); !reflect.DeepEqual(got, []string{"lo"}) {
		t.Errorf("links through Open+Dial: %q, want [lo]", got)
	}

	// Exec: the command runs in blue, and /sys there shows blue's links.
	var out bytes.Buffer
	cmd := exec.Command("/bin/sh", "-c", "readlink /proc/self/ns/net; ls /sys/class/net")
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := netns.Exec("blue", cmd); err != nil {
		t.Fatalf("Exec: %v\n%s", err, out.Bytes())
	}
	if want := "net:[" + strconv.FormatUint(blue, 10) + "]\nlo\n"; out.String() != want {
		t.Errorf("Exec printed %q, want %q", out.String(), want)
	}
	if err := netns.Exec("nosuch", exec.Command("/bin/true")); !errors.Is(err, unix.ENOENT) {
		t.Errorf("Exec in nosuch = %v, want ENOENT", err)
	}

	// Attach: the test's own namespace under a name.
	if err := netns.Attach("self", os.Getpid()); err != nil {
		t.Fatalf("Attach(self): %v", err)
	}
	if got := inode(t, netns.RunDir+"/self"); got != own {
		t.Errorf("attached namespace inode %d, want %d", got, own)
	}
	if name, err := netns.Identify(0); err != nil || name != "self" {
		t.Errorf("Identify(0) = %q, %v; want self", name, err)
	}
	if name, err := netns.Identify(os.Getpid()); err != nil || name != "self" {
		t.Errorf("Identify(own pid) = %q, %v; want self", name, err)
	}
	if pids, err := netns.PIDs("self"); err != nil || !slices.Contains(pids, os.Getpid()) || !slices.IsSorted(pids) {
		t.Errorf("PIDs(self) = %v, %v; want an ascending list with the test's pid %d", pids, err, os.Getpid())
	}
	if pids, err := netns.PIDs("blue"); err != nil || len(pids) != 0 {
		t.Errorf("PIDs(blue) = %v, %v; want none", pids, err)
	}
	if _, err := netns.PIDs("nosuch"); !errors.Is(err, unix.ENOENT) {
		t.Errorf("PIDs(nosuch) = %v, want ENOENT", err)
	}
	if _, err := netns.Identify(-5); !errors.Is(err, unix.ENOENT) {
		t.Errorf("Identify(-5) = %v, want ENOENT", err)
	}

	// Delete: both go; a second Delete says the name is not there.
	for _, n := range []string{"self", "blue"} {
		if err := netns.Delete(n); err != nil {
			t.Errorf("Delete(%s): %v", n, err)
		}
	}
	if err := netns.Delete("blue"); !errors.Is(err, unix.ENOENT) {
		t.Errorf("second Delete(blue) = %v, want ENOENT", err)
	}
	if ns, err := netns.List(); err != nil || len(ns) != 0 {
		t.Errorf("List after Delete = %+v, %v; want none", ns, err)
	}
}
