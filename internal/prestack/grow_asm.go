//go:build amd64 || arm64

package prestack

// grow has a frame of Size less 4 KiB (the runtime's guard area and the
// frames below it fit in what is left), and no body; see grow_*.s.
func grow()
