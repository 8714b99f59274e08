package link

var tunKind = Kind{Name: "tun"}
