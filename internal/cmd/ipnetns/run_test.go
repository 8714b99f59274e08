package ipnetns

import (
	"slices"
	"testing"
)

func TestIsPID(t *testing.T) {
	for s, want := range map[string]bool{"1": true, "123": true, "": true, "self": false, "1a": false, "-1": false} {
		if got := isPID(s); got != want {
			t.Errorf("isPID(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestWithPID(t *testing.T) {
	for _, tc := range []struct {
		list []int
		pid  int
		want []int
	}{
		{nil, 5, []int{5}},
		{[]int{1, 9}, 5, []int{1, 5, 9}},
		{[]int{1, 5, 9}, 5, []int{1, 5, 9}},
		{[]int{1, 2}, 5, []int{1, 2, 5}},
	} {
		if got := withPID(slices.Clone(tc.list), tc.pid); !slices.Equal(got, tc.want) {
			t.Errorf("withPID(%v, %d) = %v, want %v", tc.list, tc.pid, got, tc.want)
		}
	}
}
