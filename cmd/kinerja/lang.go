package main

import (
	"flag"
	"fmt"
	"io"
	"strings"
)

// The terminal's language: kinerja speaks Indonesian when the locale is
// Indonesian (LC_ALL, else LC_MESSAGES, else LANG, as POSIX orders them:
// "id_ID.UTF-8") or when --lang id is given, English otherwise. The
// messages are written in English in the code; catalogue.go holds their
// Indonesian, keyed by the English (as gettext does). The stage lines of
// a build and the messages of the generator packages stay English.

// setLanguage takes --lang (anywhere before "--") out of args and sets
// m.lang from it, else from the locale.
func (m *Main) setLanguage(args []string) ([]string, error) {
	m.lang = localeLanguage(m.Getenv)
	out := make([]string, 0, len(args))
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			out = append(out, args[i:]...)
			break
		}
		name, value, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if !strings.HasPrefix(a, "-") || name != "lang" {
			out = append(out, a)
			continue
		}
		if !hasValue {
			if i+1 == len(args) {
				return nil, m.usage("--lang needs a language: --lang id or --lang en")
			}
			i++
			value = args[i]
		}
		if value != "id" && value != "en" {
			return nil, m.usage("--lang %q is not a language kinerja speaks: use --lang id or --lang en", value)
		}
		m.lang = value
	}
	return out, nil
}

// localeLanguage is "id" when the locale's messages are Indonesian.
func localeLanguage(getenv func(string) string) string {
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := getenv(k); v != "" {
			if v == "id" || strings.HasPrefix(v, "id_") || strings.HasPrefix(v, "id.") || strings.HasPrefix(v, "id@") {
				return "id"
			}
			return "en"
		}
	}
	return "en"
}

// tr is the English message s in the terminal's language.
func (m *Main) tr(s string) string {
	if m.lang == "id" {
		if t, ok := indonesian[s]; ok {
			return t
		}
	}
	return s
}

// printf writes a message of the catalogue to w.
func (m *Main) printf(w io.Writer, format string, args ...any) {
	fmt.Fprintf(w, m.tr(format), args...)
}

// usage is a usage error with a message of the catalogue.
func (m *Main) usage(format string, args ...any) usageError {
	return usageError{fmt.Sprintf(m.tr(format), args...)}
}

// flagErrors are the beginnings of the flag package's errors that the
// catalogue translates.
var flagErrors = []string{"flag provided but not defined: ", "flag needs an argument: ", "invalid boolean flag "}

// flagError is the flag package's error in the terminal's language.
func (m *Main) flagError(err error) string {
	msg := err.Error()
	for _, p := range flagErrors {
		if rest, ok := strings.CutPrefix(msg, p); ok {
			return m.tr(p) + rest
		}
	}
	return msg
}

// printDefaults lists the flags of fs as flag.PrintDefaults does, with
// their descriptions in the terminal's language.
func (m *Main) printDefaults(w io.Writer, fs *flag.FlagSet) {
	fs.VisitAll(func(f *flag.Flag) {
		name, _ := flag.UnquoteUsage(f)
		_, usage := flag.UnquoteUsage(&flag.Flag{Name: f.Name, Usage: m.tr(f.Usage), Value: f.Value})
		line := "  -" + f.Name
		if name != "" {
			line += " " + name
		}
		fmt.Fprintf(w, "%s\n    \t%s", line, strings.ReplaceAll(usage, "\n", "\n    \t"))
		if d := f.DefValue; d != "" && d != "false" && d != "0" && d != "0s" {
			if fmt.Sprintf("%T", f.Value) == "*flag.stringValue" {
				d = fmt.Sprintf("%q", d)
			}
			fmt.Fprintf(w, m.tr(" (default %s)"), d)
		}
		fmt.Fprintln(w)
	})
}
