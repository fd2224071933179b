/* run.h — `figtrend run` as a library call: the scheduled, incremental
 * job (extract what changed, keep it in the state database, then write
 * figures.csv, changes.csv, rejects.csv, the converted figures and the
 * report).
 *
 * One run at a time: it holds an exclusive flock on STATE/lock from start
 * to end, and the report folder's lock (DIR/.figtrend.lock, the one
 * `report` takes) while writing there.  The state changes in one
 * transaction; every output is written to a temporary name, flushed and
 * renamed, then the folder is flushed: a kill at any moment leaves the
 * previous complete outputs and the last committed state, and the next
 * run ends where a clean run would.
 *
 * Outputs depend only on the state and the options (no times, no run
 * numbers): two runs over the same inputs leave them byte-identical.
 *
 * Ownership: everything in ft_run_opts is borrowed for the call.
 */
#ifndef FT_RUN_H
#define FT_RUN_H

#include <stdbool.h>
#include <stddef.h>

#include "article.h"
#include "convert.h"
#include "extract.h"
#include "report.h"
#include "store.h"

#define FT_RUN_LOCK "lock"
#define FT_RUN_DB "figtrend.db"
#define FT_RUN_REPORT_LOCK ".figtrend.lock"

typedef struct {
    const char *const *inputs; /* files and folders (not "-") */
    size_t ninputs;
    const char *out_dir;   /* required */
    const char *state_dir; /* required; created when missing */
    double wait_seconds;   /* for the locks; 0: fail at once */

    ft_reader_opts reader; /* recursive, max_bytes, date, ... */
    ft_extract_opts tables;
    /* Threads that extract (0 or 1: the calling thread only; see
     * ft_pipeline_jobs).  The state and every output are the same for
     * any number. */
    unsigned jobs;
    const char *extractor;   /* version of the extractor */
    const char *tables_hash; /* hash of the alias and countries tables */
    const char *started;     /* a time for the runs table only, or NULL */
    /* What the outputs depend on besides the state (options, the rate and
     * price tables, the program), as one string.  When set, a run that
     * finds nothing new and outputs written from the same state with the
     * same key leaves them as they are; NULL: always write them. */
    const char *outputs_key;

    /* Conversion: skipped when rates is NULL (the report then shows
     * amounts in their own currencies). */
    ft_convert_opts convert;
    ft_report_opts report; /* out_dir is set from out_dir */
    /* The GDP table for report.gdp, loaded only when the outputs are
     * written (a run that keeps them never needs it): NULL or "" for
     * none; one that does not load is left out, as `report` leaves it. */
    const char *gdp_path;

    /* Hooks, each may be NULL: progress over the inputs (done of total),
     * an input rejected by this run, a warning (stale tables, a figure
     * that does not convert, a row the report leaves out). */
    void (*progress)(void *ctx, size_t done, size_t total);
    void (*rejected)(void *ctx, const ft_error *why);
    void (*warn)(void *ctx, const ft_error *w);
    void *ctx;
} ft_run_opts;

typedef struct {
    ft_store_counts counts;  /* of the state */
    ft_report_result report; /* of the report */
    ft_convert_counts convert;
    bool outputs_kept; /* nothing new: the outputs were current */
} ft_run_result;

/* Run once.  FT_OK when every output is written (res->counts.rejected
 * says whether some inputs stand rejected: partial success);
 * FT_ELOCKED when another run holds the lock past the wait; FT_ENOINPUT
 * when an INPUT is missing (nothing changed); FT_ECANTCREAT, FT_EIO,
 * FT_ENOMEM, or a conversion's or the report's failure. */
ft_status ft_run(const ft_run_opts *o, ft_run_result *res, ft_error *err);

#endif
