package app

import (
	"errors"

	"github.com/gipnet/gip/internal/cli"
)

func asCLI(err error, ce **cli.Error) bool { return errors.As(err, ce) }
