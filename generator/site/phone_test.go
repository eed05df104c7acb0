package site

import (
	"regexp"
	"strings"
	"testing"

	"github.com/gohugoio/hugo/hugolib"
)

// crumbAndH1 returns a page's last breadcrumb (the page itself) and its
// h1, as text.
func crumbAndH1(t *testing.T, html string) (crumb, h1 string) {
	t.Helper()
	tags := regexp.MustCompile(`<[^>]+>`)
	if m := regexp.MustCompile(`(?s)<span aria-current="page">(.*?)</span>`).FindStringSubmatch(html); m != nil {
		crumb = strings.TrimSpace(tags.ReplaceAllString(m[1], ""))
	}
	if m := regexp.MustCompile(`(?s)<h1>(.*?)</h1>`).FindStringSubmatch(html); m != nil {
		h1 = strings.TrimSpace(tags.ReplaceAllString(m[1], ""))
	}
	return crumb, h1
}

// _partials/breadcrumbs.html with asn.html and rilis/page.html: the
// breadcrumb names the page as its h1 does, in both languages: /asn/ (its
// English title once differed from its h1), and a release whose page the
// office wrote (content/rilis/2026-q3.md, with or without a title of its
// own): the quarter's name from the display model ("Rilis Triwulan III
// 2026", "Release Q3 2026"), never the file's "2026-Q3".
func TestBreadcrumbNamesThePageAsItsHeading(t *testing.T) {
	data, models := records(t, fixture())
	for _, note := range []string{
		"Catatan kantor untuk triwulan ini.\n",
		"---\ntitle: 2026-Q3\n---\nCatatan kantor untuk triwulan ini.\n",
	} {
		files := themeFiles(t) + data + "-- content/rilis/2026-q3.md --\n" + note + "-- content/rilis/2026-q3.en.md --\n" + note
		b := hugolib.Test(t, files)
		for _, m := range models {
			rel := m.Releases[0]
			for _, p := range []string{"asn/", "rilis/2026-q3/"} {
				crumb, h1 := crumbAndH1(t, b.FileContent(page(m.Lang, p)))
				if crumb == "" || crumb != h1 {
					t.Errorf("%s %s (note %q): breadcrumb %q, h1 %q; want the same non-empty name", m.Lang, p, note, crumb, h1)
				}
				if p == "rilis/2026-q3/" && crumb != rel.Title {
					t.Errorf("%s %s (note %q): breadcrumb %q; want the release's title %q", m.Lang, p, note, crumb, rel.Title)
				}
			}
		}
	}
}

