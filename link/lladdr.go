package link

import "fmt"

// ParseLLAddr is iproute2's ll_addr_a2n for other objects (ip neigh's
// lladdr): at most max bytes, or the error iproute2 prints.
func ParseLLAddr(s string, max int) ([]byte, error) {
	b, bad, err := llAddr(s, max)
	if err != nil {
		return nil, fmt.Errorf("\"%s\" is invalid lladdr.", bad)
	}
	return b, nil
}
