//go:build !giplinkname

package sigpipe

// ignoredAtExec cannot know without the runtime's record (see
// inherited_linkname.go): built without the giplinkname tag, gip dies of
// SIGPIPE whatever its caller set.
func ignoredAtExec() bool { return false }

func ignore() {}
