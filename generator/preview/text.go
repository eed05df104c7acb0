package preview

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/image/font"
	"golang.org/x/image/math/fixed"
)

const ellipsis = "…"

// extent returns how far the ink of s reaches left of its dot (a "j"
// hooks back), in whole pixels, and its width: from that ink to the
// further of its advance and its ink on the right.
func extent(f font.Face, s string) (over, w int) {
	b, adv := font.BoundString(f, s)
	over = max(0, -b.Min.X.Floor())
	return over, over + max(adv.Ceil(), b.Max.X.Ceil())
}

// width is the width of s in whole pixels, ink and advance (see extent).
func width(f font.Face, s string) int {
	_, w := extent(f, s)
	return w
}

// fit returns the length in bytes of the longest prefix of s that is at
// most w pixels wide.
func fit(f font.Face, s string, w int) int {
	n := advanceFit(f, s, w)
	for n > 0 && width(f, s[:n]) > w { // ink past the advance: rare
		_, size := utf8.DecodeLastRuneInString(s[:n])
		n -= size
	}
	return n
}

// advanceFit returns the length in bytes of the longest prefix of s whose
// advance is at most w pixels, measured in one pass.
func advanceFit(f font.Face, s string, w int) int {
	limit := fixed.I(w)
	var adv fixed.Int26_6
	prev := rune(-1)
	for i, r := range s {
		if prev >= 0 {
			adv += f.Kern(prev, r)
		}
		a, _ := f.GlyphAdvance(r)
		if adv+a > limit {
			return i
		}
		adv += a
		prev = r
	}
	return len(s)
}

// shorten returns s when it fits in w pixels, else the longest start of s
// that fits with "…" after it (cut at a space when that keeps at least
// two thirds of it). cut says the text goes on after s, so it takes an
// ellipsis even when it fits.
func shorten(f font.Face, s string, w int, cut bool) string {
	if !cut && width(f, s) <= w {
		return s
	}
	room := w - width(f, ellipsis)
	if room <= 0 {
		return ""
	}
	n := fit(f, s, room)
	head := s[:n]
	if n < len(s) {
		if sp := strings.LastIndexByte(head, ' '); sp > 0 && 3*sp >= 2*n {
			head = head[:sp]
		}
	}
	head = strings.TrimRight(head, " ,.;:–-·")
	for head != "" && width(f, head+ellipsis) > w { // kerning, at most a pixel
		_, n := utf8.DecodeLastRuneInString(head)
		head = head[:len(head)-n]
	}
	if head == "" {
		return ellipsis
	}
	return head + ellipsis
}

// wrap breaks s into at most max lines of at most w pixels each: at spaces,
// and inside a word only when the word alone is wider than a line. When
// the text does not fit in max lines, the last line ends with "…".
func wrap(f font.Face, s string, w, max int) []string {
	var lines []string
	rest := s
	for rest != "" && len(lines) < max {
		n := fit(f, rest, w)
		if n == len(rest) {
			lines = append(lines, rest)
			rest = ""
			break
		}
		var line string
		if sp := strings.LastIndexByte(rest[:n+1], ' '); sp > 0 {
			line, rest = rest[:sp], rest[sp+1:]
		} else { // a word wider than a line breaks where it reaches the edge
			if n == 0 { // not even one character fits: take one anyway
				_, n = utf8.DecodeRuneInString(rest)
			}
			line, rest = rest[:n], rest[n:]
		}
		lines = append(lines, line)
		rest = strings.TrimLeft(rest, " ")
	}
	if rest != "" && len(lines) > 0 {
		lines[len(lines)-1] = shorten(f, lines[len(lines)-1], w, true)
	}
	return lines
}
