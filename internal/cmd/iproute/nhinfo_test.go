package iproute

import "testing"

// TestSecondsG: timers of resilient nexthop groups as iproute2 prints them
// (ticks taken as hundredths of a second, then C's "%g").
func TestSecondsG(t *testing.T) {
	for _, tt := range []struct {
		ticks uint64
		want  string
	}{
		{0, "0"},
		{300, "3"},
		{12000, "120"},
		{150, "1.5"},
		{1, "0.01"},
		{12345678, "123457"},
		{100000000, "1e+06"},
	} {
		if got := secondsG(tt.ticks); got != tt.want {
			t.Errorf("secondsG(%d) = %q, want %q", tt.ticks, got, tt.want)
		}
	}
}
