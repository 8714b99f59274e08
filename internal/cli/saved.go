package cli

import (
	"errors"
	"github.com/gipnet/gip/internal/cmdline"
	"io"

	"github.com/gipnet/gip/rtnl"
	"github.com/mdlayher/netlink"
)

// RestoreSaved is rtnl.ReadSaved for the restore commands that iproute2 ends
// by exiting ip: status 0 at the stream's end, 255 when it is broken.
func RestoreSaved(r io.Reader, fn func(h netlink.Header, data []byte) error) error {
	err := rtnl.ReadSaved(r, fn)
	var se *rtnl.SavedError
	if errors.As(err, &se) {
		return cmdline.Fatal(cmdline.StatusUsage, "%s", se.Msg)
	}
	if err != nil {
		return err
	}
	return cmdline.Exited(cmdline.StatusOK)
}
