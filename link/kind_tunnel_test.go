package link

import (
	"bytes"
	"encoding/hex"
	"testing"

	"github.com/gipnet/gip/format"
)

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
		{"link add g6 type ip6gre encaplimit foo", 255, "Error: argument \"foo\" is wrong: invalid ELIM"},
		{"link add g6 type ip6gre key foo", 255, "invalid value for \"key\": \"foo\"; it should be an unsigned integer"},
		{"link add g6 type ip6gre remote 1.2.3.4", 1, "Error: inet6 address is expected rather than \"1.2.3.4\"."},
		{"link add g6 type ip6gre hlim 300", 255, "Error: argument \"300\" is wrong: invalid HLIM\n"},
		{"link add g6 type ip6gre tclass 1ff", 255, "Error: argument \"1ff\" is wrong: invalid TClass"},
		{"link add g6 type ip6gre flowlabel x", 255, "Error: argument \"x\" is wrong: invalid Flowlabel"},
		{"link add g6 type ip6gre dscp 1", 255, "Error: argument \"1\" is wrong: not inherit"},
		{"link add g6 type ip6gre fwmark 1x", 255, "Error: argument \"1x\" is wrong: invalid fwmark\n"},
		{"link add g6 type ip6gre dev nosuch", 255, "Cannot find device \"nosuch\""},
		{"link add g6 type ip6gre foo", 1, ""},
		{"link add g6 type ip6gre e 5", 1, ""},
		{"link set e0 type ip6gre key 5", 1, "Failed to get existing tunnel info."},
		{"link add g6 type ip6erspan erspan 0", 255, "Error: argument \"0\" is wrong: erspan index must be > 0 and <= 20-bit\n"},
		{"link add g6 type ip6erspan erspan_ver 3", 255, "Error: argument \"3\" is wrong: erspan version must be 0/1/2\n"},
		{"link add g6 type ip6erspan erspan_dir up", 255, "Error: argument \"up\" is wrong: Invalid erspan direction."},
		{"link add g6 type ip6erspan erspan_hwid 65536", 255, "Error: argument \"65536\" is wrong: invalid erspan hwid\n"},
		{"link add g6 type ip6erspan erspan x", 255, "Error: argument \"x\" is wrong: invalid erspan index\n"},
		{"link add g6 type ip6gretap help", 1, ""},
		{"link add b0 type bareudp ethertype ipv4", 255, "Error: argument \"dstport\" is required"},
		{"link add b0 type bareudp dstport 5", 255, "Error: argument \"ethertype\" is required"},
		{"link add b0 type bareudp dstport 65536 ethertype ipv4", 255, "Error: argument \"65536\" is wrong: dstport"},
		{"link add b0 type bareudp dstport 5 ethertype foo", 255, "Error: argument \"foo\" is wrong: ethertype"},
		{"link add b0 type bareudp dstport 5 ethertype ip srcportmin x", 255, "Error: argument \"x\" is wrong: srcportmin"},
		{"link add b0 type bareudp dstport 5 dstport 6", 255, "Error: either \"dstport\" is duplicate, or \"6\" is a garbage."},
		{"link add b0 type bareudp dstport x dstport 6", 255, "Error: argument \"x\" is wrong: dstport"},
		{"link add b0 type bareudp multiproto nomultiproto", 255, "Error: either \"nomultiproto\" is duplicate, or \"nomultiproto\" is a garbage."},
		{"link add b0 type bareudp foo", 1, ""},
		{"link add b0 type bareudp help", 1, ""},
		{"link add h0 type hsr supervision 256", 255, "Error: argument \"256\" is wrong: ADDR-BYTE is invalid"},
		{"link add h0 type hsr version x", 255, "Error: argument \"x\" is wrong: version is invalid"},
		{"link add h0 type hsr proto -1", 255, "Error: argument \"-1\" is wrong: protocol is invalid"},
		{"link add h0 type hsr slave1 nosuch", 255, "Error: argument \"nosuch\" is wrong: No such interface"},
		{"link add h0 type hsr slave2 nosuch", 255, "Error: argument \"nosuch\" is wrong: No such interface"},
		{"link add h0 type hsr foo", 1, ""},
		{"link add h0 type hsr help", 1, ""},
		{"link add h0 type hsr slave1", 255, "Command line is not complete. Try option \"help\""},
		{"link add a0 type amt local any discovery any local2", 1, ""},
		{"link add a0 type amt discovery 1.2.3.4 local 2001:db8::1", 1, "Error: inet address is expected rather than \"2001:db8::1\"."},
		{"link add a0 type amt discovery 1.2.3.x", 1, "Error: any valid address is expected rather than \"1.2.3.x\"."},
		{"link add a0 type amt discovery 1.2.3.4 discovery 1.2.3.5", 255, "Error: either \"discovery\" is duplicate, or \"1.2.3.5\" is a garbage."},
		{"link add a0 type amt local 1.2.3.4 local x", 255, "Error: either \"local\" is duplicate, or \"x\" is a garbage."},
		{"link add a0 type amt mode foo", 1, ""},
		{"link add a0 type amt relay_port 65536", 255, "Error: argument \"65536\" is wrong: relay_port"},
		{"link add a0 type amt gateway_port x", 255, "Error: argument \"x\" is wrong: gateway_port"},
		{"link add a0 type amt max_tunnels -x", 255, "Error: argument \"-x\" is wrong: max_tunnels"},
		{"link add a0 type amt dev nosuch", 255, "Cannot find device \"nosuch\""},
		{"link add a0 type amt mo relay", 1, ""},
		{"link add a0 type amt foo", 1, ""},
		{"link add a0 type amt help", 1, ""},
		{"link add a0 type amt mode", 255, "Command line is not complete. Try option \"help\""},
	})
}

// TestTunnelKindPrint compares the -d text of the tunnel kinds with what
// iproute2 6.1 printed for the same IFLA_INFO_DATA (hand-made, replayed
// with `ip -d monitor file` in a sandbox where e1 was ifindex 2 and e0 3).
func TestTunnelKindPrint(t *testing.T) {
	names := func(idx uint32) (string, bool) {
		name, ok := map[uint32]string{2: "e1", 3: "e0"}[idx]
		return name, ok
	}
	tests := []struct{ kind, data, text string }{
		{"xfrm", "040003000800020005000000", "external "},
		{"xfrm", "08000100030000000800020010000000", "if_id 0x10 "},
		{"xfrm", "0800010003000000", ""},
		{"vti", "", "remote any local any "},
		{"vti", "080002000000000508000300010203040800040001020305080005000a00000108000600090000000800010002000000", "remote 10.0.0.1 local 1.2.3.5 dev e1 ikey 0.0.0.5 okey 1.2.3.4 fwmark 0x9 "},
		{"vti", "0800020000000000080003000000000008000400000000001400050020010db800000000000000000000000108000600000000000800010000000000", "remote unknown local any "},
		{"vti", "080001004d0000000600050001020000", "remote unknown local any dev if77 "},
		{"vti6", "1400040020010db80000000000000000000000021400050000000000000000000000000000000000080002000000010008000600bc0a00000800010002000000", "remote any local 2001:db8::2 dev e1 ikey 0.0.1.0 fwmark 0xabc "},
		{"vti6", "0800040001020304", "remote any local unknown "},
		{"bareudp", "0600010019eb00000600020008000000", "dstport 6635 ethertype ip nomultiproto "},
		{"bareudp", "0600010000010000060002008847000006000300e803000004000400", "dstport 1 ethertype mpls_uc srcportmin 1000 multiproto "},
		{"bareudp", "0600020012340000", "ethertype [4660] nomultiproto "},
		{"bareudp", "", "nomultiproto "},
		{"hsr", "0800010002000000080002000300000006000500ffff00000a00040001154e00010000000500070001000000", "slave1 e1 slave2 e0 sequence 65535 supervision 01:15:4e:00:01:00 proto 1 "},
		{"hsr", "08000100000000000500070000000000", "slave1 * slave2 <none> proto 0 "},
		{"hsr", "", "slave1 <none> slave2 <none> "},
		{"hsr", "08000100020000000500050001000000", ""},
		{"hsr", "08000200630000000c0004000102030405060708", "slave1 <none> slave2 if99 supervision 01:02:03:04:05:06:07:08 "},
		{"amt", "08000100000000000600030008dc00000600020008dd000008000500010203040800060005060708080007000909090908000400020000000800080080000000", "gateway gateway_port 2268 relay_port 2269 local 1.2.3.4 remote 5.6.7.8 discovery 9.9.9.9 dev e1 max_tunnels 128 "},
		{"amt", "080001000100000008000400000000001400050020010db8000000000000000000000001", "relay local 32.1.13.184 dev * "},
		{"amt", "", ""},
		{"ip6tnl", "05000900290000001400030020010db80000000000000000000000011400020020010db800000000000000000000000205000400400000000500060004000000080007000000000008000800000000000800010000000000080014000000000006000f0000000000060010000200000006001100000000000600120000000000", "ip6ip6 remote 2001:db8::1 local 2001:db8::2 hoplimit 64 encaplimit 4 tclass 0x00 flowlabel 0x00000 "},
		{"ip6tnl", "050009000400000008000100020000000500040000000000050006000700000008000700012abcde0800080058000000080014000900000006000f000100000006001000070000000600110003e800000600120007d00000", "ipip6 remote any local any dev e1 hoplimit inherit encaplimit 7 tclass 0x12 flowlabel 0xabcde dscp inherit mip6 allow-localremote fwmark 0x9 encap fou encap-sport 1000 encap-dport 2000 encap-csum encap-csum6 encap-remcsum "},
		{"ip6tnl", "050009000000000008000800270000000800070001234567080014000900000006000f00020000000600100000000000060011000000000006001200004d0000", "any remote any local any hoplimit inherit encaplimit none tclass inherit flowlabel inherit fwmark inherit encap gue encap-sport auto encap-dport 77 noencap-csum noencap-csum6 noencap-remcsum "},
		{"ip6tnl", "050009000000000004001300", "external any remote any local any hoplimit inherit "},
		{"ip6tnl", "05000900070000000800030001020304080001006300000006000f0009000000060010000100000006001100000500000600120000060000", "remote unknown local any dev if99 hoplimit inherit encap unknown encap-sport 5 encap-dport 6 encap-csum noencap-csum6 noencap-remcsum "},
		{"ip6tnl", "", "remote any local any hoplimit inherit "},
		{"ip6gre", "0800040000000005080005000000000506000200b000000006000300300000001400060020010db80000000000000000000000021400070020010db80000000000000000000000010800010003000000050008000a00000005000b000300000008000c000201234508000d00500000000800140007000000050016000100000006000e000000000006000f000200000006001000000000000600110000000000", "remote 2001:db8::1 local 2001:db8::2 dev e0 hoplimit 10 encaplimit 3 tclass 0x20 flowlabel 0x12345 dscp inherit ikey 0.0.0.5 okey 0.0.0.5 iseq oseq icsum allow-localremote fwmark 0x7 erspan_ver 1 "},
		{"ip6gretap", "08000400000000000800050001020304060002000000000006000300a0000000050008000000000005000b000400000008000c000000000008000d00270000000800140000000000050016000100000006000e000100000006000f000500000006001000000000000600110000630000", "remote any local any hoplimit inherit encaplimit none tclass inherit flowlabel inherit okey 1.2.3.4 ocsum fwmark inherit erspan_ver 1 encap fou encap-sport auto encap-dport 99 encap-csum noencap-csum6 encap-remcsum "},
		{"ip6erspan", "1400070020010db80000000000000000000000010500160002000000050017000100000006001800070000000800150064000000", "remote 2001:db8::1 local any hoplimit inherit erspan_index 100 erspan_ver 2 erspan_dir egress erspan_hwid 0x7 "},
		{"ip6erspan", "05001700000000000400120008000400000000010600020020000000", "external remote any local any hoplimit inherit ikey 0.0.0.1 erspan_dir ingress "},
		{"ip6gre", "080007000102030405000500010000000600030020000000", "remote unknown local any hoplimit inherit okey 1.0.0.0 "},
		{"ip6gre", "", "remote any local any hoplimit inherit "},
	}
	for _, tt := range tests {
		data, err := hex.DecodeString(tt.data)
		if err != nil {
			t.Fatal(err)
		}
		if data == nil {
			data = []byte{} // an empty IFLA_INFO_DATA, not none
		}
		var buf bytes.Buffer
		p := format.New(&buf, format.Options{})
		if err := LookupKind(tt.kind).Print(p, names, data); err != nil {
			t.Fatal(err)
		}
		p.Flush()
		if buf.String() != tt.text {
			t.Errorf("%s %s: printed %q, iproute2 %q", tt.kind, tt.data, buf.String(), tt.text)
		}
	}
	for _, k := range []string{"xfrm", "vti", "vti6", "bareudp", "hsr", "amt", "ip6tnl", "ip6gre", "ip6gretap", "ip6erspan"} {
		var buf bytes.Buffer
		p := format.New(&buf, format.Options{})
		_ = LookupKind(k).Print(p, names, nil)
		p.Flush()
		if buf.Len() != 0 {
			t.Errorf("%s without IFLA_INFO_DATA printed %q", k, buf.String())
		}
	}
}
