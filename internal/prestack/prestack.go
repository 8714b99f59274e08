// Package prestack grows the calling goroutine's stack once, to the size a
// gip command needs, before the command runs.
//
// A goroutine starts with a small stack that the runtime doubles whenever a
// call would overflow it: it allocates the new stack and copies the old one,
// walking every frame on it and reading each function's pointer maps from
// the binary's tables. Left to itself, gip's main goroutine outgrows its
// stack deep inside a command (the first large buffer of a dump is
// allocated some fifteen calls down), so the copy reads the tables of all
// those functions: pages of the binary that nothing else touches, a few
// dozen microseconds of page faults on every run. Grown first thing in
// main, the stack holds two frames and the copy is cheap; the new stack's
// unused pages cost nothing until they are used.
package prestack

// Size is the stack Grow leaves the calling goroutine with, when it had
// less: enough for the deepest paths of a one-shot command (a dump's first
// receive, the printers under it).
const Size = 32 << 10

// Grow makes sure the calling goroutine's stack is at least Size bytes,
// growing it in one step. It does nothing else and touches none of the new
// stack.
func Grow() { grow() }
