package rtnl

import (
	"errors"
	"testing"

	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// msg builds one netlink message: header fields and payload.
func msg(typ netlink.HeaderType, flags netlink.HeaderFlags, seq uint32, data []byte) []byte {
	b := ne.AppendUint32(nil, uint32(hdrLen+len(data)))
	b = ne.AppendUint16(b, uint16(typ))
	b = ne.AppendUint16(b, uint16(flags))
	b = ne.AppendUint32(b, seq)
	b = ne.AppendUint32(b, 1234)
	b = append(b, data...)
	for len(b)%4 != 0 {
		b = append(b, 0)
	}
	return b
}

func attr(typ uint16, data []byte) []byte {
	b := ne.AppendUint16(nil, uint16(4+len(data)))
	b = ne.AppendUint16(b, typ)
	b = append(b, data...)
	for len(b)%4 != 0 {
		b = append(b, 0)
	}
	return b
}

func errno(code int32) []byte { return ne.AppendUint32(nil, uint32(code)) }

func TestNextSplitsDatagram(t *testing.T) {
	d := append(msg(unix.RTM_NEWLINK, netlink.Multi, 7, []byte{1, 2, 3}), msg(netlink.Done, netlink.Multi, 7, errno(0))...)
	var got []netlink.HeaderType
	for b := d; ; {
		m, rest, ok, err := next(b)
		if err != nil {
			t.Fatal(err)
		}
		if !ok {
			break
		}
		got = append(got, m.typ)
		if m.seq != 7 || m.pid != 1234 {
			t.Errorf("next: seq %d pid %d, want 7 1234", m.seq, m.pid)
		}
		if m.typ == unix.RTM_NEWLINK && string(m.data) != "\x01\x02\x03" {
			t.Errorf("next: data %x, want 010203 (padding excluded)", m.data)
		}
		b = rest
	}
	if len(got) != 2 || got[0] != unix.RTM_NEWLINK || got[1] != netlink.Done {
		t.Errorf("next: types %v, want [NEWLINK DONE]", got)
	}
	if _, _, _, err := next(msg(1, 0, 0, nil)[:12:12]); err != nil {
		t.Errorf("next(short tail) = %v, want the end", err)
	}
	bad := msg(1, 0, 0, nil)
	ne.PutUint32(bad, 100)
	if _, _, _, err := next(bad); err == nil {
		t.Errorf("next(length past the end) = nil error")
	}
}

func TestReplyError(t *testing.T) {
	req := msg(unix.RTM_NEWLINK, netlink.Request, 9, []byte{0, 0, 0, 0, 5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0})
	text := append([]byte("Unknown device type"), 0)
	tests := []struct {
		name string
		m    message
		want error
	}{
		{"ack", message{typ: netlink.Error, data: append(errno(0), req[:hdrLen]...)}, nil},
		{"plain", message{typ: netlink.Error, data: append(errno(-int32(unix.EEXIST)), req...)},
			&Error{Errno: unix.EEXIST}},
		{"ext ack", message{typ: netlink.Error, flags: nlmAckTLVs,
			data: append(append(errno(-int32(unix.EOPNOTSUPP)), req...), attr(errAttrMsg, text)...)},
			&Error{Errno: unix.EOPNOTSUPP, Msg: "Unknown device type"}},
		{"ext ack capped", message{typ: netlink.Error, flags: nlmAckTLVs | nlmCapped,
			data: append(append(errno(-int32(unix.EINVAL)), req[:hdrLen]...), attr(errAttrMsg, text)...)},
			&Error{Errno: unix.EINVAL, Msg: "Unknown device type"}},
		{"done", message{typ: netlink.Done, flags: netlink.Multi, data: errno(0)}, nil},
		{"done failed", message{typ: netlink.Done, flags: netlink.Multi | nlmAckTLVs,
			data: append(errno(-int32(unix.EMSGSIZE)), attr(errAttrMsg, text)...)},
			&Error{Errno: unix.EMSGSIZE, Msg: "Unknown device type"}},
		{"done empty", message{typ: netlink.Done, flags: netlink.Multi}, nil},
	}
	for _, tt := range tests {
		got := replyError(&tt.m)
		var ge, we *Error
		switch {
		case tt.want == nil && got != nil:
			t.Errorf("%s: replyError = %v, want nil", tt.name, got)
		case tt.want != nil && (!errors.As(got, &ge) || !errors.As(tt.want, &we) || *ge != *we):
			t.Errorf("%s: replyError = %#v, want %#v", tt.name, got, tt.want)
		}
	}
	if got := (&Error{Errno: unix.EOPNOTSUPP, Msg: "Unknown device type"}).Error(); got != "Error: Unknown device type." {
		t.Errorf("Error() = %q", got)
	}
}
