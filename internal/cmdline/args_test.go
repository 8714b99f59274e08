package cmdline

import (
	"errors"
	"reflect"
	"testing"
)

func TestMatches(t *testing.T) {
	tests := []struct {
		word, keyword string
		want          bool
	}{
		{"a", "address", true},
		{"addr", "address", true},
		{"address", "address", true},
		{"addresss", "address", false}, // longer than the keyword
		{"adr", "address", false},
		{"", "address", false}, // iproute2's matches("", x) is a mismatch
		{"", "", false},
		{"A", "address", false}, // case matters
		{"-br", "-brief", true},
		{"-b", "-batch", true},
		{"-h", "-human", true},
		{"-f", "-family", true},
		{"-", "-family", true},
		{"show", "show", true},
		{"sh", "show", true},
		{"s", "set", true},
		{"link", "l", false},
		{"l", "link", true},
		{"dev\x00", "dev", false},
	}
	for _, tt := range tests {
		if got := Matches(tt.word, tt.keyword); got != tt.want {
			t.Errorf("Matches(%q, %q) = %v, want %v", tt.word, tt.keyword, got, tt.want)
		}
	}
}

// firstMatch is how every table is read: the first keyword the word
// abbreviates wins.
func firstMatch(word string, table []string) string {
	for _, k := range table {
		if Matches(word, k) {
			return k
		}
	}
	return ""
}

func TestMatchesTableOrder(t *testing.T) {
	// ip link's verbs, in iproute2's order: "s" is set (not show).
	verbs := []string{"add", "change", "set", "replace", "delete", "show", "lst", "list", "xstats", "afstats", "property", "help"}
	tests := map[string]string{
		"s": "set", "sh": "show", "l": "lst", "li": "list", "d": "delete", "a": "add",
		"af": "afstats", "c": "change", "r": "replace", "x": "xstats", "h": "help", "q": "",
	}
	for w, want := range tests {
		if got := firstMatch(w, verbs); got != want {
			t.Errorf("firstMatch(%q) = %q, want %q", w, got, want)
		}
	}
}

func TestArgs(t *testing.T) {
	a := NewArgs([]string{"dev", "lo", "up"})
	if !a.More() || a.Len() != 3 {
		t.Fatalf("More/Len at start: %v %d", a.More(), a.Len())
	}
	if a.Prev() != "" {
		t.Errorf("Prev before the first word = %q", a.Prev())
	}
	if a.Peek() != "dev" || a.Peek() != "dev" {
		t.Errorf("Peek = %q", a.Peek())
	}
	if w := a.Next(); w != "dev" {
		t.Errorf("Next = %q", w)
	}
	if a.Prev() != "dev" || a.Len() != 2 {
		t.Errorf("Prev = %q, Len = %d", a.Prev(), a.Len())
	}
	v, err := a.Value()
	if err != nil || v != "lo" {
		t.Errorf("Value = %q, %v", v, err)
	}
	if !reflect.DeepEqual(a.Rest(), []string{"up"}) {
		t.Errorf("Rest = %q", a.Rest())
	}
	a.Back()
	if a.Peek() != "lo" || a.Len() != 2 {
		t.Errorf("after Back: Peek = %q, Len = %d", a.Peek(), a.Len())
	}
	a.Next()
	a.Next()
	if a.More() || a.Len() != 0 || a.Peek() != "" || a.Next() != "" {
		t.Errorf("at the end: More %v Len %d Peek %q", a.More(), a.Len(), a.Peek())
	}
	if len(a.Rest()) != 0 {
		t.Errorf("Rest at the end = %q", a.Rest())
	}
	// Next at the end does not move: Back returns to the last word.
	a.Next()
	a.Back()
	if a.Peek() != "up" {
		t.Errorf("Back after the end: Peek = %q", a.Peek())
	}
	// Value with nothing left is iproute2's NEXT_ARG failure.
	a.Next()
	_, err = a.Value()
	var ce *Error
	if !errors.As(err, &ce) || ce.Code != 255 || ce.Msg != `Command line is not complete. Try option "help"` {
		t.Errorf("Value at the end = %v", err)
	}
}

func TestArgsEmptyAndBack(t *testing.T) {
	a := NewArgs(nil)
	if a.More() || a.Len() != 0 || a.Peek() != "" || a.Next() != "" || a.Prev() != "" {
		t.Error("empty Args not empty")
	}
	a.Back() // no-op at the start
	if a.Len() != 0 {
		t.Errorf("Len after Back at the start = %d", a.Len())
	}
	// Empty words are words.
	a = NewArgs([]string{""})
	if !a.More() || a.Next() != "" || a.More() {
		t.Error("an empty word is a word")
	}
}

func TestErrors(t *testing.T) {
	// fatal: iproute2 exits from inside a parser (a -batch ends at once)
	tests := []struct {
		err   error
		code  int
		msg   string
		fatal bool
	}{
		{Exit(2, "RTNETLINK answers: %s", "File exists"), 2, "RTNETLINK answers: File exists", false},
		{Exit(255, "x %d%%", 5), 255, "x 5%", false},
		{Fatal(255, "Error: %s", "x"), 255, "Error: x", true},
		{Fatal(1, "y"), 1, "y", true},
		{Silent(0), 0, "", false},
		{Silent(1), 1, "", false},
		{Usage(), 255, "", true},
		{Exited(0), 0, "", true},
		{IncompleteCommand(), 255, `Command line is not complete. Try option "help"`, true},
		{InvalidArg("invalid mtu value", "x"), 255, `Error: argument "x" is wrong: invalid mtu value`, true},
		{Duplicate("mtu", "1500"), 255, `Error: duplicate "mtu": "1500" is the second value.`, true},
		{Duplicate2("dev", "eth0"), 255, `Error: either "dev" is duplicate, or "eth0" is a garbage.`, true},
		{UnknownArg(`Garbage instead of arguments "x ...". Try "ip link help".`), 255, `Garbage instead of arguments "x ...". Try "ip link help".`, false},
		{UnknownArg("100%"), 255, "100%", false},
	}
	for _, tt := range tests {
		var ce *Error
		if !errors.As(tt.err, &ce) {
			t.Errorf("%v is not a *cmdline.Error", tt.err)
			continue
		}
		if ce.Code != tt.code || ce.Msg != tt.msg || ce.Error() != tt.msg || ce.Fatal != tt.fatal {
			t.Errorf("got (%d, %q, fatal %v), want (%d, %q, fatal %v)", ce.Code, ce.Msg, ce.Fatal, tt.code, tt.msg, tt.fatal)
		}
	}
	if got := JoinWords([]string{"a", "b c"}); got != "a b c" {
		t.Errorf("JoinWords = %q", got)
	}
}

func TestArgsAfter(t *testing.T) {
	for _, tc := range []struct {
		words   []string // the word in hand, then the rest
		want    string
		wantErr bool
		left    int
	}{
		{[]string{"10.0.0.1", "dev", "x"}, "10.0.0.1", false, 2},
		{[]string{"to", "10.0.0.1", "dev"}, "10.0.0.1", false, 1},
		{[]string{"to"}, "", true, 0},
		{[]string{"tox", "y"}, "tox", false, 1}, // the keyword is exact
	} {
		a := NewArgs(tc.words)
		got, err := a.After("to", a.Next())
		if got != tc.want || (err != nil) != tc.wantErr || a.Len() != tc.left {
			t.Errorf("%q: got %q, %v, %d left; want %q, error %v, %d left", tc.words, got, err, a.Len(), tc.want, tc.wantErr, tc.left)
		}
	}
}
