/* table.c — CSV tables read a row at a time through libcsv. */
#include "table.h"

#include <csv.h>
#include <errno.h>
#include <math.h>
#include <sys/types.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "text.h"

typedef struct {
    const char *name;
    ft_table_row_fn fn;
    void *ctx;
    ft_error *err;
    ft_status st; /* first failure: stops everything */
    ft_buf *cells;
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
    ft_buf *cells = realloc(r->cells, cap * sizeof *cells);
    if (!cells)
        return FT_ENOMEM;
    r->cells = cells;
    for (size_t i = r->cap; i < cap; i++)
        ft_buf_init(&cells[i]);
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
    if (r->n == r->cap && grow(r) != FT_OK) {
        r->st = ft_error_set(r->err, FT_ENOMEM, "out of memory");
        return;
    }
    ft_buf *b = &r->cells[r->n];
    ft_buf_clear(b);
    if (ft_buf_reserve(b, n) != FT_OK ||
        (n && ft_buf_append(b, data, n) != FT_OK)) {
        r->st = ft_error_set(r->err, FT_ENOMEM, "out of memory");
        return;
    }
    r->lens[r->n] = n;
    r->n++;
}

static void on_row(int terminator, void *ctx)
{
    (void)terminator;
    reader *r = ctx;
    size_t n = r->n;
    r->n = 0;
    r->between = true;
    if (r->st != FT_OK)
        return;
    if (n == 0 || (n == 1 && r->lens[0] == 0))
        return; /* a blank line */
    for (size_t i = 0; i < n; i++)
        r->ptrs[i] = r->cells[i].data;
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
    struct csv_parser p;
    if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI) != 0)
        return ft_error_set(err, FT_ENOMEM, "out of memory");
    char *line = NULL;
    size_t cap = 0;
    ssize_t got;
    ft_status st = FT_OK;
    /* One line at a time, so that each row knows the line it starts on. */
    while ((got = getline(&line, &cap, in)) > 0) {
        size_t n = (size_t)got, skip = 0;
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
    free(line);
    for (size_t i = 0; i < r.cap; i++)
        ft_buf_free(&r.cells[i]);
    free(r.cells);
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

bool ft_table_parse_number(const char *s, double *out)
{
    if (!*s)
        return false;
    for (const char *p = s; *p; p++)
        if (!((*p >= '0' && *p <= '9') || *p == '.' || *p == '-' || *p == '+' ||
              *p == 'e' || *p == 'E'))
            return false;
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (*end || errno == ERANGE || !isfinite(v))
        return false;
    *out = v;
    return true;
}
