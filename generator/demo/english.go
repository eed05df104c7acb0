package demo

// English text for the English site: every sector and agency, and some
// indicators only, so that the demo also shows the fallback (an English
// page showing an untranslated indicator's Indonesian name, marked as
// Indonesian).
var (
	sectorsEN = map[string]string{
		"pendidikan":             "Education",
		"kesehatan":              "Health",
		"pekerjaan-umum":         "Public Works and Spatial Planning",
		"perumahan":              "Public Housing and Settlements",
		"ketertiban":             "Public Order, Peace and Community Protection",
		"sosial":                 "Social Affairs",
		"pangan":                 "Food",
		"lingkungan-hidup":       "Environment",
		"komunikasi-informatika": "Communication and Informatics",
		"ekonomi":                "Economy and Investment",
		"kepemudaan-olahraga":    "Youth and Sports",
		"perikanan":              "Marine Affairs and Fisheries",
		"pariwisata":             "Tourism",
		"pertanian":              "Agriculture",
		"perencanaan":            "Planning, Research and Development",
		"pengawasan":             "Oversight",
		"pemerintahan":           "General Government (Districts)",
	}
	agenciesEN = map[string]string{
		"dinas-kesehatan":                  "Health Office",
		"rsud-tengku-mansyur":              "Dr. Tengku Mansyur Regional Hospital",
		"dinas-pendidikan":                 "Education Office",
		"disporapar":                       "Youth, Sports and Tourism Office",
		"bapperida":                        "Regional Development Planning, Research and Innovation Agency",
		"dpmptsp":                          "Investment and One-Stop Services Office",
		"dinas-sosial":                     "Social Affairs Office",
		"dinas-putr":                       "Public Works and Spatial Planning Office",
		"dinas-perkim":                     "Housing and Settlements Office",
		"diskominfo":                       "Communication and Informatics Office",
		"inspektorat":                      "Inspectorate",
		"dinas-lingkungan-hidup":           "Environment Office",
		"dinas-perikanan-pangan-pertanian": "Fisheries, Food and Agriculture Office",
		"satpol-pp":                        "Municipal Police",
		"bpbd":                             "Regional Disaster Management Agency",
		"kecamatan-datuk-bandar":           "Datuk Bandar District",
		"kecamatan-datuk-bandar-timur":     "Datuk Bandar Timur District",
		"kecamatan-tanjungbalai-selatan":   "Tanjungbalai Selatan District",
		"kecamatan-tanjungbalai-utara":     "Tanjungbalai Utara District",
		"kecamatan-sei-tualang-raso":       "Sei Tualang Raso District",
		"kecamatan-teluk-nibung":           "Teluk Nibung District",
	}
	indicatorsEN = map[string]struct{ name, definition, unit string }{
		"rsud-waktu-tunggu-rawat-jalan": {"Average outpatient waiting time",
			"The average time from an outpatient's registration to the start of the doctor's examination at the hospital.", "minutes"},
		"dinkes-waktu-tunggu-puskesmas": {"Average outpatient waiting time at community health centres",
			"The average time from registration to the start of the examination at the city's community health centres (puskesmas).", "minutes"},
		"dinkes-imunisasi-dasar-lengkap": {"Complete basic immunisation coverage of infants aged 0–11 months", "", "%"},
		"dinkes-prevalensi-stunting":     {"Prevalence of stunting among children under five", "", "%"},
		"dinkes-kematian-ibu":            {"Number of maternal deaths", "", "cases"},
		"disdik-angka-putus-sekolah":     {"Primary and junior secondary school dropout rate", "", "%"},
		"disporapar-kunjungan-wisatawan": {"Tourist visits to the main destinations", "", "visits"},
		"disporapar-kunjungan-wisman":    {"Foreign tourist visits through Teluk Nibung Port", "", "visits"},
		"bapperida-ipm":                  {"Human Development Index (HDI)", "", "index"},
		"bapperida-pengangguran-terbuka": {"Open unemployment rate", "", "%"},
		"bapperida-penduduk-miskin":      {"Percentage of the population in poverty", "", "%"},
		"dpmptsp-waktu-perizinan":        {"Average time to issue a business licence", "", "working days"},
		"dpmptsp-realisasi-investasi":    {"Realised foreign and domestic investment", "", "billion rupiah"},
		"dlh-sampah-tertangani":          {"Percentage of household waste handled", "", "%"},
	}
)

// unitsEN is the English name of every service unit.
var unitsEN = map[string]string{
	"rsud-tm-poli-penyakit-dalam": "Internal Medicine Clinic",
	"rsud-tm-poli-anak":           "Paediatric Clinic",
	"rsud-tm-poli-bedah":          "Surgical Clinic",
	"rsud-tm-poli-kebidanan":      "Obstetrics and Gynaecology Clinic",
	"rsud-tm-poli-saraf":          "Neurology Clinic",
	"rsud-tm-poli-mata":           "Eye Clinic",
	"rsud-tm-poli-gigi":           "Dental and Oral Clinic",
	"rsud-tm-poli-tht":            "Ear, Nose and Throat Clinic",
	"puskesmas-kampung-baru":      "Kampung Baru Community Health Centre",
	"puskesmas-teluk-nibung":      "Teluk Nibung Community Health Centre",
	"puskesmas-datuk-bandar":      "Datuk Bandar Community Health Centre",
	"puskesmas-sei-tualang-raso":  "Sei Tualang Raso Community Health Centre",
	"puskesmas-pantai-burung":     "Pantai Burung Community Health Centre",
	"puskesmas-semula-jadi":       "Semula Jadi Community Health Centre",
	"puskesmas-sijambi":           "Sijambi Community Health Centre",
	"puskesmas-bagan-asahan":      "Bagan Asahan Community Health Centre",
	"sd-negeri-132398":            "State Primary School 132398 Tanjungbalai",
	"sd-negeri-132401":            "State Primary School 132401 Tanjungbalai",
	"sd-negeri-132405":            "State Primary School 132405 Tanjungbalai",
	"sd-negeri-132410":            "State Primary School 132410 Tanjungbalai",
	"sd-negeri-132417":            "State Primary School 132417 Tanjungbalai",
	"sd-negeri-132422":            "State Primary School 132422 Tanjungbalai",
	"smp-negeri-1":                "State Junior Secondary School 1 Tanjungbalai",
	"smp-negeri-2":                "State Junior Secondary School 2 Tanjungbalai",
	"smp-negeri-4":                "State Junior Secondary School 4 Tanjungbalai",
	"smp-negeri-7":                "State Junior Secondary School 7 Tanjungbalai",
	"pelabuhan-teluk-nibung":      "Teluk Nibung Port",
	"balai-ujung-tanjung":         "Balai Ujung Tanjung",
	"pulau-baswesen":              "Baswesen Island",
}

// translate sets the English text of c's sectors, agencies, indicators and
// service units.
func (c *City) translate() {
	for i := range c.Sectors {
		c.Sectors[i].NameEN = sectorsEN[c.Sectors[i].Slug]
	}
	for i := range c.Agencies {
		c.Agencies[i].NameEN = agenciesEN[c.Agencies[i].Slug]
	}
	for i := range c.ServiceUnits {
		c.ServiceUnits[i].NameEN = unitsEN[c.ServiceUnits[i].Slug]
	}
	for i := range c.Indicators {
		if en, ok := indicatorsEN[c.Indicators[i].Slug]; ok {
			ind := &c.Indicators[i]
			ind.NameEN, ind.DefinitionEN, ind.UnitEN = en.name, en.definition, en.unit
		}
	}
}
