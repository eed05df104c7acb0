package iku

// Tercapai says whether a period (or a year) met its target, by the one
// definition of DOMAIN.md ("One definition per count") that every download
// prints as its tercapai column and the API as its tercapai field: met
// when the achievement of a category is at least 100, or when the status
// is met (a zero target met, or the year's target already reached); not
// met when that achievement is below 100, or the status is not met (a zero
// target missed, or the year's ceiling already exceeded). For every other
// status (in progress, met so far, incomplete, no target, not reported)
// neither applies and known is false: the year is not decided yet, or
// there is nothing to compare.
func Tercapai(s Status, achievement *Decimal) (met, known bool) {
	switch {
	case s == StatusCategory && achievement != nil:
		return fixedOf(*achievement).cmp(fixed100) >= 0, true
	case s == StatusMet:
		return true, true
	case s == StatusNotMet:
		return false, true
	}
	return false, false
}
