package ipxfrm

import (
	"bufio"
	"encoding/hex"
	"os"
	"strings"
	"testing"

	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/xfrm"
)

// offlineParser is a parser that knows no links (nothing is asked of
// the kernel).
func offlineParser() *parser {
	return &parser{index: func(string) (int32, error) { return 0, nil }}
}

// TestRequestsMatchIproute2 builds the requests of testdata/requests.txt
// (captured from iproute2 6.1 with strace) from the same words and
// compares the bodies byte for byte.
func TestRequestsMatchIproute2(t *testing.T) {
	f, err := os.Open("testdata/requests.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	checked := 0
	for sc.Scan() {
		words := sc.Text()
		if strings.HasPrefix(words, "#") {
			continue
		}
		if !sc.Scan() {
			t.Fatal("truncated testdata")
		}
		fields := strings.Fields(sc.Text())
		want, err := hex.DecodeString(strings.TrimPrefix(fields[2], "-"))
		if err != nil {
			t.Fatal(err)
		}
		w := strings.Fields(words)
		args := cmdline.NewArgs(w[2:])
		ps := offlineParser()
		var got []byte
		switch w[0] + " " + w[1] {
		case "policy add", "policy update":
			got, err = policyRequest(ps, args)
		case "policy delete", "policy get":
			got, err = policyKeyRequest(ps, args)
		case "state add", "state update":
			got, err = stateRequest(ps, args)
		case "state allocspi":
			got, err = allocSPIRequest(ps, args)
		case "state get", "state delete":
			got, err = stateKeyRequest(ps, args)
		case "state flush":
			got, err = stateFlushRequest(args)
		case "state list":
			if _, err = parseStateFilter(ps, args); err == nil {
				got = stateDumpRequest(&ps.filter)
			}
		case "policy flush":
			got, err = policyFlushRequest(args)
		case "policy set":
			got, err = spdSetRequest(args)
		case "policy count", "state count":
			got = xfrm.InfoRequest()
		default:
			t.Fatalf("no request builder for %q", words)
		}
		checked++
		if err != nil {
			t.Errorf("%s: %v", words, err)
			continue
		}
		if string(got) != string(want) {
			t.Errorf("%s:\n got %x\nwant %x", words, got, want)
		}
	}
	if checked < 20 {
		t.Fatalf("only %d requests checked", checked)
	}
}

// TestParseErrors checks the refusals of a few bad command lines.
func TestParseErrors(t *testing.T) {
	for _, tc := range []struct {
		words string
		state bool
		want  string
		code  int
	}{
		{"src 1.2.3.4", false, "Not enough information: DIR is required.", 1},
		{"dir in dir out", false, `Error: duplicate "dir": "dir" is the second value.`, 255},
		{"dir up", false, `Error: argument "up" is wrong: DIR value is invalid`, 255},
		{"src 1.2.3.4 proto tcp type 3 dir in", false, `"type" and "code" are invalid with PROTO value "tcp"`, 1},
		{"dir in tmpl", false, `Command line is not complete. Try option "help"`, 255},
		{"proto esp spi 1", true, `ALGO-TYPE value "enc" or "aead" is required with XFRM-PROTO value "esp"`, 1},
		{"proto esp spi 1 enc a 0xzz", true, `Error: argument "0xzz" is wrong: ALGO-KEYMAT value is invalid`, 255},
		{"proto route2", true, `"mode" is required with XFRM-PROTO value "route2"`, 1},
		{"src 1.1.1.1", true, `Error: argument "XFRM-PROTO" is required`, 255},
	} {
		args := cmdline.NewArgs(strings.Fields(tc.words))
		var err error
		if tc.state {
			_, err = stateRequest(offlineParser(), args)
		} else {
			_, err = policyRequest(offlineParser(), args)
		}
		ce, ok := err.(*cmdline.Error)
		if !ok || ce.Msg != tc.want || ce.Code != tc.code {
			t.Errorf("%q: got %v, want %q (status %d)", tc.words, err, tc.want, tc.code)
		}
	}
}
