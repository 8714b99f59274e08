package bridge

import (
	"runtime"
	"sort"
	"strings"
	"unsafe"

	"golang.org/x/sys/unix"
)

// brctl reads a bridge from sysfs (/sys/class/net/NAME/bridge, .../brif)
// and falls back on the old bridge ioctls when that directory is not
// there. Some names only the ioctls find: the kernel's dev_ioctl cuts a
// name at its first ':' ("br0:1" is br0), and brctl's strncpy leaves only
// IFNAMSIZ-1 bytes of a longer one. What the ioctls answer differs from
// sysfs in two ways gip keeps: BRCTL_GET_BRIDGE_INFO hands out three
// times in raw jiffies instead of centiseconds, and BRCTL_GET_PORT_LIST
// lists the ports by port number instead of by name.

// IoctlName is the device a bridge ioctl naming name reaches ("" for none).
func IoctlName(name string) string {
	n := IfreqName(name)
	if i := strings.IndexByte(n, ':'); i >= 0 {
		n = n[:i]
	}
	return n
}

// SysfsBridge is the bridge brctl finds through sysfs for name: the link
// called exactly that, when it is a bridge; nil otherwise.
func SysfsBridge(links []*Link, name string) *Link {
	for _, l := range links {
		if l.Name == name && l.IsBridge() {
			return l
		}
	}
	return nil
}

// IoctlBridge is the link a bridge ioctl naming name reaches, and the
// errno brctl is left with: ENODEV when there is none, EOPNOTSUPP when it
// is no bridge.
func IoctlBridge(links []*Link, name string) (*Link, unix.Errno) {
	n := IoctlName(name)
	for _, l := range links {
		if l.Name == n && n != "" {
			if !l.IsBridge() {
				return l, unix.EOPNOTSUPP
			}
			return l, 0
		}
	}
	return nil, unix.ENODEV
}

// PortsByNumber is the ports of bridge index in BRCTL_GET_PORT_LIST's
// order: by port number.
func PortsByNumber(links []*Link, index int) []*Link {
	ports := PortsOf(links, index)
	sortByPortNo(ports)
	return ports
}

const (
	brctlGetBridgeInfo = 6 // BRCTL_GET_BRIDGE_INFO
)

// bridgeInfoIoctl is struct __bridge_info (linux/if_bridge.h).
type bridgeInfoIoctl struct {
	DesignatedRoot         [8]byte
	BridgeID               [8]byte
	RootPathCost           uint32
	MaxAge                 uint32
	HelloTime              uint32
	ForwardDelay           uint32
	BridgeMaxAge           uint32
	BridgeHelloTime        uint32
	BridgeForwardDelay     uint32
	TopologyChange         uint8
	TopologyChangeDetected uint8
	RootPort               uint8
	STPEnabled             uint8
	AgeingTime             uint32
	GCInterval             uint32
	HelloTimerValue        uint32
	TCNTimerValue          uint32
	TopologyChangeTimer    uint32
	GCTimerValue           uint32
}

// ifreqData is struct ifreq with ifr_data.
type ifreqData struct {
	Name [unix.IFNAMSIZ]byte
	Data uintptr
	_    [16]byte
}

// IoctlInfo is old_get_bridge_info: BRCTL_GET_BRIDGE_INFO through
// SIOCDEVPRIVATE on the device name reaches, in the caller's namespace
// (brctl has no other). The kernel fills forward_delay, bridge_max_age and
// bridge_hello_time in jiffies, not clock_t, and brctl prints them as
// centiseconds all the same: only the kernel can say what those are.
func IoctlInfo(name string) (Info, unix.Errno) {
	var br Info
	fd, err := unix.Socket(unix.AF_UNIX, unix.SOCK_STREAM|unix.SOCK_CLOEXEC, 0)
	if err != nil {
		errno, ok := err.(unix.Errno)
		if !ok {
			errno = unix.EINVAL
		}
		return br, errno
	}
	defer unix.Close(fd)
	info := new(bridgeInfoIoctl)
	args := new([4]uint64)
	ifr := new(ifreqData)
	var pin runtime.Pinner
	pin.Pin(info)
	pin.Pin(args)
	defer pin.Unpin()
	args[0], args[1] = brctlGetBridgeInfo, uint64(uintptr(unsafe.Pointer(info)))
	copy(ifr.Name[:unix.IFNAMSIZ-1], IfreqName(name))
	ifr.Data = uintptr(unsafe.Pointer(args))
	if _, _, e := unix.Syscall(unix.SYS_IOCTL, uintptr(fd), unix.SIOCDEVPRIVATE, uintptr(unsafe.Pointer(ifr))); e != 0 {
		return br, e
	}
	runtime.KeepAlive(ifr)
	br.RootID, br.BridgeID = info.DesignatedRoot, info.BridgeID
	br.RootPathCost, br.RootPort = info.RootPathCost, uint16(info.RootPort)
	br.TopologyChange, br.TopologyChangeDetected = info.TopologyChange != 0, info.TopologyChangeDetected != 0
	if info.STPEnabled != 0 {
		br.STPState = 1
	}
	br.MaxAge, br.HelloTime, br.ForwardDelay = uint64(info.MaxAge), uint64(info.HelloTime), uint64(info.ForwardDelay)
	br.BridgeMaxAge, br.BridgeHelloTime = uint64(info.BridgeMaxAge), uint64(info.BridgeHelloTime)
	br.BridgeForwardDelay, br.AgeingTime = uint64(info.BridgeForwardDelay), uint64(info.AgeingTime)
	br.HelloTimer, br.TCNTimer = uint64(info.HelloTimerValue), uint64(info.TCNTimerValue)
	br.TCTimer, br.GCTimer = uint64(info.TopologyChangeTimer), uint64(info.GCTimerValue)
	return br, 0
}

func sortByPortNo(ls []*Link) {
	sort.SliceStable(ls, func(i, j int) bool { return ls[i].Port.No < ls[j].Port.No })
}

// IfreqName is a name as the kernel reads it from struct ifreq: at most
// IFNAMSIZ-1 bytes (brctl's strncpy does not terminate longer names).
func IfreqName(s string) string {
	if len(s) >= unix.IFNAMSIZ {
		return s[:unix.IFNAMSIZ-1]
	}
	return s
}
