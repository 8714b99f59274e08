package link

var vethKind = Kind{Name: "veth"}
