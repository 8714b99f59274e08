package app

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"unsafe"

	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cmd/ipaddr"
	"github.com/gipnet/gip/internal/cmd/ipaddrlabel"
	"github.com/gipnet/gip/internal/cmd/ipfou"
	"github.com/gipnet/gip/internal/cmd/ipila"
	"github.com/gipnet/gip/internal/cmd/ipioam"
	"github.com/gipnet/gip/internal/cmd/ipl2tp"
	"github.com/gipnet/gip/internal/cmd/iplink"
	"github.com/gipnet/gip/internal/cmd/ipmacsec"
	"github.com/gipnet/gip/internal/cmd/ipmaddr"
	"github.com/gipnet/gip/internal/cmd/ipmonitor"
	"github.com/gipnet/gip/internal/cmd/ipmptcp"
	"github.com/gipnet/gip/internal/cmd/ipmroute"
	"github.com/gipnet/gip/internal/cmd/ipneigh"
	"github.com/gipnet/gip/internal/cmd/ipnetconf"
	"github.com/gipnet/gip/internal/cmd/ipnetns"
	"github.com/gipnet/gip/internal/cmd/ipnexthop"
	"github.com/gipnet/gip/internal/cmd/ipntable"
	"github.com/gipnet/gip/internal/cmd/iproute"
	"github.com/gipnet/gip/internal/cmd/iprule"
	"github.com/gipnet/gip/internal/cmd/ipsr"
	"github.com/gipnet/gip/internal/cmd/ipstats"
	"github.com/gipnet/gip/internal/cmd/iptcpmetrics"
	"github.com/gipnet/gip/internal/cmd/iptoken"
	"github.com/gipnet/gip/internal/cmd/iptunnel"
	"github.com/gipnet/gip/internal/cmd/iptuntap"
	"github.com/gipnet/gip/internal/cmd/ipvrf"
	"github.com/gipnet/gip/internal/cmd/ipxfrm"
	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/internal/cnum"
	"github.com/gipnet/gip/internal/version"
	"github.com/gipnet/gip/netns"
	"github.com/gipnet/gip/rtnl"
	"golang.org/x/sys/unix"
)

type runFunc func(env *cli.Env, args *cmdline.Args) error

// runLink is `ip link`, whose show is ip address's listing (iproute2's
// ipaddr_list_link serves both).
func runLink(env *cli.Env, args *cmdline.Args) error { return iplink.Run(env, args, ipaddr.Show) }

type object struct {
	name string
	run  runFunc // nil only for help, which doCmd answers itself
}

// objects is ip's object table. Its order is iproute2's and is the
// abbreviation rule: the first entry a word is a prefix of wins, so `ip a`
// is address, `ip n` neighbor, `ip net` netns, `ip t` tunnel.
var objects = []object{
	{"address", ipaddr.Run},
	{"addrlabel", ipaddrlabel.Run},
	{"maddress", ipmaddr.Run},
	{"route", iproute.Run},
	{"rule", iprule.Run},
	{"neighbor", ipneigh.Run},
	{"neighbour", ipneigh.Run},
	{"ntable", ipntable.Run},
	{"ntbl", ipntable.Run},
	{"link", runLink},
	{"l2tp", ipl2tp.Run},
	{"fou", ipfou.Run},
	{"ila", ipila.Run},
	{"macsec", ipmacsec.Run},
	{"tunnel", iptunnel.Run},
	{"tunl", iptunnel.Run},
	{"tuntap", iptuntap.Run},
	{"tap", iptuntap.Run},
	{"token", iptoken.Run},
	{"tcpmetrics", iptcpmetrics.Run},
	{"tcp_metrics", iptcpmetrics.Run},
	{"monitor", ipmonitor.Run},
	{"xfrm", ipxfrm.Run},
	{"mroute", ipmroute.Run},
	{"mrule", iprule.RunMRule},
	{"netns", ipnetns.Run},
	{"netconf", ipnetconf.Run},
	{"vrf", ipvrf.Run},
	{"sr", ipsr.Run},
	{"nexthop", ipnexthop.Run},
	{"mptcp", ipmptcp.Run},
	{"ioam", ipioam.Run},
	{"stats", ipstats.Run},
	{"help", nil},
}

func ipMain(argv []string, stdin io.Reader, stdout, stderr io.Writer) int {
	opts, rest, err := parseGlobal(argv, stdout, stderr)
	if err != nil {
		return report(stderr, err)
	}
	env := cli.NewEnv(opts, stdin, stdout, stderr)
	env.Strict = !opts.HasBatch
	defer env.Close()
	if opts.NetNS != "" {
		fd, err := openNetNS(opts.NetNS)
		if err != nil {
			return report(stderr, err)
		}
		if !mayEnterNetNS() {
			// iproute2 enters the namespace with setns(2) here, which
			// needs CAP_SYS_ADMIN; gip dials into it later, and would
			// fail there in other words.
			unix.Close(fd)
			return report(stderr, cmdline.Exit(cmdline.StatusUsage, "setting the network namespace \"%s\" failed: %s", opts.NetNS, rtnl.Strerror(unix.EPERM)))
		}
		env.NetNSFD = fd
	}
	if opts.HasBatch {
		return runBatch(env, opts.Batch)
	}
	if len(rest) == 0 {
		return report(stderr, ipUsage(stderr))
	}
	err = doCmd(env, cmdline.NewArgs(rest))
	env.P.Flush()
	return report(stderr, err)
}

// doCmd runs one ip command: the object word, then its own words. args
// is the caller's cursor (under -batch one serves every line), reset over
// the object's words.
func doCmd(env *cli.Env, args *cmdline.Args) error {
	word := args.Next()
	args.Reset(args.Rest())
	for _, o := range objects {
		if !cmdline.Matches(word, o.name) {
			continue
		}
		if o.name == "help" {
			return ipUsage(env.Stderr)
		}
		return o.run(env, args)
	}
	return cmdline.Exit(cmdline.StatusFailed, "Object \"%s\" is unknown, try \"ip help\".", word)
}

func ipUsage(w io.Writer) error {
	fmt.Fprint(w, `Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }
       ip [ -force ] -batch filename
where  OBJECT := { link | address | addrlabel | route | rule | neighbor | neighbour |
                   ntable | ntbl | netns | netconf | nexthop | tunnel | tuntap | tap |
                   maddress | mroute | mrule | monitor | xfrm | mptcp | tcpmetrics |
                   token | l2tp | fou | ila | ioam | macsec | sr | vrf | amt | help }
       (an object may be abbreviated: ip a, ip l, ip r, ip net)
       OPTIONS := { -Version (-V) | -statistics (-s) | -details (-d) | -resolve (-r) |
                    -human-readable (-h) | -iec | -json (-j) | -pretty (-p) |
                    -family (-f) { inet | inet6 | mpls | bridge | link } |
                    -4 | -6 | -M | -B | -0 | -loops (-l) { maximum-addr-flush-attempts } |
                    -brief (-br) | -oneline (-o) | -timestamp (-t) | -tshort (-ts) |
                    -batch (-b) [filename] | -rcvbuf (-rc) [size] | -netns (-n) name |
                    -Numeric (-N) | -all (-a) | -color (-c)[=always|auto|never] |
                    -force | -echo | -help }
`)
	return cmdline.Usage()
}

// parseGlobal reads ip's options in iproute2's order: each option is tried
// against the table in order and the first it abbreviates wins (-h is -human,
// -b is -batch, -br is -brief, -f is -family).
// openNetNS opens the namespace of -n; a variable so that the option
// tests need no namespaces.
var openNetNS = netns.OpenNamed

// mayEnterNetNS reports whether setns(2) into a network namespace may
// succeed: it needs CAP_SYS_ADMIN.
var mayEnterNetNS = func() bool {
	hdr := unix.CapUserHeader{Version: unix.LINUX_CAPABILITY_VERSION_3}
	var data [2]unix.CapUserData
	if unix.Capget(&hdr, &data[0]) != nil {
		return true // let the namespace's own refusal speak
	}
	return data[0].Effective&(1<<unix.CAP_SYS_ADMIN) != 0
}

func parseGlobal(argv []string, stdout, stderr io.Writer) (cli.Options, []string, error) {
	o := cli.Options{Loops: cli.DefaultLoops}
	colorMode := ""
	for len(argv) > 0 {
		opt := argv[0]
		if opt == "--" {
			argv = argv[1:]
			break
		}
		if !strings.HasPrefix(opt, "-") {
			break
		}
		if strings.HasPrefix(opt, "--") {
			opt = opt[1:]
		}
		next := func() (string, bool) {
			if len(argv) < 2 {
				return "", false
			}
			argv = argv[1:]
			return argv[0], true
		}
		m := func(kw string) bool { return cmdline.Matches(opt, kw) }
		switch {
		case m("-loops"):
			v, _ := next()
			o.Loops = int(cnum.Atoi(v))
		case m("-family"):
			v, ok := next()
			if !ok || v == "help" {
				return o, nil, ipUsage(stderr)
			}
			f := cnum.ReadFamily(v)
			if f == unix.AF_UNSPEC {
				return o, nil, cmdline.InvalidArg("invalid protocol family", v)
			}
			o.Family = f
		case opt == "-4":
			o.Family = unix.AF_INET
		case opt == "-6":
			o.Family = unix.AF_INET6
		case opt == "-0":
			o.Family = unix.AF_PACKET
		case opt == "-M":
			o.Family = unix.AF_MPLS
		case opt == "-B":
			o.Family = unix.AF_BRIDGE
		case m("-human") || m("-human-readable"):
			o.Human++
		case m("-iec"):
			o.IEC = true
		case m("-stats") || m("-statistics"):
			o.Stats++
		case m("-details"):
			o.Details++
		case m("-resolve"):
			o.Resolve = true
		case m("-oneline"):
			o.Oneline = true
		case m("-timestamp"):
			o.Timestamp++
		case m("-tshort"):
			o.Timestamp += 2
			o.TShort = true
		case m("-Version"):
			fmt.Fprintln(stdout, version.IPLine())
			return o, nil, cmdline.Silent(cmdline.StatusOK)
		case m("-force"):
			o.Force = true
		case m("-batch"):
			v, ok := next()
			if !ok {
				return o, nil, ipUsage(stderr)
			}
			o.Batch, o.HasBatch = v, true
		case m("-brief"):
			o.Brief = true
		case m("-json"):
			o.JSON = true
		case m("-pretty"):
			o.Pretty = true
		case m("-rcvbuf"):
			v, ok := next()
			n, valid := cnum.Uint32(v, 0)
			if !ok || !valid {
				return o, nil, cmdline.Exit(cmdline.StatusUsage, "Invalid rcvbuf size '%s'", v)
			}
			o.RcvBuf = int(n)
		case isColorOpt(opt, &colorMode):
		case m("-help"):
			return o, nil, ipUsage(stderr)
		case m("-netns"):
			v, ok := next()
			if !ok {
				// iproute2 passes the missing name on as a null pointer.
				return o, nil, cmdline.Fatal(cmdline.StatusUsage, "Cannot open network namespace \"(null)\": No such file or directory")
			}
			// iproute2 enters the namespace here, so a bad one fails
			// before any later option is read; ipMain opens it again.
			fd, err := openNetNS(v)
			if err != nil {
				return o, nil, err
			}
			unix.Close(fd)
			o.NetNS = v
		case m("-Numeric"):
			o.Numeric = true
		case m("-all"):
			o.All = true
		case opt == "-echo":
			o.Echo = true
		default:
			return o, nil, cmdline.Exit(cmdline.StatusUsage, "Option \"%s\" is unknown, try \"ip -help\".", opt)
		}
		argv = argv[1:]
	}
	switch colorMode {
	case "always":
		o.Color = !o.JSON
	case "auto":
		o.Color = !o.JSON && isTerminal(stdout)
	}
	return o, argv, nil
}

// isColorOpt recognises -color[=always|auto|never] (abbreviable to -c).
func isColorOpt(opt string, mode *string) bool {
	name, val, hasVal := strings.Cut(opt, "=")
	if !cmdline.Matches(name, "-color") {
		return false
	}
	switch {
	case !hasVal || val == "always":
		*mode = "always"
	case val == "auto" || val == "never":
		*mode = val
	default:
		return false
	}
	return true
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	_, err := unix.IoctlGetTermios(int(f.Fd()), unix.TCGETS)
	return err == nil
}

// runBatch runs each line of file ("-" is stdin) as an ip command on the
// same connection. A failing command prints "Command failed FILE:LINE" and
// ends the batch unless -force is given; argument errors end it at once, as
// iproute2 exits from inside its parsers.
//
// iproute2 reopens its stdin on the batch file and reads lines through
// stdio: a command that reads stdin (address restore, showdump) reads the
// rest of the batch input, and so do the programs netns exec runs.
func runBatch(env *cli.Env, name string) int { return runBatchWith(env, name, doCmd) }

// runBatchWith is runBatch for any applet: do runs one command, its words
// in args.
func runBatchWith(env *cli.Env, name string, do batchFunc) int {
	var in io.Reader = env.Stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return report(env.Stderr, cmdline.Exit(cmdline.StatusFailed, "Cannot open file \"%s\" for reading: %s", name, rtnl.ErrnoText(err)))
		}
		defer f.Close()
		in = f
		if env.Stdin == os.Stdin {
			_ = unix.Dup3(int(f.Fd()), 0, 0)
		}
	}
	env.InBatch = true
	lines := newBatchReader(in)
	env.Stdin = lines.r
	status, _ := batchLoop(env, name, lines, do)
	env.P.Flush()
	return status
}

// batchFunc runs one -batch command, whose words are in args. args is the
// loop's own cursor, reused for the next line: a command keeps neither it
// nor its word slice (the words themselves, strings, may be kept).
type batchFunc func(env *cli.Env, args *cmdline.Args) error

// batchLoop runs the commands of lines. It returns ip's exit status and
// whether a command ended ip (iproute2 exited in it) rather than the input.
//
// A line costs no allocation of its own on the way to the command: the
// line is read into the reader's append-only text, its words are views of
// that text in a slice reused for every line, and one cursor serves every
// command (what the command allocates is its own business).
func batchLoop(env *cli.Env, name string, lines *batchReader, do batchFunc) (int, bool) {
	outer := env.ForkedCopy
	defer func() { env.ForkedCopy = outer }()
	env.ForkedCopy = func(failed bool) int { return forkedCopy(env, name, lines, failed, do) }
	status := 0
	var words []string
	args := new(cmdline.Args)
	for {
		line, err := lines.next()
		if err != nil {
			if err != io.EOF {
				env.P.Flush()
				fmt.Fprintln(env.Stderr, err.Error())
			}
			break
		}
		words, err = appendArgs(words[:0], line)
		if err != nil {
			return report(env.Stderr, err), true
		}
		if len(words) == 0 {
			continue
		}
		args.Reset(words)
		err = do(env, args)
		if err == nil {
			continue
		}
		env.P.Flush()
		// A listing that failed half-way leaves its JSON array open,
		// as iproute2's does; the next command opens its own.
		env.P.Abandon()
		err = env.QuietDumpErrorMessage(err)
		code := report(env.Stderr, err)
		var ce *cmdline.Error
		if asCLI(err, &ce) && ce.Fatal {
			return code, true
		}
		fmt.Fprintf(env.Stderr, "Command failed %s:%d\n", name, lines.lineNo)
		status = 1
		if !env.Opts.Force {
			break
		}
	}
	return status, false
}

// forkedCopy is Env.ForkedCopy for the batch being read from lines.
func forkedCopy(env *cli.Env, name string, lines *batchReader, failed bool, do batchFunc) int {
	if failed {
		env.P.Flush()
		fmt.Fprintf(env.Stderr, "Command failed %s:%d\n", name, lines.lineNo)
		if !env.Opts.Force {
			return 1
		}
	}
	rest, _ := io.ReadAll(lines.r)
	copyLines := &batchReader{r: bufio.NewReader(bytes.NewReader(rest)), lineNo: lines.lineNo}
	linksOnly := env.LinksOnly
	// The copy has its own copy of the link cache: what it looks up or
	// drops is not seen by ip when it goes on.
	links := env.SetLinks(env.CloneLinks())
	env.Stdin = copyLines.r
	code, exited := batchLoop(env, name, copyLines, do)
	env.P.Flush()
	env.LinksOnly = linksOnly
	env.SetLinks(links)
	lines.r = bufio.NewReaderSize(bytes.NewReader(rest), 64<<10)
	env.Stdin = lines.r
	if failed && !exited {
		code = 1
	}
	return code
}

// batchReader reads -batch lines as iproute2 does: a '#' ends the line's
// text (so a comment hides a trailing backslash), and a backslash before
// the newline joins the next line on.
type batchReader struct {
	r      *bufio.Reader
	lineNo int

	// text holds the lines read, one after another: a chunk is only
	// ever appended to, never rewritten, so the strings next returns
	// (and the words split from them, which a command may keep, as the
	// listings keep their filters) stay valid without a copy each. A
	// line that does not fit what is left of the chunk starts a new
	// one, and a chunk no word refers to any more is garbage: memory
	// stays flat however long the batch.
	text []byte
}

// textChunk is the size of a batchReader's text chunks: many lines each.
const textChunk = 64 << 10

func newBatchReader(in io.Reader) *batchReader {
	return &batchReader{r: bufio.NewReaderSize(in, 64<<10)}
}

// appendText appends p to the line that starts at text[start:], moving
// that line to a new chunk when p does not fit the current one, and
// returns the line's new start.
func (b *batchReader) appendText(start int, p []byte) int {
	if len(b.text)+len(p) > cap(b.text) {
		partial := b.text[start:]
		chunk := make([]byte, 0, max(textChunk, 2*(len(partial)+len(p))))
		b.text = append(chunk, partial...)
		start = 0
	}
	b.text = append(b.text, p...)
	return start
}

// readLine reads one line, its newline kept, onto the end of text and
// returns where it starts. iproute2 reads the line into a C string: a NUL
// ends it; a '#' ends its text.
func (b *batchReader) readLine(start int) (int, error) {
	from := len(b.text) - start // the line's offset from start
	for {
		frag, err := b.r.ReadSlice('\n')
		start = b.appendText(start, frag)
		if err == bufio.ErrBufferFull {
			continue
		}
		if err != nil && (err != io.EOF || len(b.text)-start == from) {
			b.text = b.text[:start+from]
			return start, io.EOF
		}
		break
	}
	b.lineNo++
	line := b.text[start+from:]
	if i := bytes.IndexByte(line, 0); i >= 0 {
		line = line[:i]
	}
	if i := bytes.IndexByte(line, '#'); i >= 0 {
		line = line[:i]
	}
	b.text = b.text[:start+from+len(line)]
	return start, nil
}

// next returns the next line, backslash-newlines joined. The string is a
// view of text, never changed once returned.
func (b *batchReader) next() (string, error) {
	start, err := b.readLine(len(b.text))
	if err != nil {
		return "", err
	}
	for bytes.HasSuffix(b.text[start:], []byte("\\\n")) {
		b.text = b.text[:len(b.text)-2]
		if start, err = b.readLine(start); err != nil {
			b.text = b.text[:start]
			return "", errors.New("Missing continuation line")
		}
	}
	line := b.text[start:]
	// Later lines go after this one: its bytes are never written again.
	b.text = b.text[len(b.text):]
	return unsafe.String(unsafe.SliceData(line), len(line)), nil
}

// maxBatchWords is the size of iproute2's word table for a -batch line (its
// MAX_ARGS), the terminating NULL included.
const maxBatchWords = 512

// appendArgs splits a batch line into words, appended (views of line) to
// words; a word that opens with a single or double quote runs to the
// matching quote. Like iproute2's, its word table holds maxBatchWords-1
// words and a line with more ends ip. It scans bytes itself:
// strings.TrimLeft and IndexAny would build their character set again for
// every word, a visible part of a -batch's time.
func appendArgs(words []string, line string) ([]string, error) {
	i := 0
	for {
		for i < len(line) && isBatchSpace(line[i]) {
			i++
		}
		if i == len(line) {
			return words, nil
		}
		if len(words) >= maxBatchWords-1 {
			return nil, cmdline.Fatal(cmdline.StatusFailed, "Too many arguments to command")
		}
		if q := line[i]; q == '"' || q == '\'' {
			end := strings.IndexByte(line[i+1:], q)
			if end < 0 {
				return nil, cmdline.Fatal(cmdline.StatusFailed, "Unterminated quoted string")
			}
			words = append(words, line[i+1:i+1+end])
			i += end + 2
			continue
		}
		j := i + 1
		for j < len(line) && !isBatchSpace(line[j]) {
			j++
		}
		words = append(words, line[i:j])
		if j == len(line) {
			return words, nil
		}
		i = j + 1
	}
}

// isBatchSpace reports whether c separates -batch words.
func isBatchSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }
