package main

import (
	"context"
	"os/exec"
	"strings"
)

// output runs a setup command and returns its stdout; like run, it is
// killed after setupTimeout.
func output(name string, args ...string) (string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), setupTimeout)
	defer cancel()
	out, err := exec.CommandContext(ctx, name, args...).Output()
	return string(out), err
}

func splitLines(s string) []string { return strings.Split(strings.TrimRight(s, "\n"), "\n") }

// linkName takes the name out of an `ip -o link` line ("3: va0@vb0: <…").
func linkName(line string) string {
	f := strings.SplitN(line, ": ", 3)
	if len(f) < 2 {
		return ""
	}
	name, _, _ := strings.Cut(f[1], "@")
	return name
}
