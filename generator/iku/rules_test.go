package iku

import (
	"strings"
	"testing"
)

func dec(s string) Decimal { return MustDecimal(s) }

// str writes an optional decimal for failure messages.
func str(d *Decimal) string {
	if d == nil {
		return "nil"
	}
	return d.String()
}

func target(v string) Target { return Target{Value: dec(v)} }

func rangeTarget(lo, hi string) Target { return Target{Value: dec(lo), High: DecimalPtr(hi)} }

func (t Target) describe() string {
	if t.IsRange() {
		return "T=" + t.Value.String() + "–" + t.High.String()
	}
	return "T=" + t.Value.String()
}

func TestAchievement(t *testing.T) {
	tests := []struct {
		p    Polarity
		t    Target
		r    string
		want string // "" = nil
	}{
		// The worked examples of DOMAIN.md.
		{Negative, target("7"), "6.5", "107.14"},
		{Negative, target("8"), "9", "87.50"},
		{Negative, target("60"), "130", "0.00"}, // floored, raw −16.67
		{Positive, rangeTarget("80", "90"), "70", "87.50"},
		{Positive, rangeTarget("80", "90"), "85", "100.00"},
		{Positive, rangeTarget("80", "90"), "99", "110.00"},
		{Negative, rangeTarget("7", "8"), "9", "87.50"},
		{Negative, rangeTarget("7", "8"), "6.5", "107.14"},
		{Positive, target("1000"), "1250", "125.00"},

		// Range bounds are inside.
		{Positive, rangeTarget("80", "90"), "80", "100.00"},
		{Positive, rangeTarget("80", "90"), "90", "100.00"},
		{Negative, rangeTarget("7", "8"), "7.5", "100.00"},
		// Exact arithmetic, rounding half away from zero.
		{Positive, target("3"), "1", "33.33"},
		{Positive, target("3"), "2", "66.67"},
		{Positive, target("8"), "0.00036", "0.00"},
		{Positive, target("8"), "0.0004", "0.01"}, // 0.005 rounds up
		{Positive, target("0.1"), "0.3", "300.00"},
		{Negative, target("8"), "16", "0.00"}, // exactly 0, not floored
		{Negative, target("8"), "0", "200.00"},
		{Positive, target("80"), "0", "0.00"},
		{Positive, target("80"), "-8", "-10.00"}, // only negative polarity is floored
		// Zero targets have no percentage.
		{Positive, target("0"), "3", ""},
		{Negative, target("0"), "0", ""},
		{Negative, rangeTarget("0", "5"), "-1", ""}, // below the range: T = 0
		{Negative, rangeTarget("0", "5"), "0", "100.00"},
		{Negative, rangeTarget("0", "5"), "7", "60.00"},
		{Positive, rangeTarget("0", "0"), "0", "100.00"},
		// Not a polarity.
		{Polarity("up"), target("8"), "9", ""},
	}
	for _, tt := range tests {
		got := Achievement(tt.p, tt.t, dec(tt.r))
		want := tt.want
		if want == "" {
			want = "nil"
		}
		if str(got) != want {
			t.Errorf("Achievement(%s, %s, R=%s) = %s; want %s", tt.p, tt.t.describe(), tt.r, str(got), want)
		}
	}
}

func TestMeetsZeroTarget(t *testing.T) {
	tests := []struct {
		p    Polarity
		r    string
		want bool
	}{
		{Positive, "0", true},
		{Positive, "0.01", true},
		{Positive, "-1", false},
		{Negative, "0", true},
		{Negative, "0.00", true},
		{Negative, "1", false},
		{Negative, "-2", true},
	}
	for _, tt := range tests {
		if got := MeetsZeroTarget(tt.p, dec(tt.r)); got != tt.want {
			t.Errorf("MeetsZeroTarget(%s, R=%s) = %v; want %v", tt.p, tt.r, got, tt.want)
		}
	}
}

func TestCategorize(t *testing.T) {
	rules := DefaultRules()
	tests := []struct{ a, want string }{
		{"125.00", "sangat_baik"},
		{"91", "sangat_baik"},
		{"91.00", "sangat_baik"},
		{"90.99", "baik"},
		{"76", "baik"},
		{"75.99", "cukup"},
		{"66", "cukup"},
		{"65.99", "kurang"},
		{"51", "kurang"},
		{"50.99", "sangat_kurang"},
		{"0", "sangat_kurang"},
		{"-10", "sangat_kurang"},
	}
	for _, tt := range tests {
		if got := rules.Categorize(dec(tt.a)); got != tt.want {
			t.Errorf("Categorize(%s) = %q; want %q", tt.a, got, tt.want)
		}
	}
	if got := (Rules{}).Categorize(dec("50")); got != "" {
		t.Errorf("Categorize with no categories = %q; want \"\"", got)
	}
}

func TestDefaultRules(t *testing.T) {
	r := DefaultRules()
	if err := r.Validate(); err != nil {
		t.Fatalf("DefaultRules().Validate() = %v; want nil", err)
	}
	var got []string
	for _, c := range r.Categories {
		got = append(got, c.Key+"≥"+c.Min.String())
	}
	want := "sangat_baik≥91 baik≥76 cukup≥66 kurang≥51 sangat_kurang≥0"
	if strings.Join(got, " ") != want {
		t.Errorf("DefaultRules().Categories = %s; want %s", strings.Join(got, " "), want)
	}
	if r.ScoreCap.String() != "120" {
		t.Errorf("DefaultRules().ScoreCap = %s; want 120", r.ScoreCap)
	}
}

func TestRulesValidate(t *testing.T) {
	cats := func(rows ...string) []Category {
		var cs []Category
		for _, r := range rows {
			k, m, _ := strings.Cut(r, "=")
			cs = append(cs, Category{Key: k, Min: dec(m)})
		}
		return cs
	}
	tests := []struct {
		name  string
		rules Rules
		want  string // substring of the message; "" = valid
	}{
		{"default", DefaultRules(), ""},
		{"one row", Rules{Categories: cats("semua=0"), ScoreCap: dec("100")}, ""},
		{"last min ignored", Rules{Categories: cats("baik=70", "kurang=99"), ScoreCap: dec("120")}, ""},
		{"empty", Rules{ScoreCap: dec("120")}, "category table is empty"},
		{"not descending", Rules{Categories: cats("a=91", "b=95", "c=0"), ScoreCap: dec("120")}, `row 2 ("b") has min 95`},
		{"equal mins", Rules{Categories: cats("a=91", "b=91", "c=0"), ScoreCap: dec("120")}, `row 2 ("b") has min 91`},
		{"empty key", Rules{Categories: cats("a=91", "=50"), ScoreCap: dec("120")}, `row 2 has key ""`},
		{"bad key", Rules{Categories: cats("Sangat Baik=91", "b=0"), ScoreCap: dec("120")}, `row 1 has key "Sangat Baik"`},
		{"duplicate key", Rules{Categories: cats("a=91", "a=50"), ScoreCap: dec("120")}, `row 2 repeats the key "a" of row 1`},
		{"zero cap", Rules{Categories: cats("a=0"), ScoreCap: dec("0")}, "score cap is 0"},
		{"negative cap", Rules{Categories: cats("a=0"), ScoreCap: dec("-5")}, "score cap is -5"},
	}
	for _, tt := range tests {
		err := tt.rules.Validate()
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("Validate(%s) = %v; want nil", tt.name, err)
		case tt.want != "" && err == nil:
			t.Errorf("Validate(%s) = nil; want an error containing %q", tt.name, tt.want)
		case tt.want != "" && (ErrorKind(err) != Invalid || !strings.Contains(err.Error(), tt.want)):
			t.Errorf("Validate(%s) = %v (kind %s); want an invalid error containing %q", tt.name, err, ErrorKind(err), tt.want)
		}
	}
}

func TestIKMGrade(t *testing.T) {
	tests := []struct{ v, want string }{
		{"100", "A"},
		{"88.31", "A"},
		{"88.305", "A"}, // rounds to 88.31
		{"88.3049", "B"},
		{"88.30", "B"},
		{"76.61", "B"},
		{"76.605", "B"},
		{"76.60", "C"},
		{"65.00", "C"},
		{"65", "C"},
		{"64.995", "C"},
		{"64.99", "D"},
		{"25", "D"},
	}
	for _, tt := range tests {
		if got := IKMGrade(dec(tt.v)); got != tt.want {
			t.Errorf("IKMGrade(%s) = %s; want %s", tt.v, got, tt.want)
		}
	}
}

func TestIKMFromScores(t *testing.T) {
	row := func(s ...int) [9]int { return [9]int(s) }
	all := func(n int) [9]int { return [9]int{n, n, n, n, n, n, n, n, n} }
	tests := []struct {
		name    string
		answers [][9]int
		want    string
	}{
		{"all 4", [][9]int{all(4), all(4)}, "100.00"},
		{"all 1", [][9]int{all(1)}, "25.00"},
		{"all 3", [][9]int{all(3)}, "75.00"},
		// NRR = 3.5 on every element: 3.5 × 9 × 1/9 × 25 = 87.5.
		{"3 and 4", [][9]int{all(3), all(4)}, "87.50"},
		// Σ = 28 of 36: 28 / 9 × 25 = 77.777… → 77.78 (rounded once, at the end).
		{"one respondent", [][9]int{row(3, 3, 3, 3, 3, 3, 3, 3, 4)}, "77.78"},
		// Three respondents, NRR per element 10/3 on one, 3 elsewhere:
		// (8 × 3 + 10/3) / 9 × 25 = 75.925… → 75.93. Rounding each NRR
		// to 2 decimals first (3.33) would give 75.92.
		{"exact NRR", [][9]int{row(3, 3, 3, 3, 3, 3, 3, 3, 4), row(3, 3, 3, 3, 3, 3, 3, 3, 3), row(3, 3, 3, 3, 3, 3, 3, 3, 3)}, "75.93"},
	}
	for _, tt := range tests {
		got, err := IKMFromScores(tt.answers)
		if err != nil || got.String() != tt.want {
			t.Errorf("IKMFromScores(%s) = %s, %v; want %s", tt.name, got, err, tt.want)
		}
	}
	for _, bad := range []struct {
		name    string
		answers [][9]int
		want    string
	}{
		{"none", nil, "no survey answers"},
		{"score 5", [][9]int{all(4), row(4, 4, 4, 4, 5, 4, 4, 4, 4)}, "respondent 2 scored element 5 with 5"},
		{"score 0", [][9]int{row(0, 4, 4, 4, 4, 4, 4, 4, 4)}, "respondent 1 scored element 1 with 0"},
	} {
		_, err := IKMFromScores(bad.answers)
		if err == nil || ErrorKind(err) != Invalid || !strings.Contains(err.Error(), bad.want) {
			t.Errorf("IKMFromScores(%s) error = %v; want an invalid error containing %q", bad.name, err, bad.want)
		}
	}
}

func TestTrendOf(t *testing.T) {
	rng := rangeTarget("60", "85")
	tests := []struct {
		p            Polarity
		t            *Target
		now, earlier *Decimal
		want         Trend
	}{
		{Positive, nil, DecimalPtr("80"), DecimalPtr("70"), TrendImproving},
		{Positive, nil, DecimalPtr("70"), DecimalPtr("80"), TrendWorsening},
		{Positive, nil, DecimalPtr("70.0"), DecimalPtr("70"), TrendSteady},
		{Negative, nil, DecimalPtr("45"), DecimalPtr("60"), TrendImproving}, // a falling waiting time
		{Negative, nil, DecimalPtr("60"), DecimalPtr("45"), TrendWorsening},
		{Negative, &Target{Value: dec("60")}, DecimalPtr("50"), DecimalPtr("55"), TrendImproving},
		{Positive, nil, nil, DecimalPtr("45"), TrendUnknown},
		{Positive, nil, DecimalPtr("45"), nil, TrendUnknown},
		// Ranges: the achievement against the range, in the polarity's
		// direction (DOMAIN.md: unemployment 6.86 → 6.54 % against 7–8,
		// negative, is improving); both inside the range is steady.
		{Positive, &rng, DecimalPtr("90"), DecimalPtr("80"), TrendImproving}, // 105.88 against 100
		{Positive, &rng, DecimalPtr("80"), DecimalPtr("90"), TrendWorsening},
		{Negative, &rng, DecimalPtr("55"), DecimalPtr("50"), TrendWorsening}, // 108.33 against 116.67
		{Positive, &rng, DecimalPtr("70"), DecimalPtr("80"), TrendSteady},    // both inside
		{Positive, &rng, DecimalPtr("55"), DecimalPtr("90"), TrendWorsening}, // 91.67 against 105.88
		{Negative, &Target{Value: dec("7.00"), High: DecimalPtr("8.00")}, DecimalPtr("6.54"), DecimalPtr("6.86"), TrendImproving},
	}
	for _, tt := range tests {
		tdesc := "no range"
		if tt.t != nil {
			tdesc = tt.t.describe()
		}
		if got := TrendOf(tt.p, tt.t, tt.now, tt.earlier); got != tt.want {
			t.Errorf("TrendOf(%s, %s, now=%s, earlier=%s) = %q; want %q", tt.p, tdesc, str(tt.now), str(tt.earlier), got, tt.want)
		}
	}
}
