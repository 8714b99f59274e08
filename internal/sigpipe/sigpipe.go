// Package sigpipe keeps a SIGPIPE that gip's caller ignored ignored.
//
// iproute2 is a C program: started with SIGPIPE ignored (a systemd service,
// a shell's trap of PIPE with an empty action), its writes to a closed pipe fail with EPIPE, stdio drops
// them and ip exits 0; started with SIGPIPE at its default, it dies of the
// signal. The Go runtime installs its own handler before main and dies of
// SIGPIPE on a write to stdout or stderr in both cases; only the runtime
// knows what the disposition was at exec.
//
// The package does not import os/signal, whose initialisation and
// bookkeeping every gip run would pay for: it calls the runtime function
// behind signal.Ignore directly (see inherited_linkname.go).
package sigpipe

// KeepIgnored makes a SIGPIPE the caller ignored stay ignored, so writes to
// a closed stdout fail with EPIPE instead of killing gip. When the inherited
// disposition cannot be learnt it does nothing (the default's behaviour).
func KeepIgnored() {
	if ignoredAtExec() {
		ignore()
	}
}
