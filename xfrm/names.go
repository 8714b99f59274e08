package xfrm

import "strconv"

// nameEntry is one row of a name table.
type nameEntry struct {
	name string
	val  int
}

// protoNames are the XFRM-PROTO words, in iproute2's order.
var protoNames = []nameEntry{
	{"esp", ProtoESP}, {"ah", ProtoAH}, {"comp", ProtoComp},
	{"route2", ProtoRouting}, {"hao", ProtoDstOpts}, {"ipsec-any", ProtoIPSecAny},
}

// ProtoByName is the protocol an XFRM-PROTO word names (exact words:
// esp, ah, comp, route2, hao, ipsec-any).
func ProtoByName(name string) (uint8, bool) {
	for _, e := range protoNames {
		if e.name == name {
			return uint8(e.val), true
		}
	}
	return 0, false
}

// ProtoName is the XFRM-PROTO word of p, or its number.
func ProtoName(p uint8) string {
	for _, e := range protoNames {
		if e.val == int(p) {
			return e.name
		}
	}
	return strconv.Itoa(int(p))
}

// IsIPsec reports whether p is ESP, AH or IPcomp.
func IsIPsec(p uint8) bool { return p == ProtoESP || p == ProtoAH || p == ProtoComp }

// IsRouteOptimization reports whether p is one of Mobile IPv6's
// (route2, hao).
func IsRouteOptimization(p uint8) bool { return p == ProtoRouting || p == ProtoDstOpts }

// algTypes are the ALGO-TYPE words and their attributes.
var algTypes = []nameEntry{
	{"enc", AttrAlgCrypt}, {"auth", AttrAlgAuth}, {"comp", AttrAlgComp},
	{"aead", AttrAlgAEAD}, {"auth-trunc", AttrAlgAuthTrunc},
}

// AlgTypeByName is the attribute an ALGO-TYPE word (enc, auth, comp,
// aead, auth-trunc) stands for.
func AlgTypeByName(name string) (uint16, bool) {
	for _, e := range algTypes {
		if e.name == name {
			return uint16(e.val), true
		}
	}
	return 0, false
}

// AlgTypeName is the ALGO-TYPE word of attribute t, or its number.
func AlgTypeName(t uint16) string {
	for _, e := range algTypes {
		if e.val == int(t) {
			return e.name
		}
	}
	return strconv.Itoa(int(t))
}

// modeNames are the MODE words in iproute2's order of trial (an
// abbreviation takes the first it matches).
var modeNames = []nameEntry{
	{"transport", ModeTransport}, {"tunnel", ModeTunnel}, {"ro", ModeRouteOptimization},
	{"in_trigger", ModeInTrigger}, {"beet", ModeBEET},
}

// ModeByWord is the mode a MODE word or its abbreviation names.
func ModeByWord(w string) (uint8, bool) {
	for _, e := range modeNames {
		if w != "" && len(w) <= len(e.name) && e.name[:len(w)] == w {
			return uint8(e.val), true
		}
	}
	return 0, false
}

// ModeName is the MODE word of m, or its number.
func ModeName(m uint8) string {
	for _, e := range modeNames {
		if e.val == int(m) {
			return e.name
		}
	}
	return strconv.Itoa(int(m))
}

// ShareName is the word of a share value (any, session, user, unique),
// or its number.
func ShareName(s uint8) string {
	switch s {
	case ShareAny:
		return "any"
	case ShareSession:
		return "session"
	case ShareUser:
		return "user"
	case ShareUnique:
		return "unique"
	}
	return strconv.Itoa(int(s))
}

// PolicyTypeName is the PTYPE word (main, sub) of t, or its number.
func PolicyTypeName(t uint8) string {
	switch t {
	case TypeMain:
		return "main"
	case TypeSub:
		return "sub"
	}
	return strconv.Itoa(int(t))
}

// DirName is the DIR word (in, out, fwd) of d, or its number.
func DirName(d uint8) string {
	switch d {
	case DirIn:
		return "in"
	case DirOut:
		return "out"
	case DirFwd:
		return "fwd"
	}
	return strconv.Itoa(int(d))
}

// DefaultName is the word of a default policy (unspec, block, accept,
// else unknown).
func DefaultName(p uint8) string {
	switch p {
	case UserPolicyUnspec:
		return "unspec"
	case UserPolicyBlock:
		return "block"
	case UserPolicyAccept:
		return "accept"
	}
	return "unknown"
}

// Flag is one named bit of a flag set.
type Flag struct {
	Bit  uint32
	Name string
}

// StateFlags are the FLAG words of states, in the order iproute2
// prints them.
var StateFlags = []Flag{
	{StateNoECN, "noecn"}, {StateDecapDSCP, "decap-dscp"}, {StateNoPMTUDisc, "nopmtudisc"},
	{StateWildRecv, "wildrecv"}, {StateICMP, "icmp"}, {StateAFUnspec, "af-unspec"},
	{StateAlign4, "align4"}, {StateESN, "esn"},
}

// ExtraFlags are the EXTRA-FLAG words of states.
var ExtraFlags = []Flag{{ExtraDontEncapDSCP, "dont-encap-dscp"}, {ExtraOSeqMayWrap, "oseq-may-wrap"}}

// PolicyFlags are the FLAG words of policies.
var PolicyFlags = []Flag{{PolicyLocalOK, "localok"}, {PolicyICMP, "icmp"}}
