package app

import (
	"bytes"
	"strings"
	"testing"
)

func TestIsNetNSOpt(t *testing.T) {
	for word, want := range map[string]bool{
		"-n": true, "-ne": true, "-netns": true, "--netns": true, "--n": true,
		"-": false, "--": false, "-netnsx": false, "-N": false, "netns": false, "": false, "-x": false,
	} {
		if got := isNetNSOpt(word); got != want {
			t.Errorf("isNetNSOpt(%q) = %v, want %v", word, got, want)
		}
	}
}

// TestMainNetNSApplet checks which words gip's front end takes as `-n NS`
// before an applet: a namespace that cannot be opened fails as ip's -n
// does, whichever applet follows; under the name ip, brctl stays an
// unknown object as in iproute2.
func TestMainNetNSApplet(t *testing.T) {
	open := openNetNS
	defer func() { openNetNS = open }()
	var opened []string
	openNetNS = func(name string) (int, error) {
		opened = append(opened, name)
		return open("gip-test-no-such-namespace")
	}
	for _, tc := range []struct {
		argv   []string
		status int
		stderr string
		opened string
	}{
		{[]string{"gip", "-n", "ns1", "brctl", "show"}, 255, `Cannot open network namespace "gip-test-no-such-namespace"`, "ns1"},
		{[]string{"gip", "--netns", "ns2", "bridge", "link"}, 255, `Cannot open network namespace`, "ns2"},
		{[]string{"gip", "-net", "ns3", "gbrctl"}, 255, `Cannot open network namespace`, "ns3"},
		{[]string{"ip", "-n", "ns4", "brctl", "show"}, 255, `Cannot open network namespace`, "ns4"},
	} {
		opened = nil
		var out, errb bytes.Buffer
		status := Main(tc.argv, strings.NewReader(""), &out, &errb)
		if status != tc.status || !strings.Contains(errb.String(), tc.stderr) || len(opened) == 0 || opened[0] != tc.opened {
			t.Errorf("%q: status %d, stderr %q, opened %q; want %d, %q, %q", tc.argv, status, errb.String(), opened, tc.status, tc.stderr, tc.opened)
		}
	}
}
