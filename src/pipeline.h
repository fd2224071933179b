/* pipeline.h — the per-article loop that `extract` and `run` share: read
 * an input's articles, find each one's figures, hand them to a sink.
 *
 * The pipeline never prints: rejected inputs and each article's figures
 * go to the sink's callbacks, and only what stops the whole input (out of
 * memory, a sink's own failure) comes back as a status.
 *
 * Ownership: an ft_pipeline copies the option structs it is given but
 * borrows what they point to (the tables, the fallback date and source,
 * the warning hook's context), which must outlive it; it owns a scratch
 * figure list (ft_pipeline_free).  What the callbacks receive is borrowed
 * for the length of the call.
 */
#ifndef FT_PIPELINE_H
#define FT_PIPELINE_H

#include "article.h"
#include "extract.h"
#include "status.h"

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
} ft_pipeline_sink;

typedef struct ft_pipeline ft_pipeline;

/* A pipeline reading with `reader` (NULL: defaults) and extracting with
 * `tables` (NULL: no alias or countries tables).  NULL when out of
 * memory. */
ft_pipeline *ft_pipeline_new(const ft_reader_opts *reader,
                             const ft_extract_opts *tables);
void ft_pipeline_free(ft_pipeline *p);

/* Every article of `path` (a file, a directory, "-") through the
 * extractor to the sink.  FT_OK when the input was gone through, its
 * rejected parts told to sink->reject; FT_ENOMEM, or the status a sink's
 * `article` returned, when it stopped (err says why; an extractor failure
 * names the article). */
ft_status ft_pipeline_input(ft_pipeline *p, const char *path,
                            const ft_pipeline_sink *sink, ft_error *err);

#endif
