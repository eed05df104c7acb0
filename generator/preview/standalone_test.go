package preview

import (
	"bytes"
	"encoding/xml"
	"io"
	"strings"
	"testing"
)

const chartSVG = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 360 250" width="100%" role="img" aria-labelledby="c-title"><title id="c-title">A chart</title><rect width="360" height="250" x="0" y="0" fill="none"/><path d="M37.8 203.5L344 203.5" fill="none" stroke="#d9d9d9"/><text font-size="13px" transform="translate(29.84 203)" fill="#595959">&lt;/text&gt;</text></svg>`

// TestStandaloneSVG: the file is well-formed XML in the SVG namespace, has
// a size, a white background, the chart, and the title and footer as
// escaped text, hostile ones included.
func TestStandaloneSVG(t *testing.T) {
	const hostile = `</script><img src=x onerror=alert(1)>`
	b, err := StandaloneSVG(chartSVG, "Waktu tunggu "+hostile, []string{"Sumber: RSUD " + hostile + " · CC BY 4.0", "https://example.org/iku/x/"})
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	if strings.Contains(s, "<img") || strings.Contains(s, "</script>") {
		t.Errorf("the hostile text became markup:\n%s", s)
	}
	d := xml.NewDecoder(bytes.NewReader(b))
	var root *xml.StartElement
	var texts []string
	inText := false
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("not well-formed: %v\n%s", err, s)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			if root == nil {
				e := tok.Copy()
				root = &e
			}
			if tok.Name.Space != "http://www.w3.org/2000/svg" {
				t.Errorf("element %v is not in the SVG namespace", tok.Name)
			}
			inText = tok.Name.Local == "text"
		case xml.CharData:
			if inText {
				texts = append(texts, string(tok))
			}
		case xml.EndElement:
			inText = false
		}
	}
	attr := map[string]string{}
	for _, a := range root.Attr {
		attr[a.Name.Local] = a.Value
	}
	if root.Name.Local != "svg" || attr["width"] != "800" || attr["height"] == "" || attr["viewBox"] == "" {
		t.Errorf("root %v %v; want an svg with a width of 800, a height and a viewBox", root.Name, attr)
	}
	if !strings.Contains(s, `fill="#ffffff"`) {
		t.Error("no white background")
	}
	all := strings.Join(texts, "\n")
	for _, want := range []string{"Waktu tunggu", "</script><img", "Sumber: RSUD", "CC BY 4.0", "https://example.org/iku/x/", "</text>"} {
		if !strings.Contains(all, want) {
			t.Errorf("the text %q is not in the SVG's text:\n%s", want, all)
		}
	}
	again, _ := StandaloneSVG(chartSVG, "Waktu tunggu "+hostile, []string{"Sumber: RSUD " + hostile + " · CC BY 4.0", "https://example.org/iku/x/"})
	if !bytes.Equal(b, again) {
		t.Error("the same chart gives different bytes")
	}
	if _, err := StandaloneSVG("<svg><path/></svg>", "x", nil); err == nil {
		t.Error("an SVG without a viewBox: no error")
	}
}
