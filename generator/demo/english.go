package demo

import "strings"

// English text for the English site: every sector, agency and indicator
// (its name, definition and unit). The formula, source and limitations
// stay in Indonesian, so that the demo still shows the fallback (an
// English page showing Indonesian text marked as Indonesian). Service
// units are named in serviceUnits.
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
	// indicatorsEN are the English name, definition and unit of every
	// indicator but the community satisfaction indexes and the
	// kecamatan's PATEN services, which follow one pattern each
	// (ikmEN, patenEN).
	indicatorsEN = map[string]struct{ name, definition, unit string }{
		// Health Office
		"dinkes-waktu-tunggu-puskesmas": {"Average outpatient waiting time at community health centres",
			"The average time from a patient's registration at the community health centre (puskesmas) counter to being seen in the examination room, weighted by each centre's number of patients.", "minutes"},
		"dinkes-persalinan-faskes": {"Percentage of births in health facilities",
			"The percentage of women giving birth who were attended by health workers in a health facility, as the minimum service standard requires.", "%"},
		"dinkes-imunisasi-dasar-lengkap": {"Complete basic immunisation coverage of infants aged 0–11 months",
			"The percentage of infants aged 0–11 months who have had complete basic immunisation, cumulative since the start of the year against the year's target number of infants.", "%"},
		"dinkes-prevalensi-stunting": {"Prevalence of stunting among children under five",
			"The percentage of children under five whose height for age is below −2 standard deviations, from weighing and measuring at community health posts (posyandu).", "%"},
		"dinkes-kematian-ibu": {"Number of maternal deaths",
			"The number of deaths of women during pregnancy, childbirth or within 42 days after childbirth, as reported by health facilities.", "cases"},
		"dinkes-keberhasilan-pengobatan-tbc": {"Tuberculosis treatment success rate",
			"The percentage of tuberculosis patients cured or who completed their treatment, among the patients whose treatment outcome was evaluated.", "%"},
		"dinkes-hipertensi-sesuai-standar": {"Percentage of people with hypertension receiving health services to standard",
			"The percentage of people aged 15 and over with hypertension who received services to standard, cumulative since the start of the year against the estimated number of people with hypertension in the year.", "%"},
		"dinkes-kelurahan-sbs": {"Number of urban villages free of open defecation (SBS)",
			"The number of urban villages (kelurahan) verified as free of open defecation, out of the 31 urban villages of Tanjungbalai City.", "urban villages"},

		// Dr. Tengku Mansyur Regional Hospital
		"rsud-waktu-tunggu-rawat-jalan": {"Average outpatient waiting time",
			"The average time from a patient's registration to being seen by a specialist at the outpatient clinic, weighted by the number of patients of each clinic and month. The hospital minimum service standard is at most 60 minutes (Kepmenkes 129/2008).", "minutes"},
		"rsud-waktu-tunggu-60-menit": {"Percentage of outpatients waiting ≤ 60 minutes",
			"The percentage of outpatients seen by a specialist within 60 minutes of registering. A national hospital quality indicator, with a target of ≥ 80 % (PMK 30/2022).", "%"},
		"rsud-rekam-medis-lengkap": {"Percentage of medical records completed within 24 hours of care",
			"The percentage of medical records that doctors filled in completely within 24 hours of an outpatient visit or of an inpatient's discharge.", "%"},
		"rsud-kepatuhan-kebersihan-tangan": {"Hand hygiene compliance rate",
			"The percentage of hand hygiene opportunities observed in which hand hygiene was performed correctly. A national quality indicator, with a target of ≥ 85 %.", "%"},
		"rsud-net-death-rate": {"Deaths more than 48 hours after admission (net death rate)",
			"The number of patients who died more than 48 hours after admission per 1,000 patients discharged (alive or dead).", "‰"},
		"rsud-insiden-pasien-jatuh": {"Number of patient falls in inpatient care",
			"The number of falls of inpatients during their stay, as reported to the patient safety team.", "incidents"},

		// Education Office
		"disdik-kompetensi-literasi": {"Percentage of pupils reaching minimum reading literacy",
			"The percentage of pupils reaching the minimum competence in the schools' monthly reading literacy assessment, weighted by the number of pupils assessed.", "%"},
		"disdik-partisipasi-orang-tua": {"Percentage of parents or guardians attending committee and class meetings",
			"The percentage of parents or guardians who attended, of all those invited to school committee meetings and class meetings.", "%"},
		"disdik-angka-putus-sekolah": {"Primary and junior secondary school dropout rate",
			"The percentage of primary and junior secondary pupils who left school before finishing, in one semester.", "%"},
		"disdik-apk-paud": {"Gross enrolment ratio in early childhood education (PAUD)",
			"The number of children enrolled in early childhood education (PAUD) divided by the population aged 3–6.", "%"},
		"disdik-apm-smp": {"Net enrolment ratio in junior secondary school",
			"The number of pupils aged 13–15 enrolled in junior secondary school or its equivalent divided by the population aged 13–15.", "%"},
		"disdik-guru-bersertifikat": {"Percentage of teachers with a teaching certificate",
			"The percentage of early childhood, primary and junior secondary teachers who hold a teaching certificate.", "%"},
		"disdik-sekolah-terakreditasi": {"Percentage of schools accredited B or better",
			"The percentage of primary and junior secondary schools with a valid A or B accreditation.", "%"},
		"disdik-rata-rata-lama-sekolah": {"Mean years of schooling of people aged 25 and over",
			"The average number of years that people aged 25 and over have spent in formal education.", "years"},

		// Youth, Sports and Tourism Office
		"disporapar-kunjungan-wisatawan": {"Tourist visits to the main destinations",
			"The number of visits by domestic and foreign tourists to Teluk Nibung Port, Balai Ujung Tanjung and Baswesen Island, counted from tickets and visitor counters at each destination.", "visits"},
		"disporapar-kunjungan-wisman": {"Foreign tourist visits through Teluk Nibung Port",
			"The number of arrivals of foreign passengers (mostly from Malaysia) on international ferries through Teluk Nibung Port.", "visits"},
		"disporapar-event-pariwisata": {"Number of tourism events held",
			"The number of city-wide or larger festivals and tourism events held or supported by the Youth, Sports and Tourism Office.", "events"},
		"disporapar-lama-menginap": {"Average length of stay of hotel guests",
			"The average number of nights guests spend in the hotels and guesthouses of Tanjungbalai City.", "nights"},
		"disporapar-medali-atlet": {"Number of medals won by Tanjungbalai City athletes at provincial and national championships",
			"The number of gold, silver and bronze medals won by athletes representing Tanjungbalai City.", "medals"},
		"disporapar-wirausaha-muda": {"Number of new young entrepreneurs supported",
			"The number of young people aged 16–30 who started a business and received entrepreneurship support from the Youth, Sports and Tourism Office.", "people"},
		"disporapar-retribusi-rekreasi": {"Revenue from recreation and sports facility charges",
			"The revenue from charges at the city government's recreation, tourism and sports facilities.", "million rupiah"},

		// Regional Development Planning, Research and Innovation Agency
		"bapperida-ipm": {"Human Development Index (HDI)",
			"A composite index of a long and healthy life, knowledge and a decent standard of living (the new method of Statistics Indonesia, BPS).", "index"},
		"bapperida-pengangguran-terbuka": {"Open unemployment rate",
			"The percentage of the labour force who have no work and are looking for work or preparing a business.", "%"},
		"bapperida-penduduk-miskin": {"Percentage of the population in poverty",
			"The percentage of the population whose average monthly spending per person is below the poverty line, as of March.", "%"},
		"bapperida-pertumbuhan-ekonomi": {"Economic growth rate",
			"The growth of the gross regional domestic product at constant prices compared with the year before.", "%"},
		"bapperida-keselarasan-renja": {"Percentage of agency work plan programmes aligned with the regional government work plan (RKPD)",
			"The percentage of the programmes in the agencies' work plans (Renja) that are aligned with the priorities of the Regional Government Work Plan (RKPD).", "%"},
		"bapperida-inovasi-daerah": {"Number of regional innovations put into practice",
			"The number of the agencies' innovations that have been put into practice and reported in the Regional Innovation Index.", "innovations"},

		// Investment and One-Stop Services Office
		"dpmptsp-waktu-perizinan": {"Average time to issue a business licence",
			"The average number of working days from the day a licence application is complete to the day the licence is issued.", "working days"},
		"dpmptsp-realisasi-investasi": {"Realised foreign and domestic investment",
			"The value of foreign and domestic investment realised, as businesses report it in their Investment Activity Reports (LKPM).", "billion rupiah"},
		"dpmptsp-izin-terbit": {"Number of licences and non-licence permits issued",
			"The number of business licences and non-licence permits issued by the Investment and One-Stop Services Office.", "permits"},
		"dpmptsp-izin-tepat-waktu": {"Percentage of licences issued within the service standard time",
			"The percentage of licences issued within the service standard's time limit from the day the application is complete.", "%"},

		// Social Affairs Office
		"dinsos-pmks-tertangani": {"Percentage of people with social welfare problems (PMKS) served",
			"The percentage of people with social welfare problems (PMKS) who received services, rehabilitation or social assistance, of all those recorded in the period.", "%"},
		"dinsos-dtks-mutakhir": {"Percentage of the integrated social welfare data (DTKS) updated",
			"The percentage of families in the integrated social welfare data (DTKS) whose data were updated through urban village meetings and field checks during the year.", "%"},
		"dinsos-dtsen-terverifikasi": {"Percentage of families in the DTSEN verified in the field",
			"The percentage of families of Tanjungbalai City in the National Single Social and Economic Data (DTSEN) that have been verified and validated in the field.", "%"},
		"dinsos-anak-terlantar": {"Number of neglected children receiving social rehabilitation services",
			"The number of neglected children who received basic social rehabilitation services, in or outside a care home.", "children"},

		// Public Works and Spatial Planning Office
		"putr-jalan-mantap": {"Percentage of city roads in stable condition",
			"The length of city roads in good or fair condition as a percentage of the length of all city roads.", "%"},
		"putr-drainase-baik": {"Percentage of city drainage channels in good condition",
			"The percentage of the length of primary and secondary drainage channels that work well, without heavy sedimentation.", "%"},
		"putr-genangan-rob": {"Area flooded by tidal floods for more than 2 hours",
			"The area of residential neighbourhoods flooded by high tide (rob) for more than 2 hours in the largest event of the quarter.", "hectares"},
		"putr-akses-air-minum": {"Percentage of households with access to safe drinking water",
			"The percentage of households that use a safe source of drinking water (piped water, a protected well, collected rainwater).", "%"},
		"putr-konstruksi-tepat-waktu": {"Percentage of construction works completed on time",
			"The percentage of construction works handed over for the first time (PHO) no later than the contract date.", "%"},

		// Housing and Settlements Office
		"perkim-rtlh-ditangani": {"Number of substandard houses improved",
			"The number of substandard houses rehabilitated or rebuilt through the city government's programmes.", "houses"},
		"perkim-kawasan-kumuh": {"Area of slum settlements",
			"The area of slum settlements designated by decree of the mayor and not yet improved.", "hectares"},
		"perkim-penerangan-jalan": {"Percentage of neighbourhood roads lit by street lighting",
			"The percentage of neighbourhood road sections with public street lighting (PJU) that works.", "%"},
		"perkim-akses-sanitasi": {"Percentage of households with access to proper sanitation",
			"The percentage of households with their own or a shared toilet connected to a septic tank or a treatment plant.", "%"},

		// Communication and Informatics Office
		"kominfo-indeks-spbe": {"Electronic-based government system (SPBE) index",
			"The index from the evaluation of the electronic-based government system (SPBE) by the Ministry of Administrative and Bureaucratic Reform, on a scale of 0–5.", "index"},
		"kominfo-aduan-ditindaklanjuti": {"Percentage of public complaints through SP4N-LAPOR! followed up",
			"The percentage of the public's complaints to the city government through SP4N-LAPOR! that the agencies have followed up.", "%"},
		"kominfo-keterbukaan-informasi": {"Public information disclosure score",
			"The score from the monitoring and evaluation of public information disclosure by the Information Commission of North Sumatra Province.", "score"},
		"kominfo-dataset-satu-data": {"Number of datasets published on the One Data portal",
			"The number of new datasets from the agencies published on the Tanjungbalai City One Data portal after the data steward's review.", "datasets"},
		"kominfo-situs-web-diperbarui": {"Percentage of agencies whose website is updated every month",
			"The percentage of agencies whose website carries new news or information every month of the quarter.", "%"},

		// Inspectorate
		"inspektorat-tindak-lanjut": {"Percentage of audit recommendations followed up",
			"The percentage of the recommendations of the Inspectorate's and the Audit Board's (BPK) audits that the agencies have followed up in full.", "%"},
		"inspektorat-maturitas-spip": {"Maturity level of the government internal control system (SPIP)",
			"The maturity level of the integrated government internal control system (SPIP), from a self-assessment quality-assured by the Finance and Development Supervisory Agency (BPKP).", "level"},
		"inspektorat-kapabilitas-apip": {"Capability level of the government internal auditors (APIP)",
			"The capability level of the government internal auditors (APIP) by the Internal Audit Capability Model (IA-CM), as assessed by the Finance and Development Supervisory Agency (BPKP).", "level"},
		"inspektorat-lhp-terbit": {"Number of audit reports (LHP) issued",
			"The number of audit, review and evaluation reports issued by the Inspectorate.", "reports"},

		// Environment Office
		"dlh-sampah-tertangani": {"Percentage of household waste handled",
			"The percentage of household waste carried to the landfill or processed (waste banks, TPS3R recycling sites, compost).", "%"},
		"dlh-iklh": {"Environmental Quality Index (IKLH)",
			"A composite index of the quality of water, air, land cover and sea water, calculated by the Ministry of Environment.", "index"},
		"dlh-ruang-terbuka-hijau": {"Public green open space as a percentage of the city's area",
			"The area of public green open space (parks, green belts, urban forest) as a percentage of the city's area of 60.52 km².", "%"},
		"dlh-bank-sampah-aktif": {"Number of active waste banks",
			"The number of waste banks that took deposits from residents at least once a month in the quarter.", "units"},

		// Fisheries, Food and Agriculture Office
		"dppp-produksi-perikanan-tangkap": {"Capture fisheries production",
			"The volume of fish caught by fishers and landed at the ports and fish landing sites of Tanjungbalai City.", "tonnes"},
		"dppp-skor-pph": {"Desirable Dietary Pattern (PPH) score",
			"A score of the diversity of the population's food consumption by the composition of the desirable dietary pattern, on a scale of 0–100.", "score"},
		"dppp-nelayan-berasuransi": {"Number of fishers covered by fishers' insurance",
			"The number of fishers with a fishers' insurance policy or employment social security that is active at the end of the quarter.", "people"},
		"dppp-produktivitas-padi": {"Wetland rice productivity",
			"The production of milled dry unhusked rice per hectare of wetland rice harvested.", "quintals/ha"},
		"dppp-variasi-harga-pangan": {"Coefficient of variation of retail staple food prices",
			"The coefficient of variation of the daily retail prices of rice, chilli, shallots, cooking oil and sugar in the traditional markets over the quarter.", "%"},

		// Municipal Police
		"satpolpp-penegakan-perda": {"Percentage of violations of regional and mayoral regulations followed up",
			"The percentage of the violations of regional regulations and mayoral regulations found or reported that were followed up by the standard procedure.", "%"},
		"satpolpp-trantibum-tertangani": {"Percentage of disturbances of public peace and order handled",
			"The percentage of reports of disturbances of public peace and order handled within 24 hours.", "%"},
		"satpolpp-satlinmas-terlatih": {"Number of community protection unit (Satlinmas) members trained",
			"The number of members of the community protection unit (Satlinmas) who took basic or refresher training.", "people"},

		// Regional Disaster Management Agency
		"bpbd-waktu-tanggap": {"Average emergency response time to disasters and fires",
			"The average number of minutes from the operations control centre receiving the report of a disaster or fire to the team arriving at the scene.", "minutes"},
		"bpbd-kelurahan-tangguh": {"Number of disaster-resilient urban villages",
			"The number of urban villages that have set up a disaster risk reduction forum, a contingency plan and a standby team, out of 31 urban villages.", "urban villages"},
		"bpbd-korban-jiwa-kebakaran": {"Number of fires with fatalities",
			"The number of residential fires in which someone died.", "cases"},
		"bpbd-warga-sosialisasi": {"Number of residents taking part in disaster preparedness outreach and drills",
			"The number of residents who took part in outreach or evacuation drills for fires, tidal floods and earthquakes.", "people"},
	}
	// ikmServicesEN are the services of the community satisfaction
	// indexes, by the index's slug; a kecamatan office's is named after its
	// agency (ikmEN).
	ikmServicesEN = map[string]string{
		"disdik-ikm":      "the services of the Education Office",
		"dinkes-ikm":      "the services of the community health centres (puskesmas)",
		"rsud-ikm":        "the services of Dr. Tengku Mansyur Regional Hospital",
		"putr-ikm":        "building approval (PBG) and technical advice services",
		"perkim-ikm":      "housing and settlement infrastructure services",
		"satpolpp-ikm":    "the services of the Municipal Police",
		"bpbd-ikm":        "the emergency services of the Disaster Management Agency and the fire brigade",
		"dinsos-ikm":      "the services of the Social Affairs Office",
		"dlh-ikm":         "waste and environmental permit services",
		"kominfo-ikm":     "public information services (PPID)",
		"dpmptsp-ikm":     "the services of the Public Service Mall and the One-Stop Services Office",
		"dppp-ikm":        "the extension and technical recommendation services of the Fisheries, Food and Agriculture Office",
		"disporapar-ikm":  "the services of the Youth, Sports and Tourism Office",
		"bapperida-ikm":   "the development data and information services of the Planning Agency",
		"inspektorat-ikm": "the public complaint services of the Inspectorate",
	}
)

// ikmEN is the English name and definition of the community satisfaction
// index of service ("the services of the Education Office"); its unit
// stays IKM.
func ikmEN(service string) (name, definition string) {
	return "Community Satisfaction Index (IKM) for " + service,
		"The satisfaction index of the users of " + service + ", from the Community Satisfaction Survey of 9 elements of service, on a scale of 25–100 (PermenPANRB 14/2017)."
}

// patenEN is the English name and definition of the PATEN service of a
// kecamatan office (agency, its English name: "Datuk Bandar District").
func patenEN(agency string) (name, definition string) {
	return "Percentage of PATEN requests at " + agency + " completed within the service standard time",
		"The percentage of requests to the Integrated District Administrative Service (PATEN) of " + agency + " completed within the service's standard time."
}

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
// service units: every one has its English name, and every indicator its
// English definition and unit.
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
		ind := &c.Indicators[i]
		if en, ok := indicatorsEN[ind.Slug]; ok {
			ind.NameEN, ind.DefinitionEN, ind.UnitEN = en.name, en.definition, en.unit
			continue
		}
		agency := agenciesEN[ind.AgencySlug]
		switch {
		case strings.HasSuffix(ind.Slug, "-ikm"):
			service, ok := ikmServicesEN[ind.Slug]
			if !ok && agency != "" {
				service = "the services of the " + agency + " office"
			}
			if service != "" {
				ind.NameEN, ind.DefinitionEN = ikmEN(service)
				ind.UnitEN = "IKM"
			}
		case strings.HasSuffix(ind.Slug, "-paten") && agency != "":
			ind.NameEN, ind.DefinitionEN = patenEN(agency)
			ind.UnitEN = "%"
		}
	}
}
