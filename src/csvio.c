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

/* Length of the control character at s[0..n) that a terminal acts on,
 * or 0: the C0 block but tab, line feed and carriage return (which the
 * dialects quote or escape, and which are the text's own whitespace), DEL,
 * and the C1 block U+0080..U+009F (C1 CSI starts a sequence like ESC [
 * on some terminals).  Such a character in an article (ESC [31m, a BEL, a
 * window-title sequence) would act on whoever views the file with cat or
 * less. */
static size_t control_len(const char *s, size_t n)
{
    unsigned char c = (unsigned char)s[0];
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F)
        return 1;
    if (c == 0xC2 && n > 1 && (unsigned char)s[1] >= 0x80 &&
        (unsigned char)s[1] <= 0x9F)
        return 2;
    return 0;
}

/* true when s[0..n) holds a control character or a byte that is not
 * well-formed UTF-8, so that the cell must be rebuilt. */
static bool needs_scrub(const char *s, size_t n)
{
    /* printable ASCII, most of nearly every cell, in one quick look */
    size_t i = 0;
    while (i < n && (unsigned char)s[i] >= 0x20 && (unsigned char)s[i] < 0x7F)
        i++;
    if (i == n)
        return false;
    for (size_t k = i; k < n; k++)
        if (control_len(s + k, n - k))
            return true;
    return !ft_text_utf8_valid(s + i, n - i, NULL); /* s[0..i) is ASCII */
}

/* Append s[0..n) to b with each control character and each byte that is
 * not well-formed UTF-8 replaced by U+FFFD: the one rule for every text
 * cell, the same replacement the sentence column makes for bad bytes. */
static ft_status scrub(ft_buf *b, const char *s, size_t n)
{
    static const char replacement[] = "\xEF\xBF\xBD"; /* U+FFFD */
    size_t i = 0, run = 0; /* s[run..i) is pending, unchanged */
    while (i < n) {
        size_t k = control_len(s + i, n - i), skip;
        if (k)
            skip = k;
        else if ((k = ft_text_utf8_len(s + i, n - i)) != 0) {
            i += k;
            continue;
        } else
            skip = 1;
        if (ft_buf_append(b, s + run, i - run) != FT_OK ||
            ft_buf_append(b, replacement, 3) != FT_OK)
            return FT_ENOMEM;
        i += skip;
        run = i;
    }
    return ft_buf_append(b, s + run, n - run);
}

ft_status ft_csvio_text(ft_csvio *w, const char *s, size_t n, ft_error *err)
{
    ft_status st = separator(w, err);
    if (st != FT_OK)
        return st;
    /* Scrubbing never changes whether a cell is risky: = + - @ tab and CR
     * are kept, and U+FFFD is none of them. */
    bool risky = ft_csvio_is_risky(s, n);
    if (risky || needs_scrub(s, n)) {
        /* The quote must sit inside any CSV quoting, so build the cell. */
        ft_buf_clear(&w->scratch);
        if ((risky && ft_buf_putc(&w->scratch, '\'') != FT_OK) ||
            scrub(&w->scratch, s, n) != FT_OK)
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
