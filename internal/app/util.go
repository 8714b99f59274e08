package app

import (
	"errors"

	"github.com/gipnet/gip/internal/cmdline"
)

func asCLI(err error, ce **cmdline.Error) bool { return errors.As(err, ce) }
