package download

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"hash"
	"io"
	"time"

	"github.com/tanjungbalai/kinerja/generator/filestore"
	"github.com/tanjungbalai/kinerja/generator/iku"
)

// writerVersion names what the writers make of a table (CSV, Excel CSV,
// XLSX, JSON, the zip): a stored file is reused only when it was made
// from the same inputs by the same writers. Change it whenever a writer
// writes other bytes for the same table; TestWriterVersion fails until it
// does.
const writerVersion = "4"

// siteWriter makes the files of a build through the store.
type siteWriter struct {
	store    *filestore.Store
	meta     Meta
	progress func()
}

// table makes the files of t under Folder/dir in formats, each only when
// the store holds no file made from the same rows, meta data and writers.
func (w *siteWriter) table(ctx context.Context, dir string, t *Table, formats []Format) ([]Published, error) {
	rows := tableDigest(t)
	var out []Published
	for _, f := range formats {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		key := fileKey(rows, f, w.meta)
		path := Folder + "/" + dir + f.File(t.Name)
		pub, err := w.streamed(path, key, func(out io.Writer) error {
			if err := f.write(ctx, out, t, w.meta); err != nil {
				if ctx.Err() != nil {
					return ctx.Err()
				}
				return iku.Wrap(err, iku.Internal, "cannot write the download %s", f.File(t.Name))
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
		out = append(out, pub)
		if w.progress != nil {
			w.progress()
		}
	}
	return out, nil
}

// keyed is the file the inputs named key make: the stored one, or the
// one render makes, stored.
func (w *siteWriter) keyed(path, key string, render func() ([]byte, error)) (Published, error) {
	if f, ok := w.store.Get(key); ok {
		return Published{Path: path, File: f.Path, Hash: f.Hash, Bytes: int(f.Size)}, nil
	}
	data, err := render()
	if err != nil {
		return Published{}, err
	}
	f, written, err := w.store.Put(key, data)
	if err != nil {
		return Published{}, err
	}
	return Published{Path: path, File: f.Path, Hash: f.Hash, Bytes: int(f.Size), Rendered: true, Written: written}, nil
}

// streamed is keyed for a file render writes a piece at a time straight
// into the store, never whole in memory; with key "" it is always
// rendered (as plain, for a document too large to make in memory).
func (w *siteWriter) streamed(path, key string, render func(io.Writer) error) (Published, error) {
	if key != "" {
		if f, ok := w.store.Get(key); ok {
			return Published{Path: path, File: f.Path, Hash: f.Hash, Bytes: int(f.Size)}, nil
		}
	}
	p, err := w.store.Create()
	if err != nil {
		return Published{}, err
	}
	if err := render(p); err != nil {
		p.Abort()
		return Published{}, err
	}
	f, written, err := p.Commit(key)
	if err != nil {
		return Published{}, err
	}
	// A document made every build (key "") counts as plain's do: new only
	// when its bytes are.
	return Published{Path: path, File: f.Path, Hash: f.Hash, Bytes: int(f.Size), Rendered: key != "", Written: written}, nil
}

// plain stores data made in memory (a small document) as path.
func (w *siteWriter) plain(path string, data []byte) (Published, error) {
	f, written, err := w.store.Put("", data)
	if err != nil {
		return Published{}, err
	}
	return Published{Path: path, File: f.Path, Hash: f.Hash, Bytes: int(f.Size), Written: written}, nil
}

// zip is the zip of files, made only when the store holds none of the
// same files.
func (w *siteWriter) zip(ctx context.Context, path string, files []File, modified time.Time) (Published, error) {
	if err := ctx.Err(); err != nil {
		return Published{}, err
	}
	h := newDigest("zip")
	h.str(modified.UTC().Format(time.RFC3339Nano))
	for _, f := range files {
		h.str(f.Path)
		h.str(SHA256(f.Data))
	}
	return w.keyed(path, hex.EncodeToString(h.Sum()), func() ([]byte, error) { return ZipFiles(files, modified) })
}

// tableDigest is the SHA-256 of everything of t that a writer reads: its
// name, title, columns and rows.
func tableDigest(t *Table) []byte {
	var buf []Value
	return rowsDigest(t, t.len(), func(i int) []Value { return t.row(i, &buf) })
}

// rowsDigest is tableDigest of t with the n rows row gives instead of
// t.Rows.
func rowsDigest(t *Table, n int, row func(i int) []Value) []byte {
	h := newDigest("table")
	h.str(t.Name)
	h.str(t.Title)
	h.int(len(t.Columns))
	for _, c := range t.Columns {
		h.str(c.Name)
		h.str(c.Title)
		h.str(c.Description)
		h.str(string(c.Type))
		h.str(c.Unit)
	}
	h.int(n)
	for i := range n {
		r := row(i)
		h.int(len(r))
		for _, v := range r {
			null := 0
			if v.Null {
				null = 1
			}
			h.int(null)
			h.int(int(v.Decimals))
			h.str(v.Text)
		}
	}
	return h.Sum()
}

// fileKey names the file of a table of digest rows in format f: the
// writers' version, the format, and the meta data of the formats that
// carry it.
func fileKey(rows []byte, f Format, m Meta) string {
	h := newDigest("file")
	h.str(writerVersion)
	h.str(string(f))
	h.Write(rows)
	if f == XLSX || f == JSON {
		h.str(m.Title)
		h.str(m.Source)
		h.str(m.Licence)
		h.str(m.LicenceURL)
		h.str(m.Publisher)
		h.str(m.Citation)
		h.int(len(m.Notes))
		for _, n := range m.Notes {
			h.str(n)
		}
		h.str(m.published().Format(time.RFC3339Nano))
	}
	return hex.EncodeToString(h.Sum())
}

// digest is a SHA-256 of length-prefixed parts, so that no two lists of
// parts hash alike; the parts are gathered in a buffer (a table has
// hundreds of thousands of them).
type digest struct {
	h   hash.Hash
	buf []byte
}

func newDigest(kind string) *digest {
	d := &digest{h: sha256.New(), buf: make([]byte, 0, 512)}
	d.str("kinerja-download " + kind)
	return d
}

func (d *digest) int(n int) {
	d.buf = binary.AppendVarint(d.buf, int64(n))
	d.flush(false)
}

func (d *digest) str(s string) {
	d.buf = binary.AppendVarint(d.buf, int64(len(s)))
	d.buf = append(d.buf, s...)
	d.flush(false)
}

// Write adds p as it is (a digest of parts).
func (d *digest) Write(p []byte) {
	d.buf = append(d.buf, p...)
	d.flush(false)
}

func (d *digest) flush(all bool) {
	if all || len(d.buf) >= 48<<10 {
		d.h.Write(d.buf)
		d.buf = d.buf[:0]
	}
}

// Sum is the SHA-256 of the parts.
func (d *digest) Sum() []byte {
	d.flush(true)
	return d.h.Sum(nil)
}
