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

// The flat table answers as iproute2's hash chains do: by bucket (id&255)
// first, then the entry read last, then the built-in "default" at the end
// of bucket 0.
func TestGroupBucketOrder(t *testing.T) {
	db := loadGroupDB(strings.NewReader("5 x\n261 x\n4 x\n256 default\n3 y\n259 y\n"), "g")
	for _, tt := range []struct {
		name string
		want int32
	}{
		{"x", 4},         // bucket 4 before bucket 5
		{"default", 256}, // the file's entry precedes the built-in one in bucket 0
		{"y", 259},       // same bucket: the later line
	} {
		if got, ok := db.lookup(tt.name); !ok || got != tt.want {
			t.Errorf("lookup(%q) = %d, %v, want %d", tt.name, got, ok, tt.want)
		}
	}
	if got, ok := db.name(0); !ok || got != "default" {
		t.Errorf("name(0) = %q, %v", got, ok)
	}
}

func TestScanIDNameFields(t *testing.T) {
	for _, p := range []string{
		"1 one\n", "1\tone two\n", "0x1f\u00a0name\n", "7\u2003seven\u0085x", "12", "12 ", " ", "",
		"3 \xffbad\n", "0x 5\n", "9\v\fnine",
	} {
		f := strings.Fields(p)
		var want0, want1 string
		if len(f) > 0 {
			want0 = f[0]
		}
		if len(f) > 1 {
			want1 = f[1]
		}
		a, rest := nextField(p)
		b, _ := nextField(rest)
		if a != want0 || b != want1 {
			t.Errorf("nextField(%q) = %q, %q; strings.Fields %q", p, a, b, f)
		}
		if _, name, ok := scanIDName(p); ok && name != want1 {
			t.Errorf("scanIDName(%q) name %q, want %q", p, name, want1)
		}
	}
}
