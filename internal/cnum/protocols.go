package cnum

import (
	"bufio"
	"os"
	"strconv"
	"strings"
	"sync"
)

// protocolDB is /etc/protocols: what getprotobyname and getprotobynumber
// answer from.
type protocolDB struct {
	byName   map[string]uint8
	byNumber map[uint8]string
}

// protocols is read once, on first use. A sync.Once and a function rather
// than a sync.OnceValue variable, which would be built at every start-up.
var (
	protocolsOnce sync.Once
	protocols     protocolDB
)

func ipProtocols() *protocolDB {
	protocolsOnce.Do(func() { protocols = loadProtocols() })
	return &protocols
}

func loadProtocols() (db protocolDB) {
	db.byName, db.byNumber = map[string]uint8{}, map[uint8]string{}
	f, err := os.Open("/etc/protocols")
	if err != nil {
		return db
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line, _, _ := strings.Cut(sc.Text(), "#")
		fields := strings.Fields(line)
		if len(fields) < 2 {
			continue
		}
		n, err := strconv.ParseUint(fields[1], 10, 8)
		if err != nil {
			continue
		}
		if _, dup := db.byNumber[uint8(n)]; !dup {
			db.byNumber[uint8(n)] = fields[0]
		}
		for _, name := range append(fields[:1:1], fields[2:]...) {
			if _, dup := db.byName[name]; !dup {
				db.byName[name] = uint8(n)
			}
		}
	}
	return db
}

// ProtoByName is getprotobyname's number: the protocol of /etc/protocols
// with name (or alias) name.
func ProtoByName(name string) (uint8, bool) {
	v, ok := ipProtocols().byName[name]
	return v, ok
}

// ProtoByNumber is getprotobynumber's name: the first /etc/protocols
// entry of protocol p.
func ProtoByNumber(p uint8) (string, bool) {
	name, ok := ipProtocols().byNumber[p]
	return name, ok
}
