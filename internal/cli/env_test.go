package cli

import "testing"

func TestNewEnv(t *testing.T) {
	e := NewEnv(Options{JSON: true, Pretty: true}, nil, nil, nil)
	if e.NetNSFD != -1 || !e.P.IsJSON() || e.InBatch {
		t.Errorf("NewEnv: NetNSFD %d IsJSON %v InBatch %v", e.NetNSFD, e.P.IsJSON(), e.InBatch)
	}
	e = NewEnv(Options{Oneline: true}, nil, nil, nil)
	if e.P.NewlineToken() != `\` {
		t.Errorf("oneline token %q", e.P.NewlineToken())
	}
}
