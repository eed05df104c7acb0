// Package pgtest gives tests a real PostgreSQL database of their own.
//
// The server is, in order of preference: the one DATABASE_URL points to;
// one answering on 127.0.0.1:5432 (as user postgres); a throwaway cluster
// started from the local PostgreSQL binaries (initdb, pg_ctl) in a
// temporary folder on a free port, shared by the tests of one test binary
// and stopped when that binary exits. When none of these is possible the
// test fails with a message naming what to install.
//
// Each New call creates a database with a unique name and drops it when the
// test ends, so tests and test packages can run in parallel.
package pgtest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"net/url"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/lib/pq"
)

// Server is a PostgreSQL server a test may use, with a superuser (or a
// role that may create databases).
type Server struct {
	Host     string
	Port     int
	User     string
	Password string
	// base is DATABASE_URL when the server came from it: DSN keeps its
	// other settings (sslmode, …) and changes only the database.
	base string
}

// DSN is a key=value connection string for database dbname.
func (s *Server) DSN(dbname string) string {
	if s.base != "" {
		return withDatabase(s.base, dbname)
	}
	return s.DSNAs(s.User, s.Password, dbname)
}

// AdminDSN is where databases (and roles) are created and dropped from: DATABASE_URL's
// own database, else the database postgres.
func (s *Server) AdminDSN() string {
	if s.base != "" {
		return s.base
	}
	return s.DSN("postgres")
}

// DSNAs is a connection string for database dbname as another user (or
// with another password; "" for none).
func (s *Server) DSNAs(user, password, dbname string) string {
	if s.base != "" {
		// Keep DATABASE_URL's own settings (sslmode, …), override the rest.
		return withSettings(s.base, map[string]string{"user": user, "password": password, "dbname": dbname})
	}
	kv := []string{
		"host=" + quote(s.Host),
		"port=" + strconv.Itoa(s.Port),
		"user=" + quote(user),
		"dbname=" + quote(dbname),
		"sslmode=disable",
	}
	if password != "" {
		kv = append(kv, "password="+quote(password))
	}
	return strings.Join(kv, " ")
}

// Addr is "host:port".
func (s *Server) Addr() string { return net.JoinHostPort(s.Host, strconv.Itoa(s.Port)) }

func quote(v string) string {
	if v != "" && !strings.ContainsAny(v, ` '\`) {
		return v
	}
	return "'" + strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(v) + "'"
}

// withDatabase changes the database of a URL or key=value DSN.
func withDatabase(dsn, dbname string) string {
	return withSettings(dsn, map[string]string{"dbname": dbname})
}

func withSettings(dsn string, set map[string]string) string {
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		u, err := url.Parse(dsn)
		if err == nil {
			q := u.Query()
			for k, v := range set {
				switch k {
				case "dbname":
					u.Path = "/" + v
				case "user", "password":
					pass, _ := u.User.Password()
					name := u.User.Username()
					if k == "user" {
						name = v
					} else {
						pass = v
					}
					if pass != "" {
						u.User = url.UserPassword(name, pass)
					} else {
						u.User = url.User(name)
					}
				default:
					q.Set(k, v)
				}
			}
			u.RawQuery = q.Encode()
			return u.String()
		}
	}
	// key=value: a later setting overrides an earlier one.
	keys := make([]string, 0, len(set))
	for k := range set {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	out := dsn
	for _, k := range keys {
		out += " " + k + "=" + quote(set[k])
	}
	return strings.TrimSpace(out)
}

var (
	sharedOnce sync.Once
	shared     *Server
	sharedErr  error
)

// Shared returns the server New creates databases on, finding or starting
// it once per test binary.
func Shared(t testing.TB) *Server {
	t.Helper()
	sharedOnce.Do(func() { shared, sharedErr = findServer() })
	if sharedErr != nil {
		t.Fatal(sharedErr)
	}
	return shared
}

// New creates a fresh database for the calling test and returns its DSN;
// the database is dropped when the test ends.
func New(t testing.TB) string {
	t.Helper()
	s := Shared(t)
	return CreateDatabase(t, s)
}

// CreateDatabase creates a database with a unique name on s, dropped when
// the test ends, and returns its DSN.
func CreateDatabase(t testing.TB, s *Server) string {
	t.Helper()
	name := databaseName(t.Name())
	admin, err := sql.Open("postgres", s.AdminDSN())
	if err != nil {
		t.Fatalf("pgtest: %v", err)
	}
	defer admin.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if _, err := admin.ExecContext(ctx, "CREATE DATABASE "+pq.QuoteIdentifier(name)); err != nil {
		t.Fatalf("pgtest: creating database %s on %s: %v", name, s.Addr(), err)
	}
	t.Cleanup(func() { dropDatabase(t, s, name) })
	return s.DSN(name)
}

func dropDatabase(t testing.TB, s *Server, name string) {
	admin, err := sql.Open("postgres", s.AdminDSN())
	if err != nil {
		t.Errorf("pgtest: %v", err)
		return
	}
	defer admin.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	// FORCE ends connections a test forgot to close (PostgreSQL ≥ 13).
	if _, err := admin.ExecContext(ctx, "DROP DATABASE IF EXISTS "+pq.QuoteIdentifier(name)+" WITH (FORCE)"); err != nil {
		t.Errorf("pgtest: dropping database %s: %v", name, err)
	}
}

var unsafeChars = regexp.MustCompile(`[^a-z0-9]+`)

// databaseName is "kt_<package>_<test>_<random>", at most 63 bytes.
func databaseName(test string) string {
	b := make([]byte, 4)
	_, _ = rand.Read(b)
	suffix := hex.EncodeToString(b)
	pkg := filepath.Base(os.Args[0])
	pkg = strings.TrimSuffix(pkg, ".test")
	base := unsafeChars.ReplaceAllString(strings.ToLower(pkg+"_"+test), "_")
	base = strings.Trim(base, "_")
	if limit := 63 - len("kt__") - len(suffix); len(base) > limit {
		base = base[:limit]
	}
	return "kt_" + base + "_" + suffix
}

// findServer tries DATABASE_URL, then 127.0.0.1:5432, then a throwaway
// cluster. PGTEST_THROWAWAY=1 skips the first two, to test this package
// (or the tests) on a cluster of their own.
func findServer() (*Server, error) {
	if os.Getenv("PGTEST_THROWAWAY") == "1" {
		return throwaway()
	}
	if dsn := os.Getenv("DATABASE_URL"); dsn != "" {
		cfg, err := pq.NewConfig(dsn)
		if err != nil {
			return nil, fmt.Errorf("pgtest: DATABASE_URL is not a valid connection string: %v", err)
		}
		if cfg.SSLMode == "" {
			// As psql (and postgres.Open) do, rather than lib/pq's "require".
			dsn = withSettings(dsn, map[string]string{"sslmode": "prefer"})
		}
		s := &Server{Host: cfg.Host, Port: int(cfg.Port), User: cfg.User, Password: cfg.Password, base: dsn}
		if err := ping(s.AdminDSN()); err != nil {
			return nil, fmt.Errorf("pgtest: DATABASE_URL points to a server that does not answer (%v): start it, or unset DATABASE_URL to use 127.0.0.1:5432 or a throwaway cluster", err)
		}
		return s, nil
	}
	local := &Server{Host: "127.0.0.1", Port: 5432, User: "postgres"}
	if err := ping(local.DSN("postgres")); err == nil {
		return local, nil
	}
	return throwaway()
}

// throwaway starts the cluster shared by the tests of this binary; a
// watcher stops it when the binary exits.
func throwaway() (*Server, error) {
	c, err := startCluster("trust", "")
	if err != nil {
		return nil, err
	}
	c.watch(os.Getpid())
	return c.Server, nil
}

func ping(dsn string) error {
	db, err := sql.Open("postgres", withSettings(dsn, map[string]string{"connect_timeout": "3"}))
	if err != nil {
		return err
	}
	defer db.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	return db.PingContext(ctx)
}

// Cluster is a throwaway PostgreSQL cluster in a temporary folder.
type Cluster struct {
	*Server
	dir    string // holds data/, the log and the socket
	bin    string // the folder of initdb and pg_ctl
	asUser string // "postgres" when running as root, else ""
	once   sync.Once
}

// NewCluster starts a throwaway cluster whose local and host connections
// use authMethod ("trust", "scram-sha-256", "md5", "password"); for any
// method but trust the superuser postgres gets a random password
// (Server.Password). It is stopped and removed when the test ends.
func NewCluster(t testing.TB, authMethod string) *Cluster {
	t.Helper()
	password := ""
	if authMethod != "trust" {
		b := make([]byte, 12)
		_, _ = rand.Read(b)
		password = hex.EncodeToString(b)
	}
	c, err := startCluster(authMethod, password)
	if err != nil {
		t.Fatal(err)
	}
	c.watch(os.Getpid())
	t.Cleanup(c.Stop)
	return c
}

// binDir finds initdb and pg_ctl: the newest /usr/lib/postgresql/*/bin
// (Debian, Ubuntu), else pg_config --bindir, else PATH.
func binDir() (string, error) {
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	sort.Slice(dirs, func(i, j int) bool {
		vi, _ := strconv.Atoi(filepath.Base(filepath.Dir(dirs[i])))
		vj, _ := strconv.Atoi(filepath.Base(filepath.Dir(dirs[j])))
		return vi > vj
	})
	for _, d := range dirs {
		if isExec(filepath.Join(d, "initdb")) && isExec(filepath.Join(d, "pg_ctl")) {
			return d, nil
		}
	}
	if out, err := exec.Command("pg_config", "--bindir").Output(); err == nil {
		d := strings.TrimSpace(string(out))
		if isExec(filepath.Join(d, "initdb")) {
			return d, nil
		}
	}
	if p, err := exec.LookPath("initdb"); err == nil {
		return filepath.Dir(p), nil
	}
	return "", errors.New("pgtest: no PostgreSQL server for the tests: set DATABASE_URL, start PostgreSQL on 127.0.0.1:5432, " +
		"or install the server binaries (Debian/Ubuntu: apt-get install postgresql) so that a throwaway cluster can be started with initdb and pg_ctl")
}

func isExec(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && !fi.IsDir() && fi.Mode()&0o111 != 0
}

func startCluster(authMethod, password string) (*Cluster, error) {
	bin, err := binDir()
	if err != nil {
		return nil, err
	}
	c := &Cluster{bin: bin}
	// initdb and postgres refuse to run as root: run them as the postgres
	// system user, which the server package creates, in a folder it owns.
	var uid, gid int
	if os.Geteuid() == 0 {
		u, err := user.Lookup("postgres")
		if err != nil {
			return nil, errors.New("pgtest: the tests run as root, and initdb refuses root, but there is no postgres system user to run it as: install the postgresql package or run the tests as another user")
		}
		uid, _ = strconv.Atoi(u.Uid)
		gid, _ = strconv.Atoi(u.Gid)
		c.asUser = "postgres"
	}
	c.dir, err = os.MkdirTemp("", "pgtest-")
	if err != nil {
		return nil, fmt.Errorf("pgtest: %v", err)
	}
	if c.asUser != "" {
		if err := os.Chown(c.dir, uid, gid); err != nil {
			os.RemoveAll(c.dir)
			return nil, fmt.Errorf("pgtest: %v", err)
		}
	}
	args := []string{"-D", filepath.Join(c.dir, "data"), "-U", "postgres", "-E", "UTF8", "--locale=C", "--no-sync", "--auth=" + authMethod}
	if password != "" {
		pwfile := filepath.Join(c.dir, "pwfile")
		if err := os.WriteFile(pwfile, []byte(password+"\n"), 0o600); err != nil {
			return nil, c.fail(err)
		}
		if c.asUser != "" {
			if err := os.Chown(pwfile, uid, gid); err != nil {
				return nil, c.fail(err)
			}
		}
		args = append(args, "--pwfile="+pwfile)
	}
	if out, err := c.run("initdb", args...); err != nil {
		return nil, c.fail(fmt.Errorf("initdb: %v\n%s", err, out))
	}
	// A free port can be taken between our check and the server's bind:
	// try a few.
	for attempt := 0; ; attempt++ {
		port, err := freePort()
		if err != nil {
			return nil, c.fail(err)
		}
		opts := strings.Join([]string{
			"-p", strconv.Itoa(port),
			"-c", "listen_addresses=127.0.0.1",
			"-c", "unix_socket_directories=" + c.dir,
			"-c", "fsync=off",
			"-c", "synchronous_commit=off",
			"-c", "full_page_writes=off",
			"-c", "shared_buffers=16MB",
			"-c", "max_connections=60",
		}, " ")
		out, err := c.run("pg_ctl", "-D", filepath.Join(c.dir, "data"), "-l", filepath.Join(c.dir, "log"), "-w", "-t", "30", "-o", opts, "start")
		if err == nil {
			c.Server = &Server{Host: "127.0.0.1", Port: port, User: "postgres", Password: password}
			return c, nil
		}
		if attempt == 2 {
			log, _ := os.ReadFile(filepath.Join(c.dir, "log"))
			return nil, c.fail(fmt.Errorf("pg_ctl start: %v\n%s\n%s", err, out, log))
		}
	}
}

func (c *Cluster) fail(err error) error {
	os.RemoveAll(c.dir)
	return fmt.Errorf("pgtest: starting a throwaway PostgreSQL cluster: %v", err)
}

// run runs one of the server binaries, as the postgres user when root.
func (c *Cluster) run(name string, args ...string) ([]byte, error) {
	path := filepath.Join(c.bin, name)
	var cmd *exec.Cmd
	if c.asUser != "" {
		cmd = exec.Command("runuser", append([]string{"-u", c.asUser, "--", path}, args...)...)
	} else {
		cmd = exec.Command(path, args...)
	}
	cmd.Dir = c.dir
	return cmd.CombinedOutput()
}

// Stop stops the cluster at once and removes its folder.
func (c *Cluster) Stop() {
	c.once.Do(func() {
		_, _ = c.run("pg_ctl", "-D", filepath.Join(c.dir, "data"), "-m", "immediate", "-w", "stop")
		os.RemoveAll(c.dir)
	})
}

// watch starts a small shell that stops the cluster and removes its folder
// once process pid has exited, so that a shared cluster (or one of a test
// that crashed or timed out) never outlives the test binary.
func (c *Cluster) watch(pid int) {
	stop := fmt.Sprintf("%s -D %s -m immediate -w stop", filepath.Join(c.bin, "pg_ctl"), shellQuote(filepath.Join(c.dir, "data")))
	if c.asUser != "" {
		stop = "runuser -u " + c.asUser + " -- " + stop
	}
	script := fmt.Sprintf("while kill -0 %d 2>/dev/null; do sleep 1; done; %s >/dev/null 2>&1; rm -rf %s", pid, stop, shellQuote(c.dir))
	cmd := exec.Command("sh", "-c", script)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = nil, nil, nil     // never hold go test's pipes open
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true} // outlive a Ctrl+C to the test's group
	if err := cmd.Start(); err == nil {
		go func() { _ = cmd.Wait() }() // reap it if the binary outlives it
	}
}

func shellQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'" }

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}
