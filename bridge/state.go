package bridge

// PortState is a bridge port's spanning-tree state (BR_STATE_*).
type PortState uint8

// The port states, in the kernel's numbering.
const (
	PortDisabled   PortState = 0 // BR_STATE_DISABLED
	PortListening  PortState = 1 // BR_STATE_LISTENING
	PortLearning   PortState = 2 // BR_STATE_LEARNING
	PortForwarding PortState = 3 // BR_STATE_FORWARDING
	PortBlocking   PortState = 4 // BR_STATE_BLOCKING
)

// portStateNames is indexed by PortState.
var portStateNames = [...]string{"disabled", "listening", "learning", "forwarding", "blocking"}

// Name is the state's name as brctl and bridge print it ("forwarding");
// false for a number the kernel does not define.
func (s PortState) Name() (string, bool) {
	if int(s) < len(portStateNames) {
		return portStateNames[s], true
	}
	return "", false
}

// String is the state's name, or its number for an undefined state.
func (s PortState) String() string {
	if n, ok := s.Name(); ok {
		return n
	}
	return "PortState(" + itoa(int(s)) + ")"
}

// ParsePortState is the state called name, matched exactly as bridge's
// "state" keyword matches it.
func ParsePortState(name string) (PortState, bool) {
	for i, n := range portStateNames {
		if n == name {
			return PortState(i), true
		}
	}
	return 0, false
}

func itoa(v int) string {
	if v == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	for v > 0 {
		i--
		b[i] = byte('0' + v%10)
		v /= 10
	}
	return string(b[i:])
}
