package iku

import (
	"fmt"
	"math/big"
)

// DefaultRules are the rules that ship: the Permendagri 86/2017 evaluation
// scale and a score cap of 120 % (DOMAIN.md, "Categories").
func DefaultRules() Rules {
	return Rules{
		Categories: []Category{
			{Key: "sangat_baik", Min: MustDecimal("91"), Good: true},
			{Key: "baik", Min: MustDecimal("76"), Good: true},
			{Key: "cukup", Min: MustDecimal("66")},
			{Key: "kurang", Min: MustDecimal("51")},
			{Key: "sangat_kurang", Min: MustDecimal("0")},
		},
		ScoreCap: MustDecimal("120"),
	}
}

// Validate checks that the category table is usable: at least one row,
// keys that can name an i18n entry, each key once, Min strictly descending
// (the last row's Min is ignored), and a positive score cap.
func (r Rules) Validate() error {
	if len(r.Categories) == 0 {
		return Errorf(Invalid, "the category table is empty; list at least one category with a key and a min")
	}
	seen := make(map[string]int, len(r.Categories))
	for i, c := range r.Categories {
		if !isKey(c.Key) {
			return Wrap(CategoryRow(i+1), Invalid, "category row %d has key %q; use lowercase letters, digits and underscores, such as \"sangat_baik\"", i+1, c.Key)
		}
		if j, dup := seen[c.Key]; dup {
			return Wrap(CategoryRow(i+1), Invalid, "category row %d repeats the key %q of row %d; give each category its own key", i+1, c.Key, j+1)
		}
		seen[c.Key] = i
		if i > 0 && i < len(r.Categories)-1 && c.Min.Cmp(r.Categories[i-1].Min) >= 0 {
			return Wrap(CategoryRow(i+1), Invalid, "category row %d (%q) has min %s, which is not below the min %s of the row above it; list categories from the highest min to the lowest", i+1, c.Key, c.Min, r.Categories[i-1].Min)
		}
	}
	if r.ScoreCap.Sign() <= 0 {
		return Errorf(Invalid, "the score cap is %s; set it above 0 (the default is 120)", r.ScoreCap)
	}
	return nil
}

// CategoryRow is the row (from 1) of the category table that Validate
// found wrong: the cause of its error, so that the settings file can name
// the row's line.
type CategoryRow int

func (r CategoryRow) Error() string { return fmt.Sprintf("category row %d", int(r)) }

// isKey reports whether s is a non-empty run of [a-z0-9_].
func isKey(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if (c < 'a' || c > 'z') && (c < '0' || c > '9') && c != '_' {
			return false
		}
	}
	return true
}

// Categorize returns the Key of the category that achievement a falls in:
// the first row whose Min a reaches, else the last row. It returns "" only
// for an empty table.
func (r Rules) Categorize(a Decimal) string {
	return categorize(r.Categories, minsOf(r.Categories), fixedOf(a))
}

func minsOf(cs []Category) []fixed {
	mins := make([]fixed, len(cs))
	for i, c := range cs {
		mins[i] = fixedOf(c.Min)
	}
	return mins
}

func categorize(cs []Category, mins []fixed, a fixed) string {
	if len(cs) == 0 {
		return ""
	}
	for i := 0; i < len(cs)-1; i++ {
		if a.cmp(mins[i]) >= 0 {
			return cs[i].Key
		}
	}
	return cs[len(cs)-1].Key
}

// Achievement is the raw (uncapped) achievement in % of actual r against
// target t, rounded half away from zero to 2 decimals (PermenPANRB 8/2021):
//
//   - positive: R / T × 100
//   - negative: (2T − R) / T × 100, floored at 0
//   - range [t.Value, *t.High]: 100 inside; above the range the polarity's
//     formula with T = High, below it with T = Value.
//
// It is computed exactly (never in float64). It returns nil when the T that
// applies is 0 (a zero target has no percentage: see MeetsZeroTarget) or
// when p is not Positive or Negative.
func Achievement(p Polarity, t Target, r Decimal) *Decimal {
	a, ok := goalOf(t).achievement(p, fixedOf(r))
	if !ok {
		return nil
	}
	d := a.decimal(2)
	return &d
}

// MeetsZeroTarget reports whether r meets a target of 0 in the direction of
// polarity p (tercapai): positive R ≥ 0, negative R ≤ 0.
func MeetsZeroTarget(p Polarity, r Decimal) bool {
	return meetsZero(p, fixedOf(r))
}

func meetsZero(p Polarity, r fixed) bool {
	if p == Negative {
		return r.sign() <= 0
	}
	return r.sign() >= 0
}

// goal is a target's value, or its range [lo, hi], parsed once.
type goal struct {
	lo, hi  fixed
	isRange bool
}

func goalOf(t Target) goal {
	g := goal{lo: fixedOf(t.Value)}
	if t.High != nil {
		g.hi, g.isRange = fixedOf(*t.High), true
	}
	return g
}

var fixed100 = fixed{m: 10000, s: 2} // 100.00

// achievement is Achievement rounded to 2 decimals; false when the T that
// applies is 0 or p is not a polarity.
func (g goal) achievement(p Polarity, r fixed) (fixed, bool) {
	if p != Positive && p != Negative {
		return fixed{}, false
	}
	t := g.lo
	if g.isRange {
		switch {
		case r.cmp(g.hi) > 0:
			t = g.hi
		case r.cmp(g.lo) >= 0:
			return fixed100, true
		}
	}
	if t.sign() == 0 {
		return fixed{}, false
	}
	if p == Negative {
		// Rounding is monotonic and keeps 0, so flooring the rounded
		// value is flooring the raw one.
		a := t.add(t).sub(r).mul(fixedHundred).quo(t, 2)
		if a.sign() < 0 {
			a = fixed{s: 2}
		}
		return a, true
	}
	return r.mul(fixedHundred).quo(t, 2), true
}

// roundRat rounds r half away from zero to places decimals, exactly as
// RatDecimal does, and returns the rounded value as a new Rat.
func roundRat(r *big.Rat, places int) *big.Rat {
	return new(big.Rat).SetFrac(roundQ(r, places), pow10Big(places))
}

// IKM quality grades of PermenPANRB 14/2017, on the converted value (25–100).
var ikmGrades = []struct {
	grade string
	min   fixed
}{
	{"A", fixed{m: 8831, s: 2}},
	{"B", fixed{m: 7661, s: 2}},
	{"C", fixed{m: 65}},
}

// IKMGrade is the quality grade of a community satisfaction index value
// (PermenPANRB 14/2017), applied to v rounded to 2 decimals: A ≥ 88.31,
// B ≥ 76.61, C ≥ 65.00, else D.
func IKMGrade(v Decimal) string {
	return ikmGrade(fixedOf(v))
}

func ikmGrade(v fixed) string {
	r := v.round(2)
	for _, g := range ikmGrades {
		if r.cmp(g.min) >= 0 {
			return g.grade
		}
	}
	return "D"
}

// IKMFromScores aggregates raw survey answers (one row per respondent, the
// 9 service elements scored 1–4) into the converted IKM of PermenPANRB
// 14/2017: NRR per element = mean score, IKM = Σ NRR × 1/9, converted =
// IKM × 25, computed exactly and rounded once, at the end, to 2 decimals.
func IKMFromScores(answers [][9]int) (Decimal, error) {
	if len(answers) == 0 {
		return Decimal{}, Errorf(Invalid, "there are no survey answers to aggregate; the IKM needs at least one respondent")
	}
	var total int64
	for i, row := range answers {
		for e, s := range row {
			if s < 1 || s > 4 {
				return Decimal{}, Errorf(Invalid, "respondent %d scored element %d with %d; survey scores are 1 to 4", i+1, e+1, s)
			}
			total += int64(s)
		}
	}
	// Σ_e (Σ_r s / n) × 1/9 × 25 = Σ s × 25 / (9n): the same number, exactly.
	v := new(big.Rat).SetFrac(big.NewInt(total*25), big.NewInt(9*int64(len(answers))))
	return RatDecimal(v, 2), nil
}

// TrendOf compares a value now with an earlier one by polarity: for a
// positive indicator higher is improving, for a negative one lower is.
// When t, the target in force now, is a range, the two values' achievements
// against it are compared (DOMAIN.md: a range target follows the distance
// to the range in the polarity's direction, so unemployment 6.86 → 6.54 %
// against 7–8 with negative polarity is improving, its achievement rising
// from 102.00 to 106.57); both inside the range is steady. (This replaces
// an earlier rule that compared the distances to the range whatever the
// polarity.)
// Equal values are steady; a missing value gives TrendUnknown.
//
// Evaluate compares two periods that both have an achievement by their
// achievements, each against its own target (Evaluation.VsPrevious); TrendOf
// is the rule for values against one target.
func TrendOf(p Polarity, t *Target, now, earlier *Decimal) Trend {
	if now == nil || earlier == nil {
		return TrendUnknown
	}
	var rng *goal
	if t != nil && t.IsRange() {
		g := goalOf(*t)
		rng = &g
	}
	n, e := fixedOf(*now), fixedOf(*earlier)
	return trend(p, rng, &n, &e)
}

// trend is TrendOf on parsed values; rng is the target when it is a range.
func trend(p Polarity, rng *goal, now, earlier *fixed) Trend {
	if now == nil || earlier == nil {
		return TrendUnknown
	}
	if rng != nil {
		a, okNow := rng.achievement(p, *now)
		b, okEarlier := rng.achievement(p, *earlier)
		if okNow && okEarlier {
			return compareTrend(a.cmp(b))
		}
	}
	if p == Negative {
		return compareTrend(earlier.cmp(*now))
	}
	return compareTrend(now.cmp(*earlier))
}

// compareTrend turns a comparison (better > 0) into a trend.
func compareTrend(c int) Trend {
	switch {
	case c > 0:
		return TrendImproving
	case c < 0:
		return TrendWorsening
	}
	return TrendSteady
}
