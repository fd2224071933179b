/* xlsx.c — report.xlsx: the report's tables and charts as one workbook. */
#include "xlsx.h"

#include <errno.h>
#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <xlsxwriter.h>

#include "chart.h"
#include "convert.h"
#include "figures.h"
#include "outfile.h"
#include "table.h"
#include "text.h"

/* A sheet's limits (Excel's, which LibreOffice shares): rows and columns
 * counted from 0, and the bytes of one text cell (the limit is 32767
 * characters; bytes are never fewer). */
#define MAX_ROW 1048575u
#define MAX_COL 16383u
#define MAX_TEXT 32767u
/* Columns are sized to their text, within these bounds (characters). */
#define WIDTH_MIN 8
#define WIDTH_MAX 60
/* Charts on the charts sheet: one every CHART_ROWS rows. */
#define CHART_ROWS 20

/* ---- the figures files kept --------------------------------------------- */

typedef struct {
    char *name;
    char *bytes;
    size_t len;
} kept;

struct ft_xlsx_figures {
    kept *files;
    size_t n, cap;
};

ft_xlsx_figures *ft_xlsx_figures_new(void)
{
    return calloc(1, sizeof(ft_xlsx_figures));
}

void ft_xlsx_figures_free(ft_xlsx_figures *f)
{
    if (!f)
        return;
    for (size_t i = 0; i < f->n; i++) {
        free(f->files[i].name);
        free(f->files[i].bytes);
    }
    free(f->files);
    free(f);
}

/* The whole of `in`, NUL-terminated, in fresh memory. */
static ft_status slurp(FILE *in, const char *name, ft_buf *b, ft_error *err)
{
    char chunk[65536];
    size_t got;
    errno = 0;
    while ((got = fread(chunk, 1, sizeof chunk, in)) > 0)
        if (ft_buf_append(b, chunk, got) != FT_OK)
            return ft_error_set(err, FT_ENOMEM, "out of memory");
    if (ferror(in)) {
        ft_error_set(err, FT_EIO, "read error: %s",
                     errno ? strerror(errno) : "unknown");
        ft_error_at(err, name, 0);
        return FT_EIO;
    }
    /* data stays NULL for an empty input: give fmemopen one byte. */
    return ft_buf_reserve(b, 1) == FT_OK
               ? FT_OK
               : ft_error_set(err, FT_ENOMEM, "out of memory");
}

ft_status ft_xlsx_figures_read(ft_xlsx_figures *f, ft_series_set *set, FILE *in,
                               const char *name, ft_series_warn_fn warn,
                               void *warn_ctx, ft_error *err)
{
    ft_buf b;
    ft_buf_init(&b);
    ft_status st = slurp(in, name, &b, err);
    if (st != FT_OK) {
        ft_buf_free(&b);
        return st;
    }
    /* The series read the same bytes, from memory. */
    FILE *mem = b.len ? fmemopen(b.data, b.len, "r") : fopen("/dev/null", "r");
    if (!mem) {
        ft_buf_free(&b);
        return ft_error_set(err, FT_ENOMEM, "out of memory");
    }
    st = ft_series_read(set, mem, name, warn, warn_ctx, err);
    fclose(mem);
    if (st == FT_OK && ft_grow((void **)&f->files, &f->cap, f->n,
                               sizeof *f->files, 4) != FT_OK)
        st = ft_error_set(err, FT_ENOMEM, "out of memory");
    char *copy = st == FT_OK ? strdup(name) : NULL;
    if (st == FT_OK && !copy)
        st = ft_error_set(err, FT_ENOMEM, "out of memory");
    if (st != FT_OK) {
        ft_buf_free(&b);
        return st;
    }
    f->files[f->n++] = (kept){copy, b.data, b.len};
    return FT_OK;
}

/* ---- cells ------------------------------------------------------------ */

typedef struct {
    lxw_workbook *wb;
    lxw_format *header;    /* bold */
    lxw_format *thousands; /* #,##0 for large whole numbers */
    ft_buf text;           /* scratch: a text cell made safe */
} book;

/* Width of UTF-8 text in columns, for column widths: a character of
 * three or four bytes from U+1100 up (Hangul, CJK) is drawn two wide. */
static size_t chars(const char *s, size_t n)
{
    size_t c = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char b = (unsigned char)s[i];
        c += (b & 0xC0) != 0x80 ? (b >= 0xE1 ? 2 : 1) : 0;
    }
    return c;
}

static ft_status lxw_status(lxw_error e, ft_error *err)
{
    if (e == LXW_NO_ERROR)
        return FT_OK;
    ft_status st =
        e == LXW_ERROR_MEMORY_MALLOC_FAILED ? FT_ENOMEM
        : e == LXW_ERROR_CREATING_XLSX_FILE || e == LXW_ERROR_CREATING_TMPFILE
            ? FT_ECANTCREAT
            : FT_EIO;
    return ft_error_set(err, st, "%s", lxw_strerror(e));
}

static ft_status too_big(const char *sheet, const char *what, ft_error *err)
{
    return ft_error_set(err, FT_ECANTCREAT,
                        "the %s sheet would have more %s than a spreadsheet "
                        "holds: report.xlsx not written (the CSVs are whole)",
                        sheet, what);
}

/* A number when `numeric` and the cell is one, else a string (empty: no
 * cell).  *width grows to the cell's width. */
static ft_status put(book *bk, lxw_worksheet *ws, size_t row, size_t col,
                     const char *s, size_t n, bool numeric, lxw_format *fmt,
                     size_t *width, ft_error *err)
{
    if (n == 0)
        return FT_OK;
    double v;
    lxw_error e;
    if (numeric && strlen(s) == n && ft_table_parse_number(s, &v)) {
        /* 439700000000 shows as 4.397E+11 in a General cell. */
        if (!fmt && fabs(v) >= 1e5 && v == floor(v))
            fmt = bk->thousands;
        e = worksheet_write_number(ws, (lxw_row_t)row, (lxw_col_t)col, v, fmt);
        if (width && n + n / 3 > *width)
            *width = n + n / 3;
        return lxw_status(e, err);
    }
    ft_buf_clear(&bk->text);
    if (ft_text_scrub(&bk->text, s, n) != FT_OK)
        return ft_error_set(err, FT_ENOMEM, "out of memory");
    size_t len = bk->text.len;
    if (len > MAX_TEXT) { /* cut on a character's first byte */
        len = MAX_TEXT;
        while (len > 0 && ((unsigned char)bk->text.data[len] & 0xC0) == 0x80)
            len--;
        bk->text.data[len] = '\0';
    }
    /* worksheet_write_string never makes a formula: "=1+1" stays text. */
    e = worksheet_write_string(ws, (lxw_row_t)row, (lxw_col_t)col,
                               bk->text.data, fmt);
    if (width) {
        size_t w = chars(bk->text.data, len);
        if (w > *width)
            *width = w;
    }
    return lxw_status(e, err);
}

static void set_widths(lxw_worksheet *ws, const size_t *width, size_t ncols)
{
    for (size_t c = 0; c < ncols; c++) {
        size_t w = width[c] + 2;
        w = w < WIDTH_MIN ? WIDTH_MIN : w > WIDTH_MAX ? WIDTH_MAX : w;
        worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, (double)w, NULL);
    }
}

/* ---- a CSV the report writes, as a sheet ------------------------------- */

/* Its cells, row by row, NUL-terminated. */
typedef struct {
    char **cell;
    size_t n, cap;
    size_t ncols, nrows;
} grid;

static void grid_free(grid *g)
{
    for (size_t i = 0; i < g->n; i++)
        free(g->cell[i]);
    free(g->cell);
}

static const char *grid_at(const grid *g, size_t r, size_t c)
{
    return g->cell[r * g->ncols + c];
}

static ft_status grid_row(void *ctx, char *const *cells, const size_t *lens,
                          size_t n, long line, ft_error *err)
{
    (void)lens;
    (void)line;
    grid *g = ctx;
    if (g->nrows == 0)
        g->ncols = n;
    if (n != g->ncols)
        return ft_error_set(err, FT_EIO, "a row of %zu cells, not %zu", n,
                            g->ncols);
    for (size_t i = 0; i < n; i++) {
        if (ft_grow((void **)&g->cell, &g->cap, g->n, sizeof *g->cell, 64) !=
                FT_OK ||
            !(g->cell[g->n] = strdup(cells[i])))
            return ft_error_set(err, FT_ENOMEM, "out of memory");
        g->n++;
    }
    g->nrows++;
    return FT_OK;
}

typedef ft_status (*csv_writer)(const ft_series_set *, FILE *, ft_error *);

/* What a series CSV writer writes, read back into a grid. */
static ft_status grid_of(const ft_series_set *set, csv_writer fn, grid *g,
                         ft_error *err)
{
    char *data = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&data, &len);
    if (!mem)
        return ft_error_set(err, FT_ENOMEM, "out of memory");
    ft_status st = fn(set, mem, err);
    if (fclose(mem) != 0 && st == FT_OK)
        st = ft_error_set(err, FT_ENOMEM, "out of memory");
    if (st == FT_OK) {
        FILE *in = fmemopen(data, len, "r");
        if (!in)
            st = ft_error_set(err, FT_ENOMEM, "out of memory");
        else {
            st = ft_table_read(in, "report.xlsx", FT_EIO, grid_row, g, err);
            fclose(in);
        }
    }
    free(data);
    return st;
}

/* The grid as sheet `name`: the header row bold, a column whose every
 * other cell is a number as numbers. */
static ft_status grid_sheet(book *bk, const char *name, const grid *g,
                            lxw_worksheet **out, ft_error *err)
{
    if (g->nrows > MAX_ROW + 1)
        return too_big(name, "rows", err);
    if (g->ncols > MAX_COL + 1)
        return too_big(name, "columns", err);
    lxw_worksheet *ws = workbook_add_worksheet(bk->wb, name);
    bool *numeric = calloc(g->ncols + 1, sizeof *numeric);
    size_t *width = calloc(g->ncols + 1, sizeof *width);
    ft_status st = FT_OK;
    if (!ws || !numeric || !width)
        st = ft_error_set(err, FT_ENOMEM, "out of memory");
    for (size_t c = 0; st == FT_OK && c < g->ncols; c++) {
        numeric[c] = true;
        for (size_t r = 1; r < g->nrows && numeric[c]; r++) {
            const char *s = grid_at(g, r, c);
            double v;
            numeric[c] = !*s || ft_table_parse_number(s, &v);
        }
    }
    for (size_t r = 0; st == FT_OK && r < g->nrows; r++)
        for (size_t c = 0; st == FT_OK && c < g->ncols; c++) {
            const char *s = grid_at(g, r, c);
            st = put(bk, ws, r, c, s, strlen(s), r > 0 && numeric[c],
                     r == 0 ? bk->header : NULL, &width[c], err);
        }
    if (st == FT_OK) {
        set_widths(ws, width, g->ncols);
        worksheet_freeze_panes(ws, 1, 1);
        *out = ws;
    }
    free(numeric);
    free(width);
    return st;
}

/* ---- the figures sheet --------------------------------------------------
 *
 * The columns of every file kept, in the order they first appear.  A
 * column is numeric when figures.h or convert.h says so. */

typedef struct {
    char **names;
    bool *numeric;
    size_t n, cap;
} columns;

static bool numeric_column(const char *name)
{
    for (size_t i = 0; ft_figure_column(i); i++)
        if (strcmp(ft_figure_column(i), name) == 0)
            return ft_figure_column_numeric(i);
    /* convert's columns: every one is a number but the currency and the
     * basis, whose cells are never numbers anyway. */
    for (size_t i = 0; i < FT_CONVERT_NCOLUMNS; i++)
        if (strcmp(ft_convert_columns[i], name) == 0)
            return true;
    return false;
}

static long column_of(const columns *c, const char *name)
{
    for (size_t i = 0; i < c->n; i++)
        if (strcmp(c->names[i], name) == 0)
            return (long)i;
    return -1;
}

typedef struct {
    book *bk;
    lxw_worksheet *ws;
    columns *cols;
    long *map;   /* the file's column i is the sheet's map[i] */
    size_t nmap; /* cells in the file's header */
    size_t row;  /* next row of the sheet */
    size_t *width;
} fig_ctx;

/* First pass: the header rows only. */
static ft_status header_row(void *ctx, char *const *cells, const size_t *lens,
                            size_t n, long line, ft_error *err)
{
    (void)lens;
    (void)line;
    columns *c = ctx;
    for (size_t i = 0; i < n; i++) {
        if (column_of(c, cells[i]) >= 0)
            continue;
        if (ft_grow((void **)&c->names, &c->cap, c->n, sizeof *c->names, 32) !=
            FT_OK)
            return ft_error_set(err, FT_ENOMEM, "out of memory");
        bool *num = realloc(c->numeric, c->cap * sizeof *num);
        if (!num)
            return ft_error_set(err, FT_ENOMEM, "out of memory");
        c->numeric = num;
        if (!(c->names[c->n] = strdup(cells[i])))
            return ft_error_set(err, FT_ENOMEM, "out of memory");
        c->numeric[c->n++] = numeric_column(cells[i]);
    }
    return FT_EOF; /* enough */
}

/* Second pass: every row after the header; one with more or fewer cells
 * than its header is left out, as the series leave it out. */
static ft_status figure_row(void *ctx, char *const *cells, const size_t *lens,
                            size_t n, long line, ft_error *err)
{
    (void)line;
    fig_ctx *f = ctx;
    if (!f->map) {
        f->map = malloc((n + 1) * sizeof *f->map);
        if (!f->map)
            return ft_error_set(err, FT_ENOMEM, "out of memory");
        f->nmap = n;
        for (size_t i = 0; i < n; i++)
            f->map[i] = column_of(f->cols, cells[i]);
        return FT_OK;
    }
    if (n != f->nmap)
        return FT_OK;
    if (f->row > MAX_ROW)
        return too_big("figures", "rows", err);
    for (size_t i = 0; i < n; i++) {
        size_t c = (size_t)f->map[i];
        ft_status st = put(f->bk, f->ws, f->row, c, cells[i], lens[i],
                           f->cols->numeric[c], NULL, &f->width[c], err);
        if (st != FT_OK)
            return st;
    }
    f->row++;
    return FT_OK;
}

static ft_status figures_sheet(book *bk, const ft_xlsx_figures *figs,
                               ft_error *err)
{
    columns cols = {0};
    ft_status st = FT_OK;
    for (size_t i = 0; figs && i < figs->n && st == FT_OK; i++) {
        FILE *in = fmemopen(figs->files[i].bytes, figs->files[i].len, "r");
        if (!in)
            return ft_error_set(err, FT_ENOMEM, "out of memory");
        st = ft_table_read(in, figs->files[i].name, FT_EIO, header_row, &cols,
                           err);
        fclose(in);
        if (st == FT_EOF)
            st = FT_OK;
    }
    lxw_worksheet *ws = workbook_add_worksheet(bk->wb, "figures");
    size_t *width = calloc(cols.n + 1, sizeof *width);
    if (st == FT_OK && (!ws || !width))
        st = ft_error_set(err, FT_ENOMEM, "out of memory");
    if (st == FT_OK && cols.n > MAX_COL + 1)
        st = too_big("figures", "columns", err);
    for (size_t c = 0; st == FT_OK && c < cols.n; c++)
        st = put(bk, ws, 0, c, cols.names[c], strlen(cols.names[c]), false,
                 bk->header, &width[c], err);
    fig_ctx f = {.bk = bk, .ws = ws, .cols = &cols, .row = 1, .width = width};
    for (size_t i = 0; figs && i < figs->n && st == FT_OK; i++) {
        FILE *in = fmemopen(figs->files[i].bytes, figs->files[i].len, "r");
        if (!in) {
            st = ft_error_set(err, FT_ENOMEM, "out of memory");
            break;
        }
        f.map = NULL;
        st =
            ft_table_read(in, figs->files[i].name, FT_EIO, figure_row, &f, err);
        fclose(in);
        free(f.map);
    }
    if (st == FT_OK && cols.n > 0) {
        set_widths(ws, width, cols.n);
        worksheet_freeze_panes(ws, 1, 0);
        worksheet_autofilter(ws, 0, 0, (lxw_row_t)(f.row - 1),
                             (lxw_col_t)(cols.n - 1));
    }
    for (size_t c = 0; c < cols.n; c++)
        free(cols.names[c]);
    free(cols.names);
    free(cols.numeric);
    free(width);
    return st;
}

/* ---- charts -------------------------------------------------------------- */

static uint8_t display_units(double div)
{
    return div >= 1e12  ? LXW_CHART_AXIS_UNITS_TRILLIONS
           : div >= 1e9 ? LXW_CHART_AXIS_UNITS_BILLIONS
           : div >= 1e6 ? LXW_CHART_AXIS_UNITS_MILLIONS
           : div >= 1e3 ? LXW_CHART_AXIS_UNITS_THOUSANDS
                        : LXW_CHART_AXIS_UNITS_NONE;
}

/* The wide grid's row of `year`, 0 when none. */
static size_t row_of_year(const grid *wide, int year)
{
    for (size_t r = 1; r < wide->nrows; r++) {
        int y;
        if (ft_table_parse_year(grid_at(wide, r, 0), &y) && y == year)
            return r;
    }
    return 0;
}

/* libxlsxwriter takes a name that starts with '=' for a cell reference:
 * such a name gets the quote the CSVs give it. */
static const char *plain(const char *s, char *buf, size_t n)
{
    if (*s != '=')
        return s;
    snprintf(buf, n, "'%s", s);
    return buf;
}

static ft_status charts_sheet(book *bk, const ft_series_set *set,
                              const grid *wide, ft_error *err)
{
    lxw_worksheet *ws = workbook_add_worksheet(bk->wb, "charts");
    if (!ws)
        return ft_error_set(err, FT_ENOMEM, "out of memory");
    size_t n = ft_series_count(set);
    if (wide->ncols != n + 1)
        return ft_error_set(err, FT_EIO,
                            "series_wide has %zu columns for %zu series",
                            wide->ncols, n);
    ft_value_kind kind = ft_series_kind(set);
    int base = ft_series_constant_year(set);
    char prices[48], unit[96], name[512];
    if (kind == FT_VALUE_CONSTANT && base > 0)
        snprintf(prices, sizeof prices, "constant %d prices", base);
    else if (kind == FT_VALUE_CONSTANT)
        snprintf(prices, sizeof prices, "constant prices");
    else
        snprintf(prices, sizeof prices, "current prices");
    size_t charts = 0;
    for (size_t i = 0; i < n; i++) {
        const ft_series *s = ft_series_at(set, i);
        size_t first =
                   s->npoints >= 2 ? row_of_year(wide, s->points[0].year) : 0,
               last = first ? row_of_year(wide, s->points[s->npoints - 1].year)
                            : 0;
        if (!first || !last)
            continue;
        lxw_chart *ch = workbook_add_chart(bk->wb, LXW_CHART_LINE);
        if (!ch)
            return ft_error_set(err, FT_ENOMEM, "out of memory");
        lxw_chart_series *cs = chart_add_series(ch, NULL, NULL);
        if (!cs)
            return ft_error_set(err, FT_ENOMEM, "out of memory");
        lxw_col_t col = (lxw_col_t)(i + 1);
        chart_series_set_categories(cs, "series", (lxw_row_t)first, 0,
                                    (lxw_row_t)last, 0);
        chart_series_set_values(cs, "series", (lxw_row_t)first, col,
                                (lxw_row_t)last, col);
        chart_series_set_name(cs, plain(s->name, name, sizeof name));
        chart_series_set_marker_type(cs, LXW_CHART_MARKER_CIRCLE);
        chart_title_set_name(ch, plain(s->name, name, sizeof name));
        chart_legend_set_position(ch, LXW_CHART_LEGEND_NONE);
        chart_show_blanks_as(ch, LXW_CHART_BLANKS_AS_GAP);
        double max = 0;
        for (size_t k = 0; k < s->npoints; k++)
            if (fabs(s->points[k].value) > max)
                max = fabs(s->points[k].value);
        chart_axis_set_display_units(
            ch->y_axis, display_units(ft_chart_scale_for(max).div));
        /* The currency is input text: named only when it is a code. */
        bool code = strlen(s->currency) == 3;
        for (size_t k = 0; code && k < 3; k++)
            code = s->currency[k] >= 'A' && s->currency[k] <= 'Z';
        snprintf(unit, sizeof unit, "%s%s%s", code ? s->currency : "",
                 code ? ", " : "", prices);
        chart_axis_set_name(ch->y_axis, unit);
        lxw_error e = worksheet_insert_chart(
            ws, (lxw_row_t)(1 + charts * CHART_ROWS), 0, ch);
        if (e != LXW_NO_ERROR)
            return lxw_status(e, err);
        charts++;
    }
    const char *note =
        charts ? "One line chart per series with two or more years, drawn "
                 "from the series sheet; a missing year is a gap."
               : "No series has two or more years: no chart.";
    return put(bk, ws, 0, 0, note, strlen(note), false, NULL, NULL, err);
}

/* ---- the workbook ---------------------------------------------------------
 */

/* Seconds since 1970 of a YYYY-MM-DD date (days from civil, H. Hinnant);
 * 1980-01-01, the zip epoch, when there is none. */
static time_t date_seconds(const char *ymd)
{
    int y, m, d;
    if (strlen(ymd) != 10 || sscanf(ymd, "%4d-%2d-%2d", &y, &m, &d) != 3 ||
        m < 1 || m > 12 || d < 1 || d > 31 || y < 1980)
        return (time_t)315532800;
    y -= m <= 2;
    long era = y / 400;
    long yoe = y - era * 400;
    long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return (time_t)((era * 146097 + doe - 719468) * 86400L);
}

ft_status ft_xlsx_write(const char *dir, const ft_series_set *set,
                        const ft_xlsx_figures *figs, ft_error *err)
{
    ft_outfile o;
    ft_status st = ft_outfile_open(&o, dir, FT_XLSX_NAME, err);
    if (st != FT_OK)
        return st;
    /* libxlsxwriter writes the file itself, at workbook_close. */
    fclose(o.fp);
    o.fp = NULL;
    grid wide = {0}, summary = {0};
    book bk = {0};
    ft_buf_init(&bk.text);
    /* Rows go to a temporary file as they are written, not to memory. */
    lxw_workbook_options opt = {.constant_memory = LXW_TRUE};
    bk.wb = workbook_new_opt(o.tmp, &opt);
    if (!bk.wb) {
        ft_outfile_abort(&o);
        return ft_error_set(err, FT_ENOMEM, "out of memory");
    }
    lxw_doc_properties props = {
        .title = "figtrend report",
        .created = date_seconds(ft_series_counts_of(set)->last_published)};
    workbook_set_properties(bk.wb, &props);
    bk.header = workbook_add_format(bk.wb);
    bk.thousands = workbook_add_format(bk.wb);
    if (!bk.header || !bk.thousands)
        st = ft_error_set(err, FT_ENOMEM, "out of memory");
    else {
        format_set_bold(bk.header);
        format_set_num_format(bk.thousands, "#,##0");
    }
    lxw_worksheet *ws;
    if (st == FT_OK)
        st = grid_of(set, ft_series_write_wide, &wide, err);
    if (st == FT_OK)
        st = grid_sheet(&bk, "series", &wide, &ws, err);
    if (st == FT_OK)
        st = grid_of(set, ft_series_write_summary, &summary, err);
    if (st == FT_OK)
        st = grid_sheet(&bk, "summary", &summary, &ws, err);
    if (st == FT_OK)
        st = figures_sheet(&bk, figs, err);
    if (st == FT_OK)
        st = charts_sheet(&bk, set, &wide, err);
    if (st == FT_OK)
        st = lxw_status(workbook_close(bk.wb), err);
    else
        lxw_workbook_free(bk.wb);
    grid_free(&wide);
    grid_free(&summary);
    ft_buf_free(&bk.text);
    if (st != FT_OK) {
        if (err && !err->file[0])
            ft_error_at(err, o.path, 0);
        ft_outfile_abort(&o);
        return st;
    }
    return ft_outfile_commit(&o, err);
}
