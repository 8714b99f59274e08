package rtnl

import (
	"bytes"
	"os"
	"reflect"
	"strings"
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
	// A stream that cannot be read (a directory) is perror's line.
	d, err := os.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	err = ReadSaved(d, func(netlink.Header, []byte) error { return nil })
	if se, ok := err.(*SavedError); !ok || se.Msg != "rtnl_from_file: fread: Is a directory" {
		t.Errorf("ReadSaved of a directory = %v, want rtnl_from_file: fread: Is a directory", err)
	}
	if err := ReadSaved(bytes.NewReader(nil), nil); err != nil {
		t.Errorf("ReadSaved of an empty stream = %v, want nil", err)
	}
}

type savedEntry struct {
	h    netlink.Header
	body string
}

func readAllSaved(stream []byte) ([]savedEntry, error) {
	var got []savedEntry
	err := ReadSaved(bytes.NewReader(stream), func(h netlink.Header, body []byte) error {
		got = append(got, savedEntry{h, string(body)})
		return nil
	})
	return got, err
}

// FuzzReadSaved reads arbitrary saved streams. Whatever it reads is a
// message that writes back (header, body, padding, as save does) to a
// stream that reads the same again; a stream it refuses is refused with
// one of iproute2's two messages.
func FuzzReadSaved(f *testing.F) {
	f.Add(append(savedMsg(24, []byte{1, 2, 3, 4, 5}), savedMsg(20, []byte{9, 9, 9, 9})...))
	f.Add(savedMsg(24, nil))
	f.Add(savedMsg(24, make([]byte, savedBufSize-16)))
	f.Add(ne.AppendUint32(nil, 0x7fffffff))
	f.Add(ne.AppendUint32(nil, 0xffffffff))
	f.Add([]byte{20, 0, 0})
	if b, err := os.ReadFile("../../addr/testdata/saved.bin"); err == nil && len(b) > 4 {
		f.Add(b[4:]) // after the magic
	}
	f.Fuzz(func(t *testing.T, stream []byte) {
		got, err := readAllSaved(stream)
		if err != nil {
			se, ok := err.(*SavedError)
			if !ok || !(se.Msg == errSavedTruncated.Msg || strings.HasPrefix(se.Msg, "!!!malformed message: len=")) {
				t.Fatalf("ReadSaved error %v", err)
			}
		}
		var again []byte
		for _, e := range got {
			if int(e.h.Length) != 16+len(e.body) {
				t.Fatalf("header length %d for a %d-byte body", e.h.Length, len(e.body))
			}
			m := ne.AppendUint32(nil, e.h.Length)
			m = ne.AppendUint16(m, uint16(e.h.Type))
			m = ne.AppendUint16(m, uint16(e.h.Flags))
			m = ne.AppendUint32(m, e.h.Sequence)
			m = ne.AppendUint32(m, e.h.PID)
			m = append(m, e.body...)
			for len(m)%4 != 0 {
				m = append(m, 0)
			}
			again = append(again, m...)
		}
		got2, err := readAllSaved(again)
		if err != nil || !reflect.DeepEqual(got, got2) && len(got) != 0 {
			t.Fatalf("read, written and read again: %v\n first %+v\nsecond %+v", err, got, got2)
		}
	})
}
