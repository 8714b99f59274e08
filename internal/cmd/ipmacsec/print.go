package ipmacsec

import (
	"encoding/hex"
	"errors"
	"fmt"

	"github.com/gipnet/gip/format"
	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/macsec"
	"github.com/mdlayher/netlink"
)

// Printer prints the SecYs of the MACSEC_CMD_GET_TXSC dump as iproute2
// 6.1's ip macsec show does.
type Printer struct {
	P *format.Printer
	// Name is ll_index_to_name.
	Name func(uint32) string
	// Stats is the -s count: with any, statistics are printed.
	Stats int
	// Family is the family's message type: a message of another type
	// ends the dump.
	Family uint16
	// IfIndex, when not 0, is the only device printed.
	IfIndex uint32
	// Warnf prints to stderr.
	Warnf func(string, ...any)
}

var errIncomplete = errors.New("incomplete dump message")

// Print prints one dump message. A message that is not the family's, or
// lacks what a SecY must have, ends the dump (an error, after "incomplete
// dump message" for the latter); a statistic of an odd size ends ip
// (a *cmdline.Error of status 255).
func (pr *Printer) Print(reply netlink.Message) error {
	if uint16(reply.Header.Type) != pr.Family {
		return errDump
	}
	m, ok := macsec.Parse(reply.Data)
	if !ok {
		return errDump
	}
	if m.Cmd != macsec.CmdGetTXSC {
		return nil
	}
	if !m.Complete() {
		pr.Warnf("incomplete dump message\n")
		return errIncomplete
	}
	a := m.Attrs
	secy := macsec.ParseTable(a[macsec.AttrSecY], macsec.SecYAttrMax)
	ifindex := uint32(macsec.Uint(a[macsec.AttrIfIndex], 4))
	if pr.IfIndex != 0 && ifindex != pr.IfIndex {
		return nil
	}
	p := pr.P
	p.OpenObject("")
	p.Uint(format.Any, "ifindex", "%u: ", uint64(ifindex))
	p.ColorString(format.Any, format.Ifname, "ifname", "%s: ", pr.Name(ifindex))
	pr.secy(secy)
	cipher := macsec.Uint(secy[macsec.SecYAttrCipherSuite], 8)
	xpn := macsec.IsXPN(cipher)
	if err := pr.txsc(secy, a, xpn); err != nil {
		return err
	}
	if list := a[macsec.AttrRXSCList]; list != nil {
		if err := pr.rxscs(list, xpn); err != nil {
			return err
		}
	}
	if o := a[macsec.AttrOffload]; o != nil {
		t := macsec.ParseTable(o, macsec.OffloadAttrMax)
		p.String(format.Any, "offload", "    offload: %s ", name(offloadModes, macsec.Uint(t[macsec.OffloadAttrType], 1)))
		p.NL()
	}
	p.CloseObject()
	return nil
}

var validateModes = []string{"disabled", "check", "strict"}

func name(names []string, v uint64) string {
	if v < uint64(len(names)) {
		return names[v]
	}
	return "(unknown)"
}

// flag prints a switch of the SecY: `NAME on|off ` in text, a boolean in
// JSON.
func (pr *Printer) flag(t macsec.Table, key string, n int) {
	b := t.Get(n)
	if b == nil {
		return
	}
	on := macsec.Uint(b, 1) != 0
	if pr.P.IsJSON() {
		pr.P.Bool(format.JSON, key, "", on)
		return
	}
	pr.P.String(format.Text, "", "%s ", key)
	pr.P.OnOff(format.Text, "", "%s ", on)
}

func (pr *Printer) secy(t macsec.Table) {
	p := pr.P
	pr.flag(t, "protect", macsec.SecYAttrProtect)
	if b := t[macsec.SecYAttrValidate]; b != nil {
		p.String(format.Any, "validate", "validate %s ", name(validateModes, macsec.Uint(b, 1)))
	}
	// iproute2 looks the "sc" and "sa" switches up by the receive SC's
	// and SA's number of their active attribute (2), which in a SecY
	// nest is the encoding SA: both print whether that is not 0.
	pr.flag(t, "sc", macsec.RXSCAttrActive)
	pr.flag(t, "sa", macsec.SAAttrActive)
	pr.flag(t, "encrypt", macsec.SecYAttrEncrypt)
	pr.flag(t, "send_sci", macsec.SecYAttrIncSCI)
	pr.flag(t, "end_station", macsec.SecYAttrES)
	pr.flag(t, "scb", macsec.SecYAttrSCB)
	pr.flag(t, "replay", macsec.SecYAttrReplay)
	if b := t[macsec.SecYAttrWindow]; b != nil {
		p.Uint(format.Any, "window", "window %u ", macsec.Uint(b, 4))
	}
	if b := t[macsec.SecYAttrCipherSuite]; b != nil {
		p.NL()
		p.String(format.Any, "cipher_suite", "    cipher suite: %s,", macsec.CipherName(macsec.Uint(b, 8)))
	}
	if b := t[macsec.SecYAttrICVLen]; b != nil {
		p.Uint(format.Any, "icv_length", " using ICV length %u\n", macsec.Uint(b, 1))
	}
}

// hex0x prints v as print_0xhex does: "%#llx" as a JSON string, format in
// text.
func (pr *Printer) hex0x(key, fmtText string, v uint64) {
	if pr.P.IsJSON() {
		s := "0"
		if v != 0 {
			s = fmt.Sprintf("%#x", v)
		}
		pr.P.String(format.JSON, key, "", s)
		return
	}
	pr.P.Hex(format.Text, "", fmtText, v)
}

const prefix = "    "

func (pr *Printer) txsc(secy, a macsec.Table, xpn bool) error {
	p := pr.P
	p.Text(prefix)
	pr.hex0x("sci", "TXSC: %016llx", macsec.BE64(secy[macsec.SecYAttrSCI]))
	p.Uint(format.Any, "encoding_sa", " on SA %d\n", macsec.Uint(secy[macsec.SecYAttrEncodingSA], 1))
	if err := pr.stats(a[macsec.AttrSecYStats], macsec.SecYStatNames); err != nil {
		return err
	}
	if err := pr.stats(a[macsec.AttrTXSCStats], macsec.TXSCStatNames); err != nil {
		return err
	}
	return pr.sas(a[macsec.AttrTXSAList], xpn, macsec.TXSAStatNames)
}

func (pr *Printer) sas(list []byte, xpn bool, names []string) error {
	p := pr.P
	p.OpenArray(format.JSON, "sa_list", "")
	var err error
	macsec.Walk(list, func(_ uint16, e []byte) {
		if err != nil {
			return
		}
		t := macsec.ParseTable(e, macsec.SAAttrMax)
		active := macsec.Uint(t[macsec.SAAttrActive], 1) != 0
		p.OpenObject("")
		p.Text(prefix + prefix)
		p.Uint(format.Any, "an", "%d:", macsec.Uint(t[macsec.SAAttrAN], 1))
		// The packet number is printed as a C unsigned int: an XPN
		// one loses its upper half.
		if xpn {
			p.Uint(format.Any, "pn", " PN %u,", uint64(uint32(macsec.Uint(t[macsec.SAAttrPN], 8))))
			pr.hex0x("ssci", "SSCI %08x", uint64(macsec.BE32(t[macsec.SAAttrSSCI])))
		} else {
			p.Uint(format.Any, "pn", " PN %u,", macsec.Uint(t[macsec.SAAttrPN], 4))
		}
		p.Bool(format.JSON, "active", "", active)
		p.OnOff(format.Text, "", " state %s,", active)
		// hexstring_n2a into a 64-byte buffer: at most 31 bytes.
		key := t[macsec.SAAttrKeyID]
		if len(key) > 31 {
			key = key[:31]
		}
		p.String(format.Any, "key", " key %s\n", hex.EncodeToString(key))
		if err = pr.stats(t[macsec.SAAttrStats], names); err != nil {
			return
		}
		p.CloseObject()
	})
	if err != nil {
		return err
	}
	p.CloseArray(format.JSON, "")
	return nil
}

func (pr *Printer) rxscs(list []byte, xpn bool) error {
	p := pr.P
	p.OpenArray(format.JSON, "rx_sc", "")
	var err error
	macsec.Walk(list, func(_ uint16, e []byte) {
		if err != nil {
			return
		}
		t := macsec.ParseTable(e, macsec.RXSCAttrMax)
		p.OpenObject("")
		p.Text(prefix)
		pr.hex0x("sci", "RXSC: %016llx,", macsec.BE64(t[macsec.RXSCAttrSCI]))
		// iproute2 reads the u8 state as a u32; the kernel's padding
		// is zero, so the attribute's own byte decides.
		active := macsec.Uint(t[macsec.RXSCAttrActive], 4) != 0
		p.Bool(format.JSON, "active", "", active)
		p.OnOff(format.Text, "", " state %s\n", active)
		if err = pr.stats(t[macsec.RXSCAttrStats], macsec.RXSCStatNames); err != nil {
			return
		}
		if err = pr.sas(t[macsec.RXSCAttrSAList], xpn, macsec.RXSAStatNames); err != nil {
			return
		}
		p.CloseObject()
	})
	if err != nil {
		return err
	}
	p.CloseArray(format.JSON, "")
	return nil
}

// stats prints a statistics nest under -s: in text a line of names and a
// line of values right-aligned under them ("-" for one the kernel did not
// send), in JSON a member per value sent.
func (pr *Printer) stats(b []byte, names []string) error {
	if b == nil || pr.Stats == 0 {
		return nil
	}
	t := macsec.ParseTable(b, len(names)-1)
	p := pr.P
	value := func(s []byte) (uint64, error) {
		v, ok := macsec.Stat(s)
		if !ok {
			p.Flush()
			return 0, cmdline.Fatal(cmdline.StatusUsage, "invalid attribute length %d", len(s))
		}
		return v, nil
	}
	if p.IsJSON() {
		for i, n := range names {
			if n == "" || t[i] == nil {
				continue
			}
			v, err := value(t[i])
			if err != nil {
				return err
			}
			p.Uint(format.JSON, n, "", v)
		}
		return nil
	}
	w := p.Writer()
	w.WriteString(prefix + "stats:")
	for _, n := range names {
		if n != "" {
			w.WriteString(" " + n)
		}
	}
	w.WriteString("\n" + prefix + "      ")
	for i, n := range names {
		if n == "" {
			continue
		}
		if t[i] == nil {
			fmt.Fprintf(w, "%*c", len(n)+1, '-')
			continue
		}
		v, err := value(t[i])
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "%*d", len(n)+1, v)
	}
	w.WriteString("\n")
	return nil
}
