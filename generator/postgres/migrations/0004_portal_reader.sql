-- The role the exporter reads with: USAGE on publik and SELECT on its
-- views, nothing else. Roles belong to the whole cluster, so the role may
-- exist already (created by another database's migration, possibly at the
-- same moment); the grants belong to this database.
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'portal_reader') THEN
        CREATE ROLE portal_reader NOLOGIN;
    END IF;
EXCEPTION
    WHEN duplicate_object OR unique_violation THEN
        NULL; -- created concurrently by a migration of another database
END
$$;

REVOKE ALL ON SCHEMA kinerja, asn FROM portal_reader;
REVOKE ALL ON ALL TABLES IN SCHEMA kinerja, asn FROM portal_reader;

GRANT USAGE ON SCHEMA publik TO portal_reader;
GRANT SELECT ON publik.sectors, publik.agencies, publik.predicates,
    publik.indicators, publik.targets, publik.results TO portal_reader;
