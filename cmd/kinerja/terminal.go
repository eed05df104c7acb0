package main

import (
	"fmt"
	"io"
	"strconv"
	"unicode/utf8"
)

// termWriter is what every message of kinerja goes through on its way to
// the terminal (Run wraps Stdout and Stderr in it): check findings,
// warnings, errors, the stage lines and Hugo's output. Messages carry
// text from the data (names, units, file names), and a control or
// invisible character in it could move the cursor, clear the screen or
// reorder a line: it is shown as an escape instead, in the style of
// strconv.Quote ("\x1b", "\u202e"), and so is a byte that is not UTF-8.
// Line ends and tabs stay, and so does every visible character.
type termWriter struct {
	w       io.Writer
	pending []byte // the start of a character split between two writes
	buf     []byte
}

// Write escapes p and writes it; it reports len(p) when the escaped text
// was written.
func (t *termWriter) Write(p []byte) (int, error) {
	data := p
	if len(t.pending) > 0 {
		data = append(t.pending, p...)
		t.pending = nil
	}
	// Hold back an incomplete character at the end: its next bytes come
	// with the next write.
	if cut := incompleteTail(data); cut < len(data) {
		t.pending = append([]byte(nil), data[cut:]...)
		data = data[:cut]
	}
	t.buf = escapeTerminal(t.buf[:0], data)
	if _, err := t.w.Write(t.buf); err != nil {
		return 0, err
	}
	return len(p), nil
}

// Flush writes what an unfinished character left held back, escaped
// byte by byte: the output ended inside it.
func (t *termWriter) Flush() error {
	if len(t.pending) == 0 {
		return nil
	}
	t.buf = escapeTerminal(t.buf[:0], t.pending)
	t.pending = nil
	_, err := t.w.Write(t.buf)
	return err
}

// incompleteTail returns where an unfinished UTF-8 sequence at the end of
// b starts (len(b) when b ends with a whole character or with bytes that
// can never become one).
func incompleteTail(b []byte) int {
	for i := len(b) - 1; i >= 0 && i >= len(b)-utf8.UTFMax+1; i-- {
		if utf8.RuneStart(b[i]) {
			if b[i] >= utf8.RuneSelf && !utf8.FullRune(b[i:]) {
				return i
			}
			break
		}
	}
	return len(b)
}

// escapeTerminal appends b to dst with every character that is neither
// visible (strconv.IsGraphic) nor a line end or tab escaped.
func escapeTerminal(dst, b []byte) []byte {
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		switch {
		case r == utf8.RuneError && size == 1:
			dst = fmt.Appendf(dst, `\x%02x`, b[0])
		case r == '\n' || r == '\t' || strconv.IsGraphic(r):
			dst = append(dst, b[:size]...)
		case r < utf8.RuneSelf:
			// strconv's escapes: \a, \r, … and \x1b for the rest.
			q := strconv.QuoteRuneToASCII(r)
			dst = append(dst, q[1:len(q)-1]...)
		case r <= 0xffff:
			dst = fmt.Appendf(dst, `\u%04x`, r)
		default:
			dst = fmt.Appendf(dst, `\U%08x`, r)
		}
		b = b[size:]
	}
	return dst
}
