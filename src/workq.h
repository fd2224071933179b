/* workq.h — an ordered work queue: items go in at one end, worker threads
 * do each one's work in any order, and the items come out at the other end
 * in the order they went in.
 *
 * What `extract --jobs N` is made of (pipeline.c): one thread reads the
 * articles and pushes them, N - 1 worker threads extract, and the same
 * first thread pops them and writes them, so the output is the one a
 * single thread would write; while it waits to pop, that thread extracts
 * too (N threads at work, not N + 1 on N cores).  The queue holds at most
 * `cap` items: the owner has to pop before it pushes more, which keeps
 * memory bounded whatever the length of the stream.
 *
 * Threads: one thread, the owner (the one that made the queue), pushes,
 * pops and frees; `work` runs on the worker threads, one item at a time
 * each, and on the owner's in a pop that waits (it does the work of an
 * item no worker has begun while the oldest is not done), and in a queue
 * of no workers, where push does the work at once on the owner's thread
 * (`extract --jobs 1`: the same batches, in the same order, on one
 * thread).
 *
 * Ownership: the queue borrows each item from its push to its pop; between
 * the two only the worker that does its work touches it, and it is the
 * owner's again once popped.  `ctx` is borrowed for the queue's life and
 * shared by every worker at once, so `work` must only read it.
 */
#ifndef FT_WORKQ_H
#define FT_WORKQ_H

#include <stdbool.h>
#include <stddef.h>

#include "status.h"

typedef struct ft_workq ft_workq;

/* The work on one item, done on a worker thread. */
typedef void (*ft_workq_fn)(void *ctx, void *item);

/* A queue of `cap` items (at least 1) with `nworkers` threads running
 * work(ctx, item), or none (0: push does the work).  FT_OK with *out set;
 * FT_ENOMEM when memory or, with nworkers > 0, not one thread could be
 * had (err says which).  When only some threads could be started, the
 * queue runs with those. */
ft_status ft_workq_new(unsigned nworkers, size_t cap, ft_workq_fn work,
                       void *ctx, ft_workq **out, ft_error *err);

/* Stops and joins the workers once they are idle.  The queue should be
 * empty (pop every item first): items still in it are not popped, and
 * any work not begun is not done. */
void ft_workq_free(ft_workq *q);

/* Items pushed and not yet popped; true when there are cap of them. */
size_t ft_workq_len(const ft_workq *q);
bool ft_workq_full(const ft_workq *q);

/* The worker threads actually running. */
unsigned ft_workq_workers(const ft_workq *q);

/* Append item (not full: check ft_workq_full, pop first).  With work
 * false it is ready as it is, and comes out in its turn without a worker
 * touching it (a rejected input between two articles).  In a queue of no
 * workers, its work is done before push returns. */
void ft_workq_push(ft_workq *q, void *item, bool work);

/* The oldest item, once its work is done, taken out of the queue.  NULL
 * when the queue is empty, or when wait is false and that item's work is
 * not done yet; with wait true, until it is, does the work of items no
 * worker has begun (oldest first) and blocks when there are none. */
void *ft_workq_pop(ft_workq *q, bool wait);

#endif
