package app

import (
	"errors"
	"io/fs"

	"github.com/gipnet/gip/internal/cli"
	"golang.org/x/sys/unix"
)

func asCLI(err error, ce **cli.Error) bool { return errors.As(err, ce) }

func unwrapErrno(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		if errno, ok := pe.Err.(unix.Errno); ok {
			return errno
		}
	}
	return err
}
