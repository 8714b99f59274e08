// Command gip is iproute2's ip and bridge and bridge-utils' brctl in one
// binary; it acts as the applet its name (or first word) says.
package main

import (
	"os"

	"github.com/gipnet/gip/internal/app"
)

func main() {
	os.Exit(app.Main(os.Args, os.Stdin, os.Stdout, os.Stderr))
}
