package completion

import (
	"fmt"
	"io"
	"strings"
)

// Shells are the shells Script writes for.
var Shells = []string{"bash", "zsh", "fish"}

// Commands are the names the scripts complete: gip's own and the plain
// ones it answers to when linked (install-compat).
var Commands = []string{"gip", "gbridge", "gbrctl", "ip", "bridge", "brctl"}

// Each script asks `gip completion __complete NAME WORDS…` (see Print) and
// offers what it prints; gip is looked up in PATH whatever the name
// completed, since only the name gip takes the completion word.
const bashScript = `# bash completion for gip (ip, bridge, brctl): ` + "`gip completion bash`" + `
_gip_complete()
{
    local cur=${COMP_WORDS[COMP_CWORD]} out directive IFS=$'\n'
    out=$(command gip completion __complete "${COMP_WORDS[0]}" "${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null) || return 0
    directive=${out%%$'\n'*}
    COMPREPLY=()
    case $directive in
    files|default)
        compopt -o filenames 2>/dev/null
        COMPREPLY=($(compgen -f -- "$cur")) ;;
    command)
        COMPREPLY=($(compgen -c -- "$cur")) ;;
    esac
    if [[ $out == *$'\n'* ]]; then
        COMPREPLY+=(${out#*$'\n'})
    fi
    return 0
}
complete -F _gip_complete %s
`

const zshScript = `#compdef %s
# zsh completion for gip (ip, bridge, brctl): ` + "`gip completion zsh`" + `
_gip() {
    local -a out cands
    out=("${(@f)$(command gip completion __complete "${words[1]}" "${(@)words[2,CURRENT]}" 2>/dev/null)}")
    cands=("${(@)out[2,-1]}")
    case ${out[1]} in
    files|default) _files ;;
    command) _command_names -e ;;
    esac
    (( ${#cands} )) && compadd -a cands
    return 0
}
if [[ ${funcstack[1]} == _gip ]]; then
    _gip "$@"
else
    compdef _gip %s
fi
`

const fishScript = `# fish completion for gip (ip, bridge, brctl): ` + "`gip completion fish`" + `
function __gip_complete
    set -l tokens (commandline -opc)
    set -l cur (commandline -ct)
    set -l out (command gip completion __complete $tokens[1] $tokens[2..-1] "$cur" 2>/dev/null)
    or return
    switch "$out[1]"
        case files default
            __fish_complete_path "$cur"
        case command
            __fish_complete_command "$cur"
    end
    printf '%%s\n' $out[2..-1]
end
for c in %s
    complete -c $c -f -a '(__gip_complete)'
end
`

// Script writes the completion script of shell; false if gip has none.
func Script(w io.Writer, shell string) bool {
	names := strings.Join(Commands, " ")
	switch shell {
	case "bash":
		fmt.Fprintf(w, bashScript, names)
	case "zsh":
		fmt.Fprintf(w, zshScript, names, names)
	case "fish":
		fmt.Fprintf(w, fishScript, names)
	default:
		return false
	}
	return true
}

// Print writes r as the scripts read it: the directive on the first line,
// then one candidate a line (names with a newline in them are left out).
func Print(w io.Writer, r Result) {
	var b strings.Builder
	b.WriteString(r.Directive)
	b.WriteByte('\n')
	for _, c := range r.Candidates {
		if !strings.ContainsRune(c, '\n') {
			b.WriteString(c)
			b.WriteByte('\n')
		}
	}
	io.WriteString(w, b.String())
}
