package pipeline

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/tanjungbalai/kinerja/generator/display"
	"github.com/tanjungbalai/kinerja/generator/iku"
	"github.com/tanjungbalai/kinerja/generator/preview"
	"github.com/tanjungbalai/kinerja/generator/sitedata"
)

// chartFooter is what an indicator's chart images say under the chart:
// its source, then its publisher, licence and the indicator page's
// address.
func (p *Prepared) chartFooter(lang string, ind *display.Indicator) []string {
	cfg := p.Settings.Config
	var source string
	for _, l := range p.Settings.Langs {
		if l.Code == lang {
			source = l.Words.T("label_source", nil)
		}
	}
	return []string{source + ": " + ind.Source.Text,
		cfg.Publisher(lang) + " · " + cfg.Licence() + " · " + strings.TrimSuffix(cfg.BaseURL, "/") + "/" + strings.TrimPrefix(ind.URL, "/")}
}

// chartImageJobs are the PNGs of every indicator's chart of every
// language (preview.ChartImage: the page's link-preview card with more
// room for the chart, and the source, publisher, licence and address
// under it), into the built
// site dir at the paths the chart's record links ("": into their cache
// only).
func (p *Prepared) chartImageJobs(dir string) []preview.Job {
	return p.chartImageJobsWith(p.Models, dir, chartMemo{})
}

// chartImageJobsWith is chartImageJobs of models, with the charts of
// charts.
func (p *Prepared) chartImageJobsWith(models []*display.Model, dir string, charts chartMemo) []preview.Job {
	var jobs []preview.Job
	titles, badges := p.cardWords()
	for _, m := range models {
		site, badge := titles[m.Lang], badges[m.Lang]
		for i := range m.Indicators {
			ind := &m.Indicators[i]
			out := chartFile(dir, ind, "png")
			if out == "-" {
				continue
			}
			c := preview.Card{Site: site, Badge: badge, Title: ind.Title, Lines: ind.Card, Chart: charts.of(ind), Footer: p.chartFooter(m.Lang, ind)}
			if ind.Answer.Period != "" {
				c.Status = &preview.Status{Key: ind.Answer.Status.Key, Label: ind.Answer.Status.Label}
			}
			jobs = append(jobs, preview.Job{Card: c, Size: preview.ChartImage, Out: out})
		}
	}
	return jobs
}

// chartFile is where the chart file of the format links goes in the
// site dir: "" when dir is "", "-" when the record links none.
func chartFile(dir string, ind *display.Indicator, format string) string {
	rel := chartPath(ind, format)
	switch {
	case rel == "":
		return "-"
	case dir == "":
		return ""
	}
	return filepath.Join(dir, filepath.FromSlash(rel))
}

// chartPath is the slash path in the site of the chart file of the
// format that the record links, "" when it links none.
func chartPath(ind *display.Indicator, format string) string {
	for _, f := range ind.Chart.Files {
		if f.Format == format {
			return f.Path
		}
	}
	return ""
}

// storeChartSVGs makes every indicator's chart as a standalone SVG
// (preview.StandaloneSVG of the SVG its page carries) into the file store,
// from the charts as drawn (or their cache files): a large site's data
// is not held in memory, and a build whose pages come from the page cache
// never writes it (Data), so chartSVGs would have no SVG to read. A file
// made before from the same chart, title and footer by the same kinerja
// comes from the store by its key, neither made nor hashed again. It
// returns the stored file of each, by its slash path in the site.
func (p *Prepared) storeChartSVGs(ctx context.Context, models []*display.Model, charts []sitedata.Chart) (map[string]string, error) {
	drawn := make(map[string]*sitedata.Chart, len(charts))
	for i := range charts {
		drawn[charts[i].Lang+"/"+charts[i].ID] = &charts[i]
	}
	self := executable()
	var buf []byte
	out := map[string]string{}
	for _, m := range models {
		for i := range m.Indicators {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			ind := &m.Indicators[i]
			rel := chartPath(ind, "svg")
			if rel == "" {
				continue
			}
			c := drawn[m.Lang+"/"+ind.Chart.ID]
			if c == nil {
				return nil, iku.Errorf(iku.Internal, "the chart of %q was not drawn", ind.URL)
			}
			footer := p.chartFooter(m.Lang, ind)
			// The chart's key names its SVG (the same key, the same bytes),
			// which a large site left in the chart cache.
			if c.Key == "" {
				return nil, iku.Errorf(iku.Internal, "the chart of %q has no key", ind.URL)
			}
			key := chartSVGKey(&buf, self, c.Key, ind.Title, footer)
			f, ok := p.store.Get(key)
			if !ok {
				svg, err := c.Drawing()
				if err != nil {
					return nil, err
				}
				b, err := preview.StandaloneSVG(svg, ind.Title, footer)
				if err != nil {
					return nil, err
				}
				if f, _, err = p.store.Put(key, b); err != nil {
					return nil, err
				}
			}
			out[rel] = f.Path
		}
	}
	return out, nil
}

// chartSVGKey names a standalone chart SVG in the file store by all that
// makes it: the kinerja that made it (self: preview.StandaloneSVG is its
// code), the chart's key (which names its SVG: chart.Drawing.Key), the
// title and the footer. Without self, a random key: the file is made
// again. The parts are gathered in *buf, used again from call to call.
func chartSVGKey(buf *[]byte, self, chart, title string, footer []string) string {
	if self == "" {
		self = rand.Text()
	}
	b := (*buf)[:0]
	part := func(s string) {
		b = strconv.AppendInt(b, int64(len(s)), 10)
		b = append(b, ':')
		b = append(b, s...)
	}
	for _, s := range [...]string{"kinerja standalone chart SVG", self, chart, title} {
		part(s)
	}
	for _, s := range footer {
		part(s)
	}
	*buf = b
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// executable names the running kinerja by its size and modification
// time, "" when it cannot be found.
func executable() string {
	exe, err := os.Executable()
	if err != nil {
		return ""
	}
	fi, err := os.Stat(exe)
	if err != nil {
		return ""
	}
	return fmt.Sprintf("%d %d", fi.Size(), fi.ModTime().UnixNano())
}

// chartSVGs puts every indicator's chart as a standalone SVG into the
// built site dir: the files storeChartSVGs stored, linked; without a file
// store, made from the build's data. It returns how many.
func (p *Prepared) chartSVGs(ctx context.Context, dir string) (int, error) {
	if p.chartSVGFiles != nil {
		for _, rel := range slices.Sorted(maps.Keys(p.chartSVGFiles)) {
			if err := ctx.Err(); err != nil {
				return 0, err
			}
			out := filepath.Join(dir, filepath.FromSlash(rel))
			if os.Link(p.chartSVGFiles[rel], out) == nil {
				continue
			}
			b, err := os.ReadFile(p.chartSVGFiles[rel])
			if err == nil {
				err = os.WriteFile(out, b, 0o644)
			}
			if err != nil {
				return 0, iku.Wrap(err, iku.Invalid, "cannot write the chart image %q", out)
			}
		}
		return len(p.chartSVGFiles), nil
	}
	n := 0
	for _, m := range p.Models {
		for i := range m.Indicators {
			if err := ctx.Err(); err != nil {
				return n, err
			}
			ind := &m.Indicators[i]
			out := chartFile(dir, ind, "svg")
			if out == "-" {
				continue
			}
			name := sitedata.ChartsDir + "/" + m.Lang + "/" + ind.Chart.ID + ".svg"
			svg, ok := p.Data.Held(name)
			if !ok {
				// Not held: written into the build folder (now, if Hugo did
				// not need it).
				if err := p.Data.Write(ctx, p.Dir); err != nil {
					return n, err
				}
				var err error
				if svg, err = os.ReadFile(filepath.Join(p.Dir, filepath.FromSlash(name))); err != nil {
					return n, iku.Wrap(err, iku.Internal, "cannot read the chart of %q", ind.URL)
				}
			}
			b, err := preview.StandaloneSVG(string(svg), ind.Title, p.chartFooter(m.Lang, ind))
			if err != nil {
				return n, err
			}
			if err := p.place(out, b); err != nil {
				return n, iku.Wrap(err, iku.Invalid, "cannot write the chart image %q", out)
			}
			n++
		}
	}
	return n, nil
}

// place puts b at out: through the build's file store when it has one (a
// warm build then writes no byte, and links the stored file), else as a
// file of its own.
func (p *Prepared) place(out string, b []byte) error {
	if p.store != nil {
		f, _, err := p.store.Put("", b)
		if err != nil {
			return err
		}
		if os.Link(f.Path, out) == nil {
			return nil
		}
	}
	return os.WriteFile(out, b, 0o644)
}
