package usage

import "io"

// Ila is `ip ila help`.
func Ila(w io.Writer) {
	io.WriteString(w, `Usage: ip ila add loc_match LOCATOR_MATCH loc LOCATOR [ dev DEV ] OPTIONS
       ip ila del loc_match LOCATOR_MATCH [ loc LOCATOR ] [ dev DEV ]
       ip ila list
OPTIONS := [ ident-type { luid | use-format } ]
           [ csum-mode { no-action | neutral-map | neutral-map-auto | adj-transport } ]
`)
}
