package link

import (
	"errors"

	"github.com/gipnet/gip/internal/cnum"
)

var errLLAddr = errors.New("invalid lladdr")

// llAddr is cnum.LLAddr (ll_addr_a2n) with an error: a hardware address of
// at most max bytes (max+1 when the word has more pieces, which callers
// refuse as a wrong length), or the piece of the word iproute2 names.
func llAddr(s string, max int) ([]byte, string, error) {
	b, bad, ok := cnum.LLAddr(s, max)
	if !ok {
		return nil, bad, errLLAddr
	}
	return b, "", nil
}
