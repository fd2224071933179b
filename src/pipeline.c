/* pipeline.c — read, extract, hand over, through an ordered work queue
 * (workq.h): the calling thread reads articles (JSONL lines unparsed)
 * into batches and pushes them, the workers parse each batch's lines and
 * extract it a stage at a time (extract.h), and
 * the calling thread pops the batches in order (extracting batches no
 * worker has begun while it waits) and hands over each article with the
 * warnings held back since the one before.  With one
 * job the queue has no workers: the calling thread extracts each batch
 * as it pushes it, so one thread gets the same batches, stage by stage. */
#define _GNU_SOURCE /* sched_getaffinity, CPU_COUNT: the default jobs */
#include "pipeline.h"

#include <sched.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "text.h"
#include "workq.h"

/* Articles go to the workers in batches, so that the threads meet once
 * per batch, not once per article (news articles are a few kB: a meeting
 * per article cost a third more CPU), and so that each stage of the
 * extraction runs over many articles while its code is in the caches: a
 * batch is closed at BATCH_MAX entries or BATCH_BYTES of text. */
#define BATCH_MAX 64
#define BATCH_BYTES ((size_t)64 << 10)

/* Batches in the queue per worker: enough that a worker on a long batch
 * does not leave the others idle, few enough to stay small. */
#define BATCHES_PER_WORKER 4

/* An entry keeps its figure array for the next article unless it grew
 * past this (a rare huge article's array is given back); a batch its
 * rendered bytes likewise. */
#define FIGS_KEPT 4096
#define RENDERED_KEPT (FT_PIPELINE_RENDERED / 4)

/* A warning the reader gave while reading an entry's article. */
typedef struct {
    ft_warning w;
    ft_error detail;
} held_warning;

typedef enum {
    ENTRY_NOTHING, /* only warnings (the last ones of a stream) */
    ENTRY_LINE,    /* a JSONL line, parsed by a worker into one of: */
    ENTRY_ARTICLE, /* an article, extracted by a worker */
    ENTRY_REJECT,  /* an input, line or row rejected */
    ENTRY_INPUT    /* an input begins (for the sink's `input`) */
} entry_kind;

/* One article, or reject, on its way through, with what the reader said
 * while reading it. */
typedef struct {
    entry_kind kind;
    ft_line line; /* ENTRY_LINE: read, not parsed yet */
    ft_article a;
    ft_figlist figs;
    ft_status st; /* the reject's, or the extractor's answer */
    ft_error err;
    held_warning *warns;
    size_t nwarns, capwarns;
    bool lost;     /* a warning of its parsing could not be held */
    bool rendered; /* its bytes are the batch's out[from..to) */
    size_t from, to;
    size_t input; /* ENTRY_INPUT: which of the paths */
} entry;

/* What goes through the queue: entries e[0..n) in input order; while the
 * batch is being filled, e[n] is the entry being read. */
typedef struct {
    entry *e; /* BATCH_MAX */
    size_t n;
    size_t bytes; /* article text and JSONL lines in e[0..n) */
    /* With a renderer: it (while queued), its state for this batch
     * (NULL when none could be made: nothing is rendered), and the bytes
     * of the articles rendered, in order. */
    const ft_pipeline_render *render;
    void *state;
    ft_buf out;
} batch;

struct ft_pipeline {
    ft_reader_opts reader;
    ft_extract_opts tables; /* read by the workers, never written */
    unsigned jobs;
    /* Made at the first input: */
    ft_workq *q;
    batch *pool;    /* cap + 1: the queue's and the one being filled */
    entry *entries; /* BATCH_MAX per batch of the pool */
    batch **spare;  /* the batches neither queued nor being filled */
    size_t nspare, cap;
    batch *cur;               /* being filled: the reader's warnings go to it */
    const char *const *paths; /* the inputs, while they run */
    const ft_pipeline_render *render; /* NULL: none */
    size_t inflight;                  /* article bytes in the queue */
    bool oom;                         /* a warning could not be held */
};

ft_pipeline *ft_pipeline_new(const ft_reader_opts *reader,
                             const ft_extract_opts *tables)
{
    ft_pipeline *p = calloc(1, sizeof *p);
    if (!p)
        return NULL;
    if (reader)
        p->reader = *reader;
    if (tables)
        p->tables = *tables;
    p->jobs = 1;
    return p;
}

void ft_pipeline_free(ft_pipeline *p)
{
    if (!p)
        return;
    ft_workq_free(p->q);
    /* Only read, not written, unless used: the pages of entries never
     * used stay untouched (start_jobs). */
    if (p->entries)
        for (size_t i = 0; i < (p->cap + 1) * BATCH_MAX; i++) {
            entry *e = &p->entries[i];
            if (e->a.id || e->a.published || e->a.source || e->a.title ||
                e->a.url || e->a.text)
                ft_article_clear(&e->a);
            free(e->figs.items);
            free(e->warns);
        }
    if (p->pool)
        for (size_t i = 0; i <= p->cap; i++)
            ft_buf_free(&p->pool[i].out);
    free(p->entries);
    free(p->pool);
    free(p->spare);
    free(p);
}

void ft_pipeline_render_with(ft_pipeline *p, const ft_pipeline_render *r)
{
    p->render = r;
}

void ft_pipeline_jobs(ft_pipeline *p, unsigned n)
{
    /* Fixed once the threads run: the pool is sized for them. */
    if (!p->q)
        p->jobs = n > 1 ? n : 1;
}

unsigned ft_pipeline_default_jobs(void)
{
    long n = 0;
    cpu_set_t set;
    if (sched_getaffinity(0, sizeof set, &set) == 0)
        n = CPU_COUNT(&set);
    if (n < 1)
        n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 1
               ? (unsigned)(n > FT_PIPELINE_JOBS_MAX ? FT_PIPELINE_JOBS_MAX : n)
               : 1;
}

static void reject(const ft_pipeline_sink *sink, ft_status st,
                   const ft_error *why)
{
    if (sink->reject)
        sink->reject(sink->ctx, st, why);
}

/* ---- with jobs ------------------------------------------------------- */

/* The sink's bytes for an extracted article, after the batch's others;
 * on failure taken back, for `article` to do it in its turn. */
static void render_entry(batch *b, entry *e)
{
    ft_buf *out = &b->out;
    e->from = out->len;
    e->rendered = b->render->render(b->state, &e->a, &e->figs, out) == FT_OK;
    if (!e->rendered) {
        out->len = e->from;
        if (out->data)
            out->data[out->len] = '\0';
    }
    e->to = out->len;
}

/* Hold a warning with entry e, after those held while it was read; false
 * when out of memory. */
static bool hold(entry *e, ft_warning w, const ft_error *detail)
{
    void *warns = e->warns;
    if (ft_grow(&warns, &e->capwarns, e->nwarns, sizeof *e->warns, 4) != FT_OK)
        return false;
    e->warns = warns;
    held_warning *h = &e->warns[e->nwarns++];
    h->w = w;
    if (detail)
        h->detail = *detail;
    else
        memset(&h->detail, 0, sizeof h->detail);
    return true;
}

/* The warning hook of a line's parsing, on a worker: ctx is the entry. */
static void hold_parse_warning(void *ctx, ft_warning w, const ft_error *detail)
{
    entry *e = ctx;
    if (!hold(e, w, detail))
        e->lost = true;
}

/* Each JSONL line of b into its article or reject, as the reader would
 * have made it: a warning lost makes it a failure (FT_ENOMEM), which
 * stops the hand-over there, as it stops the reading. */
static void parse_lines(batch *b)
{
    for (size_t i = 0; i < b->n; i++) {
        entry *e = &b->e[i];
        if (e->kind != ENTRY_LINE)
            continue;
        e->st = ft_line_parse(&e->line, &e->a, hold_parse_warning, e, &e->err);
        if (e->lost) {
            ft_article_clear(&e->a);
            e->st = ft_error_set(&e->err, FT_ENOMEM, "out of memory");
        }
        e->kind = e->st == FT_OK ? ENTRY_ARTICLE : ENTRY_REJECT;
    }
}

/* The workers' part, on their threads: touches only its own batch.  Its
 * JSONL lines are parsed first (the reading thread only found them);
 * then each stage runs over the whole batch before the next (extract.h
 * says why); an article whose stage failed skips the rest. */
static void extract_batch(void *ctx, void *item)
{
    const ft_pipeline *p = ctx;
    batch *b = item;
    parse_lines(b);
    for (int s = 0; s < FT_STAGES; s++)
        for (size_t i = 0; i < b->n; i++) {
            entry *e = &b->e[i];
            if (e->kind != ENTRY_ARTICLE || (s > 0 && e->st != FT_OK))
                continue;
            ft_extract_opts xo = p->tables;
            xo.published = e->a.published;
            e->st = ft_extract_stage((ft_stage)s, e->a.text, e->a.len, &xo,
                                     &e->figs, 0, &e->err);
        }
    if (b->state)
        for (size_t i = 0; i < b->n; i++)
            if (b->e[i].kind == ENTRY_ARTICLE && b->e[i].st == FT_OK)
                render_entry(b, &b->e[i]);
}

/* The reader's warning hook while jobs run: held with the entry being
 * read, to be told just before it is handed over. */
static void hold_warning(void *ctx, ft_warning w, const ft_error *detail)
{
    ft_pipeline *p = ctx;
    if (!hold(&p->cur->e[p->cur->n], w, detail))
        p->oom = true;
}

/* The queue and its batches, at the first input: p->jobs - 1 workers
 * (the calling thread extracts too, while it waits to pop: workq.h), or
 * none for one job (the calling thread extracts each batch as it pushes
 * it); none too when no thread can be started.  The batches in flight
 * are BATCHES_PER_WORKER for each of the p->jobs threads.  FT_ENOMEM when
 * out of memory. */
static ft_status start_queue(ft_pipeline *p, ft_error *err)
{
    unsigned workers = p->jobs > 1 ? p->jobs - 1 : 0;
    p->cap = workers ? (size_t)p->jobs * BATCHES_PER_WORKER : 1;
    p->pool = calloc(p->cap + 1, sizeof *p->pool);
    p->spare = calloc(p->cap + 1, sizeof *p->spare);
    p->entries = calloc((p->cap + 1) * BATCH_MAX, sizeof *p->entries);
    ft_status st = FT_ENOMEM;
    if (p->pool && p->spare && p->entries) {
        st = ft_workq_new(workers, p->cap, extract_batch, p, &p->q, NULL);
        if (st != FT_OK && workers > 0)
            st = ft_workq_new(0, p->cap, extract_batch, p, &p->q, NULL);
    }
    if (st != FT_OK) {
        free(p->pool);
        free(p->spare);
        free(p->entries);
        p->pool = NULL;
        p->spare = NULL;
        p->entries = NULL;
        return ft_error_set(err, FT_ENOMEM, "out of memory");
    }
    /* The entries stay as calloc left them, all zero (an empty figure
     * list, no article, no warning: POSIX's null pointer is all zero
     * bits), so that the pages of batches never filled (many jobs, a short
     * input) are never touched: memory follows the text read ahead. */
    for (size_t i = 0; i <= p->cap; i++) {
        p->pool[i].e = &p->entries[i * BATCH_MAX];
        p->spare[p->nspare++] = &p->pool[i];
    }
    return FT_OK;
}

/* Queue the batch being filled and take a spare one.  There always is
 * one: the queue holds at most cap of the cap + 1.  A renderer makes its
 * state for the batch here, on the calling thread. */
static void push(ft_pipeline *p)
{
    batch *b = p->cur;
    const ft_pipeline_render *r = p->render;
    p->inflight += b->bytes;
    if (r && !b->state) {
        b->render = r;
        b->state = r->state_new(r->ctx);
    }
    ft_workq_push(p->q, b, true);
    p->cur = p->spare[--p->nspare];
}

/* *s, of len bytes and a NUL, in a buffer of its size; len. */
static size_t shrink(char **s, size_t len)
{
    char *t = realloc(*s, len + 1);
    if (t)
        *s = t;
    return len;
}

/* The entry being read is done, as `kind`; the batch goes to the queue
 * when full (the caller made room). */
static void close_entry(ft_pipeline *p, entry_kind kind)
{
    batch *b = p->cur;
    entry *e = &b->e[b->n++];
    e->kind = kind;
    /* A reader may hand over its line buffer (64 KiB for a JSONL line of
     * 500 bytes): held by hundreds of articles in the queue, that was
     * three times the memory of one thread.  Shrinking in place copies
     * nothing.  A line's text is parsed in place, never longer. */
    if (kind == ENTRY_ARTICLE)
        b->bytes += shrink(&e->a.text, e->a.len);
    if (kind == ENTRY_LINE)
        b->bytes += shrink(&e->line.bytes, e->line.len);
    if (b->n == BATCH_MAX || b->bytes >= BATCH_BYTES)
        push(p);
}

/* Rendered articles e[first..i) of b, whose bytes lie in a row, to the
 * renderer's emit; none when first == i. */
static ft_status emit(const batch *b, size_t first, size_t i, ft_error *err)
{
    if (first == i)
        return FT_OK;
    size_t from = b->e[first].from, to = b->e[i - 1].to;
    return b->render->emit(b->render->ctx, b->out.data + from, to - from,
                           i - first, err);
}

/* The warnings the reader gave while reading e, told now. */
static void tell_warnings(const ft_pipeline *p, const entry *e)
{
    if (p->reader.warn)
        for (size_t k = 0; k < e->nwarns; k++)
            p->reader.warn(p->reader.warn_ctx, e->warns[k].w,
                           &e->warns[k].detail);
}

static bool is_rendered(const entry *e)
{
    return e->kind == ENTRY_ARTICLE && e->st == FT_OK && e->rendered;
}

/* Tell each entry's held warnings, then hand over its article or reject;
 * at a failure, stop there.  Rendered articles are emitted together, up
 * to the next entry that is not one or has warnings to tell first, so
 * that everything comes in the order of a single thread. */
static ft_status hand_over(ft_pipeline *p, batch *b,
                           const ft_pipeline_sink *sink, ft_error *err)
{
    size_t first = 0; /* e[first..i) rendered, not yet emitted */
    for (size_t i = 0; i < b->n; i++) {
        entry *e = &b->e[i];
        if (is_rendered(e) && e->nwarns == 0)
            continue; /* joins the run */
        ft_status st = emit(b, first, i, err);
        if (st != FT_OK)
            return st;
        tell_warnings(p, e);
        if (is_rendered(e)) {
            first = i; /* starts the next run */
            continue;
        }
        first = i + 1;
        if (e->kind == ENTRY_REJECT && e->st == FT_ENOMEM) {
            *err = e->err; /* a line's parsing gave up */
            return e->st;
        }
        if (e->kind == ENTRY_REJECT)
            reject(sink, e->st, &e->err);
        if (e->kind == ENTRY_INPUT &&
            (st = sink->input(sink->ctx, e->input, p->paths[e->input], err)) !=
                FT_OK)
            return st;
        if (e->kind != ENTRY_ARTICLE)
            continue;
        if (e->st == FT_ETOOBIG) { /* as one thread: that article only */
            ft_error why = e->err;
            ft_error_at(&why, e->a.id, 0);
            reject(sink, e->st, &why);
            continue;
        }
        if ((st = e->st) != FT_OK) {
            *err = e->err;
            ft_error_at(err, e->a.id, 0);
            return st;
        }
        if ((st = sink->article(sink->ctx, &e->a, &e->figs, err)) != FT_OK)
            return st;
    }
    return emit(b, first, b->n, err);
}

/* Back to the spares, its articles freed (memory follows the queue). */
static void recycle(ft_pipeline *p, batch *b, bool queued)
{
    if (queued)
        p->inflight -= b->bytes;
    /* e[n] too: it may hold warnings of a read that failed. */
    for (size_t i = 0; i <= b->n && i < BATCH_MAX; i++) {
        entry *e = &b->e[i];
        ft_article_clear(&e->a);
        ft_line_clear(&e->line);
        e->lost = false;
        e->figs.len = 0;
        if (e->figs.cap > FIGS_KEPT)
            ft_figlist_free(&e->figs);
        e->nwarns = 0;
        e->kind = ENTRY_NOTHING;
        e->st = FT_OK;
        e->rendered = false;
    }
    b->n = 0;
    b->bytes = 0;
    if (b->out.cap > RENDERED_KEPT)
        ft_buf_free(&b->out);
    ft_buf_clear(&b->out);
    p->spare[p->nspare++] = b;
}

/* Hand over the batches done at the head of the queue, and wait for the
 * oldest while there is no room for one more (the queue full, or too many
 * bytes in it).  FT_OK, or the status of a failed hand-over (*err set). */
static ft_status make_room(ft_pipeline *p, const ft_pipeline_sink *sink,
                           ft_error *err)
{
    for (;;) {
        bool room = !ft_workq_full(p->q) && p->inflight < FT_PIPELINE_INFLIGHT;
        batch *b = ft_workq_pop(p->q, !room);
        if (!b)
            return FT_OK;
        ft_status st = hand_over(p, b, sink, err);
        recycle(p, b, true);
        if (st != FT_OK)
            return st;
    }
}

/* ft_reader_open or ft_reader_next_line, then FT_ENOMEM if a warning was
 * lost. */
static ft_status read_status(ft_pipeline *p, ft_status st, ft_error *err)
{
    if (p->oom && st != FT_ENOMEM)
        st = ft_error_set(err, FT_ENOMEM, "out of memory");
    return st;
}

static ft_status queued_inputs(ft_pipeline *p, const char *const *paths,
                               size_t n, const ft_pipeline_sink *sink,
                               ft_error *err)
{
    ft_reader_opts ro = p->reader;
    ro.warn = hold_warning;
    ro.warn_ctx = p;
    p->oom = false;
    p->paths = paths;
    p->cur = p->spare[--p->nspare];
    /* A failed hand-over stops everything at once; a reader's failure
     * (out of memory) only the reading: what was read before it is still
     * handed over, as reading one article at a time would have. */
    ft_status handed = FT_OK, read = FT_OK;
    ft_error handed_err, read_err;
    for (size_t i = 0; i < n && handed == FT_OK && read == FT_OK; i++) {
        if ((handed = make_room(p, sink, &handed_err)) != FT_OK)
            break;
        entry *e = &p->cur->e[p->cur->n];
        if (sink->input) {
            /* Its warnings so far are the last input's: told before. */
            e->input = i;
            close_entry(p, ENTRY_INPUT);
            if ((handed = make_room(p, sink, &handed_err)) != FT_OK)
                break;
            e = &p->cur->e[p->cur->n];
        }
        ft_reader *r;
        ft_status opened = ft_reader_open(paths[i], &ro, &r, &e->err);
        ft_status st = read_status(p, opened, &e->err);
        if (st == FT_ENOMEM) {
            if (opened == FT_OK)
                ft_reader_free(r);
            read = st;
            read_err = e->err;
            break;
        }
        if (st != FT_OK) {
            e->st = st;
            close_entry(p, ENTRY_REJECT);
            continue;
        }
        for (;;) {
            if ((handed = make_room(p, sink, &handed_err)) != FT_OK)
                break;
            e = &p->cur->e[p->cur->n];
            st = ft_reader_next_line(r, &e->a, &e->line, &e->err);
            st = read_status(p, st, &e->err);
            if (st == FT_EOF)
                break;
            if (st == FT_ENOMEM) {
                read = st;
                read_err = e->err;
                break;
            }
            e->st = st;
            close_entry(p, st != FT_OK     ? ENTRY_REJECT
                           : e->line.bytes ? ENTRY_LINE
                                           : ENTRY_ARTICLE);
        }
        ft_reader_free(r);
    }
    /* The last batch, with the warnings of the last read (after the last
     * article, or before the reader gave up) as an entry of its own. */
    if (handed == FT_OK)
        handed = make_room(p, sink, &handed_err);
    if (handed == FT_OK) {
        batch *b = p->cur;
        if (b->e[b->n].nwarns > 0)
            close_entry(p, ENTRY_NOTHING);
        if (p->cur == b && b->n > 0)
            push(p);
    }
    /* The rest of the queue, in order; after a failed hand-over only
     * taken back: reading one article at a time would never have read
     * it. */
    batch *b;
    while ((b = ft_workq_pop(p->q, true)) != NULL) {
        if (handed == FT_OK)
            handed = hand_over(p, b, sink, &handed_err);
        recycle(p, b, true);
    }
    recycle(p, p->cur, false);
    p->cur = NULL;
    p->paths = NULL;
    /* The renderer's states: the next inputs may have another one. */
    for (size_t i = 0; i <= p->cap; i++) {
        batch *pb = &p->pool[i];
        if (pb->state)
            pb->render->state_free(pb->state);
        pb->state = NULL;
        pb->render = NULL;
    }
    if (handed != FT_OK) {
        if (err)
            *err = handed_err;
        return handed;
    }
    if (read != FT_OK && err)
        *err = read_err;
    return read;
}

/* ---- either ---------------------------------------------------------- */

ft_status ft_pipeline_inputs(ft_pipeline *p, const char *const *paths, size_t n,
                             const ft_pipeline_sink *sink, ft_error *err)
{
    ft_error e;
    if (!p->q && start_queue(p, &e) != FT_OK) {
        if (err)
            *err = e;
        return FT_ENOMEM;
    }
    return queued_inputs(p, paths, n, sink, err);
}

ft_status ft_pipeline_input(ft_pipeline *p, const char *path,
                            const ft_pipeline_sink *sink, ft_error *err)
{
    return ft_pipeline_inputs(p, &path, 1, sink, err);
}
