#include "textflag.h"

// func grow()
//
// A frame this large makes the function's prologue call morestack unless
// the stack already has room for it; the runtime then grows the stack
// straight to the next power of two that fits the frame (twice the frame
// would be one size too many: see prestack.go). The frame itself is never
// written.
TEXT ·grow(SB), 0, $28672-0
	RET
