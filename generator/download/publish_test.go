package download

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func TestChecksumsWithSha256sum(t *testing.T) {
	sha256sum, err := exec.LookPath("sha256sum")
	if err != nil {
		t.Fatal("this test needs sha256sum (coreutils)")
	}
	dir := t.TempDir()
	tb := hostileTable()
	out := writeAll(t, dir, tb)
	var files []File
	for _, f := range []Format{JSON, XLSX, CSV, ExcelCSV} { // unsorted on purpose
		files = append(files, File{Path: f.File(tb.Name), Data: out[f]})
	}
	os.MkdirAll(filepath.Join(dir, "rilis"), 0o755)
	os.WriteFile(filepath.Join(dir, "rilis", "catatan.txt"), []byte("catatan\n"), 0o644)
	files = append(files, File{Path: "rilis/catatan.txt", Data: []byte("catatan\n")})
	var sums bytes.Buffer
	if err := WriteChecksums(&sums, files); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(sums.String(), "\n"), "\n")
	if len(lines) != 5 || !strings.HasSuffix(lines[0], "  iku-uji-excel.csv") || !strings.HasSuffix(lines[4], "  rilis/catatan.txt") {
		t.Errorf("SHA256SUMS =\n%s\nwant 5 lines sorted by path", sums.String())
	}
	os.WriteFile(filepath.Join(dir, ChecksumsFile), sums.Bytes(), 0o644)
	check := func() ([]byte, error) {
		cmd := exec.Command(sha256sum, "-c", "--strict", ChecksumsFile)
		cmd.Dir = dir
		return cmd.CombinedOutput()
	}
	if out, err := check(); err != nil {
		t.Fatalf("sha256sum -c SHA256SUMS: %v\n%s", err, out)
	}
	// Flip one byte: sha256sum must notice.
	path := filepath.Join(dir, XLSX.File(tb.Name))
	data, _ := os.ReadFile(path)
	data[len(data)/2] ^= 1
	os.WriteFile(path, data, 0o644)
	out2, err := check()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || !strings.Contains(string(out2), XLSX.File(tb.Name)+": FAILED") {
		t.Errorf("sha256sum -c after flipping a byte: %v\n%s; want a failure naming the file", err, out2)
	}
	// Paths sha256sum would escape, and duplicates, are refused.
	for _, bad := range [][]File{{{Path: "a b.csv"}}, {{Path: "../a.csv"}}, {{Path: "/a.csv"}}, {{Path: "a\\b.csv"}}, {{Path: "a\n.csv"}}, {{Path: "a.csv"}, {Path: "a.csv"}}} {
		if err := WriteChecksums(io.Discard, bad); err == nil {
			t.Errorf("WriteChecksums(%q) = nil; want an error", bad[0].Path)
		}
	}
}

func TestDataPackage(t *testing.T) {
	tb := hostileTable()
	out := writeAll(t, "", tb)
	var res []Resource
	for _, f := range TableFormats {
		res = append(res, Resource{Path: "iku/" + f.File(tb.Name), Format: f, Data: out[f], Table: tb})
	}
	res = append(res, Resource{Path: "rilis/2026-q3.zip", Format: Zip, Data: []byte("PK…"), Title: "Bundel rilis 2026-Q3"})
	data, err := DataPackage("iku-kota-tanjungbalai", "IKU Kota Tanjungbalai", meta, res)
	if err != nil {
		t.Fatal(err)
	}
	var pkg struct {
		Profile  string `json:"profile"`
		Name     string `json:"name"`
		Created  string `json:"created"`
		Licenses []struct {
			Name, Path string
		} `json:"licenses"`
		Resources []struct {
			Name, Path, Profile, Format, Mediatype, Encoding, Hash string
			Bytes                                                  int
			Dialect                                                *struct {
				Delimiter      string `json:"delimiter"`
				LineTerminator string `json:"lineTerminator"`
			}
			Schema *struct {
				Fields []struct {
					Name, Type, Description, Unit, DecimalChar string
				}
				MissingValues []string `json:"missingValues"`
			}
		} `json:"resources"`
	}
	if err := json.Unmarshal(data, &pkg); err != nil {
		t.Fatal(err)
	}
	if pkg.Profile != "data-package" || pkg.Name != "iku-kota-tanjungbalai" || pkg.Created != "2026-10-15T08:30:00Z" {
		t.Errorf("package = %+v", pkg)
	}
	if len(pkg.Licenses) != 1 || pkg.Licenses[0].Name != "CC-BY-4.0" || pkg.Licenses[0].Path != "https://creativecommons.org/licenses/by/4.0/" {
		t.Errorf("licenses = %+v", pkg.Licenses)
	}
	if len(pkg.Resources) != len(res) {
		t.Fatalf("%d resources; want %d", len(pkg.Resources), len(res))
	}
	for i, r := range pkg.Resources {
		in := res[i]
		if r.Path != in.Path || r.Bytes != len(in.Data) || r.Hash != "sha256:"+SHA256(in.Data) || r.Mediatype != in.Format.MediaType() {
			t.Errorf("resource %s = %+v; want %d bytes, sha256:%s", in.Path, r, len(in.Data), SHA256(in.Data))
		}
		tabular := in.Format == CSV || in.Format == ExcelCSV
		if tabular != (r.Schema != nil) || tabular != (r.Profile == "tabular-data-resource") {
			t.Errorf("resource %s: profile %q, schema %v", in.Path, r.Profile, r.Schema != nil)
			continue
		}
		if !tabular {
			continue
		}
		if len(r.Schema.Fields) != len(tb.Columns) || r.Schema.Fields[2].Name != "actual" || r.Schema.Fields[2].Type != "number" || r.Schema.Fields[2].Unit != "menit" {
			t.Errorf("resource %s schema = %+v", in.Path, r.Schema)
		}
		wantDec, wantDelim, wantEOL := "", ",", "\n"
		if in.Format == ExcelCSV {
			wantDec, wantDelim, wantEOL = ",", ";", "\r\n"
		}
		if r.Schema.Fields[2].DecimalChar != wantDec || r.Dialect.Delimiter != wantDelim || r.Dialect.LineTerminator != wantEOL {
			t.Errorf("resource %s: decimalChar %q, delimiter %q, lineTerminator %q", in.Path, r.Schema.Fields[2].DecimalChar, r.Dialect.Delimiter, r.Dialect.LineTerminator)
		}
	}
	if _, err := DataPackage("iku", "x", meta, []Resource{res[0], res[0]}); err == nil {
		t.Error("DataPackage with a path twice = nil error")
	}
}

// The DCAT catalogue is JSON-LD that rdflib (what ckanext-dcat parses
// with) reads into the triples a harvester needs.

func TestDCATReadsAsRDF(t *testing.T) {
	py := python(t, "rdflib", "python3-rdflib")
	tb := hostileTable()
	out := writeAll(t, "", tb)
	var res []Resource
	for _, f := range TableFormats {
		res = append(res, Resource{Path: "iku/" + f.File(tb.Name), Format: f, Data: out[f], Table: tb})
	}
	cat := Catalog{
		ID:       "https://kinerja.example.go.id/data/catalog.jsonld",
		BaseURL:  "https://kinerja.example.go.id/data/",
		Homepage: "https://kinerja.example.go.id/",
		Title:    "Data IKU Kota Tanjungbalai",
		Datasets: []Dataset{
			{ID: "https://kinerja.example.go.id/iku/uji/", Title: tb.Title, Description: "Uji.", Keywords: []string{"kesehatan", "IKU"}, Resources: res},
			{ID: "https://kinerja.example.go.id/data/", Title: "Semua data", Description: "Semua.", Resources: res[:1]},
		},
	}
	data, err := DCAT(cat, meta)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "catalog.jsonld")
	os.WriteFile(path, data, 0o644)
	script := `
import json, sys, rdflib
from rdflib.namespace import DCAT, DCTERMS, RDF
SPDX = rdflib.Namespace("http://spdx.org/rdf/terms#")
g = rdflib.Graph().parse(sys.argv[1], format="json-ld")
out = {"catalogs": [str(c) for c in g.subjects(RDF.type, DCAT.Catalog)], "datasets": {}, "distributions": {}}
for cat in g.subjects(RDF.type, DCAT.Catalog):
    for ds in g.objects(cat, DCAT.dataset):
        out["datasets"][str(ds)] = {"title": str(g.value(ds, DCTERMS.title)), "distributions": sorted(str(d) for d in g.objects(ds, DCAT.distribution)),
            "keywords": sorted(str(k) for k in g.objects(ds, DCAT.keyword))}
for d in g.subjects(RDF.type, DCAT.Distribution):
    ck = g.value(d, SPDX.checksum)
    out["distributions"][str(d)] = {"download": str(g.value(d, DCAT.downloadURL)), "media": str(g.value(d, DCAT.mediaType)),
        "format": str(g.value(d, DCTERMS["format"])), "bytes": g.value(d, DCAT.byteSize).toPython(), "license": str(g.value(d, DCTERMS.license)),
        "algorithm": str(g.value(ck, SPDX.algorithm)), "checksum": str(g.value(ck, SPDX.checksumValue))}
print(json.dumps(out))
`
	cmd := exec.Command(py, "-c", script, path)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	got, err := cmd.Output()
	if err != nil {
		t.Fatalf("rdflib: %v\n%s", err, stderr.Bytes())
	}
	var g struct {
		Catalogs []string
		Datasets map[string]struct {
			Title         string
			Distributions []string
			Keywords      []string
		}
		Distributions map[string]struct {
			Download, Media, Format, License, Algorithm, Checksum string
			Bytes                                                 int
		}
	}
	if err := json.Unmarshal(got, &g); err != nil {
		t.Fatal(err)
	}
	if len(g.Catalogs) != 1 || g.Catalogs[0] != cat.ID {
		t.Errorf("catalogues = %q; want %q", g.Catalogs, cat.ID)
	}
	if ds := g.Datasets["https://kinerja.example.go.id/iku/uji/"]; ds.Title != tb.Title || len(ds.Distributions) != 4 || strings.Join(ds.Keywords, ",") != "IKU,kesehatan" {
		t.Errorf("dataset = %+v", ds)
	}
	if len(g.Datasets) != 2 || len(g.Distributions) != 4 {
		t.Errorf("%d datasets, %d distributions; want 2 and 4", len(g.Datasets), len(g.Distributions))
	}
	for _, r := range res {
		u := cat.BaseURL + r.Path
		d := g.Distributions[u]
		if d.Download != u || d.Bytes != len(r.Data) || d.Checksum != SHA256(r.Data) ||
			d.Algorithm != "http://spdx.org/rdf/terms#checksumAlgorithm_sha256" ||
			d.Media != "https://www.iana.org/assignments/media-types/"+r.Format.MediaType() ||
			d.License != LicenceCCBY4URL || !strings.HasPrefix(d.Format, "http://publications.europa.eu/resource/authority/file-type/") {
			t.Errorf("distribution %s = %+v", u, d)
		}
	}
}

// The same table always gives the same bytes, in every format.

func TestPublishDeterministic(t *testing.T) {
	first := writeAll(t, "", hostileTable())
	res := []Resource{{Path: "a.csv", Format: CSV, Data: first[CSV], Table: hostileTable()}}
	a, _ := DataPackage("a", "A", meta, res)
	b, _ := DataPackage("a", "A", meta, res)
	if !bytes.Equal(a, b) {
		t.Error("DataPackage: two calls differ")
	}
	cat := Catalog{ID: "https://x.id/c", BaseURL: "https://x.id/", Title: "C", Datasets: []Dataset{{ID: "https://x.id/d", Title: "D", Description: "D.", Resources: res}}}
	a, _ = DCAT(cat, meta)
	b, _ = DCAT(cat, meta)
	if !bytes.Equal(a, b) {
		t.Error("DCAT: two calls differ")
	}
}

// TestDCATWrittenAsEncodedWhole: the catalogue written a dataset at a
// time (WriteDCAT) has the very bytes of the same JSON indented whole by
// encoding/json (two spaces, one newline at the end), with no dataset,
// one, and several carrying text to escape.
func TestDCATWrittenAsEncodedWhole(t *testing.T) {
	tb := hostileTable()
	res := []Resource{{Path: "iku/a.csv", Format: CSV, Data: []byte("a\n"), Table: tb}, {Path: "iku/a.json", Format: JSON, Data: []byte("{}"), Table: tb}}
	ds := []Dataset{
		{ID: "https://x.id/d1", Title: "D <1> & \u2028", Description: "D1.", Keywords: []string{"a", "b"}, Resources: res},
		{ID: "https://x.id/d2", Title: "D2", TitleEN: "D two", Description: "D2.", Resources: res[:1]},
		{ID: "https://x.id/d3", Title: "D3", Description: "D3."},
	}
	for _, n := range []int{0, 1, 3} {
		cat := Catalog{ID: "https://x.id/c", BaseURL: "https://x.id/", Title: "C", Datasets: ds[:n]}
		got, err := DCAT(cat, meta)
		if err != nil {
			t.Fatal(err)
		}
		var compact, whole bytes.Buffer
		if err := json.Compact(&compact, got); err != nil {
			t.Fatalf("%d datasets: %v", n, err)
		}
		if err := json.Indent(&whole, compact.Bytes(), "", "  "); err != nil {
			t.Fatal(err)
		}
		whole.WriteString("\n")
		if !bytes.Equal(got, whole.Bytes()) {
			t.Errorf("%d datasets: the catalogue written a dataset at a time is not indented as a whole:\n%s\nwant\n%s", n, got, whole.Bytes())
		}
		var parsed struct {
			Datasets []json.RawMessage `json:"dcat:dataset"`
		}
		if err := json.Unmarshal(got, &parsed); err != nil || len(parsed.Datasets) != n {
			t.Errorf("%d datasets: read back %d (%v)", n, len(parsed.Datasets), err)
		}
	}
}

// dcatReport is what testdata/dcatap.py finds in a catalogue.
type dcatReport struct {
	Problems      []string       `json:"problems"`
	Datasets      int            `json:"datasets"`
	Distributions int            `json:"distributions"`
	Downloads     map[string]int `json:"downloads"`
	Landing       []string       `json:"landing"`
}

// TestCatalogueIsDCATAP3: every dataset and distribution of the demo's
// catalog.jsonld carries the mandatory and recommended properties of
// DCAT-AP 3 (texts in Indonesian and English), and every download URL is
// a file Site made, of the size the catalogue says. (The landing pages
// are checked on the built site: cmd/kinerja TestCatalogueURLsExist.)
func TestCatalogueIsDCATAP3(t *testing.T) {
	py := python(t, "rdflib", "python3-rdflib")
	d, err := demoReport()
	if err != nil {
		t.Fatal(err)
	}
	files := sharedFiles(t)
	path := filepath.Join(t.TempDir(), "catalog.jsonld")
	if err := os.WriteFile(path, files["data/catalog.jsonld"], 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(py, "testdata/dcatap.py", path)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("dcatap.py: %v\n%s", err, stderr.Bytes())
	}
	var r dcatReport
	if err := json.Unmarshal(out, &r); err != nil {
		t.Fatal(err)
	}
	for _, p := range r.Problems {
		t.Errorf("catalog.jsonld: %s", p)
	}
	pages := len(d.m.Indicators) + len(d.m.Agencies) + len(d.m.Sectors) + 4 // all, latest, tahunan, skor
	if r.Datasets < pages || r.Distributions != len(r.Downloads) || r.Distributions == 0 {
		t.Errorf("catalog.jsonld: %d datasets, %d distributions (%d download URLs); want at least %d datasets", r.Datasets, r.Distributions, len(r.Downloads), pages)
	}
	made := map[string]int{}
	for path, b := range files {
		made[siteBase+path] = len(b)
	}
	for u, n := range r.Downloads {
		if got, ok := made[u]; !ok || got != n {
			t.Errorf("catalog.jsonld names %s (%d bytes); Site made it: %v, %d bytes", u, n, ok, got)
		}
	}
	for _, want := range []string{SQLiteFile, YearsTable + ".csv", ScoresTable + ".xlsx"} {
		if _, ok := r.Downloads[siteBase+Folder+"/"+want]; !ok {
			t.Errorf("catalog.jsonld does not list %s", want)
		}
	}
}
