package link

import (
	"encoding/hex"
	"errors"
	"strings"
	"testing"

	"github.com/gipnet/gip/internal/cmdline"
	"golang.org/x/sys/unix"
)

// TestBuildPropGolden compares `ip link property` requests with the ones
// iproute2 6.1 sent (strace, in the sandbox testParser describes).
func TestBuildPropGolden(t *testing.T) {
	tests := []struct {
		cmd     string
		msgType uint16
		flags   uint16
		body    string
	}{
		{"add dev e0 altname foo altname bar", unix.RTM_NEWLINKPROP, 0xe00,
			"000000000300000000000000000000001400348008003500666f6f000800350062617200"},
		{"del dev e0 altname foo", unix.RTM_DELLINKPROP, 0,
			"000000000300000000000000000000000c00348008003500666f6f00"},
		{"a e0 a foo", unix.RTM_NEWLINKPROP, 0xe00,
			"000000000300000000000000000000000c00348008003500666f6f00"},
	}
	for _, tt := range tests {
		req, err := testParser(0, false, 0).BuildProp(cmdline.NewArgs(strings.Fields(tt.cmd)))
		if err != nil {
			t.Errorf("BuildProp(%q) failed: %v", tt.cmd, err)
			continue
		}
		if req.MsgType != tt.msgType || uint16(req.Flags) != tt.flags {
			t.Errorf("BuildProp(%q) = type %d flags %#x, want %d %#x", tt.cmd, req.MsgType, req.Flags, tt.msgType, tt.flags)
		}
		if got := hex.EncodeToString(req.Body); got != tt.body {
			t.Errorf("BuildProp(%q) =\n%s\nwant\n%s", tt.cmd, got, tt.body)
		}
	}
}

func TestBuildPropErrors(t *testing.T) {
	tests := []struct {
		cmd   string
		code  int
		msg   string
		fatal bool
	}{
		{"foo", 255, "Operator required", true},
		{"add", 255, `Not enough of information: "dev" argument is required.`, true},
		{"add altname x", 255, `Not enough of information: "dev" argument is required.`, true},
		{"add dev nosuch", 1, `Cannot find device "nosuch"`, false},
		{"add dev e0 dev e1", 255, `Error: either "dev" is duplicate, or "e1" is a garbage.`, true},
		{"add dev e0 altname a/b", 255, "Error: argument \"a/b\" is wrong: not a valid altname", true},
		{"del dev e0 altname", 255, `Command line is not complete. Try option "help"`, true},
		{"add a/b", 255, "Error: argument \"a/b\" is wrong: \"dev\" not a valid ifname", true},
	}
	for _, tt := range tests {
		_, err := testParser(0, false, 0).BuildProp(cmdline.NewArgs(strings.Fields(tt.cmd)))
		var ce *cmdline.Error
		if !errors.As(err, &ce) || ce.Code != tt.code || ce.Msg != tt.msg || ce.Fatal != tt.fatal {
			t.Errorf("BuildProp(%q) = %#v, want exit %d %q fatal %v", tt.cmd, err, tt.code, tt.msg, tt.fatal)
		}
	}
}
