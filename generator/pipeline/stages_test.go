package pipeline

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/tanjungbalai/kinerja/generator/display"
	"github.com/tanjungbalai/kinerja/generator/download"
	"github.com/tanjungbalai/kinerja/generator/filestore"
	"github.com/tanjungbalai/kinerja/generator/release"
)

// settings are the repository's own site folder's.
func settings(t *testing.T) *Settings {
	t.Helper()
	s, err := LoadSettings(Options{SiteRoot: "../.."})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestStagesAlone runs each stage of a build on the demo data by itself,
// each with the output of the one before, as Prepare does; the site data
// it writes is what Hugo needs.
func TestStagesAlone(t *testing.T) {
	ctx := t.Context()
	s := settings(t)
	l, err := Load(ctx, Options{}, s.K)
	if err != nil {
		t.Fatal(err)
	}
	if !l.Dataset.Fictitious || len(l.Dataset.Indicators) == 0 {
		t.Fatalf("Load read %d indicators of the demo", len(l.Dataset.Indicators))
	}
	rep, err := Evaluate(ctx, l.Dataset, s.Rules, l.Dataset.Results[0].Quarter)
	if err != nil {
		t.Fatal(err)
	}
	if l.Current, err = release.Transient(l.Dataset, rep.Latest, "test"); err != nil {
		t.Fatal(err)
	}
	l.Releases = []*release.Release{l.Current}
	rel, err := Releases(ctx, l, rep, s.Rules, true)
	if err != nil {
		t.Fatal(err)
	}
	if len(rel.Inputs) != 1 || len(rel.Frozen) != 0 {
		t.Errorf("a transient release: %d inputs, %d frozen files; want 1 and none", len(rel.Inputs), len(rel.Frozen))
	}
	models, err := Display(ctx, display.Input{Report: rep, Dataset: l.Dataset, K: s.K, Releases: rel.Inputs}, s.Langs, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(models) != len(s.Langs) {
		t.Fatalf("%d models for %d languages", len(models), len(s.Langs))
	}
	store, err := filestore.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	dl, err := Downloads(ctx, DownloadsIn{Model: models[0], Base: "https://example.org/", Store: store})
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{"data/iku-semua.csv", "api/v1/index.json"} {
		if _, ok := dl.Links[path]; !ok {
			t.Errorf("Downloads made no %s", path)
		}
	}
	dir := t.TempDir()
	shards, err := WriteData(ctx, dir, models, nil, 40)
	if err != nil {
		t.Fatal(err)
	}
	if want := 1 + (len(models[0].Indicators)+39)/40; len(shards) != want {
		t.Errorf("WriteData made %d shards of 40 indicators for %d indicators; want %d", len(shards), len(models[0].Indicators), want)
	}
	if _, err := os.Stat(filepath.Join(dir, "data", "kinerja", "id", "site.json")); err != nil {
		t.Errorf("WriteData wrote no site data: %v", err)
	}

	// DataFiles holds the same files in memory, unwritten, up to its
	// limit; beyond it, it holds and writes none, and Write makes and
	// writes them all.
	mem := t.TempDir()
	d, err := DataFiles(ctx, mem, models, nil, 40, 1<<30)
	if err != nil {
		t.Fatal(err)
	}
	if written, _ := os.ReadDir(mem); len(written) != 0 || len(d.held) == 0 {
		t.Errorf("DataFiles under its limit wrote %d entries and held %d files; want none written", len(written), len(d.held))
	}
	for name, b := range d.held {
		if disk, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name))); err != nil || !bytes.Equal(disk, b) {
			t.Errorf("DataFiles held %s unlike WriteData wrote it (%v)", name, err)
		}
	}
	large := t.TempDir()
	deferred, err := DataFiles(ctx, large, models, nil, 40, 1000)
	if err != nil {
		t.Fatal(err)
	}
	if written, _ := os.ReadDir(large); len(written) != 0 || deferred.held != nil {
		t.Errorf("DataFiles over its limit wrote %d entries and held %d files; want none of either", len(written), len(deferred.held))
	}
	if deferred.Sum() != d.Sum() {
		t.Error("the data held and the data not held have different sums")
	}
	if err := deferred.Write(ctx, large); err != nil {
		t.Fatal(err)
	}
	if err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		want, _ := os.ReadFile(p)
		if b, err := os.ReadFile(filepath.Join(large, rel)); err != nil || !bytes.Equal(b, want) {
			t.Errorf("Data.Write did not write %s as WriteData did (%v)", rel, err)
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
}

// TestStagesStopOnCtrlC: every stage returns the context's error when the
// context has ended (Ctrl+C), and writes nothing.
func TestStagesStopOnCtrlC(t *testing.T) {
	s := settings(t)
	live := t.Context()
	l, err := Load(live, Options{}, s.K)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := Evaluate(live, l.Dataset, s.Rules, l.Dataset.Results[0].Quarter)
	if err != nil {
		t.Fatal(err)
	}
	l.Current, _ = release.Transient(l.Dataset, rep.Latest, "test")
	l.Releases = []*release.Release{l.Current}
	models, err := Display(live, display.Input{Report: rep, Dataset: l.Dataset, K: s.K}, s.Langs, nil)
	if err != nil {
		t.Fatal(err)
	}

	ctx, cancel := context.WithCancel(live)
	cancel()
	store, err := filestore.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	dir := t.TempDir()
	stages := map[string]func() error{
		"load":     func() error { _, err := Load(ctx, Options{}, s.K); return err },
		"evaluate": func() error { _, err := Evaluate(ctx, l.Dataset, s.Rules, rep.Latest); return err },
		"releases": func() error { _, err := Releases(ctx, l, rep, s.Rules, true); return err },
		"display": func() error {
			_, err := Display(ctx, display.Input{Report: rep, Dataset: l.Dataset}, s.Langs, nil)
			return err
		},
		"downloads": func() error {
			_, err := Downloads(ctx, DownloadsIn{Model: models[0], Base: "https://example.org/", Store: store, Meta: download.Meta{}})
			return err
		},
		"charts": func() error { _, err := Charts(ctx, models, t.TempDir(), nil); return err },
		"data":   func() error { _, err := WriteData(ctx, dir, models, nil, 10); return err },
		"previews": func() error {
			_, _, err := Previews(ctx, models, nil, nil, t.TempDir(), t.TempDir(), nil)
			return err
		},
	}
	for name, run := range stages {
		if err := run(); !errors.Is(err, context.Canceled) {
			t.Errorf("%s after Ctrl+C: %v; want context.Canceled", name, err)
		}
	}
}
