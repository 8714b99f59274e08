package link

var macvlanKind = Kind{Name: "macvlan"}

var macvtapKind = Kind{Name: "macvtap"}
