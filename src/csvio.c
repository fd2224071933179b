/* csvio.c — delimited rows through libcsv, with spreadsheet-safe text. */
#include "csvio.h"

#include "number.h"

#include <csv.h>
#include <errno.h>
#include <string.h>

void ft_csvio_init(ft_csvio *w, FILE *out, ft_csvio_dialect dialect)
{
    w->out = out;
    w->dialect = dialect;
    w->cells = 0;
    ft_buf_init(&w->scratch);
    ft_buf_init(&w->quoted);
}

void ft_csvio_free(ft_csvio *w)
{
    ft_buf_free(&w->scratch);
    ft_buf_free(&w->quoted);
}

bool ft_csvio_is_risky(const char *s, size_t n)
{
    if (n == 0)
        return false;
    switch (s[0]) {
    case '=':
    case '+':
    case '-':
    case '@':
    case '\t':
    case '\r':
        return true;
    default:
        return false;
    }
}

static ft_status write_error(ft_error *err)
{
    return ft_error_set(err, FT_EIO, "write error: %s",
                        errno ? strerror(errno) : "unknown");
}

static ft_status separator(ft_csvio *w, ft_error *err)
{
    if (w->cells++ == 0)
        return FT_OK;
    if (putc(w->dialect == FT_CSVIO_TSV ? '\t' : ',', w->out) == EOF)
        return write_error(err);
    return FT_OK;
}

static bool csv_needs_quotes(const char *s, size_t n)
{
    if (n == 0)
        return false;
    if (s[0] == ' ' || s[0] == '\t' || s[n - 1] == ' ' || s[n - 1] == '\t')
        return true;
    for (size_t i = 0; i < n; i++)
        if (s[i] == ',' || s[i] == '"' || s[i] == '\n' || s[i] == '\r')
            return true;
    return false;
}

/* libcsv quotes the cell into a buffer (csv_fwrite would write it a byte
 * at a time), then one fwrite sends it. */
static ft_status put_csv(ft_csvio *w, const char *s, size_t n, ft_error *err)
{
    if (!csv_needs_quotes(s, n))
        return fwrite(s, 1, n, w->out) == n ? FT_OK : write_error(err);
    size_t need = csv_write(NULL, 0, s, n);
    ft_buf_clear(&w->quoted);
    if (ft_buf_reserve(&w->quoted, need) != FT_OK)
        return ft_error_set(err, FT_ENOMEM, "out of memory");
    csv_write(w->quoted.data, need, s, n);
    return fwrite(w->quoted.data, 1, need, w->out) == need ? FT_OK
                                                          : write_error(err);
}

static ft_status put_tsv(ft_csvio *w, const char *s, size_t n, ft_error *err)
{
    size_t run = 0; /* bytes copied through unchanged, pending */
    for (size_t i = 0; i < n; i++) {
        char esc;
        switch (s[i]) {
        case '\\':
            esc = '\\';
            break;
        case '\t':
            esc = 't';
            break;
        case '\n':
            esc = 'n';
            break;
        case '\r':
            esc = 'r';
            break;
        default:
            continue;
        }
        if (fwrite(s + run, 1, i - run, w->out) != i - run ||
            putc('\\', w->out) == EOF || putc(esc, w->out) == EOF)
            return write_error(err);
        run = i + 1;
    }
    if (fwrite(s + run, 1, n - run, w->out) != n - run)
        return write_error(err);
    return FT_OK;
}

ft_status ft_csvio_text(ft_csvio *w, const char *s, size_t n, ft_error *err)
{
    ft_status st = separator(w, err);
    if (st != FT_OK)
        return st;
    if (ft_csvio_is_risky(s, n)) {
        /* The quote must sit inside any CSV quoting, so build the cell. */
        ft_buf_clear(&w->scratch);
        if (ft_buf_putc(&w->scratch, '\'') != FT_OK ||
            ft_buf_append(&w->scratch, s, n) != FT_OK)
            return ft_error_set(err, FT_ENOMEM, "out of memory");
        s = w->scratch.data;
        n = w->scratch.len;
    }
    return w->dialect == FT_CSVIO_TSV ? put_tsv(w, s, n, err)
                                      : put_csv(w, s, n, err);
}

ft_status ft_csvio_str(ft_csvio *w, const char *s, ft_error *err)
{
    return ft_csvio_text(w, s ? s : "", s ? strlen(s) : 0, err);
}

ft_status ft_csvio_number(ft_csvio *w, const char *s, size_t n, ft_error *err)
{
    ft_status st = separator(w, err);
    if (st != FT_OK)
        return st;
    if (fwrite(s, 1, n, w->out) != n)
        return write_error(err);
    return FT_OK;
}

ft_status ft_csvio_uint(ft_csvio *w, unsigned long long v, ft_error *err)
{
    char buf[FT_DECIMAL_BUFSZ];
    size_t n = ft_decimal_format((ft_decimal){.digits = v}, buf, sizeof buf);
    return ft_csvio_number(w, buf, n, err);
}

ft_status ft_csvio_endrow(ft_csvio *w, ft_error *err)
{
    w->cells = 0;
    if (putc('\n', w->out) == EOF || ferror(w->out))
        return write_error(err);
    return FT_OK;
}
