// Command kinerja publishes Kota Tanjungbalai's key performance indicators
// (IKU): it reads agency-level results from PostgreSQL (or a CSV bundle, or
// its embedded demo data), evaluates them, draws the charts and builds the
// static site with the Hugo compiled into it.
//
// This package parses flags and wires the generator packages; it holds no
// rules of its own.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"syscall"
	"time"

	"github.com/tanjungbalai/kinerja/generator/iku"
	"github.com/tanjungbalai/kinerja/generator/site"
)

// Exit codes.
const (
	exitOK          = 0
	exitError       = 1 // bad input or data: the message says what to fix
	exitUsage       = 2 // a wrong command or flag
	exitUnavailable = 3 // a server or tool could not be reached
	exitInterrupted = 130
)

var version = "dev"

func main() {
	// A soft memory limit (unless GOMEMLIMIT says otherwise), for kinerja
	// and its Hugo child alike: the garbage collector then works harder as
	// the heap nears it instead of letting it grow to twice what is live,
	// so that a large site builds on a machine of 2 GiB per process
	// (README, "Benchmarks and performance").
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
	}
	// Hugo's own process (see site.HugoCommand): no signal handling of
	// ours, Hugo installs its own.
	if len(os.Args) > 1 && os.Args[1] == site.HugoCommand {
		if err := site.RunHugo(os.Args[2:]); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	// KINERJA_CPUPROFILE=FILE writes a CPU profile of this process (not
	// of its Hugo child) for 'go tool pprof': for developers.
	if p := os.Getenv("KINERJA_CPUPROFILE"); p != "" {
		if f, err := os.Create(p); err == nil && pprof.StartCPUProfile(f) == nil {
			defer func() { pprof.StopCPUProfile(); f.Close() }()
		}
	}
	// KINERJA_MEMPROFILE=FILE writes a heap profile of this process at its
	// largest heap (checked every second), for 'go tool pprof'.
	if p := os.Getenv("KINERJA_MEMPROFILE"); p != "" {
		go peakHeapProfile(p)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	m := &Main{Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv}
	code := m.Run(ctx, os.Args[1:])
	stop()
	if code != 0 {
		os.Exit(code)
	}
}

// memoryLimit is the soft limit of the Go heap of each kinerja process.
const memoryLimit = 1536 << 20

// peakHeapProfile writes a heap profile into path whenever the heap in
// use is larger than at the last check that wrote one.
func peakHeapProfile(path string) {
	var most uint64
	for range time.Tick(time.Second) {
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		if ms.HeapInuse <= most {
			continue
		}
		most = ms.HeapInuse
		if f, err := os.Create(path); err == nil {
			pprof.Lookup("heap").WriteTo(f, 0)
			f.Close()
		}
	}
}

// Main is the program: the binary and the end-to-end tests run the same
// wiring through it.
type Main struct {
	Stdout, Stderr io.Writer
	Getenv         func(string) string

	// terminal is the Stderr given, for the progress line's own control
	// sequences; Run wraps Stdout and Stderr in a termWriter.
	terminal io.Writer
	// lang is the terminal's language, "en" or "id" (lang.go).
	lang string
}

// usageError is a wrong command line: exit 2 with the command's usage.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

// Run runs one command line and returns the process exit code.
func (m *Main) Run(ctx context.Context, args []string) int {
	// The one place where messages reach the terminal: everything printed
	// below goes through termWriter, which escapes control characters.
	stdout, stderr := m.Stdout, m.Stderr
	m.terminal = stderr
	out, errw := &termWriter{w: stdout}, &termWriter{w: stderr}
	m.Stdout, m.Stderr = out, errw
	defer func() {
		out.Flush()
		errw.Flush()
		m.Stdout, m.Stderr = stdout, stderr
	}()
	args, err := m.setLanguage(args)
	if err == nil {
		err = m.dispatch(ctx, args)
	}
	if err == nil {
		return exitOK
	}
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	var es exitStatus
	if errors.As(err, &es) {
		return int(es)
	}
	var ue usageError
	if errors.As(err, &ue) {
		m.printf(m.Stderr, "kinerja: %s\nRun 'kinerja help' for the list of commands.\n", ue.msg)
		return exitUsage
	}
	if ctx.Err() != nil {
		m.printf(m.Stderr, "kinerja: interrupted: %s\n", m.tr(iku.ErrorMessage(err)))
		return exitInterrupted
	}
	fmt.Fprintf(m.Stderr, "kinerja: %s\n", m.tr(iku.ErrorMessage(err)))
	if m.Getenv("KINERJA_DEBUG") != "" {
		fmt.Fprintf(m.Stderr, "cause: %v\n", err)
	}
	switch iku.ErrorKind(err) {
	case iku.Unavailable:
		return exitUnavailable
	default:
		return exitError
	}
}

const mainUsage = `kinerja publishes Kota Tanjungbalai's key performance indicators (IKU).

Usage:
  kinerja init DIR                                          write an editable site folder
  kinerja build [--db DSN | --from BUNDLE] [--out public]   export the data and build the site
  kinerja serve [--db DSN | --from BUNDLE] [--port 1313]    live preview at http://localhost:1313
  kinerja check [--db DSN | --from BUNDLE] [--json]         check the data before publishing (exit 1: not publishable)
  kinerja rollback [--out public]                           point the --out link back at the previous build
  kinerja db migrate [--db DSN]                             create or update the reference schema
  kinerja db seed --demo [--db DSN] [--replace]             load the demo data into the database
  kinerja demo-data --out DIR [--indicators N]              write demo (or scale) data as a CSV bundle
  kinerja publish --quarter 2026-Q3 [--releases releases]   check, freeze the quarter as a release, build the site
  kinerja theme [copy FILE]                                 list the theme's files, or copy one into the site folder
  kinerja version                                           print the versions of kinerja, Hugo and ECharts
  kinerja help [command]                                    show help for a command

Data: --db DSN, else $DATABASE_URL, else the embedded demo data (clearly
labelled "Data contoh — bukan data resmi" on every page). The standard PG*
variables (PGHOST, PGUSER, PGPASSWORD, …) fill in what the DSN leaves out,
so --db "" uses them alone.

Site: --site DIR (a folder made by 'kinerja init'), else the current folder
when it holds hugo.toml, else the site kinerja carries. Node.js 18 or newer
on the PATH draws the charts; nothing else needs installing.

Language: kinerja speaks Indonesian when the locale is Indonesian (LANG,
LC_MESSAGES or LC_ALL such as id_ID.UTF-8), English otherwise; --lang id
or --lang en, anywhere on the command line, decides instead.
`

func (m *Main) dispatch(ctx context.Context, args []string) error {
	if len(args) == 0 {
		fmt.Fprint(m.Stderr, m.tr(mainUsage))
		return m.usage("no command given")
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "build":
		return m.build(ctx, rest)
	case "publish":
		return m.publish(ctx, rest)
	case "serve":
		return m.serve(ctx, rest)
	case "rollback":
		return m.rollback(rest)
	case "check":
		return m.check(ctx, rest)
	case "db":
		return m.db(ctx, rest)
	case "demo-data":
		return m.demoData(ctx, rest)
	case "init":
		return m.init(rest)
	case "theme":
		return m.theme(rest)
	case "version", "--version":
		m.versions()
		return nil
	case "help", "-h", "-help", "--help":
		if len(rest) > 0 {
			return m.dispatch(ctx, []string{rest[0], "--help"})
		}
		fmt.Fprint(m.Stdout, m.tr(mainUsage))
		return nil
	}
	return m.usage("unknown command %q", cmd)
}

// newFlags makes a quiet FlagSet: parse reports its errors.
func newFlags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	return fs
}

// parse parses args, printing usage on --help and turning a flag error into
// a usageError; positional arguments are refused unless positional is set.
func (m *Main) parse(fs *flag.FlagSet, usage string, args []string, positional ...bool) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(m.Stdout, m.tr(usage))
			m.printDefaults(m.Stdout, fs)
			return flag.ErrHelp
		}
		return usageError{fmt.Sprintf("%s: %s", fs.Name(), m.flagError(err))}
	}
	if fs.NArg() > 0 && len(positional) == 0 {
		return m.usage("%s: unexpected argument %q", fs.Name(), fs.Arg(0))
	}
	return nil
}

// isSet reports whether the flag was given on the command line (so that
// --db "" can mean "the PG* variables only").
func isSet(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) {
		if f.Name == name {
			set = true
		}
	})
	return set
}
