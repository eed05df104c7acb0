package sitedata

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/pelletier/go-toml/v2"
	"github.com/pelletier/go-toml/v2/unstable"

	"github.com/tanjungbalai/kinerja/generator/iku"
)

// tomlFile is a settings file the office edits, with the line of each of
// its keys, so that a value found wrong after decoding is named with its
// file and line like a syntax error.
type tomlFile struct {
	path  string
	lines map[string]int // "k", "params.city", "rilis.2.tanggal" (array tables from 1)
}

// newTOMLFile indexes the keys of b (read from path); a document that
// does not parse gets no lines (decoding it reports the error).
func newTOMLFile(path string, b []byte) *tomlFile {
	f := &tomlFile{path: path, lines: map[string]int{}}
	var p unstable.Parser
	p.Reset(b)
	prefix := ""
	counts := map[string]int{}
	line := func(n *unstable.Node) int {
		if len(n.Data) == 0 {
			return 0
		}
		return p.Shape(p.Range(n.Data)).Start.Line
	}
	for p.NextExpression() {
		e := p.Expression()
		key, first := joinKey(e.Key())
		switch e.Kind {
		case unstable.Table:
			prefix = key
			f.lines[prefix] = line(first)
		case unstable.ArrayTable:
			counts[key]++
			prefix = key + "." + strconv.Itoa(counts[key])
			f.lines[prefix] = line(first)
		case unstable.KeyValue:
			if prefix != "" {
				key = prefix + "." + key
			}
			f.lines[key] = line(first)
		}
	}
	return f
}

// joinKey is a key's parts joined by dots, and its first part.
func joinKey(it unstable.Iterator) (string, *unstable.Node) {
	var parts []string
	var first *unstable.Node
	for it.Next() {
		n := it.Node()
		if first == nil {
			first = n
		}
		parts = append(parts, string(n.Data))
	}
	return strings.Join(parts, "."), first
}

// at is "path:line" for key (its table's line when the key is not in
// the file, else the path alone).
func (f *tomlFile) at(key string) string {
	for k := key; k != ""; {
		if n := f.lines[k]; n > 0 {
			return fmt.Sprintf("%s:%d", f.path, n)
		}
		i := strings.LastIndexByte(k, '.')
		if i < 0 {
			break
		}
		k = k[:i]
	}
	return f.path
}

// errorf is an invalid-input error naming the file and the line of key.
func (f *tomlFile) errorf(key, format string, args ...any) error {
	return iku.Errorf(iku.Invalid, "%s: %s", f.at(key), fmt.Sprintf(format, args...))
}

// decodeError turns go-toml's error into one sentence with the file, line
// and column, and fix: "data/kalender.toml:9:11: tanggal is a TOML date,
// where text in quotes belongs; …". Every unknown key is named at once.
func (f *tomlFile) decodeError(err error, fix string) error {
	var strict *toml.StrictMissingError
	if errors.As(err, &strict) {
		var keys []string
		for _, e := range strict.Errors {
			row, _ := e.Position()
			keys = append(keys, fmt.Sprintf("%s (line %d)", strings.Join(e.Key(), "."), row))
		}
		return iku.Wrap(err, iku.Invalid, "%s: unknown %s %s: fix the spelling or remove %s", f.path,
			map[bool]string{true: "setting", false: "settings"}[len(keys) == 1], strings.Join(keys, ", "),
			map[bool]string{true: "it", false: "them"}[len(keys) == 1])
	}
	var de *toml.DecodeError
	if !errors.As(err, &de) {
		return iku.Wrap(err, iku.Invalid, "%s is not valid TOML (%v): %s", f.path, err, fix)
	}
	row, col := de.Position()
	msg := strings.TrimPrefix(de.Error(), "toml: ")
	if m := typeMismatch.FindStringSubmatch(msg); m != nil {
		msg = fmt.Sprintf("%s is a TOML %s, where %s belongs", strings.Join(de.Key(), "."), m[1], goType(m[2]))
	}
	return iku.Wrap(err, iku.Invalid, "%s:%d:%d: %s: %s", f.path, row, col, msg, fix)
}

// typeMismatch is go-toml's message for a value of the wrong type.
var typeMismatch = regexp.MustCompile(`^cannot decode TOML (.+?) into .* of type (\S+)$`)

// goType names a Go type for the office.
func goType(t string) string {
	switch {
	case t == "string":
		return "text in quotes"
	case strings.HasPrefix(t, "int"), strings.HasPrefix(t, "*int"):
		return "a whole number"
	case strings.HasPrefix(t, "float"):
		return "a number"
	case t == "bool":
		return "true or false"
	case strings.HasPrefix(t, "[]"), strings.HasPrefix(t, "*[]"):
		return "a list in [ ]"
	}
	return "another kind of value"
}
