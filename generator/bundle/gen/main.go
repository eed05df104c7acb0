// Command gen rewrites the embedded demo bundle (generator/bundle/demo)
// from demo.Tanjungbalai(). Run it with `go generate ./generator/bundle`.
package main

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"

	"github.com/tanjungbalai/kinerja/generator/bundle"
	"github.com/tanjungbalai/kinerja/generator/demo"
)

func main() {
	// go generate runs in the package's folder: generator/bundle.
	const dir = "demo"
	if err := bundle.Write(dir, demo.Tanjungbalai().Dataset()); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
	// Remove files a former version wrote, so that the embedded folder
	// holds exactly a bundle.
	entries, err := os.ReadDir(dir)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
	for _, e := range entries {
		if !slices.Contains(bundle.Files(), e.Name()) {
			if err := os.RemoveAll(filepath.Join(dir, e.Name())); err != nil {
				fmt.Fprintln(os.Stderr, "gen:", err)
				os.Exit(1)
			}
		}
	}
}
