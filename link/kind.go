package link

import (
	"io"

	"github.com/gipnet/gip/format"
	"github.com/gipnet/gip/internal/cmdline"
	"github.com/mdlayher/netlink"
)

// Kind is one link type (IFLA_INFO_KIND). Its file parses the words after
// `type NAME` into IFLA_INFO_DATA and prints IFLA_INFO_DATA under -details.
// A new kind is one new file and one line in kinds.
//
// The kinds are package-level variables, so their functions are function
// literals or named functions, never calls (Parse: parseGRE("gre")): a
// call there would be made by an init function at every start-up of gip,
// whatever the command; wrapped in a literal it is made only when used.
type Kind struct {
	Name string // IFLA_INFO_KIND
	// Parse reads the kind's own words (everything after `type NAME`) and
	// encodes them as IFLA_INFO_DATA attributes. nil: the kind takes none.
	Parse func(p *Parser, a *cmdline.Args, ae *netlink.AttributeEncoder) error
	// Print prints the kind's details under -d: the attributes nested in
	// IFLA_INFO_DATA (data is nil when the kernel sent none). The caller has
	// printed the kind's name and opened the JSON object "info_data". names
	// resolves the ifindexes some kinds print (vxlan's dev, a port's
	// backup_port) in the namespace being shown.
	Print func(p *format.Printer, names IndexNamer, data []byte) error
	// Help prints the kind's options for `ip link help KIND` (to stdout,
	// as iproute2's print_help does). nil: a generic line is printed when
	// iproute2 has help for the kind (see iproute2Kinds).
	Help func(w io.Writer)
}

// IndexNamer names the link with ifindex index (if_indextoname); ok is false
// when there is none. Print needs it because gip, unlike iproute2, does not
// enter the -n namespace, so it cannot ask the kernel by ioctl.
type IndexNamer func(index uint32) (name string, ok bool)

// kinds lists every kind gip knows, in no particular order.
var kinds = []*Kind{
	&vethKind,
	&bridgeKind,
	&bridgeSlaveKind, // IFLA_INFO_SLAVE_KIND "bridge" is looked up as "bridge_slave"
	&vxlanKind,
	&macvlanKind,
	&macvtapKind,
	&tunKind,
	&vlanKind,
	&bondKind,
	&bondSlaveKind,
	&dummyKind,
	&ifbKind,
	&netdevsimKind,
	&nlmonKind,
	&teamKind,
	&teamSlaveKind,
	&vcanKind,
	&virtWifiKind,
	&vrfKind,
	&vrfSlaveKind,
	&ipvlanKind,
	&ipvtapKind,
	&geneveKind,
	&ipipKind,
	&sitKind,
	&greKind,
	&gretapKind,
	&erspanKind,
	&xfrmKind,
	&vtiKind,
	&vti6Kind,
	&ip6tnlKind,
	&ip6greKind,
	&ip6gretapKind,
	&ip6erspanKind,
	&bareudpKind,
	&hsrKind,
	&amtKind,
	&canKind,
	&dsaKind,
	&gtpKind,
	&ipoibKind,
	&macsecKind,
	&rmnetKind,
	&vxcanKind,
	&wwanKind,
}

// LookupKind returns the kind called name, or nil.
func LookupKind(name string) *Kind {
	for _, k := range kinds {
		if k.Name == name {
			return k
		}
	}
	return nil
}
