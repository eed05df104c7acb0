package download

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// Catalog describes the downloads as a DCAT-AP catalogue, for data portals
// that harvest catalogues (CKAN with ckanext-dcat, data.go.id, the
// European data portal).
type Catalog struct {
	ID          string // absolute URL naming the catalogue: "https://kinerja.tanjungbalaikota.go.id/data/catalog.jsonld"
	BaseURL     string // absolute URL of the download folder, ending in "/": resource paths are relative to it
	Homepage    string // the portal: "https://kinerja.tanjungbalaikota.go.id/"
	Title       string
	Description string
	Language    string // ISO 639-1 code of the texts; empty means "id"
	Datasets    []Dataset
}

// Dataset is one dataset of the catalogue (an indicator, an agency, the
// whole data) with its files as distributions.
type Dataset struct {
	ID          string // absolute URL naming the dataset, its page: "https://…/iku/waktu-tunggu/"
	Title       string
	Description string
	Keywords    []string
	Resources   []Resource // each becomes a dcat:Distribution
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
		Type string    `json:"@type"`
		Name ldLiteral `json:"foaf:name"`
	}
	ldCatalog struct {
		Context     map[string]string `json:"@context"`
		ID          string            `json:"@id"`
		Type        string            `json:"@type"`
		Title       ldLiteral         `json:"dct:title"`
		Description *ldLiteral        `json:"dct:description,omitempty"`
		Publisher   *ldAgent          `json:"dct:publisher,omitempty"`
		Homepage    *ldRef            `json:"foaf:homepage,omitempty"`
		License     ldRef             `json:"dct:license"`
		Language    ldRef             `json:"dct:language"`
		Modified    ldLiteral         `json:"dct:modified"`
		Datasets    []ldDataset       `json:"dcat:dataset"`
	}
	ldDataset struct {
		ID            string           `json:"@id"`
		Type          string           `json:"@type"`
		Identifier    string           `json:"dct:identifier"`
		Title         ldLiteral        `json:"dct:title"`
		Description   *ldLiteral       `json:"dct:description,omitempty"`
		Keywords      []ldLiteral      `json:"dcat:keyword,omitempty"`
		LandingPage   ldRef            `json:"dcat:landingPage"`
		Publisher     *ldAgent         `json:"dct:publisher,omitempty"`
		License       ldRef            `json:"dct:license"`
		Modified      ldLiteral        `json:"dct:modified"`
		Distributions []ldDistribution `json:"dcat:distribution"`
	}
	ldDistribution struct {
		ID          string     `json:"@id"`
		Type        string     `json:"@type"`
		Title       *ldLiteral `json:"dct:title,omitempty"`
		AccessURL   ldRef      `json:"dcat:accessURL"`
		DownloadURL ldRef      `json:"dcat:downloadURL"`
		MediaType   ldRef      `json:"dcat:mediaType"`
		Format      ldRef      `json:"dct:format"`
		ByteSize    ldLiteral  `json:"dcat:byteSize"`
		License     ldRef      `json:"dct:license"`
		Checksum    ldChecksum `json:"spdx:checksum"`
	}
	ldChecksum struct {
		Type      string    `json:"@type"`
		Algorithm ldRef     `json:"spdx:algorithm"`
		Value     ldLiteral `json:"spdx:checksumValue"`
	}
)

var ldContext = map[string]string{
	"dcat": "http://www.w3.org/ns/dcat#",
	"dct":  "http://purl.org/dc/terms/",
	"foaf": "http://xmlns.com/foaf/0.1/",
	"spdx": "http://spdx.org/rdf/terms#",
	"xsd":  "http://www.w3.org/2001/XMLSchema#",
}

// DCAT returns the catalogue c as DCAT-AP in JSON-LD: a dcat:Catalog
// whose dcat:Dataset entries each have one dcat:Distribution per file,
// with its download URL (c.BaseURL + path), IANA media type, EU file type,
// size in bytes, licence and SHA-256 (spdx:checksum). Publisher, licence
// and dates come from m.
func DCAT(c Catalog, m Meta) ([]byte, error) {
	for _, u := range []string{c.ID, c.BaseURL} {
		if err := checkAbsolute(u); err != nil {
			return nil, err
		}
	}
	if c.Homepage != "" {
		if err := checkAbsolute(c.Homepage); err != nil {
			return nil, err
		}
	}
	if !strings.HasSuffix(c.BaseURL, "/") {
		return nil, fmt.Errorf("download: the catalogue's base URL %q must end in /", c.BaseURL)
	}
	lang := firstOf(c.Language, "id")
	text := func(s string) ldLiteral { return ldLiteral{Value: s, Lang: lang} }
	optText := func(s string) *ldLiteral {
		if s == "" {
			return nil
		}
		l := text(s)
		return &l
	}
	_, licenceURL := m.licence()
	if err := checkAbsolute(licenceURL); err != nil {
		return nil, fmt.Errorf("download: the licence needs a URL for the catalogue: %w", err)
	}
	licence := ldRef{licenceURL}
	modified := ldLiteral{Value: m.published().Format(time.RFC3339), Type: "xsd:dateTime"}
	var publisher *ldAgent
	if m.Publisher != "" {
		publisher = &ldAgent{Type: "foaf:Agent", Name: text(m.Publisher)}
	}
	cat := ldCatalog{
		Context:     ldContext,
		ID:          c.ID,
		Type:        "dcat:Catalog",
		Title:       text(c.Title),
		Description: optText(c.Description),
		Publisher:   publisher,
		License:     licence,
		Language:    ldRef{"http://publications.europa.eu/resource/authority/language/" + languageCode(lang)},
		Modified:    modified,
		Datasets:    []ldDataset{},
	}
	if c.Homepage != "" {
		cat.Homepage = &ldRef{c.Homepage}
	}
	seen := map[string]bool{}
	for _, d := range c.Datasets {
		if err := checkAbsolute(d.ID); err != nil {
			return nil, err
		}
		if seen[d.ID] {
			return nil, fmt.Errorf("download: the catalogue lists the dataset %q twice", d.ID)
		}
		seen[d.ID] = true
		ds := ldDataset{
			ID: d.ID, Type: "dcat:Dataset", Identifier: d.ID,
			Title: text(d.Title), Description: optText(d.Description),
			LandingPage: ldRef{d.ID}, Publisher: publisher, License: licence, Modified: modified,
			Distributions: []ldDistribution{},
		}
		for _, k := range d.Keywords {
			ds.Keywords = append(ds.Keywords, text(k))
		}
		for _, r := range d.Resources {
			if err := checkPath(r.Path); err != nil {
				return nil, err
			}
			info, err := r.Format.info()
			if err != nil {
				return nil, err
			}
			u := c.BaseURL + r.Path
			ds.Distributions = append(ds.Distributions, ldDistribution{
				ID:          u,
				Type:        "dcat:Distribution",
				Title:       optText(r.title()),
				AccessURL:   ldRef{u},
				DownloadURL: ldRef{u},
				MediaType:   ldRef{"https://www.iana.org/assignments/media-types/" + info.mediaType},
				Format:      ldRef{"http://publications.europa.eu/resource/authority/file-type/" + info.euType},
				ByteSize:    ldLiteral{Value: strconv.Itoa(r.size()), Type: "xsd:nonNegativeInteger"},
				License:     licence,
				Checksum: ldChecksum{
					Type:      "spdx:Checksum",
					Algorithm: ldRef{"spdx:checksumAlgorithm_sha256"},
					Value:     ldLiteral{Value: r.hash(), Type: "xsd:hexBinary"},
				},
			})
		}
		cat.Datasets = append(cat.Datasets, ds)
	}
	return marshalIndent(cat)
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
