package link

import (
	"strings"
	"testing"
)

func TestGroupDBName(t *testing.T) {
	db := loadGroupDB(strings.NewReader("1 one\n257 other\n0x2 two\n1 uno\n"), "group")
	tests := []struct {
		id   uint32
		want string
		ok   bool
	}{
		{0, "default", true},
		{1, "uno", true}, // the entry read last comes first in its bucket
		{2, "two", true},
		{257, "other", true},
		{3, "", false},
	}
	for _, tt := range tests {
		if got, ok := db.name(tt.id); got != tt.want || ok != tt.ok {
			t.Errorf("name(%d) = %q, %v; want %q, %v", tt.id, got, ok, tt.want, tt.ok)
		}
	}
}
