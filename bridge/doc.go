// Package bridge is the Linux bridge as Go values: forwarding-database
// entries (FDBEntry: FDBList, FDBAdd, FDBAppend, FDBReplace, FDBDelete),
// bridge port settings (PortSettings: PortGet, PortSet), port STP states,
// and the view of bridges and their ports brctl works from (Link, Info,
// PortInfo: DumpLinks, GetLink, and the old bridge ioctls of IoctlInfo).
//
// Every operation takes a context and an *rtnl.Conn, which decides the
// network namespace. The requests are built by the same encoders
// (FDBRequest, PortRequest, FDBDumpRequest) that gip's bridge command uses,
// so they are byte for byte what iproute2's bridge sends for the same
// entry or setting. The kernel's refusals come back as *rtnl.Error, which
// unwraps to the errno:
//
//	err := bridge.FDBAdd(ctx, c, e)
//	if errors.Is(err, unix.EEXIST) { … }
//
// Values returned to a caller own their memory.
package bridge
