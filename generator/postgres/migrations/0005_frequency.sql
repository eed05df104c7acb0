-- Reporting frequency as one of three codes (DOMAIN.md, "Reporting
-- frequency"): quarterly (due Q1–Q4), semiannual (Q2, Q4: the half-year
-- ending that quarter) or annual (Q4: the year). The words the first
-- schema suggested are translated; any other value is left for the
-- exporter to report by indicator (the CHECK is NOT VALID so that the
-- migration itself never fails on a city's old rows), and new rows must
-- use a code.
UPDATE kinerja.indicators
   SET frequency = CASE lower(btrim(frequency))
                     WHEN 'triwulanan' THEN 'quarterly'
                     WHEN 'semesteran' THEN 'semiannual'
                     WHEN 'tahunan'    THEN 'annual'
                     ELSE frequency
                   END
 WHERE frequency NOT IN ('quarterly', 'semiannual', 'annual');

ALTER TABLE kinerja.indicators ALTER COLUMN frequency SET DEFAULT 'quarterly';
ALTER TABLE kinerja.indicators
  ADD CONSTRAINT indicators_frequency_code
  CHECK (frequency IN ('quarterly', 'semiannual', 'annual')) NOT VALID;
