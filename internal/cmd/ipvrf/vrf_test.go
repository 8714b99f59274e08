package ipvrf

import (
	"strings"
	"testing"

	"github.com/gipnet/gip/vrf"
)

// TestPrintProcesses: `ip vrf pids` lines as iproute2 6.1 printed them for
// a VRF's cgroup (seen with a veth answered as a VRF), and the widths
// printf's "%5s  %s" gives other pids.
func TestPrintProcesses(t *testing.T) {
	var b strings.Builder
	printProcesses(&b, []vrf.Process{
		{PID: "31965", Comm: "sleep"},
		{PID: "7", Comm: "<terminated?>"},
		{PID: "4194304", Comm: "a long name cut to 31 bytes ..."},
		{PID: "", Comm: ""},
		{PID: "é", Comm: "x"},
	})
	want := "31965  sleep\n" +
		"    7  <terminated?>\n" +
		"4194304  a long name cut to 31 bytes ...\n" +
		"       \n" +
		"   é  x\n"
	if b.String() != want {
		t.Errorf("got\n%q\nwant\n%q", b.String(), want)
	}
}
