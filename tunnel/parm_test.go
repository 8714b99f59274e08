package tunnel

import (
	"encoding/hex"
	"net/netip"
	"testing"
)

// Structures as iproute2 6.1 passed them to the kernel (captured with an
// LD_PRELOAD ioctl logger), and the typed values that encode to them.
func TestMarshalGolden(t *testing.T) {
	gre := NewParm()
	gre.Name, gre.IFlags, gre.OFlags = "t1", FlagKey, FlagKey
	gre.IKey, gre.OKey, gre.TTL, gre.Protocol = 0x01020304, 0x01020304, 64, ProtoGRE
	gre.Local, gre.Remote = netip.MustParseAddr("5.6.7.8"), netip.MustParseAddr("1.2.3.4")

	vti := NewParm()
	vti.Name, vti.IFlags, vti.OFlags, vti.IKey, vti.OKey = "t1", FlagVTI|FlagKey, FlagKey, 5, 0x10
	vti.Protocol, vti.Local, vti.Remote = ProtoIPIP, netip.MustParseAddr("2.2.2.2"), netip.MustParseAddr("1.1.1.1")

	isatap := NewParm()
	isatap.Name, isatap.IFlags, isatap.Protocol, isatap.Local = "t1", FlagISATAP, ProtoIPv6, netip.MustParseAddr("10.0.0.1")

	gre6 := NewParm6()
	gre6.Name, gre6.Proto, gre6.EncapLimit, gre6.HopLimit = "t1", ProtoGRE, 7, 9
	gre6.Flowinfo = 0x45<<20 | 0x12345
	gre6.Local, gre6.Remote = netip.MustParseAddr("3::4"), netip.MustParseAddr("1::2")
	gre6.IFlags, gre6.OFlags, gre6.IKey, gre6.OKey = FlagKey, FlagKey, 5, 5

	noname6 := NewParm6()

	tests := []struct {
		name string
		got  []byte
		want string
	}{
		{"ip tunnel add t1 mode gre remote 1.2.3.4 local 5.6.7.8 ttl 64 key 1.2.3.4", gre.Marshal(),
			"74310000000000000000000000000000000000002000200001020304010203044500000000004000402f00000506070801020304"},
		{"ip tunnel add t1 mode vti remote 1.1.1.1 local 2.2.2.2 ikey 5 okey 0x10", vti.Marshal(),
			"74310000000000000000000000000000000000002100200000000005000000104500000000004000000400000202020201010101"},
		{"ip tunnel add t1 mode isatap local 10.0.0.1", isatap.Marshal(),
			"74310000000000000000000000000000000000000100000000000000000000004500000000004000002900000a00000100000000"},
		{"ip -6 tunnel add t1 mode ip6gre remote 1::2 local 3::4 flowlabel 0x12345 tclass 0x45 encaplimit 7 hoplimit 9 key 5", gre6.Marshal(),
			"74310000000000000000000000000000000000002f07090004512345000000000003000000000000000000000000000400010000000000000000000000000002200020000000000500000005"},
		{"ip -6 tunnel add", noname6.Marshal(),
			"00000000000000000000000000000000000000002904400000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"},
		{"ip tunnel prl dev t1 prl-default 1.2.3.4", (&PRLEntry{Addr: netip.MustParseAddr("1.2.3.4"), Flags: PRLDefault}).Marshal(),
			"01020304010000000000000000000000"},
		{"ip tunnel 6rd dev t1 6rd-prefix 2001:db8::1/32 6rd-relay_prefix 10.0.0.0/8",
			(&SixRD{Prefix: netip.MustParseAddr("2001:db8::1"), PrefixLen: 32, RelayPrefix: netip.MustParseAddr("10.0.0.0"), RelayPrefixLen: 8}).Marshal(),
			"20010db80000000000000000000000010a00000020000800"},
	}
	for _, tt := range tests {
		if got := hex.EncodeToString(tt.got); got != tt.want {
			t.Errorf("%s:\n got %s\nwant %s", tt.name, got, tt.want)
		}
	}
}

func TestDecodeRoundTrip(t *testing.T) {
	for _, h := range []string{
		"74310000000000000000000000000000010000002000200001020304010203044500000000004000402f00000506070801020304",
		"6772653900000000000000000000000000000000b000b0000000000500000006451100000000000000002f000000000000000000",
	} {
		b, _ := hex.DecodeString(h)
		p, err := DecodeParm(b)
		if err != nil {
			t.Fatal(err)
		}
		if got := hex.EncodeToString(p.Marshal()); got != h {
			t.Errorf("round trip of %s gave %s", h, got)
		}
	}
	h := "78360000000000000000000000000000010000002f07090004512345000000000003000000000000000000000000000400010000000000000000000000000002200020000000000500000005"
	b, _ := hex.DecodeString(h)
	p, err := DecodeParm6(b)
	if err != nil {
		t.Fatal(err)
	}
	if p.Name != "x6" || p.Proto != ProtoGRE || p.Flowinfo != 0x04512345 || p.IKey != 5 || p.Remote != netip.MustParseAddr("1::2") {
		t.Errorf("DecodeParm6 = %+v", p)
	}
	if got := hex.EncodeToString(p.Marshal()); got != h {
		t.Errorf("round trip gave %s", got)
	}
	if _, err := DecodeParm(b[:ParmLen-1]); err == nil {
		t.Error("DecodeParm of a short buffer did not fail")
	}
	if _, err := DecodeParm6(b[:Parm6Len-1]); err == nil {
		t.Error("DecodeParm6 of a short buffer did not fail")
	}
}

func TestFallbackDevice(t *testing.T) {
	tests := []struct {
		p    Parm
		want string
	}{
		{Parm{Protocol: ProtoIPIP}, "tunl0"},
		{Parm{Protocol: ProtoIPIP, IFlags: FlagVTI}, "ip_vti0"},
		{Parm{Protocol: ProtoGRE}, "gre0"},
		{Parm{Protocol: ProtoIPv6}, "sit0"},
		{Parm{Protocol: ProtoMPLS}, ""},
		{Parm{}, ""},
	}
	for _, tt := range tests {
		if got := tt.p.FallbackDevice(); got != tt.want {
			t.Errorf("%+v: FallbackDevice() = %q, want %q", tt.p, got, tt.want)
		}
	}
	tests6 := []struct {
		p    Parm6
		want string
	}{
		{Parm6{Proto: ProtoIPv6}, "ip6tnl0"},
		{Parm6{Proto: ProtoIPIP}, "ip6tnl0"},
		{Parm6{Proto: ProtoGRE}, "ip6gre0"},
		{Parm6{Proto: ProtoGRE, IFlags: FlagVTI}, "ip6gre0"},
		{Parm6{Proto: ProtoIPv6, IFlags: FlagVTI}, "ip6_vti0"},
	}
	for _, tt := range tests6 {
		if got := tt.p.FallbackDevice(); got != tt.want {
			t.Errorf("%+v: FallbackDevice() = %q, want %q", tt.p, got, tt.want)
		}
	}
}

func TestValidName(t *testing.T) {
	for name, want := range map[string]bool{
		"t1": true, "": false, "a/b": false, "a b": false, "a\tb": false,
		"123456789012345": true, "1234567890123456": false, "ü": true,
	} {
		if got := ValidName(name); got != want {
			t.Errorf("ValidName(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestErrorText(t *testing.T) {
	tests := []struct {
		e    Error
		want string
	}{
		{Error{Cmd: SIOCADDTUNNEL, Name: "gre0", Errno: 19}, `add tunnel "gre0" failed: No such device`},
		{Error{Cmd: SIOCCHGTUNNEL, Name: "t1", Errno: 19}, `add tunnel "t1" failed: No such device`},
		{Error{Cmd: SIOCGETTUNNEL, Name: "lo", Errno: 95}, `get tunnel "lo" failed: Operation not supported`},
		{Error{Cmd: SIOCDELTUNNEL, Name: "", Errno: 19}, `delete tunnel "" failed: No such device`},
		{Error{Cmd: SIOCADDPRL, Name: "lo", Errno: 95}, `lo: ioctl 89f5 failed: Operation not supported`},
		{Error{Cmd: 0, Name: "lo", Errno: 25}, `lo: ioctl 0 failed: Inappropriate ioctl for device`},
	}
	for _, tt := range tests {
		if got := tt.e.Error(); got != tt.want {
			t.Errorf("%+v: %q, want %q", tt.e, got, tt.want)
		}
	}
}
