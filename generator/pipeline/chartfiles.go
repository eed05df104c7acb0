package pipeline

import (
	"context"
	"os"
	"path/filepath"
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
	var jobs []preview.Job
	titles, badges := p.cardWords()
	for _, m := range p.Models {
		site, badge := titles[m.Lang], badges[m.Lang]
		for i := range m.Indicators {
			ind := &m.Indicators[i]
			out := chartFile(dir, ind, "png")
			if out == "-" {
				continue
			}
			c := preview.Card{Site: site, Badge: badge, Title: ind.Title, Lines: ind.Card, Chart: indicatorChart(ind), Footer: p.chartFooter(m.Lang, ind)}
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
	for _, f := range ind.Chart.Files {
		if f.Format == format {
			if dir == "" {
				return ""
			}
			return filepath.Join(dir, filepath.FromSlash(f.Path))
		}
	}
	return "-"
}

// chartSVGs writes every indicator's chart as a standalone SVG
// (preview.StandaloneSVG of the SVG its page carries, from the build's
// data) into the built site dir; it returns how many.
func (p *Prepared) chartSVGs(ctx context.Context, dir string) (int, error) {
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
			svg, ok := p.Data[name]
			if !ok {
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
