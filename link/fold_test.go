package link

import "testing"

// Keyword values fold ASCII letters only (strcasecmp), never Unicode.
func TestKeywordsFoldASCIIOnly(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want int
	}{
		{"EUI64", in6AddrGenModeEUI64},
		{"RaNdOm", in6AddrGenModeRandom},
		{"\u017ftable_secret", -1},
		{"eui64\u017f", -1},
	} {
		if got := addrGenMode(tt.in); got != tt.want {
			t.Errorf("addrGenMode(%q) = %d, want %d", tt.in, got, tt.want)
		}
	}
	for _, tt := range []struct {
		in string
		ok bool
	}{{"802.1AD", true}, {"802.1\u212aq", false}, {"802.1q", true}} {
		if _, ok := vlanProto(tt.in); ok != tt.ok {
			t.Errorf("vlanProto(%q) ok = %v, want %v", tt.in, ok, tt.ok)
		}
	}
}
