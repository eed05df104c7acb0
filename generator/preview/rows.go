package preview

// The rows of a release card (Card.Counts and Card.Notes): the headline
// counts, a number in bold before its words, then the labelled notes
// (most improved, most declined). On a landscape card the notes stand in
// a column at the right of the counts; on a portrait card, below them.
// A row that would reach below l.bottom (the footer's top, or the bottom
// margin) is left out with every row after it: the tests check that a
// release's rows fit.

// maxCounts and maxNotes are how many rows of each a card has room for.
const (
	maxCounts = 6
	maxNotes  = 3
)

// rows places counts and notes from y down; it returns the top of the
// next block.
func (l *layout) rows(cs []Count, ns []Note, y int) int {
	m := l.m
	left, right := m.margin, l.size.W-m.margin
	full := right - left
	if len(cs) == 0 && len(ns) == 0 {
		return y
	}
	if len(cs) == 0 || len(ns) == 0 || l.size.H > l.size.W {
		y = l.counts(cs, left, right, y)
		if len(cs) > 0 && len(ns) > 0 {
			y += m.gap
		}
		return l.notes(ns, left, right, y)
	}
	split := left + full*3/5
	a := l.counts(cs, left, split-m.gap, y)
	b := l.notes(ns, split+m.gap*2, right, y)
	return max(a, b)
}

// counts places the rows of counts between x0 and x1 from y down: the
// numbers right-aligned in one column, their words after them, wrapped to
// two lines at most.
func (l *layout) counts(cs []Count, x0, x1, y int) int {
	m := l.m
	if len(cs) == 0 {
		return y
	}
	numPx, textPx := m.bigPx, m.smallPx
	if l.size.H > l.size.W { // a portrait card has the room for large numbers
		numPx, textPx = m.bigPx*2, m.smallPx*8/7
	}
	nf, tf := faceFor(true, numPx), faceFor(false, textPx)
	nums := make([]string, len(cs))
	col := 0
	for i, c := range cs {
		nums[i] = shorten(nf, clean(c.Num), (x1-x0)/4, false)
		col = max(col, width(nf, nums[i]))
	}
	tx := x0 + col + m.gap
	nAsc, nDesc := nf.Metrics().Ascent.Ceil(), nf.Metrics().Descent.Ceil()
	tAsc, tDesc := tf.Metrics().Ascent.Ceil(), tf.Metrics().Descent.Ceil()
	for i, c := range cs {
		lines := wrap(tf, clean(c.Text), x1-tx, 2)
		if len(lines) == 0 && nums[i] == "" {
			continue
		}
		// The number and the words are centred on each other.
		nh, th := nAsc+nDesc, len(lines)*(tAsc+tDesc)
		h := max(nh, th)
		if y+h > l.bottom {
			break
		}
		if nums[i] != "" {
			l.texts = append(l.texts, place("count", nums[i], nf, ink, x0+col-width(nf, nums[i]), y+(h-nh)/2+nAsc))
		}
		for j, s := range lines {
			l.texts = append(l.texts, place("counttext", s, tf, ink, tx, y+(h-th)/2+j*(tAsc+tDesc)+tAsc))
		}
		y += h + m.gap*3/4
	}
	return y
}

// notes places the notes between x0 and x1 from y down: each its label in
// small grey type, then its text (wrapped to two lines at most) with the
// tail after it, or on a line of its own when it does not fit there.
func (l *layout) notes(ns []Note, x0, x1, y int) int {
	m := l.m
	labelPx, textPx := m.labelPx, m.smallPx
	if l.size.H > l.size.W {
		labelPx, textPx = m.labelPx*8/7, m.smallPx*8/7
	}
	lf, tf, bf := faceFor(false, labelPx), faceFor(false, textPx), faceFor(true, textPx)
	lead := tf.Metrics().Ascent.Ceil() + tf.Metrics().Descent.Ceil()
	w := x1 - x0
	for _, n := range ns {
		label, body, tail := clean(n.Label), clean(n.Text), shorten(bf, clean(n.Tail), w, false)
		var placed []text
		top := y
		if label != "" {
			t := place("notelabel", shorten(lf, label, w, false), lf, grey, x0, top+lf.Metrics().Ascent.Ceil())
			placed = append(placed, t)
			top = t.box.Max.Y + m.gap/3
		}
		base := top + tf.Metrics().Ascent.Ceil()
		lines := wrap(tf, body, w, 2)
		for j, s := range lines {
			placed = append(placed, place("notetext", s, tf, ink, x0, base+j*lead))
		}
		if tail != "" {
			x, b := x0, base
			if k := len(lines); k > 0 {
				last := placed[len(placed)-1]
				x, b = last.box.Max.X+width(tf, " "), last.y
				if x+width(bf, tail) > x1 {
					x, b = x0, b+lead
				}
			}
			placed = append(placed, place("notetail", tail, bf, ink, x, b))
		}
		if len(placed) == 0 {
			continue
		}
		bottom := placed[len(placed)-1].box.Max.Y
		if bottom > l.bottom {
			break
		}
		l.texts = append(l.texts, placed...)
		y = bottom + m.gap
	}
	return y
}
