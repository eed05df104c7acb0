-- Civil servants' individual ratings (asn.ratings) in aggregate only: how
-- many of each agency's civil servants received each SKP predicate of
-- PermenPANRB 6/2022 in a year, with the agency's headcount rated; rows
-- with an empty agency_slug are the whole city. One row per agency, year
-- and predicate (0 where nobody received it). No row per person, no name,
-- NIP or score. These are exact counts: kinerja suppresses small ones
-- (package disclosure) before anything is written, so a city's own view
-- returns exact counts too.
CREATE VIEW publik.ratings AS
WITH rated AS (
    SELECT e.agency_id, r.year, r.predicate
    FROM asn.ratings r
    JOIN asn.employees e ON e.id = r.employee_id
), predicates (ord, predicate) AS (
    VALUES (1, 'Sangat Baik'), (2, 'Baik'), (3, 'Butuh Perbaikan'), (4, 'Kurang'), (5, 'Sangat Kurang')
), groups AS (
    SELECT agency_id, year, count(*) AS rated
    FROM rated
    GROUP BY GROUPING SETS ((agency_id, year), (year))
), counts AS (
    SELECT agency_id, year, predicate, count(*) AS n
    FROM rated
    GROUP BY GROUPING SETS ((agency_id, year, predicate), (year, predicate))
)
SELECT a.slug AS agency_slug, g.year, p.predicate,
       coalesce(c.n, 0) AS count, g.rated
FROM groups g
CROSS JOIN predicates p
LEFT JOIN kinerja.agencies a ON a.id = g.agency_id
LEFT JOIN counts c ON c.year = g.year AND c.predicate = p.predicate
    AND c.agency_id IS NOT DISTINCT FROM g.agency_id;

GRANT SELECT ON publik.ratings TO portal_reader;
