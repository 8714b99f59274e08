package link

import (
	"strings"
	"testing"
)

func TestGroupLookup(t *testing.T) {
	db := loadGroupDB(strings.NewReader("# names\n0\tdefault\n5 web\n0x10\tdb\n  261 web\n\n7 seven # comment\n"), "g")
	if db.corrupt != "" {
		t.Fatalf("corrupt = %q", db.corrupt)
	}
	tests := []struct {
		in   string
		want int32
		ok   bool
	}{
		{"default", 0, true},
		{"web", 261, true}, // 261&255 shares bucket 5, and the later line comes first
		{"db", 16, true},
		{"seven", 7, true},
		{"12", 12, true},
		{"0x20", 32, true},
		{"010", 8, true},
		{" 9", 9, true},
		{"-1", 0, false},
		{"2147483648", 0, false},
		{"4294967301", 5, true}, // strtol's long, truncated to int
		{"9x", 0, false},
		{"", 0, false},
		{"nosuch", 0, false},
	}
	for _, tt := range tests {
		got, ok := db.lookup(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("lookup(%q) = %d, %v, want %d, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
	bad := loadGroupDB(strings.NewReader("1 one\nbogus line\n2 two\n"), "/etc/iproute2/group")
	if want := "Database /etc/iproute2/group is corrupted at bogus line\n\n"; bad.corrupt != want {
		t.Errorf("corrupt = %q, want %q", bad.corrupt, want)
	}
	if _, ok := bad.lookup("two"); ok {
		t.Errorf("lookup(two) after a corrupt line succeeded")
	}
	if g, ok := bad.lookup("one"); !ok || g != 1 {
		t.Errorf("lookup(one) = %d, %v", g, ok)
	}
}
