/* workq.c — a ring of items under one mutex: the owner adds at the tail
 * and takes from the head; workers, and the owner while it waits for the
 * head, hand themselves the oldest item not yet begun.  Positions are
 * counted from the queue's start (64 bits never wrap) and reduced modulo
 * cap only to index the ring. */
#include "workq.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    void *item;
    bool done; /* its work finished, or it had none */
} slot;

struct ft_workq {
    pthread_mutex_t lock;
    pthread_cond_t more; /* workers wait here for an item to begin */
    pthread_cond_t head; /* the owner waits here for the oldest to finish */
    slot *ring;
    size_t cap;
    uint64_t first; /* the oldest item not popped */
    uint64_t end;   /* one past the newest */
    uint64_t next;  /* the oldest item that may not be begun yet */
    bool stop;
    ft_workq_fn work;
    void *ctx;
    pthread_t *threads;
    unsigned nthreads;
};

static slot *at(ft_workq *q, uint64_t pos)
{
    return &q->ring[pos % q->cap];
}

/* With the lock held: the work of the oldest item not begun, done with
 * the lock let go (and the owner woken if that item is the oldest);
 * false when every item is begun. */
static bool work_next(ft_workq *q)
{
    /* Items pushed without work are done already: not ours. */
    while (q->next < q->end && at(q, q->next)->done)
        q->next++;
    if (q->next == q->end)
        return false;
    uint64_t pos = q->next++;
    void *item = at(q, pos)->item;
    pthread_mutex_unlock(&q->lock);
    q->work(q->ctx, item);
    pthread_mutex_lock(&q->lock);
    at(q, pos)->done = true;
    /* Only the oldest can be popped: the owner waits for no other. */
    if (pos == q->first)
        pthread_cond_signal(&q->head);
    return true;
}

static void *worker(void *arg)
{
    ft_workq *q = arg;
    pthread_mutex_lock(&q->lock);
    while (!q->stop)
        if (!work_next(q))
            pthread_cond_wait(&q->more, &q->lock);
    pthread_mutex_unlock(&q->lock);
    return NULL;
}

ft_status ft_workq_new(unsigned nworkers, size_t cap, ft_workq_fn work,
                       void *ctx, ft_workq **out, ft_error *err)
{
    *out = NULL;
    if (cap < 1)
        cap = 1;
    ft_workq *q = calloc(1, sizeof *q);
    if (!q)
        return ft_error_set(err, FT_ENOMEM, "out of memory");
    q->ring = calloc(cap, sizeof *q->ring);
    q->threads = calloc(nworkers ? nworkers : 1, sizeof *q->threads);
    if (!q->ring || !q->threads) {
        free(q->ring);
        free(q->threads);
        free(q);
        return ft_error_set(err, FT_ENOMEM, "out of memory");
    }
    q->cap = cap;
    q->work = work;
    q->ctx = ctx;
    pthread_mutex_init(&q->lock, NULL);
    pthread_cond_init(&q->more, NULL);
    pthread_cond_init(&q->head, NULL);
    while (q->nthreads < nworkers &&
           pthread_create(&q->threads[q->nthreads], NULL, worker, q) == 0)
        q->nthreads++;
    if (nworkers > 0 && q->nthreads == 0) {
        ft_workq_free(q);
        /* pthread_create fails only for want of memory or of threads
         * (EAGAIN): no strerror, which is not thread-safe. */
        return ft_error_set(err, FT_ENOMEM, "cannot start a thread");
    }
    *out = q;
    return FT_OK;
}

void ft_workq_free(ft_workq *q)
{
    if (!q)
        return;
    pthread_mutex_lock(&q->lock);
    q->stop = true;
    pthread_cond_broadcast(&q->more);
    pthread_mutex_unlock(&q->lock);
    for (unsigned i = 0; i < q->nthreads; i++)
        pthread_join(q->threads[i], NULL);
    pthread_cond_destroy(&q->head);
    pthread_cond_destroy(&q->more);
    pthread_mutex_destroy(&q->lock);
    free(q->threads);
    free(q->ring);
    free(q);
}

/* first and end change only in the owner's calls, and these are called
 * by the owner: no lock needed to read them. */
size_t ft_workq_len(const ft_workq *q)
{
    return (size_t)(q->end - q->first);
}

bool ft_workq_full(const ft_workq *q)
{
    return ft_workq_len(q) >= q->cap;
}

unsigned ft_workq_workers(const ft_workq *q)
{
    return q->nthreads;
}

void ft_workq_push(ft_workq *q, void *item, bool work)
{
    if (work && q->nthreads == 0) { /* no workers: the owner's work */
        q->work(q->ctx, item);
        work = false;
    }
    pthread_mutex_lock(&q->lock);
    *at(q, q->end) = (slot){item, !work};
    q->end++;
    if (work)
        pthread_cond_signal(&q->more);
    pthread_mutex_unlock(&q->lock);
}

void *ft_workq_pop(ft_workq *q, bool wait)
{
    void *item = NULL;
    pthread_mutex_lock(&q->lock);
    /* Waiting, the owner does the work of the oldest item not begun, as a
     * worker would, rather than sit idle: it is the N-th thread of
     * extract --jobs N (pipeline.c), not a reader waiting beside N. */
    while (q->first < q->end && !at(q, q->first)->done && wait)
        if (!work_next(q))
            pthread_cond_wait(&q->head, &q->lock);
    if (q->first < q->end && at(q, q->first)->done) {
        item = at(q, q->first)->item;
        q->first++;
        if (q->next < q->first)
            q->next = q->first;
    }
    pthread_mutex_unlock(&q->lock);
    return item;
}
