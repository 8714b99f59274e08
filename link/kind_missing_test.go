package link

import (
	"bufio"
	"encoding/json"
	"os"
	"strings"
	"testing"
)

// TestMissingKindsPrint checks the -d printers of the kinds this kernel
// cannot create against testdata/missing-kinds-print.tsv: name, kind,
// hand-built IFLA_INFO_DATA in hex, and what iproute2 6.1's `ip -d monitor
// file` printed after the kind's name for an RTM_NEWLINK carrying it (e1
// had ifindex 2).
func TestMissingKindsPrint(t *testing.T) {
	f, err := os.Open("testdata/missing-kinds-print.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		fields := strings.Split(sc.Text(), "\t")
		if len(fields) != 4 {
			t.Fatalf("bad golden line %q", sc.Text())
		}
		g := printGolden{Name: fields[0], Kind: fields[1]}
		n++
		t.Run(g.Name, func(t *testing.T) {
			if got := printKind(t, g, false, fields[2]); got != fields[3] {
				t.Errorf("%s text =\n%q\nwant\n%q", g.Kind, got, fields[3])
			}
		})
	}
	if n == 0 {
		t.Fatal("no goldens")
	}
}

// TestMissingKindsPrintJSON checks the JSON names iproute2 6.1 gives these
// kinds' details (its print_opt functions): macsec's shorter switch names,
// ipoib's pkey as "key" and its numbers as strings.
func TestMissingKindsPrintJSON(t *testing.T) {
	for _, tc := range []struct{ kind, data, want string }{
		{"macsec", "0c000100020000000001001005000800010000000c0004000200000100c280000500030010000000050006000300000005000d000200000005000f00010000000500070001000000050009000000000005000a000100000005000b000000000005000c00010000000800050020000000",
			`"info_data":{"sci":"0200000000010010","protect":true,"cipher_suite":"GCM-AES-256","icv_len":16,"encoding_sa":3,"validation":"strict","offload":"phy","encrypt":true,"inc_sci":false,"es":true,"scb":false,"replay_protect":true,"window":32}`},
		{"gtp", "0500050001000000080004000000000008000300000400000500060007000000",
			`"info_data":{"role":"ggsn","hsize":1024,"restart_count":7}`},
		{"ipoib", "060001000180000006000200010000000600030001000000",
			`"info_data":{"key":"0x8001","mode":"connected","umcast":"0001"}`},
		{"rmnet", "06000100fe000000", `"info_data":{"mux_id":254}`},
		{"dsa", "0800010002000000", `"info_data":{"conduit":"e1"}`},
		{"wwan", "08000100ffffffff", `"info_data":{"linkid":4294967295}`},
	} {
		t.Run(tc.kind, func(t *testing.T) {
			got := printKind(t, printGolden{Kind: tc.kind}, true, tc.data)
			if strings.TrimSpace(got) != tc.want {
				t.Errorf("%s JSON =\n%s\nwant\n%s", tc.kind, got, tc.want)
			}
		})
	}
}

// TestCANPrint checks can's -d text against testdata/can-print.json: hand-
// built IFLA_INFO_DATA and what iproute2 6.1's `ip -d monitor file` printed
// after "can " for it (several lines: the controller's timings, constants,
// fixed bitrates, termination, clock).
func TestCANPrint(t *testing.T) {
	b, err := os.ReadFile("testdata/can-print.json")
	if err != nil {
		t.Fatal(err)
	}
	var goldens []struct{ Name, Kind, Data, Text string }
	if err := json.Unmarshal(b, &goldens); err != nil {
		t.Fatal(err)
	}
	if len(goldens) == 0 {
		t.Fatal("no goldens")
	}
	for _, g := range goldens {
		t.Run(g.Name, func(t *testing.T) {
			if got := printKind(t, printGolden{Kind: g.Kind}, false, g.Data); got != g.Text {
				t.Errorf("text =\n%q\nwant\n%q", got, g.Text)
			}
			// No JSON golden from iproute2 (monitor prints text only):
			// at least the JSON must be well formed.
			if got := printKind(t, printGolden{Kind: g.Kind}, true, g.Data); !json.Valid([]byte("{" + got + "}")) {
				t.Errorf("JSON is not valid: %s", got)
			}
		})
	}
}
