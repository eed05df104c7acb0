package pipeline

import (
	"image/png"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/tanjungbalai/kinerja/generator/display"
	"github.com/tanjungbalai/kinerja/generator/preview"
	"github.com/tanjungbalai/kinerja/generator/release"
)

// TestReleaseCardsShowTheRecord: a release's cards show what its page
// shows, read from the same record (display.Release): its title, the
// headline counts (Counts.Headline, which add up to the total the
// intro names), the most improved and most declined indicator, and the
// page's address; one card per size the record links, written where it
// links it.
func TestReleaseCardsShowTheRecord(t *testing.T) {
	ctx := t.Context()
	s := settings(t)
	l, err := Load(ctx, Options{}, s.K)
	if err != nil {
		t.Fatal(err)
	}
	latest := l.Dataset.Results[0].Quarter
	for _, r := range l.Dataset.Results {
		if latest.Before(r.Quarter) {
			latest = r.Quarter
		}
	}
	rep, err := Evaluate(ctx, l.Dataset, s.Rules, latest)
	if err != nil {
		t.Fatal(err)
	}
	if l.Current, err = release.Transient(l.Dataset, rep.Latest, "test"); err != nil {
		t.Fatal(err)
	}
	l.Releases = []*release.Release{l.Current}
	rel, err := Releases(ctx, l, rep, s.Rules, false)
	if err != nil {
		t.Fatal(err)
	}
	models, err := Display(ctx, display.Input{Report: rep, Dataset: l.Dataset, K: s.K, Releases: rel.Inputs, Address: "https://example.org/"}, s.Langs, nil)
	if err != nil {
		t.Fatal(err)
	}
	site := map[string]string{"id": "Portal", "en": "Portal"}
	badge := map[string]string{"id": "Data contoh — bukan data resmi.", "en": "Sample data — not official data."}
	dir := t.TempDir()
	jobs := ReleaseJobs(models, site, badge, dir)
	k := 0
	for _, m := range models {
		for _, r := range m.Releases {
			if len(r.Share.Cards) != 2 {
				t.Fatalf("%s %s: %d cards; want 2", m.Lang, r.Key, len(r.Share.Cards))
			}
			total := 0
			for _, f := range r.Share.Cards {
				j := jobs[k]
				k++
				c := j.Card
				if j.Size != (preview.Size{W: f.Width, H: f.Height}) || j.Out != dir+"/"+f.Path {
					t.Errorf("%s %s: a card of %s into %s; the record links %d×%d at %s", m.Lang, r.Key, j.Size, j.Out, f.Width, f.Height, f.Path)
				}
				if c.Title != r.Title || c.Badge != badge[m.Lang] || len(c.Lines) != 1 || c.Lines[0] != r.Share.Intro {
					t.Errorf("%s %s: the card's title %q, badge %q, lines %q; the record's %q, %q", m.Lang, r.Key, c.Title, c.Badge, c.Lines, r.Title, r.Share.Intro)
				}
				if len(c.Counts) != len(r.Counts.Headline) {
					t.Fatalf("%s %s: the card has %d counts; the page's headline %d", m.Lang, r.Key, len(c.Counts), len(r.Counts.Headline))
				}
				total = 0
				for i, h := range r.Counts.Headline {
					if c.Counts[i].Num != h.Num || c.Counts[i].Text != h.Text || h.Num != strconv.Itoa(h.N) {
						t.Errorf("%s %s: the card's count %d is %q %q; the page's %q %q", m.Lang, r.Key, i, c.Counts[i].Num, c.Counts[i].Text, h.Num, h.Text)
					}
					total += h.N
				}
				if len(r.Improved) == 0 || len(r.Declined) == 0 || len(c.Notes) != 2 ||
					c.Notes[0].Text != r.Improved[0].Indicator.Text.Text || c.Notes[0].Tail != "("+r.Improved[0].Short+")" ||
					c.Notes[1].Text != r.Declined[0].Indicator.Text.Text || c.Notes[1].Tail != "("+r.Declined[0].Short+")" {
					t.Errorf("%s %s: the card's notes %q; the page's first movers %v and %v", m.Lang, r.Key, c.Notes, r.Improved, r.Declined)
				}
				if len(c.Footer) != 1 || c.Footer[0] != "example.org/"+r.URL {
					t.Errorf("%s %s: the card's footer %q; want the page's address example.org/%s", m.Lang, r.Key, c.Footer, r.URL)
				}
			}
			if total != r.Counts.Total || !strings.Contains(r.Share.Intro, strconv.Itoa(r.Counts.Total)) {
				t.Errorf("%s %s: the headline counts add up to %d; the intro says %q", m.Lang, r.Key, total, r.Share.Intro)
			}
			if !strings.Contains(r.Share.Post, r.Summary) || !strings.HasPrefix(r.Share.Post, badge[m.Lang]) || !strings.HasSuffix(r.Share.Post, "https://example.org/"+r.URL) {
				t.Errorf("%s %s: the post text %q; want the demo's mark, the summary and the address", m.Lang, r.Key, r.Share.Post)
			}
		}
	}
	if k != len(jobs) {
		t.Errorf("%d release cards for %d linked", len(jobs), k)
	}
	if _, err := preview.DrawAll(ctx, jobs, preview.Cache{}, 1, nil); err != nil {
		t.Fatal(err)
	}
	for _, j := range jobs {
		f, err := os.Open(j.Out)
		if err != nil {
			t.Fatal(err)
		}
		cfg, err := png.DecodeConfig(f)
		f.Close()
		if err != nil || cfg.Width != j.Size.W || cfg.Height != j.Size.H {
			t.Errorf("%s: %d×%d, %v; want a PNG of %s", j.Out, cfg.Width, cfg.Height, err, j.Size)
		}
	}
}
