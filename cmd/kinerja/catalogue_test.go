package main

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/tanjungbalai/kinerja/generator/pipeline"
)

// messages are the English messages the code of this package hands to
// the catalogue: the usage texts (constants named …Usage), the err…
// constants, the first text of tr, printf, usage, stage and plural, and
// every flag's description.
func messages(t *testing.T) map[string]token.Position {
	t.Helper()
	fset := token.NewFileSet()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]token.Position{}
	add := func(e ast.Expr) {
		if s, ok := stringValue(e); ok {
			out[s] = fset.Position(e.Pos())
		}
	}
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.ValueSpec:
				for i, id := range n.Names {
					if i < len(n.Values) && (strings.HasSuffix(id.Name, "Usage") || strings.HasPrefix(id.Name, "err")) {
						add(n.Values[i])
					}
				}
			case *ast.CallExpr:
				sel, ok := n.Fun.(*ast.SelectorExpr)
				if !ok {
					return true
				}
				recv, _ := sel.X.(*ast.Ident)
				arg := map[string]int{"tr": 0, "printf": 1, "usage": 0, "stage": 2, "plural": 1}
				if i, ok := arg[sel.Sel.Name]; ok && recv != nil && recv.Name == "m" && len(n.Args) > i {
					add(n.Args[i])
				}
				if recv != nil && recv.Name == "fs" && slices.Contains([]string{"String", "Bool", "Int", "Duration", "StringVar", "BoolVar", "IntVar", "DurationVar"}, sel.Sel.Name) {
					add(n.Args[len(n.Args)-1])
				}
			}
			return true
		})
	}
	return out
}

// stringValue is the value of a string literal or a sum of them.
func stringValue(e ast.Expr) (string, bool) {
	switch e := e.(type) {
	case *ast.BasicLit:
		if e.Kind != token.STRING {
			return "", false
		}
		s, err := strconv.Unquote(e.Value)
		return s, err == nil
	case *ast.BinaryExpr:
		a, ok1 := stringValue(e.X)
		b, ok2 := stringValue(e.Y)
		return a + b, ok1 && ok2 && e.Op == token.ADD
	}
	return "", false
}

var (
	verb = regexp.MustCompile(`%(\[\d+\])?[-+# 0]*(\*|\d+)?(\.\d+)?[a-zA-Z%]`)
	word = regexp.MustCompile(`[A-Za-z]{2,}`)
)

// verbs are the formatting verbs of s, without their explicit indexes
// (a translation may reorder them), sorted.
func verbs(s string) []string {
	var out []string
	for _, v := range verb.FindAllString(s, -1) {
		out = append(out, regexp.MustCompile(`\[\d+\]`).ReplaceAllString(v, ""))
	}
	slices.Sort(out)
	return out
}

// Every message the terminal shows has its Indonesian, with the same
// verbs, and the catalogue holds nothing the code no longer says.
func TestCatalogueIsComplete(t *testing.T) {
	used := messages(t)
	used[pipeline.ErrDemoData] = token.Position{Filename: "generator/pipeline/publish.go"}
	used[pipeline.ErrDemoWithSource] = token.Position{Filename: "generator/pipeline/publish.go"}
	for _, p := range flagErrors {
		used[p] = token.Position{Filename: "lang.go"}
	}
	if len(used) < 50 {
		t.Fatalf("found %d messages in the code; the scan is broken", len(used))
	}
	for en, pos := range used {
		if !word.MatchString(verb.ReplaceAllString(en, "")) {
			continue // "%s: %v": nothing to translate
		}
		id, ok := indonesian[en]
		if !ok {
			t.Errorf("%s: no Indonesian for %q", pos, en)
			continue
		}
		if !slices.Equal(verbs(en), verbs(id)) {
			t.Errorf("%s: the Indonesian of %q has the verbs %v; want %v", pos, en, verbs(id), verbs(en))
		}
		if strings.HasSuffix(en, "\n") != strings.HasSuffix(id, "\n") {
			t.Errorf("%s: the Indonesian of %q ends a line differently", pos, en)
		}
	}
	for en := range indonesian {
		if _, ok := used[en]; !ok {
			t.Errorf("the catalogue has %q, which the code no longer says: remove it", en)
		}
	}
}
