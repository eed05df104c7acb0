-- The publik views: exactly what may be published, aggregated to
-- indicator × quarter. The exporter reads these views and nothing else, as
-- the role portal_reader, which has no right on kinerja or asn: the views
-- run with their owner's rights (no security_invoker).
--
-- A city with its own database creates views with these names and these
-- columns, in this order, over its own tables (see the README). The columns
-- are those of the CSV bundle (generator/bundle/doc.go).

CREATE SCHEMA publik;

REVOKE ALL ON SCHEMA publik FROM PUBLIC;

CREATE VIEW publik.sectors AS
SELECT s.slug, s.code, s.name
FROM kinerja.sectors s;

CREATE VIEW publik.agencies AS
SELECT a.slug, a.code, a.name, a.short_name, a.kind, s.slug AS sector_slug
FROM kinerja.agencies a
JOIN kinerja.sectors s ON s.id = a.sector_id;

CREATE VIEW publik.predicates AS
SELECT a.slug AS agency_slug, p.year, p.predicate
FROM kinerja.agency_predicates p
JOIN kinerja.agencies a ON a.id = p.agency_id;

-- valid_from and valid_to are quarters written as '2021-Q1'.
CREATE VIEW publik.indicators AS
SELECT i.slug, i.code, a.slug AS agency_slug, s.slug AS sector_slug,
       i.name, i.unit, i.polarity, i.consolidation, i.decimals,
       i.multiplier, i.min_value, i.max_value,
       i.definition, i.formula, i.source, i.verification, i.limitations,
       i.frequency,
       to_char(i.valid_from, 'YYYY-"Q"Q') AS valid_from,
       to_char(i.valid_to, 'YYYY-"Q"Q') AS valid_to
FROM kinerja.indicators i
JOIN kinerja.agencies a ON a.id = i.agency_id
JOIN kinerja.sectors s ON s.id = i.sector_id;

-- quarter is NULL for an annual target, else 1–4 with its basis.
CREATE VIEW publik.targets AS
SELECT i.slug AS indicator_slug, t.year, t.quarter::integer AS quarter,
       t.basis, t.value, t.value_high
FROM kinerja.targets t
JOIN kinerja.indicators i ON i.id = t.indicator_id;

-- One row per indicator and quarter where something was recorded; no row is
-- invented for a quarter without data.
--
-- From the monthly measurements of the service units:
--   sum      actual = Σ value (numerator and denominator empty);
--   average  numerator = Σ numerator, denominator = Σ denominator,
--            actual = numerator × multiplier / denominator, rounded half
--            away from zero to the indicator's decimals (empty when the
--            denominator is 0): a weighted mean recomputed from the
--            measurements, never a mean of means;
--   last     as sum or average (average when the measurements carry
--            denominators), over the latest month of the quarter only;
--   provisional when any measurement of the quarter is not verified.
-- From the agency's quarterly entries, for quarters without measurements:
--   actual, numerator, denominator and provisional as stored.
--
-- Everything stays NUMERIC: nothing passes through a float. The rounding is
-- exact: div() of integers, so that no intermediate quotient is rounded
-- before round() is.
CREATE VIEW publik.results AS
WITH measured AS (
    SELECT m.indicator_id,
           extract(year FROM m.month)::integer AS year,
           extract(quarter FROM m.month)::integer AS quarter,
           m.value, m.numerator, m.denominator, m.verified,
           CASE WHEN i.consolidation = 'last' THEN
               m.month = (SELECT max(l.month) FROM kinerja.measurements l
                          WHERE l.indicator_id = m.indicator_id
                            AND l.month >= date_trunc('quarter', m.month)::date
                            AND l.month < (date_trunc('quarter', m.month) + interval '3 months')::date)
           ELSE true
           END AS counts -- last: only the quarter's latest month counts
    FROM kinerja.measurements m
    JOIN kinerja.indicators i ON i.id = m.indicator_id
),
quarterly AS (
    SELECT q.indicator_id, q.year, q.quarter,
           sum(q.value) FILTER (WHERE q.counts) AS value,
           sum(q.numerator) FILTER (WHERE q.counts) AS numerator,
           sum(q.denominator) FILTER (WHERE q.counts) AS denominator,
           bool_or(NOT q.verified) AS provisional
    FROM measured q
    GROUP BY q.indicator_id, q.year, q.quarter
),
weighted AS (
    SELECT q.*, i.slug, i.multiplier, i.decimals,
           i.consolidation = 'average'
               OR (i.consolidation = 'last' AND q.denominator IS NOT NULL) AS is_ratio
    FROM quarterly q
    JOIN kinerja.indicators i ON i.id = q.indicator_id
)
SELECT w.slug AS indicator_slug,
       w.year,
       w.quarter,
       CASE
           WHEN NOT w.is_ratio THEN w.value
           WHEN w.denominator <> 0 THEN
               round(sign(w.numerator * w.multiplier) * sign(w.denominator)
                     * div(2 * abs(w.numerator * w.multiplier) * 10::numeric ^ w.decimals + abs(w.denominator),
                           2 * abs(w.denominator))
                     / 10::numeric ^ w.decimals,
                     w.decimals)
       END AS actual,
       CASE WHEN w.is_ratio THEN w.numerator END AS numerator,
       CASE WHEN w.is_ratio THEN w.denominator END AS denominator,
       w.provisional
FROM weighted w
UNION ALL
SELECT i.slug, e.year, e.quarter::integer, e.value, e.numerator, e.denominator, e.provisional
FROM kinerja.quarterly_entries e
JOIN kinerja.indicators i ON i.id = e.indicator_id
WHERE NOT EXISTS (
    SELECT FROM kinerja.measurements m
    WHERE m.indicator_id = e.indicator_id
      AND m.month >= make_date(e.year, e.quarter * 3 - 2, 1)
      AND m.month < make_date(e.year, e.quarter * 3 - 2, 1) + interval '3 months'
);
