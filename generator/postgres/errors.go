package postgres

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"net"
	"regexp"
	"strconv"
	"strings"
	"syscall"

	"github.com/lib/pq"
	"github.com/lib/pq/pqerror"

	"github.com/tanjungbalai/kinerja/generator/iku"
)

// server says where a connection goes, for messages: never the password.
type server struct {
	host       string
	port       uint16
	user       string
	database   string
	noPassword bool // none in the DSN or PGPASSWORD (~/.pgpass may have one)
}

func newServer(cfg pq.Config) server {
	return server{host: cfg.Host, port: cfg.Port, user: cfg.User, database: cfg.Database, noPassword: cfg.Password == ""}
}

// addr is "127.0.0.1:5432", or the socket folder and port for a Unix socket.
func (s server) addr() string {
	if s.host == "" {
		return ""
	}
	if strings.HasPrefix(s.host, "/") || strings.HasPrefix(s.host, "@") {
		return fmt.Sprintf("%s (port %d)", s.host, s.port)
	}
	return net.JoinHostPort(s.host, strconv.Itoa(int(s.port)))
}

// name is "the PostgreSQL server at 127.0.0.1:5432", or just "the
// PostgreSQL server" when the address is unknown.
func (s server) name() string {
	if a := s.addr(); a != "" {
		return "the PostgreSQL server at " + a
	}
	return "the PostgreSQL server"
}

// dbname is the database the connection opens; PostgreSQL's default is the
// user's name.
func (s server) dbname() string {
	if s.database == "" {
		return s.user
	}
	return s.database
}

// op says what was being done when an error happened, so that its message
// can name the view or the step.
type op struct {
	view  string // "publik.results" while reading it, else ""
	step  string // "migration 0003_publik.sql", "seeding", … when not reading
	limit string // the statement timeout in force ("2s"), "" when unknown
}

var columnRE = regexp.MustCompile(`column "?([^" ]+)"? does not exist`)
var scanColumnRE = regexp.MustCompile(`Scan error on column index \d+, name "([^"]+)"`)
var plainIdentRE = regexp.MustCompile(`^[a-z_][a-z0-9_]*$`)
var relationRE = regexp.MustCompile(`relation "([^"]+)" does not exist`)

// translate turns an error from lib/pq or database/sql into an *iku.Error
// whose message is one sentence naming the problem and the fix. The
// original error stays reachable through Unwrap for logs and errors.Is.
func translate(ctx context.Context, err error, s server, o op) error {
	if err == nil {
		return nil
	}
	var already *iku.Error
	if errors.As(err, &already) {
		return err
	}
	// The caller gave up: SIGINT, or a deadline of its own. lib/pq turns a
	// cancelled query into 57014, so look at the context first.
	if ctxErr := ctx.Err(); ctxErr != nil {
		cause := errors.Join(ctxErr, err)
		if errors.Is(ctxErr, context.DeadlineExceeded) {
			return iku.Wrap(cause, iku.Unavailable, "%s on %s did not finish before the deadline: check the server's load, or allow more time", doing(o), s.name())
		}
		return iku.Wrap(cause, iku.Unavailable, "%s on %s was interrupted before it finished: run the command again to complete it", doing(o), s.name())
	}

	// A view returned a NULL or a type the row cannot hold.
	if o.view != "" && strings.Contains(err.Error(), "Scan error on column") {
		col := ""
		if m := scanColumnRE.FindStringSubmatch(err.Error()); m != nil {
			col = fmt.Sprintf(" in the column %q", m[1])
		}
		return iku.Wrap(err, iku.Invalid, "the view %s in database %q returns an empty (NULL) or unexpected value%s: fix the view or the data behind it so that it returns what the README lists", o.view, s.dbname(), col)
	}

	if errors.Is(err, pq.ErrSSLNotSupported) {
		return iku.Wrap(err, iku.Unavailable, "%s does not accept SSL connections: add sslmode=disable to --db or DATABASE_URL if the network is trusted, or enable SSL on the server", s.name())
	}

	if pe := pq.As(err); pe != nil {
		return translatePQ(err, pe, s, o)
	}

	var dnsErr *net.DNSError
	switch {
	case errors.As(err, &dnsErr):
		return iku.Wrap(err, iku.Unavailable, "cannot reach %s because the host name %q is unknown: check that --db or DATABASE_URL points to it", s.name(), s.host)
	case errors.Is(err, syscall.ECONNREFUSED), errors.Is(err, syscall.ENOENT), errors.Is(err, syscall.EHOSTUNREACH), errors.Is(err, syscall.ENETUNREACH):
		return iku.Wrap(err, iku.Unavailable, "cannot reach %s: check that it is running and that --db or DATABASE_URL points to it", s.name())
	case isTimeout(err):
		return iku.Wrap(err, iku.Unavailable, "cannot reach %s within the connect timeout: check that it is running and that --db or DATABASE_URL points to it", s.name())
	case errors.Is(err, driver.ErrBadConn), errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, syscall.ECONNRESET), errors.Is(err, sql.ErrConnDone):
		return iku.Wrap(err, iku.Unavailable, "the connection to %s broke off while %s: check the server's log, then run the command again", s.name(), lower(doing(o)))
	}
	var opErr *net.OpError
	if errors.As(err, &opErr) {
		return iku.Wrap(err, iku.Unavailable, "cannot reach %s: check that it is running and that --db or DATABASE_URL points to it", s.name())
	}
	if o.view == "" && o.step == "" {
		return iku.Wrap(err, iku.Internal, "connecting to %s failed unexpectedly: check the server's log, and report it if it persists", s.name())
	}
	return iku.Wrap(err, iku.Internal, "%s on %s failed unexpectedly: check the server's log, and report it if it persists", doing(o), s.name())
}

func translatePQ(err error, pe *pq.Error, s server, o op) error {
	view := o.view
	if view == "" {
		view = "publik.results"
	}
	switch pe.Code {
	case pqerror.InvalidPassword:
		if s.noPassword {
			return iku.Wrap(err, iku.Unavailable, "%s asks for the password of user %q and none was given: put it in --db or DATABASE_URL, or set PGPASSWORD", s.name(), s.user)
		}
		return iku.Wrap(err, iku.Unavailable, "the password for user %q was rejected by %s: check the password in --db, DATABASE_URL or PGPASSWORD", s.user, s.name())
	case pqerror.InvalidAuthorizationSpecification:
		return iku.Wrap(err, iku.Unavailable, "%s does not let user %q connect to database %q: check the user name in --db or DATABASE_URL, and the server's pg_hba.conf", s.name(), s.user, s.dbname())
	case pqerror.InvalidCatalogName:
		return iku.Wrap(err, iku.NotFound, "the database %q does not exist on %s: create it (createdb %s) or fix the database name in --db or DATABASE_URL", s.dbname(), s.name(), s.dbname())
	case pqerror.UndefinedTable, pqerror.InvalidSchemaName:
		if o.view == "" {
			missing := "a table the migration needs"
			if m := relationRE.FindStringSubmatch(pe.Message); m != nil {
				missing = m[1]
			}
			return iku.Wrap(err, iku.Invalid, "%s needs %s, which the database %q does not have: run `kinerja db migrate` first", doing(o), missing, s.dbname())
		}
		return iku.Wrap(err, iku.Invalid, "the database %q has no %s view: run `kinerja db migrate`, or create the publik views over your own tables as the README describes", s.dbname(), view)
	case pqerror.UndefinedColumn:
		col := "a column the exporter needs"
		if m := columnRE.FindStringSubmatch(pe.Message); m != nil {
			col = fmt.Sprintf("the column %q", m[1])
		}
		if o.view == "" {
			return iku.Wrap(err, iku.Invalid, "%s needs %s, which the database %q does not have: run `kinerja db migrate` first", doing(o), col, s.dbname())
		}
		return iku.Wrap(err, iku.Invalid, "the view %s in database %q lacks %s: recreate the view with the columns the README lists, or run `kinerja db migrate`", view, s.dbname(), col)
	case pqerror.InsufficientPrivilege:
		if o.view == "" && strings.Contains(pe.Message, "create role") {
			return iku.Wrap(err, iku.Unavailable, "the database role %q may not create the role portal_reader: create it once as a superuser (CREATE ROLE portal_reader NOLOGIN), then run `kinerja db migrate` again", s.user)
		}
		if o.view == "" {
			return iku.Wrap(err, iku.Unavailable, "the database role %q may not change the database %q (%s): run this as the database's owner or a superuser", s.user, s.dbname(), pe.Message)
		}
		if strings.Contains(pe.Message, "schema") {
			return iku.Wrap(err, iku.Unavailable, "the database role %q cannot use the schema publik: GRANT USAGE ON SCHEMA publik TO %s", s.user, quoteIdent(s.user))
		}
		return iku.Wrap(err, iku.Unavailable, "the database role %q cannot read %s: GRANT SELECT ON %s TO %s (or GRANT portal_reader TO %s)", s.user, view, view, quoteIdent(s.user), quoteIdent(s.user))
	case pqerror.QueryCanceled:
		limit := "the statement timeout"
		if o.limit != "" {
			limit = "the statement timeout of " + o.limit
		}
		if o.view != "" {
			return iku.Wrap(err, iku.Unavailable, "%s took longer than %s: the usual causes are a lock on a table behind the view (another session's open transaction; see pg_locks and pg_stat_activity) or a slow view (check its query plan); wait for the lock, or raise the limit with --timeout 5m", doing(o), limit)
		}
		return iku.Wrap(err, iku.Unavailable, "%s took longer than %s: check the server's load and pg_locks for a lock held by another session, or raise statement_timeout in the connection string", doing(o), limit)
	case pqerror.TooManyConnections, pqerror.CannotConnectNow, pqerror.AdminShutdown, pqerror.CrashShutdown:
		return iku.Wrap(err, iku.Unavailable, "%s is not accepting connections now (%s): try again shortly, or ask its administrator", s.name(), pe.Message)
	case pqerror.ReadOnlySQLTransaction:
		return iku.Wrap(err, iku.Unavailable, "%s is read-only (a replica?), so %s cannot run there: point --db or DATABASE_URL at the primary server", s.name(), lower(doing(o)))
	}
	if pe.Code.Class() == pqerror.ClassIntegrityConstraintViolation || pe.Code.Class() == pqerror.ClassDataException {
		return iku.Wrap(err, iku.Invalid, "%s was refused by the database %q (%s): fix the data and try again", doing(o), s.dbname(), pe.Message)
	}
	if pe.Code.Class() == pqerror.ClassInvalidAuthorizationSpecification {
		return iku.Wrap(err, iku.Unavailable, "%s refused user %q (%s): check the user and password in --db or DATABASE_URL", s.name(), s.user, pe.Message)
	}
	return iku.Wrap(err, iku.Unavailable, "%s on %s failed (%s): check the server's log", doing(o), s.name(), pe.Message)
}

// doing names the operation for the start of a sentence.
func doing(o op) string {
	switch {
	case o.view != "":
		return "reading " + o.view
	case o.step != "":
		return o.step
	}
	return "connecting"
}

func lower(s string) string {
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}

func isTimeout(err error) bool {
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}

// quoteIdent quotes a role name for a GRANT the user can paste.
func quoteIdent(name string) string {
	if plainIdentRE.MatchString(name) {
		return name
	}
	return `"` + strings.ReplaceAll(name, `"`, `""`) + `"`
}
