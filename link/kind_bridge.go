package link

var bridgeKind = Kind{Name: "bridge"}

var bridgeSlaveKind = Kind{Name: "bridge_slave"}
