package chart

import (
	"bytes"
	"compress/flate"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/adler32"
	"hash/crc32"
	"image"
	"image/png"
	"io"
	"runtime"
	"sync"
)

// encodePNG writes img as a PNG file. Opaque RGBA bitmaps (every chart:
// the background is painted first) are written by writeOpaquePNG;
// anything else by the standard encoder.
//
// Why not image/png alone: at 1600×900 its encoder spent most of a chart's
// time choosing one of five filters for each row (it tries them all) and
// compressing at the default level. Charts are flat colours, so the "up"
// filter (each byte minus the one above it) turns most of them into zeros,
// which zlib's fastest level compresses about as well.
func encodePNG(w io.Writer, img image.Image) error {
	var err error
	if rgba, ok := img.(*image.RGBA); ok && rgba.Opaque() {
		err = writeOpaquePNG(w, rgba)
	} else {
		err = (&png.Encoder{CompressionLevel: png.BestSpeed}).Encode(w, img)
	}
	if err != nil {
		return fmt.Errorf("write chart: %w", err)
	}
	return nil
}

// strip is one band of rows compressed on its own, reused across charts.
type strip struct {
	out   bytes.Buffer
	fw    *flate.Writer
	row   []byte // filter type and one filtered RGB row
	sum   uint32 // Adler-32 of the band's filtered bytes
	n     int64  // how many filtered bytes
	err   error
	first bool // the image's first row is in this band
}

var strips = sync.Pool{New: func() any { return &strip{} }}

// Rows per band below which an image is compressed in one piece.
const minStripRows = 128

var pngSignature = []byte("\x89PNG\r\n\x1a\n")

// writeOpaquePNG writes an opaque bitmap as an 8-bit RGB PNG, every row
// with the "up" filter. The rows are cut into bands that are compressed
// at once, one per processor (at most four), like pigz does: each band is
// a run of deflate blocks ending on a byte boundary, so they concatenate
// into one zlib stream whose checksum combines the bands' checksums.
func writeOpaquePNG(w io.Writer, img *image.RGBA) error {
	b := img.Bounds()
	width, height := b.Dx(), b.Dy()
	n := min(runtime.GOMAXPROCS(0), 4, max(1, height/minStripRows))
	bands := make([]*strip, n)
	var wg sync.WaitGroup
	for i := range bands {
		s := strips.Get().(*strip)
		defer strips.Put(s)
		bands[i] = s
		y0, y1 := b.Min.Y+height*i/n, b.Min.Y+height*(i+1)/n
		s.first = i == 0
		wg.Add(1)
		go func() {
			defer wg.Done()
			s.compress(img, y0, y1, i == n-1)
		}()
	}
	wg.Wait()
	// The zlib stream: header (deflate, 32K window, fastest), the bands,
	// the checksum of everything.
	var idat bytes.Buffer
	idat.Write([]byte{0x78, 0x01})
	sum := uint32(1)
	for _, s := range bands {
		if s.err != nil {
			return s.err
		}
		idat.Write(s.out.Bytes())
		sum = adler32Combine(sum, s.sum, s.n)
	}
	idat.Write(binary.BigEndian.AppendUint32(nil, sum))

	var ihdr [13]byte
	binary.BigEndian.PutUint32(ihdr[0:], uint32(width))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(height))
	ihdr[8], ihdr[9] = 8, 2 // 8 bits per sample, RGB; compression, filter and interlace methods 0
	if _, err := w.Write(pngSignature); err != nil {
		return err
	}
	for _, c := range []struct {
		kind string
		data []byte
	}{{"IHDR", ihdr[:]}, {"IDAT", idat.Bytes()}, {"IEND", nil}} {
		if err := writeChunk(w, c.kind, c.data); err != nil {
			return err
		}
	}
	return nil
}

// compress filters and deflates the rows [y0, y1); the last band closes
// the deflate stream, the others end with a flush to a byte boundary.
func (s *strip) compress(img *image.RGBA, y0, y1 int, last bool) {
	width := img.Bounds().Dx()
	if cap(s.row) < 1+3*width {
		s.row = make([]byte, 1+3*width)
	}
	row := s.row[:1+3*width]
	row[0] = 2 // filter type "up": each byte minus the byte above it
	s.out.Reset()
	if s.fw == nil {
		s.fw, s.err = flate.NewWriter(&s.out, flate.BestSpeed)
		if s.err != nil {
			return
		}
	} else {
		s.fw.Reset(&s.out)
	}
	sum := adler32.New()
	s.n, s.err = 0, nil
	for y := y0; y < y1; y++ {
		px := img.Pix[img.PixOffset(img.Rect.Min.X, y):][:4*width]
		out := row[1:]
		if s.first && y == y0 { // the image's first row has zeros above it
			for x, j := 0, 0; x < len(px); x, j = x+4, j+3 {
				out[j], out[j+1], out[j+2] = px[x], px[x+1], px[x+2]
			}
		} else {
			above := img.Pix[img.PixOffset(img.Rect.Min.X, y-1):][:len(px)]
			for x, j := 0, 0; x < len(px); x, j = x+4, j+3 {
				out[j], out[j+1], out[j+2] = px[x]-above[x], px[x+1]-above[x+1], px[x+2]-above[x+2]
			}
		}
		sum.Write(row)
		s.n += int64(len(row))
		if _, s.err = s.fw.Write(row); s.err != nil {
			return
		}
	}
	if last {
		s.err = s.fw.Close()
	} else {
		s.err = s.fw.Flush()
	}
	s.sum = sum.Sum32()
}

// adler32Combine is the Adler-32 of two byte sequences one after the
// other, from their checksums and the second one's length (zlib's
// adler32_combine).
func adler32Combine(a1, a2 uint32, len2 int64) uint32 {
	const base = 65521
	rem := uint32(len2 % base)
	sum1 := a1 & 0xffff
	sum2 := uint32((uint64(rem) * uint64(sum1)) % base)
	sum1 += (a2 & 0xffff) + base - 1
	sum2 += (a1 >> 16) + (a2 >> 16) + base - rem
	for sum1 >= base {
		sum1 -= base
	}
	for sum2 >= base {
		sum2 -= base
	}
	return sum1 | sum2<<16
}

// writeChunk writes one PNG chunk: length, type, data and the CRC of type
// and data.
func writeChunk(w io.Writer, kind string, data []byte) error {
	if len(data) > 1<<31-1 {
		return errors.New("chunk too large")
	}
	head := binary.BigEndian.AppendUint32(nil, uint32(len(data)))
	head = append(head, kind...)
	crc := crc32.NewIEEE()
	crc.Write(head[4:])
	crc.Write(data)
	for _, part := range [][]byte{head, data, binary.BigEndian.AppendUint32(nil, crc.Sum32())} {
		if _, err := w.Write(part); err != nil {
			return err
		}
	}
	return nil
}
