package preview

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/png"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// cpuTime is the CPU time the process has used: on a machine shared with
// other builds, wall time per operation says more about the neighbours
// than about the code, so the benchmarks also report CPU ms/op.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// loop runs f b.N times and reports the CPU milliseconds per run.
func loop(b *testing.B, f func()) {
	start := cpuTime()
	n := 0
	for b.Loop() {
		f()
		n++
	}
	b.ReportMetric(float64(cpuTime()-start)/float64(n)/1e6, "cpu-ms/op")
}

// BenchmarkDraw measures one 1200×630 card from Card to PNG bytes, on one
// goroutine (go test -bench Draw -cpu 1).
func BenchmarkDraw(b *testing.B) {
	for _, c := range []struct {
		name string
		card Card
	}{{"indicator", indicatorCard()}, {"agency", agencyCard()}} {
		b.Run(c.name, func(b *testing.B) {
			n := 0
			loop(b, func() {
				png, err := Draw(c.card, OpenGraph)
				if err != nil {
					b.Fatal(err)
				}
				n = len(png)
			})
			b.ReportMetric(float64(n), "bytes/png")
		})
	}
}

// BenchmarkPaint measures the layout and drawing without the encoding.
func BenchmarkPaint(b *testing.B) {
	c := indicatorCard()
	loop(b, func() {
		l, err := plan(c, OpenGraph)
		if err != nil {
			b.Fatal(err)
		}
		l.paint()
	})
}

// BenchmarkEncode compares ways of encoding the same card.
func BenchmarkEncode(b *testing.B) {
	l, err := plan(indicatorCard(), OpenGraph)
	if err != nil {
		b.Fatal(err)
	}
	img := l.paint()
	nrgba := image.NewNRGBA(img.Bounds())
	copy(nrgba.Pix, img.Pix) // opaque: the same bytes
	for _, e := range []struct {
		name string
		enc  func(*bytes.Buffer) error
	}{
		{"rgba-default", func(w *bytes.Buffer) error { return png.Encode(w, img) }},
		{"rgba-bestspeed", func(w *bytes.Buffer) error {
			return (&png.Encoder{CompressionLevel: png.BestSpeed}).Encode(w, img)
		}},
		{"nrgba-bestspeed", func(w *bytes.Buffer) error {
			return (&png.Encoder{CompressionLevel: png.BestSpeed}).Encode(w, nrgba)
		}},
		{"paletted-bestspeed", func(w *bytes.Buffer) error {
			return (&png.Encoder{CompressionLevel: png.BestSpeed}).Encode(w, paletted(img))
		}},
		{"paletted-default", func(w *bytes.Buffer) error { return png.Encode(w, paletted(img)) }},
		{"paletted-own", func(w *bytes.Buffer) error { return encode(w, img) }}, // what Draw uses
	} {
		b.Run(e.name, func(b *testing.B) {
			var buf bytes.Buffer
			loop(b, func() {
				buf.Reset()
				if err := e.enc(&buf); err != nil {
					b.Fatal(err)
				}
			})
			b.ReportMetric(float64(buf.Len()), "bytes/png")
		})
	}
}

// BenchmarkPalette measures the choice of the palette alone, and the
// runs of one colour found on the way: what encode does before it
// writes the PNG.
func BenchmarkPalette(b *testing.B) {
	l, err := plan(indicatorCard(), OpenGraph)
	if err != nil {
		b.Fatal(err)
	}
	img := l.paint()
	sc := getScratch()
	loop(b, func() {
		if err := sc.scan(img); err != nil {
			b.Fatal(err)
		}
	})
}

// BenchmarkDrawAll measures 100 cards written by DrawAll on every core:
// drawn (an empty cache each time) and from a warm cache.
func BenchmarkDrawAll(b *testing.B) {
	dir := b.TempDir()
	var jobs []Job
	for i := range 100 {
		c := indicatorCard()
		if i%2 == 1 {
			c = agencyCard()
		}
		c.Title = fmt.Sprint(c.Title, " ", i)
		jobs = append(jobs, Job{Card: c, Size: OpenGraph, Out: filepath.Join(dir, fmt.Sprint(i, ".png"))})
	}
	ctx := context.Background()
	b.Run("drawn", func(b *testing.B) {
		start := time.Now()
		loop(b, func() {
			if _, err := DrawAll(ctx, jobs, Cache{}, 0, nil); err != nil {
				b.Fatal(err)
			}
		})
		b.ReportMetric(float64(time.Since(start).Microseconds())/1000/float64(b.N)/float64(len(jobs)), "wall-ms/card")
	})
	cache := Cache{Dir: filepath.Join(dir, "cache")}
	if _, err := DrawAll(ctx, jobs, cache, 0, nil); err != nil {
		b.Fatal(err)
	}
	b.Run("cached", func(b *testing.B) {
		start := time.Now()
		loop(b, func() {
			if _, err := DrawAll(ctx, jobs, cache, 0, nil); err != nil {
				b.Fatal(err)
			}
		})
		b.ReportMetric(float64(time.Since(start).Microseconds())/1000/float64(b.N)/float64(len(jobs)), "wall-ms/card")
	})
}
