package bundle

import (
	"embed"
	"io/fs"
)

// The demo bundle is demo.Tanjungbalai().Dataset() written by Write. A
// test fails when it is out of date; rewrite it with
//
//	go generate ./generator/bundle
//
//go:generate go run ./gen
//go:embed demo
var demoFiles embed.FS

// Demo returns the embedded demo bundle: fictitious data for Kota
// Tanjungbalai, so that the site builds without a database.
func Demo() *Source {
	sub, err := fs.Sub(demoFiles, "demo")
	if err != nil {
		panic(err) // "demo" is a valid path: this cannot happen
	}
	return &Source{fsys: sub, name: "the embedded demo bundle", describe: "demo data (embedded, fictitious)"}
}
