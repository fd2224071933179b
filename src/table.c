/* table.c — CSV tables read a row at a time through libcsv. */
#include "table.h"

#include <csv.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "number.h"
#include "text.h"

typedef struct {
    const char *name;
    ft_table_row_fn fn;
    void *ctx;
    ft_error *err;
    ft_status st;   /* first failure: stops everything */
    ft_buf row;     /* the cells of the row being read, one after another,
                     * each NUL-terminated: one copy each, in one place */
    size_t *starts; /* where each cell starts in row */
    size_t *lens;
    char **ptrs;
    size_t n, cap; /* cells of the row being read; room for cap */
    long line;     /* the line being fed */
    long row_line; /* the line the row being read starts on */
    bool between;  /* no cell of the next row seen yet */
    long rows;     /* rows handed over (the header included) */
} reader;

static ft_status grow(reader *r)
{
    size_t cap = r->cap ? r->cap * 2 : 32;
    size_t *starts = realloc(r->starts, cap * sizeof *starts);
    if (!starts)
        return FT_ENOMEM;
    r->starts = starts;
    size_t *lens = realloc(r->lens, cap * sizeof *lens);
    if (!lens)
        return FT_ENOMEM;
    r->lens = lens;
    char **ptrs = realloc(r->ptrs, cap * sizeof *ptrs);
    if (!ptrs)
        return FT_ENOMEM;
    r->ptrs = ptrs;
    r->cap = cap;
    return FT_OK;
}

static void on_field(void *data, size_t n, void *ctx)
{
    reader *r = ctx;
    if (r->st != FT_OK)
        return;
    if (r->between) { /* a row that starts inside a line (CR line ends) */
        r->row_line = r->line;
        r->between = false;
    }
    if ((r->n == r->cap && grow(r) != FT_OK) ||
        ft_buf_reserve(&r->row, n) != FT_OK) {
        r->st = ft_error_set(r->err, FT_ENOMEM, "out of memory");
        return;
    }
    char *at = r->row.data + r->row.len;
    if (n)
        memcpy(at, data, n);
    at[n] = '\0';
    r->starts[r->n] = r->row.len;
    r->lens[r->n] = n;
    r->row.len += n + 1;
    r->n++;
}

static void on_row(int terminator, void *ctx)
{
    (void)terminator;
    reader *r = ctx;
    size_t n = r->n;
    r->n = 0;
    r->row.len = 0; /* the cells stay there until the next field */
    r->between = true;
    if (r->st != FT_OK)
        return;
    if (n == 0 || (n == 1 && r->lens[0] == 0))
        return; /* a blank line */
    for (size_t i = 0; i < n; i++)
        r->ptrs[i] = r->row.data + r->starts[i];
    r->rows++;
    if (r->err) {
        r->err->file[0] = '\0';
        r->err->line = 0;
    }
    ft_status st = r->fn(r->ctx, r->ptrs, r->lens, n, r->row_line, r->err);
    if (st != FT_OK) {
        r->st = st;
        if (r->err && !r->err->file[0])
            ft_error_at(r->err, r->name,
                        r->err->line ? r->err->line : r->row_line);
    }
}

static bool blank_line(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != '\n' && s[i] != '\r' && s[i] != ' ' && s[i] != '\t')
            return false;
    return true;
}

/* The lines of a stream as getline gives them (each with its '\n', the
 * last one maybe without), cut from blocks read whole: getline's cost per
 * line was more than the search for its end. */
typedef struct {
    FILE *in;
    char *buf;
    size_t cap;
    size_t start, end; /* read, not yet handed out: buf[start..end) */
    bool done;         /* the end of the input or a read error seen */
} line_reader;

/* The next line at *line, *n bytes; *n 0 when there is none. */
static ft_status next_line(line_reader *L, const char **line, size_t *n)
{
    size_t scanned = L->start; /* no '\n' in buf[start..scanned) */
    for (;;) {
        const char *nl = L->end > scanned
                             ? memchr(L->buf + scanned, '\n', L->end - scanned)
                             : NULL;
        if (nl || (L->done && L->start < L->end)) {
            *line = L->buf + L->start;
            *n = nl ? (size_t)(nl + 1 - *line) : L->end - L->start;
            L->start += *n;
            return FT_OK;
        }
        if (L->done) {
            *n = 0;
            return FT_OK;
        }
        /* The line goes on: to the front with it, a bigger buffer when it
         * fills this one, and read on. */
        size_t have = L->end - L->start;
        if (L->start > 0) {
            memmove(L->buf, L->buf + L->start, have);
            L->start = 0;
            L->end = have;
        }
        scanned = have;
        if (L->end == L->cap) {
            size_t cap = L->cap ? L->cap * 2 : (size_t)1 << 16;
            char *b = cap > L->cap ? realloc(L->buf, cap) : NULL;
            if (!b)
                return FT_ENOMEM;
            L->buf = b;
            L->cap = cap;
        }
        size_t room = L->cap - L->end;
        size_t got = fread(L->buf + L->end, 1, room, L->in);
        L->end += got;
        L->done = got < room; /* fread stops short only there */
    }
}

static ft_status malformed(reader *r, ft_status bad, struct csv_parser *p)
{
    ft_error_set(r->err, bad, "malformed CSV (%s)", csv_strerror(csv_error(p)));
    ft_error_at(r->err, r->name, r->line);
    return bad;
}

ft_status ft_table_read(FILE *in, const char *name, ft_status bad,
                        ft_table_row_fn row, void *ctx, ft_error *err)
{
    reader r = {
        .name = name, .fn = row, .ctx = ctx, .err = err, .between = true};
    ft_buf_init(&r.row);
    struct csv_parser p;
    if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI) != 0)
        return ft_error_set(err, FT_ENOMEM, "out of memory");
    line_reader lines = {.in = in};
    const char *line;
    size_t n;
    ft_status st;
    /* One line at a time, so that each row knows the line it starts on. */
    while ((st = next_line(&lines, &line, &n)) == FT_OK && n > 0) {
        size_t skip = 0;
        r.line++;
        if (r.line == 1 && n >= 3 && memcmp(line, "\xEF\xBB\xBF", 3) == 0)
            skip = 3; /* a byte order mark */
        if (r.between && !blank_line(line + skip, n - skip)) {
            r.row_line = r.line;
            r.between = false;
        }
        if (csv_parse(&p, line + skip, n - skip, on_field, on_row, &r) !=
            n - skip) {
            st = malformed(&r, bad, &p);
            break;
        }
        if (r.st != FT_OK)
            break;
    }
    if (st == FT_ENOMEM)
        ft_error_set(err, FT_ENOMEM, "out of memory");
    if (st == FT_OK && r.st == FT_OK && ferror(in))
        st = ft_error_set(err, FT_EIO, "read error");
    if (st == FT_OK && r.st == FT_OK &&
        csv_fini(&p, on_field, on_row, &r) != 0) {
        st = malformed(&r, bad, &p);
        if (err)
            err->line = r.row_line;
    }
    if (st == FT_OK)
        st = r.st;
    if (st == FT_OK && r.rows == 0)
        st = ft_error_set(err, bad, "empty: no header row");
    if (st != FT_OK && err && !err->file[0])
        ft_error_at(err, name, err->line);
    csv_free(&p);
    free(lines.buf);
    ft_buf_free(&r.row);
    free(r.starts);
    free(r.lens);
    free(r.ptrs);
    return st;
}

long ft_table_column(char *const *cells, size_t n, const char *column)
{
    long at = -1;
    for (size_t i = 0; i < n; i++)
        if (strcasecmp(cells[i], column) == 0) {
            if (at >= 0)
                return -2;
            at = (long)i;
        }
    return at;
}

bool ft_table_parse_year(const char *s, int *out)
{
    size_t n = strlen(s);
    if (n == 0 || n > 4)
        return false;
    int v = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return false;
        v = v * 10 + (s[i] - '0');
    }
    if (v < 1)
        return false;
    *out = v;
    return true;
}

void ft_table_source_name(const char *path, char *buf, size_t n)
{
    const char *slash = strrchr(path, '/');
    snprintf(buf, n, "%s", slash && slash[1] ? slash + 1 : path);
}

bool ft_table_parse_number(const char *s, double *out)
{
    if (!*s)
        return false;
    const char *p = s;
    for (; *p; p++)
        if (!((*p >= '0' && *p <= '9') || *p == '.' || *p == '-' || *p == '+' ||
              *p == 'e' || *p == 'E'))
            return false;
    /* the tables' numbers are short: strtod's value without strtod */
    if (ft_decimal_parse_double(s, (size_t)(p - s), out))
        return true;
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (*end || errno == ERANGE || !isfinite(v))
        return false;
    *out = v;
    return true;
}

const char *ft_table_number_why(const char *s)
{
    if (!*s)
        return "is not a number";
    for (const char *p = s; *p; p++)
        if (!((*p >= '0' && *p <= '9') || *p == '.' || *p == '-' || *p == '+' ||
              *p == 'e' || *p == 'E'))
            return "is not a number";
    char *end;
    errno = 0;
    (void)strtod(s, &end);
    return !*end && errno == ERANGE ? "is out of range" : "is not a number";
}

/* -------------------------------------------------------- annual tables */

typedef struct {
    const ft_annual_spec *spec;
    ft_annual *a;
    long col_year, col_cur, col_value;
    size_t ncols; /* 0 until the header is read */
    size_t last;  /* the series of the row before (a table lists a
                   * currency's years together), SIZE_MAX for none */
} annual_loader;

/* A code of at most three bytes as a number that sorts as strcmp does
 * ("AED" < "AFN"): its bytes first to last, high to low, then zeros.
 * False for a longer string, which no series has. */
static bool code_key(const char *cur, uint32_t *key)
{
    uint32_t k = 0;
    int i = 0;
    for (; i < 3 && cur[i]; i++)
        k |= (uint32_t)(unsigned char)cur[i] << (24 - 8 * i);
    *key = k;
    return cur[i] == '\0';
}

ft_annual_series *ft_annual_find(const ft_annual *a, const char *cur)
{
    uint32_t key;
    if (!code_key(cur, &key))
        return NULL;
    /* A binary search finds it in a table in code order (the rates, about
     * six look-ups a figure: a search by strcmp of every series was a
     * fifth of convert); the scan finds it in any other order (the
     * prices keep the table's).  Codes are unique, so whatever the
     * binary search finds is the series. */
    size_t lo = 0, hi = a->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (a->s[mid].key < key)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < a->n && a->s[lo].key == key)
        return &a->s[lo];
    for (size_t i = 0; i < a->n; i++)
        if (a->s[i].key == key)
            return &a->s[i];
    return NULL;
}

static ft_annual_series *annual_find_or_add(annual_loader *l, const char *cur)
{
    ft_annual *a = l->a;
    /* the row before's series first: the search of all of them for each
     * row was a seventh of a report's start */
    if (l->last < a->n && strcmp(a->s[l->last].cur, cur) == 0)
        return &a->s[l->last];
    ft_annual_series *s = ft_annual_find(a, cur);
    if (!s) {
        if (ft_grow((void **)&a->s, &a->cap, a->n, sizeof *a->s, 16) != FT_OK)
            return NULL;
        s = &a->s[a->n++];
        memset(s, 0, sizeof *s);
        memcpy(s->cur, cur, 4);
        code_key(s->cur, &s->key);
    }
    l->last = (size_t)(s - a->s);
    return s;
}

static ft_status annual_header(annual_loader *l, char *const *cells, size_t n,
                               ft_error *err)
{
    const char *want[] = {"year", "currency", l->spec->column};
    long *col[] = {&l->col_year, &l->col_cur, &l->col_value};
    for (int i = 0; i < 3; i++) {
        *col[i] = ft_table_column(cells, n, want[i]);
        if (*col[i] == -2)
            return ft_error_set(err, FT_ECONFIG,
                                "column '%s' named twice in the header",
                                want[i]);
        if (*col[i] < 0)
            return ft_error_set(err, FT_ECONFIG,
                                "no '%s' column in the header row (a %s "
                                "table has year, currency, %s)",
                                want[i], l->spec->table, l->spec->column);
    }
    l->ncols = n;
    return FT_OK;
}

static ft_status annual_row(void *ctx, char *const *cells, const size_t *lens,
                            size_t n, long line, ft_error *err)
{
    (void)lens;
    annual_loader *l = ctx;
    if (l->ncols == 0)
        return annual_header(l, cells, n, err);
    if (n != l->ncols)
        return ft_error_set(err, FT_ECONFIG,
                            "%zu cells where the header has %zu", n, l->ncols);
    const char *ys = cells[l->col_year], *cur = cells[l->col_cur],
               *vs = cells[l->col_value];
    int year;
    double value;
    bool keep = true;
    if (!ft_table_parse_year(ys, &year))
        return ft_error_set(err, FT_ECONFIG,
                            "year '%s' is not a year (1 to 9999)", ys);
    if (!l->spec->currency_ok(cur))
        return ft_error_set(err, FT_ECONFIG,
                            "currency '%s' is not an ISO 4217 code (three "
                            "capital letters)",
                            cur);
    ft_status st = l->spec->value(cur, vs, &value, &keep, err);
    if (st != FT_OK || !keep)
        return st;
    ft_annual_series *s = annual_find_or_add(l, cur);
    if (!s ||
        ft_grow((void **)&s->pts, &s->cap, s->n, sizeof *s->pts, 64) != FT_OK)
        return ft_error_set(err, FT_ENOMEM, "out of memory");
    s->pts[s->n++] =
        (ft_annual_point){.year = year, .value = value, .line = line};
    return FT_OK;
}

static int cmp_annual_point(const void *a, const void *b)
{
    const ft_annual_point *p = a, *q = b;
    if (p->year != q->year)
        return p->year < q->year ? -1 : 1;
    return p->line < q->line ? -1 : p->line > q->line;
}

/* Sort a series by year (unless the table already lists it in order,
 * as ours do) and refuse a year given twice. */
static ft_status annual_sort(ft_annual_series *s, const ft_annual_spec *spec,
                             const char *name, ft_error *err)
{
    if (!ft_sorted(s->pts, s->n, sizeof *s->pts, cmp_annual_point))
        qsort(s->pts, s->n, sizeof *s->pts, cmp_annual_point);
    for (size_t i = 1; i < s->n; i++)
        if (s->pts[i].year == s->pts[i - 1].year) {
            ft_error_set(err, FT_ECONFIG,
                         "%s %d given twice (first on line %ld)%s", s->cur,
                         s->pts[i].year, s->pts[i - 1].line, spec->twice);
            ft_error_at(err, name, s->pts[i].line);
            return FT_ECONFIG;
        }
    return FT_OK;
}

ft_status ft_table_load_annual(FILE *in, const char *name,
                               const ft_annual_spec *spec, ft_annual *out,
                               ft_error *err)
{
    *out = (ft_annual){0};
    annual_loader l = {.spec = spec, .a = out, .last = SIZE_MAX};
    ft_status st = ft_table_read(in, name, FT_ECONFIG, annual_row, &l, err);
    for (size_t i = 0; st == FT_OK && i < out->n; i++)
        st = annual_sort(&out->s[i], spec, name, err);
    if (st != FT_OK)
        ft_annual_free(out);
    return st;
}

void ft_annual_free(ft_annual *a)
{
    for (size_t i = 0; i < a->n; i++)
        free(a->s[i].pts);
    free(a->s);
    *a = (ft_annual){0};
}
