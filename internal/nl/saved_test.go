package nl

import (
	"bytes"
	"testing"

	"github.com/mdlayher/netlink"
)

// savedMsg is one message as `ip … save` writes it: nlmsghdr, body, padding.
func savedMsg(typ uint16, body []byte) []byte {
	b := ne.AppendUint32(nil, uint32(16+len(body)))
	b = ne.AppendUint16(b, typ)
	b = ne.AppendUint16(b, 0)
	b = ne.AppendUint32(b, 7) // sequence
	b = ne.AppendUint32(b, 9) // pid
	b = append(b, body...)
	for len(b)%4 != 0 {
		b = append(b, 0)
	}
	return b
}

func TestReadSaved(t *testing.T) {
	stream := append(savedMsg(24, []byte{1, 2, 3, 4, 5}), savedMsg(20, []byte{9, 9, 9, 9})...)
	var got []string
	err := ReadSaved(bytes.NewReader(stream), func(h netlink.Header, body []byte) error {
		got = append(got, string(rune('0'+h.Type%10))+":"+string(rune('0'+len(body))))
		if h.Sequence != 7 || h.PID != 9 {
			t.Errorf("header %+v: want sequence 7, pid 9", h)
		}
		return nil
	})
	if err != nil || len(got) != 2 || got[0] != "4:5" || got[1] != "0:4" {
		t.Errorf("ReadSaved = %v, %q; want nil, [4:5 0:4]", err, got)
	}

	bad := []struct {
		name, stream, want string
	}{
		{"short header", string(stream[:10]), "rtnl-from_file: truncated message"},
		{"short body", string(stream[:18]), "rtnl-from_file: truncated message"},
		{"length below header", string(ne.AppendUint32(nil, 8)) + string(make([]byte, 12)), "!!!malformed message: len=8 @16"},
	}
	for _, tt := range bad {
		err := ReadSaved(bytes.NewReader([]byte(tt.stream)), func(netlink.Header, []byte) error { return nil })
		if se, ok := err.(*SavedError); !ok || se.Msg != tt.want {
			t.Errorf("%s: ReadSaved = %v, want %q", tt.name, err, tt.want)
		}
	}
	if err := ReadSaved(bytes.NewReader(nil), nil); err != nil {
		t.Errorf("ReadSaved of an empty stream = %v, want nil", err)
	}
}
