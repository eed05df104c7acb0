package iku

import (
	"fmt"
	"math/big"
	"strings"
)

// Decimal is an exact decimal number that keeps the text it came with
// ("12.50" stays "12.50"), so that a NUMERIC from the database reaches every
// download unchanged. Arithmetic goes through math/big.Rat, never float64.
type Decimal struct {
	text string
}

// ParseDecimal accepts an optional sign, digits and an optional fraction
// ("-12", "0.5", "107.14"). Exponents, spaces and thousands separators are
// refused, so that a value is never silently misread.
func ParseDecimal(s string) (Decimal, error) {
	t := s
	if strings.HasPrefix(t, "-") || strings.HasPrefix(t, "+") {
		t = t[1:]
	}
	intPart, frac, hasDot := strings.Cut(t, ".")
	if intPart == "" && (!hasDot || frac == "") {
		return Decimal{}, fmt.Errorf("%q is not a decimal number", s)
	}
	if hasDot && frac == "" {
		return Decimal{}, fmt.Errorf("%q is not a decimal number", s)
	}
	for _, part := range []string{intPart, frac} {
		for _, c := range part {
			if c < '0' || c > '9' {
				return Decimal{}, fmt.Errorf("%q is not a decimal number", s)
			}
		}
	}
	return Decimal{text: strings.TrimPrefix(s, "+")}, nil
}

// MustDecimal is ParseDecimal for constants in code and tests.
func MustDecimal(s string) Decimal {
	d, err := ParseDecimal(s)
	if err != nil {
		panic(err)
	}
	return d
}

// DecimalPtr is MustDecimal returning a pointer, for optional fields.
func DecimalPtr(s string) *Decimal {
	d := MustDecimal(s)
	return &d
}

// RatDecimal rounds r half away from zero to the given number of decimal
// places and returns it as a Decimal written with exactly that many places.
func RatDecimal(r *big.Rat, places int) Decimal {
	q := roundQ(r, places)
	neg := q.Sign() < 0
	digits := new(big.Int).Abs(q).String()
	if places > 0 {
		if len(digits) <= places {
			digits = strings.Repeat("0", places-len(digits)+1) + digits
		}
		digits = digits[:len(digits)-places] + "." + digits[len(digits)-places:]
	}
	if neg {
		digits = "-" + digits
	}
	return Decimal{text: digits}
}

// String returns the exact text. The zero Decimal is "0".
func (d Decimal) String() string {
	if d.text == "" {
		return "0"
	}
	return d.text
}

// Rat returns the exact value.
func (d Decimal) Rat() *big.Rat {
	r, ok := new(big.Rat).SetString(d.String())
	if !ok {
		panic("iku: invalid decimal " + d.text)
	}
	return r
}

// Float64 is for charts and sorting only, never for published text.
func (d Decimal) Float64() float64 {
	f, _ := d.Rat().Float64()
	return f
}

// Sign returns -1, 0 or +1.
func (d Decimal) Sign() int { return d.Rat().Sign() }

// Cmp compares two decimals by value ("1.50" equals "1.5").
func (d Decimal) Cmp(e Decimal) int { return d.Rat().Cmp(e.Rat()) }

// Round rounds half away from zero to the given places.
func (d Decimal) Round(places int) Decimal { return RatDecimal(d.Rat(), places) }

// MarshalText writes the exact text.
func (d Decimal) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText parses exact text.
func (d *Decimal) UnmarshalText(b []byte) error {
	v, err := ParseDecimal(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}
