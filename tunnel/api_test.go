package tunnel

import (
	"errors"
	"testing"

	"golang.org/x/sys/unix"
)

// The read-only ioctls against this namespace's devices: a device that
// does not exist, and one that is no tunnel.
func TestSocketRefusals(t *testing.T) {
	s, err := Open(unix.AF_INET)
	if err != nil {
		t.Skip("no AF_INET socket:", err)
	}
	defer s.Close()
	if s.Family() != unix.AF_INET {
		t.Errorf("Family() = %d", s.Family())
	}
	_, err = s.Get("gipnosuchtun0", NewParm())
	var te *Error
	if !errors.As(err, &te) || !errors.Is(err, unix.ENODEV) {
		t.Fatalf("Get of a missing device: %v", err)
	}
	if got, want := err.Error(), `get tunnel "gipnosuchtun0" failed: No such device`; got != want {
		t.Errorf("Get: %q, want %q", got, want)
	}
	if _, err := s.PRL("lo"); !errors.Is(err, unix.EOPNOTSUPP) {
		t.Errorf("PRL of lo: %v, want EOPNOTSUPP", err)
	}
	if _, err := s.Get6RD("lo"); !errors.Is(err, unix.EOPNOTSUPP) {
		t.Errorf("Get6RD of lo: %v, want EOPNOTSUPP", err)
	}
	// A name past IFNAMSIZ is cut as strlcpy cuts it.
	_, err = s.Get("gipnosuchtunnel0123", NewParm())
	if !errors.As(err, &te) || te.Name != "gipnosuchtunnel" {
		t.Errorf("long name: %v", err)
	}
}
