/* run.c — the scheduled run: lock, list, hash, extract what changed,
 * commit, write the outputs. */
#include "run.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "csvio.h"
#include "gdp.h"
#include "hash.h"
#include "outfile.h"
#include "pipeline.h"
#include "xlsx.h"

/* ---- the inputs ------------------------------------------------------ */

typedef struct {
    char **paths;
    size_t n, cap;
} path_list;

static void paths_free(path_list *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->paths[i]);
    free(l->paths);
}

static ft_status paths_add(path_list *l, const char *p)
{
    if (l->n == l->cap) {
        size_t c = l->cap ? l->cap * 2 : 64;
        char **np = realloc(l->paths, c * sizeof *np);
        if (!np)
            return FT_ENOMEM;
        l->paths = np;
        l->cap = c;
    }
    if (!(l->paths[l->n] = strdup(p)))
        return FT_ENOMEM;
    l->n++;
    return FT_OK;
}

/* Every article file of the inputs, in order: a folder's files (through
 * the reader, so `run` and `extract` list a folder alike), a file itself.
 * A missing INPUT stops the run before the state changes: its articles
 * would all count as deleted. */
static ft_status list_inputs(const ft_run_opts *o, path_list *out,
                             ft_error *err)
{
    for (size_t i = 0; i < o->ninputs; i++) {
        const char *in = o->inputs[i];
        struct stat sb;
        if (stat(in, &sb) != 0) {
            ft_error_set(err, FT_ENOINPUT, "%s", strerror(errno));
            ft_error_at(err, in, 0);
            return FT_ENOINPUT;
        }
        ft_status st = FT_OK;
        if (!S_ISDIR(sb.st_mode)) {
            /* A file that turns out not to be text is a reject, later. */
            if (paths_add(out, in) != FT_OK)
                return ft_error_set(err, FT_ENOMEM, "out of memory");
            continue;
        }
        ft_reader *r;
        if ((st = ft_reader_open(in, &o->reader, &r, err)) != FT_OK)
            return st == FT_ENOMEM ? st : FT_ENOINPUT;
        const char *const *p;
        size_t n = ft_reader_paths(r, &p);
        for (size_t k = 0; k < n && st == FT_OK; k++)
            st = paths_add(out, p[k]);
        ft_reader_free(r);
        if (st != FT_OK)
            return ft_error_set(err, FT_ENOMEM, "out of memory");
    }
    return FT_OK;
}

/* ---- the article files into the state -------------------------------- */

/* What the run found of one article file before reading any: its hash,
 * or why it has none. */
typedef struct {
    char hash[FT_HASH_HEX];
    uint64_t size;
    bool unchanged;
    ft_error *unreadable; /* why it cannot be hashed, or NULL */
} file_info;

/* Progress: one more file done (unchanged, read or rejected), of all. */
static void one_done(const ft_run_opts *o, size_t *done, size_t total)
{
    ++*done;
    if (o->progress)
        o->progress(o->ctx, *done, total);
}

/* Hash every file and look it up, in order: what the state holds decides
 * which files are read, before the first is (so that they can all go
 * through one pipeline, read ahead on several threads).  The unchanged
 * ones are done. */
static ft_status look_up(const ft_run_opts *o, ft_store *store,
                         const path_list *files, file_info *info, size_t *done,
                         ft_error *err)
{
    for (size_t i = 0; i < files->n; i++) {
        const char *path = files->paths[i];
        file_info *f = &info[i];
        ft_hash h;
        ft_error why;
        struct stat sb;
        ft_status hs;
        bool was_rejected;
        ft_hash_init(&h);
        /* A FIFO or a device named as INPUT would block or never end. */
        if (stat(path, &sb) == 0 && !S_ISREG(sb.st_mode))
            hs = ft_error_set(&why, FT_EDATA, "not a regular file");
        else
            hs = ft_hash_file(&h, path, &f->size, &why);
        ft_hash_hex(&h, f->hash);
        ft_status st;
        if (hs == FT_OK)
            st = ft_store_seen(store, path, f->hash, &f->unchanged,
                               &was_rejected, err);
        else {
            /* Unreadable: no hash to compare, so tried every run (the
             * lookup's hash matches no stored one). */
            ft_error_at(&why, path, 0);
            if (!(f->unreadable = malloc(sizeof why)))
                return ft_error_set(err, FT_ENOMEM, "out of memory");
            *f->unreadable = why;
            st = ft_store_seen(store, path, "-", &f->unchanged, &was_rejected,
                               err);
        }
        if (st != FT_OK)
            return st;
        if (f->unchanged)
            one_done(o, done, files->n);
    }
    return FT_OK;
}

/* The files read in one pipeline, in order, and what their articles
 * become: rows of the state.  The state changes in the order of the
 * files, as when each was read in its turn. */
typedef struct {
    const ft_run_opts *o;
    ft_store *store;
    ft_figwriter *cells; /* makes the cells; writes nothing */
    const path_list *files;
    const file_info *info;
    const size_t *file_of;   /* the file each input of the pipeline is */
    size_t through;          /* files[0..through) are through */
    size_t done;             /* files done, for the progress */
    const char *path, *hash; /* of the file being read */
    long ord;
    ft_status failed; /* a store failure inside store_reject */
    ft_error why;
} state_sink;

/* Files through up to `end`: the unreadable ones recorded as rejected,
 * and the progress told (the file being read, if any, is through once its
 * articles are). */
static ft_status settle(state_sink *s, size_t end, ft_error *err)
{
    const ft_run_opts *o = s->o;
    for (; s->through < end; s->through++) {
        const char *path = s->files->paths[s->through];
        const file_info *f = &s->info[s->through];
        if (f->unchanged)
            continue; /* done when looked up */
        if (f->unreadable) {
            ft_status st;
            if ((st = ft_store_article(s->store, path, "", f->size, err)) !=
                    FT_OK ||
                (st = ft_store_reject(s->store, path, "", path,
                                      f->unreadable->message, true, err)) !=
                    FT_OK)
                return st;
            if (o->rejected)
                o->rejected(o->ctx, f->unreadable);
        }
        one_done(o, &s->done, s->files->n);
    }
    return FT_OK;
}

/* A store failure in store_reject, which cannot return it: stops at the
 * next call that can. */
static ft_status failed(const state_sink *s, ft_error *err)
{
    if (s->failed != FT_OK && err)
        *err = s->why;
    return s->failed;
}

/* A file begins: the files before it are through; forget what it gave
 * before and record it as read in this run. */
static ft_status begin_file(void *ctx, size_t i, const char *path,
                            ft_error *err)
{
    state_sink *s = ctx;
    size_t at = s->file_of[i];
    ft_status st = failed(s, err);
    if (st == FT_OK)
        st = settle(s, at, err);
    if (st == FT_OK)
        st = ft_store_article(s->store, path, s->info[at].hash,
                              s->info[at].size, err);
    s->path = path;
    s->hash = s->info[at].hash;
    s->ord = 0;
    return st;
}

static ft_status store_article(void *ctx, const ft_article *a,
                               const ft_figlist *figs, ft_error *err)
{
    state_sink *s = ctx;
    ft_status st = failed(s, err);
    for (size_t i = 0; st == FT_OK && i < figs->len; i++) {
        ft_figrow row;
        st = ft_figwriter_cells(s->cells, a, i + 1, &figs->items[i], &row, err);
        if (st == FT_EDATA) { /* an extractor bug: that figure is left out */
            st = FT_OK;
            continue;
        }
        if (st == FT_OK)
            st = ft_store_figure(s->store, s->path, ++s->ord, &row, err);
    }
    return st;
}

static void store_reject(void *ctx, ft_status st, const ft_error *why)
{
    (void)st;
    state_sink *s = ctx;
    if (s->failed != FT_OK)
        return;
    bool whole = why->line == 0;
    size_t n = strlen(s->path) + 24;
    char *what = malloc(n);
    if (!what) {
        s->failed = ft_error_set(&s->why, FT_ENOMEM, "out of memory");
        return;
    }
    if (whole)
        snprintf(what, n, "%s", s->path);
    else
        snprintf(what, n, "%s:%ld", s->path, why->line);
    s->failed = ft_store_reject(s->store, s->path, s->hash, what, why->message,
                                whole, &s->why);
    free(what);
    if (s->o->rejected)
        s->o->rejected(s->o->ctx, why);
}

/* Read the files new or changed since the last run (all in one pipeline,
 * with o->jobs threads) into the state, the unreadable ones as rejected,
 * in the order of the files. */
static ft_status read_files(const ft_run_opts *o, ft_store *store,
                            const path_list *files, const file_info *info,
                            size_t done, ft_error *err)
{
    const char **paths = malloc((files->n + 1) * sizeof *paths);
    size_t *file_of = malloc((files->n + 1) * sizeof *file_of);
    ft_pipeline *p = ft_pipeline_new(&o->reader, &o->tables);
    ft_figwriter *cells = ft_figwriter_new(NULL, FT_FORMAT_CSV);
    ft_status st = FT_OK;
    if (!paths || !file_of || !p || !cells)
        st = ft_error_set(err, FT_ENOMEM, "out of memory");
    size_t n = 0;
    for (size_t i = 0; st == FT_OK && i < files->n; i++)
        if (!info[i].unchanged && !info[i].unreadable) {
            paths[n] = files->paths[i];
            file_of[n++] = i;
        }
    state_sink s = {.o = o,
                    .store = store,
                    .cells = cells,
                    .files = files,
                    .info = info,
                    .file_of = file_of,
                    .done = done,
                    .failed = FT_OK};
    ft_pipeline_sink sink = {.article = store_article,
                             .reject = store_reject,
                             .input = begin_file,
                             .ctx = &s};
    if (st == FT_OK && n > 0) {
        ft_pipeline_jobs(p, o->jobs);
        st = ft_pipeline_inputs(p, paths, n, &sink, err);
    }
    if (st == FT_OK)
        st = failed(&s, err);
    if (st == FT_OK)
        st = settle(&s, files->n, err);
    ft_figwriter_free(cells);
    ft_pipeline_free(p);
    free(file_of);
    free(paths);
    return st;
}

static ft_status update_state(const ft_run_opts *o, ft_store *store,
                              const path_list *files, ft_store_counts *counts,
                              ft_error *err)
{
    file_info *info = calloc(files->n + 1, sizeof *info);
    if (!info)
        return ft_error_set(err, FT_ENOMEM, "out of memory");
    ft_status st =
        ft_store_begin(store, o->extractor, o->tables_hash, o->started, err);
    size_t done = 0; /* files, for the progress */
    if (st == FT_OK)
        st = look_up(o, store, files, info, &done, err);
    if (st == FT_OK)
        st = read_files(o, store, files, info, done, err);
    if (st == FT_OK)
        st = ft_store_commit(store, o->started, counts, err);
    else
        ft_store_rollback(store);
    for (size_t i = 0; i < files->n; i++)
        free(info[i].unreadable);
    free(info);
    return st;
}

/* ---- the outputs ----------------------------------------------------- */

/* Warnings are passed on, and kept for the database (a bounded number:
 * each is one distinct problem, and a flood would say nothing more). */
#define WARNINGS_KEPT 200

typedef struct {
    const ft_run_opts *o;
    ft_error kept[WARNINGS_KEPT];
    size_t n;
} warnings;

static void on_warning(void *ctx, const ft_error *w)
{
    warnings *ws = ctx;
    if (ws->n < WARNINGS_KEPT)
        ws->kept[ws->n++] = *w;
    if (ws->o->warn)
        ws->o->warn(ws->o->ctx, w);
}

typedef struct {
    ft_csvio csv;
    ft_figwriter *w; /* figures.csv rows */
    size_t ncols;
    long *kinds; /* changes.csv: its rows counted, new, revised, gone */
} csv_out;

static ft_status put_figure(void *ctx, const char *const *cells,
                            const size_t *lens, size_t n, ft_error *err)
{
    csv_out *c = ctx;
    ft_figrow row;
    if (n != FT_FIGURE_NCOLUMNS)
        return ft_error_set(err, FT_EIO, "state database: figures columns");
    for (size_t i = 0; i < n; i++) {
        row.cell[i] = cells[i];
        row.len[i] = lens[i];
    }
    return ft_figwriter_cells_row(c->w, &row, err);
}

/* changes.csv and rejects.csv: numbers in mention, old_amount, new_amount
 * and year stay numbers; the rest is text, neutralised. */
static ft_status put_plain(void *ctx, const char *const *cells,
                           const size_t *lens, size_t n, ft_error *err)
{
    csv_out *c = ctx;
    if (c->kinds && n > 0)
        c->kinds[strcmp(cells[0], "new") == 0       ? 0
                 : strcmp(cells[0], "revised") == 0 ? 1
                                                    : 2]++;
    for (size_t i = 0; i < n; i++) {
        bool num = c->ncols == FT_STORE_CHANGES_NCOLUMNS &&
                   (i == 3 || i == 4 || i == 6 || i == 8);
        ft_status st = num ? ft_csvio_number(&c->csv, cells[i], lens[i], err)
                           : ft_csvio_text(&c->csv, cells[i], lens[i], err);
        if (st != FT_OK)
            return st;
    }
    return ft_csvio_endrow(&c->csv, err);
}

static ft_status write_figures(ft_store *store, const char *dir, ft_error *err)
{
    ft_outfile f;
    ft_status st = ft_outfile_open(&f, dir, "figures.csv", err);
    if (st != FT_OK)
        return st;
    csv_out c = {.w = ft_figwriter_new(f.fp, FT_FORMAT_CSV)};
    if (!c.w)
        st = ft_error_set(err, FT_ENOMEM, "out of memory");
    else if ((st = ft_figwriter_header(c.w, err)) == FT_OK)
        st = ft_store_figures(store, put_figure, &c, err);
    ft_figwriter_free(c.w);
    if (st != FT_OK) {
        ft_outfile_abort(&f);
        return st;
    }
    return ft_outfile_commit(&f, err);
}

static ft_status write_table(ft_store *store, const char *dir, const char *name,
                             const char *const *cols, size_t ncols,
                             ft_status (*rows)(ft_store *, ft_store_row_fn,
                                               void *, ft_error *),
                             long *kinds, ft_error *err)
{
    ft_outfile f;
    ft_status st = ft_outfile_open(&f, dir, name, err);
    if (st != FT_OK)
        return st;
    csv_out c = {.ncols = ncols, .kinds = kinds};
    ft_csvio_init(&c.csv, f.fp, FT_CSVIO_CSV);
    for (size_t i = 0; st == FT_OK && i < ncols; i++)
        st = ft_csvio_str(&c.csv, cols[i], err);
    if (st == FT_OK)
        st = ft_csvio_endrow(&c.csv, err);
    if (st == FT_OK)
        st = rows(store, put_plain, &c, err);
    ft_csvio_free(&c.csv);
    if (st != FT_OK) {
        ft_outfile_abort(&f);
        return st;
    }
    return ft_outfile_commit(&f, err);
}

static ft_status write_converted(const ft_run_opts *o, const char *dir,
                                 warnings *ws, ft_convert_counts *counts,
                                 ft_error *err)
{
    char *in_path = ft_outfile_join(dir, "figures.csv");
    if (!in_path)
        return ft_error_set(err, FT_ENOMEM, "out of memory");
    FILE *in = fopen(in_path, "rb");
    if (!in) {
        ft_error_set(err, FT_EIO, "cannot read what was just written");
        ft_error_at(err, in_path, 0);
        free(in_path);
        return FT_EIO;
    }
    ft_outfile f;
    ft_status st = ft_outfile_open(&f, dir, "figures_converted.csv", err);
    if (st == FT_OK) {
        ft_convert_opts co = o->convert;
        co.warn = on_warning;
        co.warn_ctx = ws;
        st = ft_convert_csv_whole(in, in_path, f.fp, &co, counts, err);
        if (st == FT_OK)
            st = ft_outfile_commit(&f, err);
        else
            ft_outfile_abort(&f);
    }
    fclose(in);
    free(in_path);
    return st;
}

static ft_status write_outputs(const ft_run_opts *o, ft_store *store,
                               warnings *ws, ft_run_result *res, ft_error *err)
{
    const char *dir = o->out_dir;
    ft_status st;
    /* The last change's figures by kind, counted as changes.csv is
     * written (for the page's note). */
    long c[3] = {0, 0, 0}, rejects = 0;
    if ((st = write_figures(store, dir, err)) != FT_OK ||
        (st = write_table(store, dir, "changes.csv", ft_store_changes_columns,
                          FT_STORE_CHANGES_NCOLUMNS, ft_store_changes, c,
                          err)) != FT_OK ||
        (st = write_table(store, dir, "rejects.csv", ft_store_rejects_columns,
                          FT_STORE_REJECTS_NCOLUMNS, ft_store_rejects, NULL,
                          err)) != FT_OK)
        return st;
    const char *name = "figures.csv";
    if (o->convert.rates) {
        if ((st = write_converted(o, dir, ws, &res->convert, err)) != FT_OK)
            return st;
        name = "figures_converted.csv";
    }
    char *input = ft_outfile_join(dir, name);
    if (!input)
        return ft_error_set(err, FT_ENOMEM, "out of memory");
    ft_report_opts ro = o->report;
    ro.out_dir = dir;
    ro.rates = o->convert.rates;
    ro.prices = o->convert.prices;
    /* The page says what changed and what stands rejected, and the first
     * warnings: all from the state, so the same state gives the same
     * page. */
    char lines[FT_REPORT_EXTRA_NOTES][200];
    const char *ptrs[FT_REPORT_EXTRA_NOTES];
    size_t nl = 0;
    if ((st = ft_store_count_rejects(store, &rejects, err)) != FT_OK) {
        free(input);
        return st;
    }
    snprintf(lines[nl++], sizeof lines[0],
             "Last change: %ld figure%s new, %ld revised, %ld gone "
             "(changes.csv).",
             c[0], c[0] == 1 ? "" : "s", c[1], c[2]);
    if (rejects > 0)
        snprintf(lines[nl++], sizeof lines[0],
                 "%ld input%s rejected: see rejects.csv.", rejects,
                 rejects == 1 ? "" : "s");
    for (size_t i = 0; i < ws->n && nl < FT_REPORT_EXTRA_NOTES; i++)
        snprintf(lines[nl++], sizeof lines[0], "Warning: %.180s",
                 ws->kept[i].message);
    for (size_t i = 0; i < nl; i++)
        ptrs[i] = lines[i];
    ro.extra_notes = ptrs;
    ro.nextra_notes = nl;
    ro.warn = on_warning;
    ro.warn_ctx = ws;
    ft_gdp *gdp = NULL;
    ft_error gdp_err;
    if (o->gdp_path && o->gdp_path[0] &&
        ft_gdp_load(o->gdp_path, &gdp, &gdp_err) != FT_OK)
        gdp = NULL;
    ro.gdp = gdp;
    const char *const inputs[] = {input};
    st = ft_report_run(inputs, 1, &ro, &res->report, err);
    ft_gdp_free(gdp);
    free(input);
    ft_outfile_sync_dir(dir);
    return st;
}

static bool there(const char *dir, const char *name)
{
    char *p = ft_outfile_join(dir, name);
    bool yes = p && access(p, F_OK) == 0;
    free(p);
    return yes;
}

/* Whether the outputs every run writes are all there (a user may have
 * removed one since), the workbook too when asked for. */
static bool outputs_there(const char *dir, bool xlsx)
{
    static const char *const names[] = {"figures.csv", "changes.csv",
                                        "rejects.csv", "series.csv",
                                        "summary.csv", "index.html"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (!there(dir, names[i]))
            return false;
    return !xlsx || there(dir, FT_XLSX_NAME);
}

/* ---- the run --------------------------------------------------------- */

ft_status ft_run(const ft_run_opts *o, ft_run_result *res, ft_error *err)
{
    memset(res, 0, sizeof *res);
    int lock = -1, out_lock = -1;
    ft_store *store = NULL;
    path_list files = {0};
    char *db = NULL;
    ft_status st = ft_outfile_mkdirs(o->state_dir, err);
    if (st == FT_OK)
        st = ft_outfile_lock(o->state_dir, FT_RUN_LOCK, o->wait_seconds, &lock,
                             err);
    if (st == FT_OK && !(db = ft_outfile_join(o->state_dir, FT_RUN_DB)))
        st = ft_error_set(err, FT_ENOMEM, "out of memory");
    if (st == FT_OK)
        st = list_inputs(o, &files, err);
    if (st == FT_OK)
        st = ft_store_open(db, &store, err);
    if (st == FT_OK)
        st = update_state(o, store, &files, &res->counts, err);
    if (st == FT_OK)
        st = ft_outfile_mkdirs(o->out_dir, err);
    if (st == FT_OK)
        st = ft_outfile_lock(o->out_dir, FT_RUN_REPORT_LOCK, o->wait_seconds,
                             &out_lock, err);
    if (st == FT_OK) {
        ft_outfile_sweep(o->out_dir); /* what a killed run left */
        bool current = false;
        if (o->outputs_key &&
            (st = ft_store_outputs_current(store, o->out_dir, o->outputs_key,
                                           &current, err)) == FT_OK &&
            current && outputs_there(o->out_dir, o->report.xlsx))
            res->outputs_kept = true;
        else if (st == FT_OK) {
            warnings *ws = calloc(1, sizeof *ws);
            if (!ws)
                st = ft_error_set(err, FT_ENOMEM, "out of memory");
            else {
                ws->o = o;
                st = write_outputs(o, store, ws, res, err);
                if (st == FT_OK && o->outputs_key)
                    st = ft_store_outputs_written(store, o->out_dir,
                                                  o->outputs_key, ws->kept,
                                                  ws->n, err);
                free(ws);
            }
        }
    }
    ft_outfile_unlock(out_lock);
    ft_store_close(store);
    paths_free(&files);
    free(db);
    ft_outfile_unlock(lock);
    return st;
}
