package pipeline

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/tanjungbalai/kinerja/generator/display"
	"github.com/tanjungbalai/kinerja/generator/iku"
	"github.com/tanjungbalai/kinerja/generator/preview"
)

// Preview is the file name of a page's link preview, beside the page.
const Preview = "og.png"

// PreviewJobs are the link previews of every indicator and agency page of
// every language, drawn from the same display records as the pages (the
// value that earned the status and its target, the status, the chart's
// periods and values), and the cards of every release (ReleaseJobs), into
// the built site dir. site names the site in each language (hugo.toml's
// title), badge the demo's mark ("" for real data).
func PreviewJobs(models []*display.Model, site, badge map[string]string, dir string) []preview.Job {
	return previewJobs(models, site, badge, dir, chartMemo{})
}

// chartMemo is each indicator's chart as a card draws it, made once for
// its link preview and its chart image (read only: the jobs share it).
type chartMemo map[*display.Indicator]*preview.Chart

func (m chartMemo) of(ind *display.Indicator) *preview.Chart {
	c, ok := m[ind]
	if !ok {
		c = indicatorChart(ind)
		m[ind] = c
	}
	return c
}

func previewJobs(models []*display.Model, site, badge map[string]string, dir string, charts chartMemo) []preview.Job {
	var jobs []preview.Job
	for _, m := range models {
		for i := range m.Indicators {
			ind := &m.Indicators[i]
			c := preview.Card{Site: site[m.Lang], Badge: badge[m.Lang], Title: ind.Title, Lines: ind.Card}
			if ind.Answer.Period != "" {
				c.Status = &preview.Status{Key: ind.Answer.Status.Key, Label: ind.Answer.Status.Label}
			}
			c.Chart = charts.of(ind)
			jobs = append(jobs, preview.Job{Card: c, Size: preview.OpenGraph, Out: previewPath(dir, ind.URL)})
		}
		for i := range m.Agencies {
			a := &m.Agencies[i]
			c := preview.Card{Site: site[m.Lang], Badge: badge[m.Lang], Title: a.Title, Lines: a.Card, Chart: agencyChart(m, a)}
			jobs = append(jobs, preview.Job{Card: c, Size: preview.OpenGraph, Out: previewPath(dir, a.URL)})
		}
		// A service unit's card: its first indicator's answer, status and
		// chart, as its page shows them first (a value too small to
		// publish is not on the page, nor on the card).
		for i := range m.Units {
			u := &m.Units[i]
			c := preview.Card{Site: site[m.Lang], Badge: badge[m.Lang], Title: u.Title, Lines: u.Card}
			if len(u.Sections) > 0 {
				s := &u.Sections[0]
				if st := s.Latest.Status; st.Key != "" && !s.Latest.Suppressed {
					c.Status = &preview.Status{Key: st.Key, Label: st.Label}
				}
				if s.Trend != nil {
					c.Chart = indicatorChart(s.Trend)
				}
			}
			jobs = append(jobs, preview.Job{Card: c, Size: preview.OpenGraph, Out: previewPath(dir, u.URL)})
		}
	}
	return append(jobs, ReleaseJobs(models, site, badge, dir)...)
}

// ReleaseJobs are the cards of every release of every language, at each
// size its record links (display.Share), drawn from the record its page
// shows: the release's title, the headline counts (Counts.Headline, the
// lines under the page's summary), the most improved and most declined
// indicator, and the page's address.
func ReleaseJobs(models []*display.Model, site, badge map[string]string, dir string) []preview.Job {
	var jobs []preview.Job
	for _, m := range models {
		for i := range m.Releases {
			r := &m.Releases[i]
			jobs = append(jobs, releaseJobs(r, site[m.Lang], badge[m.Lang], dir)...)
		}
	}
	return jobs
}

// releaseCard is what the cards of release r show.
func releaseCard(r *display.Release, site, badge string) preview.Card {
	c := preview.Card{Site: site, Badge: badge, Title: r.Title}
	if r.Share.Intro != "" {
		c.Lines = []string{r.Share.Intro}
	}
	for _, h := range r.Counts.Headline {
		c.Counts = append(c.Counts, preview.Count{Num: h.Num, Text: h.Text})
	}
	for _, mv := range r.Share.Movers {
		c.Notes = append(c.Notes, preview.Note{Label: mv.Label, Text: mv.Name, Tail: mv.Change})
	}
	if r.Share.Address != "" {
		c.Footer = []string{r.Share.Address}
	}
	return c
}

func releaseJobs(r *display.Release, site, badge, dir string) []preview.Job {
	c := releaseCard(r, site, badge)
	var jobs []preview.Job
	for _, f := range r.Share.Cards {
		out := ""
		if dir != "" {
			out = filepath.Join(dir, filepath.FromSlash(f.Path))
		}
		jobs = append(jobs, preview.Job{Card: c, Size: preview.Size{W: f.Width, H: f.Height}, Out: out})
	}
	return jobs
}

// previewPath is where the preview of the page at url goes in the site
// dir; "" when dir is "" (the card goes into its cache only).
func previewPath(dir, url string) string {
	if dir == "" {
		return ""
	}
	return filepath.Join(dir, filepath.FromSlash(url), Preview)
}

// indicatorChart is an indicator's series as its page's chart plots it:
// the value compared with the target in each due period, against the
// target (its bounds when a range).
func indicatorChart(ind *display.Indicator) *preview.Chart {
	if len(ind.Rows) == 0 {
		return nil
	}
	c := &preview.Chart{Kind: preview.Line}
	var actual, target, low, high []string
	hasRange := false
	for _, r := range ind.Rows {
		c.Labels = append(c.Labels, r.Short)
		actual = append(actual, dec(r.Plotted()))
		t := r.Eval.Target
		switch {
		case t == nil:
			target, low, high = append(target, ""), append(low, ""), append(high, "")
		case t.High != nil:
			hasRange = true
			target, low, high = append(target, ""), append(low, t.Value.String()), append(high, t.High.String())
		default:
			target, low, high = append(target, t.Value.String()), append(low, ""), append(high, "")
		}
	}
	c.Series = []preview.Series{{Name: ind.Legend[0], Style: preview.Actual, Values: actual}}
	if hasRange {
		c.Series = append(c.Series, preview.Series{Name: ind.Legend[1], Style: preview.TargetLow, Values: low}, preview.Series{Style: preview.TargetHigh, Values: high})
	}
	c.Series = append(c.Series, preview.Series{Name: ind.Legend[1], Style: preview.Target, Values: target})
	return c
}

// agencyChart is an agency's indicators' achievements in the site's
// quarter, in the order of its page's table.
func agencyChart(m *display.Model, a *display.Agency) *preview.Chart {
	c := &preview.Chart{Kind: preview.Bar, Ref: &preview.Ref{Value: "100", Label: "100%"}}
	var values []string
	for _, slug := range a.Indicators {
		ind := m.Indicator(slug)
		if ind == nil || len(ind.Rows) == 0 {
			continue
		}
		e := ind.Rows[len(ind.Rows)-1].Eval
		if e.Achievement == nil {
			continue
		}
		c.Labels = append(c.Labels, ind.Title)
		values = append(values, e.Achievement.String())
	}
	if len(values) == 0 {
		return nil
	}
	c.Series = []preview.Series{{Values: values}}
	return c
}

func dec(d *iku.Decimal) string {
	if d == nil {
		return ""
	}
	return d.String()
}

// drawPreviews draws jobs with a worker per core, from the cache in
// cacheDir where it can; it returns how many it drew.
func drawPreviews(ctx context.Context, jobs []preview.Job, cacheDir string, progress func(done, total int)) (int, error) {
	return preview.DrawAll(ctx, jobs, preview.Cache{Dir: cacheDir}, 0, progress)
}

// drawing is the link previews and the charts' PNGs being drawn into
// their cache in the background (Prepared.startDrawing). It costs more
// CPU than any other stage of a first build (about 2.4 ms an image, two
// images an indicator a language), and needs only the display records:
// drawn beside the downloads, charts, data and Hugo, it keeps both cores
// busy where waiting for it would leave one idle.
type drawing struct {
	cancel context.CancelFunc
	done   chan struct{}
	// keyed is closed when the jobs and sum are set: every link preview
	// and chart image, each with its Key, the slash paths in the site they
	// go to, and a hash of the keys with the paths.
	keyed                  chan struct{}
	previews, images       []preview.Job
	previewOuts, imageOuts []string
	sum                    string
	// Set before done is closed: how many of each were drawn (not from
	// the cache), the time each took, and the first error.
	previewsDrawn, imagesDrawn int
	previewsTime, imagesTime   time.Duration
	err                        error
}

// drawingJobs are the link previews and chart images of models, with
// their paths in a site at "/" (startDrawing).
func (p *Prepared) drawingJobs(models []*display.Model) (previews, images []preview.Job) {
	titles, badges := p.cardWords()
	charts := chartMemo{}
	return previewJobs(models, titles, badges, "/", charts), p.chartImageJobsWith(models, "/", charts)
}

// startDrawing starts drawing the link previews and chart images of
// drawingJobs into the previews cache. The jobs are made before the
// models change (Model.SetFiles), so the drawing reads only its jobs; and
// finishing places them in the site from the cache (placed), so that no
// model is needed after the data is made.
func (p *Prepared) startDrawing(ctx context.Context, previews, images []preview.Job) {
	cacheDir := filepath.Join(p.Settings.Root, ".cache", "previews")
	ctx, cancel := context.WithCancel(ctx)
	d := &drawing{cancel: cancel, done: make(chan struct{}), keyed: make(chan struct{})}
	p.drawing = d
	go func() {
		defer close(d.done)
		h := sha256.New()
		key := func(jobs []preview.Job) []string {
			outs := make([]string, len(jobs))
			for i := range jobs {
				j := &jobs[i]
				j.Key = preview.Key(j.Card, j.Size)
				fmt.Fprintf(h, "%s %s\n", j.Key, filepath.ToSlash(j.Out))
				outs[i], j.Out = strings.TrimPrefix(j.Out, string(filepath.Separator)), ""
			}
			return outs
		}
		d.previewOuts, d.imageOuts = key(previews), key(images)
		d.previews, d.images = previews, images
		d.sum = hex.EncodeToString(h.Sum(nil))
		close(d.keyed)
		t := time.Now()
		if d.previewsDrawn, d.err = drawPreviews(ctx, previews, cacheDir, nil); d.err != nil {
			return
		}
		d.previewsTime = time.Since(t)
		t = time.Now()
		d.imagesDrawn, d.err = drawPreviews(ctx, images, cacheDir, nil)
		d.imagesTime = time.Since(t)
	}()
}

// placed are jobs drawn (into the cache) going to outs in the site dir.
func placed(jobs []preview.Job, outs []string, dir string) []preview.Job {
	for i := range jobs {
		jobs[i].Out = filepath.Join(dir, outs[i])
	}
	return jobs
}

// finishKey names what the finishing stages add to the site
// (site.Options.Key): the images by their keys and paths, the charts' SVG
// files by their stored files, and the search program; "" when there
// is no drawing. search is Pagefind's path, "" for none.
func (p *Prepared) finishKey(ctx context.Context, search string) (string, error) {
	d := p.drawing
	if d == nil {
		return "", nil
	}
	select {
	case <-d.keyed:
	case <-ctx.Done():
		return "", ctx.Err()
	}
	h := sha256.New()
	fmt.Fprintf(h, "images %s\n", d.sum)
	for _, rel := range slices.Sorted(maps.Keys(p.chartSVGFiles)) {
		fmt.Fprintf(h, "svg %s\x00%s\n", rel, p.chartSVGFiles[rel])
	}
	fmt.Fprintf(h, "search %q", search)
	if search != "" {
		if fi, err := os.Stat(search); err == nil {
			fmt.Fprintf(h, " %d %d", fi.Size(), fi.ModTime().UnixNano())
		}
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// wait waits until the drawing is done or ctx ends; a nil drawing (none
// started) is done.
func (d *drawing) wait(ctx context.Context) error {
	if d == nil {
		return nil
	}
	select {
	case <-d.done:
		return d.err
	case <-ctx.Done():
		return ctx.Err()
	}
}

// stop ends the drawing, if it still runs, and waits for it: no image is
// written into the cache after the build that drew it has ended.
func (d *drawing) stop() {
	if d == nil {
		return
	}
	d.cancel()
	<-d.done
}
