package download

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/tanjungbalai/kinerja/generator/iku"
)

// Catalog describes the downloads as a DCAT-AP 3 catalogue, for data
// portals that harvest catalogues (CKAN with ckanext-dcat, data.go.id, the
// European data portal).
type Catalog struct {
	ID            string // absolute URL naming the catalogue: "https://kinerja.tanjungbalaikota.go.id/data/catalog.jsonld"
	BaseURL       string // absolute URL of the download folder, ending in "/": resource paths are relative to it
	Homepage      string // the portal: "https://kinerja.tanjungbalaikota.go.id/"
	Title         string
	TitleEN       string // in English; "" = Title
	Description   string
	DescriptionEN string
	Language      string // ISO 639-1 code of Title and Description; empty means "id"
	// From and To are the quarters the data cover (dct:temporal), the
	// datasets' unless they name their own.
	From, To iku.Quarter
	Datasets []Dataset
}

// Dataset is one dataset of the catalogue (an indicator, an agency, the
// whole data) with its files as distributions.
type Dataset struct {
	ID            string // absolute URL naming the dataset, its page: "https://…/iku/waktu-tunggu/"
	Title         string
	TitleEN       string // "" = Title (a name without a translation)
	Description   string
	DescriptionEN string      // "" = none in English
	Keywords      []string    // in the catalogue's language
	KeywordsEN    []string    // in English
	From, To      iku.Quarter // the quarters its data cover; zero = the catalogue's
	Resources     []Resource  // each becomes a dcat:Distribution
}

// JSON-LD nodes of the catalogue, field by field in a fixed order.
type (
	ldRef struct {
		ID string `json:"@id"`
	}
	ldLiteral struct {
		Value string `json:"@value"`
		Type  string `json:"@type,omitempty"`
		Lang  string `json:"@language,omitempty"`
	}
	ldAgent struct {
		Type string      `json:"@type"`
		Name []ldLiteral `json:"foaf:name"`
	}
	ldContact struct {
		Type  string      `json:"@type"`
		Name  []ldLiteral `json:"vcard:fn"`
		Email *ldRef      `json:"vcard:hasEmail,omitempty"`
		URL   *ldRef      `json:"vcard:hasURL,omitempty"`
	}
	ldPeriod struct {
		Type  string    `json:"@type"`
		Start ldLiteral `json:"dcat:startDate"`
		End   ldLiteral `json:"dcat:endDate"`
	}
	ldCatalog struct {
		Context     map[string]string `json:"@context"`
		ID          string            `json:"@id"`
		Type        string            `json:"@type"`
		Title       []ldLiteral       `json:"dct:title"`
		Description []ldLiteral       `json:"dct:description"`
		Publisher   *ldAgent          `json:"dct:publisher,omitempty"`
		Contact     *ldContact        `json:"dcat:contactPoint,omitempty"`
		Homepage    *ldRef            `json:"foaf:homepage,omitempty"`
		License     ldRef             `json:"dct:license"`
		Language    []ldRef           `json:"dct:language"`
		Temporal    *ldPeriod         `json:"dct:temporal,omitempty"`
		Issued      ldLiteral         `json:"dct:issued"`
		Modified    ldLiteral         `json:"dct:modified"`
		Themes      ldRef             `json:"dcat:themeTaxonomy"`
		Datasets    []ldDataset       `json:"dcat:dataset"`
	}
	ldDataset struct {
		ID            string           `json:"@id"`
		Type          string           `json:"@type"`
		Identifier    string           `json:"dct:identifier"`
		Title         []ldLiteral      `json:"dct:title"`
		Description   []ldLiteral      `json:"dct:description"`
		Keywords      []ldLiteral      `json:"dcat:keyword,omitempty"`
		Theme         ldRef            `json:"dcat:theme"`
		LandingPage   ldRef            `json:"dcat:landingPage"`
		Publisher     *ldAgent         `json:"dct:publisher,omitempty"`
		Contact       *ldContact       `json:"dcat:contactPoint,omitempty"`
		License       ldRef            `json:"dct:license"`
		Language      []ldRef          `json:"dct:language"`
		Temporal      *ldPeriod        `json:"dct:temporal,omitempty"`
		Periodicity   ldRef            `json:"dct:accrualPeriodicity"`
		Issued        ldLiteral        `json:"dct:issued"`
		Modified      ldLiteral        `json:"dct:modified"`
		Distributions []ldDistribution `json:"dcat:distribution"`
	}
	ldDistribution struct {
		ID           string      `json:"@id"`
		Type         string      `json:"@type"`
		Title        []ldLiteral `json:"dct:title,omitempty"`
		Description  []ldLiteral `json:"dct:description"`
		AccessURL    ldRef       `json:"dcat:accessURL"`
		DownloadURL  ldRef       `json:"dcat:downloadURL"`
		MediaType    ldRef       `json:"dcat:mediaType"`
		Format       *ldRef      `json:"dct:format,omitempty"`
		ByteSize     ldLiteral   `json:"dcat:byteSize"`
		License      ldRef       `json:"dct:license"`
		Availability ldRef       `json:"dcatap:availability"`
		Issued       ldLiteral   `json:"dct:issued"`
		Modified     ldLiteral   `json:"dct:modified"`
		Checksum     ldChecksum  `json:"spdx:checksum"`
	}
	ldChecksum struct {
		Type      string    `json:"@type"`
		Algorithm ldRef     `json:"spdx:algorithm"`
		Value     ldLiteral `json:"spdx:checksumValue"`
	}
)

var ldContext = map[string]string{
	"dcat":   "http://www.w3.org/ns/dcat#",
	"dcatap": "http://data.europa.eu/r5r/",
	"dct":    "http://purl.org/dc/terms/",
	"foaf":   "http://xmlns.com/foaf/0.1/",
	"spdx":   "http://spdx.org/rdf/terms#",
	"vcard":  "http://www.w3.org/2006/vcard/ns#",
	"xsd":    "http://www.w3.org/2001/XMLSchema#",
}

// EU vocabularies the catalogue uses (DCAT-AP's controlled vocabularies).
const (
	euAuthority      = "http://publications.europa.eu/resource/authority/"
	themeGovernment  = euAuthority + "data-theme/GOVE" // Government and public sector
	frequencyQuarter = euAuthority + "frequency/QUARTERLY"
	availableStable  = euAuthority + "planned-availability/STABLE"
)

// DCAT returns the catalogue c as DCAT-AP 3 in JSON-LD: a dcat:Catalog
// whose dcat:Dataset entries each have one dcat:Distribution per file.
// Every dataset carries the properties DCAT-AP 3 makes mandatory or
// recommends: title and description (in Indonesian and English), keywords,
// theme, publisher, contact point (m's e-mail and the portal), licence,
// language, temporal coverage (From–To), update frequency, issue and
// modification dates; every distribution its access and download URL
// (c.BaseURL + path), title and description in both languages, IANA media
// type, EU file type, size in bytes, licence, availability, dates and
// SHA-256 (spdx:checksum). Publisher, licence and dates come from m.
func DCAT(c Catalog, m Meta) ([]byte, error) {
	var buf bytes.Buffer
	if err := WriteDCAT(&buf, c, m); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// WriteDCAT writes DCAT's catalogue to w a dataset at a time, never whole
// in memory (a city of 50,000 indicators has a catalogue of about 450 MB,
// by its size at 300), in the very bytes of the catalogue encoded whole
// (indented by two spaces, HTML escaped, one newline at the end).
func WriteDCAT(w io.Writer, c Catalog, m Meta) error {
	for _, u := range []string{c.ID, c.BaseURL} {
		if err := checkAbsolute(u); err != nil {
			return err
		}
	}
	if c.Homepage != "" {
		if err := checkAbsolute(c.Homepage); err != nil {
			return err
		}
	}
	if !strings.HasSuffix(c.BaseURL, "/") {
		return fmt.Errorf("download: the catalogue's base URL %q must end in /", c.BaseURL)
	}
	lang := firstOf(c.Language, "id")
	// texts are the literals of a text and its English version: both when
	// they differ, one (in lang) when there is no English text.
	texts := func(s, en string) []ldLiteral {
		out := []ldLiteral{{Value: s, Lang: lang}}
		if en != "" && lang != "en" {
			out = append(out, ldLiteral{Value: en, Lang: "en"})
		}
		return out
	}
	_, licenceURL := m.licence()
	if err := checkAbsolute(licenceURL); err != nil {
		return fmt.Errorf("download: the licence needs a URL for the catalogue: %w", err)
	}
	licence := ldRef{licenceURL}
	date := func(t time.Time) ldLiteral { return ldLiteral{Value: t.Format(time.RFC3339), Type: "xsd:dateTime"} }
	modified := date(m.published())
	languages := []ldRef{{euAuthority + "language/" + languageCode(lang)}}
	if lang != "en" {
		languages = append(languages, ldRef{euAuthority + "language/ENG"})
	}
	var publisher *ldAgent
	if m.Publisher != "" {
		publisher = &ldAgent{Type: "foaf:Agent", Name: []ldLiteral{{Value: m.Publisher, Lang: lang}}}
	}
	var contact *ldContact
	if m.Publisher != "" || m.ContactEmail != "" {
		contact = &ldContact{Type: "vcard:Organization", Name: []ldLiteral{{Value: firstOf(m.Publisher, c.Title), Lang: lang}}}
		if m.ContactEmail != "" {
			contact.Email = &ldRef{"mailto:" + m.ContactEmail}
		}
		if c.Homepage != "" {
			contact.URL = &ldRef{c.Homepage}
		}
	}
	period := func(from, to iku.Quarter) *ldPeriod {
		if from.IsZero() || to.IsZero() {
			from, to = c.From, c.To
		}
		if from.IsZero() || to.IsZero() {
			return nil
		}
		start := time.Date(from.Year, time.Month(3*from.Q-2), 1, 0, 0, 0, 0, time.UTC)
		return &ldPeriod{Type: "dct:PeriodOfTime",
			Start: ldLiteral{Value: start.Format(time.DateOnly), Type: "xsd:date"},
			End:   ldLiteral{Value: QuarterEnd(to).Format(time.DateOnly), Type: "xsd:date"}}
	}
	cat := ldCatalog{
		Context:     ldContext,
		ID:          c.ID,
		Type:        "dcat:Catalog",
		Title:       texts(c.Title, c.TitleEN),
		Description: texts(firstOf(c.Description, c.Title), c.DescriptionEN),
		Publisher:   publisher,
		Contact:     contact,
		License:     licence,
		Language:    languages,
		Temporal:    period(c.From, c.To),
		Issued:      modified,
		Modified:    modified,
		Themes:      ldRef{euAuthority + "data-theme"},
		Datasets:    []ldDataset{},
	}
	if c.Homepage != "" {
		cat.Homepage = &ldRef{c.Homepage}
	}
	// The catalogue without its datasets, which are its last member:
	// written up to their empty list's "[", then each dataset indented as
	// the whole would indent it, then the end.
	head, err := marshalIndent(cat)
	if err != nil {
		return err
	}
	const empty = "\"dcat:dataset\": []\n}\n"
	if !bytes.HasSuffix(head, []byte(empty)) {
		return fmt.Errorf("download: the catalogue does not end in its datasets (internal error)")
	}
	bw := bufio.NewWriter(w)
	bw.Write(head[:len(head)-len("[]\n}\n")])
	bw.WriteString("[")
	seen := map[string]bool{}
	for i, d := range c.Datasets {
		if err := checkAbsolute(d.ID); err != nil {
			return err
		}
		if seen[d.ID] {
			return fmt.Errorf("download: the catalogue lists the dataset %q twice", d.ID)
		}
		seen[d.ID] = true
		if d.Description == "" {
			return fmt.Errorf("download: the dataset %q has no description, which DCAT-AP requires", d.ID)
		}
		titleEN := firstOf(d.TitleEN, d.Title)
		ds := ldDataset{
			ID: d.ID, Type: "dcat:Dataset", Identifier: d.ID,
			Title: texts(d.Title, titleEN), Description: texts(d.Description, d.DescriptionEN),
			Theme: ldRef{themeGovernment}, LandingPage: ldRef{d.ID}, Publisher: publisher, Contact: contact,
			License: licence, Language: languages, Temporal: period(d.From, d.To),
			Periodicity: ldRef{frequencyQuarter}, Issued: modified, Modified: modified,
			Distributions: []ldDistribution{},
		}
		for _, k := range d.Keywords {
			ds.Keywords = append(ds.Keywords, ldLiteral{Value: k, Lang: lang})
		}
		for _, k := range d.KeywordsEN {
			ds.Keywords = append(ds.Keywords, ldLiteral{Value: k, Lang: "en"})
		}
		for _, r := range d.Resources {
			if err := checkPath(r.Path); err != nil {
				return err
			}
			info, err := r.Format.info()
			if err != nil {
				return err
			}
			u := c.BaseURL + r.Path
			title := firstOf(r.title(), r.Path)
			titleEN := title
			if r.Table != nil {
				titleEN = titleEN0(d, title)
			}
			label := formatLabels[r.Format]
			ds.Distributions = append(ds.Distributions, ldDistribution{
				ID:           u,
				Type:         "dcat:Distribution",
				Title:        texts(title, titleEN),
				Description:  texts(fmt.Sprintf("%s: %s.", title, label[0]), fmt.Sprintf("%s: %s.", titleEN, label[1])),
				AccessURL:    ldRef{u},
				DownloadURL:  ldRef{u},
				MediaType:    ldRef{"https://www.iana.org/assignments/media-types/" + info.mediaType},
				Format:       fileType(info.euType),
				ByteSize:     ldLiteral{Value: strconv.Itoa(r.size()), Type: "xsd:nonNegativeInteger"},
				License:      licence,
				Availability: ldRef{availableStable},
				Issued:       modified,
				Modified:     modified,
				Checksum: ldChecksum{
					Type:      "spdx:Checksum",
					Algorithm: ldRef{"spdx:checksumAlgorithm_sha256"},
					Value:     ldLiteral{Value: r.hash(), Type: "xsd:hexBinary"},
				},
			})
		}
		b, err := json.MarshalIndent(ds, "    ", "  ")
		if err != nil {
			return fmt.Errorf("download: encoding JSON: %w", err)
		}
		if i > 0 {
			bw.WriteString(",")
		}
		bw.WriteString("\n    ")
		bw.Write(b)
	}
	if len(c.Datasets) > 0 {
		bw.WriteString("\n  ")
	}
	bw.WriteString("]\n}\n")
	return bw.Flush()
}

func fileType(code string) *ldRef {
	if code == "" {
		return nil
	}
	return &ldRef{euAuthority + "file-type/" + code}
}

// titleEN0 is the English title of a table of dataset d: its English
// title where the table's is the dataset's.
func titleEN0(d Dataset, title string) string {
	if title == d.Title {
		return firstOf(d.TitleEN, title)
	}
	return title
}

// formatLabels say what each format is, in Indonesian and English, for
// the distributions' descriptions.
var formatLabels = map[Format][2]string{
	CSV:      {"CSV untuk program (UTF-8, dipisah koma, titik desimal)", "CSV for programs (UTF-8, comma separated, decimal point)"},
	ExcelCSV: {"CSV untuk Excel berbahasa Indonesia (UTF-8 dengan BOM, dipisah titik koma, koma desimal)", "CSV for Excel set to Indonesian (UTF-8 with BOM, semicolon separated, decimal comma)"},
	XLSX:     {"buku kerja Excel dengan kamus data", "Excel workbook with a data dictionary"},
	JSON:     {"JSON dengan kolom, satuan dan keterangannya; angka sebagai teks desimal persis", "JSON with the fields, units and descriptions; numbers as exact decimal text"},
	Zip:      {"arsip zip", "zip archive"},
	SQLite:   {"basis data SQLite berisi semua tabel dan view yang terdokumentasi", "SQLite database with every table and documented views"},
}

// checkAbsolute requires an absolute http(s) URL.
func checkAbsolute(s string) error {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return fmt.Errorf("download: %q is not an absolute http(s) URL", s)
	}
	return nil
}

// languageCode is the EU language authority's code of an ISO 639-1 code.
func languageCode(lang string) string {
	switch lang {
	case "id":
		return "IND"
	case "en":
		return "ENG"
	}
	return strings.ToUpper(lang)
}
