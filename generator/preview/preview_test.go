package preview

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/tanjungbalai/kinerja/generator/iku"
)

var update = flag.Bool("update", false, "rewrite testdata/golden.txt")

// The same card gives the same bytes: drawn twice, and drawn by many
// goroutines at once while the shared glyph caches fill.
func TestDeterministic(t *testing.T) {
	cards := []Card{indicatorCard(), agencyCard()}
	for _, c := range cards {
		a, err := Draw(c, OpenGraph)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := Draw(c, OpenGraph)
		if !bytes.Equal(a, b) {
			t.Fatalf("%q drawn twice gives different bytes", c.Title)
		}
	}
	dir := t.TempDir()
	var jobs []Job
	for i := range 16 {
		c := cards[i%2]
		c.Badge = fmt.Sprint("Data contoh ", i/2) // new glyph positions in every pair
		jobs = append(jobs, Job{Card: c, Size: OpenGraph, Out: filepath.Join(dir, fmt.Sprint(i, ".png"))})
	}
	if _, err := DrawAll(context.Background(), jobs, Cache{}, 4, nil); err != nil {
		t.Fatal(err)
	}
	for _, j := range jobs {
		got, err := os.ReadFile(j.Out)
		if err != nil {
			t.Fatal(err)
		}
		alone, _ := Draw(j.Card, j.Size)
		if !bytes.Equal(got, alone) {
			t.Errorf("%s drawn among others differs from drawn alone", j.Out)
		}
	}
}

// The PNG of each sample card is pinned by its hash, so that a change
// that draws other pixels is seen, and comes with a new version (which
// renames every cached image). Run with -update after changing version.
func TestGolden(t *testing.T) {
	var got []string
	for _, tc := range []struct {
		name string
		card Card
	}{{"indicator", indicatorCard()}, {"agency", agencyCard()}, {"release", releaseCard()}} {
		for _, s := range []Size{OpenGraph, Portrait} {
			b, err := Draw(tc.card, s)
			if err != nil {
				t.Fatal(err)
			}
			sum := sha256.Sum256(b)
			got = append(got, fmt.Sprintf("%s %s %s %s", version, tc.name, s, hex.EncodeToString(sum[:])))
		}
	}
	path := filepath.Join("testdata", "golden.txt")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(strings.Join(got, "\n")+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -run Golden -update)", err)
	}
	var want []string
	for sc := bufio.NewScanner(bytes.NewReader(b)); sc.Scan(); {
		want = append(want, sc.Text())
	}
	for i := range got {
		if i >= len(want) || got[i] != want[i] {
			if strings.Fields(want[min(i, len(want)-1)])[0] == version {
				t.Errorf("the cards are drawn differently, with the same version %q: change version (cached images would be stale), then run go test -run Golden -update\ngot  %s", version, got[i])
			} else {
				t.Errorf("golden.txt is for another version: run go test -run Golden -update\ngot  %s", got[i])
			}
		}
	}
}

// Key changes with everything the card shows, and only with that.
func TestKey(t *testing.T) {
	base := indicatorCard()
	k := Key(base, OpenGraph)
	if Key(indicatorCard(), OpenGraph) != k {
		t.Fatal("Key of equal cards differs")
	}
	for name, edit := range map[string]func(*Card){
		"site":   func(c *Card) { c.Site += "!" },
		"badge":  func(c *Card) { c.Badge = "" },
		"title":  func(c *Card) { c.Title += "!" },
		"line":   func(c *Card) { c.Lines[1] = "Target 61 menit" },
		"status": func(c *Card) { c.Status = &Status{Key: "baik", Label: "Sangat Baik"} },
		"value":  func(c *Card) { c.Chart.Series[0].Values[0] = "72.5" },
		"label":  func(c *Card) { c.Chart.Labels[0] = "Q1 2021" },
		"name":   func(c *Card) { c.Chart.Series[0].Name = "Actual" },
		"style":  func(c *Card) { c.Chart.Series[1].Style = TargetLow },
		"ref":    func(c *Card) { c.Chart.Ref = &Ref{Value: "60", Label: "60"} },
		"kind":   func(c *Card) { c.Chart.Kind = Bar },
		"chart":  func(c *Card) { c.Chart = nil },
		// A boundary moved between two fields is another card.
		"boundary": func(c *Card) { c.Lines = []string{c.Lines[0] + c.Lines[1]} },
	} {
		c := indicatorCard()
		c.Lines = slices.Clone(c.Lines)
		ch := *c.Chart
		ch.Labels = slices.Clone(ch.Labels)
		ch.Series = slices.Clone(ch.Series)
		for i := range ch.Series {
			ch.Series[i].Values = slices.Clone(ch.Series[i].Values)
		}
		c.Chart = &ch
		edit(&c)
		if Key(c, OpenGraph) == k {
			t.Errorf("changing the %s keeps the Key", name)
		}
	}
	if Key(base, Portrait) == k {
		t.Error("another size keeps the Key")
	}
}

func jobsIn(dir string, cards ...Card) []Job {
	var jobs []Job
	for i, c := range cards {
		jobs = append(jobs, Job{Card: c, Size: OpenGraph, Out: filepath.Join(dir, fmt.Sprintf("%d", i), "og.png")})
		os.MkdirAll(filepath.Dir(jobs[i].Out), 0o755)
	}
	return jobs
}

// DrawAll draws what the cache lacks, takes the rest from it, and writes
// every job's file either way.
func TestDrawAllCache(t *testing.T) {
	ctx := context.Background()
	cache := Cache{Dir: filepath.Join(t.TempDir(), ".cache", "previews")}
	out := t.TempDir()
	renamed := agencyCard()
	renamed.Title = "Dinas Pariwisata"
	jobs := jobsIn(out, indicatorCard(), agencyCard(), renamed)

	var seen []int
	drawn, err := DrawAll(ctx, jobs, cache, 2, func(done, total int) {
		if total != len(jobs) {
			t.Errorf("progress total = %d; want %d", total, len(jobs))
		}
		seen = append(seen, done)
	})
	if err != nil || drawn != 3 {
		t.Fatalf("first DrawAll = %d, %v; want 3 drawn", drawn, err)
	}
	if !slices.Equal(seen, []int{1, 2, 3}) {
		t.Errorf("progress reported %v; want [1 2 3]", seen)
	}
	for _, j := range jobs {
		got, _ := os.ReadFile(j.Out)
		want, _ := Draw(j.Card, j.Size)
		if !bytes.Equal(got, want) {
			t.Errorf("%s is not the card's PNG", j.Out)
		}
		if cached, ok := cache.Get(Key(j.Card, j.Size)); !ok || !bytes.Equal(cached, want) {
			t.Errorf("the cache lacks the PNG of %s", j.Out)
		}
	}

	// A hit is read from the cache, not drawn: mark the cached image
	// (another card's PNG under this card's key).
	marked, _ := Draw(Card{Title: "marked"}, OpenGraph)
	if err := cache.Put(Key(jobs[1].Card, OpenGraph), marked); err != nil {
		t.Fatal(err)
	}
	os.Remove(jobs[1].Out)
	jobs[2].Card.Title = "Dinas Pendidikan"
	drawn, err = DrawAll(ctx, jobs, cache, 0, nil)
	if err != nil || drawn != 1 {
		t.Fatalf("second DrawAll = %d, %v; want 1 drawn (the changed card)", drawn, err)
	}
	if got, _ := os.ReadFile(jobs[1].Out); !bytes.Equal(got, marked) {
		t.Errorf("a cached card was drawn again: %s has %d bytes, not the cache's", jobs[1].Out, len(got))
	}
	// A cached file cut short is drawn again.
	key := Key(jobs[0].Card, OpenGraph)
	b, _ := cache.Get(key)
	os.WriteFile(cache.path(key), b[:len(b)-1], 0o644)
	if drawn, err = DrawAll(ctx, jobs, cache, 0, nil); err != nil || drawn != 1 {
		t.Errorf("DrawAll with a cached file cut short = %d, %v; want 1 drawn", drawn, err)
	}
	if got, _ := os.ReadFile(jobs[0].Out); !bytes.Equal(got, b) {
		t.Errorf("%s is not the card's PNG after its cached file was cut short", jobs[0].Out)
	}

	entries, _ := os.ReadDir(filepath.Dir(jobs[0].Out))
	for _, e := range entries {
		if e.Name() != "og.png" {
			t.Errorf("DrawAll left %s beside the image", e.Name())
		}
	}
}

// DrawAll stops when its context ends: no job starts after the cancel,
// and it returns the context's error.
func TestDrawAllCancel(t *testing.T) {
	out := t.TempDir()
	cards := make([]Card, 40)
	for i := range cards {
		cards[i] = indicatorCard()
		cards[i].Title = fmt.Sprint("Indikator ", i)
	}
	jobs := jobsIn(out, cards...)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := 0
	drawn, err := DrawAll(ctx, jobs, Cache{}, 1, func(n, _ int) {
		done = n
		if n == 2 {
			cancel()
		}
	})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("DrawAll after cancel = %v; want context.Canceled", err)
	}
	if done != 2 || drawn != 2 {
		t.Errorf("DrawAll went on after the cancel: %d done, %d drawn; want 2", done, drawn)
	}
	written := 0
	for _, j := range jobs {
		if _, err := os.Stat(j.Out); err == nil {
			written++
		}
	}
	if written != 2 {
		t.Errorf("%d images written; want the 2 done before the cancel", written)
	}

	// Already cancelled: nothing is written.
	drawn, err = DrawAll(ctx, jobsIn(t.TempDir(), indicatorCard()), Cache{}, runtime.NumCPU(), nil)
	if !errors.Is(err, context.Canceled) || drawn != 0 {
		t.Errorf("DrawAll with a cancelled context = %d, %v; want 0, context.Canceled", drawn, err)
	}
}

// A card that cannot be drawn or a file that cannot be written stops
// DrawAll with an error naming it.
func TestDrawAllErrors(t *testing.T) {
	bad := indicatorCard()
	bad.Chart = &Chart{Kind: Line, Labels: []string{"TW I 2026"}, Series: []Series{{Name: "Realisasi", Values: []string{"x"}}}}
	_, err := DrawAll(context.Background(), jobsIn(t.TempDir(), bad), Cache{}, 1, nil)
	if err == nil || iku.ErrorKind(err) != iku.Internal || !strings.Contains(err.Error(), `"x" is not a decimal`) {
		t.Errorf("DrawAll of a bad card = %v; want an internal error naming the value", err)
	}
	file := filepath.Join(t.TempDir(), "file")
	os.WriteFile(file, nil, 0o644)
	_, err = DrawAll(context.Background(), []Job{{Card: agencyCard(), Size: OpenGraph, Out: filepath.Join(file, "og.png")}}, Cache{}, 1, nil)
	if err == nil || !strings.Contains(err.Error(), "cannot write the preview image") {
		t.Errorf("DrawAll into a file's path = %v; want the image named", err)
	}
}
