package ipnetns

import "github.com/gipnet/gip/internal/completion"

// Grammar is this command's verbs (in the order Run tries them) and their
// keywords, for shell completion and the man page. internal/app's
// TestGrammars checks it against Run and the usage text.
var Grammar = []completion.Verb{
	{Name: "list"},
	{Name: "show"},
	{Name: "lst"},
	{Name: "list-id", Words: "target-nsid=POSITIVE-INT nsid=POSITIVE-INT"},
	{Name: "help"},
	{Name: "add", Args: "NAME"},
	{Name: "set", Args: "NETNS NETNSID"},
	{Name: "delete", Args: "NETNS"},
	{Name: "identify", Args: "PID"},
	{Name: "pids", Args: "NETNS"},
	{Name: "exec", Args: "NETNS COMMAND"},
	{Name: "monitor"},
	{Name: "attach", Args: "NAME PID"},
}
