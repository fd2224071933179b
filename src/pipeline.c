/* pipeline.c — read, extract, hand over: one article at a time in the
 * calling thread, or, with jobs, through an ordered work queue (workq.h):
 * the calling thread reads each article into a job and pushes it, the
 * workers extract, and the calling thread pops the jobs in order and hands
 * them over with the warnings held back since the one before. */
#include "pipeline.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "workq.h"

/* Articles in the queue per worker: enough that a worker on a long
 * article does not leave the others idle, few enough to stay small. */
#define JOBS_PER_WORKER 4

/* A job keeps its figure array for the next article unless it grew past
 * this (a rare huge article's array is given back). */
#define FIGS_KEPT 4096

/* A warning the reader gave while reading a job's article. */
typedef struct {
    ft_warning w;
    ft_error detail;
} held_warning;

typedef enum {
    JOB_NOTHING, /* only warnings (the last ones of a stream) */
    JOB_ARTICLE, /* an article, extracted by a worker */
    JOB_REJECT   /* an input, line or row rejected */
} job_kind;

/* One article, or reject, on its way through, with what the reader said
 * while reading it. */
typedef struct {
    job_kind kind;
    ft_article a;
    ft_figlist figs;
    ft_status st; /* the reject's, or the extractor's answer */
    ft_error err;
    held_warning *warns;
    size_t nwarns, capwarns;
} job;

struct ft_pipeline {
    ft_reader_opts reader;
    ft_extract_opts tables; /* read by the workers, never written */
    ft_figlist figs;        /* reused from article to article */
    unsigned jobs;
    /* With jobs, made at the first input: */
    ft_workq *q;
    bool serial; /* no thread could be started: run in the caller's */
    job *pool;   /* cap + 1 jobs: the queue's and the one being read */
    job **spare; /* the jobs neither queued nor being read */
    size_t nspare, cap;
    job *cur;        /* being read: the reader's warnings go to it */
    size_t inflight; /* article bytes in the queue */
    bool oom;        /* a warning could not be held */
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
    ft_figlist_init(&p->figs);
    p->jobs = 1;
    return p;
}

void ft_pipeline_free(ft_pipeline *p)
{
    if (!p)
        return;
    ft_workq_free(p->q);
    if (p->pool)
        for (size_t i = 0; i <= p->cap; i++) {
            ft_article_clear(&p->pool[i].a);
            ft_figlist_free(&p->pool[i].figs);
            free(p->pool[i].warns);
        }
    free(p->pool);
    free(p->spare);
    ft_figlist_free(&p->figs);
    free(p);
}

void ft_pipeline_jobs(ft_pipeline *p, unsigned n)
{
    /* Fixed once the threads run: the pool is sized for them. */
    if (!p->q)
        p->jobs = n > 1 ? n : 1;
}

static void reject(const ft_pipeline_sink *sink, ft_status st,
                   const ft_error *why)
{
    if (sink->reject)
        sink->reject(sink->ctx, st, why);
}

/* ---- one thread ------------------------------------------------------ */

static ft_status serial_input(ft_pipeline *p, const char *path,
                              const ft_pipeline_sink *sink, ft_error *err)
{
    ft_error e;
    ft_reader *r;
    ft_status st = ft_reader_open(path, &p->reader, &r, &e);
    if (st != FT_OK) {
        if (st == FT_ENOMEM) {
            if (err)
                *err = e;
            return st;
        }
        reject(sink, st, &e);
        return FT_OK;
    }
    ft_article a = {0};
    ft_status out = FT_OK;
    while ((st = ft_reader_next(r, &a, &e)) != FT_EOF) {
        if (st == FT_ENOMEM) {
            out = st;
            break;
        }
        if (st != FT_OK) {
            reject(sink, st, &e);
            continue;
        }
        p->figs.len = 0; /* keep the array from the last article */
        ft_extract_opts xo = p->tables;
        xo.published = a.published;
        if ((st = ft_extract(a.text, a.len, &xo, &p->figs, &e)) != FT_OK) {
            ft_error_at(&e, a.id, 0);
            out = st;
            break;
        }
        if ((st = sink->article(sink->ctx, &a, &p->figs, &e)) != FT_OK) {
            out = st;
            break;
        }
    }
    if (out != FT_OK && err)
        *err = e;
    ft_article_clear(&a);
    ft_reader_free(r);
    return out;
}

/* ---- with jobs ------------------------------------------------------- */

/* The workers' part, on their threads: touches only its own job. */
static void extract_job(void *ctx, void *item)
{
    const ft_pipeline *p = ctx;
    job *j = item;
    ft_extract_opts xo = p->tables;
    xo.published = j->a.published;
    j->figs.len = 0;
    j->st = ft_extract(j->a.text, j->a.len, &xo, &j->figs, &j->err);
}

/* The reader's warning hook while jobs run: held with the job being read,
 * to be told just before it is handed over. */
static void hold_warning(void *ctx, ft_warning w, const ft_error *detail)
{
    ft_pipeline *p = ctx;
    job *j = p->cur;
    void *warns = j->warns;
    if (ft_grow(&warns, &j->capwarns, j->nwarns, sizeof *j->warns, 4) !=
        FT_OK) {
        p->oom = true;
        return;
    }
    j->warns = warns;
    held_warning *h = &j->warns[j->nwarns++];
    h->w = w;
    if (detail)
        h->detail = *detail;
    else
        memset(&h->detail, 0, sizeof h->detail);
}

/* The queue and its jobs, at the first input; false when no thread could
 * be started (the pipeline then runs serially). */
static bool start_jobs(ft_pipeline *p)
{
    p->cap = (size_t)p->jobs * JOBS_PER_WORKER;
    p->pool = calloc(p->cap + 1, sizeof *p->pool);
    p->spare = calloc(p->cap + 1, sizeof *p->spare);
    if (!p->pool || !p->spare ||
        ft_workq_new(p->jobs, p->cap, extract_job, p, &p->q, NULL) != FT_OK) {
        free(p->pool);
        free(p->spare);
        p->pool = NULL;
        p->spare = NULL;
        p->serial = true;
        return false;
    }
    for (size_t i = 0; i <= p->cap; i++) {
        ft_figlist_init(&p->pool[i].figs);
        p->spare[p->nspare++] = &p->pool[i];
    }
    return true;
}

/* Queue the job being read as `kind` and take a spare one to read next.
 * There always is one: the queue holds at most cap of the cap + 1. */
static void push(ft_pipeline *p, job_kind kind)
{
    job *j = p->cur;
    j->kind = kind;
    if (kind == JOB_ARTICLE)
        p->inflight += j->a.len;
    ft_workq_push(p->q, j, kind == JOB_ARTICLE);
    p->cur = p->spare[--p->nspare];
}

/* Tell a job's held warnings, then hand over its article or reject. */
static ft_status hand_over(ft_pipeline *p, job *j, const ft_pipeline_sink *sink,
                           ft_error *err)
{
    for (size_t i = 0; i < j->nwarns; i++)
        if (p->reader.warn)
            p->reader.warn(p->reader.warn_ctx, j->warns[i].w,
                           &j->warns[i].detail);
    if (j->kind == JOB_REJECT)
        reject(sink, j->st, &j->err);
    if (j->kind != JOB_ARTICLE)
        return FT_OK;
    if (j->st != FT_OK) {
        *err = j->err;
        ft_error_at(err, j->a.id, 0);
        return j->st;
    }
    return sink->article(sink->ctx, &j->a, &j->figs, err);
}

/* Back to the spares, its article freed (memory follows the queue). */
static void recycle(ft_pipeline *p, job *j)
{
    if (j->kind == JOB_ARTICLE)
        p->inflight -= j->a.len;
    ft_article_clear(&j->a);
    j->figs.len = 0;
    if (j->figs.cap > FIGS_KEPT)
        ft_figlist_free(&j->figs);
    j->nwarns = 0;
    j->kind = JOB_NOTHING;
    j->st = FT_OK;
    p->spare[p->nspare++] = j;
}

/* Hand over the jobs done at the head of the queue, and wait for the
 * oldest while there is no room for one more (the queue full, or too many
 * bytes in it).  FT_OK, or the status of a failed hand-over (*err set). */
static ft_status make_room(ft_pipeline *p, const ft_pipeline_sink *sink,
                           ft_error *err)
{
    for (;;) {
        bool room = !ft_workq_full(p->q) && p->inflight < FT_PIPELINE_INFLIGHT;
        job *j = ft_workq_pop(p->q, !room);
        if (!j)
            return FT_OK;
        ft_status st = hand_over(p, j, sink, err);
        recycle(p, j);
        if (st != FT_OK)
            return st;
    }
}

/* ft_reader_open or ft_reader_next, then FT_ENOMEM if a warning was lost. */
static ft_status read_status(ft_pipeline *p, ft_status st)
{
    if (p->oom && st != FT_ENOMEM) {
        ft_error_set(&p->cur->err, FT_ENOMEM, "out of memory");
        st = FT_ENOMEM;
    }
    return st;
}

static ft_status threaded_inputs(ft_pipeline *p, const char *const *paths,
                                 size_t n, const ft_pipeline_sink *sink,
                                 ft_error *err)
{
    ft_reader_opts ro = p->reader;
    ro.warn = hold_warning;
    ro.warn_ctx = p;
    p->oom = false;
    p->cur = p->spare[--p->nspare];
    /* A failed hand-over stops everything at once; a reader's failure
     * (out of memory) only the reading: what was read before it is still
     * handed over, as the serial loop did before it stopped. */
    ft_status handed = FT_OK, read = FT_OK;
    ft_error handed_err, read_err;
    for (size_t i = 0; i < n && handed == FT_OK && read == FT_OK; i++) {
        if ((handed = make_room(p, sink, &handed_err)) != FT_OK)
            break;
        ft_reader *r;
        ft_status opened = ft_reader_open(paths[i], &ro, &r, &p->cur->err);
        ft_status st = read_status(p, opened);
        if (st == FT_ENOMEM) {
            if (opened == FT_OK)
                ft_reader_free(r);
            read = st;
            read_err = p->cur->err;
            break;
        }
        if (st != FT_OK) {
            p->cur->st = st;
            push(p, JOB_REJECT);
            continue;
        }
        for (;;) {
            if ((handed = make_room(p, sink, &handed_err)) != FT_OK)
                break;
            st = read_status(p, ft_reader_next(r, &p->cur->a, &p->cur->err));
            if (st == FT_EOF)
                break;
            if (st == FT_ENOMEM) {
                read = st;
                read_err = p->cur->err;
                break;
            }
            if (st != FT_OK)
                p->cur->st = st;
            push(p, st == FT_OK ? JOB_ARTICLE : JOB_REJECT);
        }
        ft_reader_free(r);
    }
    /* The rest of the queue, in order; after a failed hand-over only
     * taken back, as the serial loop would never have read it.  Then the
     * warnings of the last read (after the last article, or before the
     * reader gave up). */
    job *j;
    while ((j = ft_workq_pop(p->q, true)) != NULL) {
        if (handed == FT_OK)
            handed = hand_over(p, j, sink, &handed_err);
        recycle(p, j);
    }
    if (handed == FT_OK) {
        p->cur->kind = JOB_NOTHING;
        hand_over(p, p->cur, sink, &handed_err);
    }
    recycle(p, p->cur);
    p->cur = NULL;
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
    if (p->jobs > 1 && !p->serial && (p->q || start_jobs(p)))
        return threaded_inputs(p, paths, n, sink, err);
    for (size_t i = 0; i < n; i++) {
        ft_status st = serial_input(p, paths[i], sink, err);
        if (st != FT_OK)
            return st;
    }
    return FT_OK;
}

ft_status ft_pipeline_input(ft_pipeline *p, const char *path,
                            const ft_pipeline_sink *sink, ft_error *err)
{
    return ft_pipeline_inputs(p, &path, 1, sink, err);
}
