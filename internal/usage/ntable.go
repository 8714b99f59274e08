package usage

import "io"

// Ntable is `ip ntable help`.
func Ntable(w io.Writer) {
	io.WriteString(w, `Usage: ip ntable show [ dev DEV ] [ name NAME ]
       ip ntable change name NAME [ dev DEV ] [ thresh1 VAL ] [ thresh2 VAL ]
              [ thresh3 VAL ] [ gc_int MSEC ] [ PARMS ]
PARMS := [ base_reachable MSEC ] [ retrans MSEC ] [ gc_stale MSEC ] [ delay_probe MSEC ]
         [ queue LEN ] [ app_probes VAL ] [ ucast_probes VAL ] [ mcast_probes VAL ]
         [ anycast_delay MSEC ] [ proxy_delay MSEC ] [ proxy_queue LEN ] [ locktime MSEC ]
`)
}
