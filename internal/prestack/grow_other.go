//go:build !amd64 && !arm64

package prestack

// grow, on architectures without grow_*.s, has a large zeroed frame: the
// stack grows in one step as with the assembly, but its pages are written.
//
//go:noinline
func grow() {
	var frame [Size - 4<<10]byte
	sink(frame[:])
}

//go:noinline
func sink([]byte) {}
