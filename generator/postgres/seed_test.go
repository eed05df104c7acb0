package postgres_test

import (
	"testing"

	"github.com/tanjungbalai/kinerja/generator/iku"
	"github.com/tanjungbalai/kinerja/generator/postgres"
)

func TestSeedRefusesADatabaseWithData(t *testing.T) {
	t.Parallel()
	_, src := seeded(t, fixture())
	ctx := testContext(t)

	err := postgres.Seed(ctx, src.DB(), fixture(), postgres.SeedOptions{})
	wantError(t, err, iku.Invalid, "already holds data", "--replace")

	// Replace empties the tables first, in the same transaction.
	city := fixture()
	city.Sectors[0].Name = "Kesehatan (diganti)"
	if err := postgres.Seed(ctx, src.DB(), city, postgres.SeedOptions{Replace: true}); err != nil {
		t.Fatalf("Seed with Replace: %v", err)
	}
	ds, err := src.Load(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if got := ds.Sectors[0].Name; got != "Kesehatan (diganti)" {
		t.Errorf("after Seed with Replace, sector name = %q; want the new one", got)
	}
	if got, want := len(ds.Results), 11; got != want {
		t.Errorf("after Seed with Replace, %d results; want %d (no old rows left)", got, want)
	}
}

// A city that names what it does not have is refused with a sentence, and
// nothing of it is left behind.
func TestSeedRefusesBrokenReferences(t *testing.T) {
	t.Parallel()
	_, src := migrated(t)
	ctx := testContext(t)
	city := fixture()
	city.Measurements[0].UnitSlug = "poli-hantu"
	err := postgres.Seed(ctx, src.DB(), city, postgres.SeedOptions{})
	wantError(t, err, iku.Invalid, `names the service unit "poli-hantu", which the city does not have`)

	var n int
	if err := src.DB().QueryRowContext(ctx, `SELECT count(*) FROM kinerja.sectors`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n != 0 {
		t.Errorf("a failed Seed left %d sectors behind; want none (one transaction)", n)
	}
}

func TestSeedRejectsWhatTheSchemaForbids(t *testing.T) {
	t.Parallel()
	_, src := migrated(t)
	city := fixture()
	city.Predicates[0].Predicate = "Luar Biasa" // not a PermenPANRB 6/2022 predicate
	err := postgres.Seed(testContext(t), src.DB(), city, postgres.SeedOptions{})
	if err == nil {
		t.Fatal("Seed accepted the predicate \"Luar Biasa\"")
	}
	wantError(t, err, iku.Invalid, "seeding kinerja.agency_predicates was refused by the database", "agency_predicates_predicate_check")
}
