/* pipeline.c — read, extract, hand over: one input at a time. */
#include "pipeline.h"

#include <stdlib.h>

struct ft_pipeline {
    ft_reader_opts reader;
    ft_extract_opts tables;
    ft_figlist figs; /* reused from article to article */
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
    return p;
}

void ft_pipeline_free(ft_pipeline *p)
{
    if (!p)
        return;
    ft_figlist_free(&p->figs);
    free(p);
}

static void reject(const ft_pipeline_sink *sink, ft_status st,
                   const ft_error *why)
{
    if (sink->reject)
        sink->reject(sink->ctx, st, why);
}

ft_status ft_pipeline_input(ft_pipeline *p, const char *path,
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
