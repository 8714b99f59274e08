package ipxfrm

import (
	"bytes"
	"encoding/binary"
	"net/netip"
	"os"
	"testing"

	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/xfrm"
	"golang.org/x/sys/unix"
)

// goldenMessages builds the messages of testdata/messages.bin from the
// kernel's structures: every kind ip xfrm monitor prints, with the
// attributes the state and policy printers know.
func goldenMessages() []byte {
	a4 := func(s string) xfrm.Address { return xfrm.AddressFrom(netip.MustParseAddr(s)) }
	u32 := func(v uint32) []byte { return binary.NativeEndian.AppendUint32(nil, v) }
	var out []byte
	msg := func(typ uint16, body []byte) {
		n := 16 + len(body)
		h := binary.NativeEndian.AppendUint32(nil, uint32(n))
		h = binary.NativeEndian.AppendUint16(h, typ)
		h = binary.NativeEndian.AppendUint16(h, 0)
		h = append(h, make([]byte, 8)...)
		out = append(out, h...)
		out = append(out, body...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
	}
	sa := xfrm.SAInfo{
		Sel: xfrm.Selector{Daddr: a4("10.2.0.0"), Saddr: a4("10.1.0.0"), Family: unix.AF_INET, PrefixLenD: 16,
			PrefixLenS: 24, Proto: unix.IPPROTO_TCP, Sport: 22, SportMask: 0xffff, Ifindex: 1},
		ID:    xfrm.ID{Daddr: a4("192.0.2.2"), SPI: 0xc0ffee, Proto: xfrm.ProtoESP},
		Saddr: a4("192.0.2.1"), Lft: xfrm.NoLimits(), Curlft: xfrm.LifetimeCur{Bytes: 10, Packets: 2},
		Stats: xfrm.Stats{ReplayWindow: 1, Replay: 2, IntegrityFailed: 3},
		Seq:   0x07000000, Reqid: 9, Family: unix.AF_INET, Mode: xfrm.ModeTunnel, ReplayWindow: 32,
		Flags: xfrm.StateNoECN | xfrm.StateAlign4 | 0x80,
	}
	body := sa.Append(nil)
	body = xfrm.AppendAttr(body, xfrm.AttrAlgCrypt, xfrm.AppendAlgo(nil, xfrm.AttrAlgCrypt, xfrm.Algo{Name: "cbc(aes)", KeyBits: 128, Key: bytes.Repeat([]byte{0xab}, 16)}))
	body = xfrm.AppendAttr(body, xfrm.AttrAlgAuth, xfrm.AppendAlgo(nil, xfrm.AttrAlgAuth, xfrm.Algo{Name: "hmac(sha1)", KeyBits: 160, Key: bytes.Repeat([]byte{0x01}, 20)}))
	body = xfrm.AppendAttr(body, xfrm.AttrEncap, xfrm.Encap{Type: xfrm.EncapESPInUDP, Sport: 4500, Dport: 4501, OA: a4("198.51.100.1")}.Append(nil))
	body = xfrm.AppendAttr(body, xfrm.AttrMark, xfrm.Mark{V: 5, M: 0xff}.Append(nil))
	body = xfrm.AppendAttr(body, xfrm.AttrOutputMark, u32(7))
	body = xfrm.AppendAttr(body, xfrm.AttrSetMarkMask, u32(0xf0))
	body = xfrm.AppendAttr(body, xfrm.AttrReplayVal, xfrm.Replay{OSeq: 3, Seq: 4, Bitmap: 0xf}.Append(nil))
	body = xfrm.AppendAttr(body, xfrm.AttrIfID, u32(12))
	body = xfrm.AppendAttr(body, xfrm.AttrTFCPad, u32(100))
	body = xfrm.AppendAttr(body, xfrm.AttrSAExtraFlags, u32(3|8))
	body = xfrm.AppendAttr(body, xfrm.AttrSecCtx, xfrm.SecCtx("system_u:object_r:ipsec_spd_t:s0"))
	msg(xfrm.MsgNewSA, body)

	sa6 := xfrm.SAInfo{ID: xfrm.ID{Daddr: xfrm.AddressFrom(netip.MustParseAddr("2001:db8::2")), SPI: 0x1234, Proto: xfrm.ProtoESP},
		Saddr: xfrm.AddressFrom(netip.MustParseAddr("::1.2.3.4")), Lft: xfrm.NoLimits(), Family: unix.AF_INET6, Mode: xfrm.ModeBEET}
	body = sa6.Append(nil)
	body = xfrm.AppendAttr(body, xfrm.AttrAlgAEAD, xfrm.AppendAlgo(nil, xfrm.AttrAlgAEAD, xfrm.Algo{Name: "rfc4106(gcm(aes))", KeyBits: 160, Key: bytes.Repeat([]byte{0x5a}, 20), ICVLen: 128}))
	body = xfrm.AppendAttr(body, xfrm.AttrReplayESNVal, xfrm.ReplayESN{BmpLen: 9, OSeq: 1, Seq: 2, OSeqHi: 3, SeqHi: 4, ReplayWindow: 288, Bmp: []uint32{1, 2, 3, 4, 5, 6, 7, 8, 9}}.Append(nil))
	body = xfrm.AppendAttr(body, xfrm.AttrCoAddr, addrBytes(xfrm.AddressFrom(netip.MustParseAddr("2001:db8::9"))))
	body = xfrm.AppendAttr(body, xfrm.AttrOffloadDev, xfrm.Offload{Ifindex: 1, Flags: xfrm.OffloadInbound}.Append(nil))
	msg(xfrm.MsgNewSA, body)

	comp := xfrm.SAInfo{ID: xfrm.ID{Daddr: a4("192.0.2.2"), SPI: 0x4000, Proto: xfrm.ProtoComp}, Saddr: a4("192.0.2.1"), Family: unix.AF_INET}
	body = comp.Append(nil)
	body = xfrm.AppendAttr(body, xfrm.AttrAlgComp, xfrm.AppendAlgo(nil, xfrm.AttrAlgComp, xfrm.Algo{Name: "deflate"}))
	body = xfrm.AppendAttr(body, xfrm.AttrAlgAuthTrunc, xfrm.AppendAlgo(nil, xfrm.AttrAlgAuthTrunc, xfrm.Algo{Name: "hmac(sha256)", KeyBits: 32, Key: []byte{1, 2, 3, 4}, TruncLen: 96}))
	body = xfrm.AppendAttr(body, xfrm.AttrAlgAuth, xfrm.AppendAlgo(nil, xfrm.AttrAlgAuth, xfrm.Algo{Name: "hmac(sha256)", KeyBits: 32, Key: []byte{1, 2, 3, 4}}))
	msg(xfrm.MsgUpdSA, body)

	del := xfrm.SAID{Daddr: a4("192.0.2.2"), SPI: 0x4000, Family: unix.AF_INET, Proto: xfrm.ProtoComp}.Append(nil)
	del = xfrm.AppendAttr(del, xfrm.AttrSA, comp.Append(nil))
	msg(xfrm.MsgDelSA, del)
	msg(xfrm.MsgExpire, append(comp.Append(nil), 1, 0, 0, 0, 0, 0, 0, 0))

	pol := xfrm.PolicyInfo{Sel: xfrm.Selector{Daddr: a4("10.0.0.2"), Saddr: a4("10.0.0.1"), Family: unix.AF_INET, PrefixLenD: 32, PrefixLenS: 32,
		Proto: unix.IPPROTO_GRE, Sport: 1, Dport: 2, SportMask: 0xffff, DportMask: 0xffff},
		Lft: xfrm.NoLimits(), Priority: 7, Index: 0x22, Dir: xfrm.DirMax + xfrm.DirOut, Action: 3, Flags: 0x7, Share: xfrm.ShareUnique}
	pb := pol.Append(nil)
	var tm []byte
	tm = xfrm.Tmpl{ID: xfrm.ID{Daddr: a4("10.0.0.2"), SPI: 0x55, Proto: xfrm.ProtoAH}, Family: unix.AF_INET, Saddr: a4("10.0.0.1"),
		Reqid: 3, Mode: 9, Share: 7, Optional: 2, AAlgos: 1, EAlgos: 2, CAlgos: 3}.Append(tm)
	pb = xfrm.AppendAttr(pb, xfrm.AttrTmpl, tm)
	pb = xfrm.AppendAttr(pb, xfrm.AttrPolicyType, xfrm.PolicyTypeAttr(5))
	pb = xfrm.AppendAttr(pb, xfrm.AttrLastUsed, make([]byte, 8))
	msg(xfrm.MsgPolExpire, append(append(pol.Append(nil), 1, 0, 0, 0, 0, 0, 0, 0), pb[xfrm.SizeofPolicyInfo:]...))
	msg(xfrm.MsgNewPolicy, pb)
	pdel := xfrm.PolicyID{Sel: pol.Sel, Index: 0x22, Dir: 1}.Append(nil)
	pdel = xfrm.AppendAttr(pdel, xfrm.AttrPolicy, pb[:xfrm.SizeofPolicyInfo])
	msg(xfrm.MsgDelPolicy, pdel)

	acq := make([]byte, xfrm.SizeofAcquire)
	copy(acq, addrBytes(a4("10.0.0.2")))
	acq[16], acq[17], acq[18], acq[19], acq[20] = 0, 0, 1, 2, xfrm.ProtoESP
	copy(acq[40:96], pol.Sel.Append(nil))
	copy(acq[96:264], xfrm.PolicyInfo{Sel: xfrm.Selector{Family: unix.AF_INET6}, Dir: 1}.Append(nil))
	binary.NativeEndian.PutUint32(acq[276:], 42)
	msg(xfrm.MsgAcquire, acq)

	msg(xfrm.MsgFlushSA, []byte{xfrm.ProtoAH, 0, 0, 0})
	msg(xfrm.MsgFlushPolicy, xfrm.AppendAttr(nil, xfrm.AttrPolicyType, xfrm.PolicyTypeAttr(1)))
	rep := append([]byte{xfrm.ProtoESP, 0, 0, 0}, pol.Sel.Append(nil)...)
	rep = xfrm.AppendAttr(rep, xfrm.AttrCoAddr, addrBytes(a4("10.9.9.9")))
	msg(xfrm.MsgReport, rep)
	ae := xfrm.SAID{Daddr: a4("10.0.0.2"), SPI: 0x99, Family: unix.AF_INET, Proto: xfrm.ProtoESP}.Append(nil)
	ae = append(ae, addrBytes(a4("10.0.0.1"))...)
	ae = append(ae, u32(xfrm.AECR|xfrm.AECU)...)
	ae = append(ae, u32(77)...)
	msg(xfrm.MsgNewAE, ae)
	mp := xfrm.SAID{Daddr: a4("10.0.0.2"), SPI: 0x98, Family: unix.AF_INET, Proto: xfrm.ProtoESP}.Append(nil)
	mp = append(mp, u32(5)...)
	mp = append(mp, addrBytes(a4("10.0.0.5"))...)
	mp = append(mp, addrBytes(a4("10.0.0.6"))...)
	mp = append(mp, 0x11, 0x94, 0x11, 0x95)
	msg(xfrm.MsgMapping, mp)
	msg(xfrm.MsgGetDefault, []byte{1, 2, 0, 0})
	msg(0x7f, []byte{1, 2, 3, 4})
	return out
}

// TestMonitorFileGolden replays testdata/messages.bin with `ip xfrm
// monitor file` and compares with what iproute2 6.1 printed for it
// (testdata/monitor*.txt; regenerate the file with GIP_XFRM_WRITE=1 and
// the texts with `ip [-s] xfrm monitor file testdata/messages.bin`).
func TestMonitorFileGolden(t *testing.T) {
	msgs := goldenMessages()
	if os.Getenv("GIP_XFRM_WRITE") != "" {
		if err := os.WriteFile("testdata/messages.bin", msgs, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	saved, err := os.ReadFile("testdata/messages.bin")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(saved, msgs) {
		t.Fatal("testdata/messages.bin is not what goldenMessages builds")
	}
	for _, tc := range []struct {
		file string
		opts cli.Options
	}{
		{"monitor.txt", cli.Options{}},
		{"monitor-s.txt", cli.Options{Stats: 1}},
		{"monitor-o.txt", cli.Options{Oneline: true}},
	} {
		want, err := os.ReadFile("testdata/" + tc.file)
		if err != nil {
			t.Fatal(err)
		}
		var out, errb bytes.Buffer
		env := cli.NewEnv(tc.opts, nil, &out, &errb)
		err = Run(env, cmdline.NewArgs([]string{"monitor", "file", "testdata/messages.bin"}))
		env.Close()
		if err != nil {
			t.Fatalf("%s: %v", tc.file, err)
		}
		if got := out.String() + errb.String(); got != string(want) {
			t.Errorf("%s: got\n%s\nwant\n%s", tc.file, got, want)
		}
	}
}

func addrBytes(a xfrm.Address) []byte { return a[:] }
