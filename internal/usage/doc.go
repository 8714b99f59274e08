// Package usage holds gip's usage texts for the ip objects gip does not
// implement yet, one file per object, so that `ip OBJECT help` answers as
// iproute2 does (exit status, stream) and names every object, verb, keyword
// and value iproute2 6.1's usage names: scripts detect features by grepping
// these texts. The wording is gip's own. Whoever implements an object moves
// its text into the object's package (or calls it from there).
package usage
