package iku

import (
	"fmt"
	"strconv"
	"strings"
)

// Quarter is a reporting period (triwulan): Year and Q in 1–4.
// The zero Quarter means "none".
type Quarter struct {
	Year int
	Q    int
}

var romans = [...]string{"", "I", "II", "III", "IV"}

// ParseQuarter accepts "2026-Q3", "2026Q3" and "Triwulan III 2026"
// (also "TW III 2026"), case-insensitively.
func ParseQuarter(s string) (Quarter, error) {
	t := strings.ToUpper(strings.TrimSpace(s))
	bad := fmt.Errorf("%q is not a quarter: write it as 2026-Q3 or Triwulan III 2026", s)
	if y, q, ok := strings.Cut(strings.Replace(t, "-Q", "Q", 1), "Q"); ok && !strings.Contains(t, " ") {
		year, err1 := strconv.Atoi(y)
		n, err2 := strconv.Atoi(q)
		if err1 != nil || err2 != nil {
			return Quarter{}, bad
		}
		return Quarter{year, n}.check(bad)
	}
	f := strings.Fields(t)
	if len(f) == 3 && (f[0] == "TRIWULAN" || f[0] == "TW") {
		year, err := strconv.Atoi(f[2])
		if err != nil {
			return Quarter{}, bad
		}
		for n := 1; n <= 4; n++ {
			if romans[n] == f[1] {
				return Quarter{year, n}.check(bad)
			}
		}
	}
	return Quarter{}, bad
}

func (q Quarter) check(bad error) (Quarter, error) {
	if q.Q < 1 || q.Q > 4 || q.Year < 1900 || q.Year > 9999 {
		return Quarter{}, bad
	}
	return q, nil
}

// MustQuarter is ParseQuarter for constants in code and tests.
func MustQuarter(s string) Quarter {
	q, err := ParseQuarter(s)
	if err != nil {
		panic(err)
	}
	return q
}

// IsZero reports whether q is the zero Quarter.
func (q Quarter) IsZero() bool { return q.Year == 0 && q.Q == 0 }

// String is the stable form used in data and URLs: "2026-Q3".
func (q Quarter) String() string {
	if q.IsZero() {
		return ""
	}
	return fmt.Sprintf("%d-Q%d", q.Year, q.Q)
}

// Roman is the quarter number as the site writes it: "III".
func (q Quarter) Roman() string { return romans[q.Q] }

// Index counts quarters since year 0, so that differences are distances.
func (q Quarter) Index() int { return q.Year*4 + q.Q - 1 }

// QuarterFromIndex is the inverse of Index.
func QuarterFromIndex(i int) Quarter { return Quarter{i / 4, i%4 + 1} }

// Add moves n quarters forward (or back when n < 0).
func (q Quarter) Add(n int) Quarter { return QuarterFromIndex(q.Index() + n) }

// Before reports whether q comes before r.
func (q Quarter) Before(r Quarter) bool { return q.Index() < r.Index() }

// MarshalText writes "2026-Q3".
func (q Quarter) MarshalText() ([]byte, error) { return []byte(q.String()), nil }

// UnmarshalText parses any form ParseQuarter accepts.
func (q *Quarter) UnmarshalText(b []byte) error {
	v, err := ParseQuarter(string(b))
	if err != nil {
		return err
	}
	*q = v
	return nil
}
