package ingest

import (
	"context"
	"runtime"

	"github.com/newsreel/newsreel/timeline"
)

// Prepared is an article cut into sentences, ready to store: the CPU work
// of an import, done by the worker pool.
type Prepared struct {
	Article timeline.Article
	Seg     timeline.Segmented
	Print   timeline.CopyPrint // MinHash print of the running text, to find wire copies
	Err     error              // the article could not be prepared
	// Analysis is the sink's analysis of the article, made in the worker
	// pool when the sink is an Analyzer (opaque to this package).
	Analysis any
}

// Analyzer is a sink that analyses prepared articles; Import calls it from
// the worker pool, so the analysis uses every core.
type Analyzer interface {
	AnalyzePrepared(p *Prepared)
}

// Prepare segments and prints an article.
func Prepare(art timeline.Article) Prepared {
	seg := timeline.Segment(art.Body, timeline.DefaultBoilerplate)
	return Prepared{Article: art, Seg: seg, Print: timeline.FingerprintSentences(seg.Sentences)}
}

// StoreResult is what storing one prepared article did.
type StoreResult struct {
	Stored
	Err error
}

// BatchSink stores many prepared articles in one transaction; the SQLite
// store implements it, and Import then uses every core to prepare while
// one goroutine writes.
type BatchSink interface {
	Sink
	StoreBatch(ctx context.Context, batch []Prepared) []StoreResult
}

// BatchSize is how many articles one transaction stores.
const BatchSize = 256

// fileWork is one file read and prepared by a worker.
type fileWork struct {
	index    int
	job      job
	prepared []Prepared
	err      error
}

// importParallel reads and prepares files on all cores and stores them
// from one goroutine, in the order of the files, a batch per transaction.
func importParallel(ctx context.Context, sink BatchSink, jobs []job, opts Options, report func(FileResult)) {
	workers := runtime.GOMAXPROCS(0)
	in := make(chan int)
	out := make(chan fileWork, workers*2)
	for w := 0; w < workers; w++ {
		go func() {
			an, _ := sink.(Analyzer)
			for i := range in {
				w := prepareFile(i, jobs[i], opts)
				for k := range w.prepared {
					if an != nil {
						an.AnalyzePrepared(&w.prepared[k])
					}
					// Let the writer, which waits for a core whenever
					// the workers hold them all, go first: it sets the pace.
					runtime.Gosched()
				}
				out <- w
			}
		}()
	}
	go func() {
		defer close(in)
		for i := range jobs {
			select {
			case in <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	// One goroutine stores the batches, in order, while the workers
	// prepare the next ones: storing and preparing overlap.
	batches := make(chan storeBatch, 1)
	stored := make(chan struct{})
	go func() {
		defer close(stored)
		for b := range batches {
			if len(b.prepared) > 0 {
				for k, r := range sink.StoreBatch(ctx, b.prepared) {
					res := b.files[b.owners[k]]
					if r.Err != nil {
						res.Err = joinErr(res.Err, articleName(b.prepared[k].Article, 2), r.Err)
					}
					res.record(r.Stored, r.Err)
				}
			}
			for _, res := range b.files {
				report(*res)
			}
		}
	}()
	pending := map[int]fileWork{}
	var cur storeBatch
	flush := func() {
		batches <- cur
		cur = storeBatch{}
	}
	finish := func() {
		flush()
		close(batches)
		<-stored
	}
	for next := 0; next < len(jobs); next++ {
		w, ok := pending[next]
		for !ok {
			select {
			case got := <-out:
				pending[got.index] = got
			case <-ctx.Done():
				finish()
				for i := next; i < len(jobs); i++ {
					report(FileResult{Path: jobs[i].path, Err: errNotImported(ctx)})
				}
				go func() { // let the workers finish and exit
					for range out {
					}
				}()
				return
			}
			w, ok = pending[next]
		}
		delete(pending, next)
		res := &FileResult{Path: w.job.path, Err: w.err}
		cur.files = append(cur.files, res)
		for _, p := range w.prepared {
			res.Source = p.Article.Source
			cur.prepared = append(cur.prepared, p)
			cur.owners = append(cur.owners, len(cur.files)-1)
		}
		if len(cur.prepared) >= BatchSize {
			flush()
		}
	}
	finish()
}

// storeBatch is the articles of whole files, stored in one transaction.
type storeBatch struct {
	prepared []Prepared
	owners   []int         // the file of each article (index into files)
	files    []*FileResult // reported, in order, once the batch is stored
}

// prepareFile reads a file and segments its articles.
func prepareFile(i int, j job, opts Options) fileWork {
	w := fileWork{index: i, job: j}
	label := opts.Label
	if label == "" && j.event != nil {
		label = j.event.Sources[baseName(j.path)]
	}
	arts, err := ReadFile(j.path, label)
	if err != nil {
		w.err = unwrapFileError(err)
		return w
	}
	for _, art := range arts {
		if j.event != nil && art.EventDate.IsZero() {
			art.EventDate = j.day
		}
		w.prepared = append(w.prepared, Prepare(art))
	}
	return w
}
