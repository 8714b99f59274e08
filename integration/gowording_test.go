package integration

import "strings"

// goOnlyPhrases are texts that only Go prints: its errno strings (glibc's
// start with a capital letter: "No such file or directory"), the wording
// of its os, strconv, exec and io errors, fmt's marks for a bad verb, and a
// panic's stack trace. gip must print iproute2's words instead.
var goOnlyPhrases = []string{
	"no such file or directory", "operation not permitted", "permission denied",
	"invalid argument", "bad file descriptor", "file exists", "is a directory",
	"not a directory", "no such device", "no such process", "device or resource busy",
	"operation not supported", "resource temporarily unavailable",
	"inappropriate ioctl for device", "protocol not supported", "no buffer space available",
	"address family not supported", "too many open files", "input/output error",
	"no space left on device", "broken pipe", "network is unreachable", "numerical result out of range",
	"errno ", "unexpected EOF", "strconv.", "exec: ", "fork/exec", "context canceled",
	"use of closed", "file already closed", "netlink receive", "netlink send", "%!",
	"panic:", "goroutine ", "runtime error", "fatal error", "[recovered]",
}

// goWording lists the Go-only phrases in what gip printed for a command
// that the reference's output for the same command does not contain.
func goWording(ref, gip result) []string {
	var found []string
	refText := ref.Out + ref.Err
	gipText := gip.Out + gip.Err
	for _, p := range goOnlyPhrases {
		if strings.Contains(gipText, p) && !strings.Contains(refText, p) {
			found = append(found, p)
		}
	}
	return found
}
