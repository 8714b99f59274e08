// Package tunnel configures IPv4 and IPv6 tunnels through the kernel's
// legacy tunnel ioctls, as `ip tunnel` does: SIOCADDTUNNEL,
// SIOCCHGTUNNEL, SIOCDELTUNNEL and SIOCGETTUNNEL with struct
// ip_tunnel_parm (Parm) or struct ip6_tnl_parm2 (Parm6), the potential
// router list of ISATAP tunnels (SIOCADDPRL, SIOCDELPRL, SIOCGETPRL with
// struct ip_tunnel_prl, PRLEntry) and the 6rd settings of sit tunnels
// (SIOCADD6RD, SIOCDEL6RD, SIOCGET6RD with struct ip_tunnel_6rd, SixRD).
//
// A new tunnel is created by asking the fallback device of its kind
// (tunl0, gre0, sit0, ip_vti0, ip6tnl0, ip6gre0, ip6_vti0: see
// Parm.FallbackDevice and Parm6.FallbackDevice); the kernel has those
// devices only when the module of the kind is loaded, and answers ENODEV
// otherwise.
//
// The ioctls go through a Socket, an AF_INET or AF_INET6 datagram socket
// that stays in the network namespace it was opened in (Open, OpenNetNS).
// Their failures are *Error values whose text is the line `ip tunnel`
// prints for them and which unwrap to the errno.
//
// The encoders and decoders (Parm.Marshal, DecodeParm, …) read and write
// the structures byte for byte as the kernel lays them out, with the
// fields that are big-endian on the wire given as host numbers.
package tunnel
