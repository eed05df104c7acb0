package sitedata

import (
	"bytes"
	"compress/flate"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sync"

	"github.com/tanjungbalai/kinerja/generator/display"
	"github.com/tanjungbalai/kinerja/generator/iku"
)

// Chart is a rendered chart: the option JSON for later enhancement and the
// checked SVG the page carries inline.
type Chart struct {
	ID     string
	Lang   string // the language its words are in: written to assets/charts/<lang>/
	Option json.RawMessage
	// SVG is the drawing, or "" when a large site left it in File.
	SVG string
	// Key names the SVG by all that makes it (chart.Drawing.Key).
	Key string
	// File is the chart cache's file that holds the SVG when SVG is not
	// held (DrawCharts with spill).
	File string
	// packed is Option compressed (flate), when DrawCharts with spill
	// left Option nil: a quarter of its size.
	packed []byte
}

// OptionJSON is the chart's ECharts option, held or unpacked.
func (c *Chart) OptionJSON() (json.RawMessage, error) {
	if c.packed == nil {
		return c.Option, nil
	}
	r, _ := unpackers.Get().(io.ReadCloser)
	if r == nil {
		r = flate.NewReader(bytes.NewReader(c.packed))
	} else if err := r.(flate.Resetter).Reset(bytes.NewReader(c.packed), nil); err != nil {
		return nil, err
	}
	defer unpackers.Put(r)
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, iku.Wrap(err, iku.Internal, "the option of the chart %s cannot be unpacked", c.ID)
	}
	return b, nil
}

// packers and unpackers are flate's writers and readers, used again: a
// new writer is 600 KB, and a large site packs 100,000 options.
var packers, unpackers sync.Pool

// pack compresses the option, which OptionJSON gives back.
func (c *Chart) pack() error {
	var buf bytes.Buffer
	w, _ := packers.Get().(*flate.Writer)
	if w == nil {
		var err error
		if w, err = flate.NewWriter(&buf, flate.BestSpeed); err != nil {
			return err
		}
	} else {
		w.Reset(&buf)
	}
	defer packers.Put(w)
	if _, err := w.Write(c.Option); err != nil {
		return err
	}
	if err := w.Close(); err != nil {
		return err
	}
	c.packed, c.Option = buf.Bytes(), nil
	return nil
}

// Drawing is the chart's SVG: held, or read from its cache file.
func (c *Chart) Drawing() (string, error) {
	if c.SVG != "" || c.File == "" {
		return c.SVG, nil
	}
	b, err := os.ReadFile(c.File)
	if err != nil {
		return "", iku.Wrap(err, iku.Unavailable, "cannot read the chart %s back from the chart cache: was .cache/charts removed during the build? Build again", c.ID)
	}
	return string(b), nil
}

// ChartsDir is where the charts go in the build folder that Hugo mounts
// as its assets: <lang>/<id>.svg and <lang>/<id>.json.
const ChartsDir = "assets/charts"

// Pages is what Hugo builds the site from: the display model of every
// language (the layouts print its records and decide nothing) and the
// drawn charts.
type Pages struct {
	Models []*display.Model // one per language, the default first
	Charts []Chart          // every language's
	// Sharded leaves the list of indicator pages to make out of the
	// shared data: each shard of a large site names its own (ShardFiles).
	Sharded bool
}

// The data files of one language, under data/kinerja/<lang>/: site.json
// (what every page shares, the home page and the lists), indicators.json
// (the indicator pages to make: title and summary by slug; each page's
// record is assets/iku/<lang>/<slug>.json), agencies.json, sectors.json, comparisons.json and releases.json (maps by
// slug or key), lists.json (every indicator's row in lists, by slug) and,
// in a preview, check.json. data/kinerja/meta.json says which languages
// there are and whether the data is fictitious.
type meta struct {
	Demo      bool     `json:"demo"`
	Languages []string `json:"languages"`
}

// page is an indicator page to make: the content adapters read these.
type page struct {
	Title   string `json:"title"`
	Summary string `json:"summary"`
}

// IndicatorAsset is the path of an indicator's record in the build
// folder: Hugo's assets/iku/<lang>/<slug>.json.
func IndicatorAsset(lang, slug string) string {
	return "assets/iku/" + lang + "/" + slug + ".json"
}

// UnitAsset is the path of a service unit's record in the build folder:
// Hugo's assets/unit/<lang>/<slug>.json.
func UnitAsset(lang, slug string) string {
	return "assets/unit/" + lang + "/" + slug + ".json"
}

// ShardFiles are the files of one shard of a large site: the indicator
// pages it makes (slugs), in every language.
func ShardFiles(models []*display.Model, slugs []string) (map[string][]byte, error) {
	files := map[string][]byte{}
	for _, m := range models {
		pages := make(map[string]page, len(slugs))
		for _, s := range slugs {
			if ind := m.Indicator(s); ind != nil {
				pages[s] = page{Title: ind.Title, Summary: ind.Summary}
			}
		}
		b, err := json.Marshal(pages)
		if err != nil {
			return nil, err
		}
		files["data/kinerja/"+m.Lang+"/indicators.json"] = append(b, '\n')
	}
	return files, nil
}

// PageFiles returns every file of the build folder's data, by slash path. It is
// pure, so that tests can compare two builds' data.
func PageFiles(p Pages) (map[string][]byte, error) {
	files := map[string][]byte{}
	err := EmitPageFiles(p, func(name string, b []byte) error {
		files[name] = bytes.Clone(b)
		return nil
	})
	return files, err
}

// EmitPageFiles hands every file of PageFiles to emit, one at a time and
// in no set order, so that a large site's data need not be in memory all
// at once: emit may write it, or hash it, and forget it. b is valid only
// until emit returns (its buffer is used again for the next file, so that
// a site's hundreds of MB of data are not as many allocations).
func EmitPageFiles(p Pages, emit func(name string, b []byte) error) error {
	e := NewEmitter(emit)
	var langs []string
	demo := false
	for _, m := range p.Models {
		langs = append(langs, m.Lang)
		demo = demo || m.Site.Demo
		if err := e.Language(m, p.Sharded); err != nil {
			return err
		}
	}
	if err := e.Meta(langs, demo); err != nil {
		return err
	}
	return e.Charts(p.Charts)
}

// An Emitter hands a site's data files to its emit one at a time, from
// one buffer (EmitPageFiles): a large site's are made a language at a
// time (Language, with that language's Charts), then Meta, so that only
// one language's display model is held at once.
type Emitter struct {
	buf  bytes.Buffer
	enc  *json.Encoder
	emit func(name string, b []byte) error
}

// NewEmitter is an Emitter handing its files to emit.
func NewEmitter(emit func(name string, b []byte) error) *Emitter {
	e := &Emitter{emit: emit}
	e.enc = json.NewEncoder(&e.buf)
	return e
}

func (e *Emitter) put(name string, v any) error {
	e.buf.Reset()
	if err := e.enc.Encode(v); err != nil {
		return fmt.Errorf("encode %s: %w", name, err)
	}
	return e.emit(name, e.buf.Bytes())
}

// Meta emits data/kinerja/meta.json: the site's languages, the default
// first, and whether its data is fictitious.
func (e *Emitter) Meta(langs []string, demo bool) error {
	return e.put("data/kinerja/meta.json", meta{Demo: demo, Languages: langs})
}

// Language emits the files of m's language, under data/kinerja/<lang>/
// and assets/; sharded leaves out the list of indicator pages to make
// (Pages.Sharded).
func (e *Emitter) Language(m *display.Model, sharded bool) error {
	put := e.put
	dir := "data/kinerja/" + m.Lang + "/"
	if err := put(dir+"site.json", m.Site); err != nil {
		return err
	}
	// Each indicator's record is its own file, which only its pages
	// (the indicator and its embed) read, when they render: the data
	// every page shares stays small, and Hugo can drop a record from
	// memory once its pages are written. pages.json lists the pages to
	// make (a shard's, when Only is set).
	pages := make(map[string]page, len(m.Indicators))
	lists := make(map[string]*display.ListRow, len(m.Indicators))
	for i := range m.Indicators {
		ind := &m.Indicators[i]
		lists[ind.Slug] = &ind.List
		pages[ind.Slug] = page{Title: ind.Title, Summary: ind.Summary}
		if err := put(IndicatorAsset(m.Lang, ind.Slug), ind); err != nil {
			return err
		}
	}
	agencies := byKey(m.Agencies, func(a *display.Agency) string { return a.Slug })
	sectors := byKey(m.Sectors, func(s *display.Sector) string { return s.Slug })
	comparisons := byKey(m.Comparisons, func(c *display.Comparison) string { return c.Slug })
	releases := byKey(m.Releases, func(r *display.Release) string { return r.Key })
	// Service units: each unit's record is its own asset, like an
	// indicator's; units.json lists the pages to make, unit_kinds.json
	// holds the kinds' comparisons by kind.
	units := make(map[string]page, len(m.Units))
	for i := range m.Units {
		u := &m.Units[i]
		units[u.Slug] = page{Title: u.Title, Summary: u.Summary}
		if err := put(UnitAsset(m.Lang, u.Slug), u); err != nil {
			return err
		}
	}
	kinds := byKey(m.UnitKinds, func(k *display.UnitKind) string { return k.Kind })
	shared := map[string]any{"lists": lists, "agencies": agencies, "sectors": sectors, "comparisons": comparisons, "releases": releases,
		"units": units, "unit_kinds": kinds}
	if !sharded {
		shared["indicators"] = pages
	}
	for name, v := range shared {
		if err := put(dir+name+".json", v); err != nil {
			return err
		}
	}
	if m.Check != nil {
		if err := put(dir+"check.json", m.Check); err != nil {
			return err
		}
	}
	return nil
}

// byKey maps each record of records by its key.
func byKey[T any](records []T, key func(*T) string) map[string]*T {
	out := make(map[string]*T, len(records))
	for i := range records {
		out[key(&records[i])] = &records[i]
	}
	return out
}

// Charts emits the charts' files, under assets/charts/<lang>/: each
// chart's SVG, and its option escaped for the page.
func (e *Emitter) Charts(charts []Chart) error {
	buf := &e.buf
	for i := range charts {
		c := &charts[i]
		d := ChartsDir + "/" + c.Lang + "/"
		svg, err := c.Drawing()
		if err != nil {
			return err
		}
		buf.Reset()
		buf.WriteString(svg)
		if err := e.emit(d+c.ID+".svg", buf.Bytes()); err != nil {
			return err
		}
		// The option goes into the page as it is, inside <script
		// type="application/json">: escaped here, once, for that place
		// (json.HTMLEscape: no "<", ">", "&", U+2028 or U+2029 left, so no
		// text of the data can end the script element), so that Hugo
		// prints it without parsing and encoding it again on every page.
		option, err := c.OptionJSON()
		if err != nil {
			return err
		}
		buf.Reset()
		json.HTMLEscape(buf, option)
		if err := e.emit(d+c.ID+".json", buf.Bytes()); err != nil {
			return err
		}
	}
	return nil
}
