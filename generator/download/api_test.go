package download

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/tanjungbalai/kinerja/generator/bundle"
	"github.com/tanjungbalai/kinerja/generator/display"
	"github.com/tanjungbalai/kinerja/generator/iku"
)

// demoReport evaluates the embedded demo once for all API tests, and
// builds its display model in Indonesian (the downloads' language).
var demoReport = sync.OnceValues(func() (*demoData, error) {
	ds, err := bundle.Demo().Load(context.Background())
	if err != nil {
		return nil, err
	}
	rep, err := iku.Evaluate(ds, iku.DefaultRules(), iku.Options{})
	if err != nil {
		return nil, err
	}
	m, err := displayModel(ds, rep)
	if err != nil {
		return nil, err
	}
	return &demoData{ds: ds, rep: rep, m: m}, nil
})

type demoData struct {
	ds  *iku.Dataset
	rep *iku.Report
	m   *display.Model
}

func demoAPI(t *testing.T, o APIOptions) (*demoData, map[string][]byte) {
	t.Helper()
	d, err := demoReport()
	if err != nil {
		t.Fatalf("load and evaluate the demo: %v", err)
	}
	files, err := API(d.m, o)
	if err != nil {
		t.Fatalf("API: %v", err)
	}
	return d, files
}

// decode reads a document the way a JSON Schema validator needs it
// (numbers as json.Number).
func decode(t *testing.T, name string, b []byte) any {
	t.Helper()
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("%s is not JSON: %v", name, err)
	}
	return v
}

const specURL = "https://kinerja.example.go.id/api/v1/openapi.json"

// apiSchemas compiles the Index and Indicator schemas out of the OpenAPI
// document that API wrote, with a JSON Schema 2020-12 validator that also
// asserts formats.
func apiSchemas(t *testing.T, files map[string][]byte) (index, indicator *jsonschema.Schema) {
	i, ind, _ := apiSchemasWithUnit(t, files)
	return i, ind
}

func apiSchemasWithUnit(t *testing.T, files map[string][]byte) (index, indicator, unit *jsonschema.Schema) {
	t.Helper()
	spec, ok := files["api/v1/openapi.json"]
	if !ok {
		t.Fatal("API wrote no api/v1/openapi.json")
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	c.AssertFormat()
	if err := c.AddResource(specURL, decode(t, "openapi.json", spec)); err != nil {
		t.Fatalf("add openapi.json: %v", err)
	}
	compile := func(name string) *jsonschema.Schema {
		s, err := c.Compile(specURL + "#/components/schemas/" + name)
		if err != nil {
			t.Fatalf("compile #/components/schemas/%s: %v", name, err)
		}
		return s
	}
	return compile("Index"), compile("Indicator"), compile("Unit")
}

func TestAPIDocumentsMatchTheirSchemas(t *testing.T) {
	for _, o := range []APIOptions{{}, {BaseURL: "https://kinerja.example.go.id/portal/"}} {
		t.Run(fmt.Sprintf("BaseURL=%q", o.BaseURL), func(t *testing.T) {
			d, files := demoAPI(t, o)
			index, indicator, unit := apiSchemasWithUnit(t, files)
			units := len(d.ds.Units)
			if units == 0 {
				t.Fatal("the demo has no service units: api/v1/unit/ is not tested")
			}

			if got, want := len(files), len(d.rep.Indicators)+units+2; got != want {
				t.Errorf("API wrote %d files; want %d (index, openapi, one per indicator and one per service unit)", got, want)
			}
			names := make([]string, 0, len(files))
			for name := range files {
				names = append(names, name)
			}
			sort.Strings(names)
			checked := 0
			for _, name := range names {
				b := files[name]
				if !bytes.HasSuffix(b, []byte("}\n")) {
					t.Errorf("%s does not end in a newline after the closing brace", name)
				}
				var sch *jsonschema.Schema
				switch {
				case name == "api/v1/index.json":
					sch = index
				case strings.HasPrefix(name, "api/v1/iku/") && strings.HasSuffix(name, ".json"):
					sch = indicator
				case strings.HasPrefix(name, "api/v1/unit/") && strings.HasSuffix(name, ".json"):
					sch = unit
				case name == "api/v1/openapi.json":
					continue
				default:
					t.Errorf("unexpected file %s", name)
					continue
				}
				if err := sch.Validate(decode(t, name, b)); err != nil {
					t.Errorf("%s does not match its schema:\n%v", name, err)
				}
				checked++
			}
			if checked != len(d.rep.Indicators)+units+1 {
				t.Errorf("validated %d documents; want %d", checked, len(d.rep.Indicators)+units+1)
			}

			// Every document the index links to exists.
			var idx struct {
				Links      struct{ Self, OpenAPI string }
				Indicators []struct{ URL string }
				Units      []struct{ URL string }
			}
			if err := json.Unmarshal(files["api/v1/index.json"], &idx); err != nil {
				t.Fatal(err)
			}
			base := strings.TrimSuffix(o.BaseURL, "/")
			for _, u := range append([]string{idx.Links.Self, idx.Links.OpenAPI}, func() []string {
				var s []string
				for _, i := range idx.Indicators {
					s = append(s, i.URL)
				}
				for _, u := range idx.Units {
					s = append(s, u.URL)
				}
				return s
			}()...) {
				p, ok := strings.CutPrefix(u, base+"/")
				if !ok {
					t.Errorf("link %q does not start with %q", u, base+"/")
					continue
				}
				if _, ok := files[p]; !ok {
					t.Errorf("the index links to %q, which API did not write", u)
				}
			}
		})
	}
}

// TestAPISchemaIsStrict proves the schemas can fail: each change to a
// valid document must make it invalid.
func TestAPISchemaIsStrict(t *testing.T) {
	_, files := demoAPI(t, APIOptions{})
	index, indicator := apiSchemas(t, files)
	const slug = "rsud-waktu-tunggu-rawat-jalan"
	name := "api/v1/iku/" + slug + ".json"
	if _, ok := files[name]; !ok {
		t.Fatalf("the demo has no indicator %q; pick another one for this test", slug)
	}
	// reported is the index of a series entry with an actual and a category.
	reported := -1
	for i, e := range decode(t, name, files[name]).(map[string]any)["series"].([]any) {
		if m := e.(map[string]any); m["actual"] != nil && m["status"] == "category" {
			reported = i
		}
	}
	if reported < 0 {
		t.Fatalf("%s has no reported period with a category", name)
	}
	entry := func(doc map[string]any) map[string]any {
		return doc["series"].([]any)[reported].(map[string]any)
	}
	indicatorCases := []struct {
		what   string
		change func(doc map[string]any)
	}{
		{"actual as a JSON number", func(doc map[string]any) { entry(doc)["actual"] = json.Number("57.25") }},
		{"actual as a float in exponent form", func(doc map[string]any) { entry(doc)["actual"] = "5.725e1" }},
		{"actual with a decimal comma", func(doc map[string]any) { entry(doc)["actual"] = "57,25" }},
		{"achievement with a percent sign", func(doc map[string]any) { entry(doc)["achievement"] = "98.50%" }},
		{"unknown status", func(doc map[string]any) { entry(doc)["status"] = "good" }},
		{"status null", func(doc map[string]any) { entry(doc)["status"] = nil }},
		{"unknown basis", func(doc map[string]any) { entry(doc)["basis"] = "monthly" }},
		{"bad period key", func(doc map[string]any) { entry(doc)["period"] = "2026-Q5" }},
		{"unknown period kind", func(doc map[string]any) { entry(doc)["kind"] = "month" }},
		{"extra field in a period", func(doc map[string]any) { entry(doc)["comment"] = "x" }},
		{"missing field in a period", func(doc map[string]any) { delete(entry(doc), "ytd") }},
		{"extra field in the indicator", func(doc map[string]any) { doc["score"] = "1" }},
		{"missing field in the indicator", func(doc map[string]any) { delete(doc, "limitations") }},
		{"unknown frequency", func(doc map[string]any) { doc["frequency"] = "monthly" }},
		{"unknown polarity", func(doc map[string]any) { doc["polarity"] = "range" }},
		{"unknown consolidation", func(doc map[string]any) { doc["consolidation"] = "median" }},
		{"another version", func(doc map[string]any) { doc["version"] = "v2" }},
		{"another licence", func(doc map[string]any) { doc["licence"].(map[string]any)["name"] = "CC0-1.0" }},
		{"a slug with a space", func(doc map[string]any) { doc["slug"] = "waktu tunggu" }},
		{"a target value in exponent form", func(doc map[string]any) { doc["targets"].([]any)[0].(map[string]any)["value"] = "1e3" }},
		{"a target value null", func(doc map[string]any) { doc["targets"].([]any)[0].(map[string]any)["value"] = nil }},
		{"a relative link", func(doc map[string]any) { doc["links"].(map[string]any)["page"] = "iku/x/" }},
	}
	if err := indicator.Validate(decode(t, name, files[name])); err != nil {
		t.Fatalf("the unchanged %s does not match: %v", name, err)
	}
	for _, c := range indicatorCases {
		doc := decode(t, name, files[name]).(map[string]any)
		c.change(doc)
		if err := indicator.Validate(doc); err == nil {
			t.Errorf("%s with %s matches the Indicator schema; want an error", name, c.what)
		}
	}

	indexCases := []struct {
		what   string
		change func(doc map[string]any)
	}{
		{"fictitious as text", func(doc map[string]any) { doc["fictitious"] = "true" }},
		{"score cap as a number", func(doc map[string]any) { doc["score_cap"] = json.Number("120") }},
		{"score cap with a percent sign", func(doc map[string]any) { doc["score_cap"] = "120%" }},
		{"extra field", func(doc map[string]any) { doc["generated_at"] = "2026-10-15" }},
		{"extra field in an agency", func(doc map[string]any) { doc["agencies"].([]any)[0].(map[string]any)["head"] = "x" }},
		{"a bad latest status", func(doc map[string]any) {
			doc["indicators"].([]any)[0].(map[string]any)["latest"].(map[string]any)["status"] = "fine"
		}},
		{"a latest quarter in another form", func(doc map[string]any) { doc["latest_quarter"] = "Triwulan III 2026" }},
	}
	const iname = "api/v1/index.json"
	if err := index.Validate(decode(t, iname, files[iname])); err != nil {
		t.Fatalf("the unchanged index does not match: %v", err)
	}
	for _, c := range indexCases {
		doc := decode(t, iname, files[iname]).(map[string]any)
		c.change(doc)
		if err := index.Validate(doc); err == nil {
			t.Errorf("the index with %s matches the Index schema; want an error", c.what)
		}
	}
}

// decimalText is d's text, or nil.
func decimalText(d *iku.Decimal) any {
	if d == nil {
		return nil
	}
	return d.String()
}

// wantPeriod is the period key and kind of a due quarter, written out
// here rather than taken from iku.Frequency.Period.
func wantPeriod(f iku.Frequency, q iku.Quarter) (key, kind string) {
	switch f {
	case iku.Annual:
		return strconv.Itoa(q.Year), "year"
	case iku.Semiannual:
		return fmt.Sprintf("%d-S%d", q.Year, q.Q/2), "half"
	}
	return fmt.Sprintf("%d-Q%d", q.Year, q.Q), "quarter"
}

func TestAPIValuesMatchReport(t *testing.T) {
	d, files := demoAPI(t, APIOptions{})
	freq := map[iku.Frequency]int{}
	for i := range d.rep.Indicators {
		ir := &d.rep.Indicators[i]
		ind := ir.Indicator
		freq[ind.Frequency]++
		name := "api/v1/iku/" + ind.Slug + ".json"
		var doc map[string]any
		if err := json.Unmarshal(files[name], &doc); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if doc["slug"] != ind.Slug || doc["frequency"] != string(ind.Frequency) || doc["definition"] != ind.Definition {
			t.Errorf("%s: slug %v, frequency %v, definition %.20v…; want %s, %s, %.20s…", name, doc["slug"], doc["frequency"], doc["definition"], ind.Slug, ind.Frequency, ind.Definition)
		}
		series := doc["series"].([]any)
		if len(series) != len(ir.Series) {
			t.Errorf("%s has %d periods; the report has %d due periods", name, len(series), len(ir.Series))
			continue
		}
		for j, e := range ir.Series {
			got := series[j].(map[string]any)
			key, kind := wantPeriod(ind.Frequency, e.Quarter)
			if ind.Frequency == iku.Annual && e.Quarter.Q != 4 || ind.Frequency == iku.Semiannual && e.Quarter.Q%2 != 0 {
				t.Errorf("%s: the report's series holds %s, which is not due", ind.Slug, e.Quarter)
			}
			var target, high any
			if e.Target != nil {
				target, high = e.Target.Value.String(), decimalText(e.Target.High)
			}
			var category any
			if e.Category != "" {
				category = e.Category
			}
			var met any
			if e.Met != iku.MetUnknown {
				met = e.Met == iku.MetYes
			}
			for _, f := range []struct {
				field string
				want  any
			}{
				{"period", key}, {"kind", kind}, {"year", float64(e.Quarter.Year)}, {"quarter", e.Quarter.String()},
				{"actual", decimalText(e.Actual)}, {"ytd", decimalText(e.YearToDate)}, {"compared", decimalText(e.Compared)},
				{"achievement", decimalText(e.Achievement)}, {"target", target}, {"target_high", high},
				{"status", string(e.Status)}, {"category", category},
				{"exceeds", e.Exceeds}, {"provisional", e.Provisional && e.Actual != nil}, {"tercapai", met},
			} {
				if got[f.field] != f.want {
					t.Errorf("%s, %s: %s = %#v; want %#v", ind.Slug, key, f.field, got[f.field], f.want)
				}
			}
		}
		years := doc["years"].([]any)
		if len(years) != len(ir.Years) {
			t.Errorf("%s has %d years; the report has %d", name, len(years), len(ir.Years))
			continue
		}
		for j, y := range ir.Years {
			got := years[j].(map[string]any)
			if got["year"] != float64(y.Year) || got["actual"] != decimalText(y.Actual) || got["achievement"] != decimalText(y.Achievement) || got["status"] != string(y.Status) {
				t.Errorf("%s, year %d: %v %v %v %v; want %d %v %v %s", ind.Slug, y.Year, got["year"], got["actual"], got["achievement"], got["status"],
					y.Year, decimalText(y.Actual), decimalText(y.Achievement), y.Status)
			}
		}
		if len(doc["targets"].([]any)) != len(ir.Targets) {
			t.Errorf("%s has %d targets; the report has %d", name, len(doc["targets"].([]any)), len(ir.Targets))
		}
	}
	if freq[iku.Annual] == 0 || freq[iku.Semiannual] == 0 || freq[iku.Quarterly] == 0 {
		t.Fatalf("the demo has %v indicators by frequency; this test needs each frequency", freq)
	}

	// Spot checks written out, so that a shared mistake in wantPeriod and
	// iku cannot hide.
	for _, c := range []struct {
		slug    string
		pattern string
	}{
		{"bapperida-ipm", `^[0-9]{4}$`},               // annual
		{"perkim-ikm", `^[0-9]{4}-S[12]$`},            // semiannual
		{"rsud-waktu-tunggu-rawat-jalan", `-Q[1-4]$`}, // quarterly
	} {
		var doc struct {
			Series []struct{ Period, Quarter, Kind string }
		}
		if err := json.Unmarshal(files["api/v1/iku/"+c.slug+".json"], &doc); err != nil {
			t.Fatalf("%s: %v", c.slug, err)
		}
		if len(doc.Series) == 0 {
			t.Errorf("%s has no periods", c.slug)
		}
		for _, p := range doc.Series {
			if !regexp.MustCompile(c.pattern).MatchString(p.Period) {
				t.Errorf("%s has period %q; want one matching %s", c.slug, p.Period, c.pattern)
			}
			switch {
			case p.Kind == "year" && (p.Quarter != p.Period+"-Q4"),
				p.Kind == "half" && p.Quarter != p.Period[:4]+"-Q"+map[string]string{"S1": "2", "S2": "4"}[p.Period[5:]]:
				t.Errorf("%s: period %s is reported in %s", c.slug, p.Period, p.Quarter)
			}
		}
	}

	// The index's latest state is each indicator's latest due period.
	var idx struct {
		LatestQuarter string `json:"latest_quarter"`
		Fictitious    bool
		Indicators    []struct {
			Slug   string
			Latest *struct{ Period, Quarter, Status string }
		}
	}
	if err := json.Unmarshal(files["api/v1/index.json"], &idx); err != nil {
		t.Fatal(err)
	}
	if idx.LatestQuarter != d.rep.Latest.String() || idx.Fictitious != d.ds.Fictitious || !idx.Fictitious {
		t.Errorf("index: latest_quarter %q, fictitious %v; want %q, %v (the demo is fictitious)", idx.LatestQuarter, idx.Fictitious, d.rep.Latest, d.ds.Fictitious)
	}
	if len(idx.Indicators) != len(d.rep.Indicators) {
		t.Fatalf("the index lists %d indicators; want %d", len(idx.Indicators), len(d.rep.Indicators))
	}
	for i, got := range idx.Indicators {
		ir := &d.rep.Indicators[i]
		e := ir.Latest()
		key, _ := wantPeriod(ir.Indicator.Frequency, e.Quarter)
		if got.Slug != ir.Indicator.Slug || got.Latest == nil || got.Latest.Period != key || got.Latest.Quarter != e.Quarter.String() || got.Latest.Status != string(e.Status) {
			t.Errorf("index entry %d: %s %+v; want %s latest %s (%s) %s", i, got.Slug, got.Latest, ir.Indicator.Slug, key, e.Quarter, e.Status)
		}
	}
}

func TestAPIDeterministic(t *testing.T) {
	d, first := demoAPI(t, APIOptions{BaseURL: "https://kinerja.example.go.id/"})
	// A second evaluation of the same data, not only the same Report.
	rep, err := iku.Evaluate(d.ds, iku.DefaultRules(), iku.Options{})
	if err != nil {
		t.Fatal(err)
	}
	m, err := displayModel(d.ds, rep)
	if err != nil {
		t.Fatal(err)
	}
	second, err := API(m, APIOptions{BaseURL: "https://kinerja.example.go.id/"})
	if err != nil {
		t.Fatal(err)
	}
	if len(first) != len(second) {
		t.Fatalf("two runs wrote %d and %d files", len(first), len(second))
	}
	for name, b := range first {
		if !bytes.Equal(b, second[name]) {
			t.Errorf("%s differs between two runs", name)
		}
	}
}

func TestAPIOpenAPIDocument(t *testing.T) {
	for _, c := range []struct {
		base, server string
	}{
		{"", ""},
		{"https://kinerja.example.go.id/", "https://kinerja.example.go.id"},
		{"https://example.go.id/kinerja", "https://example.go.id/kinerja"},
	} {
		_, files := demoAPI(t, APIOptions{BaseURL: c.base})
		var doc map[string]any
		if err := json.Unmarshal(files["api/v1/openapi.json"], &doc); err != nil {
			t.Fatalf("openapi.json is not JSON: %v", err)
		}
		if v, _ := doc["openapi"].(string); !regexp.MustCompile(`^3\.1\.[0-9]+$`).MatchString(v) {
			t.Errorf("openapi = %q; want 3.1.x", v)
		}
		if v := doc["jsonSchemaDialect"]; v != "https://json-schema.org/draft/2020-12/schema" {
			t.Errorf("jsonSchemaDialect = %v; want JSON Schema 2020-12", v)
		}
		servers, _ := doc["servers"].([]any)
		switch {
		case c.server == "" && doc["servers"] != nil:
			t.Errorf("BaseURL %q: servers = %v; want none", c.base, doc["servers"])
		case c.server != "" && (len(servers) != 1 || servers[0].(map[string]any)["url"] != c.server):
			t.Errorf("BaseURL %q: servers = %v; want one with url %q", c.base, doc["servers"], c.server)
		}
		paths, _ := doc["paths"].(map[string]any)
		for p, schema := range map[string]string{"/api/v1/index.json": "Index", "/api/v1/iku/{slug}.json": "Indicator"} {
			op, _ := paths[p].(map[string]any)["get"].(map[string]any)
			ref := fmt.Sprint(op["responses"].(map[string]any)["200"].(map[string]any)["content"].(map[string]any)["application/json"].(map[string]any)["schema"].(map[string]any)["$ref"])
			if ref != "#/components/schemas/"+schema {
				t.Errorf("GET %s answers %s; want #/components/schemas/%s", p, ref, schema)
			}
		}
		// Every $ref points at something.
		var walk func(v any, at string)
		walk = func(v any, at string) {
			switch v := v.(type) {
			case map[string]any:
				for k, x := range v {
					if k == "$ref" {
						if _, err := resolvePointer(doc, fmt.Sprint(x)); err != nil {
							t.Errorf("%s/$ref: %v", at, err)
						}
						continue
					}
					walk(x, at+"/"+k)
				}
			case []any:
				for i, x := range v {
					walk(x, at+"/"+strconv.Itoa(i))
				}
			}
		}
		walk(doc, "#")
	}

	// The file embedded in the binary is the one API writes, re-indented.
	var embedded, written any
	_, files := demoAPI(t, APIOptions{})
	if err := json.Unmarshal(openAPISpec, &embedded); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(files["api/v1/openapi.json"], &written); err != nil {
		t.Fatal(err)
	}
	a, _ := json.Marshal(embedded)
	b, _ := json.Marshal(written)
	if !bytes.Equal(a, b) {
		t.Error("the written openapi.json holds other data than the embedded one")
	}
}

func resolvePointer(doc any, ref string) (any, error) {
	p, ok := strings.CutPrefix(ref, "#/")
	if !ok {
		return nil, fmt.Errorf("%q is not a local reference", ref)
	}
	v := doc
	for _, tok := range strings.Split(p, "/") {
		tok = strings.ReplaceAll(strings.ReplaceAll(tok, "~1", "/"), "~0", "~")
		m, ok := v.(map[string]any)
		if !ok {
			return nil, fmt.Errorf("%q: %q is not inside an object", ref, tok)
		}
		if v, ok = m[tok]; !ok {
			return nil, fmt.Errorf("%q: no %q", ref, tok)
		}
	}
	return v, nil
}

func TestAPIRefusesBadInput(t *testing.T) {
	d, err := demoReport()
	if err != nil {
		t.Fatal(err)
	}
	for _, base := range []string{"kinerja.example.go.id", "ftp://kinerja.example.go.id/", "https://kinerja.example.go.id/?a=1", "https:///x", "https://x.go.id/a b/"} {
		if _, err := API(d.m, APIOptions{BaseURL: base}); err == nil {
			t.Errorf("API with BaseURL %q succeeded; want an error", base)
		}
	}
	rep := *d.rep
	rep.Indicators = append([]iku.IndicatorReport(nil), d.rep.Indicators...)
	m, err := displayModel(d.ds, &rep)
	if err != nil {
		t.Fatal(err)
	}
	rep.Indicators[0].Indicator.Slug = "../../etc/passwd" // the API takes the slug from the evaluated indicator
	if _, err := API(m, APIOptions{}); err == nil || !strings.Contains(err.Error(), "../../etc/passwd") {
		t.Errorf("API with the indicator slug ../../etc/passwd: %v; want an error naming it", err)
	}
}

func TestAPILinksWithBaseURL(t *testing.T) {
	_, files := demoAPI(t, APIOptions{BaseURL: "https://example.go.id/kinerja/"})
	var doc struct {
		Links struct {
			Self, Page string
			Downloads  struct {
				CSV      string
				ExcelCSV string `json:"excel_csv"`
				XLSX     string
				JSON     string
			}
		}
	}
	const slug = "perkim-ikm"
	if err := json.Unmarshal(files["api/v1/iku/"+slug+".json"], &doc); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ got, want string }{
		{doc.Links.Self, "https://example.go.id/kinerja/api/v1/iku/perkim-ikm.json"},
		{doc.Links.Page, "https://example.go.id/kinerja/iku/perkim-ikm/"},
		{doc.Links.Downloads.CSV, "https://example.go.id/kinerja/data/iku/perkim-ikm.csv"},
		{doc.Links.Downloads.ExcelCSV, ""}, // null: not published per indicator (IndicatorFormats)
		{doc.Links.Downloads.XLSX, ""},
		{doc.Links.Downloads.JSON, "https://example.go.id/kinerja/data/iku/perkim-ikm.json"},
	} {
		if c.got != c.want {
			t.Errorf("link %q; want %q", c.got, c.want)
		}
	}
}

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestAPIGolden keeps two indicator documents byte for byte, so that a
// change to the published format shows in a diff; rewrite them with
// go test ./generator/download/ -run APIGolden -update.
func TestAPIGolden(t *testing.T) {
	_, files := demoAPI(t, APIOptions{})
	for _, slug := range []string{"rsud-waktu-tunggu-rawat-jalan", "bapperida-ipm"} {
		got := files["api/v1/iku/"+slug+".json"]
		golden := filepath.Join("testdata", "api-"+slug+".json")
		if *update {
			if err := os.WriteFile(golden, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (run with -update to write it)", err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("api/v1/iku/%s.json differs from %s; if the change is intended, run with -update and review the diff", slug, golden)
		}
	}
}
