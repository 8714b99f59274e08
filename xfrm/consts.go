// Package xfrm is the kernel's IPsec tables, the security associations
// (states, SAD) and security policies (SPD), as `ip xfrm` reads and
// changes them over NETLINK_XFRM: the kernel's structures as typed
// values with their encoders and decoders, the request bodies iproute2
// sends (byte for byte), name tables for protocols, modes, algorithm
// types and flags, and typed operations on a connection Dial opens.
package xfrm

// Message types (XFRM_MSG_*).
const (
	MsgNewSA       = 0x10
	MsgDelSA       = 0x11
	MsgGetSA       = 0x12
	MsgNewPolicy   = 0x13
	MsgDelPolicy   = 0x14
	MsgGetPolicy   = 0x15
	MsgAllocSPI    = 0x16
	MsgAcquire     = 0x17
	MsgExpire      = 0x18
	MsgUpdPolicy   = 0x19
	MsgUpdSA       = 0x1a
	MsgPolExpire   = 0x1b
	MsgFlushSA     = 0x1c
	MsgFlushPolicy = 0x1d
	MsgNewAE       = 0x1e
	MsgGetAE       = 0x1f
	MsgReport      = 0x20
	MsgMigrate     = 0x21
	MsgNewSADInfo  = 0x22
	MsgGetSADInfo  = 0x23
	MsgNewSPDInfo  = 0x24
	MsgGetSPDInfo  = 0x25
	MsgMapping     = 0x26
	MsgSetDefault  = 0x27
	MsgGetDefault  = 0x28
)

// Attribute types (XFRMA_*).
const (
	AttrAlgAuth       = 1
	AttrAlgCrypt      = 2
	AttrAlgComp       = 3
	AttrEncap         = 4
	AttrTmpl          = 5
	AttrSA            = 6
	AttrPolicy        = 7
	AttrSecCtx        = 8
	AttrLtimeVal      = 9
	AttrReplayVal     = 10
	AttrReplayThresh  = 11
	AttrEtimerThresh  = 12
	AttrSrcAddr       = 13
	AttrCoAddr        = 14
	AttrLastUsed      = 15
	AttrPolicyType    = 16
	AttrMigrate       = 17
	AttrAlgAEAD       = 18
	AttrKMAddress     = 19
	AttrAlgAuthTrunc  = 20
	AttrMark          = 21
	AttrTFCPad        = 22
	AttrReplayESNVal  = 23
	AttrSAExtraFlags  = 24
	AttrProto         = 25
	AttrAddressFilter = 26
	AttrPad           = 27
	AttrOffloadDev    = 28
	AttrOutputMark    = 29 // XFRMA_SET_MARK
	AttrSetMarkMask   = 30
	AttrIfID          = 31
	AttrMax           = 32
)

// SPD and SAD information attributes (XFRMA_SPD_*, XFRMA_SAD_*).
const (
	SPDInfo        = 1
	SPDHInfo       = 2
	SPDIPv4HThresh = 3
	SPDIPv6HThresh = 4

	SADCount = 1
	SADHInfo = 2
)

// Multicast groups (XFRMNLGRP_*).
const (
	GroupAcquire = 1
	GroupExpire  = 2
	GroupSA      = 3
	GroupPolicy  = 4
	GroupAEvents = 5
	GroupReport  = 6
	GroupMigrate = 7
	GroupMapping = 8
)

// Modes (XFRM_MODE_*).
const (
	ModeTransport         = 0
	ModeTunnel            = 1
	ModeRouteOptimization = 2
	ModeInTrigger         = 3
	ModeBEET              = 4
)

// Policy directions, actions, types and flags.
const (
	DirIn  = 0
	DirOut = 1
	DirFwd = 2
	DirMax = 3 // a dir at or above this is a socket policy's (dir - DirMax)

	ActionAllow = 0
	ActionBlock = 1

	PolicyLocalOK = 1
	PolicyICMP    = 2

	TypeMain = 0
	TypeSub  = 1
)

// Share values of templates and policies (XFRM_SHARE_*).
const (
	ShareAny     = 0
	ShareSession = 1
	ShareUser    = 2
	ShareUnique  = 3
)

// State flags (XFRM_STATE_*) and extra flags (XFRM_SA_XFLAG_*).
const (
	StateNoECN      = 1
	StateDecapDSCP  = 2
	StateNoPMTUDisc = 4
	StateWildRecv   = 8
	StateICMP       = 16
	StateAFUnspec   = 32
	StateAlign4     = 64
	StateESN        = 128

	ExtraDontEncapDSCP = 1
	ExtraOSeqMayWrap   = 2
)

// Async event flags (XFRM_AE_*).
const (
	AERThresh = 1
	AERVal    = 2
	AELVal    = 4
	AEEThresh = 8
	AECR      = 16
	AECE      = 32
	AECU      = 64
)

// Default-policy values (XFRM_USERPOLICY_*).
const (
	UserPolicyUnspec = 0
	UserPolicyBlock  = 1
	UserPolicyAccept = 2
)

// Encapsulation types (UDP_ENCAP_*, TCP_ENCAP_ESPINTCP).
const (
	EncapESPInUDPNonIKE = 1
	EncapESPInUDP       = 2
	EncapESPInTCP       = 7
)

// Protocols an SA or template carries (IPPROTO_*), and IPSEC_PROTO_ANY.
const (
	ProtoESP      = 50
	ProtoAH       = 51
	ProtoComp     = 108
	ProtoRouting  = 43 // route2
	ProtoDstOpts  = 60 // hao
	ProtoIPSecAny = 255
)

// Other limits and values of the kernel's interface.
const (
	// Inf is XFRM_INF, a byte or packet limit that is not set.
	Inf = ^uint64(0)
	// ReplayESNMax is XFRMA_REPLAY_ESN_MAX, the largest replay window.
	ReplayESNMax = 4096
	// OffloadInbound is XFRM_OFFLOAD_INBOUND in xfrm_user_offload.flags.
	OffloadInbound = 2
	// SecCtxDOI and SecCtxAlg are what iproute2 puts in a security
	// context's ctx_doi and ctx_alg.
	SecCtxDOI = 1
	SecCtxAlg = 1
)

// Sizes of the kernel's structures.
const (
	SizeofSelector      = 56
	SizeofID            = 24
	SizeofLifetimeCfg   = 64
	SizeofLifetimeCur   = 32
	SizeofSAInfo        = 224
	SizeofSAID          = 24
	SizeofSPIInfo       = 232
	SizeofPolicyInfo    = 168
	SizeofPolicyID      = 64
	SizeofTmpl          = 64
	SizeofPolicyType    = 6
	SizeofMark          = 8
	SizeofSecCtx        = 8
	SizeofAlgo          = 68
	SizeofAlgoAuth      = 72
	SizeofAlgoAEAD      = 72
	SizeofEncap         = 24
	SizeofReplay        = 12
	SizeofReplayESN     = 24
	SizeofOffload       = 8
	SizeofExpire        = 232
	SizeofPolExpire     = 176
	SizeofAcquire       = 280
	SizeofAEventID      = 48
	SizeofReport        = 60
	SizeofMapping       = 64
	SizeofSPDInfo       = 24
	SizeofSPDHInfo      = 8
	SizeofHThresh       = 2
	SizeofSADHInfo      = 8
	SizeofAddressFilter = 36
	SizeofFlush         = 1
	SizeofDefault       = 3
)
