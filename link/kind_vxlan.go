package link

var vxlanKind = Kind{Name: "vxlan"}
