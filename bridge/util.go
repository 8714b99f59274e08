package bridge

import (
	"errors"

	"github.com/gipnet/gip/internal/nl"
)

func asNL(err error, e **nl.Error) bool { return errors.As(err, e) }
