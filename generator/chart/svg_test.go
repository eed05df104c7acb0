package chart

import (
	"strings"
	"testing"
)

const okSVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" width="100%" role="img" aria-labelledby="c-title">` +
	`<title id="c-title">A chart</title><defs><clipPath id="c-c0"><path d="M0 0L1 1"/></clipPath></defs>` +
	`<g clip-path="url(#c-c0)"><path d="M0 0L1 1" fill="#000" stroke="url(#c-c0)"/></g>` +
	`<text font-size="12px" xml:space="preserve">&lt;script&gt;</text></svg>`

func TestCheckAcceptsAGoodSVG(t *testing.T) {
	if err := Check("c", []byte(okSVG)); err != nil {
		t.Errorf("Check(good SVG) = %v; want nil", err)
	}
}

func TestCheckRejects(t *testing.T) {
	for _, tc := range []struct{ name, svg, why string }{
		{"script", `<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>`, "<script>"},
		{"onload", `<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>`, "event handler"},
		{"onclick nested", `<svg xmlns="http://www.w3.org/2000/svg"><g><path d="M0 0" onclick="x()"/></g></svg>`, "event handler"},
		{"foreignObject", `<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><div>x</div></foreignObject></svg>`, "<foreignObject>"},
		{"external href", `<svg xmlns="http://www.w3.org/2000/svg"><use href="https://evil.example/x.svg#a"/></svg>`, "<use>"},
		{"external xlink:href", `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><pattern id="p" xlink:href="https://evil.example/p"/></svg>`, "points outside"},
		{"javascript: URL", `<svg xmlns="http://www.w3.org/2000/svg"><a href="javascript:alert(1)"><text>x</text></a></svg>`, "<a>"},
		{"javascript: in href", `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><pattern id="p" xlink:href="java&#x09;script:alert(1)"/></svg>`, "javascript"},
		{"style attribute", `<svg xmlns="http://www.w3.org/2000/svg"><text style="font-size:12px">x</text></svg>`, "style attribute"},
		{"style element", `<svg xmlns="http://www.w3.org/2000/svg"><style>text{fill:red}</style></svg>`, "<style>"},
		{"external url()", `<svg xmlns="http://www.w3.org/2000/svg"><path d="M0 0" fill="url(https://evil.example/x.svg#p)"/></svg>`, "outside"},
		{"data url()", `<svg xmlns="http://www.w3.org/2000/svg"><path d="M0 0" fill="url(data:image/svg+xml;base64,AAAA)"/></svg>`, "data URL"},
		{"dangling url(#)", `<svg xmlns="http://www.w3.org/2000/svg"><path d="M0 0" fill="url(#nowhere)"/></svg>`, "does not define"},
		{"image", `<svg xmlns="http://www.w3.org/2000/svg"><image href="#x"/></svg>`, "<image>"},
		{"iframe", `<svg xmlns="http://www.w3.org/2000/svg"><iframe/></svg>`, "<iframe>"},
		{"duplicate id", `<svg xmlns="http://www.w3.org/2000/svg"><g id="a"/><g id="a"/></svg>`, "twice"},
		{"other namespace", `<svg xmlns="http://www.w3.org/1999/xhtml"/>`, "namespace"},
		{"other namespace declared", `<svg xmlns="http://www.w3.org/2000/svg" xmlns:h="http://www.w3.org/1999/xhtml"><h:script>alert(1)</h:script></svg>`, "xmlns:h"},
		{"prefixed element", `<svg xmlns="http://www.w3.org/2000/svg"><h:script>alert(1)</h:script></svg>`, "<h:script>"},
		{"comment", `<svg xmlns="http://www.w3.org/2000/svg"><!-- x --></svg>`, "comment"},
		{"CDATA", `<svg xmlns="http://www.w3.org/2000/svg"><text><![CDATA[<script>alert(1)</script>]]></text></svg>`, "CDATA"},
		{"doctype", `<!DOCTYPE svg [<!ENTITY x "y">]><svg xmlns="http://www.w3.org/2000/svg"/>`, "doctype"},
		{"processing instruction", `<?xml-stylesheet href="https://evil.example/x.css"?><svg xmlns="http://www.w3.org/2000/svg"/>`, "processing"},
		{"not SVG", `<html><script>alert(1)</script></html>`, "<html>"},
		{"two roots", `<svg xmlns="http://www.w3.org/2000/svg"/><svg xmlns="http://www.w3.org/2000/svg"/>`, "more than one root"},
		{"unclosed", `<svg xmlns="http://www.w3.org/2000/svg"><g>`, "not closed"},
		{"unknown entity", `<svg xmlns="http://www.w3.org/2000/svg"><text>&nbsp;</text></svg>`, "XML"},
		{"markup in attribute", `<svg xmlns="http://www.w3.org/2000/svg"><text font-family="&lt;script&gt;">x</text></svg>`, "markup"},
		{"empty", ``, "root"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := Check("iku-x-trend", []byte(tc.svg))
			if err == nil {
				t.Fatalf("Check(%s) = nil; want an error", tc.svg)
			}
			if !strings.Contains(err.Error(), `"iku-x-trend"`) || !strings.Contains(err.Error(), tc.why) {
				t.Errorf("Check(%s) = %q; want it to name the chart and say %q", tc.svg, err, tc.why)
			}
		})
	}
}

func TestFinishRewritesEChartsOutput(t *testing.T) {
	raw := `<svg width="400" height="280" xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" version="1.1" baseProfile="full" viewBox="0 0 400 280">
<rect width="400" height="280" x="0" y="0" fill="none"></rect>
<text dominant-baseline="central" text-anchor="middle" style="font-size:12px;font-family:&quot;Noto Sans&quot;, sans-serif;cursor:pointer;" transform="translate(60 50)" fill="#54555a">menit &amp; &lt;b&gt;</text>
<path d="M0 0" fill="url(#zr7-p0)" ecmeta_series_index="0" class="zr7-cls-1" pointer-events="visible"></path>
<g clip-path="url(#zr7-c0)"><path d="M1 1"/></g>
<defs><pattern id="zr7-p0" width="1" height="7"><path d="M0 0"/></pattern><clipPath id="zr7-c0"><path d="M0 0"/></clipPath></defs>
<style ><![CDATA[
.zr7-cls-1:hover {
cursor:pointer;
fill:rgba(0,125,195,1);
}
]]>
</style>
</svg>`
	c := Chart{ID: "iku-a-trend", Width: 400, Height: 280, Description: `Realisasi "naik" & <turun>`}
	got, err := finish(c, raw)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 400 280" width="100%" role="img" aria-labelledby="iku-a-trend-title">`,
		`<title id="iku-a-trend-title">Realisasi &quot;naik&quot; &amp; &lt;turun&gt;</title>`,
		`font-size="12px" font-family="&quot;Noto Sans&quot;, sans-serif"`,
		`>menit &amp; &lt;b&gt;</text>`,
		`<path d="M0 0" fill="url(#iku-a-trend-p0)"/>`,
		`<g clip-path="url(#iku-a-trend-c0)">`,
		`<pattern id="iku-a-trend-p0"`,
		`<clipPath id="iku-a-trend-c0">`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("finish() lacks %s\n%s", want, got)
		}
	}
	for _, bad := range []string{"style", "class=", "ecmeta", "pointer-events", "cursor", "zr7", "baseProfile", "CDATA"} {
		if strings.Contains(got, bad) {
			t.Errorf("finish() kept %q:\n%s", bad, got)
		}
	}
}

func TestFinishRefusesWhatItCannotKeep(t *testing.T) {
	c := Chart{ID: "x", Width: 10, Height: 10}
	for _, raw := range []string{
		`<svg xmlns="http://www.w3.org/2000/svg"><style>text { fill: red }</style></svg>`,
		`<svg xmlns="http://www.w3.org/2000/svg"><text style="filter:url(#f)">x</text></svg>`,
		`<svg xmlns="http://www.w3.org/2000/svg"><text style="behavior:url(x.htc)">x</text></svg>`,
		`<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>`,
		`<svg xmlns="http://www.w3.org/2000/svg"><path d="M0 0" fill="url(https://evil.example/#p)"/></svg>`,
	} {
		if got, err := finish(c, raw); err == nil {
			t.Errorf("finish(%s) = %s; want an error", raw, got)
		}
	}
}
