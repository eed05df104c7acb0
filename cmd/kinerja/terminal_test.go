package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// What kinerja prints passes through one writer that shows a control or
// invisible character as an escape (strconv.Quote's style), so that data
// text cannot move the cursor, clear the screen or reorder a line in the
// publisher's terminal; line ends, tabs and every visible character stay.
func TestTerminalEscapes(t *testing.T) {
	for _, tc := range []struct {
		in   []string // written in these pieces
		want string
	}{
		{[]string{"plain Indonesian – “kutip” ≤ 60 menit…\n"}, "plain Indonesian – “kutip” ≤ 60 menit…\n"},
		{[]string{"a\x1b[31mred\x1b[0m\n"}, `a\x1b[31mred\x1b[0m` + "\n"},
		{[]string{"nul\x00 bell\a back\b cr\r del\x7f\n"}, `nul\x00 bell\a back\b cr\r del\x7f` + "\n"},
		{[]string{"tab\tstays\n"}, "tab\tstays\n"},
		{[]string{"c1 \u009b2J bidi \u202eabc\u202c line\u2028sep bom\ufeff\n"}, `c1 \u009b2J bidi \u202eabc\u202c line\u2028sep bom\ufeff` + "\n"},
		{[]string{"latin-1 caf\xe9\n"}, `latin-1 caf\xe9` + "\n"},
		// A character split between two writes (a child process's output
		// copied in pieces) is one character.
		{[]string{"caf\xc3", "\xa9 \xe2\x80", "\xae\n"}, `café \u202e` + "\n"},
		{[]string{"bidi \xe2\x80", "\xaeend\n"}, `bidi \u202eend` + "\n"},
		// The output ends inside a character: its bytes come out escaped.
		{[]string{"cut \xe2\x80"}, `cut \xe2\x80`},
	} {
		var buf bytes.Buffer
		w := &termWriter{w: &buf}
		for _, p := range tc.in {
			k, err := w.Write([]byte(p))
			if err != nil || k != len(p) {
				t.Errorf("Write(%q) = %d, %v; want %d, nil", p, k, err, len(p))
			}
		}
		if err := w.Flush(); err != nil {
			t.Fatal(err)
		}
		if got := buf.String(); got != tc.want {
			t.Errorf("%q printed as %q; want %q", strings.Join(tc.in, ""), got, tc.want)
		}
	}
}

// kinerja check prints agency names and messages from the data: an
// invisible character in them is shown escaped, not sent to the terminal.
func TestCheckEscapesDataText(t *testing.T) {
	dir := checkBundle(t)
	p := filepath.Join(dir, "agencies.csv")
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	const name = "Dinas \u202eKesehatan"
	edited := strings.Replace(string(b), "Dinas Kesehatan", name, 1)
	if edited == string(b) {
		t.Fatal("the check bundle has no agency named Dinas Kesehatan")
	}
	if err := os.WriteFile(p, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	r := run(t, nil, "check", "--site", repoRoot(t), "--from", dir)
	if r.code != 1 {
		t.Fatalf("kinerja check: exit %d; want 1\n%s%s", r.code, r.stdout, r.stderr)
	}
	if strings.ContainsRune(r.stdout+r.stderr, '\u202e') {
		t.Errorf("kinerja check printed U+202E (right-to-left override) as is:\n%s", r.stdout)
	}
	if !strings.Contains(r.stdout, `Dinas \u202eKesehatan (dinkes)`) {
		t.Errorf("kinerja check does not show the agency's name escaped:\n%s", r.stdout)
	}
}
