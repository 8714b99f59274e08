package genl

import (
	"bytes"
	"testing"
)

// TestFamilyRequestGolden: iproute2 6.1's genl_resolve_family request
// for "mptcp_pm" (strace -e trace=sendmsg -xx, after the netlink header).
func TestFamilyRequestGolden(t *testing.T) {
	want := []byte{0x03, 0x00, 0x00, 0x00, 0x0d, 0x00, 0x02, 0x00, 'm', 'p', 't', 'c', 'p', '_', 'p', 'm', 0, 0, 0, 0}
	if got := FamilyRequest("mptcp_pm"); !bytes.Equal(got, want) {
		t.Errorf("got % x\nwant % x", got, want)
	}
	if got := GroupsRequest(0x1a); !bytes.Equal(got, []byte{3, 0, 0, 0, 6, 0, 1, 0, 0x1a, 0, 0, 0}) {
		t.Errorf("groups: % x", got)
	}
}

func TestParseFamily(t *testing.T) {
	b := Header(CmdNewFamily, 2)
	b = AppendAttr(b, attrFamilyName, []byte("mptcp_pm\x00"))
	b = AppendAttr(b, attrFamilyID, []byte{0x1a, 0})
	b = AppendAttr(b, attrVersion, []byte{1, 0, 0, 0})
	grp := AppendAttr(nil, grpAttrName, []byte("mptcp_pm_events\x00"))
	grp = AppendAttr(grp, grpAttrID, []byte{9, 0, 0, 0})
	b = AppendAttr(b, attrMcastGrps, AppendAttr(nil, 1, grp))
	f, err := ParseFamily(b)
	if err != nil || f.ID != 0x1a || f.Version != 1 || f.Groups["mptcp_pm_events"] != 9 {
		t.Errorf("%+v %v", f, err)
	}
	if _, err := ParseFamily(Header(CmdNewFamily, 2)); err != ErrNoFamilyID {
		t.Errorf("no id: %v", err)
	}
}

func FuzzParseFamily(f *testing.F) {
	f.Add(AppendAttr(Header(CmdNewFamily, 2), attrFamilyID, []byte{0x1a, 0}))
	f.Fuzz(func(t *testing.T, b []byte) { ParseFamily(b) })
}
