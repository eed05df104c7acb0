package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// fence is one fenced code block of README.md: its info string and text.
type fence struct{ info, body string }

// readmeFences returns the fenced code blocks of the README, so that the
// tests run the recipes the README gives, word for word.
func readmeFences(t *testing.T) []fence {
	t.Helper()
	var out []fence
	var cur *fence
	for _, line := range strings.Split(readFile(t, filepath.Join(repoRoot(t), "README.md")), "\n") {
		trimmed := strings.TrimSpace(line)
		switch {
		case cur == nil && strings.HasPrefix(trimmed, "```"):
			cur = &fence{info: strings.TrimPrefix(trimmed, "```")}
		case cur != nil && trimmed == "```":
			out = append(out, *cur)
			cur = nil
		case cur != nil:
			cur.body += line + "\n"
		}
	}
	return out
}

// The paths whose responses need the search policy ('wasm-unsafe-eval':
// Pagefind searches in WebAssembly, and its worker takes the policy of
// its own response), and paths that keep the strict one.
var (
	searchPaths = []string{"/cari/", "/en/cari/", "/pagefind/pagefind.js", "/pagefind/pagefind-worker.js", "/pagefind/wasm.unknown.pagefind"}
	strictPaths = []string{"/", "/iku/dinkes-ikm/", "/en/", "/css/kinerja.min.0123456789abcdef0123456789abcdef.css", "/embed/iku/dinkes-ikm/", "/carian/"}
)

// TestReadmeServerRecipes: every web server recipe of the README sends
// the search policy on /cari/, /en/cari/ and /pagefind/ and the strict
// one everywhere else. The _headers blocks are read as each host reads
// them: Netlify applies every rule that matches a path, a later rule's
// header replacing an earlier one's (netlify-cli's headersForPath does
// Object.assign in file order); Cloudflare Pages applies every matching
// rule too but joins a header set twice with a comma (two policies, both
// enforced), and "! Name" removes what earlier rules set
// (developers.cloudflare.com/pages/configuration/headers/).
func TestReadmeServerRecipes(t *testing.T) {
	var nginx, apache, headers int
	for _, f := range readmeFences(t) {
		switch {
		case f.info == "nginx":
			nginx++
			for _, want := range []string{"'wasm-unsafe-eval'", "cari/", "pagefind/"} {
				if !strings.Contains(f.body, want) {
					t.Errorf("the README's nginx block lacks %s: search would not load\n%s", want, f.body)
				}
			}
		case f.info == "apache":
			apache++
			m := regexp.MustCompile(`(?s)<LocationMatch "([^"]+)">(.*?)</LocationMatch>`).FindStringSubmatch(f.body)
			if m == nil || !strings.Contains(m[2], "'wasm-unsafe-eval'") {
				t.Errorf("the README's Apache block has no <LocationMatch> that sends 'wasm-unsafe-eval': search would not load\n%s", f.body)
				continue
			}
			re := regexp.MustCompile(m[1])
			for _, p := range searchPaths {
				if !re.MatchString(p) {
					t.Errorf("Apache: the search policy's LocationMatch %q does not match %s", m[1], p)
				}
			}
			for _, p := range strictPaths {
				if re.MatchString(p) {
					t.Errorf("Apache: the search policy's LocationMatch %q matches %s", m[1], p)
				}
			}
		case strings.HasPrefix(strings.TrimSpace(f.body), "# Netlify"), strings.HasPrefix(strings.TrimSpace(f.body), "# Cloudflare"):
			headers++
			host := strings.TrimSuffix(strings.Fields(strings.TrimSpace(f.body))[1], ":")
			for _, p := range append(append([]string{}, searchPaths...), strictPaths...) {
				csp, err := headersFor(f.body, host, p)
				if err != nil {
					t.Errorf("%s _headers: %v", host, err)
					break
				}
				switch {
				case len(csp) == 0:
					t.Errorf("%s _headers: %s gets no Content-Security-Policy", host, p)
				case len(csp) > 1 || strings.Contains(csp[0], ","):
					t.Errorf("%s _headers: %s gets %d policies %q; both are enforced, so the strictest wins", host, p, len(csp), csp)
				case strings.Contains(csp[0], "'wasm-unsafe-eval'") != isSearchPath(p):
					t.Errorf("%s _headers: %s gets the policy %q", host, p, csp[0])
				}
			}
		}
	}
	if nginx == 0 || apache == 0 || headers < 2 {
		t.Errorf("the README has %d nginx, %d Apache and %d _headers blocks (# Netlify, # Cloudflare); want each", nginx, apache, headers)
	}
}

func isSearchPath(p string) bool {
	for _, s := range searchPaths {
		if p == s {
			return true
		}
	}
	return false
}

// headersFor is the Content-Security-Policy a _headers file gives path on
// host (Netlify or Cloudflare), as TestReadmeServerRecipes describes: one
// value per header line that survives.
func headersFor(file, host, path string) ([]string, error) {
	var csp []string
	match := false
	for _, line := range strings.Split(file, "\n") {
		trimmed := strings.TrimSpace(line)
		if trimmed == "" || strings.HasPrefix(trimmed, "#") {
			continue
		}
		if !strings.HasPrefix(line, " ") && !strings.HasPrefix(line, "\t") {
			pattern := "^" + strings.ReplaceAll(regexp.QuoteMeta(trimmed), `\*`, ".*") + "$"
			match = regexp.MustCompile(pattern).MatchString(path)
			continue
		}
		if !match {
			continue
		}
		if name, ok := strings.CutPrefix(trimmed, "!"); ok {
			if host != "Cloudflare" {
				return nil, fmt.Errorf("%q: only Cloudflare Pages knows detach lines", trimmed)
			}
			if strings.EqualFold(strings.TrimSpace(name), "Content-Security-Policy") {
				csp = nil
			}
			continue
		}
		name, value, ok := strings.Cut(trimmed, ":")
		if !ok || !strings.EqualFold(strings.TrimSpace(name), "Content-Security-Policy") {
			continue
		}
		value = strings.TrimSpace(value)
		switch {
		case len(csp) == 0 || host == "Netlify":
			csp = []string{value}
		default: // Cloudflare joins the values of a header set twice
			csp = []string{csp[0] + ", " + value}
		}
	}
	return csp, nil
}

// nginxBinary is Debian's nginx (apt-get install nginx-light; .ci/run
// installs it), or "" when the machine has none.
func nginxBinary() string {
	if p, err := exec.LookPath("nginx"); err == nil {
		return p
	}
	for _, p := range []string{"/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/local/nginx/sbin/nginx"} {
		if isFile(p) {
			return p
		}
	}
	return ""
}

func isFile(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && fi.Mode().IsRegular()
}

// startNginx serves dir with the README's nginx block, in an nginx of its
// own (not the system's service): a child of the test, on a free port,
// with its own prefix, temporary folders, log and pid file. It returns
// the site's address.
func startNginx(t *testing.T, bin, block, dir string) string {
	t.Helper()
	prefix := t.TempDir()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()

	// The README's block, listening on the port (no TLS) and serving dir.
	listen := regexp.MustCompile(`(?m)^(\s*)listen\s[^;]*;`)
	root := regexp.MustCompile(`(?m)^(\s*)root\s[^;]*;`)
	if n, m := len(listen.FindAllString(block, -1)), len(root.FindAllString(block, -1)); n != 1 || m != 1 {
		t.Fatalf("the README's nginx block has %d listen and %d root lines; the test replaces exactly one of each:\n%s", n, m, block)
	}
	block = listen.ReplaceAllString(block, "${1}listen "+addr+";")
	block = root.ReplaceAllString(block, "${1}root "+strings.ReplaceAll(dir, "$", "$$")+";")

	out, _ := exec.Command(bin, "-V").CombinedOutput()
	version := string(out)
	mime := "types { text/html html; text/css css; application/javascript js; application/json json; application/wasm wasm; image/svg+xml svg; image/png png; }"
	if m := regexp.MustCompile(`--conf-path=(\S+)`).FindStringSubmatch(version); m != nil && isFile(filepath.Join(filepath.Dir(m[1]), "mime.types")) {
		mime = "include " + filepath.Join(filepath.Dir(m[1]), "mime.types") + ";"
	}
	// Temporary folders of the modules this nginx has, inside the prefix.
	var temps []string
	for _, mod := range []string{"client_body", "proxy", "fastcgi", "uwsgi", "scgi"} {
		flag := "--http-" + strings.ReplaceAll(mod, "_", "-") + "-temp-path"
		if strings.Contains(version, flag) && !strings.Contains(version, "--without-http_"+mod+"_module") {
			temps = append(temps, fmt.Sprintf("    %s_temp_path %s;", mod, filepath.Join(prefix, mod)))
		}
	}
	conf := fmt.Sprintf(`daemon off;
master_process off;
pid %[1]s/nginx.pid;
error_log %[1]s/error.log notice;
events { worker_connections 64; }
http {
    %[2]s
    default_type application/octet-stream;
    access_log off;
%[3]s
%[4]s
}
`, prefix, mime, strings.Join(temps, "\n"), block)
	confPath := filepath.Join(prefix, "nginx.conf")
	if err := os.WriteFile(confPath, []byte(conf), 0o644); err != nil {
		t.Fatal(err)
	}
	logPath := filepath.Join(prefix, "error.log")
	cmd := exec.Command(bin, "-p", prefix+"/", "-c", confPath, "-e", logPath)
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatalf("starting %s: %v", bin, err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	t.Cleanup(func() {
		_ = cmd.Process.Signal(syscall.SIGQUIT) // graceful shutdown
		select {
		case <-exited:
		case <-time.After(10 * time.Second):
			_ = cmd.Process.Kill()
			<-exited
		}
	})
	// nginx writes its pid file once it listens: wait on that file.
	tick := time.NewTicker(20 * time.Millisecond)
	defer tick.Stop()
	deadline := time.After(time.Minute)
	for !isFile(filepath.Join(prefix, "nginx.pid")) {
		select {
		case err := <-exited:
			b, _ := os.ReadFile(logPath)
			t.Fatalf("nginx stopped (%v) with the README's block:\n%s\nconfiguration:\n%s", err, b, conf)
		case <-deadline:
			b, _ := os.ReadFile(logPath)
			t.Fatalf("nginx wrote no pid file within a minute:\n%s", b)
		case <-tick.C:
		}
	}
	return "http://" + addr
}

// TestReadmeNginxServesSearch: the demo site served by nginx with the
// README's own nginx block (read from README.md, so the two cannot
// drift) sends each path its policy, and a reader's search in Chromium
// finds an indicator in both languages with no CSP error in the console.
func TestReadmeNginxServesSearch(t *testing.T) {
	bin := nginxBinary()
	if bin == "" {
		t.Skip("nginx is not installed, so the README's nginx block is not tested: apt-get install nginx-light (.ci/run installs it)")
	}
	var block string
	for _, f := range readmeFences(t) {
		if f.info == "nginx" {
			block = f.body
		}
	}
	if block == "" {
		t.Fatal("the README has no nginx block")
	}
	public := demoSite(t)
	if !isFile(filepath.Join(public, "pagefind", "pagefind.js")) {
		t.Fatal("the demo site has no search index: run npm ci")
	}
	base := startNginx(t, bin, block, public)

	for _, p := range []string{"/", "/iku/" + searchSlug + "/", "/cari/", "/en/cari/", "/pagefind/pagefind.js", "/pagefind/pagefind-worker.js"} {
		resp, err := http.Get(base + p)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		csp := resp.Header.Values("Content-Security-Policy")
		search := strings.HasPrefix(p, "/cari/") || strings.HasPrefix(p, "/en/cari/") || strings.HasPrefix(p, "/pagefind/")
		switch {
		case resp.StatusCode != http.StatusOK:
			t.Errorf("nginx: GET %s: %s", p, resp.Status)
		case len(csp) != 1:
			t.Errorf("nginx: %s has %d Content-Security-Policy headers %q; want one", p, len(csp), csp)
		case strings.Contains(csp[0], "'wasm-unsafe-eval'") != search || !strings.Contains(csp[0], "script-src 'self'"):
			t.Errorf("nginx: %s has the policy %q", p, csp[0])
		}
	}

	ctx := browser(t)
	var errs consoleErrors
	listen(ctx, &errs)
	if err := chromedp.Run(ctx, runtime.Enable(), log.Enable()); err != nil {
		t.Fatal(err)
	}
	for _, prefix := range []string{"", "/en"} {
		if err := searchLeadsToPage(ctx, base, prefix); err != nil {
			errs.mu.Lock()
			t.Fatalf("behind nginx: %v (console: %q)", err, errs.msgs)
		}
	}
	errs.mu.Lock()
	defer errs.mu.Unlock()
	for _, m := range errs.msgs {
		t.Errorf("console: %s", m)
	}
}

// searchLeadsToPage types the name of the indicator searchSlug (as its
// page in that language titles it) into the search page of the language
// at prefix, and follows the result to the indicator's page.
func searchLeadsToPage(ctx context.Context, base, prefix string) error {
	page := prefix + "/iku/" + searchSlug + "/"
	var name string
	if err := chromedp.Run(ctx, chromedp.Navigate(base+page), chromedp.Text("main h1", &name, chromedp.ByQuery)); err != nil {
		return fmt.Errorf("%s: %w", page, err)
	}
	link := `#search-results a[href="` + page + `"]`
	var where string
	wctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	err := chromedp.Run(wctx,
		chromedp.Navigate(base+prefix+"/cari/"), chromedp.WaitReady("#q", chromedp.ByID),
		chromedp.SendKeys("#q", name, chromedp.ByID),
		chromedp.WaitVisible(link, chromedp.ByQuery),
		chromedp.Click(link, chromedp.ByQuery),
		chromedp.WaitReady("main h1", chromedp.ByQuery),
		chromedp.Location(&where))
	if err != nil {
		var status string
		_ = chromedp.Run(ctx, chromedp.Text("#search-status", &status, chromedp.ByID))
		return fmt.Errorf("%s/cari/: typing %q did not lead to %s: %w (status: %q)", prefix, name, page, err, status)
	}
	if !strings.HasSuffix(where, page) {
		return errors.New(prefix + "/cari/: the result led to " + where + "; want " + page)
	}
	return nil
}
