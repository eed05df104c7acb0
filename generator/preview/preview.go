// Package preview draws the link-preview images of the site's pages (the
// Open Graph and Twitter card that a chat app or social network shows for
// a shared link) as PNG, directly in Go.
//
// A card is described by a Card: plain strings already written in the
// page's language (the site's name, the page's title, one to three lines
// of key figures, a status) and optionally the points of the page's chart.
// Draw turns it into PNG bytes in a few milliseconds with fonts that ship
// in the Go module (fonts.go), so the same Card gives the same bytes on
// every machine; Key names those bytes for a cache, and DrawAll draws many
// cards on every core, from a Cache where it can.
//
// The layout is decided before anything is drawn (layout.go): the header
// band, the title wrapped by measured width to at most two lines (three on
// a portrait card) with "…" when longer, the figure lines, the status
// icon and label, then the chart's legend, plot and labels stacked below,
// each in its own rectangle, none overlapping another, inside a margin of
// 40 px on a 1200 px wide card (in proportion on others). What does not
// fit is cut with "…"; a chart that has no room or no number is left out,
// never drawn over the text.
//
// BenchmarkDraw measures a card, from Card to PNG bytes, on one core
// (go test -run '^$' -bench . -cpu 1 ./generator/preview/); BenchmarkEncode
// compares the ways of encoding it.
//
// Numbers are never written on a card from floating point: a chart's
// values are exact decimal text, parsed only to place pixels, and the axes
// carry no numbers; every number a reader sees comes from the strings the
// caller formatted.
package preview

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"runtime/debug"
	"sync"

	"github.com/tanjungbalai/kinerja/generator/iku"
)

// version is part of every Key: change it whenever a change in this
// package draws different pixels for the same Card, or writes the same
// pixels in other bytes, so that cached images are drawn again.
const version = "preview-4"

// Size is a card's size in pixels.
type Size struct {
	W, H int
}

// The sizes cards are drawn at.
var (
	// OpenGraph is the link preview of Open Graph and Twitter's
	// summary_large_image card (1.91:1).
	OpenGraph = Size{W: 1200, H: 630}
	// Portrait is a social-media post (4:5), such as a release card.
	Portrait = Size{W: 1080, H: 1350}
)

func (s Size) String() string { return fmt.Sprintf("%d×%d", s.W, s.H) }

// Card is what one preview image shows, top to bottom. Every string is
// shown as given (after removing control and bidi-format characters), in
// the page's language; none may contain markup.
type Card struct {
	// Site is the site's title, in the header band.
	Site string
	// Badge is optional text at the right of the header band, such as
	// "Data contoh" on a demo site.
	Badge string
	// Title is the page's title, in bold, wrapped to at most two lines
	// (three on a portrait card) and cut with "…" when longer.
	Title string
	// Lines are up to three lines of key figures, each cut with "…" when
	// longer than the card is wide: the first in large type ("Triwulan III
	// 2026: 55,2 menit"), the others smaller and grey ("Target 60 menit").
	Lines []string
	// Status, when set, is drawn after the last figure line (or on a line
	// of its own when it does not fit there): an icon drawn as a shape,
	// then its label.
	Status *Status
	// Chart, when set and holding at least one number, is drawn below the
	// text in the room left.
	Chart *Chart
	// Counts are rows of a number in bold and the words after it (a
	// release card's headline counts: "56 berkategori …"), below the
	// figure lines, the numbers right-aligned in one column; words longer
	// than a line wrap to a second and are cut with "…" after it.
	Counts []Count `json:",omitempty"`
	// Notes are labelled lines below the counts (a release card's most
	// improved and most declined indicator): the label small and grey,
	// then the text, cut with "…" where needed so that its tail shows.
	Notes []Note `json:",omitempty"`
	// Footer is up to two lines in small grey type at the bottom (a
	// chart image's source, publisher and licence), each cut with "…"
	// when longer than the card is wide; the chart stays above them.
	Footer []string `json:",omitempty"`
}

// Status is a status's key and its label in the page's language. The key
// is the one the site's badges use (themes/kinerja/layouts/_partials/status/info.html):
// a status of generator/iku (met, met_so_far, not_met, in_progress,
// not_reported, no_target, incomplete), or the category (sangat_baik,
// baik, cukup, kurang, sangat_kurang) where the status is "category". It
// chooses the icon and its colour; another key gets a plain dot.
type Status struct {
	Key   string
	Label string
}

// Count is one row of counts: a number already formatted ("56") and
// the words that follow it.
type Count struct {
	Num, Text string
}

// Note is a labelled line: Label ("Paling membaik") over Text (an
// indicator's name), followed by Tail ("(+14,38 poin)"), which is never
// cut.
type Note struct {
	Label, Text, Tail string
}

// Kind is the kind of a chart.
type Kind string

const (
	// Line draws each series as a line over the categories (an
	// indicator's actual against its target, quarter by quarter).
	Line Kind = "line"
	// Bar draws the first series as horizontal bars, one per category,
	// top to bottom, each named at its left (an agency's indicators'
	// achievements, a ranking).
	Bar Kind = "bar"
)

// Style is how a line series is drawn; it matches the page's own chart.
type Style string

const (
	Actual     Style = "actual"      // solid blue line with round markers
	Target     Style = "target"      // dashed vermilion steps: a target holds for its whole period
	TargetLow  Style = "target_low"  // a range target's lower bound: dashed steps, shading up to TargetHigh
	TargetHigh Style = "target_high" // a range target's upper bound
)

// Chart is the data of a card's chart. It has no axis numbers: the figure
// lines carry the numbers a reader needs, written by the caller.
type Chart struct {
	Kind Kind
	// Labels are the categories: the periods of a line chart ("TW III
	// 2026"), oldest first; the rows of a bar chart, top first.
	Labels []string
	// Series hold one value per label. A bar chart draws the first.
	Series []Series
	// Ref, when set, is a dashed reference line (100 % on an achievement
	// chart), named in the legend.
	Ref *Ref
}

// Series is one named series of a chart.
type Series struct {
	Name  string // in the legend; "" leaves it out of the legend
	Style Style  // for a line chart; "" is Actual
	// Values are exact decimal text, one per label, as iku.Decimal.String
	// writes it ("55.2"); "" is a value not reported: a gap, never 0.
	Values []string
}

// Ref is a reference line at Value, named Label in the legend.
type Ref struct {
	Value string // exact decimal text
	Label string
}

// Draw returns the PNG of card c at size s. It fails only on a card it
// cannot draw (a value that is not a decimal, series and labels of
// different lengths, a size out of range): a mistake of the caller,
// classified iku.Internal. The same card and size give the same bytes.
func Draw(c Card, s Size) ([]byte, error) {
	l, err := plan(c, s)
	if err != nil {
		return nil, err
	}
	img := l.paint()
	defer images.Put(img)
	var buf bytes.Buffer
	buf.Grow(64 << 10)
	if err := encode(&buf, img); err != nil {
		return nil, iku.Wrap(err, iku.Internal, "cannot encode the preview image of %q as PNG", c.Title)
	}
	return buf.Bytes(), nil
}

// Key is the content hash of card c at size s (SHA-256 of a canonical
// encoding, with this package's drawing version and the version of
// golang.org/x/image, whose fonts and rasteriser draw it): the name of its
// PNG in a Cache.
func Key(c Card, s Size) string {
	b, _ := json.Marshal(struct { // structs of strings: never fails, fields in order
		V    string
		Size Size
		Card Card
	}{drawing(), s, c})
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

// drawing names what draws a card: version, and the module that holds the
// fonts and the rasteriser, as built into this program.
var drawing = sync.OnceValue(func() string {
	v := version
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, d := range bi.Deps {
			if d.Path == "golang.org/x/image" {
				v += " x/image " + d.Version
			}
		}
	}
	return v
})
