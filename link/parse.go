package link

// Parser holds the state of parsing one `ip link add|set` command line
// (owned by the link add/set/delete work).
type Parser struct{}
