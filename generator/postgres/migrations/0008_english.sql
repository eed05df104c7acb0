-- English text for the English site (/en/): optional names, definitions
-- and units. NULL means "not translated": the English page then shows the
-- Indonesian text, marked lang="id". The publik views carry the new
-- columns at the end of their column lists, so a city's views without
-- them still read (the exporter treats missing *_en columns as NULL).
ALTER TABLE kinerja.sectors ADD COLUMN name_en text;
ALTER TABLE kinerja.agencies ADD COLUMN name_en text;
ALTER TABLE kinerja.indicators
  ADD COLUMN name_en text,
  ADD COLUMN definition_en text,
  ADD COLUMN unit_en text;

CREATE OR REPLACE VIEW publik.sectors AS
SELECT s.slug, s.code, s.name, s.name_en
FROM kinerja.sectors s;

CREATE OR REPLACE VIEW publik.agencies AS
SELECT a.slug, a.code, a.name, a.short_name, a.kind, s.slug AS sector_slug,
       a.name_en
FROM kinerja.agencies a
JOIN kinerja.sectors s ON s.id = a.sector_id;

CREATE OR REPLACE VIEW publik.indicators AS
SELECT i.slug, i.code, a.slug AS agency_slug, s.slug AS sector_slug,
       i.name, i.unit, i.polarity, i.consolidation, i.decimals,
       i.multiplier, i.min_value, i.max_value,
       i.definition, i.formula, i.source, i.verification, i.limitations,
       i.frequency,
       to_char(i.valid_from, 'YYYY-"Q"Q') AS valid_from,
       to_char(i.valid_to, 'YYYY-"Q"Q') AS valid_to,
       i.name_en, i.definition_en, i.unit_en
FROM kinerja.indicators i
JOIN kinerja.agencies a ON a.id = i.agency_id
JOIN kinerja.sectors s ON s.id = i.sector_id;
