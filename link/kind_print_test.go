package link

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/gipnet/gip/format"
)

// printGolden is one device of testdata/modify-print.json: the
// IFLA_INFO_DATA (or SLAVE_DATA) bytes the kernel sent to iproute2 6.1's
// `ip -d link show` and `ip -d -j link show`, and what that printed for the
// kind (the text between the kind's name and "addrgenmode"; the JSON
// "info_data" member).
type printGolden struct {
	Name     string `json:"name"`
	Kind     string `json:"kind"`
	TextData string `json:"text_data"`
	Text     string `json:"text"`
	JSONData string `json:"json_data"`
	JSON     string `json:"json"`
}

// goldenNames is the capture sandbox: e1 had ifindex 2.
func goldenNames(idx uint32) (string, bool) {
	if idx == 2 {
		return "e1", true
	}
	return "", false
}

func printKind(t *testing.T, g printGolden, jsonOut bool, dataHex string) string {
	t.Helper()
	data, err := hex.DecodeString(dataHex)
	if err != nil {
		t.Fatal(err)
	}
	k := LookupKind(g.Kind)
	if k == nil || k.Print == nil {
		t.Fatalf("no printer for kind %q", g.Kind)
	}
	var buf bytes.Buffer
	p := format.New(&buf, format.Options{JSON: jsonOut})
	key := "info_data"
	if g.Kind == "bridge_slave" {
		key = "info_slave_data"
	}
	p.OpenObject(key)
	if err := k.Print(p, goldenNames, data); err != nil {
		t.Fatalf("Print: %v", err)
	}
	p.CloseObject()
	p.Flush()
	return buf.String()
}

func TestKindPrintGolden(t *testing.T) {
	b, err := os.ReadFile("testdata/modify-print.json")
	if err != nil {
		t.Fatal(err)
	}
	var goldens []printGolden
	if err := json.Unmarshal(b, &goldens); err != nil {
		t.Fatal(err)
	}
	if len(goldens) == 0 {
		t.Fatal("no goldens")
	}
	for _, g := range goldens {
		t.Run(g.Name, func(t *testing.T) {
			if got := printKind(t, g, false, g.TextData); got != g.Text {
				t.Errorf("%s text =\n%q\nwant\n%q", g.Kind, got, g.Text)
			}
			if got := printKind(t, g, true, g.JSONData); got != g.JSON {
				t.Errorf("%s JSON =\n%s\nwant\n%s", g.Kind, got, g.JSON)
			}
		})
	}
}

// TestKindPrintShortData feeds truncated attribute data: printers must
// print what they can and never panic.
func TestKindPrintShortData(t *testing.T) {
	b, err := os.ReadFile("testdata/modify-print.json")
	if err != nil {
		t.Fatal(err)
	}
	var goldens []printGolden
	if err := json.Unmarshal(b, &goldens); err != nil {
		t.Fatal(err)
	}
	for _, g := range goldens {
		data, _ := hex.DecodeString(g.TextData)
		for n := 0; n <= len(data); n++ {
			for _, jsonOut := range []bool{false, true} {
				var buf bytes.Buffer
				p := format.New(&buf, format.Options{JSON: jsonOut})
				_ = LookupKind(g.Kind).Print(p, nil, data[:n])
			}
		}
	}
}

// FuzzKindPrint gives every printer arbitrary attribute bytes, in text and
// JSON: it must never panic.
func FuzzKindPrint(f *testing.F) {
	b, err := os.ReadFile("testdata/modify-print.json")
	if err != nil {
		f.Fatal(err)
	}
	var goldens []printGolden
	if err := json.Unmarshal(b, &goldens); err != nil {
		f.Fatal(err)
	}
	for _, g := range goldens {
		data, _ := hex.DecodeString(g.TextData)
		f.Add(data)
	}
	missing, err := os.ReadFile("testdata/missing-kinds-print.tsv")
	if err != nil {
		f.Fatal(err)
	}
	for _, line := range strings.Split(strings.TrimSpace(string(missing)), "\n") {
		if fields := strings.Split(line, "\t"); len(fields) == 4 {
			data, _ := hex.DecodeString(fields[2])
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, k := range kinds {
			if k.Print == nil {
				continue
			}
			for _, jsonOut := range []bool{false, true} {
				p := format.New(io.Discard, format.Options{JSON: jsonOut})
				_ = k.Print(p, goldenNames, data)
			}
		}
	})
}
