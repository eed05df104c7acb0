package chart

import (
	"bufio"
	"context"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/tanjungbalai/kinerja/generator/iku"
)

// rasterScript turns SVG into PNG with resvg (npm @resvg/resvg-js) for the
// link previews. Unlike ECharts, resvg is a native program for each
// platform, so kinerja does not carry it: it uses the one npm installed in
// the site folder (or on NODE_PATH), and a build without it makes no
// previews (see FindResvg).
//
//go:embed raster.js
var rasterScript string

// Resvg is the npm package that rasterises the previews.
const Resvg = "@resvg/resvg-js"

// FindResvg returns the first of the node_modules folders dirs that holds
// @resvg/resvg-js, or "".
func FindResvg(dirs ...string) string {
	for _, d := range dirs {
		if d == "" {
			continue
		}
		if _, err := os.Stat(filepath.Join(d, filepath.FromSlash(Resvg), "package.json")); err == nil {
			return d
		}
	}
	return ""
}

// Raster says how to rasterise: NodeModules holds @resvg/resvg-js (see
// FindResvg), Fonts is a folder of fonts ("" = the system's), and PNGs
// are cached in CacheDir by the hash of the SVG ("" = no cache).
type Raster struct {
	NodeModules string
	Fonts       string
	CacheDir    string
	Width       int // the PNG's width in pixels; the height follows the SVG
	version     string
}

// RasterJob is one SVG and the PNG file to write.
type RasterJob struct {
	SVG []byte
	Out string
}

// Rasterise writes the PNG of every job, from the cache when the same SVG
// was rasterised before, else with resvg in one Node process. It returns
// how many it drew.
func (o Raster) Rasterise(ctx context.Context, jobs []RasterJob) (int, error) {
	if abs, err := filepath.Abs(o.NodeModules); err == nil {
		o.NodeModules = abs // Node runs in another folder
	}
	// The version of resvg is part of each PNG's cache key.
	var pkg struct {
		Version string `json:"version"`
	}
	if b, err := os.ReadFile(filepath.Join(o.NodeModules, filepath.FromSlash(Resvg), "package.json")); err == nil {
		_ = json.Unmarshal(b, &pkg)
	}
	o.version = pkg.Version
	var todo []int
	keys := make([]string, len(jobs))
	for i, j := range jobs {
		keys[i] = o.key(j.SVG)
		if o.CacheDir != "" {
			if b, err := os.ReadFile(o.cachePath(keys[i])); err == nil {
				if err := os.WriteFile(j.Out, b, 0o644); err != nil {
					return 0, iku.Wrap(err, iku.Invalid, "cannot write the preview image %s", j.Out)
				}
				continue
			}
		}
		todo = append(todo, i)
	}
	if len(todo) == 0 {
		return 0, nil
	}
	node, err := exec.LookPath("node")
	if err != nil {
		return 0, needNode(`"node" is not on the PATH`)
	}
	dir, err := os.MkdirTemp("", "kinerja-resvg-")
	if err != nil {
		return 0, iku.Wrap(err, iku.Unavailable, "cannot write the preview rasteriser into a temporary folder: check that $TMPDIR is writable")
	}
	defer os.RemoveAll(dir)
	if err := os.WriteFile(filepath.Join(dir, "raster.js"), []byte(rasterScript), 0o644); err != nil {
		return 0, iku.Wrap(err, iku.Unavailable, "cannot write the preview rasteriser into a temporary folder: check that $TMPDIR is writable")
	}
	cmd := exec.CommandContext(ctx, node, filepath.Join(dir, "raster.js"))
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "NODE_PATH="+o.NodeModules, "KINERJA_FONTS="+o.Fonts)
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return 0, err
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return 0, err
	}
	stderr := &tail{}
	cmd.Stderr = stderr
	if err := cmd.Start(); err != nil {
		return 0, needNode(fmt.Sprintf("%q could not be started (%v)", node, err))
	}
	defer func() {
		stdin.Close()
		_ = cmd.Wait()
	}()
	out := bufio.NewReaderSize(stdout, 64<<10)
	read := func(v any) error {
		line, err := out.ReadBytes('\n')
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			return iku.Wrap(err, iku.Unavailable, "the preview rasteriser (Node.js) stopped: %s", stderr.String())
		}
		return json.Unmarshal(line, v)
	}
	var hello struct {
		Ready bool   `json:"ready"`
		Error string `json:"error"`
	}
	if err := read(&hello); err != nil {
		return 0, err
	}
	if !hello.Ready {
		return 0, iku.Errorf(iku.Unavailable, "Node.js could not load %s from %s (%s): run npm ci in the site folder", Resvg, o.NodeModules, hello.Error)
	}
	for n, i := range todo {
		target := jobs[i].Out
		if o.CacheDir != "" {
			target = o.cachePath(keys[i])
			if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
				return n, iku.Wrap(err, iku.Unavailable, "cannot write to the preview cache %q", o.CacheDir)
			}
		}
		id := strconv.Itoa(n)
		line, err := json.Marshal(map[string]any{"id": id, "svg": string(jobs[i].SVG), "out": target, "width": o.Width})
		if err != nil {
			return n, err
		}
		if _, err := stdin.Write(append(line, '\n')); err != nil {
			return n, iku.Wrap(err, iku.Unavailable, "the preview rasteriser (Node.js) stopped: %s", stderr.String())
		}
		var resp struct {
			ID    string `json:"id"`
			Error string `json:"error"`
		}
		if err := read(&resp); err != nil {
			return n, err
		}
		if resp.ID != id || resp.Error != "" {
			return n, iku.Errorf(iku.Internal, "resvg could not draw the preview image %s: %s", jobs[i].Out, cmpOr(resp.Error, "answered out of step"))
		}
		if target != jobs[i].Out {
			b, err := os.ReadFile(target)
			if err == nil {
				err = os.WriteFile(jobs[i].Out, b, 0o644)
			}
			if err != nil {
				return n, iku.Wrap(err, iku.Invalid, "cannot write the preview image %s", jobs[i].Out)
			}
		}
	}
	return len(todo), nil
}

// key identifies a PNG: the SVG, the width, the fonts, the script and
// resvg's version.
func (o Raster) key(svg []byte) string {
	h := sha256.New()
	fmt.Fprintf(h, "kinerja-png\x00%s\x00%s\x00%d\x00%s\x00", rasterScript, o.version, o.Width, o.Fonts)
	h.Write(svg)
	return hex.EncodeToString(h.Sum(nil))
}

func (o Raster) cachePath(key string) string {
	return filepath.Join(o.CacheDir, key[:2], key+".png")
}

func cmpOr(a, b string) string {
	if strings.TrimSpace(a) != "" {
		return a
	}
	return b
}
