package preview

import (
	"image"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
	"golang.org/x/text/unicode/norm"
)

// The cards are set in Go Regular and Go Bold (golang.org/x/image/font/gofont,
// BSD licence), which ship inside the Go module: no font is read from the
// system, so a card is the same bytes on every machine. They cover Latin with
// its diacritics and the punctuation the site writes ("–", "·", "…", "×",
// "≤"); the status icons are shapes (icons.go), not glyphs.
var fonts struct {
	once          sync.Once
	regular, bold *opentype.Font
	err           error
}

func loadFonts() error {
	fonts.once.Do(func() {
		if fonts.regular, fonts.err = opentype.Parse(goregular.TTF); fonts.err != nil {
			return
		}
		fonts.bold, fonts.err = opentype.Parse(gobold.TTF)
	})
	return fonts.err
}

type faceKey struct {
	bold bool
	px   int
}

// faces holds one *face per font and pixel size for the whole process.
var faces sync.Map // faceKey → *face

// faceFor returns the shared face of the given weight and pixel size.
// loadFonts must have succeeded.
func faceFor(bold bool, px int) *face {
	k := faceKey{bold, px}
	if f, ok := faces.Load(k); ok {
		return f.(*face)
	}
	src := fonts.regular
	if bold {
		src = fonts.bold
	}
	// NewFace fails only for options it does not take; these are fixed.
	of, _ := opentype.NewFace(src, &opentype.FaceOptions{Size: float64(px), DPI: 72, Hinting: font.HintingNone})
	f := &face{size: px, of: of, metrics: of.Metrics(), glyphs: map[glyphKey]glyph{}, advances: map[rune]fixed.Int26_6{}, bounds: map[rune]bounds{}, kerns: map[[2]rune]fixed.Int26_6{}}
	actual, _ := faces.LoadOrStore(k, f)
	return actual.(*face)
}

// maxCached bounds each face's glyph cache, so that hostile text in every
// script cannot grow it without end; glyphs past it are drawn uncached.
const maxCached = 4096

type glyphKey struct {
	r      rune
	fx, fy fixed.Int26_6 // the dot's sub-pixel position, quantised
}

type glyph struct {
	dr      image.Rectangle // relative to the dot's whole pixel
	mask    *image.Alpha
	advance fixed.Int26_6
	ok      bool
}

// face is a font.Face that many goroutines share: it rasterises each glyph
// once per quarter-pixel position and keeps the mask (read-only once
// made), its advance and its kerning. An opentype face is not safe for
// concurrent use, so mu guards it.
type face struct {
	size     int // pixels
	mu       sync.Mutex
	of       font.Face
	metrics  font.Metrics
	glyphs   map[glyphKey]glyph
	advances map[rune]fixed.Int26_6
	kerns    map[[2]rune]fixed.Int26_6
	bounds   map[rune]bounds
}

var _ font.Face = (*face)(nil)

func (f *face) Close() error          { return nil }
func (f *face) Metrics() font.Metrics { return f.metrics }

func (f *face) Kern(r0, r1 rune) fixed.Int26_6 {
	f.mu.Lock()
	defer f.mu.Unlock()
	k, ok := f.kerns[[2]rune{r0, r1}]
	if !ok {
		k = f.of.Kern(r0, r1)
		if len(f.kerns) < maxCached*4 {
			f.kerns[[2]rune{r0, r1}] = k
		}
	}
	return k
}

func (f *face) GlyphAdvance(r rune) (fixed.Int26_6, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	a, ok := f.advances[r]
	if !ok {
		a, _ = f.of.GlyphAdvance(r)
		if len(f.advances) < maxCached {
			f.advances[r] = a
		}
	}
	return a, true
}

func (f *face) GlyphBounds(r rune) (fixed.Rectangle26_6, fixed.Int26_6, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	b, ok := f.bounds[r]
	if !ok {
		b.r, b.advance, b.ok = f.of.GlyphBounds(r)
		if len(f.bounds) < maxCached {
			f.bounds[r] = b
		}
	}
	return b.r, b.advance, b.ok
}

type bounds struct {
	r       fixed.Rectangle26_6
	advance fixed.Int26_6
	ok      bool
}

// Glyph draws at the dot rounded to a quarter pixel across and a whole
// pixel down (baselines are whole pixels), so a glyph has at most four
// masks.
func (f *face) Glyph(dot fixed.Point26_6, r rune) (image.Rectangle, image.Image, image.Point, fixed.Int26_6, bool) {
	k := glyphKey{r: r, fx: (dot.X & 63) &^ 15, fy: dot.Y & 63}
	f.mu.Lock()
	g, hit := f.glyphs[k]
	if !hit {
		dr, mask, maskp, adv, ok := f.of.Glyph(fixed.Point26_6{X: k.fx, Y: k.fy}, r)
		g = glyph{dr: dr, advance: adv, ok: ok}
		if !dr.Empty() {
			// The opentype face reuses its mask: copy it.
			a := image.NewAlpha(image.Rect(0, 0, dr.Dx(), dr.Dy()))
			src := mask.(*image.Alpha)
			for y := 0; y < dr.Dy(); y++ {
				o := src.PixOffset(maskp.X, maskp.Y+y)
				copy(a.Pix[y*a.Stride:(y+1)*a.Stride], src.Pix[o:o+dr.Dx()])
			}
			for i, v := range a.Pix {
				a.Pix[i] = quantum[v]
			}
			g.mask = a
		}
		if len(f.glyphs) < maxCached {
			f.glyphs[k] = g
		}
	}
	f.mu.Unlock()
	if g.mask == nil {
		return image.Rectangle{}, nil, image.Point{}, g.advance, g.ok
	}
	return g.dr.Add(image.Pt(dot.X.Floor(), dot.Y.Floor())), g.mask, image.Point{}, g.advance, g.ok
}

// quantum rounds a glyph's coverage to one of 32 levels: the eye does
// not tell them apart at a glyph's edge, and a card then has few enough
// colours for a palette of 256 (encode.go).
var quantum = func() (q [256]uint8) {
	for v := range q {
		q[v] = uint8((v + 4) / 8 * 255 / 32)
		if v >= 252 {
			q[v] = 255
		}
	}
	return q
}()

// maxRunes bounds the text of one field: a card shows far less, and the
// bound keeps hostile input from costing time.
const maxRunes = 1000

// clean makes text safe to lay out in one direction with no shaping: it
// composes diacritics (NFC), drops control and format characters (bidi
// marks and overrides, zero-width joiners, soft hyphens), combining marks
// left over and invalid UTF-8, turns every run of white space into one
// space, and trims. A character the fonts lack is drawn as the font's
// empty box, the same width when measured and drawn.
func clean(s string) string {
	if len(s) > maxRunes*4 {
		s = s[:maxRunes*4]
	}
	s = norm.NFC.String(s)
	b := make([]byte, 0, len(s))
	space, n := false, 0
	for i := 0; i < len(s) && n < maxRunes; {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == utf8.RuneError && size == 1:
			continue
		case unicode.IsSpace(r):
			space = true
			continue
		case unicode.IsControl(r), unicode.In(r, unicode.Cf, unicode.Mn, unicode.Me, unicode.Co, unicode.Cs, unicode.Zl, unicode.Zp):
			continue
		}
		if space && len(b) > 0 {
			b = append(b, ' ')
			n++
		}
		space = false
		b = utf8.AppendRune(b, r)
		n++
	}
	return string(b)
}
