package bridgecmd

import (
	"errors"
	"testing"

	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cmdline"
)

// TestBatchAfterMonitor runs batch lines through Command on one Env: after
// a monitor line (here one that only replays /dev/null), the first line of
// an object that needs ll_init_map's link dump fails as iproute2's does on
// its closed socket, fatally; `help` and unknown objects do not reach it.
func TestBatchAfterMonitor(t *testing.T) {
	env := offlineEnv(cli.Options{})
	env.InBatch = true
	run := func(words ...string) error { return Command(env, cmdline.NewArgs(words)) }
	if err := run("monitor", "file", "/dev/null"); err != nil {
		t.Fatalf("monitor file /dev/null: %v", err)
	}
	var ce *cmdline.Error
	if err := run("nope"); !errors.As(err, &ce) || ce.Fatal || ce.Code != 255 {
		t.Errorf("nope after monitor: %v, want the unknown object's error", err)
	}
	for _, obj := range []string{"link", "fdb", "mdb", "vlan", "vni"} {
		err := run(obj, "help")
		if !errors.As(err, &ce) || !ce.Fatal || ce.Code != 1 || ce.Msg != "Cannot send dump request: Bad file descriptor" {
			t.Errorf("%s help after monitor: %#v, want the fatal dump request failure", obj, err)
		}
	}
}
