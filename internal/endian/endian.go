// Package endian names binary.NativeEndian and binary.BigEndian by types
// of gip's own, so that a package can keep a short name for its byte order
// (`var ne endian.Native`) without an init function.
//
// `var ne = binary.NativeEndian` copies another package's variable, which
// the compiler does at start-up: every package declaring it got an init
// function, and calling it touched a page of the binary that a command
// using none of the package's code would not have touched. A variable of
// a zero-size type of this package needs no initialisation, and its
// methods inline to binary's.
package endian

import "encoding/binary"

// Native is the host's byte order, as binary.NativeEndian.
type Native struct{}

func (Native) Uint16(b []byte) uint16                 { return binary.NativeEndian.Uint16(b) }
func (Native) Uint32(b []byte) uint32                 { return binary.NativeEndian.Uint32(b) }
func (Native) Uint64(b []byte) uint64                 { return binary.NativeEndian.Uint64(b) }
func (Native) PutUint16(b []byte, v uint16)           { binary.NativeEndian.PutUint16(b, v) }
func (Native) PutUint32(b []byte, v uint32)           { binary.NativeEndian.PutUint32(b, v) }
func (Native) PutUint64(b []byte, v uint64)           { binary.NativeEndian.PutUint64(b, v) }
func (Native) AppendUint16(b []byte, v uint16) []byte { return binary.NativeEndian.AppendUint16(b, v) }
func (Native) AppendUint32(b []byte, v uint32) []byte { return binary.NativeEndian.AppendUint32(b, v) }
func (Native) AppendUint64(b []byte, v uint64) []byte { return binary.NativeEndian.AppendUint64(b, v) }

// Big is network byte order, as binary.BigEndian.
type Big struct{}

func (Big) Uint16(b []byte) uint16       { return binary.BigEndian.Uint16(b) }
func (Big) Uint32(b []byte) uint32       { return binary.BigEndian.Uint32(b) }
func (Big) PutUint16(b []byte, v uint16) { binary.BigEndian.PutUint16(b, v) }
func (Big) PutUint32(b []byte, v uint32) { binary.BigEndian.PutUint32(b, v) }
