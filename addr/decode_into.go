package addr

// DecodeInto is Decode into an Addr the caller reuses, allocating nothing:
// everything in *a, the label too, aliases b, so *a is valid only as long
// as b is (within a dump callback: until it returns). The command line's
// listings decode every address this way.
func DecodeInto(a *Addr, b []byte) error { return decodeInto(a, b) }
