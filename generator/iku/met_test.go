package iku

import "testing"

func TestTercapai(t *testing.T) {
	dec := func(s string) *Decimal { d := MustDecimal(s); return &d }
	for _, c := range []struct {
		status      Status
		achievement *Decimal
		met, known  bool
	}{
		{StatusCategory, dec("100"), true, true},
		{StatusCategory, dec("100.00"), true, true},
		{StatusCategory, dec("125.00"), true, true},
		{StatusCategory, dec("99.99"), false, true},
		{StatusCategory, dec("0"), false, true},
		{StatusCategory, nil, false, false},
		{StatusMet, nil, true, true},           // T = 0 met
		{StatusMet, dec("104.17"), true, true}, // the year's target already reached
		{StatusNotMet, nil, false, true},       // T = 0 missed, or the ceiling exceeded
		{StatusMetSoFar, nil, false, false},    // decided at the end of the year
		{StatusInProgress, dec("62.50"), false, false},
		{StatusIncomplete, nil, false, false},
		{StatusNoTarget, nil, false, false},
		{StatusNotReported, nil, false, false},
	} {
		met, known := Tercapai(c.status, c.achievement)
		if met != c.met || known != c.known {
			a := "none"
			if c.achievement != nil {
				a = c.achievement.String()
			}
			t.Errorf("Tercapai(%s, achievement %s) = %v, %v; want %v, %v", c.status, a, met, known, c.met, c.known)
		}
	}
}
