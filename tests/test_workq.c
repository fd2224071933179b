/* test_workq.c — the ordered work queue: items come out in the order they
 * went in whatever order the workers finish them, each worked once, items
 * without work never touched, never more than cap inside, and a pop that
 * does not wait does not wait; a pop that waits does the work of an item
 * no worker has begun; with no workers, push does the work. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "workq.h"

typedef struct {
    int seq;
    int worked;    /* times a worker ran on it */
    unsigned spin; /* how long its work takes */
    bool work;
} item;

/* Work of uneven length, so that later items often finish first. */
static void slow_work(void *ctx, void *p)
{
    (void)ctx;
    item *it = p;
    if (it->spin % 3 == 0) {
        struct timespec ts = {0, (long)(it->spin % 200) * 1000};
        nanosleep(&ts, NULL);
    }
    volatile unsigned x = 0;
    for (unsigned i = 0; i < it->spin * 50; i++)
        x += i;
    it->worked++;
}

static void run_stream(unsigned workers, size_t cap, int n)
{
    item *items = calloc((size_t)n, sizeof *items);
    assert_non_null(items);
    ft_workq *q;
    assert_int_equal(ft_workq_new(workers, cap, slow_work, NULL, &q, NULL),
                     FT_OK);
    assert_int_equal(ft_workq_workers(q), workers);
    unsigned seed = 12345;
    int pushed = 0, popped = 0;
    while (popped < n) {
        /* Push while there is room, pop what is ready, wait when full. */
        while (pushed < n && !ft_workq_full(q)) {
            item *it = &items[pushed];
            seed = seed * 1103515245u + 12345u;
            it->seq = pushed;
            it->spin = (seed >> 16) % 400;
            it->work = (seed >> 8) % 7 != 0;
            ft_workq_push(q, it, it->work);
            pushed++;
        }
        assert_true(ft_workq_len(q) <= cap);
        item *it = ft_workq_pop(q, pushed == n || ft_workq_full(q));
        while (it) {
            assert_int_equal(it->seq, popped);
            assert_int_equal(it->worked, it->work ? 1 : 0);
            popped++;
            it = ft_workq_pop(q, false);
        }
    }
    assert_int_equal(ft_workq_len(q), 0);
    assert_null(ft_workq_pop(q, true)); /* empty: no wait */
    ft_workq_free(q);
    free(items);
}

static void test_order_kept_one_worker(void **state)
{
    (void)state;
    run_stream(1, 1, 200);
    run_stream(1, 4, 500);
}

static void test_order_kept_many_workers(void **state)
{
    (void)state;
    run_stream(2, 8, 2000);
    run_stream(7, 28, 2000);
    run_stream(5, 3, 1000); /* fewer slots than workers */
}

/* A work that waits for the test to open a gate. */
typedef struct {
    pthread_mutex_t m;
    pthread_cond_t c;
    bool open;
} gate;

static void gated_work(void *ctx, void *p)
{
    gate *g = ctx;
    pthread_mutex_lock(&g->m);
    while (!g->open)
        pthread_cond_wait(&g->c, &g->m);
    pthread_mutex_unlock(&g->m);
    ((item *)p)->worked++;
}

static void test_pop_without_wait(void **state)
{
    (void)state;
    gate g = {PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, false};
    ft_workq *q;
    assert_int_equal(ft_workq_new(2, 2, gated_work, &g, &q, NULL), FT_OK);
    item a = {0}, b = {0}, c = {0};
    assert_null(ft_workq_pop(q, false)); /* empty */
    ft_workq_push(q, &a, true);
    ft_workq_push(q, &b, false);
    assert_true(ft_workq_full(q));
    /* b is ready, but a is older and not done. */
    assert_null(ft_workq_pop(q, false));
    pthread_mutex_lock(&g.m);
    g.open = true;
    pthread_cond_broadcast(&g.c);
    pthread_mutex_unlock(&g.m);
    assert_ptr_equal(ft_workq_pop(q, true), &a);
    assert_int_equal(a.worked, 1);
    assert_ptr_equal(ft_workq_pop(q, false), &b);
    assert_int_equal(b.worked, 0);
    ft_workq_push(q, &c, true);
    assert_ptr_equal(ft_workq_pop(q, true), &c);
    assert_int_equal(c.worked, 1);
    ft_workq_free(q);
}

/* The first item's work waits (ten seconds at most) for the second's,
 * which opens the gate; each notes the thread it ran on. */
typedef struct {
    pthread_mutex_t m;
    pthread_cond_t c;
    bool first_begun, open;
} relay;

typedef struct {
    int seq;
    bool saw_open;
    pthread_t ran_on;
} relay_item;

static void relay_work(void *ctx, void *p)
{
    relay *r = ctx;
    relay_item *it = p;
    it->ran_on = pthread_self();
    pthread_mutex_lock(&r->m);
    if (it->seq == 0) {
        r->first_begun = true;
        pthread_cond_broadcast(&r->c);
        struct timespec until;
        clock_gettime(CLOCK_REALTIME, &until);
        until.tv_sec += 10;
        while (!r->open && pthread_cond_timedwait(&r->c, &r->m, &until) == 0)
            ;
        it->saw_open = r->open;
    } else {
        r->open = true;
        pthread_cond_broadcast(&r->c);
    }
    pthread_mutex_unlock(&r->m);
}

/* While it waits in pop for the oldest item, the owner does the work of
 * an item no worker has begun (extract --jobs N runs N - 1 workers and
 * the reading thread so): here the only worker is held by the first
 * item until the second's work is done, which only the owner can do. */
static void test_owner_works_while_waiting(void **state)
{
    (void)state;
    relay r = {PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, false,
               false};
    ft_workq *q;
    assert_int_equal(ft_workq_new(1, 2, relay_work, &r, &q, NULL), FT_OK);
    relay_item a = {.seq = 0}, b = {.seq = 1};
    ft_workq_push(q, &a, true);
    pthread_mutex_lock(&r.m);
    while (!r.first_begun)
        pthread_cond_wait(&r.c, &r.m);
    pthread_mutex_unlock(&r.m);
    ft_workq_push(q, &b, true);
    assert_ptr_equal(ft_workq_pop(q, true), &a);
    assert_true(a.saw_open);
    assert_false(pthread_equal(a.ran_on, pthread_self()));
    assert_ptr_equal(ft_workq_pop(q, false), &b);
    assert_true(pthread_equal(b.ran_on, pthread_self()));
    ft_workq_free(q);
}

static void test_free_idle_and_unused(void **state)
{
    (void)state;
    ft_workq *q;
    assert_int_equal(ft_workq_new(3, 6, slow_work, NULL, &q, NULL), FT_OK);
    ft_workq_free(q);
    ft_workq_free(NULL);
    /* A cap of zero asks for one slot. */
    assert_int_equal(ft_workq_new(1, 0, slow_work, NULL, &q, NULL), FT_OK);
    item a = {.spin = 3};
    ft_workq_push(q, &a, true);
    assert_true(ft_workq_full(q));
    assert_ptr_equal(ft_workq_pop(q, true), &a);
    assert_int_equal(a.worked, 1);
    ft_workq_free(q);
}

/* No workers: push does the work before it returns, on this thread, and
 * the items still come out in order (what extract --jobs 1 runs on). */
static void test_no_workers(void **state)
{
    (void)state;
    ft_workq *q;
    assert_int_equal(ft_workq_new(0, 2, slow_work, NULL, &q, NULL), FT_OK);
    assert_int_equal(ft_workq_workers(q), 0);
    item a = {.spin = 3}, b = {.spin = 4};
    ft_workq_push(q, &a, true);
    assert_int_equal(a.worked, 1);
    ft_workq_push(q, &b, false);
    assert_int_equal(b.worked, 0);
    assert_true(ft_workq_full(q));
    assert_ptr_equal(ft_workq_pop(q, false), &a);
    assert_ptr_equal(ft_workq_pop(q, false), &b);
    assert_null(ft_workq_pop(q, true)); /* empty: no wait */
    ft_workq_free(q);
    run_stream(0, 1, 300);
    run_stream(0, 5, 300);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_order_kept_one_worker),
        cmocka_unit_test(test_order_kept_many_workers),
        cmocka_unit_test(test_pop_without_wait),
        cmocka_unit_test(test_owner_works_while_waiting),
        cmocka_unit_test(test_free_idle_and_unused),
        cmocka_unit_test(test_no_workers),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
