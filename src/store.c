/* store.c — the run's state in SQLite: schema, one transaction per run,
 * what changed. */
#include "store.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

static const char schema[] =
    "CREATE TABLE IF NOT EXISTS articles("
    " path TEXT PRIMARY KEY, hash TEXT NOT NULL, size INTEGER NOT NULL,"
    " extractor TEXT NOT NULL, tables TEXT NOT NULL,"
    " status TEXT NOT NULL CHECK (status IN ('ok','rejected')),"
    " reason TEXT, run INTEGER NOT NULL);"
    "CREATE TABLE IF NOT EXISTS figures("
    " path TEXT NOT NULL, ord INTEGER NOT NULL,"
    " doc TEXT, published TEXT, mention INTEGER, start INTEGER,"
    " \"end\" INTEGER, surface TEXT, amount TEXT, amount_max TEXT,"
    " currency TEXT, qualifier TEXT, kind TEXT, reported_amount TEXT,"
    " reported_currency TEXT, year INTEGER, year_basis TEXT, subject TEXT,"
    " country TEXT, flags TEXT, sentence TEXT, source TEXT, title TEXT,"
    " url TEXT, PRIMARY KEY (path, ord));"
    "CREATE TABLE IF NOT EXISTS rejects("
    " path TEXT NOT NULL, hash TEXT NOT NULL, what TEXT NOT NULL,"
    " reason TEXT NOT NULL);"
    "CREATE INDEX IF NOT EXISTS rejects_path ON rejects(path);"
    "CREATE TABLE IF NOT EXISTS runs("
    " id INTEGER PRIMARY KEY, started TEXT, finished TEXT,"
    " extractor TEXT, tables TEXT, inputs INTEGER, read INTEGER,"
    " unchanged INTEGER, deleted INTEGER, rejected INTEGER,"
    " figures INTEGER, new INTEGER, revised INTEGER, gone INTEGER);"
    "CREATE TABLE IF NOT EXISTS changes("
    " run INTEGER NOT NULL, change TEXT NOT NULL"
    "  CHECK (change IN ('new','revised','gone')),"
    " path TEXT, doc TEXT, mention INTEGER, old_amount TEXT,"
    " old_currency TEXT, new_amount TEXT, new_currency TEXT, year INTEGER,"
    " subject TEXT, country TEXT);"
    "CREATE INDEX IF NOT EXISTS changes_run ON changes(run);"
    "CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value);"
    "INSERT OR IGNORE INTO meta VALUES ('generation', 0);"
    "CREATE TABLE IF NOT EXISTS outputs("
    " dir TEXT PRIMARY KEY, key TEXT NOT NULL, generation INTEGER NOT NULL);"
    "CREATE TABLE IF NOT EXISTS warnings("
    " dir TEXT NOT NULL, file TEXT, line INTEGER, message TEXT NOT NULL);";

/* What a run keeps aside: the figures of the articles it read again or
 * dropped (to tell what changed), and the paths it saw. */
static const char temp_schema[] =
    "CREATE TEMP TABLE IF NOT EXISTS prev AS SELECT * FROM figures WHERE 0;"
    "CREATE INDEX IF NOT EXISTS temp.prev_key ON prev(path, doc, mention);"
    "CREATE TEMP TABLE IF NOT EXISTS touched(path TEXT PRIMARY KEY);"
    "CREATE TEMP TABLE IF NOT EXISTS seen(path TEXT PRIMARY KEY);";

/* The statements a run uses again and again, prepared once. */
enum {
    Q_LOOKUP,
    Q_SEEN,
    Q_KEEP_OLD,
    Q_DEL_FIGS,
    Q_DEL_REJ,
    Q_TOUCH,
    Q_UPSERT,
    Q_FIGURE,
    Q_REJECT,
    Q_MARK_REJ,
    NQ
};

static const char *const sql[NQ] = {
    [Q_LOOKUP] = "SELECT hash = ?2 AND extractor = ?3 AND tables = ?4,"
                 " status = 'rejected' FROM articles WHERE path = ?1",
    [Q_SEEN] = "INSERT OR IGNORE INTO seen(path) VALUES (?1)",
    [Q_KEEP_OLD] = "INSERT INTO prev SELECT * FROM figures WHERE path = ?1",
    [Q_DEL_FIGS] = "DELETE FROM figures WHERE path = ?1",
    [Q_DEL_REJ] = "DELETE FROM rejects WHERE path = ?1",
    [Q_TOUCH] = "INSERT OR IGNORE INTO touched(path) VALUES (?1)",
    [Q_UPSERT] =
        "INSERT INTO articles(path, hash, size, extractor, tables, status,"
        " reason, run) VALUES (?1, ?2, ?3, ?4, ?5, 'ok', NULL, ?6)"
        " ON CONFLICT(path) DO UPDATE SET hash = excluded.hash,"
        " size = excluded.size, extractor = excluded.extractor,"
        " tables = excluded.tables, status = 'ok', reason = NULL,"
        " run = excluded.run",
    [Q_FIGURE] = "INSERT INTO figures VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7,"
                 " ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19,"
                 " ?20, ?21, ?22, ?23, ?24)",
    [Q_REJECT] = "INSERT INTO rejects(path, hash, what, reason)"
                 " VALUES (?1, ?2, ?3, ?4)",
    [Q_MARK_REJ] = "UPDATE articles SET status = 'rejected', reason = ?2"
                   " WHERE path = ?1",
};

struct ft_store {
    sqlite3 *db;
    sqlite3_stmt *q[NQ];
    bool in_run;
    bool fresh;     /* the run began with no figure and no reject */
    bool set_aside; /* figures were kept aside in prev in this run */
    long run;
    char extractor[128], tables[128];
    long inputs, read, unchanged;
};

static ft_status db_error(ft_store *s, ft_status st, ft_error *err,
                          const char *what)
{
    return ft_error_set(err, st, "state database: %s: %s", what,
                        sqlite3_errmsg(s->db));
}

static ft_status exec(ft_store *s, const char *text, ft_error *err)
{
    if (sqlite3_exec(s->db, text, NULL, NULL, NULL) != SQLITE_OK)
        return db_error(s, FT_EIO, err, "cannot update");
    return FT_OK;
}

/* A state made before figures.csv had source, title and url: add the
 * columns (empty until the next extractor re-reads the articles, which a
 * new program always does). */
static ft_status add_article_columns(ft_store *s, ft_error *err)
{
    static const char *const added[] = {"source", "title", "url"};
    for (size_t i = 0; i < sizeof added / sizeof added[0]; i++) {
        sqlite3_stmt *q;
        char text[96];
        snprintf(text, sizeof text,
                 "SELECT 1 FROM pragma_table_info('figures') WHERE name = '%s'",
                 added[i]);
        if (sqlite3_prepare_v2(s->db, text, -1, &q, NULL) != SQLITE_OK)
            return db_error(s, FT_EIO, err, "cannot prepare");
        int rc = sqlite3_step(q);
        sqlite3_finalize(q);
        if (rc == SQLITE_ROW)
            continue;
        if (rc != SQLITE_DONE)
            return db_error(s, FT_EIO, err, "cannot read the schema");
        snprintf(text, sizeof text, "ALTER TABLE figures ADD COLUMN %s TEXT",
                 added[i]);
        ft_status st = exec(s, text, err);
        if (st != FT_OK)
            return st;
    }
    return FT_OK;
}

ft_status ft_store_open(const char *path, ft_store **out, ft_error *err)
{
    *out = NULL;
    ft_store *s = calloc(1, sizeof *s);
    if (!s)
        return ft_error_set(err, FT_ENOMEM, "out of memory");
    /* No mutex on the connection: one thread at a time uses it (store.h),
     * and SQLite's locking was 5% of a run's instructions. */
    int rc = sqlite3_open_v2(
        path, &s->db,
        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);
    if (rc != SQLITE_OK) {
        ft_status st = s->db ? db_error(s, FT_ECANTCREAT, err, "cannot open")
                             : ft_error_set(err, FT_ENOMEM, "out of memory");
        ft_error_at(err, path, 0);
        ft_store_close(s);
        return st;
    }
    sqlite3_busy_timeout(s->db, 2000);
    /* A rollback journal, synced in full: a run killed at any moment
     * leaves the last committed run. */
    ft_status st = exec(s,
                        "PRAGMA journal_mode = DELETE;"
                        "PRAGMA synchronous = FULL;",
                        err);
    if (st == FT_OK)
        st = exec(s, schema, err);
    if (st == FT_OK)
        st = add_article_columns(s, err);
    if (st == FT_OK)
        st = exec(s, temp_schema, err);
    for (int i = 0; st == FT_OK && i < NQ; i++)
        if (sqlite3_prepare_v2(s->db, sql[i], -1, &s->q[i], NULL) != SQLITE_OK)
            st = db_error(s, FT_EIO, err, "cannot prepare");
    if (st != FT_OK) {
        ft_error_at(err, path, 0);
        ft_store_close(s);
        return st;
    }
    *out = s;
    return FT_OK;
}

void ft_store_close(ft_store *s)
{
    if (!s)
        return;
    if (s->in_run)
        ft_store_rollback(s);
    for (int i = 0; i < NQ; i++)
        sqlite3_finalize(s->q[i]);
    sqlite3_close(s->db);
    free(s);
}

static void copy(char *dst, size_t n, const char *src)
{
    snprintf(dst, n, "%s", src ? src : "");
}

static ft_status count_of(ft_store *s, const char *text, long *n,
                          ft_error *err);

ft_status ft_store_begin(ft_store *s, const char *extractor, const char *tables,
                         const char *started, ft_error *err)
{
    if (s->in_run)
        return ft_error_set(err, FT_EUSAGE, "state database: run begun");
    ft_status st = exec(s, "BEGIN IMMEDIATE", err);
    if (st != FT_OK)
        return st;
    s->in_run = true;
    copy(s->extractor, sizeof s->extractor, extractor);
    copy(s->tables, sizeof s->tables, tables);
    s->inputs = s->read = s->unchanged = 0;
    s->set_aside = false;
    if ((st = exec(s,
                   "DELETE FROM prev; DELETE FROM touched;"
                   " DELETE FROM seen;",
                   err)) != FT_OK) {
        ft_store_rollback(s);
        return st;
    }
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(s->db,
                           "INSERT INTO runs(started, extractor, tables)"
                           " VALUES (?1, ?2, ?3)",
                           -1, &q, NULL) != SQLITE_OK) {
        st = db_error(s, FT_EIO, err, "cannot prepare");
        ft_store_rollback(s);
        return st;
    }
    sqlite3_bind_text(q, 1, started ? started : "", -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(q, 2, s->extractor, -1, SQLITE_STATIC);
    sqlite3_bind_text(q, 3, s->tables, -1, SQLITE_STATIC);
    int rc = sqlite3_step(q);
    sqlite3_finalize(q);
    if (rc != SQLITE_DONE) {
        st = db_error(s, FT_EIO, err, "cannot record the run");
        ft_store_rollback(s);
        return st;
    }
    s->run = (long)sqlite3_last_insert_rowid(s->db);
    long any;
    if ((st = count_of(s,
                       "SELECT EXISTS (SELECT 1 FROM figures) OR"
                       " EXISTS (SELECT 1 FROM rejects)",
                       &any, err)) != FT_OK) {
        ft_store_rollback(s);
        return st;
    }
    s->fresh = any == 0;
    return FT_OK;
}

/* Run one prepared statement with text parameters (NULL binds NULL). */
static ft_status step_texts(ft_store *s, int which, ft_error *err, int n,
                            const char *const *texts)
{
    sqlite3_stmt *q = s->q[which];
    sqlite3_reset(q);
    sqlite3_clear_bindings(q);
    for (int i = 0; i < n; i++)
        if (texts[i])
            sqlite3_bind_text(q, i + 1, texts[i], -1, SQLITE_STATIC);
    int rc = sqlite3_step(q);
    sqlite3_reset(q);
    if (rc != SQLITE_DONE)
        return db_error(s, FT_EIO, err, "cannot update");
    return FT_OK;
}

static ft_status step_path(ft_store *s, int which, const char *path,
                           ft_error *err)
{
    return step_texts(s, which, err, 1, &path);
}

ft_status ft_store_seen(ft_store *s, const char *path, const char *hash,
                        bool *unchanged, bool *was_rejected, ft_error *err)
{
    *unchanged = *was_rejected = false;
    ft_status st = step_path(s, Q_SEEN, path, err);
    if (st != FT_OK)
        return st;
    /* Named twice: counted once, and read once (the first time). */
    bool again = sqlite3_changes(s->db) == 0;
    if (!again)
        s->inputs++;
    sqlite3_stmt *q = s->q[Q_LOOKUP];
    sqlite3_reset(q);
    sqlite3_bind_text(q, 1, path, -1, SQLITE_STATIC);
    sqlite3_bind_text(q, 2, hash, -1, SQLITE_STATIC);
    sqlite3_bind_text(q, 3, s->extractor, -1, SQLITE_STATIC);
    sqlite3_bind_text(q, 4, s->tables, -1, SQLITE_STATIC);
    int rc = sqlite3_step(q);
    if (rc == SQLITE_ROW) {
        *unchanged = sqlite3_column_int(q, 0) != 0;
        *was_rejected = sqlite3_column_int(q, 1) != 0;
    }
    sqlite3_reset(q);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return db_error(s, FT_EIO, err, "cannot look up an article");
    *unchanged = *unchanged || again;
    *was_rejected = *unchanged && *was_rejected;
    if (*unchanged)
        s->unchanged++;
    return FT_OK;
}

/* Keep path's figures aside, then drop them and its rejects: none to
 * look for when the run began with none and path is new to it (a first
 * run over many files saves three statements of five per file). */
static ft_status forget(ft_store *s, const char *path, ft_error *err)
{
    ft_status st;
    if ((st = step_path(s, Q_TOUCH, path, err)) != FT_OK ||
        (s->fresh && sqlite3_changes(s->db) > 0))
        return st;
    s->set_aside = true;
    if ((st = step_path(s, Q_KEEP_OLD, path, err)) != FT_OK ||
        (st = step_path(s, Q_DEL_FIGS, path, err)) != FT_OK)
        return st;
    return step_path(s, Q_DEL_REJ, path, err);
}

ft_status ft_store_article(ft_store *s, const char *path, const char *hash,
                           uint64_t size, ft_error *err)
{
    ft_status st = forget(s, path, err);
    if (st != FT_OK)
        return st;
    sqlite3_stmt *q = s->q[Q_UPSERT];
    sqlite3_reset(q);
    sqlite3_bind_text(q, 1, path, -1, SQLITE_STATIC);
    sqlite3_bind_text(q, 2, hash, -1, SQLITE_STATIC);
    sqlite3_bind_int64(q, 3, (sqlite3_int64)size);
    sqlite3_bind_text(q, 4, s->extractor, -1, SQLITE_STATIC);
    sqlite3_bind_text(q, 5, s->tables, -1, SQLITE_STATIC);
    sqlite3_bind_int64(q, 6, s->run);
    int rc = sqlite3_step(q);
    sqlite3_reset(q);
    if (rc != SQLITE_DONE)
        return db_error(s, FT_EIO, err, "cannot record an article");
    s->read++;
    return FT_OK;
}

ft_status ft_store_figure(ft_store *s, const char *path, long ord,
                          const ft_figrow *row, ft_error *err)
{
    sqlite3_stmt *q = s->q[Q_FIGURE];
    sqlite3_reset(q);
    sqlite3_bind_text(q, 1, path, -1, SQLITE_STATIC);
    sqlite3_bind_int64(q, 2, ord);
    for (size_t i = 0; i < FT_FIGURE_NCOLUMNS; i++) {
        int at = (int)i + 3;
        /* An empty number is NULL (so SQL sums and casts skip it); an
         * empty text is ''. */
        if (row->len[i] == 0 && ft_figure_column_numeric(i))
            sqlite3_bind_null(q, at);
        else
            sqlite3_bind_text(q, at, row->len[i] ? row->cell[i] : "",
                              (int)row->len[i], SQLITE_STATIC);
    }
    int rc = sqlite3_step(q);
    sqlite3_reset(q);
    if (rc != SQLITE_DONE)
        return db_error(s, FT_EIO, err, "cannot record a figure");
    return FT_OK;
}

ft_status ft_store_reject(ft_store *s, const char *path, const char *hash,
                          const char *what, const char *reason, bool whole,
                          ft_error *err)
{
    const char *t[] = {path, hash ? hash : "", what ? what : path,
                       reason ? reason : ""};
    ft_status st = step_texts(s, Q_REJECT, err, 4, t);
    if (st == FT_OK && whole)
        st = step_texts(s, Q_MARK_REJ, err, 2, (const char *[]){path, t[3]});
    return st;
}

/* One number from a query with the run's id as ?1. */
static ft_status count_of(ft_store *s, const char *text, long *n, ft_error *err)
{
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(s->db, text, -1, &q, NULL) != SQLITE_OK)
        return db_error(s, FT_EIO, err, "cannot prepare");
    if (sqlite3_bind_parameter_count(q) > 0)
        sqlite3_bind_int64(q, 1, s->run);
    int rc = sqlite3_step(q);
    *n = rc == SQLITE_ROW ? (long)sqlite3_column_int64(q, 0) : 0;
    sqlite3_finalize(q);
    if (rc != SQLITE_ROW)
        return db_error(s, FT_EIO, err, "cannot count");
    return FT_OK;
}

/* A figure is the same one when path, doc and mention match; it is
 * revised when what it says (amount, currency, year, subject, ...)
 * differs. */
#define SAME_KEY(a, b)                                                         \
    a ".path = " b ".path AND " a ".doc IS " b ".doc AND " a ".mention IS " b  \
      ".mention"
#define SAME_SAYING(a, b)                                                      \
    a ".amount IS " b ".amount AND " a ".amount_max IS " b                     \
      ".amount_max AND " a ".currency IS " b ".currency AND " a                \
      ".qualifier IS " b ".qualifier AND " a ".kind IS " b ".kind AND " a      \
      ".year IS " b ".year AND " a ".subject IS " b ".subject AND " a          \
      ".country IS " b ".country"

/* Run a statement with the run's id as ?1; *changed (may be NULL) gets
 * the number of rows it inserted or deleted. */
static ft_status run_sql(ft_store *s, const char *text, long *changed,
                         ft_error *err)
{
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(s->db, text, -1, &q, NULL) != SQLITE_OK)
        return db_error(s, FT_EIO, err, "cannot prepare");
    if (sqlite3_bind_parameter_count(q) > 0)
        sqlite3_bind_int64(q, 1, s->run);
    int rc = sqlite3_step(q);
    sqlite3_finalize(q);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW)
        return db_error(s, FT_EIO, err, "cannot update");
    if (changed)
        *changed = (long)sqlite3_changes(s->db);
    return FT_OK;
}

/* Articles gone from the inputs: their figures go aside, then everything
 * of theirs goes. */
static ft_status drop_deleted(ft_store *s, ft_error *err)
{
    static const char *const steps[] = {
        "INSERT OR IGNORE INTO touched SELECT path FROM articles"
        " WHERE path NOT IN (SELECT path FROM seen)",
        "INSERT INTO prev SELECT * FROM figures WHERE path IN"
        " (SELECT path FROM articles WHERE path NOT IN (SELECT path FROM"
        " seen))",
        "DELETE FROM figures WHERE path NOT IN (SELECT path FROM seen)",
        "DELETE FROM rejects WHERE path NOT IN (SELECT path FROM seen)",
        "DELETE FROM articles WHERE path NOT IN (SELECT path FROM seen)",
    };
    ft_status st = FT_OK;
    s->set_aside = true;
    for (size_t i = 0; st == FT_OK && i < sizeof steps / sizeof steps[0]; i++)
        st = run_sql(s, steps[i], NULL, err);
    return st;
}

/* The run's rows of `changes`, counted as they are inserted.  Only the
 * figures of touched paths can be new or revised: those are looked up
 * through the index, in the order of a scan (a path's figures are in
 * order of ord either way), so that changes.csv, sorted on path, doc,
 * mention and change, keeps even ties in the same order. */
static ft_status record_changes(ft_store *s, ft_store_counts *c, ft_error *err)
{
    ft_status st;
    if ((st = run_sql(
             s,
             "INSERT INTO changes SELECT ?1, 'gone', p.path, p.doc, p.mention,"
             " p.amount, p.currency, NULL, NULL, p.year, p.subject, p.country"
             " FROM prev p WHERE NOT EXISTS (SELECT 1 FROM figures f "
             "WHERE " SAME_KEY("f", "p") ")",
             &c->gone, err)) != FT_OK ||
        (st = run_sql(
             s,
             "INSERT INTO changes SELECT ?1, 'revised', f.path, f.doc,"
             " f.mention, p.amount, p.currency, f.amount, f.currency, f.year,"
             " f.subject, f.country FROM prev p JOIN figures f ON " SAME_KEY(
                 "f", "p") " WHERE f.path IN (SELECT path FROM touched) AND"
                           " NOT (" SAME_SAYING("f", "p") ")",
             &c->revised, err)) != FT_OK)
        return st;
    /* A run that began with no figure and kept none aside has only new
     * ones, all of touched paths: no lookups. */
    return run_sql(
        s,
        s->fresh && !s->set_aside
            ? "INSERT INTO changes SELECT ?1, 'new', path, doc, mention, NULL,"
              " NULL, amount, currency, year, subject, country FROM figures"
            : "INSERT INTO changes SELECT ?1, 'new', f.path, f.doc, f.mention,"
              " NULL, NULL, f.amount, f.currency, f.year, f.subject, f.country"
              " FROM figures f WHERE f.path IN (SELECT path FROM touched) AND"
              " NOT EXISTS (SELECT 1 FROM prev p WHERE " SAME_KEY("f", "p") ")",
        &c->new_, err);
}

ft_status ft_store_commit(ft_store *s, const char *finished,
                          ft_store_counts *counts, ft_error *err)
{
    if (!s->in_run)
        return ft_error_set(err, FT_EUSAGE, "state database: no run");
    ft_store_counts c = {
        .inputs = s->inputs, .read = s->read, .unchanged = s->unchanged};
    ft_status st = FT_OK;
    if ((st = count_of(s,
                       "SELECT count(*) FROM articles WHERE path NOT IN"
                       " (SELECT path FROM seen)",
                       &c.deleted, err)) != FT_OK)
        goto fail;
    /* Every figure and reject is of an article (ft_store_article comes
     * first): with no article gone, nothing is to drop, and the drops'
     * scans of every figure are spared. */
    if (c.deleted > 0 && (st = drop_deleted(s, err)) != FT_OK)
        goto fail;
    if ((st = record_changes(s, &c, err)) != FT_OK ||
        (st = count_of(s, "SELECT count(*) FROM figures", &c.figures, err)) !=
            FT_OK ||
        (st = count_of(s, "SELECT count(*) FROM rejects", &c.rejected, err)) !=
            FT_OK)
        goto fail;
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(
            s->db,
            "UPDATE runs SET finished = ?2, inputs = ?3, read = ?4,"
            " unchanged = ?5, deleted = ?6, rejected = ?7, figures = ?8,"
            " new = ?9, revised = ?10, gone = ?11 WHERE id = ?1",
            -1, &q, NULL) != SQLITE_OK) {
        st = db_error(s, FT_EIO, err, "cannot prepare");
        goto fail;
    }
    sqlite3_bind_int64(q, 1, s->run);
    sqlite3_bind_text(q, 2, finished ? finished : "", -1, SQLITE_TRANSIENT);
    const long v[] = {c.inputs,  c.read, c.unchanged, c.deleted, c.rejected,
                      c.figures, c.new_, c.revised,   c.gone};
    for (int i = 0; i < 9; i++)
        sqlite3_bind_int64(q, i + 3, v[i]);
    int rc = sqlite3_step(q);
    sqlite3_finalize(q);
    if (rc != SQLITE_DONE) {
        st = db_error(s, FT_EIO, err, "cannot record the run");
        goto fail;
    }
    /* The outputs depend on nothing else: a run that read nothing and
     * dropped nothing leaves the generation, and so the outputs, as they
     * were. */
    if ((c.read > 0 || c.deleted > 0) &&
        (st = exec(s,
                   "UPDATE meta SET value = value + 1"
                   " WHERE key = 'generation'",
                   err)) != FT_OK)
        goto fail;
    if ((st = exec(s, "COMMIT", err)) != FT_OK)
        goto fail;
    s->in_run = false;
    if (counts)
        *counts = c;
    return FT_OK;
fail:
    ft_store_rollback(s);
    return st;
}

void ft_store_rollback(ft_store *s)
{
    if (!s->in_run)
        return;
    sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    s->in_run = false;
}

/* ---- reading back ---------------------------------------------------- */

#define MAX_COLS 32

static ft_status each_row(ft_store *s, const char *text, ft_store_row_fn fn,
                          void *ctx, ft_error *err)
{
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(s->db, text, -1, &q, NULL) != SQLITE_OK)
        return db_error(s, FT_EIO, err, "cannot prepare");
    int n = sqlite3_column_count(q);
    if (n > MAX_COLS)
        n = MAX_COLS;
    const char *cells[MAX_COLS];
    size_t lens[MAX_COLS];
    ft_status st = FT_OK;
    int rc;
    while (st == FT_OK && (rc = sqlite3_step(q)) == SQLITE_ROW) {
        for (int i = 0; i < n; i++) {
            const unsigned char *t = sqlite3_column_text(q, i);
            cells[i] = t ? (const char *)t : "";
            lens[i] = t ? (size_t)sqlite3_column_bytes(q, i) : 0;
        }
        st = fn(ctx, cells, lens, (size_t)n, err);
    }
    if (st == FT_OK && rc != SQLITE_DONE)
        st = db_error(s, FT_EIO, err, "cannot read");
    sqlite3_finalize(q);
    return st;
}

ft_status ft_store_figures(ft_store *s, ft_store_row_fn fn, void *ctx,
                           ft_error *err)
{
    return each_row(s,
                    "SELECT doc, published, mention, start, \"end\", surface,"
                    " amount, amount_max, currency, qualifier, kind,"
                    " reported_amount, reported_currency, year, year_basis,"
                    " subject, country, flags, sentence, source, title, url"
                    " FROM figures"
                    " ORDER BY path, ord",
                    fn, ctx, err);
}

const char *const ft_store_changes_columns[] = {
    "change",     "path",         "doc",        "mention",
    "old_amount", "old_currency", "new_amount", "new_currency",
    "year",       "subject",      "country",
};

ft_status ft_store_changes(ft_store *s, ft_store_row_fn fn, void *ctx,
                           ft_error *err)
{
    return each_row(s,
                    "SELECT change, path, doc, mention, old_amount,"
                    " old_currency, new_amount, new_currency, year, subject,"
                    " country FROM changes WHERE run = (SELECT max(run) FROM"
                    " changes) ORDER BY path, doc, mention, change",
                    fn, ctx, err);
}

const char *const ft_store_rejects_columns[] = {"path", "hash", "reason"};

ft_status ft_store_rejects(ft_store *s, ft_store_row_fn fn, void *ctx,
                           ft_error *err)
{
    return each_row(s,
                    "SELECT what, hash, reason FROM rejects"
                    " ORDER BY path, what, reason",
                    fn, ctx, err);
}

ft_status ft_store_count_rejects(ft_store *s, long *n, ft_error *err)
{
    return count_of(s, "SELECT count(*) FROM rejects", n, err);
}

ft_status ft_store_generation(ft_store *s, long *gen, ft_error *err)
{
    return count_of(s, "SELECT value FROM meta WHERE key = 'generation'", gen,
                    err);
}

ft_status ft_store_outputs_current(ft_store *s, const char *dir,
                                   const char *key, bool *current,
                                   ft_error *err)
{
    *current = false;
    long gen;
    ft_status st = ft_store_generation(s, &gen, err);
    if (st != FT_OK)
        return st;
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(s->db,
                           "SELECT key = ?2 AND generation = ?3 FROM outputs"
                           " WHERE dir = ?1",
                           -1, &q, NULL) != SQLITE_OK)
        return db_error(s, FT_EIO, err, "cannot prepare");
    sqlite3_bind_text(q, 1, dir, -1, SQLITE_STATIC);
    sqlite3_bind_text(q, 2, key, -1, SQLITE_STATIC);
    sqlite3_bind_int64(q, 3, gen);
    int rc = sqlite3_step(q);
    if (rc == SQLITE_ROW)
        *current = sqlite3_column_int(q, 0) != 0;
    sqlite3_finalize(q);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return db_error(s, FT_EIO, err, "cannot read");
    return FT_OK;
}

ft_status ft_store_outputs_written(ft_store *s, const char *dir,
                                   const char *key, const ft_error *warnings,
                                   size_t nwarnings, ft_error *err)
{
    long gen;
    ft_status st = ft_store_generation(s, &gen, err);
    if (st != FT_OK || (st = exec(s, "BEGIN IMMEDIATE", err)) != FT_OK)
        return st;
    sqlite3_stmt *q = NULL, *w = NULL, *d = NULL;
    if (sqlite3_prepare_v2(s->db,
                           "INSERT OR REPLACE INTO outputs VALUES (?1, ?2, ?3)",
                           -1, &q, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(s->db, "DELETE FROM warnings WHERE dir = ?1", -1, &d,
                           NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(s->db,
                           "INSERT INTO warnings VALUES (?1, ?2, ?3, ?4)", -1,
                           &w, NULL) != SQLITE_OK) {
        st = db_error(s, FT_EIO, err, "cannot prepare");
        goto done;
    }
    sqlite3_bind_text(q, 1, dir, -1, SQLITE_STATIC);
    sqlite3_bind_text(q, 2, key, -1, SQLITE_STATIC);
    sqlite3_bind_int64(q, 3, gen);
    sqlite3_bind_text(d, 1, dir, -1, SQLITE_STATIC);
    if (sqlite3_step(q) != SQLITE_DONE || sqlite3_step(d) != SQLITE_DONE) {
        st = db_error(s, FT_EIO, err, "cannot update");
        goto done;
    }
    for (size_t i = 0; i < nwarnings; i++) {
        const ft_error *e = &warnings[i];
        sqlite3_reset(w);
        sqlite3_bind_text(w, 1, dir, -1, SQLITE_STATIC);
        sqlite3_bind_text(w, 2, e->file, -1, SQLITE_STATIC);
        sqlite3_bind_int64(w, 3, e->line);
        sqlite3_bind_text(w, 4, e->message, -1, SQLITE_STATIC);
        if (sqlite3_step(w) != SQLITE_DONE) {
            st = db_error(s, FT_EIO, err, "cannot update");
            goto done;
        }
    }
done:
    sqlite3_finalize(q);
    sqlite3_finalize(d);
    sqlite3_finalize(w);
    if (st == FT_OK)
        st = exec(s, "COMMIT", err);
    if (st != FT_OK)
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    return st;
}
