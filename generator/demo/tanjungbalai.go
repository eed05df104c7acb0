package demo

import (
	"cmp"
	"hash/fnv"
	"math/rand/v2"
	"slices"

	"github.com/tanjungbalai/kinerja/generator/iku"
)

// The demo covers the quarters First to Last; Last is the latest quarter,
// partly unverified (provisional) and partly not yet reported.
var (
	First = iku.Quarter{Year: 2021, Q: 1}
	Last  = iku.Quarter{Year: 2026, Q: 3}
)

// seed is the fixed seed of every random stream in this package. Each
// indicator, unit or table draws from its own stream (seed, hash of its
// name), so adding an indicator does not change the numbers of the others.
const seed = 0x6b696e65726a61 // "kinerja"

func stream(name string) *rand.Rand {
	h := fnv.New64a()
	h.Write([]byte(name))
	return rand.New(rand.NewPCG(seed, h.Sum64()))
}

// Tanjungbalai returns the demo city: Kota Tanjungbalai, North Sumatra,
// with its real agency names and entirely fictitious numbers and people.
// Every call builds the same City afresh, so callers may modify it.
func Tanjungbalai() *City {
	c := &City{
		Sectors:      sectors(),
		Agencies:     agencies(),
		Predicates:   predicates(),
		ServiceUnits: serviceUnits(),
	}
	specs := indicatorSpecs()
	agencyBySlug := map[string]iku.Agency{}
	for _, a := range c.Agencies {
		agencyBySlug[a.Slug] = a
	}
	seq := map[string]int{}
	for _, s := range specs {
		a := agencyBySlug[s.agency]
		seq[a.Slug]++
		c.Indicators = append(c.Indicators, s.indicator(a, seq[a.Slug]))
	}
	for i, s := range specs {
		c.Targets = append(c.Targets, s.targets(c.Indicators[i])...)
		if s.measure != nil {
			c.Measurements = append(c.Measurements, s.measure(c.Indicators[i])...)
		} else {
			c.Entries = append(c.Entries, s.entries(c.Indicators[i])...)
		}
	}
	c.Employees, c.Ratings = people(c.Agencies)
	c.sortByCode()
	c.explain()
	c.translate()
	return c
}

// sortByCode puts every table in the order the PostgreSQL source reads the
// publik views (sectors, agencies and indicators by code, then slug;
// predicates by agency slug and year; targets by indicator), so that the
// embedded demo and a database seeded with it list everything alike.
func (c *City) sortByCode() {
	slices.SortStableFunc(c.Sectors, func(a, b iku.Sector) int {
		return cmp.Or(cmp.Compare(a.Code, b.Code), cmp.Compare(a.Slug, b.Slug))
	})
	slices.SortStableFunc(c.Agencies, func(a, b iku.Agency) int {
		return cmp.Or(cmp.Compare(a.Code, b.Code), cmp.Compare(a.Slug, b.Slug))
	})
	slices.SortStableFunc(c.Indicators, func(a, b iku.Indicator) int {
		return cmp.Or(cmp.Compare(a.Code, b.Code), cmp.Compare(a.Slug, b.Slug))
	})
	slices.SortStableFunc(c.Predicates, func(a, b iku.Predicate) int {
		return cmp.Or(cmp.Compare(a.AgencySlug, b.AgencySlug), cmp.Compare(a.Year, b.Year))
	})
	pos := make(map[string]int, len(c.Indicators))
	for i, ind := range c.Indicators {
		pos[ind.Slug] = i
	}
	slices.SortStableFunc(c.Targets, func(a, b iku.Target) int {
		return cmp.Or(cmp.Compare(pos[a.IndicatorSlug], pos[b.IndicatorSlug]),
			cmp.Compare(a.Year, b.Year), cmp.Compare(a.Quarter, b.Quarter))
	})
}

func sectors() []iku.Sector {
	return []iku.Sector{
		{Slug: "pendidikan", Code: "1.01", Name: "Pendidikan"},
		{Slug: "kesehatan", Code: "1.02", Name: "Kesehatan"},
		{Slug: "pekerjaan-umum", Code: "1.03", Name: "Pekerjaan Umum dan Penataan Ruang"},
		{Slug: "perumahan", Code: "1.04", Name: "Perumahan Rakyat dan Kawasan Permukiman"},
		{Slug: "ketertiban", Code: "1.05", Name: "Ketenteraman, Ketertiban Umum dan Pelindungan Masyarakat"},
		{Slug: "sosial", Code: "1.06", Name: "Sosial"},
		{Slug: "pangan", Code: "2.09", Name: "Pangan"},
		{Slug: "lingkungan-hidup", Code: "2.11", Name: "Lingkungan Hidup"},
		{Slug: "komunikasi-informatika", Code: "2.16", Name: "Komunikasi dan Informatika"},
		{Slug: "ekonomi", Code: "2.18", Name: "Ekonomi dan Penanaman Modal"},
		{Slug: "kepemudaan-olahraga", Code: "2.19", Name: "Kepemudaan dan Olahraga"},
		{Slug: "perikanan", Code: "3.25", Name: "Kelautan dan Perikanan"},
		{Slug: "pariwisata", Code: "3.26", Name: "Pariwisata"},
		{Slug: "pertanian", Code: "3.27", Name: "Pertanian"},
		{Slug: "perencanaan", Code: "5.01", Name: "Perencanaan, Penelitian dan Pengembangan"},
		{Slug: "pengawasan", Code: "6.01", Name: "Pengawasan"},
		{Slug: "pemerintahan", Code: "7.01", Name: "Pemerintahan Umum (Kecamatan)"},
	}
}

func agencies() []iku.Agency {
	return []iku.Agency{
		{Slug: "dinas-kesehatan", Code: "1.02.01", Name: "Dinas Kesehatan", ShortName: "Dinkes", Kind: "dinas", SectorSlug: "kesehatan"},
		{Slug: "rsud-tengku-mansyur", Code: "1.02.02", Name: "RSUD Dr. Tengku Mansyur", ShortName: "RSUD TM", Kind: "rsud", SectorSlug: "kesehatan"},
		{Slug: "dinas-pendidikan", Code: "1.01.01", Name: "Dinas Pendidikan", ShortName: "Disdik", Kind: "dinas", SectorSlug: "pendidikan"},
		{Slug: "disporapar", Code: "3.26.01", Name: "Dinas Pemuda, Olahraga dan Pariwisata", ShortName: "Disporapar", Kind: "dinas", SectorSlug: "pariwisata"},
		{Slug: "bapperida", Code: "5.01.01", Name: "Badan Perencanaan Pembangunan, Riset dan Inovasi Daerah", ShortName: "Bapperida", Kind: "badan", SectorSlug: "perencanaan"},
		{Slug: "dpmptsp", Code: "2.18.01", Name: "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", ShortName: "DPMPTSP", Kind: "dinas", SectorSlug: "ekonomi"},
		{Slug: "dinas-sosial", Code: "1.06.01", Name: "Dinas Sosial", ShortName: "Dinsos", Kind: "dinas", SectorSlug: "sosial"},
		{Slug: "dinas-putr", Code: "1.03.01", Name: "Dinas Pekerjaan Umum dan Penataan Ruang", ShortName: "Dinas PUTR", Kind: "dinas", SectorSlug: "pekerjaan-umum"},
		{Slug: "dinas-perkim", Code: "1.04.01", Name: "Dinas Perumahan dan Kawasan Permukiman", ShortName: "Disperkim", Kind: "dinas", SectorSlug: "perumahan"},
		{Slug: "diskominfo", Code: "2.16.01", Name: "Dinas Komunikasi dan Informatika", ShortName: "Diskominfo", Kind: "dinas", SectorSlug: "komunikasi-informatika"},
		{Slug: "inspektorat", Code: "6.01.01", Name: "Inspektorat", ShortName: "Inspektorat", Kind: "inspektorat", SectorSlug: "pengawasan"},
		{Slug: "dinas-lingkungan-hidup", Code: "2.11.01", Name: "Dinas Lingkungan Hidup", ShortName: "DLH", Kind: "dinas", SectorSlug: "lingkungan-hidup"},
		{Slug: "dinas-perikanan-pangan-pertanian", Code: "3.25.01", Name: "Dinas Perikanan, Pangan dan Pertanian", ShortName: "DPPP", Kind: "dinas", SectorSlug: "perikanan"},
		{Slug: "satpol-pp", Code: "1.05.01", Name: "Satuan Polisi Pamong Praja", ShortName: "Satpol PP", Kind: "satuan", SectorSlug: "ketertiban"},
		{Slug: "bpbd", Code: "1.05.02", Name: "Badan Penanggulangan Bencana Daerah", ShortName: "BPBD", Kind: "badan", SectorSlug: "ketertiban"},
		{Slug: "kecamatan-datuk-bandar", Code: "7.01.01", Name: "Kecamatan Datuk Bandar", ShortName: "Kec. Datuk Bandar", Kind: "kecamatan", SectorSlug: "pemerintahan"},
		{Slug: "kecamatan-datuk-bandar-timur", Code: "7.01.02", Name: "Kecamatan Datuk Bandar Timur", ShortName: "Kec. Datuk Bandar Timur", Kind: "kecamatan", SectorSlug: "pemerintahan"},
		{Slug: "kecamatan-tanjungbalai-selatan", Code: "7.01.03", Name: "Kecamatan Tanjungbalai Selatan", ShortName: "Kec. Tanjungbalai Selatan", Kind: "kecamatan", SectorSlug: "pemerintahan"},
		{Slug: "kecamatan-tanjungbalai-utara", Code: "7.01.04", Name: "Kecamatan Tanjungbalai Utara", ShortName: "Kec. Tanjungbalai Utara", Kind: "kecamatan", SectorSlug: "pemerintahan"},
		{Slug: "kecamatan-sei-tualang-raso", Code: "7.01.05", Name: "Kecamatan Sei Tualang Raso", ShortName: "Kec. Sei Tualang Raso", Kind: "kecamatan", SectorSlug: "pemerintahan"},
		{Slug: "kecamatan-teluk-nibung", Code: "7.01.06", Name: "Kecamatan Teluk Nibung", ShortName: "Kec. Teluk Nibung", Kind: "kecamatan", SectorSlug: "pemerintahan"},
	}
}

// predicates are the PermenPANRB 6/2022 organisation predicates: a
// leadership judgement that exists for some agencies and years only.
func predicates() []iku.Predicate {
	p := func(agency string, year int, predicate string) iku.Predicate {
		return iku.Predicate{AgencySlug: agency, Year: year, Predicate: predicate}
	}
	return []iku.Predicate{
		p("dinas-kesehatan", 2023, "Baik"),
		p("dinas-kesehatan", 2024, "Baik"),
		p("dinas-kesehatan", 2025, "Istimewa"),
		p("rsud-tengku-mansyur", 2023, "Butuh Perbaikan"),
		p("rsud-tengku-mansyur", 2024, "Baik"),
		p("rsud-tengku-mansyur", 2025, "Baik"),
		p("dinas-pendidikan", 2024, "Baik"),
		p("dinas-pendidikan", 2025, "Baik"),
		p("disporapar", 2024, "Baik"),
		p("disporapar", 2025, "Istimewa"),
		p("dpmptsp", 2023, "Baik"),
		p("dpmptsp", 2024, "Istimewa"),
		p("dpmptsp", 2025, "Istimewa"),
		p("inspektorat", 2025, "Baik"),
		p("dinas-lingkungan-hidup", 2023, "Baik"),
		p("dinas-lingkungan-hidup", 2024, "Butuh Perbaikan"),
		p("dinas-lingkungan-hidup", 2025, "Kurang"),
		p("satpol-pp", 2025, "Butuh Perbaikan"),
		p("kecamatan-teluk-nibung", 2024, "Kurang"),
		p("kecamatan-teluk-nibung", 2025, "Butuh Perbaikan"),
		p("kecamatan-sei-tualang-raso", 2025, "Sangat Kurang"),
	}
}

func serviceUnits() []ServiceUnit {
	var us []ServiceUnit
	add := func(agency, kind, slug, name string) {
		k, ok := kecamatanOf[slug]
		if !ok {
			panic("demo: service unit " + slug + " has no kecamatan")
		}
		us = append(us, ServiceUnit{Slug: slug, AgencySlug: agency, Name: name, Kind: kind, KecamatanSlug: "kecamatan-" + k})
	}
	for _, p := range polyclinics {
		add("rsud-tengku-mansyur", "poliklinik", p.slug, p.name)
	}
	for _, p := range puskesmas {
		add("dinas-kesehatan", "puskesmas", p.slug, p.name)
	}
	for _, s := range schools {
		add("dinas-pendidikan", "sekolah", s.slug, s.name)
	}
	for _, d := range destinations {
		add("disporapar", "destinasi", d.slug, d.name)
	}
	return us
}

// kecamatanOf places every service unit in one of the six kecamatan (the
// slug of its kecamatan agency without "kecamatan-"). The hospital's
// polyclinics are where the hospital is.
var kecamatanOf = map[string]string{
	"rsud-tm-poli-penyakit-dalam": "tanjungbalai-selatan",
	"rsud-tm-poli-anak":           "tanjungbalai-selatan",
	"rsud-tm-poli-bedah":          "tanjungbalai-selatan",
	"rsud-tm-poli-kebidanan":      "tanjungbalai-selatan",
	"rsud-tm-poli-saraf":          "tanjungbalai-selatan",
	"rsud-tm-poli-mata":           "tanjungbalai-selatan",
	"rsud-tm-poli-gigi":           "tanjungbalai-selatan",
	"rsud-tm-poli-tht":            "tanjungbalai-selatan",
	"puskesmas-kampung-baru":      "tanjungbalai-utara",
	"puskesmas-teluk-nibung":      "teluk-nibung",
	"puskesmas-datuk-bandar":      "datuk-bandar",
	"puskesmas-sei-tualang-raso":  "sei-tualang-raso",
	"puskesmas-pantai-burung":     "tanjungbalai-selatan",
	"puskesmas-semula-jadi":       "datuk-bandar-timur",
	"puskesmas-sijambi":           "datuk-bandar",
	"puskesmas-bagan-asahan":      "tanjungbalai-utara",
	"sd-negeri-132398":            "datuk-bandar",
	"sd-negeri-132401":            "datuk-bandar-timur",
	"sd-negeri-132405":            "tanjungbalai-selatan",
	"sd-negeri-132410":            "tanjungbalai-utara",
	"sd-negeri-132417":            "sei-tualang-raso",
	"sd-negeri-132422":            "teluk-nibung",
	"smp-negeri-1":                "tanjungbalai-selatan",
	"smp-negeri-2":                "datuk-bandar",
	"smp-negeri-4":                "sei-tualang-raso",
	"smp-negeri-7":                "teluk-nibung",
	"pelabuhan-teluk-nibung":      "teluk-nibung",
	"balai-ujung-tanjung":         "tanjungbalai-utara",
	"pulau-baswesen":              "sei-tualang-raso",
}

// unit is a service unit with the parameters of its fictitious numbers.
type unit struct {
	slug, name string
	size       float64 // patients, pupils or visits per month
	factor     float64 // relative level of the unit's value (1 = city mean)
}

var polyclinics = []unit{
	{"rsud-tm-poli-penyakit-dalam", "Poliklinik Penyakit Dalam", 1450, 1.25},
	{"rsud-tm-poli-anak", "Poliklinik Anak", 720, 0.95},
	{"rsud-tm-poli-bedah", "Poliklinik Bedah", 610, 1.10},
	{"rsud-tm-poli-kebidanan", "Poliklinik Kebidanan dan Kandungan", 680, 0.90},
	{"rsud-tm-poli-saraf", "Poliklinik Saraf", 540, 1.15},
	{"rsud-tm-poli-mata", "Poliklinik Mata", 430, 0.85},
	{"rsud-tm-poli-gigi", "Poliklinik Gigi dan Mulut", 380, 0.75},
	{"rsud-tm-poli-tht", "Poliklinik THT-KL", 300, 0.80},
}

var puskesmas = []unit{
	{"puskesmas-kampung-baru", "Puskesmas Kampung Baru", 1650, 1.15},
	{"puskesmas-teluk-nibung", "Puskesmas Teluk Nibung", 1380, 1.10},
	{"puskesmas-datuk-bandar", "Puskesmas Datuk Bandar", 1210, 0.95},
	{"puskesmas-sei-tualang-raso", "Puskesmas Sei Tualang Raso", 1040, 1.00},
	{"puskesmas-pantai-burung", "Puskesmas Pantai Burung", 920, 0.90},
	{"puskesmas-semula-jadi", "Puskesmas Semula Jadi", 860, 1.05},
	{"puskesmas-sijambi", "Puskesmas Sijambi", 780, 0.85},
	{"puskesmas-bagan-asahan", "Puskesmas Bagan Asahan", 640, 1.00},
}

var schools = []unit{
	{"sd-negeri-132398", "SD Negeri 132398 Tanjungbalai", 210, 1.05},
	{"sd-negeri-132401", "SD Negeri 132401 Tanjungbalai", 260, 0.95},
	{"sd-negeri-132405", "SD Negeri 132405 Tanjungbalai", 180, 0.90},
	{"sd-negeri-132410", "SD Negeri 132410 Tanjungbalai", 240, 1.00},
	{"sd-negeri-132417", "SD Negeri 132417 Tanjungbalai", 150, 0.85},
	{"sd-negeri-132422", "SD Negeri 132422 Tanjungbalai", 200, 1.10},
	{"smp-negeri-1", "SMP Negeri 1 Tanjungbalai", 720, 1.15},
	{"smp-negeri-2", "SMP Negeri 2 Tanjungbalai", 610, 1.05},
	{"smp-negeri-4", "SMP Negeri 4 Tanjungbalai", 480, 0.95},
	{"smp-negeri-7", "SMP Negeri 7 Tanjungbalai", 390, 0.90},
}

var destinations = []unit{
	{"pelabuhan-teluk-nibung", "Pelabuhan Teluk Nibung", 3400, 1},
	{"balai-ujung-tanjung", "Balai Ujung Tanjung", 2100, 1},
	{"pulau-baswesen", "Pulau Baswesen", 750, 1},
}
