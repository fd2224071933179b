/* pipeline.h — the per-article loop that `extract` and `run` share: read
 * an input's articles, find each one's figures, hand them to a sink.
 *
 * The pipeline never prints: rejected inputs and each article's figures
 * go to the sink's callbacks, and only what stops the whole input (out of
 * memory, a sink's own failure) comes back as a status.
 *
 * Threads: with ft_pipeline_jobs(p, N > 1) the extraction runs on N - 1
 * worker threads and on the calling thread, which reads and hands over
 * and extracts a batch no worker has begun while it would wait (workq.h); a
 * JSONL line is parsed by the thread that extracts its article too (the
 * calling thread only finds where it ends: ft_reader_next_line), its
 * reject or warnings held with it and told in its turn; with
 * one job the calling thread does all of it, in the same batches; the
 * sink's callbacks and the reader's warning hook are still called on the
 * calling thread only, one at a time, in the order and with the contents
 * of a single-threaded run: each article's warnings are held back with it
 * and told just before it.  The extractor and the tables it reads
 * (subjects, countries) must therefore be safe to use from several
 * threads at once: no static mutable state, tables read-only once loaded.
 * A sink may have its output for each article made on the workers too
 * (ft_pipeline_render), so that the calling thread only reads and writes.
 * Articles go to the workers in batches (64 articles or 64 KiB of text),
 * so that the threads meet once per batch, and each stage of the
 * extraction runs over a whole batch (extract.h): so an article is handed
 * over once its batch is extracted, not as soon as it is read.  Memory
 * stays bounded: at most 4 x N batches (2 with one job), and about
 * FT_PIPELINE_INFLIGHT bytes of article text and JSONL lines (not
 * parsed yet: a line's text is no longer than it) plus one batch, are
 * read ahead of the article being handed over (and
 * with a renderer, about FT_PIPELINE_RENDERED bytes of output per
 * batch: see ft_pipeline_render).
 *
 * Ownership: an ft_pipeline copies the option structs it is given but
 * borrows what they point to (the tables, the fallback date and source,
 * the warning hook's context), which must outlive it; it owns its queue
 * and batches (ft_pipeline_free).  What the callbacks receive is borrowed
 * for the length of the call.
 */
#ifndef FT_PIPELINE_H
#define FT_PIPELINE_H

#include "article.h"
#include "extract.h"
#include "status.h"
#include "text.h"

typedef struct {
    /* One article and its figures, in text order.  A status other than
     * FT_OK stops the input, and ft_pipeline_input returns it. */
    ft_status (*article)(void *ctx, const ft_article *a, const ft_figlist *figs,
                         ft_error *err);
    /* An input, JSONL line or CSV row rejected (st: FT_EDATA, FT_ETOOBIG,
     * FT_ENOINPUT, FT_EIO, FT_EUSAGE, FT_ECONFIG); reading goes on with
     * the next one.  May be NULL. */
    void (*reject)(void *ctx, ft_status st, const ft_error *why);
    void *ctx;
    /* Input paths[i] begins (i is 0 for ft_pipeline_input): called before
     * its rejects and articles, and before the warnings its reading
     * gives, also when it has none, so that a sink of several inputs
     * knows which one each article comes from.  A status other than FT_OK
     * stops the inputs, as article's does.  May be NULL.  (Last, so that
     * a sink made before it needs only a NULL at the end.) */
    ft_status (*input)(void *ctx, size_t i, const char *path, ft_error *err);
} ft_pipeline_sink;

/* Optional, for a sink whose work is mostly turning articles into bytes
 * (extract's rows): with jobs, the bytes are made on the worker threads
 * and the calling thread only writes them.  render appends an article's
 * bytes to `out` with a state of its own (render runs on several threads
 * at once, each with its own state, and must otherwise be thread-safe),
 * made by state_new(ctx) (NULL: out of memory) for each batch of
 * articles and freed by state_free before ft_pipeline_inputs returns.
 * Then, in the article's turn on the calling thread, emit(ctx, ...) is
 * called instead of the sink's `article`, with the bytes of `articles`
 * articles in a row (as many as no warning, reject or other article
 * comes between); its status counts as article's would.  When render
 * fails (any status but FT_OK; what it appended is taken back), the
 * sink's `article` is called in its turn instead.  So that memory stays
 * bounded whatever an article's output, render should give up as soon
 * as `out` holds more than FT_PIPELINE_RENDERED bytes (the article is
 * then written by `article`, as it comes). */
#define FT_PIPELINE_RENDERED ((size_t)1 << 20)
typedef struct {
    void *(*state_new)(void *ctx);
    void (*state_free)(void *state);
    ft_status (*render)(void *state, const ft_article *a,
                        const ft_figlist *figs, ft_buf *out);
    ft_status (*emit)(void *ctx, const char *bytes, size_t n, size_t articles,
                      ft_error *err);
    void *ctx;
} ft_pipeline_render;

typedef struct ft_pipeline ft_pipeline;

/* A pipeline reading with `reader` (NULL: defaults) and extracting with
 * `tables` (NULL: no alias or countries tables).  NULL when out of
 * memory. */
ft_pipeline *ft_pipeline_new(const ft_reader_opts *reader,
                             const ft_extract_opts *tables);
void ft_pipeline_free(ft_pipeline *p);

/* Article text read ahead of the article being handed over, at most (one
 * larger article is let through alone). */
#define FT_PIPELINE_INFLIGHT ((size_t)8 << 20)

/* Extract on n threads (0 or 1: in the calling thread, the default).  The
 * threads start with the next input and live until ft_pipeline_free; when
 * none can be started, the pipeline runs in the calling thread.  Fixed
 * from the first input on. */
void ft_pipeline_jobs(ft_pipeline *p, unsigned n);

/* --jobs at most: far beyond any core count, short of a thread limit. */
#define FT_PIPELINE_JOBS_MAX 1024

/* The jobs a command runs when not told: one per core this process may
 * run on (its CPU affinity, which taskset, a container's or a Slurm
 * task's cpuset narrow, else the online cores), at most
 * FT_PIPELINE_JOBS_MAX; 1 when neither tells. */
unsigned ft_pipeline_default_jobs(void);

/* Render (above) the articles of the inputs that follow, standing in
 * for the sink's `article` as said there; NULL: not any more.  r is
 * borrowed, as the sink is, for those inputs. */
void ft_pipeline_render_with(ft_pipeline *p, const ft_pipeline_render *r);

/* Every article of `path` (a file, a directory, "-") through the
 * extractor to the sink.  FT_OK when the input was gone through, its
 * rejected parts told to sink->reject; FT_ENOMEM, or the status a sink's
 * `article` returned, when it stopped (err says why; an extractor failure
 * names the article). */
ft_status ft_pipeline_input(ft_pipeline *p, const char *path,
                            const ft_pipeline_sink *sink, ft_error *err);

/* The same for paths[0..n) in order, as one stream: with several jobs,
 * the articles of the next inputs are extracted while those of the first
 * are handed over.  A fatal status stops every input. */
ft_status ft_pipeline_inputs(ft_pipeline *p, const char *const *paths, size_t n,
                             const ft_pipeline_sink *sink, ft_error *err);

#endif
