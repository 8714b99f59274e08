package maddr

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"golang.org/x/sys/unix"
)

// Lines as the kernel writes them (from internal/cmd/ipmaddr/testdata/proc).
const (
	devMcast = "2    eth1            1     0     333300000001\n" +
		"2    eth1            2     1     333300000007\n"
	igmp = "Idx\tDevice    : Count Querier\tGroup    Users Timer\tReporter\n" +
		"1\tlo        :     1      V3\n" +
		"\t\t\t\t010000E0     1 0:00000000\t\t0\n" +
		"2\teth1      :     1      V3\n" +
		"\t\t\t\t010000E0     3 0:00000000\t\t0\n"
	igmp6 = "1    lo              ff020000000000000000000000000001     1 0000000C 0\n" +
		"2    eth1            ff0200000000000000000001ff000002     1 00000004 0\n"
)

func TestReadProc(t *testing.T) {
	dir := t.TempDir()
	for name, s := range map[string]string{"dev_mcast": devMcast, "igmp": igmp, "igmp6": igmp6} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	lo6 := []byte{0xff, 2, 15: 1}
	eth16 := []byte{0xff, 2, 11: 1, 0xff, 0, 0, 2}
	all := []Address{
		{Index: 1, Name: "lo", Family: unix.AF_INET, Users: 1, Addr: []byte{224, 0, 0, 1}},
		{Index: 1, Name: "lo", Family: unix.AF_INET6, Users: 1, Addr: lo6},
		{Index: 2, Name: "eth1", Family: unix.AF_PACKET, Users: 1, Addr: []byte{0x33, 0x33, 0, 0, 0, 1}},
		{Index: 2, Name: "eth1", Family: unix.AF_PACKET, Users: 2, Static: true, Addr: []byte{0x33, 0x33, 0, 0, 0, 7}},
		{Index: 2, Name: "eth1", Family: unix.AF_INET, Users: 3, Addr: []byte{224, 0, 0, 1}},
		{Index: 2, Name: "eth1", Family: unix.AF_INET6, Users: 1, Addr: eth16},
	}
	if got := ReadProc(dir, 0, nil); !reflect.DeepEqual(got, all) {
		t.Errorf("all:\n got %+v\nwant %+v", got, all)
	}
	eth1 := "eth1"
	if got := ReadProc(dir, unix.AF_INET, &eth1); !reflect.DeepEqual(got, all[4:5]) {
		t.Errorf("-4 eth1: got %+v", got)
	}
	if got := ReadProc(filepath.Join(dir, "none"), 0, nil); got != nil {
		t.Errorf("no lists: got %+v", got)
	}
}

// List reads the calling thread's namespace: every link it names exists
// there.
func TestList(t *testing.T) {
	for _, a := range List(0) {
		if a.Index <= 0 || a.Name == "" || len(a.Addr) == 0 {
			t.Errorf("odd entry %+v", a)
		}
	}
}
