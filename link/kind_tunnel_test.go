package link

import "testing"

// TestTunnelKindErrors checks the failures of the tunnel kinds' parsers
// (xfrm, vti, vti6, ip6tnl, ip6gre…, bareudp, hsr, amt) with the messages
// and exit statuses iproute2 6.1 gave for the same commands. An empty
// message is a usage text (which gip words its own way).
func TestTunnelKindErrors(t *testing.T) {
	checkBuildErrors(t, []buildError{
		{"link add x0 type xfrm external if_id 3", 1, "xfrmi: both 'external' and if_id/link cannot be specified"},
		{"link add x0 type xfrm dev e0 external", 1, "xfrmi: both 'external' and if_id/link cannot be specified"},
		{"link add x0 type xfrm dev e0", 255, "Error: argument \"IF_ID\" is required"},
		{"link add x0 type xfrm if_id 0", 255, "Error: argument \"0\" is wrong: if_id value is invalid"},
		{"link add x0 type xfrm if_id x", 255, "Error: argument \"x\" is wrong: if_id value is invalid"},
		{"link add x0 type xfrm if_id 4294967296", 255, "Error: argument \"4294967296\" is wrong: if_id value is invalid"},
		{"link add x0 type xfrm dev nosuch if_id 1", 255, "Cannot find device \"nosuch\""},
		{"link add x0 type xfrm foo", 1, ""},
		{"link add x0 type xfrm help", 1, ""},
		{"link add x0 type xfrm if_id", 255, "Command line is not complete. Try option \"help\""},
		{"link add x0 type xfrm ext", 1, ""},
		{"link add v0 type vti key foo", 255, "invalid value for \"key\": \"foo\"; it should be an unsigned integer"},
		{"link add v0 type vti ikey 1.2.x", 1, "Error: an IP address is expected rather than \"1.2.x\""},
		{"link add v0 type vti remote 1.2.3.x", 1, "Error: inet address is expected rather than \"1.2.3.x\"."},
		{"link add v0 type vti remote ::1", 1, "Error: inet address is expected rather than \"::1\"."},
		{"link add v0 type vti fwmark x", 255, "Error: argument \"x\" is wrong: invalid fwmark\n"},
		{"link add v0 type vti fw 5", 1, ""},
		{"link add v0 type vti dev nosuch", 255, "Cannot find device \"nosuch\""},
		{"link add v0 type vti foo", 1, ""},
		{"link set e0 type vti key 5", 1, "Failed to get existing tunnel info."},
		{"link add v0 type vti6 remote 1.2.3.4", 1, "Error: inet6 address is expected rather than \"1.2.3.4\"."},
		{"link add v0 type vti6 okey -1", 255, "invalid value for \"okey\": \"-1\"; it should be an unsigned integer"},
		{"link add v0 type vti6 foo", 1, ""},
		{"link add v0 type vti6 help", 1, ""},
		{"link add v0 type vti6 dev nosuch", 255, "Cannot find device \"nosuch\""},
		{"link add t6 type ip6tnl mode ipip", 255, "Error: argument \"ipip\" is wrong: Cannot guess tunnel mode."},
		{"link add t6 type ip6tnl remote 1.2.3.4", 1, "Error: inet6 address is expected rather than \"1.2.3.4\"."},
		{"link add t6 type ip6tnl hoplimit 256", 255, "Error: argument \"256\" is wrong: invalid HLIM\n"},
		{"link add t6 type ip6tnl tclass 100", 255, "Error: argument \"100\" is wrong: invalid TClass"},
		{"link add t6 type ip6tnl flowlabel 100000", 255, "Error: argument \"100000\" is wrong: invalid Flowlabel"},
		{"link add t6 type ip6tnl dscp 5", 255, "Error: argument \"5\" is wrong: not inherit"},
		{"link add t6 type ip6tnl fwmark -x", 255, "Error: argument \"-x\" is wrong: invalid fwmark\n"},
		{"link add t6 type ip6tnl dev nosuch", 255, "Cannot find device \"nosuch\""},
		{"link add t6 type ip6tnl foo", 1, ""},
		{"link set e0 type ip6tnl hoplimit 3", 1, "Failed to get existing tunnel info."},
		{"link add t6 type ip6tnl encap foo", 255, "Error: argument \"foo\" is wrong: Invalid encap type."},
		{"link add t6 type ip6tnl encap-sport x", 255, "Error: argument \"x\" is wrong: Invalid source port."},
		{"link add t6 type ip6tnl help", 1, ""},
	})
}
