package iku

import (
	"fmt"
	"strings"
	"testing"
)

// res builds a result of 2026 from "Q:actual" or "Q:actual:numerator/denominator";
// an actual of "-" is not reported.
func res(spec string) Result {
	f := strings.Split(spec, ":")
	r := Result{Quarter: Quarter{2026, int(f[0][0] - '0')}}
	if f[1] != "-" {
		r.Actual = DecimalPtr(f[1])
	}
	if len(f) == 3 {
		n, d, _ := strings.Cut(f[2], "/")
		r.Numerator, r.Denominator = DecimalPtr(n), DecimalPtr(d)
	}
	return r
}

func results(specs ...string) []Result {
	var rs []Result
	for _, s := range specs {
		rs = append(rs, res(s))
	}
	return rs
}

func TestYearToDate(t *testing.T) {
	sum := Indicator{Consolidation: Sum}
	avg := Indicator{Consolidation: Average, Multiplier: dec("1"), Decimals: 2}
	pct := Indicator{Consolidation: Average, Multiplier: dec("100"), Decimals: 1}
	last := Indicator{Consolidation: Last}
	lateSum := Indicator{Consolidation: Sum, ValidFrom: Quarter{2026, 3}}
	tests := []struct {
		name string
		ind  Indicator
		rs   []Result
		want string // "" = nil
	}{
		{"sum", sum, results("1:200", "2:300", "3:250"), "750"},
		{"sum keeps the largest scale", sum, results("1:1.5", "2:2.25", "3:3"), "6.75"},
		{"sum writes trailing zeros", sum, results("1:1.50", "2:2.5"), "4.00"},
		{"sum of one quarter", sum, results("1:7"), "7"},
		{"sum in any order", sum, results("3:3", "1:1", "2:2"), "6"},
		{"sum with a quarter not reported", sum, results("1:200", "2:-", "3:250"), ""},
		{"sum with a quarter missing", sum, results("1:200", "3:250"), ""},
		{"sum whose last quarter is not reported", sum, results("1:200", "2:-"), ""},
		{"sum from the quarter the indicator starts", lateSum, results("3:5", "4:6"), "11"},
		// (6000 + 13000) / (100 + 200) = 63.333… → 63.33: the weighted
		// mean, not the mean of the quarterly means 60 and 65 (62.5).
		{"average", avg, results("1:60:6000/100", "2:65:13000/200"), "63.33"},
		{"average ×100, 1 decimal", pct, results("1:80:80/100", "2:85:170/200", "3:75:75/100"), "81.3"},
		{"average of one quarter", avg, results("1:50:5000/100"), "50.00"},
		{"average without numerator", avg, results("1:60:6000/100", "2:65"), ""},
		{"average with a quarter not reported", avg, results("1:-:6000/100", "2:65:13000/200"), ""},
		{"average with a quarter missing", avg, results("2:65:13000/200"), ""},
		{"average over no patients", avg, results("1:0:0/0", "2:0:0/0"), ""},
		{"last", last, results("1:80", "2:82.5", "3:81"), "81"},
		{"last with an earlier quarter missing", last, results("3:81"), "81"},
		{"last not reported", last, results("1:80", "2:-"), ""},
		{"empty", sum, nil, ""},
		{"duplicate quarter", sum, results("1:1", "1:2"), ""},
		{"two years", sum, append(results("1:1"), Result{Quarter: Quarter{2025, 2}, Actual: DecimalPtr("2")}), ""},
		{"before the indicator starts", lateSum, results("1:1", "2:2"), ""},
	}
	for _, tt := range tests {
		got := str(YearToDate(tt.ind, tt.rs))
		want := tt.want
		if want == "" {
			want = "nil"
		}
		if got != want {
			var specs []string
			for _, r := range tt.rs {
				specs = append(specs, fmt.Sprintf("Q%d=%s", r.Quarter.Q, str(r.Actual)))
			}
			t.Errorf("YearToDate(%s: %s, %s) = %s; want %s", tt.name, tt.ind.Consolidation, strings.Join(specs, " "), got, want)
		}
	}
}
