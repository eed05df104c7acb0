package sitedata

import (
	"cmp"
	"context"
	"regexp"
	"runtime"
	"sync"

	"github.com/tanjungbalai/kinerja/generator/chart"
	"github.com/tanjungbalai/kinerja/generator/iku"
)

// Drawn is every chart of one build in one language and which page shows
// which. The chart IDs are the same in every language; the SVGs differ
// (words and number formats are drawn in) and live apart
// (assets/charts/<lang>/<id>.svg).
type Drawn struct {
	Lang       string
	Charts     []Chart
	Cached     int               // charts that came from the cache
	Overview   string            // home page chart ID
	Agencies   map[string]string // agency slug → chart ID
	Indicators map[string]string // indicator slug → chart ID
	// Comparisons maps comparison slugs to chart IDs.
	Comparisons map[string]string
}

// ChartLabels builds the charts' words in language lang from the site's
// i18n messages of that language.
func ChartLabels(msgs Messages, lang string, rules iku.Rules) (chart.Labels, error) {
	l := chart.Labels{
		Lang:                    lang,
		Actual:                  msgs["chart_actual"],
		ActualToDate:            msgs["chart_actual_to_date"],
		Target:                  msgs["chart_target"],
		TargetLow:               msgs["chart_target_low"],
		TargetHigh:              msgs["chart_target_high"],
		Achievement:             msgs["chart_achievement"],
		Count:                   msgs["chart_indicators"],
		Quarter:                 goTemplateToPlaceholders(msgs["quarter_short"], "{q}"),
		Half:                    goTemplateToPlaceholders(msgs["half_short"], "{h}"),
		Year:                    goTemplateToPlaceholders(msgs["year_short"], ""),
		NotDue:                  msgs["chart_not_due"],
		Categories:              map[string]string{},
		Statuses:                map[iku.Status]string{},
		NumberLocale:            msgs["number_locale"],
		DecimalMark:             msgs["number_decimal_mark"],
		GroupMark:               msgs["number_group_mark"],
		TrendDescription:        msgs["chart_trend_description"],
		AchievementsDescription: msgs["chart_achievements_description"],
		OverviewDescription:     msgs["chart_overview_description"],
		ComparisonDescription:   msgs["chart_comparison_description"],
	}
	keys := make([]string, 0, len(rules.Categories))
	for _, c := range rules.Categories {
		keys = append(keys, c.Key)
		l.Categories[c.Key] = msgs["category_"+c.Key]
	}
	for _, s := range iku.Statuses {
		if s != iku.StatusCategory {
			l.Statuses[s] = msgs["status_"+string(s)]
		}
	}
	return l, l.Validate(keys)
}

var goField = regexp.MustCompile(`\{\{-?\s*\.(Roman|Year|Half|Quarter)\s*-?\}\}`)

// goTemplateToPlaceholders turns the i18n period format, a Go template
// for Hugo ("TW {{ .Roman }} {{ .Year }}", "Q{{ .Quarter }} {{ .Year }}"),
// into the chart's placeholders ("TW {q} {year}", "Q{n} {year}"), so that
// one string serves both. roman is the placeholder of .Roman: the
// quarter's ({q}) or the half's ({h}).
func goTemplateToPlaceholders(s, roman string) string {
	return goField.ReplaceAllStringFunc(s, func(m string) string {
		switch goField.FindStringSubmatch(m)[1] {
		case "Roman":
			return roman
		case "Quarter":
			return "{n}"
		case "Half":
			return "{hn}"
		}
		return "{year}"
	})
}

// DrawCharts builds every chart of the report and renders it to SVG, using
// as many workers as there are cores (the renderer serialises on its Node
// processes and answers cached charts without them). The words are in
// language lang (msgs are its messages): names from the English columns
// when lang is "en" and they are set, else the Indonesian names. progress,
// when not nil, is called after each chart with how many are done of how
// many.
func DrawCharts(ctx context.Context, r *chart.Renderer, rep *iku.Report, ds *iku.Dataset, msgs Messages, lang string, progress func(done, total int)) (*Drawn, error) {
	labels, err := ChartLabels(msgs, lang, rep.Rules)
	if err != nil {
		return nil, err
	}
	en := lang == "en"
	names := make(map[string]string, len(ds.Indicators))
	for _, ind := range ds.Indicators {
		names[ind.Slug] = translated(en, ind.Name, ind.NameEN)
	}
	latest := dueNow(rep)
	sectorNames := make(map[string]string, len(ds.Sectors))
	for _, s := range ds.Sectors {
		sectorNames[s.Slug] = translated(en, s.Name, s.NameEN)
	}
	// The builders read names and units from the report: give them this
	// language's.
	rep = localReport(rep, en)

	d := &Drawn{Lang: lang, Agencies: map[string]string{}, Indicators: map[string]string{}, Comparisons: map[string]string{}}
	var todo []chart.Chart
	ov := chart.Overview(rep, sectorNames, labels)
	todo = append(todo, ov)
	d.Overview = ov.ID
	for i := range rep.Agencies {
		ar := &rep.Agencies[i]
		has := false
		for _, s := range ar.Indicators {
			if e, ok := latest[s]; ok && e.Achievement != nil {
				has = true
				break
			}
		}
		if !has {
			continue // nothing to draw: the page shows the table only
		}
		c := chart.AgencyAchievements(ar, latest, names, labels)
		todo = append(todo, c)
		d.Agencies[ar.Agency.Slug] = c.ID
	}
	for i := range rep.Indicators {
		c := chart.IndicatorTrend(&rep.Indicators[i], labels)
		todo = append(todo, c)
		d.Indicators[rep.Indicators[i].Indicator.Slug] = c.ID
	}
	if len(rep.Comparisons) > 0 {
		// Short names tell the members apart on the axis.
		agencyNames := make(map[string]string, len(ds.Agencies))
		for _, a := range ds.Agencies {
			agencyNames[a.Slug] = translated(en, cmp.Or(a.ShortName, a.Name), a.NameEN)
		}
		for i := range rep.Comparisons {
			cm := &rep.Comparisons[i]
			if cm.Members[0].Capped == nil {
				continue // nothing ranked: the page shows the table only
			}
			c := chart.Comparison(cm, translated(en, cm.Name, cm.NameEN), agencyNames, labels)
			todo = append(todo, c)
			d.Comparisons[cm.Slug] = c.ID
		}
	}

	d.Charts = make([]Chart, len(todo))
	var (
		wg       sync.WaitGroup
		mu       sync.Mutex
		firstErr error
		done     int
		next     = make(chan int)
	)
	for range max(2, runtime.NumCPU()) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				svg, cached, err := r.Render(ctx, todo[i])
				mu.Lock()
				if err != nil && firstErr == nil {
					firstErr = err
				}
				if cached {
					d.Cached++
				}
				done++
				if progress != nil {
					progress(done, len(todo))
				}
				mu.Unlock()
				d.Charts[i] = Chart{ID: todo[i].ID, Lang: lang, Option: todo[i].Option, SVG: svg}
			}
		}()
	}
	for i := range todo {
		mu.Lock()
		failed := firstErr != nil
		mu.Unlock()
		if failed || ctx.Err() != nil {
			break
		}
		next <- i
	}
	close(next)
	wg.Wait()
	if firstErr != nil {
		return nil, firstErr
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return d, nil
}

// translated is the English text when en and it is set, else the
// Indonesian.
func translated(en bool, id, english string) string {
	if en && english != "" {
		return english
	}
	return id
}

// localReport returns rep with the names and units of its agencies and
// indicators in English where en and translated (a shallow copy: the
// evaluations are shared), or rep itself.
func localReport(rep *iku.Report, en bool) *iku.Report {
	if !en {
		return rep
	}
	out := *rep
	out.Agencies = append([]iku.AgencyReport(nil), rep.Agencies...)
	for i := range out.Agencies {
		a := &out.Agencies[i].Agency
		a.Name = translated(en, a.Name, a.NameEN)
	}
	out.Indicators = append([]iku.IndicatorReport(nil), rep.Indicators...)
	for i := range out.Indicators {
		ind := &out.Indicators[i].Indicator
		ind.Name = translated(en, ind.Name, ind.NameEN)
		ind.Unit = translated(en, ind.Unit, ind.UnitEN)
	}
	out.Sectors = append([]iku.SectorReport(nil), rep.Sectors...)
	for i := range out.Sectors {
		s := &out.Sectors[i].Sector
		s.Name = translated(en, s.Name, s.NameEN)
	}
	return &out
}
