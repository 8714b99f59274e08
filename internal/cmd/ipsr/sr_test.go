package ipsr

import (
	"bytes"
	"strings"
	"testing"

	"github.com/gipnet/gip/genl"
	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/seg6"
	"github.com/mdlayher/netlink"
)

// TestRequestGolden: the bodies iproute2 6.1 sent (strace -f -e
// trace=sendmsg -xx, after the netlink header) for `ip sr hmac set 5
// sha256` with the secret "secret" on stdin, `ip sr tunsrc set
// 2001:db8::1`, `tunsrc show` and `hmac show`.
func TestRequestGolden(t *testing.T) {
	k, err := ParseHMAC(cmdline.NewArgs([]string{"5", "sha256"}))
	if err != nil {
		t.Fatal(err)
	}
	k.Secret = []byte("secret")
	want := []byte{0x01, 0x01, 0x00, 0x00, 0x08, 0x00, 0x03, 0x00, 0x05, 0x00, 0x00, 0x00, 0x05, 0x00, 0x05, 0x00, 0x06, 0x00, 0x00, 0x00,
		0x05, 0x00, 0x06, 0x00, 0x02, 0x00, 0x00, 0x00, 0x0a, 0x00, 0x04, 0x00, 's', 'e', 'c', 'r', 'e', 't', 0x00, 0x00}
	if got := seg6.HMACRequest(k); !bytes.Equal(got, want) {
		t.Errorf("hmac set:\n got % x\nwant % x", got, want)
	}
	a := [16]byte{0x20, 0x01, 0x0d, 0xb8, 15: 1}
	want = append([]byte{0x03, 0x01, 0x00, 0x00, 0x14, 0x00, 0x01, 0x00}, a[:]...)
	if got := seg6.TunsrcRequest(a); !bytes.Equal(got, want) {
		t.Errorf("tunsrc set:\n got % x\nwant % x", got, want)
	}
	if got := seg6.GetTunsrcRequest(); !bytes.Equal(got, []byte{4, 1, 0, 0}) {
		t.Errorf("tunsrc show % x", got)
	}
	if got := seg6.DumpHMACRequest(); !bytes.Equal(got, []byte{2, 1, 0, 0}) {
		t.Errorf("hmac show % x", got)
	}
}

func TestParseHMACErrors(t *testing.T) {
	for _, tc := range []struct{ words, msg string }{
		{"0 sha1", `Error: argument "0" is wrong: hmac KEYID value is invalid`},
		{"x sha1", `Error: argument "x" is wrong: hmac KEYID value is invalid`},
		{"1 md5", `Error: argument "md5" is wrong: hmac ALGO value is invalid`},
		{"1", `Command line is not complete. Try option "help"`},
	} {
		_, err := ParseHMAC(cmdline.NewArgs(strings.Fields(tc.words)))
		if ce, ok := err.(*cmdline.Error); !ok || ce.Msg != tc.msg || ce.Code != cmdline.StatusUsage {
			t.Errorf("%q: %v", tc.words, err)
		}
	}
}

// TestPrintGolden: the tunnel source as iproute2 6.1 printed it, and HMAC
// keys as its print_dumphmac prints them (this kernel has no SEG6 HMAC,
// so the key lines follow iproute2's source: "hmac %u algo %s secret
// \"%s\"", the secret cut at SECRETLEN, at 63 and at its first NUL).
func TestPrintGolden(t *testing.T) {
	tunsrc := genl.AppendAttr(genl.Header(seg6.CmdGetTunsrc, 1), seg6.AttrDst, []byte{0x20, 0x01, 0x0d, 0xb8, 15: 1})
	key := func(id uint32, alg uint8, slen uint8, secret string) []byte {
		b := genl.Header(seg6.CmdDumpHMAC, 1)
		b = genl.AppendAttr(b, seg6.AttrHMACKeyID, []byte{byte(id), byte(id >> 8), byte(id >> 16), byte(id >> 24)})
		b = genl.AppendAttr(b, seg6.AttrSecret, []byte(secret))
		b = genl.AppendAttr(b, seg6.AttrSecretLen, []byte{slen})
		return genl.AppendAttr(b, seg6.AttrAlgID, []byte{alg})
	}
	long := strings.Repeat("k", 70)
	for _, tc := range []struct {
		opts cli.Options
		body []byte
		want string
		warn string
	}{
		{cli.Options{}, tunsrc, "tunsrc addr 2001:db8::1\n", ""},
		{cli.Options{JSON: true}, tunsrc, "[{\"tunsrc\":\"2001:db8::1\"}]\n", ""},
		{cli.Options{}, key(5, 2, 6, "secret"), "hmac 5 algo sha256 secret \"secret\"\n", ""},
		{cli.Options{}, key(7, 1, 3, "secret"), "hmac 7 algo sha1 secret \"sec\"\n", ""},
		{cli.Options{}, key(8, 9, 6, "ab\x00cd"), "hmac 8 algo <unknown> secret \"ab\"\n", ""},
		{cli.Options{}, key(9, 1, 70, long), "hmac 9 algo sha1 secret \"" + long[:63] + "\"\n", "HMAC secret length 70 > 63, truncated\n"},
		{cli.Options{JSON: true}, key(5, 2, 6, "secret"), "[{\"hmac\":5,\"algo\":\"sha256\",\"secret\":\"secret\"}]\n", ""},
	} {
		var out, errs bytes.Buffer
		env := cli.NewEnv(tc.opts, nil, &out, &errs)
		pr := &Printer{P: env.P, Family: 0x21, Warn: env.Warnf}
		env.P.Begin()
		if err := pr.Print(netlink.Message{Header: netlink.Header{Type: 0x21}, Data: tc.body}); err != nil {
			t.Fatal(err)
		}
		env.P.End()
		env.P.Flush()
		if out.String() != tc.want || errs.String() != tc.warn {
			t.Errorf("got %q %q\nwant %q %q", out.String(), errs.String(), tc.want, tc.warn)
		}
	}
}

// FuzzPrint: the printer prints or refuses any SEG6 message.
func FuzzPrint(f *testing.F) {
	f.Add(seg6.TunsrcRequest([16]byte{1}))
	f.Add(seg6.HMACRequest(seg6.HMACKey{ID: 1, Alg: 1, Secret: []byte("x")}))
	f.Fuzz(func(t *testing.T, body []byte) {
		for _, o := range []cli.Options{{}, {JSON: true, Pretty: true}} {
			var out bytes.Buffer
			env := cli.NewEnv(o, nil, &out, &out)
			pr := &Printer{P: env.P, Family: 0x21, Warn: env.Warnf}
			env.P.Begin()
			_ = pr.Print(netlink.Message{Header: netlink.Header{Type: 0x21}, Data: body})
			env.P.End()
			env.P.Flush()
		}
	})
}
