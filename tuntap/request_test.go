package tuntap

import (
	"bytes"
	"testing"
)

// TestDumpRequest compares the dump body with what iproute2 6.1's `ip
// tuntap show` sends (captured with strace): ifinfomsg, then IFLA_LINKINFO
// (0x12, no NLA_F_NESTED) holding IFLA_INFO_KIND "tun" (7 bytes, padded).
func TestDumpRequest(t *testing.T) {
	want := []byte{
		0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, // ifinfomsg
		12, 0, 0x12, 0, // IFLA_LINKINFO, 12 bytes
		7, 0, 1, 0, 't', 'u', 'n', 0, // IFLA_INFO_KIND "tun", padding
	}
	if got := DumpRequest(); !bytes.Equal(got, want) {
		t.Errorf("DumpRequest() =\n% x\nwant\n% x", got, want)
	}
}
