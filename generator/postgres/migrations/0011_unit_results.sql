-- Results per service unit (a puskesmas, a school, a tourist site, a
-- polyclinic): what a citizen who uses one place wants to know. Units are
-- places, never people.
--
-- kinerja.service_units gets the unit's kecamatan, a nullable reference
-- to the agency of kind 'kecamatan' whose area holds the unit (NULL: not
-- placed in one kecamatan, such as a city-wide service), and its English
-- name (NULL: not translated; the English site shows the Indonesian name,
-- marked lang="id"). That the kecamatan is an agency of kind kecamatan is
-- checked by kinerja (a data error naming the unit), not by a trigger.
ALTER TABLE kinerja.service_units
  ADD COLUMN kecamatan_id bigint REFERENCES kinerja.agencies (id),
  ADD COLUMN name_en text;

ALTER TABLE kinerja.service_units
  ADD CONSTRAINT service_units_kind_check CHECK (kind ~ '^[a-z0-9]+(-[a-z0-9]+)*$') NOT VALID;

-- publik.unit_results: one row per indicator, service unit and quarter
-- where the unit has measurements, consolidated exactly as publik.results
-- consolidates the agency's quarter (0003_publik.sql, 0009_cumulative.sql),
-- over that unit's measurements only:
--   sum                 actual = Σ value (numerator and denominator empty);
--   average             numerator = Σ numerator, denominator = Σ
--                       denominator, actual = numerator × multiplier /
--                       denominator, rounded half away from zero to the
--                       indicator's decimals (empty when the denominator
--                       is 0): a weighted mean, never a mean of means;
--   last, cumulative    as sum or average (average when the measurements
--                       carry denominators), over the latest month of the
--                       quarter in which the indicator has measurements
--                       (the same month publik.results uses, so that the
--                       units add up to the agency's quarter);
--   provisional when any of the unit's measurements of the quarter is not
--   verified.
-- count is what the value rests on: for a ratio (numerator/denominator),
-- Σ denominator (patients, pupils assessed); otherwise the value itself
-- (visits). kinerja publishes no value of a unit-quarter whose count is
-- below the threshold of data/privasi.toml (unit_min_count): this view
-- returns exact values, small counts included, and kinerja suppresses.
--
-- The unit's slug, name, kind, kecamatan (agency slug, empty when none),
-- agency and English name are on every row, so that the view alone
-- describes every unit with results.
CREATE VIEW publik.unit_results AS
WITH measured AS (
    SELECT m.indicator_id, m.service_unit_id,
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
    SELECT q.indicator_id, q.service_unit_id, q.year, q.quarter,
           sum(q.value) FILTER (WHERE q.counts) AS value,
           sum(q.numerator) FILTER (WHERE q.counts) AS numerator,
           sum(q.denominator) FILTER (WHERE q.counts) AS denominator,
           bool_or(NOT q.verified) AS provisional
    FROM measured q
    GROUP BY q.indicator_id, q.service_unit_id, q.year, q.quarter
),
weighted AS (
    SELECT q.*, i.slug, i.multiplier, i.decimals,
           i.consolidation = 'average'
               OR (i.consolidation IN ('last', 'cumulative') AND q.denominator IS NOT NULL) AS is_ratio
    FROM quarterly q
    JOIN kinerja.indicators i ON i.id = q.indicator_id
)
SELECT w.slug AS indicator_slug,
       u.slug AS unit_slug,
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
       CASE WHEN w.is_ratio THEN w.denominator ELSE w.value END AS count,
       w.provisional,
       u.name AS unit_name,
       u.kind AS unit_kind,
       coalesce(k.slug, '') AS kecamatan_slug,
       a.slug AS agency_slug,
       u.name_en AS unit_name_en
FROM weighted w
JOIN kinerja.service_units u ON u.id = w.service_unit_id
JOIN kinerja.agencies a ON a.id = u.agency_id
LEFT JOIN kinerja.agencies k ON k.id = u.kecamatan_id;

COMMENT ON VIEW publik.unit_results IS
'Results per indicator, service unit and quarter, consolidated as publik.results consolidates the agency''s quarter, with the count each value rests on (Σ denominator for a ratio, else the value). Exact values, small counts included: kinerja publishes no value of a unit-quarter whose count is below unit_min_count (data/privasi.toml). Units are places, never people.';

GRANT SELECT ON publik.unit_results TO portal_reader;
