package addr

import (
	"bufio"
	"os"
	"strconv"
	"strings"
	"sync"
)

const scopeFile = "/etc/iproute2/rt_scopes"

var (
	scopesOnce sync.Once
	scopeNames [256]string
)

func loadScopes() {
	scopeNames[0] = "global"
	scopeNames[255] = "nowhere"
	scopeNames[254] = "host"
	scopeNames[253] = "link"
	scopeNames[200] = "site"
	f, err := os.Open(scopeFile)
	if err != nil {
		return
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimLeft(sc.Text(), " \t")
		if line == "" || line[0] == '#' {
			continue
		}
		fields := strings.Fields(line)
		if len(fields) < 2 {
			return
		}
		id, err := strconv.ParseInt(fields[0], 0, 64)
		if err != nil || id < 0 || id > 255 {
			continue
		}
		scopeNames[id] = fields[1]
	}
}

// ScopeName is rtnl_rtscope_n2a: a route/address scope's name or number.
func ScopeName(id uint8, numeric bool) string {
	scopesOnce.Do(loadScopes)
	if n := scopeNames[id]; n != "" && !numeric {
		return n
	}
	return strconv.Itoa(int(id))
}

// ParseScope is rtnl_rtscope_a2n: a scope name or a number up to 255.
func ParseScope(s string) (uint8, bool) {
	scopesOnce.Do(loadScopes)
	for i, n := range scopeNames {
		if n != "" && n == s {
			return uint8(i), true
		}
	}
	v, tail, ok := cUlong(s)
	if !ok || tail != "" || v > 255 {
		return 0, false
	}
	return uint8(v), true
}
