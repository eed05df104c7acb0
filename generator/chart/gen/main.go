// Command gen copies the pinned ECharts build (and its licence) from
// node_modules/echarts into generator/chart/echarts, which kinerja embeds.
// Run it with `go generate ./generator/chart` after `npm ci` whenever
// package-lock.json pins a new ECharts; a test fails while the copy and
// node_modules differ.
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
)

// Files are copied from node_modules/echarts to echarts/ under these names.
var files = map[string]string{
	"dist/echarts.min.js": "echarts.min.js",
	"LICENSE":             "LICENSE",
	"NOTICE":              "NOTICE",
	"licenses/LICENSE-d3": "licenses/LICENSE-d3",
}

func main() {
	// go generate runs in the package's folder: generator/chart.
	const from, to = "../../node_modules/echarts", "echarts"
	if err := run(from, to); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(from, to string) error {
	b, err := os.ReadFile(filepath.Join(from, "package.json"))
	if err != nil {
		return fmt.Errorf("ECharts is not installed (%w): run npm ci at the repository root first", err)
	}
	var pkg struct {
		Version string `json:"version"`
	}
	if err := json.Unmarshal(b, &pkg); err != nil || pkg.Version == "" {
		return fmt.Errorf("%s/package.json has no version", from)
	}
	for src, dst := range files {
		b, err := os.ReadFile(filepath.Join(from, src))
		if err != nil {
			return err
		}
		if err := os.MkdirAll(filepath.Join(to, filepath.Dir(dst)), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(to, dst), b, 0o644); err != nil {
			return err
		}
	}
	return os.WriteFile(filepath.Join(to, "VERSION"), []byte(pkg.Version+"\n"), 0o644)
}
