// Package usage holds gip's usage texts of some ip objects, one file per
// object, written when the objects were still stubs and now called from
// the objects' packages, so that `ip OBJECT help` answers as iproute2 does
// (exit status, stream) and names every object, verb, keyword and value
// iproute2 6.1's usage names: scripts detect features by grepping these
// texts. The wording is gip's own.
package usage
