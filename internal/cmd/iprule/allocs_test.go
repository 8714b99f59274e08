package iprule

import (
	"io"
	"testing"

	"github.com/gipnet/gip/format"
	"github.com/gipnet/gip/internal/cli"
	"golang.org/x/sys/unix"
)

// ruleDumpMsgs are rule messages as the kernel dumps them: one with every
// selector, the builtin ones, tables past 255 and past 999, goto, NAT,
// IPv6 and port ranges.
func ruleDumpMsgs() [][]byte {
	return [][]byte{
		ruleMsg(unix.AF_INET, 24, 8, 0x10, 0, unix.FR_ACT_TO_TBL, unix.FIB_RULE_INVERT|unix.FIB_RULE_OIF_DETACHED,
			"08000200"+"0a000000"+"08000100"+"c0a80100"+
				"08000a00"+"05000000"+"08001000"+"ff000000"+
				"07000300"+"6c6f0000"+"07001100"+"64310000"+
				"08000600"+"64000000"+"08000f00"+"e8030000"+
				"0c001400"+"e8030000d0070000"+
				"08001700"+"50005000"+"08001800"+"e803d007"+
				"0c000c00"+"000000000000002a"+
				"08000e00"+"00000000"+
				"08000b00"+"02000100"+
				"05001500"+"02000000"),
		ruleMsg(unix.AF_INET, 0, 0, 0, 255, unix.FR_ACT_TO_TBL, 0, ""),
		ruleMsg(unix.AF_INET, 0, 24, 0, 0, unix.FR_ACT_TO_TBL, 0, "08000200"+"0a000100"+"08000600"+"e8030000"+"08000f00"+"64000000"),
		ruleMsg(unix.AF_INET, 0, 24, 0, 0, unix.FR_ACT_TO_TBL, 0, "08000200"+"0a000200"+"08000600"+"e9030000"+"08000f00"+"4b040000"),
		ruleMsg(unix.AF_INET6, 16, 8, 0, 0, unix.FR_ACT_UNREACHABLE, 0, "08000600"+"05000000"),
		ruleMsg(unix.AF_INET, 0, 0, 0, 0, unix.FR_ACT_GOTO, unix.FIB_RULE_UNRESOLVED, "08000400"+"c8000000"),
		ruleMsg(unix.AF_INET, 0, 0, 0, 0, rtnNAT, 0, "08000500"+"0a000001"),
		ruleMsg(unix.AF_INET, 0, 0, 0, 0, unix.FR_ACT_NOP, 0, "08000a00"+"00000000"+"08001000"+"ff000000"),
		ruleMsg(unix.AF_INET, 0, 0, 0, 0, unix.FR_ACT_TO_TBL, 0, "05001300"+"01000000"+"05001600"+"06000000"),
	}
}

// TestPrintNoAllocs decodes and prints rule messages in each output mode
// and wants no allocation per message: ip rule show of 10k rules must cost
// the same memory as of one.
func TestPrintNoAllocs(t *testing.T) {
	for _, tc := range []struct {
		name string
		opts cli.Options
	}{
		{"text", cli.Options{}},
		{"details", cli.Options{Details: 1}},
		{"json", cli.Options{JSON: true}},
		{"numeric", cli.Options{Numeric: true}},
	} {
		env := cli.NewEnv(tc.opts, nil, io.Discard, io.Discard)
		env.P = format.New(io.Discard, format.Options{JSON: tc.opts.JSON})
		pr := newRulePrinter(env, &ruleFilter{})
		env.P.Begin()
		for i, body := range ruleDumpMsgs() {
			allocs := testing.AllocsPerRun(20, func() { pr.print(unix.RTM_NEWRULE, body) })
			if allocs != 0 {
				t.Errorf("%s: message %d: %v allocations per message, want 0", tc.name, i, allocs)
			}
		}
		env.P.End()
	}
}

// BenchmarkPrint decodes and prints rule messages.
func BenchmarkPrint(b *testing.B) {
	env := cli.NewEnv(cli.Options{}, nil, io.Discard, io.Discard)
	pr := newRulePrinter(env, &ruleFilter{})
	msgs := ruleDumpMsgs()
	b.ReportAllocs()
	for b.Loop() {
		for _, body := range msgs {
			pr.print(unix.RTM_NEWRULE, body)
		}
	}
}
