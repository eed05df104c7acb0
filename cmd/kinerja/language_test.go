package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/tanjungbalai/kinerja/generator/bundle"
)

// TestEnglishSitePages: the English site has the same pages as the
// Indonesian one under /en/: home, every agency, indicator and sector, and
// the hand-written pages, each saying in English that the data is
// fictitious.
func TestEnglishSitePages(t *testing.T) {
	public := demoSite(t)
	ds, err := bundle.Demo().Load(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"index.html", "metodologi/index.html", "tentang/index.html", "aksesibilitas/index.html",
		"data/index.html", "rilis/index.html", "iku/index.html", "opd/index.html", "sektor/index.html"}
	for _, a := range ds.Agencies {
		want = append(want, "opd/"+a.Slug+"/index.html")
	}
	for _, s := range ds.Sectors {
		want = append(want, "sektor/"+s.Slug+"/index.html")
	}
	for _, ind := range ds.Indicators {
		want = append(want, "iku/"+ind.Slug+"/index.html")
	}
	for _, p := range want {
		b, err := os.ReadFile(filepath.Join(public, "en", p))
		if err != nil {
			t.Errorf("public/en/%s is missing", p)
			continue
		}
		page := string(b)
		if !strings.Contains(page, "Sample data — not official data.") {
			t.Errorf("public/en/%s lacks the English demo banner", p)
		}
		if !regexp.MustCompile(`<html lang="?en"?>`).MatchString(page) {
			t.Errorf("public/en/%s is not marked <html lang=en>", p)
		}
	}
	// An agency, a sector and an indicator are named in English where the
	// data has it; text without an English column (an indicator's
	// formula) shows the Indonesian, marked as Indonesian.
	for p, heading := range map[string]string{
		"opd/dinas-kesehatan/index.html": "<h1>Health Office",
		"sektor/kesehatan/index.html":    "<h1>Health</h1>",
		"iku/dinkes-ikm/index.html":      `<h1>Community Satisfaction Index \(IKM\) for the services`,
		"iku/dinkes-ikm/index.html#":     `<dt>Formula</dt><dd><span lang="?id"?>IKM =`,
		// The agencies' explanations and the files' column titles are
		// Indonesian text on an English page: marked so.
		"iku/dlh-bank-sampah-aktif/index.html": `<dd lang="?id"?>`,
		"data/index.html":                      `<td lang="?id"?>Realisasi</td>`,
	} {
		if page := readFile(t, filepath.Join(public, "en", strings.TrimSuffix(p, "#"))); !regexp.MustCompile(heading).MatchString(page) {
			t.Errorf("public/en/%s: no %s", p, heading)
		}
	}
}

// TestLanguageFormats renders an indicator page in Indonesian and in
// English and checks how each writes numbers, quarters and dates, in the
// page, in the chart's SVG and in the one-sentence summary, and the lang
// and hreflang attributes that tie the two pages together.
func TestLanguageFormats(t *testing.T) {
	public := demoSite(t)
	const slug = "disporapar-kunjungan-wisatawan" // thousands, decimals and an English unit
	var api struct {
		Latest string `json:"latest_quarter"`
		Series []struct {
			Period      string `json:"period"`
			Actual      string `json:"actual"`
			Achievement string `json:"achievement"`
		} `json:"series"`
	}
	if err := json.Unmarshal([]byte(readFile(t, filepath.Join(public, "api", "v1", "iku", slug+".json"))), &api); err != nil {
		t.Fatal(err)
	}
	last := api.Series[len(api.Series)-1]
	first := api.Series[0]
	if last.Period != api.Latest || len(last.Actual) < 4 || !strings.Contains(last.Achievement, ".") {
		t.Fatalf("the demo's %s changed (latest %+v): pick an indicator with a value ≥ 1000 and an achievement with decimals", slug, last)
	}
	year, q := quarterParts(t, api.Latest)
	fy, fq := quarterParts(t, first.Period)
	roman := []string{"", "I", "II", "III", "IV"}
	const base = "https://kinerja.tanjungbalaikota.go.id"

	for _, tc := range []struct {
		lang, dir, other     string
		quarter, wrongQ      string
		axisQuarter          string
		actual, achievement  string
		summary              string
		months, wrongMonths  string
		switchTo, switchText string
	}{
		{
			lang: "id", dir: "", other: "en",
			quarter: fmt.Sprintf("Triwulan %s %d", roman[q], year), wrongQ: fmt.Sprintf("Q%d %d", q, year),
			axisQuarter: fmt.Sprintf("TW %s %d", roman[fq], fy),
			actual:      group(last.Actual, ".", ",") + "\u00a0kunjungan", achievement: group(last.Achievement, ".", ",") + "%",
			summary: "Pada Triwulan", months: "Januari|April|Juli|Oktober", wrongMonths: "January|July|October",
			switchTo: "/en/iku/" + slug + "/", switchText: "English",
		},
		{
			lang: "en", dir: "en", other: "id",
			quarter: fmt.Sprintf("Q%d %d", q, year), wrongQ: "Triwulan",
			axisQuarter: fmt.Sprintf("Q%d %d", fq, fy),
			actual:      group(last.Actual, ",", ".") + "\u00a0visits", achievement: group(last.Achievement, ",", ".") + "%",
			summary: "In Q", months: "January|April|July|October", wrongMonths: "Januari|Juli|Oktober",
			switchTo: "/iku/" + slug + "/", switchText: "Bahasa Indonesia",
		},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			raw := readFile(t, filepath.Join(public, tc.dir, "iku", slug, "index.html"))
			page := html.UnescapeString(raw)

			// lang and hreflang.
			if !regexp.MustCompile(`<html lang="?` + tc.lang + `"?>`).MatchString(raw) {
				t.Errorf("no <html lang=%s>", tc.lang)
			}
			for lang, url := range map[string]string{
				"id": base + "/iku/" + slug + "/", "en": base + "/en/iku/" + slug + "/", "x-default": base + "/iku/" + slug + "/",
			} {
				re := regexp.MustCompile(`<link rel="?alternate"? hreflang="?` + regexp.QuoteMeta(lang) + `"? href="?` + regexp.QuoteMeta(url) + `"?>`)
				if !re.MatchString(raw) {
					t.Errorf("no <link rel=alternate hreflang=%s href=%s>", lang, url)
				}
			}
			sw := regexp.MustCompile(`<a href="?` + regexp.QuoteMeta(tc.switchTo) + `"? hreflang="?` + tc.other + `"? lang="?` + tc.other + `"?>` + tc.switchText + `</a>`)
			if !sw.MatchString(raw) {
				t.Errorf("no language switch to %s (%s) marked hreflang and lang %s", tc.switchTo, tc.switchText, tc.other)
			}

			// The page outside the chart: key figures and headings.
			svgAt, svgEnd := strings.Index(page, "<svg"), strings.Index(page, "</svg>")
			if svgAt < 0 || svgEnd < svgAt {
				t.Fatal("no inline SVG")
			}
			text := page[:svgAt] + page[svgEnd:]
			for _, want := range []string{tc.quarter, tc.actual, tc.achievement} {
				if !strings.Contains(text, want) {
					t.Errorf("the page does not show %q", want)
				}
			}
			if strings.Contains(text, tc.wrongQ) {
				t.Errorf("the page writes a quarter the other language's way (%q)", tc.wrongQ)
			}

			// The summary under the chart.
			summary := between(t, page, "<figcaption>", "</figcaption>")
			for _, want := range []string{tc.summary, tc.quarter, tc.actual, tc.achievement} {
				if !strings.Contains(summary, strings.ReplaceAll(want, "\u00a0", " ")) && !strings.Contains(summary, want) {
					t.Errorf("summary %q lacks %q", summary, want)
				}
			}

			// The chart's SVG: its description (the sentence under it), its
			// axis periods and ticks.
			svg := page[svgAt:svgEnd]
			_, title, _ := strings.Cut(between(t, svg, "<title", "</title>"), ">")
			if title != summary {
				t.Errorf("SVG title %q; want the summary under the chart, %q", title, summary)
			}
			labels := svgTexts(svg)
			if !contains(labels, tc.axisQuarter) {
				t.Errorf("SVG axis labels %q lack the first period %q", labels, tc.axisQuarter)
			}
			mark := map[string]string{"id": ".", "en": ","}[tc.lang]
			wrong := map[string]string{"id": ",", "en": "."}[tc.lang]
			grouped := false
			for _, l := range labels {
				if regexp.MustCompile(`^\d{1,3}(` + regexp.QuoteMeta(mark) + `\d{3})+$`).MatchString(l) {
					grouped = true
				}
				if regexp.MustCompile(`^\d{1,3}(` + regexp.QuoteMeta(wrong) + `\d{3})+$`).MatchString(l) {
					t.Errorf("SVG tick %q groups thousands the other language's way", l)
				}
			}
			if !grouped {
				t.Errorf("SVG ticks %q have no thousands grouped with %q", labels, mark)
			}

			// A date: the next release on the home page.
			home := html.UnescapeString(readFile(t, filepath.Join(public, tc.dir, "index.html")))
			if !regexp.MustCompile(`\b\d{1,2} (` + tc.months + `) \d{4}\b`).MatchString(home) {
				t.Errorf("the home page has no date written as in %s", tc.lang)
			}
			if regexp.MustCompile(`\b\d{1,2} (` + tc.wrongMonths + `) \d{4}\b`).MatchString(home) {
				t.Errorf("the home page writes a date the other language's way")
			}
		})
	}
}

func quarterParts(t *testing.T, key string) (year, q int) {
	t.Helper()
	y, n, ok := strings.Cut(key, "-Q")
	year, err1 := strconv.Atoi(y)
	q, err2 := strconv.Atoi(n)
	if !ok || err1 != nil || err2 != nil {
		t.Fatalf("%q is not a quarter key", key)
	}
	return year, q
}

// group writes exact decimal text with the given thousands and decimal
// marks: group("23249.5", ",", ".") = "23,249.5".
func group(s, thousands, decimal string) string {
	in, frac, hasFrac := strings.Cut(s, ".")
	var b strings.Builder
	for i, r := range in {
		if i > 0 && (len(in)-i)%3 == 0 {
			b.WriteString(thousands)
		}
		b.WriteRune(r)
	}
	if hasFrac {
		b.WriteString(decimal + frac)
	}
	return b.String()
}

func between(t *testing.T, s, from, to string) string {
	t.Helper()
	i := strings.Index(s, from)
	if i < 0 {
		t.Fatalf("no %q", from)
	}
	rest := s[i+len(from):]
	j := strings.Index(rest, to)
	if j < 0 {
		t.Fatalf("no %q after %q", to, from)
	}
	return rest[:j]
}

var svgText = regexp.MustCompile(`<text[^>]*>([^<]*)</text>`)

func svgTexts(svg string) []string {
	var out []string
	for _, m := range svgText.FindAllStringSubmatch(svg, -1) {
		out = append(out, m[1])
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// TestEnglishTitles: every English indicator page of the demo is titled
// in English (its <title>, its heading, and its entry in the search
// index, which English search shows), never with the indicator's
// Indonesian name.
func TestEnglishTitles(t *testing.T) {
	public := demoSite(t)
	ds, err := bundle.Demo().Load(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	indonesian := map[string]bool{}
	english := map[string]string{}
	for _, ind := range ds.Indicators {
		indonesian[ind.Name] = true
		english["/en/iku/"+ind.Slug+"/"] = ind.NameEN
	}
	for _, ind := range ds.Indicators {
		page := readFile(t, filepath.Join(public, "en", "iku", ind.Slug, "index.html"))
		h1 := regexp.MustCompile(`<h1>(.*?)</h1>`).FindStringSubmatch(page)
		title := regexp.MustCompile(`<title>(.*?) · `).FindStringSubmatch(page)
		if ind.NameEN == "" || h1 == nil || title == nil || html.UnescapeString(h1[1]) != ind.NameEN || html.UnescapeString(title[1]) != ind.NameEN {
			t.Errorf("/en/iku/%s/ is titled %q, %q; want its English name %q", ind.Slug, title, h1, ind.NameEN)
		}
	}
	// The comparisons of the same indicator across agencies: named in
	// English, the agency in words ("the agency"), one article.
	cmps, _ := filepath.Glob(filepath.Join(public, "en", "banding", "*", "index.html"))
	if len(cmps) == 0 {
		t.Errorf("the demo has no English comparison page")
	}
	for _, f := range cmps {
		page := readFile(t, f)
		h1 := regexp.MustCompile(`<h1>(.*?)</h1>`).FindStringSubmatch(page)
		if h1 == nil || strings.Contains(h1[1], "lang") || strings.Contains(h1[1], "…") || strings.Contains(h1[1], "the the ") {
			t.Errorf("%s is titled %q; want English words", f, h1)
		}
	}
	// The search index: one fragment per page, gzip of "pagefind_dcd"
	// and the page's JSON record.
	frags, _ := filepath.Glob(filepath.Join(public, "pagefind", "fragment", "en_*.pf_fragment"))
	seen := 0
	for _, f := range frags {
		zr, err := gzip.NewReader(strings.NewReader(readFile(t, f)))
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(zr)
		if err != nil {
			t.Fatal(err)
		}
		var rec struct {
			URL  string `json:"url"`
			Meta struct {
				Title string `json:"title"`
			} `json:"meta"`
		}
		if err := json.Unmarshal(bytes.TrimPrefix(b, []byte("pagefind_dcd")), &rec); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		want, ok := english[rec.URL]
		if !ok {
			continue
		}
		seen++
		if indonesian[rec.Meta.Title] || rec.Meta.Title != want {
			t.Errorf("English search finds %s titled %q; want %q", rec.URL, rec.Meta.Title, want)
		}
	}
	if len(frags) > 0 && seen != len(ds.Indicators) {
		t.Errorf("the English search index has %d of the %d indicator pages", seen, len(ds.Indicators))
	}
	if len(frags) == 0 {
		t.Log("no search index in the demo site (no Pagefind): only the pages were checked")
	}
}
