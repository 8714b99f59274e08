// Command gen writes gip's man pages into the directory it is given
// (make man: doc/man).
package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/gipnet/gip/internal/manpage"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: gen DIR")
		os.Exit(2)
	}
	for name, text := range manpage.Pages() {
		if err := os.WriteFile(filepath.Join(os.Args[1], name), []byte(text), 0o644); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
}
