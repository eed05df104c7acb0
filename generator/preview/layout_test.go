package preview

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"strings"
	"testing"

	"golang.org/x/image/font/sfnt"

	"github.com/tanjungbalai/kinerja/generator/iku"
)

// decode reads a PNG that Draw made.
func decode(t *testing.T, b []byte) image.Image {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("Draw made a PNG that does not decode: %v", err)
	}
	return img
}

// inked lists up to max pixels of r that are not white.
func inked(img image.Image, r image.Rectangle, max int) []image.Point {
	var out []image.Point
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if c := color.RGBAModel.Convert(img.At(x, y)).(color.RGBA); c != white {
				out = append(out, image.Pt(x, y))
				if len(out) == max {
					return out
				}
			}
		}
	}
	return out
}

// checkMargins fails when anything is drawn in the 40 px margins of a
// card of size s, below the header band.
func checkMargins(t *testing.T, png []byte, s Size) {
	t.Helper()
	img := decode(t, png)
	m := metricsFor(s)
	for name, r := range map[string]image.Rectangle{
		"right":  image.Rect(s.W-m.margin, m.band, s.W, s.H),
		"left":   image.Rect(0, m.band, m.margin, s.H),
		"bottom": image.Rect(0, s.H-m.margin, s.W, s.H),
	} {
		if p := inked(img, r, 5); len(p) > 0 {
			t.Errorf("%s: pixels drawn in the %s margin %v, at %v", s, name, r, p)
		}
	}
}

// checkBoxes fails when two rectangles of a layout overlap or one leaves
// the margins (the header band's texts stay in the band).
func checkBoxes(t *testing.T, l *layout) {
	t.Helper()
	m := l.m
	inside := image.Rect(m.margin, m.band, l.size.W-m.margin, l.size.H-m.margin)
	band := image.Rect(m.margin, 0, l.size.W-m.margin, m.band)
	boxes := l.boxes()
	for i, a := range boxes {
		within := inside
		if a.role == "site" || a.role == "badge" {
			within = band
		}
		if !a.r.In(within) {
			t.Errorf("%s: the %s box %v leaves %v", l.size, a.role, a.r, within)
		}
		for _, b := range boxes[i+1:] {
			if a.r.Overlaps(b.r) {
				t.Errorf("%s: the %s box %v overlaps the %s box %v", l.size, a.role, a.r, b.role, b.r)
			}
		}
	}
}

// checkInk fails when a pixel below the header band is drawn outside
// every box of layout l: checkBoxes keeps the boxes apart, this keeps what
// is drawn inside them, so that no text, icon or legend sample touches
// another at the pixel level.
func checkInk(t *testing.T, l *layout) {
	t.Helper()
	img := l.paint()
	defer images.Put(img)
	boxes := l.boxes()
	for y := l.m.band; y < l.size.H; y++ {
		for x := 0; x < l.size.W; x++ {
			o := img.PixOffset(x, y)
			if img.Pix[o] == 0xff && img.Pix[o+1] == 0xff && img.Pix[o+2] == 0xff {
				continue
			}
			p := image.Pt(x, y)
			in := false
			for _, b := range boxes {
				if p.In(b.r) {
					in = true
					break
				}
			}
			if !in {
				near := ""
				for _, b := range boxes {
					if p.In(b.r.Inset(-4)) {
						near += " " + b.role + " " + b.r.String()
					}
				}
				t.Errorf("%s: a pixel drawn at %v outside every box (next to:%s)", l.size, p, near)
				return
			}
		}
	}
}

func has(l *layout, role string) int {
	n := 0
	for _, b := range l.boxes() {
		if b.role == role {
			n++
		}
	}
	return n
}

func longTitle(n int) string {
	words := strings.Fields("Persentase penduduk usia lima belas tahun ke atas yang menamatkan pendidikan menengah atas atau sederajat di kecamatan")
	var b strings.Builder
	for i := 0; b.Len() < n; i++ {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(words[i%len(words)])
	}
	return b.String()[:n]
}

// A long title is wrapped, cut with "…" and never drawn into the right
// margin ("a long title touches the edge").
func TestLongTitleStaysInsideTheMargin(t *testing.T) {
	for _, title := range []string{
		longTitle(300),
		strings.Repeat("W", 300), // one word wider than the card
		"Rata-rata waktu tunggu " + strings.Repeat("M", 120) + " di puskesmas",
	} {
		for _, s := range []Size{OpenGraph, Portrait} {
			for _, c := range []Card{indicatorCard(), agencyCard()} {
				c.Title = title
				png, err := Draw(c, s)
				if err != nil {
					t.Fatal(err)
				}
				checkMargins(t, png, s)
				l, _ := plan(c, s)
				checkBoxes(t, l)
				checkInk(t, l)
				if n := has(l, "title"); n != metricsFor(s).titleLines {
					t.Errorf("%s: a title of %d characters takes %d lines; want %d", s, len(title), n, metricsFor(s).titleLines)
				}
				last := ""
				for _, x := range l.texts {
					if x.role == "title" {
						last = x.s
					}
				}
				if !strings.HasSuffix(last, "…") {
					t.Errorf("%s: the title's last line %q does not end with …", s, last)
				}
			}
		}
	}
}

// The legend sits between the figure lines and the plot, clear of both
// ("the legend overlaps its text"), whatever the text's length.
func TestLegendClearOfTextAndPlot(t *testing.T) {
	for _, tc := range []struct {
		name string
		edit func(*Card)
	}{
		{"as drawn", func(*Card) {}},
		{"one-line title", func(c *Card) { c.Title = "Waktu tunggu" }},
		{"no title", func(c *Card) { c.Title = "" }},
		{"no lines", func(c *Card) { c.Lines = nil; c.Status = nil }},
		{"three lines", func(c *Card) { c.Lines = append(c.Lines, "Naik 1,2 menit dibanding TW II 2026") }},
		{"status on its own line", func(c *Card) { c.Lines[1] = longTitle(200) }},
		{"long legend", func(c *Card) {
			c.Chart.Series[0].Name = longTitle(80)
			c.Chart.Series[1].Name = longTitle(120)
		}},
		{"range target", func(c *Card) {
			s := c.Chart.Series
			low := Series{Name: "Batas bawah target", Style: TargetLow, Values: s[1].Values}
			high := Series{Name: "Batas atas target", Style: TargetHigh, Values: make([]string, len(s[1].Values))}
			for i, v := range s[1].Values {
				high.Values[i] = v + "5"
			}
			c.Chart.Series = []Series{s[0], low, high}
		}},
	} {
		for _, s := range []Size{OpenGraph, Portrait} {
			c := indicatorCard()
			tc.edit(&c)
			l, err := plan(c, s)
			if err != nil {
				t.Fatal(err)
			}
			if has(l, "legend") == 0 || has(l, "plot") == 0 {
				t.Errorf("%s, %s: no legend or no plot: %v", tc.name, s, l.boxes())
			}
			checkBoxes(t, l)
			checkInk(t, l)
			png, err := Draw(c, s)
			if err != nil {
				t.Fatal(err)
			}
			checkMargins(t, png, s)
		}
	}
}

// A series with no number is not in the legend.
func TestLegendLeavesOutEmptySeries(t *testing.T) {
	c := indicatorCard()
	c.Chart.Series[1].Values = make([]string, len(c.Chart.Labels))
	l, err := plan(c, OpenGraph)
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range l.texts {
		if x.role == "legend" && x.s == "Target" {
			t.Errorf("the legend names %q, a series with no number", x.s)
		}
	}
	if n := has(l, "legend"); n != 1 {
		t.Errorf("the legend has %d names; want 1 (Realisasi)", n)
	}
}

// A chart with no number, or no room, draws no plot and no legend: the
// text is the card.
func TestChartWithoutDataOrRoom(t *testing.T) {
	empty := indicatorCard()
	for i := range empty.Chart.Series {
		empty.Chart.Series[i].Values = make([]string, len(empty.Chart.Labels))
	}
	noLabels := agencyCard()
	noLabels.Chart = &Chart{Kind: Bar}
	crowded := indicatorCard()
	crowded.Lines = append(crowded.Lines, "Naik 1,2 menit")
	crowded.Lines[1] = longTitle(200) // the status goes on a line of its own
	crowded.Chart.Series[0].Name = longTitle(900)
	for name, c := range map[string]Card{"no numbers": empty, "no categories": noLabels} {
		l, err := plan(c, OpenGraph)
		if err != nil {
			t.Fatal(err)
		}
		if n := has(l, "plot") + has(l, "legend") + has(l, "swatch"); n != 0 {
			t.Errorf("%s: the card has a plot or legend: %v", name, l.boxes())
		}
		png, err := Draw(c, OpenGraph)
		if err != nil {
			t.Fatal(err)
		}
		below := image.Rect(0, l.texts[len(l.texts)-1].box.Max.Y+1, OpenGraph.W, OpenGraph.H)
		if p := inked(decode(t, png), below, 5); len(p) > 0 {
			t.Errorf("%s: pixels drawn below the text at %v", name, p)
		}
	}
	l, err := plan(crowded, OpenGraph)
	if err != nil {
		t.Fatal(err)
	}
	checkBoxes(t, l)
}

// Hostile text (very long words, bidi overrides, control characters,
// combining marks, characters the fonts lack, invalid UTF-8) is drawn
// inside its boxes without a crash.
func TestHostileText(t *testing.T) {
	hostile := []string{
		strings.Repeat("x", 100000),
		"\u202Eabc\u202C \u200F\u200E\u2066isolate\u2069 العربية עברית",
		"a\x00b\x1b[31mred\x1b[0m\r\n\ttab\u0085\u2028line\u2029\ufeff",
		"Z̸̡̛̗a̶̧̛l̵̨g̷̢o̴ " + strings.Repeat("\u0301", 5000),
		"emoji 😀🇮🇩 中文 ★✓✗ \U0010FFFF \uFFFD",
		"bad \xff\xfe utf-8 \xc3",
		strings.Repeat("</text><script>alert(1)</script> ", 50),
		"",
		" ",
	}
	for i, h := range hostile {
		for _, base := range []Card{indicatorCard(), agencyCard()} {
			c := base
			c.Site, c.Badge, c.Title = h, h, h
			c.Lines = []string{h, h, h}
			c.Status = &Status{Key: h, Label: h}
			ch := *base.Chart
			ch.Labels = append([]string(nil), ch.Labels...)
			for j := range ch.Labels {
				ch.Labels[j] = h
			}
			ch.Series = append([]Series(nil), ch.Series...)
			for j := range ch.Series {
				ch.Series[j].Name = h
			}
			if ch.Ref != nil {
				ch.Ref = &Ref{Value: ch.Ref.Value, Label: h}
			}
			c.Chart = &ch
			for _, s := range []Size{OpenGraph, Portrait} {
				png, err := Draw(c, s)
				if err != nil {
					t.Fatalf("hostile text %d: %v", i, err)
				}
				checkMargins(t, png, s)
				l, _ := plan(c, s)
				checkBoxes(t, l)
			}
		}
	}
}

func TestClean(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Dinas Kesehatan", "Dinas Kesehatan"},
		{"  a\tb\n\n c  ", "a b c"},
		{"a\u202Eb\u202Cc", "abc"},
		{"e\u0301", "é"},
		{"a\x00b\x1bc", "abc"},
		{"bad\xffbyte", "badbyte"},
		{"x\u00a0y", "x y"},
		{"zero\u200bwidth\u00adsoft", "zerowidthsoft"},
		{"TW III 2026 · ≤ 60 menit…", "TW III 2026 · ≤ 60 menit…"},
	} {
		if got := clean(tc.in); got != tc.want {
			t.Errorf("clean(%q) = %q; want %q", tc.in, got, tc.want)
		}
	}
	if n := len([]rune(clean(strings.Repeat("ab ", 10000)))); n > maxRunes {
		t.Errorf("clean kept %d characters of a long text; want at most %d", n, maxRunes)
	}
}

func TestWrap(t *testing.T) {
	if err := loadFonts(); err != nil {
		t.Fatal(err)
	}
	f := faceFor(true, 40)
	for _, tc := range []struct {
		in    string
		w     int
		max   int
		lines int
		cut   bool
	}{
		{"Dinas Kesehatan", 1120, 2, 1, false},
		{longTitle(60), 1120, 2, 2, false},
		{longTitle(300), 1120, 2, 2, true},
		{strings.Repeat("W", 300), 1120, 2, 2, true},
		{strings.Repeat("W", 10), 100, 3, 3, true}, // two letters a line
		{"a b", 1120, 0, 0, false},
		{"", 1120, 2, 0, false},
	} {
		got := wrap(f, tc.in, tc.w, tc.max)
		if len(got) != tc.lines {
			t.Errorf("wrap(%.20q, %d, %d) = %d lines %q; want %d", tc.in, tc.w, tc.max, len(got), got, tc.lines)
			continue
		}
		for _, l := range got {
			if w := width(f, l); w > tc.w && len([]rune(l)) > 1 {
				t.Errorf("wrap(%.20q): line %q is %d px; want at most %d", tc.in, l, w, tc.w)
			}
		}
		if len(got) > 0 && strings.HasSuffix(got[len(got)-1], "…") != tc.cut {
			t.Errorf("wrap(%.20q) = %q; want a cut (…) %v", tc.in, got, tc.cut)
		}
		if !tc.cut && tc.max > 0 && strings.Join(got, " ") != tc.in {
			t.Errorf("wrap(%.20q) = %q lost text", tc.in, got)
		}
	}
}

// The fonts have every character the site writes in Indonesian and
// English.
func TestGlyphs(t *testing.T) {
	if err := loadFonts(); err != nil {
		t.Fatal(err)
	}
	const need = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789" +
		" .,:;!?%()[]/+-'\"&@#*" + "–—·…×≤≥±÷−°‰€“”‘’«»" +
		"ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝàáâãäåçèéêëìíîïñòóôõöùúûüýÿ"
	for name, f := range map[string]*sfnt.Font{"Go Regular": fonts.regular, "Go Bold": fonts.bold} {
		var buf sfnt.Buffer
		for _, r := range need {
			if x, err := f.GlyphIndex(&buf, r); err != nil || x == 0 {
				t.Errorf("%s has no glyph for %q (U+%04X)", name, r, r)
			}
		}
	}
}

// Every status has an icon of its own (drawn as shapes), in its colour.
func TestStatusIcons(t *testing.T) {
	keys := []string{"sangat_baik", "baik", "cukup", "kurang", "sangat_kurang", "met", "not_met",
		"in_progress", "not_reported", "no_target", "incomplete", "something_else"}
	seen := map[string]string{}
	for _, k := range keys {
		c := Card{Site: "Portal", Title: "Indikator", Lines: []string{"Triwulan III 2026: 55,2 menit", "Target 60 menit"},
			Status: &Status{Key: k, Label: "Label"}}
		l, err := plan(c, OpenGraph)
		if err != nil {
			t.Fatal(err)
		}
		checkInk(t, l) // the icon stays in its box, clear of its label
		png, err := Draw(c, OpenGraph)
		if err != nil {
			t.Fatal(err)
		}
		img := decode(t, png)
		var sig strings.Builder
		found := false
		for y := l.iconAt.Min.Y; y < l.iconAt.Max.Y; y++ {
			for x := l.iconAt.Min.X; x < l.iconAt.Max.X; x++ {
				c := color.RGBAModel.Convert(img.At(x, y)).(color.RGBA)
				found = found || c == statusColor(k)
				ink := (int(c.R)+int(c.G)+int(c.B))/3 < 192
				fmt.Fprintf(&sig, "%t,", ink)
			}
		}
		if !found {
			t.Errorf("the icon of %q has no pixel of its colour %v", k, statusColor(k))
		}
		if other, dup := seen[sig.String()]; dup && !(k == "not_met" && other == "sangat_kurang") {
			t.Errorf("the icons of %q and %q look the same", k, other)
		}
		seen[sig.String()] = k
	}
}

func TestInvalidCards(t *testing.T) {
	bad := func(edit func(*Card)) Card {
		c := indicatorCard()
		edit(&c)
		return c
	}
	for _, tc := range []struct {
		name string
		card Card
		size Size
		want string
	}{
		{"exponent", bad(func(c *Card) { c.Chart.Series[0].Values[3] = "1e5" }), OpenGraph, `"1e5" is not a decimal`},
		{"NaN", bad(func(c *Card) { c.Chart.Series[0].Values[3] = "NaN" }), OpenGraph, `"NaN" is not a decimal`},
		{"comma", bad(func(c *Card) { c.Chart.Series[0].Values[3] = "55,2" }), OpenGraph, `"55,2" is not a decimal`},
		{"trailing dot", bad(func(c *Card) { c.Chart.Series[0].Values[3] = "55." }), OpenGraph, `"55." is not a decimal`},
		{"lengths", bad(func(c *Card) { c.Chart.Series[1].Values = c.Chart.Series[1].Values[1:] }), OpenGraph, `series "Target" has 22 values for 23 labels`},
		{"kind", bad(func(c *Card) { c.Chart.Kind = "pie" }), OpenGraph, `unknown chart kind "pie"`},
		{"style", bad(func(c *Card) { c.Chart.Series[1].Style = "dotted" }), OpenGraph, `unknown style "dotted"`},
		{"ref", bad(func(c *Card) { c.Chart.Ref = &Ref{Value: "seratus"} }), OpenGraph, `"seratus" is not a decimal`},
		{"lines", bad(func(c *Card) { c.Lines = []string{"1", "2", "3", "4"} }), OpenGraph, "has 4 figure lines"},
		{"size", indicatorCard(), Size{W: 12, H: 6300}, "the size must be"},
	} {
		_, err := Draw(tc.card, tc.size)
		if err == nil || !strings.Contains(err.Error(), tc.want) || iku.ErrorKind(err) != iku.Internal {
			t.Errorf("%s: Draw error = %v; want an internal error with %q", tc.name, err, tc.want)
		}
	}
	for v, want := range map[string]float64{"0": 0, "-12.50": -12.5, "100": 100, ".5": 0.5, "+7": 7, "123456789.125": 123456789.125} {
		if got, err := number(v); err != nil || got != want {
			t.Errorf("number(%q) = %v, %v; want %v", v, got, err, want)
		}
	}
}

// Extreme numbers and counts draw inside the plot, or no plot, never a
// crash.
func TestExtremeCharts(t *testing.T) {
	big := strings.Repeat("9", 308)
	many := make([]string, 3000)
	manyV := make([]string, 3000)
	for i := range many {
		many[i] = fmt.Sprint("TW ", i)
		manyV[i] = fmt.Sprint(i % 97)
	}
	for name, ch := range map[string]*Chart{
		"span beyond float64": {Kind: Line, Labels: []string{"a", "b"}, Series: []Series{{Name: "x", Values: []string{"-" + big, big}}}},
		"tiny":                {Kind: Line, Labels: []string{"a", "b"}, Series: []Series{{Name: "x", Values: []string{"0.000000000000000000001", "0.000000000000000000002"}}}},
		"one point":           {Kind: Line, Labels: []string{"a"}, Series: []Series{{Name: "x", Values: []string{"5"}}}},
		"flat zero":           {Kind: Line, Labels: []string{"a", "b", "c"}, Series: []Series{{Name: "x", Values: []string{"0", "0", "0"}}}},
		"negative bars":       {Kind: Bar, Labels: []string{"a", "b"}, Series: []Series{{Name: "x", Values: []string{"-50", "20"}}}, Ref: &Ref{Value: "100", Label: "100 %"}},
		"bars beyond float64": {Kind: Bar, Labels: []string{"a", "b"}, Series: []Series{{Name: "x", Values: []string{"-" + big, big}}}},
		"3000 quarters":       {Kind: Line, Labels: many, Series: []Series{{Name: "x", Values: manyV}}},
		"3000 bars":           {Kind: Bar, Labels: many, Series: []Series{{Name: "x", Values: manyV}}},
	} {
		c := Card{Site: "Portal", Title: name, Lines: []string{"1", "2"}, Chart: ch}
		for _, s := range []Size{OpenGraph, Portrait} {
			png, err := Draw(c, s)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			checkMargins(t, png, s)
			l, _ := plan(c, s)
			checkBoxes(t, l)
		}
	}
}

func TestNoPlotBeyondFloat64(t *testing.T) {
	big := strings.Repeat("9", 308)
	c := Card{Title: "x", Chart: &Chart{Kind: Line, Labels: []string{"a", "b"}, Series: []Series{{Name: "x", Values: []string{"-" + big, big}}}}}
	l, err := plan(c, OpenGraph)
	if err != nil {
		t.Fatal(err)
	}
	if has(l, "plot") != 0 {
		t.Errorf("a chart spanning more than float64 holds has a plot %v", l.plot)
	}
}

// A chart image's footer (source, licence, address) sits at the bottom
// inside the margins, below the plot and clear of every other box, cut
// with "…" when longer than the card is wide.
func TestFooterBelowTheChart(t *testing.T) {
	for _, footer := range [][]string{
		{"Sumber: Laporan kinerja triwulanan RSUD", "Pemerintah Kota Tanjungbalai · CC BY 4.0 · https://kinerja.example.go.id/iku/x/"},
		{longTitle(300), longTitle(300)},
	} {
		c := indicatorCard()
		c.Footer = footer
		png, err := Draw(c, ChartImage)
		if err != nil {
			t.Fatal(err)
		}
		checkMargins(t, png, ChartImage)
		l, _ := plan(c, ChartImage)
		checkBoxes(t, l)
		if n := has(l, "footer"); n != 2 {
			t.Fatalf("%d footer lines; want 2", n)
		}
		if l.plot.Empty() {
			t.Fatal("the footer left no room for the chart")
		}
		for _, b := range l.boxes() {
			if b.role == "footer" && b.r.Min.Y < l.plot.Max.Y {
				t.Errorf("the footer %v is not below the plot %v", b.r, l.plot)
			}
		}
	}
	c := indicatorCard()
	c.Footer = []string{"a", "b", "c"}
	if _, err := Draw(c, ChartImage); err == nil {
		t.Error("three footer lines: no error")
	}
}

// A release card keeps every count, both notes and its address inside its
// margins, none overlapping another, at both sizes; the demo's mark is
// not cut; longer words wrap or are cut, never drawn into the margins.
func TestReleaseCardInsideMargins(t *testing.T) {
	long := releaseCard()
	long.Title = longTitle(200)
	long.Counts = append([]Count(nil), long.Counts...)
	for i := range long.Counts {
		long.Counts[i].Text = longTitle(300)
	}
	long.Counts = append(long.Counts, Count{strings.Repeat("9", 40), strings.Repeat("W", 200)})
	long.Notes = []Note{{longTitle(100), longTitle(300), "(+" + strings.Repeat("1", 100) + " poin)"}, {"", strings.Repeat("M", 90), "(−12,50 poin)"}}
	long.Footer = []string{longTitle(300)}
	english := releaseCard()
	english.Site, english.Badge = "Tanjungbalai City Performance Portal", "Sample data — not official data."
	for name, c := range map[string]Card{"as the demo": releaseCard(), "as the demo in English": english, "long words": long} {
		for _, s := range []Size{OpenGraph, Portrait} {
			png, err := Draw(c, s)
			if err != nil {
				t.Fatal(err)
			}
			checkMargins(t, png, s)
			l, err := plan(c, s)
			if err != nil {
				t.Fatal(err)
			}
			checkBoxes(t, l)
			checkInk(t, l)
			if !strings.HasPrefix(name, "as the demo") {
				continue
			}
			if n := has(l, "count"); n != len(c.Counts) {
				t.Errorf("%s: %d of the %d counts drawn", s, n, len(c.Counts))
			}
			if n := has(l, "notetail"); n != len(c.Notes) {
				t.Errorf("%s: %d of the %d notes' tails drawn", s, n, len(c.Notes))
			}
			for _, x := range l.texts {
				if (x.role == "site" || x.role == "badge" || x.role == "notetail" || x.role == "count" || x.role == "footer") && strings.HasSuffix(x.s, "…") {
					t.Errorf("%s: the %s %q is cut", s, x.role, x.s)
				}
			}
		}
	}
	if _, err := plan(Card{Counts: make([]Count, maxCounts+1)}, OpenGraph); err == nil {
		t.Errorf("a card of %d counts was planned; want an error", maxCounts+1)
	}
}
