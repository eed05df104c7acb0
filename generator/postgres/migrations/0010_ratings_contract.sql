-- The contract's words for publik.ratings. Migration 0003 calls the publik
-- views "exactly what may be published"; publik.ratings (0007) is the one
-- exception: it holds raw aggregate counts, small ones included (never a
-- person), because suppressing them is kinerja's job: a city's view that
-- blanks small counts is refused (blanked cells can mostly be recovered
-- from the published headcounts). Only the exporter, as portal_reader,
-- reads it, and kinerja suppresses before anything is published
-- (package disclosure; content/metodologi.md, "Kinerja ASN").
COMMENT ON SCHEMA publik IS
'What kinerja reads, as the role portal_reader: aggregates only, never a person. Every view holds what may be published, except publik.ratings, which holds raw aggregate counts that only the exporter reads and kinerja suppresses before publishing.';

COMMENT ON VIEW publik.ratings IS
'Raw aggregate counts: civil servants per agency (NULL: the whole city), year and individual SKP predicate, small counts and 0 included, with the headcount rated; never a person. Not publishable as it is: only the exporter (portal_reader) reads it, and kinerja suppresses small and derivable counts before publishing. Give exact counts: a view that blanks small counts is refused.';
