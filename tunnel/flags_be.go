//go:build !(386 || amd64 || arm || arm64 || loong64 || mips64le || mipsle || ppc64le || riscv64 || wasm)

package tunnel

// FlagVTI (VTI_ISVTI) and FlagISATAP (SIT_ISATAP) share the GRE flags'
// field but are not byte-swapped by the kernel: they are 0x0001 in the
// host's order, which is network order on this host.
const (
	FlagVTI    = 0x0001 // VTI_ISVTI in IFlags: a vti or vti6 tunnel
	FlagISATAP = 0x0001 // SIT_ISATAP in IFlags: an isatap tunnel (sit)
)
