package postgres_test

import (
	"sync"
	"testing"

	"github.com/tanjungbalai/kinerja/generator/postgres"
	"github.com/tanjungbalai/kinerja/generator/postgres/pgtest"
)

func TestMigrationsAreNumberedInOrder(t *testing.T) {
	t.Parallel()
	ms, err := postgres.Migrations()
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) == 0 {
		t.Fatal("no embedded migrations")
	}
	for i, m := range ms {
		if m.Version != i+1 {
			t.Errorf("migration %d is %s (version %d); want version %d: versions must be 1, 2, 3, … without gaps", i, m.Name, m.Version, i+1)
		}
	}
}

func TestMigrateTwiceIsIdempotent(t *testing.T) {
	t.Parallel()
	ctx := testContext(t)
	src := open(t, pgtest.New(t))
	ms, _ := postgres.Migrations()

	applied, err := postgres.Migrate(ctx, src.DB())
	if err != nil {
		t.Fatalf("first Migrate: %v", err)
	}
	if applied != len(ms) {
		t.Errorf("first Migrate applied %d; want %d", applied, len(ms))
	}
	applied, err = postgres.Migrate(ctx, src.DB())
	if err != nil {
		t.Fatalf("second Migrate: %v", err)
	}
	if applied != 0 {
		t.Errorf("second Migrate applied %d; want 0", applied)
	}

	var versions []int
	rows, err := src.DB().QueryContext(ctx, `SELECT version FROM kinerja.schema_migrations WHERE applied_at IS NOT NULL ORDER BY version`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var v int
		if err := rows.Scan(&v); err != nil {
			t.Fatal(err)
		}
		versions = append(versions, v)
	}
	if len(versions) != len(ms) || versions[len(versions)-1] != ms[len(ms)-1].Version {
		t.Errorf("schema_migrations holds %v; want versions 1–%d", versions, len(ms))
	}
}

// Two migrations of one database at once, as two deploys might run them:
// the lock on schema_migrations lets each version apply exactly once.
func TestMigrateConcurrently(t *testing.T) {
	t.Parallel()
	ctx := testContext(t)
	dsn := pgtest.New(t)
	a, b := open(t, dsn), open(t, dsn)
	ms, _ := postgres.Migrations()

	var wg sync.WaitGroup
	counts := make([]int, 2)
	errs := make([]error, 2)
	for i, src := range []*postgres.Source{a, b} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			counts[i], errs[i] = postgres.Migrate(ctx, src.DB())
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("Migrate %d: %v", i, err)
		}
	}
	if counts[0]+counts[1] != len(ms) {
		t.Errorf("the two Migrate calls applied %d and %d; want %d in total", counts[0], counts[1], len(ms))
	}
}

// Roles belong to the whole cluster: the first migrations of several
// databases at once (parallel test packages, say) all try to create
// portal_reader, and all succeed.
func TestMigrateManyDatabasesOfANewCluster(t *testing.T) {
	t.Parallel()
	c := pgtest.NewCluster(t, "trust")
	ctx := testContext(t)
	var wg sync.WaitGroup
	errs := make([]error, 4)
	for i := range errs {
		src := open(t, pgtest.CreateDatabase(t, c.Server))
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, errs[i] = postgres.Migrate(ctx, src.DB())
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("Migrate of database %d: %v", i, err)
		}
	}
}
