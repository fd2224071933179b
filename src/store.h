/* store.h — the state of scheduled runs, in SQLite.
 *
 * One database (STATE/figtrend.db) holds what earlier runs found, so a run
 * reads again only what changed.  Its tables (documented in the README for
 * analysts; every figures.csv column is a column of `figures`):
 *
 *   articles(path, hash, size, extractor, tables, status, reason, run)
 *       one row per input file: its SHA-256, the extractor version and
 *       the hash of the alias and countries tables it was read with,
 *       status 'ok' or 'rejected' (reason says why), the run that read it
 *   figures(path, ord, doc, published, mention, start, end, surface,
 *           amount, amount_max, currency, qualifier, kind,
 *           reported_amount, reported_currency, year, year_basis, subject,
 *           country, flags, sentence, source, title, url)
 *       every current figure; ord numbers a file's figures from 1
 *   rejects(path, hash, what, reason)
 *       every rejected input, JSONL line or CSV row (what: FILE[:LINE])
 *   runs(id, started, finished, extractor, tables, inputs, read,
 *        unchanged, deleted, rejected, figures, new, revised, gone)
 *   changes(run, change, path, doc, mention, old_amount, old_currency,
 *           new_amount, new_currency, year, subject, country)
 *       what each run changed: 'new', 'revised' or 'gone'
 *   meta(key, value)         'generation': raised by each run that read
 *                            or dropped an article
 *   outputs(dir, key, generation)
 *       which generation each output folder was last written from
 *   warnings(dir, file, line, message)
 *       what writing each folder's outputs last warned of (also when -q
 *       kept it off standard error)
 *
 * A run is one transaction: ft_store_begin to ft_store_commit.  Killed in
 * between, the database keeps the last committed run.
 *
 * Threads: an ft_store is used by one thread at a time (its connection
 * has no mutex of its own); `run` uses it on its calling thread only.
 *
 * Ownership: an ft_store owns its connection (ft_store_close).  Strings
 * passed in are copied or bound; rows handed to callbacks are borrowed
 * for the length of the call.
 */
#ifndef FT_STORE_H
#define FT_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "figures.h"
#include "status.h"

typedef struct ft_store ft_store;

/* Open (creating when missing) the database at path (":memory:" for a
 * database in memory) and make its tables.  FT_ECANTCREAT when it cannot
 * be opened or created, FT_EIO when it is not a usable database. */
ft_status ft_store_open(const char *path, ft_store **out, ft_error *err);
void ft_store_close(ft_store *s);

/* Start a run: the transaction and its `runs` row.  An article is
 * unchanged for this run only when its hash, `extractor` and `tables`
 * all match what it was read with.  `started` is written to the runs
 * table only (no output carries it). */
ft_status ft_store_begin(ft_store *s, const char *extractor, const char *tables,
                         const char *started, ft_error *err);

/* Note that path is an input of this run.  *unchanged: it was read before
 * with this hash, extractor and tables, or it was already noted in this
 * run (nothing to do: a path named twice is read once); else it is to be
 * read again: call ft_store_article, after noting every input if need be
 * (the lookups do not depend on it).  *was_rejected: unchanged and
 * rejected last time. */
ft_status ft_store_seen(ft_store *s, const char *path, const char *hash,
                        bool *unchanged, bool *was_rejected, ft_error *err);

/* Forget what path gave before (its figures and rejects, kept aside to
 * tell what changed) and record it as read in this run. */
ft_status ft_store_article(ft_store *s, const char *path, const char *hash,
                           uint64_t size, ft_error *err);

/* A figure of path (the last ft_store_article), ord counting from 1. */
ft_status ft_store_figure(ft_store *s, const char *path, long ord,
                          const ft_figrow *row, ft_error *err);

/* A reject: `what` is the file or FILE:LINE that was rejected.  whole:
 * the article file itself (its status becomes 'rejected'). */
ft_status ft_store_reject(ft_store *s, const char *path, const char *hash,
                          const char *what, const char *reason, bool whole,
                          ft_error *err);

typedef struct {
    long inputs, read, unchanged, deleted, rejected, figures;
    long new_, revised, gone;
} ft_store_counts;

/* Drop the articles not seen in this run, record what changed, and
 * commit.  counts (may be NULL) gets the run's numbers; read, unchanged
 * and inputs are counted by the store from the calls above. */
ft_status ft_store_commit(ft_store *s, const char *finished,
                          ft_store_counts *counts, ft_error *err);

/* Undo the run (nothing it did remains). */
void ft_store_rollback(ft_store *s);

/* ---- reading back ---------------------------------------------------- */

/* Every current figure, by path then ord, as the cells of figures.csv. */
typedef ft_status (*ft_store_row_fn)(void *ctx, const char *const *cells,
                                     const size_t *lens, size_t n,
                                     ft_error *err);

ft_status ft_store_figures(ft_store *s, ft_store_row_fn fn, void *ctx,
                           ft_error *err);

/* The changes of the latest run that changed anything, in order of path,
 * doc, mention: the columns of changes.csv (ft_store_changes_columns). */
ft_status ft_store_changes(ft_store *s, ft_store_row_fn fn, void *ctx,
                           ft_error *err);
extern const char *const ft_store_changes_columns[];
#define FT_STORE_CHANGES_NCOLUMNS 11

/* Every current reject, by path then what: path, hash, reason (what
 * names the line when it is not the whole file). */
ft_status ft_store_rejects(ft_store *s, ft_store_row_fn fn, void *ctx,
                           ft_error *err);
extern const char *const ft_store_rejects_columns[];
#define FT_STORE_REJECTS_NCOLUMNS 3

/* ---- outputs up to date -------------------------------------------------
 *
 * The state has a generation, raised by each run that read or dropped an
 * article.  A run that writes its outputs records, per output folder, the
 * generation and a key (what else the outputs depend on: options, tables,
 * program); a later run with nothing new may then leave them be.  Each
 * call is its own transaction, outside a run. */

ft_status ft_store_generation(ft_store *s, long *gen, ft_error *err);

/* *current: dir's outputs were written from this generation with key. */
ft_status ft_store_outputs_current(ft_store *s, const char *dir,
                                   const char *key, bool *current,
                                   ft_error *err);

/* Record that dir's outputs are now written from this generation with
 * key (call after they are on disk), and the warnings writing them gave
 * (stale tables, figures without a rate), in place of the last ones. */
ft_status ft_store_outputs_written(ft_store *s, const char *dir,
                                   const char *key, const ft_error *warnings,
                                   size_t nwarnings, ft_error *err);

/* Number of current rejects. */
ft_status ft_store_count_rejects(ft_store *s, long *n, ft_error *err);

#endif
