package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"strings"

	"github.com/tanjungbalai/kinerja/generator/iku"
	"github.com/tanjungbalai/kinerja/generator/pipeline"
)

const checkUsage = `Usage: kinerja check [--quarter 2026-Q3] [--json] [--compare releases] [--db DSN | --from BUNDLE] [--site DIR]

Checks the data before publishing: indicators due in the quarter (default:
the newest with data) without an actual, a target or an explanation of a
missed target; implausible values (negative counts, percentages outside
0-100, values far outside the indicator's own history, actuals copied from
the targets, targets set too low); targets of 0 on a percentage or where
higher is better, and targets eased by target_eased_share (25%) or more
from the previous release or year; indicators with no data for several
periods or results outside their validity. With --compare, the data is
also compared with the releases folder as 'kinerja publish' compares it
(with the newest version of the quarter, else the latest release): targets
eased since, units, polarities and definitions changed.

The site's data/pemeriksaan.toml says which checks block publishing and
sets the thresholds. Exit status: 0 publishable, 1 a blocking problem (or
the data could not be read), 2 a wrong command line. --json prints the
findings as JSON on stdout.

Flags:
`

// exitStatus ends a command with this exit code and no further message:
// what went wrong has been printed already.
type exitStatus int

func (e exitStatus) Error() string { return fmt.Sprintf("exit status %d", int(e)) }

// checkJSON is the document --json prints.
type checkJSON struct {
	Quarter     iku.Quarter    `json:"quarter"`
	Publishable bool           `json:"publishable"`
	Summary     checkSummary   `json:"summary"`
	Findings    []checkFinding `json:"findings"`
}

type checkSummary struct {
	Blocking int `json:"blocking"`
	Warnings int `json:"warnings"`
}

type checkFinding struct {
	iku.Finding
	Period string `json:"period"` // the reporting period: "2026-Q3", "2026-S1", "2026"
}

func (m *Main) check(ctx context.Context, args []string) error {
	var asJSON *bool
	var compare *string
	return m.withData("check", checkUsage, args, func(fs *flag.FlagSet) {
		asJSON = fs.Bool("json", false, "print the findings as JSON on stdout")
		compare = fs.String("compare", "", "the releases folder to compare with, as publish does (targets eased since, units, polarities, definitions changed)")
	}, func(o pipeline.Options) error {
		o.Progress, o.Compare = nil, *compare
		r, err := pipeline.Check(ctx, o)
		if err != nil {
			return err
		}
		freq := make(map[string]iku.Frequency, len(r.Dataset.Indicators))
		for _, ind := range r.Dataset.Indicators {
			freq[ind.Slug] = ind.Frequency
		}
		periodOf := func(f iku.Finding) string {
			if fr, ok := freq[f.Indicator]; ok && fr.Due(f.Quarter.Q) {
				return fr.Period(f.Quarter).Key()
			}
			return f.Quarter.String()
		}
		if *asJSON {
			doc := checkJSON{Quarter: r.Quarter, Publishable: r.Publishable(),
				Summary: checkSummary{r.Blocking, r.Warnings}, Findings: []checkFinding{}}
			for _, f := range r.Findings {
				doc.Findings = append(doc.Findings, checkFinding{f, periodOf(f)})
			}
			enc := json.NewEncoder(m.Stdout)
			enc.SetIndent("", "  ")
			if err := enc.Encode(doc); err != nil {
				return err
			}
		} else {
			m.printFindings(r, periodOf)
		}
		if !r.Publishable() {
			return exitStatus(exitError)
		}
		return nil
	})
}

// printFindings writes the findings as a table grouped by agency, ending
// with a one-line summary.
func (m *Main) printFindings(r *pipeline.CheckResult, periodOf func(iku.Finding) string) {
	names := make(map[string]string, len(r.Dataset.Agencies))
	for _, a := range r.Dataset.Agencies {
		names[a.Slug] = a.Name
	}
	m.printf(m.Stdout, "Data check of %s\n", r.Quarter)
	width := 0
	for _, f := range r.Findings {
		width = max(width, len(f.Indicator))
	}
	agency := "\x00"
	for _, f := range r.Findings {
		if f.Agency != agency {
			agency = f.Agency
			if agency == "" { // a finding about a sector's row
				m.printf(m.Stdout, "\nOther tables\n")
			} else {
				fmt.Fprintf(m.Stdout, "\n%s (%s)\n", names[agency], agency)
			}
		}
		marker := m.tr("warning ")
		if f.Severity == iku.Blocking {
			marker = m.tr("BLOCKING")
		}
		fmt.Fprintf(m.Stdout, "  %s  %-*s  %-7s  %s\n", marker, width, f.Indicator, periodOf(f), f.Message)
	}
	if len(r.Findings) > 0 {
		fmt.Fprintln(m.Stdout)
	}
	verdict := m.tr("publishable")
	if !r.Publishable() {
		verdict = m.tr("not publishable")
	}
	fmt.Fprintf(m.Stdout, "%s, %s: %s\n", m.plural(r.Blocking, "blocking problem"), m.plural(r.Warnings, "warning"), verdict)
}

// plural writes "1 warning", "2 warnings" ("2 peringatan": Indonesian
// nouns have one form).
func (m *Main) plural(n int, noun string) string {
	if n == 1 || m.lang == "id" {
		return fmt.Sprintf("%d %s", n, m.tr(noun))
	}
	return fmt.Sprintf("%d %ss", n, strings.TrimSuffix(noun, "s"))
}
