-- The consolidation cumulative (DOMAIN.md, "Quarters and years"; see
-- content/metodologi.md, "Nilai tahunan dari nilai triwulan"): a running
-- total since January written as a level, such as "% of hypertension
-- patients served since January" or "% of the year's budget absorbed".
-- The year's actual is its Q4 value; before Q4, with only an annual
-- target, a quarter shows progress toward it as a sum indicator does.
--
-- kinerja.indicators accepts the new code, and publik.results takes a
-- cumulative indicator measured monthly as it takes a last one: the
-- quarter's value is its latest month's (which is the running total since
-- January). Its columns are unchanged, so a city's own views keep working;
-- a city adds 'cumulative' where its own views treat 'last' specially.
ALTER TABLE kinerja.indicators DROP CONSTRAINT indicators_consolidation_check;
ALTER TABLE kinerja.indicators
  ADD CONSTRAINT indicators_consolidation_check
  CHECK (consolidation IN ('sum', 'average', 'last', 'cumulative'));

-- As in 0003_publik.sql, with cumulative measured as last:
--   last, cumulative  as sum or average (average when the measurements
--                     carry denominators), over the latest month of the
--                     quarter only.
CREATE OR REPLACE VIEW publik.results AS
WITH measured AS (
    SELECT m.indicator_id,
           extract(year FROM m.month)::integer AS year,
           extract(quarter FROM m.month)::integer AS quarter,
           m.value, m.numerator, m.denominator, m.verified,
           CASE WHEN i.consolidation IN ('last', 'cumulative') THEN
               m.month = (SELECT max(l.month) FROM kinerja.measurements l
                          WHERE l.indicator_id = m.indicator_id
                            AND l.month >= date_trunc('quarter', m.month)::date
                            AND l.month < (date_trunc('quarter', m.month) + interval '3 months')::date)
           ELSE true
           END AS counts -- last, cumulative: only the quarter's latest month counts
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
               OR (i.consolidation IN ('last', 'cumulative') AND q.denominator IS NOT NULL) AS is_ratio
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
