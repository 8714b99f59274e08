package iprule

import (
	"github.com/gipnet/gip/internal/cli"
	"github.com/mdlayher/netlink"
)

// MessagePrinter prints one rule message at a time as iproute2's
// print_rule does with its filter reset: `ip -echo rule` and `ip monitor`
// print through it.
type MessagePrinter struct {
	f  ruleFilter
	pr *rulePrinter
}

// NewMessagePrinter returns a rule printer over env's output.
func NewMessagePrinter(env *cli.Env) *MessagePrinter {
	m := &MessagePrinter{f: ruleFilter{family: env.Opts.Family}}
	m.pr = newRulePrinter(env, &m.f)
	return m
}

// Print prints an RTM_NEWRULE or RTM_DELRULE message.
func (m *MessagePrinter) Print(h netlink.Header, body []byte) { m.pr.print(uint16(h.Type), body) }
