package main

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/tanjungbalai/kinerja/generator/bundle"
)

// TestComparisonPages: every indicator that three or more agencies of the
// demo report the same way (same unit, polarity and frequency, and the
// same name once the agency's name or short name is taken out) has a comparison page in
// both languages that lists each of those agencies once, ranked (ranks
// ascending, achievements descending), each row linking to the
// indicator's own page and the agency's page; and every member agency's
// page links back to the comparison.
func TestComparisonPages(t *testing.T) {
	ds, err := bundle.Demo().Load(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	public := demoSite(t)
	names := map[string][]string{}
	for _, a := range ds.Agencies {
		names[a.Slug] = []string{a.Name, a.ShortName}
	}
	groups := map[string][]string{} // shared name and kind → indicator slugs
	agencyOf := map[string]string{}
	for _, ind := range ds.Indicators {
		shared := ""
		for _, n := range names[ind.AgencySlug] {
			if n != "" && strings.Contains(ind.Name, n) {
				shared = strings.Replace(ind.Name, n, "{}", 1)
				break
			}
		}
		if shared == "" {
			continue
		}
		k := fmt.Sprint(ind.Unit, "|", ind.Polarity, "|", ind.Frequency, "|", shared)
		groups[k] = append(groups[k], ind.Slug)
		agencyOf[ind.Slug] = ind.AgencySlug
	}
	// A row: agency, achievement, value (linking to the indicator), target,
	// rank.
	row := regexp.MustCompile(`(?s)<tr[^>]*>\s*<th scope=row><a href=/opd/(?P<agency>[^/]+)/>.*?</th>\s*<td class=n(?: data-sort-value=(?P<achievement>[0-9.]+))?>.*?</td>\s*<td class=n[^>]*><a href=/iku/(?P<indicator>[^/]+)/>.*?</td>\s*<td class=n[^>]*>.*?</td>\s*<td class=n(?: data-sort-value=(?P<rank>\d+))?>.*?</tr>`)
	col := func(r []string, name string) string { return r[row.SubexpIndex(name)] }
	pages := 0
	for _, slugs := range groups {
		if len(slugs) < 3 {
			continue
		}
		pages++
		// The page that lists the first of them.
		var matches []string
		all, _ := filepath.Glob(filepath.Join(public, "banding", "*", "index.html"))
		for _, f := range all {
			if strings.Contains(readFile(t, f), "href=/iku/"+slugs[0]+"/") {
				matches = append(matches, f)
			}
		}
		if len(matches) != 1 {
			t.Errorf("the %d indicators %v have %d comparison pages; want 1", len(slugs), slugs, len(matches))
			continue
		}
		page := matches[0]
		slug := filepath.Base(filepath.Dir(page))
		html := readFile(t, page)
		if _, err := os.Stat(filepath.Join(public, "en", "banding", slug, "index.html")); err != nil {
			t.Errorf("/banding/%s/ has no English page", slug)
		}
		rows := row.FindAllStringSubmatch(html, -1)
		if len(rows) != len(slugs) {
			t.Errorf("/banding/%s/ lists %d rows; want %d, one per agency", slug, len(rows), len(slugs))
		}
		seen := map[string]bool{}
		lastRank, lastAch, unranked := 0, 1e9, false
		for _, r := range rows {
			rank, ind, agency, ach := col(r, "rank"), col(r, "indicator"), col(r, "agency"), col(r, "achievement")
			if agencyOf[ind] != agency {
				t.Errorf("/banding/%s/: the row of agency %s links to indicator %s", slug, agency, ind)
			}
			seen[ind] = true
			if rank == "" {
				unranked = true
				continue
			}
			n, _ := strconv.Atoi(rank)
			a, _ := strconv.ParseFloat(ach, 64)
			a = min(a, 120) // ranked by achievement capped at the demo's score cap
			if unranked || n < lastRank || a > lastAch {
				t.Errorf("/banding/%s/: rank %s (%s%%) follows rank %d (%.2f%%): not in ranked order", slug, rank, ach, lastRank, lastAch)
			}
			lastRank, lastAch = n, a
		}
		for _, s := range slugs {
			if !seen[s] {
				t.Errorf("/banding/%s/ does not list %s", slug, s)
			}
			agency := readFile(t, filepath.Join(public, "opd", agencyOf[s], "index.html"))
			if !strings.Contains(agency, "href=/banding/"+slug+"/") {
				t.Errorf("/opd/%s/ does not link to its comparison /banding/%s/", agencyOf[s], slug)
			}
		}
	}
	if pages == 0 {
		t.Fatal("the demo has no indicator shared by three or more agencies: the test reads the data wrong")
	}
	all, _ := filepath.Glob(filepath.Join(public, "banding", "*", "index.html"))
	if len(all) != pages {
		t.Errorf("the site has %d comparison pages; want %d, one per shared indicator", len(all), pages)
	}
}
