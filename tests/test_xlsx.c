/* test_xlsx.c — report.xlsx: the sheets, typed cells (numbers as numbers,
 * Hangul intact, formula-like text as text), a chart per series with two
 * or more years, the same bytes twice, and a folder that takes nothing.
 * The workbook is opened with a small zip reader (zlib) below. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "xlsx.h"

/* ---- a zip reader: enough for what libxlsxwriter writes ---------------- */

typedef struct {
    unsigned char *data;
    size_t len;
} blob;

static blob read_all(const char *path)
{
    blob b = {0};
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    b.len = (size_t)ftell(f);
    fseek(f, 0, SEEK_SET);
    b.data = malloc(b.len + 1);
    assert_non_null(b.data);
    assert_int_equal(fread(b.data, 1, b.len, f), b.len);
    fclose(f);
    return b;
}

static unsigned u16(const unsigned char *p)
{
    return p[0] | (unsigned)p[1] << 8;
}

static unsigned long u32(const unsigned char *p)
{
    return u16(p) | (unsigned long)u16(p + 2) << 16;
}

/* The entry `name` of the zip, inflated and NUL-terminated (the caller
 * frees); NULL when there is none.  Without a name: the entries' names,
 * one a line. */
static char *zip_entry(const blob *z, const char *name)
{
    size_t eocd = z->len - 22;
    while (eocd > 0 && u32(z->data + eocd) != 0x06054b50UL)
        eocd--;
    assert_true(u32(z->data + eocd) == 0x06054b50UL);
    size_t count = u16(z->data + eocd + 10);
    size_t p = u32(z->data + eocd + 16);
    char *list = calloc(1, 1);
    size_t list_len = 0;
    for (size_t i = 0; i < count; i++) {
        const unsigned char *c = z->data + p;
        assert_true(u32(c) == 0x02014b50UL);
        unsigned method = u16(c + 10);
        size_t csize = u32(c + 20), usize = u32(c + 24);
        size_t nlen = u16(c + 28), elen = u16(c + 30), klen = u16(c + 32);
        size_t local = u32(c + 42);
        const char *ename = (const char *)c + 46;
        if (!name) {
            list = realloc(list, list_len + nlen + 2);
            memcpy(list + list_len, ename, nlen);
            list_len += nlen;
            list[list_len++] = '\n';
            list[list_len] = '\0';
        } else if (nlen == strlen(name) && memcmp(ename, name, nlen) == 0) {
            const unsigned char *l = z->data + local;
            assert_true(u32(l) == 0x04034b50UL);
            const unsigned char *src = l + 30 + u16(l + 26) + u16(l + 28);
            char *out = malloc(usize + 1);
            assert_non_null(out);
            if (method == 0)
                memcpy(out, src, usize);
            else {
                assert_int_equal(method, 8);
                z_stream s = {0};
                assert_int_equal(inflateInit2(&s, -MAX_WBITS), Z_OK);
                s.next_in = (unsigned char *)src;
                s.avail_in = (uInt)csize;
                s.next_out = (unsigned char *)out;
                s.avail_out = (uInt)usize;
                assert_int_equal(inflate(&s, Z_FINISH), Z_STREAM_END);
                inflateEnd(&s);
            }
            out[usize] = '\0';
            free(list);
            return out;
        }
        p += 46 + nlen + elen + klen;
    }
    if (name) {
        free(list);
        return NULL;
    }
    return list;
}

/* ---- the workbook of a small report ------------------------------------ */

/* Two files with different columns; Hangul, a gap year, and a subject that
 * reads like a formula. */
static const char first[] =
    "doc,published,subject,country,year,amount,currency,kind,qualifier,"
    "flags,sentence\n"
    "a,2024-12-10,국방예산,KOR,2022,54611200000000,KRW,level,eq,,"
    "국방예산은 54조6112억원이다.\n"
    "a,2024-12-10,국방예산,KOR,2024,59424400000000,KRW,level,eq,,"
    "\"올해 국방예산은 59조4244억원, 늘었다.\"\n";
static const char second[] =
    "doc,published,subject,year,amount,currency,kind,qualifier,flags,"
    "amount_nominal\n"
    "b,2025-01-02,\"=HYPERLINK(\"\"http://x.example/\"\",\"\"y\"\")\",2023,"
    "1.25,USD,level,eq,,1.25\n";

typedef struct {
    char dir[64];
    char path[128];
} fixture;

static void read_text(ft_xlsx_figures *f, ft_series_set *set, const char *s,
                      const char *name)
{
    FILE *in = fmemopen((void *)s, strlen(s), "r");
    assert_non_null(in);
    assert_int_equal(ft_xlsx_figures_read(f, set, in, name, NULL, NULL, NULL),
                     FT_OK);
    fclose(in);
}

static void write_book(const char *dir)
{
    ft_series_set *set = ft_series_set_new(FT_VALUE_AUTO);
    ft_xlsx_figures *f = ft_xlsx_figures_new();
    assert_non_null(set);
    assert_non_null(f);
    read_text(f, set, first, "first.csv");
    read_text(f, set, second, "second.csv");
    assert_int_equal(ft_series_build(set, NULL), FT_OK);
    ft_error err;
    assert_int_equal(ft_xlsx_write(dir, set, f, &err), FT_OK);
    ft_xlsx_figures_free(f);
    ft_series_set_free(set);
}

static int setup(void **state)
{
    fixture *fx = calloc(1, sizeof *fx);
    if (!fx)
        return -1;
    snprintf(fx->dir, sizeof fx->dir, "/tmp/ft_xlsx_XXXXXX");
    if (!mkdtemp(fx->dir))
        return -1;
    snprintf(fx->path, sizeof fx->path, "%s/report.xlsx", fx->dir);
    *state = fx;
    return 0;
}

static int teardown(void **state)
{
    fixture *fx = *state;
    DIR *d = opendir(fx->dir);
    struct dirent *e;
    while (d && (e = readdir(d)) != NULL) {
        char p[400];
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        snprintf(p, sizeof p, "%s/%s", fx->dir, e->d_name);
        unlink(p);
    }
    if (d)
        closedir(d);
    rmdir(fx->dir);
    free(fx);
    return 0;
}

static void test_sheets_and_charts(void **state)
{
    fixture *fx = *state;
    write_book(fx->dir);
    blob z = read_all(fx->path);
    char *list = zip_entry(&z, NULL);
    assert_non_null(strstr(list, "xl/worksheets/sheet4.xml\n"));
    /* One chart: the Korean series has two years, the other one. */
    assert_non_null(strstr(list, "xl/charts/chart1.xml\n"));
    assert_null(strstr(list, "xl/charts/chart2.xml"));
    char *wb = zip_entry(&z, "xl/workbook.xml");
    const char *order[] = {"name=\"series\"", "name=\"summary\"",
                           "name=\"figures\"", "name=\"charts\""};
    const char *at = wb;
    for (size_t i = 0; i < 4; i++) {
        at = strstr(at, order[i]);
        assert_non_null(at);
    }
    /* The chart reads the Korean column from 2022 to 2024. */
    char *chart = zip_entry(&z, "xl/charts/chart1.xml");
    assert_non_null(strstr(chart, "series!$C$2:$C$4"));
    assert_non_null(strstr(chart, "series!$A$2:$A$4"));
    assert_non_null(strstr(chart, "KRW, current prices"));
    free(list);
    free(wb);
    free(chart);
    free(z.data);
}

static void test_typed_cells(void **state)
{
    fixture *fx = *state;
    write_book(fx->dir);
    blob z = read_all(fx->path);
    /* series: the header is the series' names (the one without a
     * country first); years and amounts are numbers; 2023 has no Korean
     * figure, so no C3 cell. */
    char *series = zip_entry(&z, "xl/worksheets/sheet1.xml");
    assert_non_null(strstr(series, "<t>KOR: 국방예산</t>"));
    assert_non_null(strstr(series, "<c r=\"A2\"><v>2022</v></c>"));
    assert_non_null(strstr(series, "<v>54611200000000</v>"));
    assert_null(strstr(series, "r=\"C3\""));
    assert_non_null(strstr(series, "r=\"B3\""));
    /* figures: every column of both files, once; numbers as numbers;
     * Hangul intact; the formula-like subject is a string, and no cell
     * anywhere is a formula. */
    char *figs = zip_entry(&z, "xl/worksheets/sheet3.xml");
    assert_non_null(strstr(figs, "<t>amount_nominal</t>"));
    assert_non_null(strstr(figs, "<t>국방예산은 54조6112억원이다.</t>"));
    assert_non_null(
        strstr(figs, "<t>올해 국방예산은 59조4244억원, 늘었다.</t>"));
    assert_non_null(strstr(figs, "<v>59424400000000</v>"));
    assert_non_null(strstr(figs, "<v>1.25</v>"));
    assert_non_null(strstr(figs, "<c r=\"E2\"><v>2022</v></c>"));
    assert_non_null(strstr(figs, "t=\"inlineStr\"><is><t>=HYPERLINK("));
    /* The doc "a" and the date stay text. */
    assert_non_null(strstr(figs, "<t>2024-12-10</t>"));
    for (int i = 1; i <= 4; i++) {
        char name[64];
        snprintf(name, sizeof name, "xl/worksheets/sheet%d.xml", i);
        char *x = zip_entry(&z, name);
        assert_non_null(x);
        assert_null(strstr(x, "<f>"));
        free(x);
    }
    free(series);
    free(figs);
    free(z.data);
}

static void test_same_bytes_twice(void **state)
{
    fixture *fx = *state;
    write_book(fx->dir);
    blob a = read_all(fx->path);
    write_book(fx->dir);
    blob b = read_all(fx->path);
    assert_int_equal(a.len, b.len);
    assert_memory_equal(a.data, b.data, a.len);
    free(a.data);
    free(b.data);
    /* Nothing but the workbook in the folder: no temporary file left. */
    DIR *d = opendir(fx->dir);
    struct dirent *e;
    size_t files = 0;
    while ((e = readdir(d)) != NULL)
        files += e->d_name[0] != '.';
    closedir(d);
    assert_int_equal(files, 1);
}

static void test_folder_that_takes_nothing(void **state)
{
    fixture *fx = *state;
    char missing[160];
    snprintf(missing, sizeof missing, "%s/no/such", fx->dir);
    ft_series_set *set = ft_series_set_new(FT_VALUE_AUTO);
    assert_int_equal(ft_series_build(set, NULL), FT_OK);
    ft_error err;
    assert_int_equal(ft_xlsx_write(missing, set, NULL, &err), FT_ECANTCREAT);
    ft_series_set_free(set);
}

static void test_empty_report(void **state)
{
    /* No series: the sheets are there, the charts sheet says why none. */
    fixture *fx = *state;
    ft_series_set *set = ft_series_set_new(FT_VALUE_AUTO);
    assert_int_equal(ft_series_build(set, NULL), FT_OK);
    assert_int_equal(ft_xlsx_write(fx->dir, set, NULL, NULL), FT_OK);
    blob z = read_all(fx->path);
    char *charts = zip_entry(&z, "xl/worksheets/sheet4.xml");
    assert_non_null(strstr(charts, "No series has two or more years"));
    free(charts);
    free(z.data);
    ft_series_set_free(set);
}

static void test_bad_utf8_and_long_text(void **state)
{
    /* Bytes that are not UTF-8 become U+FFFD; a cell longer than a
     * sheet takes is cut on a character, never refused. */
    fixture *fx = *state;
    size_t big = 40000;
    char *csv = malloc(big * 3 + 200);
    assert_non_null(csv);
    int n = sprintf(csv, "subject,year,amount,currency,sentence\n"
                         "x\xff,2020,5,USD,");
    for (size_t i = 0; i < big; i++)
        memcpy(csv + n + 3 * i, "가", 3);
    strcpy(csv + n + 3 * big, "\n");
    ft_series_set *set = ft_series_set_new(FT_VALUE_AUTO);
    ft_xlsx_figures *f = ft_xlsx_figures_new();
    read_text(f, set, csv, "long.csv");
    assert_int_equal(ft_series_build(set, NULL), FT_OK);
    assert_int_equal(ft_xlsx_write(fx->dir, set, f, NULL), FT_OK);
    blob z = read_all(fx->path);
    char *figs = zip_entry(&z, "xl/worksheets/sheet3.xml");
    assert_non_null(strstr(figs, "<t>x\xef\xbf\xbd</t>"));
    char *t = strstr(figs, "<t>가가");
    assert_non_null(t);
    size_t len = strstr(t, "</t>") - (t + 3);
    assert_true(len <= 32767 && len > 32000 && len % 3 == 0);
    free(figs);
    free(z.data);
    free(csv);
    ft_xlsx_figures_free(f);
    ft_series_set_free(set);
}

static void test_too_many_columns(void **state)
{
    /* More columns than a sheet holds: no workbook, nothing left over. */
    fixture *fx = *state;
    size_t extra = 16400;
    char *csv = malloc(extra * 8 + 100);
    assert_non_null(csv);
    size_t n = (size_t)sprintf(csv, "subject,year,amount,currency");
    for (size_t i = 0; i < extra; i++)
        n += (size_t)sprintf(csv + n, ",c%zu", i);
    n += (size_t)sprintf(csv + n, "\nx,2020,5,USD");
    for (size_t i = 0; i < extra; i++)
        csv[n++] = ',';
    strcpy(csv + n, "\n");
    ft_series_set *set = ft_series_set_new(FT_VALUE_AUTO);
    ft_xlsx_figures *f = ft_xlsx_figures_new();
    read_text(f, set, csv, "wide.csv");
    assert_int_equal(ft_series_build(set, NULL), FT_OK);
    ft_error err;
    assert_int_equal(ft_xlsx_write(fx->dir, set, f, &err), FT_ECANTCREAT);
    assert_non_null(strstr(err.message, "figures sheet"));
    DIR *d = opendir(fx->dir);
    struct dirent *e;
    size_t files = 0;
    while ((e = readdir(d)) != NULL)
        files += strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
    closedir(d);
    assert_int_equal(files, 0);
    free(csv);
    ft_xlsx_figures_free(f);
    ft_series_set_free(set);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_sheets_and_charts, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_typed_cells, setup, teardown),
        cmocka_unit_test_setup_teardown(test_same_bytes_twice, setup, teardown),
        cmocka_unit_test_setup_teardown(test_folder_that_takes_nothing, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_empty_report, setup, teardown),
        cmocka_unit_test_setup_teardown(test_bad_utf8_and_long_text, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_too_many_columns, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
