package netns

import (
	"strings"
	"testing"
)

func TestValidName(t *testing.T) {
	long := strings.Repeat("x", 255)
	for name, want := range map[string]bool{
		"a": true, "ns-1": true, "...": true, ".a": true, long: true,
		"": false, ".": false, "..": false, "a/b": false, "/": false, "../x": false,
		long + "x": false,
	} {
		if got := ValidName(name); got != want {
			t.Errorf("ValidName(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestDecodeNSID(t *testing.T) {
	// rtgenmsg, NETNSA_NSID=5, NETNSA_CURRENT_NSID=-1
	msg := []byte{0, 0, 0, 0, 8, 0, 1, 0, 5, 0, 0, 0, 8, 0, 5, 0, 0xff, 0xff, 0xff, 0xff}
	for _, tc := range []struct {
		name string
		body []byte
		want NSID
	}{
		{"both", msg, NSID{ID: 5, HasID: true, Current: -1, HasCurrent: true}},
		{"header only", msg[:4], NSID{ID: -1, Current: -1}},
		{"short", msg[:3], NSID{ID: -1, Current: -1}},
		{"nsid only", msg[:12], NSID{ID: 5, HasID: true, Current: -1}},
	} {
		got, err := DecodeNSID(tc.body)
		if err != nil || got != tc.want {
			t.Errorf("%s: DecodeNSID = %+v, %v; want %+v", tc.name, got, err, tc.want)
		}
	}
}

func TestNSIDRequests(t *testing.T) {
	for _, tc := range []struct {
		name string
		got  []byte
		want []byte
	}{
		// ip netns list-id: the bare rtgenmsg.
		{"list-id", ListIDsRequest(-1, -1), []byte{0, 0, 0, 0}},
		// ip netns list-id target-nsid 2 nsid 7: NSID first, then TARGET_NSID.
		{"list-id nsid target", ListIDsRequest(7, 2), []byte{0, 0, 0, 0, 8, 0, 1, 0, 7, 0, 0, 0, 8, 0, 4, 0, 2, 0, 0, 0}},
		// ip netns set NAME auto, the namespace open at fd 3: FD, then NSID -1.
		{"set auto", SetIDRequest(3, -1), []byte{0, 0, 0, 0, 8, 0, 3, 0, 3, 0, 0, 0, 8, 0, 1, 0, 0xff, 0xff, 0xff, 0xff}},
	} {
		if string(tc.got) != string(tc.want) {
			t.Errorf("%s: % x, want % x", tc.name, tc.got, tc.want)
		}
	}
}

func TestIDNamesCache(t *testing.T) {
	shared := &IDCache{initialized: true} // no scan of RunDir
	m := NewIDNames(nil).WithCache(shared)
	m.Remember(3, "a")
	m.Remember(3, "b") // the first name of an id stays
	if n, ok := m.Name(3); !ok || n != "a" {
		t.Errorf("Name(3) = %q, %v", n, ok)
	}
	if _, ok := m.Cached(-1); ok {
		t.Error("Cached(-1) found a name")
	}
	// Another IDNames on the same cache sees what m learnt; one with a
	// cache of its own does not.
	if n, ok := NewIDNames(nil).WithCache(shared).Cached(3); !ok || n != "a" {
		t.Errorf("shared cache: Cached(3) = %q, %v", n, ok)
	}
	if _, ok := NewIDNames(nil).Cached(3); ok {
		t.Error("a new IDNames saw another's cache")
	}
	m.Forget(3)
	if _, ok := m.Cached(3); ok {
		t.Error("Forget did not forget")
	}
}
