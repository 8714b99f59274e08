package link

// AttrTable is a message's attributes by type, the last of a type winning,
// as iproute2's parse_rtattr fills its tb[] array. The byte slices alias
// the parsed message.
type AttrTable map[uint16][]byte

// ParseAttrTable splits b, a run of netlink attributes, into a table; a
// malformed run yields the attributes before the fault.
func ParseAttrTable(b []byte) AttrTable { return AttrTable(parseKindAttrs(b)) }
