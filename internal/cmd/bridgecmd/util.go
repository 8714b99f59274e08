package bridgecmd

import (
	"errors"

	"github.com/gipnet/gip/rtnl"
)

func asNL(err error, e **rtnl.Error) bool { return errors.As(err, e) }
