package bridgecmd

import (
	"encoding/binary"

	"github.com/gipnet/gip/internal/endian"
)

var ne endian.Native

// The readers of fixed-size attribute payloads: a short payload reads as
// zero, as the kernel's own attributes are never short but fuzzed ones are.

func u8(b []byte) uint8 {
	if len(b) < 1 {
		return 0
	}
	return b[0]
}

func u16(b []byte) uint16 {
	if len(b) < 2 {
		return 0
	}
	return binary.NativeEndian.Uint16(b)
}

func u32(b []byte) uint32 {
	if len(b) < 4 {
		return 0
	}
	return binary.NativeEndian.Uint32(b)
}

func u64(b []byte) uint64 {
	if len(b) < 8 {
		return uint64(u32(b))
	}
	return binary.NativeEndian.Uint64(b)
}
