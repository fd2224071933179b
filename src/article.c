/* article.c — article readers: plain text files, JSONL, article CSV,
 * directories and standard input, in any of the encodings text.h decodes,
 * with bounded memory whatever the input. */
#include "article.h"

#include <csv.h>
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "text.h"

#define CHUNK ((size_t)64 << 10) /* one read */
#define SNIFF ((size_t)8 << 10)  /* bytes looked at to tell text from not */
#define HEADER_MAX_LINES 32      /* a longer "header" is really text */
#define JSON_MAX_DEPTH 64        /* nesting allowed in ignored values */

void ft_article_clear(ft_article *a)
{
    free(a->id); /* and published, source, title, url */
    free(a->text);
    memset(a, 0, sizeof *a);
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

bool ft_article_date_valid(const char *s, size_t n)
{
    /* each month's days (February's without the leap day), then zeros,
     * so that any month number's low four bits index it */
    static const unsigned char days[16] = {31, 28, 31, 30, 31, 30,
                                           31, 31, 30, 31, 30, 31};
    if (n != 10)
        return false;
    /* "YYYY-MM-DD" against its pattern, all ten bytes at once: a byte's
     * xor with the pattern's ('0' or '-') is below 10 just for a digit,
     * 0 just for the dash; (x & 0x7F) + 0x80 - limit sets a lane's high
     * bit when x >= limit (no lane carries into the next), | x when x
     * >= 0x80. */
    const unsigned char *u = (const unsigned char *)s;
    uint64_t x = ft_load8(u) ^ 0x2D30302D30303030ULL;       /* "0000-00-" */
    uint16_t y2 = (uint16_t)((u[8] | u[9] << 8) ^ 0x3030u); /* "00" */
    uint64_t bad =
        (((x & 0x7F7F7F7F7F7F7F7FULL) + 0x7F76767F76767676ULL) | x) & FT_HIGHS8;
    unsigned bad2 = (((y2 & 0x7F7Fu) + 0x7676u) | y2) & 0x8080u;
    if (bad | bad2)
        return false;
    /* the digits' values are the xors' bytes, first digit lowest */
    unsigned y = (unsigned)(x & 0xFF) * 1000 + (unsigned)(x >> 8 & 0xFF) * 100 +
                 (unsigned)(x >> 16 & 0xFF) * 10 + (unsigned)(x >> 24 & 0xFF);
    unsigned m = (unsigned)(x >> 40 & 0xFF) * 10 + (unsigned)(x >> 48 & 0xFF);
    unsigned d = (unsigned)(y2 & 0xFF) * 10 + (unsigned)(y2 >> 8);
    bool leap = ((y % 4 == 0) & (y % 100 != 0)) | (y % 400 == 0);
    return (y >= 1000) & (m >= 1) & (m <= 12) & (d >= 1) &
           (d <= days[(m - 1) & 15] + (unsigned)((m == 2) & leap));
}

/* ---- publication dates -----------------------------------------------
 *
 * Papers print dates many ways; each form below is tried on the whole
 * string, then the result must be a calendar date.  A form that is
 * ambiguous between countries (04/03/2025: April or March?) is refused
 * rather than guessed.
 */

typedef struct {
    const char *p, *end;
} dcur;

static void d_spaces(dcur *c)
{
    while (c->p < c->end && (*c->p == ' ' || *c->p == '\t'))
        c->p++;
}

/* A number of min..max digits, not followed by another digit; -1 when
 * there is none. */
static int d_number(dcur *c, size_t min, size_t max)
{
    size_t k = 0;
    int v = 0;
    while (c->p + k < c->end && is_digit(c->p[k]) && k <= max) {
        v = v * 10 + (c->p[k] - '0');
        k++;
    }
    if (k < min || k > max)
        return -1;
    c->p += k;
    return v;
}

static bool d_literal(dcur *c, const char *lit)
{
    size_t n = strlen(lit);
    if ((size_t)(c->end - c->p) < n || memcmp(c->p, lit, n) != 0)
        return false;
    c->p += n;
    return true;
}

static bool is_alpha(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

/* A word of letters matching one of names (case-insensitively), then an
 * optional '.' (Aug., Wed.); the index in names, or -1 and nothing
 * consumed. */
static int d_word(dcur *c, const char *const *names, int count)
{
    size_t k = 0;
    while (c->p + k < c->end && is_alpha(c->p[k]))
        k++;
    for (int i = 0; i < count; i++)
        if (strlen(names[i]) == k && strncasecmp(c->p, names[i], k) == 0) {
            c->p += k;
            if (c->p < c->end && *c->p == '.')
                c->p++;
            return i;
        }
    return -1;
}

/* An English month name or its abbreviation: 1..12, or 0. */
static int d_month(dcur *c)
{
    static const char *const names[] = {
        "january", "february", "march",     "april",   "may",      "june",
        "july",    "august",   "september", "october", "november", "december",
        "jan",     "feb",      "mar",       "apr",     "jun",      "jul",
        "aug",     "sep",      "sept",      "oct",     "nov",      "dec"};
    static const int month[] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12,
                                1, 2, 3, 4, 6, 7, 8, 9, 9, 10, 11, 12};
    int i = d_word(c, names, (int)(sizeof names / sizeof names[0]));
    return i < 0 ? 0 : month[i];
}

/* "Monday, " or "Mon " before a date, as RSS and datelines print it. */
static void d_weekday(dcur *c)
{
    static const char *const names[] = {
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
        "sunday", "mon",     "tue",       "tues",     "wed",    "thu",
        "thur",   "thurs",   "fri",       "sat",      "sun"};
    dcur save = *c;
    if (d_word(c, names, (int)(sizeof names / sizeof names[0])) < 0)
        return;
    if (c->p < c->end && *c->p == ',')
        c->p++;
    if (c->p == c->end || (*c->p != ' ' && *c->p != '\t')) {
        *c = save; /* "Sun" glued to something else is no weekday */
        return;
    }
    d_spaces(c);
}

/* The "th" of "4th". */
static void d_ordinal(dcur *c)
{
    static const char *const suffixes[] = {"st", "nd", "rd", "th"};
    for (int i = 0; i < 4; i++)
        if (c->end - c->p >= 2 && strncasecmp(c->p, suffixes[i], 2) == 0 &&
            (c->end - c->p == 2 || !is_alpha(c->p[2]))) {
            c->p += 2;
            return;
        }
}

/* What may follow a date: nothing, or after a space or comma anything (a
 * time, a zone, "(월)"); `t_ok` also allows ISO 8601's 'T'. */
static bool d_end(const dcur *c, bool t_ok)
{
    if (c->p == c->end)
        return true;
    char ch = *c->p;
    return ch == ' ' || ch == '\t' || ch == ',' || ch == '(' ||
           (t_ok && (ch == 'T' || ch == 't'));
}

/* 2025-08-04, 2025.8.4, 2025/08/04, and 2025.08.04. as Korean sites end
 * it. */
static bool d_numeric(dcur *c, int *y, int *m, int *d)
{
    if ((*y = d_number(c, 4, 4)) < 0 || c->p == c->end)
        return false;
    char sep = *c->p;
    if (sep != '-' && sep != '.' && sep != '/')
        return false;
    c->p++;
    if ((*m = d_number(c, 1, 2)) < 0 || !d_literal(c, (char[]){sep, 0}) ||
        (*d = d_number(c, 1, 2)) < 0)
        return false;
    if (sep == '.' && c->p < c->end && *c->p == '.')
        c->p++;
    return d_end(c, sep == '-');
}

/* 2025년 8월 4일, spaces optional. */
static bool d_korean(dcur *c, int *y, int *m, int *d)
{
    if ((*y = d_number(c, 4, 4)) < 0)
        return false;
    d_spaces(c);
    if (!d_literal(c, "\xEB\x85\x84")) /* 년 */
        return false;
    d_spaces(c);
    if ((*m = d_number(c, 1, 2)) < 0)
        return false;
    d_spaces(c);
    if (!d_literal(c, "\xEC\x9B\x94")) /* 월 */
        return false;
    d_spaces(c);
    if ((*d = d_number(c, 1, 2)) < 0)
        return false;
    d_spaces(c);
    if (!d_literal(c, "\xEC\x9D\xBC")) /* 일 */
        return false;
    return d_end(c, false);
}

/* The year after a day or month: a comma and/or spaces, then 4 digits. */
static bool d_year_after(dcur *c, int *y)
{
    const char *start = c->p;
    d_spaces(c);
    if (c->p < c->end && *c->p == ',')
        c->p++;
    d_spaces(c);
    if (c->p == start) /* "Aug 42025" */
        return false;
    return (*y = d_number(c, 4, 4)) >= 0 && d_end(c, false);
}

/* Aug. 4, 2025 / August 4 2025 / Aug 4th, 2025 */
static bool d_month_first(dcur *c, int *y, int *m, int *d)
{
    if ((*m = d_month(c)) == 0)
        return false;
    d_spaces(c);
    if ((*d = d_number(c, 1, 2)) < 0)
        return false;
    d_ordinal(c);
    return d_year_after(c, y);
}

/* 4 August 2025 / 4 Aug. 2025 / 4th August, 2025 */
static bool d_day_first(dcur *c, int *y, int *m, int *d)
{
    if ((*d = d_number(c, 1, 2)) < 0)
        return false;
    d_ordinal(c);
    d_spaces(c);
    if ((*m = d_month(c)) == 0)
        return false;
    return d_year_after(c, y);
}

/* YYYY-MM-DD into buf[11], as "%04d-%02d-%02d" would write it for a
 * year of four digits and a month and day of at most two (by hand: once
 * per article, snprintf was a sixth of the reading thread's time). */
static void format_date(int y, int m, int d, char buf[11])
{
    const int parts[3] = {y, m, d}, width[3] = {4, 2, 2};
    size_t o = 0;
    for (int i = 0; i < 3; i++) {
        if (i)
            buf[o++] = '-';
        for (int k = width[i] - 1, v = parts[i]; k >= 0; k--, v /= 10)
            buf[o + (size_t)k] = (char)('0' + v % 10);
        o += (size_t)width[i];
    }
    buf[o] = '\0';
}

bool ft_article_date_parse(const char *s, size_t n, char out[11])
{
    /* Most feeds give the date as we write it: nothing to read. */
    if (n == 10 && ft_article_date_valid(s, n)) {
        memcpy(out, s, 10);
        out[10] = '\0';
        return true;
    }
    dcur start = {s, s + n};
    d_spaces(&start);
    while (start.end > start.p &&
           (start.end[-1] == ' ' || start.end[-1] == '\t' ||
            start.end[-1] == '\r' || start.end[-1] == '\n'))
        start.end--;
    d_weekday(&start);
    bool (*const forms[])(dcur *, int *, int *, int *) = {
        d_numeric, d_korean, d_month_first, d_day_first};
    for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++) {
        dcur c = start;
        int y = 0, m = 0, d = 0;
        if (!forms[i](&c, &y, &m, &d))
            continue;
        char buf[11];
        format_date(y, m, d, buf);
        if (!ft_article_date_valid(buf, 10))
            return false; /* a form that fits but no such day: Feb 30 */
        memcpy(out, buf, 11);
        return true;
    }
    return false;
}

/* ---- the reader ----------------------------------------------------- */

/* The article fields and their names (JSONL keys, CSV column names): the
 * one list the enum and the tables below are made from. */
#define JFIELDS(X)                                                             \
    X(J_ID, "id")                                                              \
    X(J_PUBLISHED, "published")                                                \
    X(J_SOURCE, "source")                                                      \
    X(J_TITLE, "title")                                                        \
    X(J_URL, "url")                                                            \
    X(J_TEXT, "text")

#define FIELD_ENUM(e, lit) e,
enum { JFIELDS(FIELD_ENUM) NJFIELDS };
#undef FIELD_ENUM

/* The names with their lengths (each key of each line is compared with
 * them), each in sixteen bytes with NULs after it, so that a short key is
 * matched in one compare (field16); FIELD refuses to compile a name that
 * leaves no NUL. */
static const struct {
    char s[16];
    size_t n;
} fields[NJFIELDS] = {
#define FIELD(e, lit)                                                          \
    [e] = {lit, sizeof lit - 1 + 0 * sizeof(char[sizeof lit <= 16 ? 1 : -1])},
    JFIELDS(FIELD)
#undef FIELD
};

/* The field whose name has each length below 16 (J_ID, 0, for none, which
 * field16's compare then tells apart).  The names' lengths all differ:
 * two of one length would set one entry twice, which -Woverride-init
 * (-Wextra) reports, and test_jsonl_fields_and_escapes would miss one. */
static const unsigned char field_of_len[16] = {
#define FIELD_LEN(e, lit) [sizeof lit - 1] = e,
    JFIELDS(FIELD_LEN)
#undef FIELD_LEN
};

typedef enum { IN_TEXT, IN_JSONL, IN_CSV } input_format;

/* Where an article comes from, as far as its metadata and the messages
 * about it go: the reader's current input, or the input a JSONL line was
 * read from (ft_line), which may be parsed after the reader moved on. */
typedef struct {
    const char *name;
    const char *date, *source; /* fallbacks (date normalised), or NULL */
    const char *encoding;      /* the input's when decoded, else NULL */
    void (*warn)(void *ctx, ft_warning w, const ft_error *detail);
    void *warn_ctx;
} origin;

/* A JSONL input's origin, shared by the reader and the lines read from it
 * and freed with the last of them: refs are counted on the reader's
 * thread only (article.h), parsers just read it.  Its strings follow it
 * in its block. */
struct ft_line_from {
    size_t refs;
    origin o;
};

struct ft_reader {
    /* options, copied */
    ft_input_kind kind;
    size_t max_bytes;
    char *date, *source; /* NULL when not given; date normalised */
    char *encoding;      /* as given, for messages; NULL for UTF-8 */
    void (*warn)(void *ctx, ft_warning w, const ft_error *detail);
    void *warn_ctx;

    /* inputs: one path, or a directory's files (all owned) */
    char **paths;
    size_t npaths, next;
    bool from_dir, from_stdin;
    bool recursive; /* enter subfolders */

    /* the input being read */
    FILE *fp;
    const char *name; /* paths[i], or "stdin" */
    input_format format;
    bool primed; /* JSONL, CSV: first chunk read and sniffed */
    bool done;   /* CSV: the rest of this input is not to be read */
    long line;   /* JSONL, CSV: lines read so far */
    char *chunk; /* JSONL, CSV read buffer, CHUNK bytes (decoded) */
    size_t chunk_pos, chunk_len;
    bool chunk_eof;
    ft_line_from *from; /* JSONL: the current input's, once a line is read */

    /* decoding (dec NULL: the input is read as it is) */
    ft_text_decoder *dec;
    /* --encoding auto: the CP949 decoder, made dec for an input whose
     * first bytes are not UTF-8 but read as CP949 (choose_encoding) */
    ft_text_decoder *auto_dec;
    char *raw; /* undecoded bytes read ahead, CHUNK bytes */
    size_t raw_pos, raw_len;
    bool raw_eof;
    char *decoded; /* decoded bytes not yet handed out, CHUNK bytes */
    size_t dec_pos, dec_len;

    /* CSV: the parser, the header's columns, the row being read */
    struct csv_parser csv;
    bool csv_live;         /* csv initialised */
    bool have_header;      /* the header row has been read */
    long col[NJFIELDS];    /* column of each field, -1 when absent */
    size_t ncols;          /* columns in the header */
    size_t field;          /* fields of the current row so far */
    size_t rows;           /* rows libcsv has ended since the feed began */
    size_t row_fields;     /* fields of the row libcsv ended */
    const char *row_why;   /* a problem found in a callback */
    bool row_oom;          /* out of memory in a callback */
    ft_buf cell[NJFIELDS]; /* the current row's values */
};

static origin origin_of(const ft_reader *r)
{
    return (origin){.name = r->name,
                    .date = r->date,
                    .source = r->source,
                    .encoding = r->dec ? r->encoding : NULL,
                    .warn = r->warn,
                    .warn_ctx = r->warn_ctx};
}

static void warn(const origin *o, ft_warning w, const char *file, long line,
                 const char *fmt, ...) __attribute__((format(printf, 5, 6)));

static void warn(const origin *o, ft_warning w, const char *file, long line,
                 const char *fmt, ...)
{
    if (!o->warn)
        return;
    ft_error e;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e.message, sizeof e.message, fmt, ap);
    va_end(ap);
    e.file[0] = '\0';
    ft_error_at(&e, file, line);
    o->warn(o->warn_ctx, w, &e);
}

/* Fill err with a message about `file` (and `line` when > 0). */
static ft_status fail_at(ft_error *err, ft_status st, const char *file,
                         long line, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

static ft_status fail_at(ft_error *err, ft_status st, const char *file,
                         long line, const char *fmt, ...)
{
    if (err) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(err->message, sizeof err->message, fmt, ap);
        va_end(ap);
        ft_error_at(err, file, line);
    }
    return st;
}

static bool name_ends(const char *path, const char *suffix)
{
    size_t n = strlen(path), k = strlen(suffix);
    return n >= k && strcasecmp(path + n - k, suffix) == 0;
}

static input_format format_by_name(const char *path)
{
    if (name_ends(path, ".jsonl") || name_ends(path, ".ndjson"))
        return IN_JSONL;
    if (name_ends(path, ".csv"))
        return IN_CSV;
    return IN_TEXT;
}

static input_format format_of_kind(ft_input_kind kind)
{
    return kind == FT_INPUT_JSONL ? IN_JSONL
           : kind == FT_INPUT_CSV ? IN_CSV
                                  : IN_TEXT;
}

static ft_status add_path(ft_reader *r, char *path, size_t *cap)
{
    if (r->npaths == *cap) {
        size_t ncap = *cap ? *cap * 2 : 16;
        char **p = realloc(r->paths, ncap * sizeof *p);
        if (!p)
            return FT_ENOMEM;
        r->paths = p;
        *cap = ncap;
    }
    r->paths[r->npaths++] = path;
    return FT_OK;
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Folders nested deeper than this are not entered (a guard against
 * bind-mount loops; symbolic links to folders are never followed). */
#define DIR_DEPTH_MAX 64

/* The regular files of a directory in byte order of name, dotfiles left
 * out; with r->recursive, each subfolder's files in its place in that
 * order, depth first. */
static ft_status list_dir(ft_reader *r, const char *dir, size_t *cap, int depth,
                          ft_error *err)
{
    origin o = origin_of(r);
    DIR *d = opendir(dir);
    if (!d)
        return fail_at(err, FT_ENOINPUT, dir, 0, "%s", strerror(errno));
    size_t dlen = strlen(dir);
    bool slash = dlen > 0 && dir[dlen - 1] == '/';
    char **names = NULL;
    size_t nnames = 0, ncap = 0;
    ft_status st = FT_OK;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        if (nnames == ncap) {
            size_t c2 = ncap ? ncap * 2 : 16;
            char **p = realloc(names, c2 * sizeof *p);
            if (!p) {
                st = FT_ENOMEM;
                break;
            }
            names = p;
            ncap = c2;
        }
        if (!(names[nnames] = strdup(e->d_name))) {
            st = FT_ENOMEM;
            break;
        }
        nnames++;
    }
    closedir(d);
    if (nnames > 1)
        qsort(names, nnames, sizeof *names, cmp_names);
    for (size_t i = 0; i < nnames && st == FT_OK; i++) {
        size_t n = dlen + 1 + strlen(names[i]) + 1;
        char *path = malloc(n);
        if (!path) {
            st = FT_ENOMEM;
            break;
        }
        snprintf(path, n, "%s%s%s", dir, slash ? "" : "/", names[i]);
        struct stat sb, lsb;
        const char *skip = NULL;
        if (stat(path, &sb) != 0)
            skip = strerror(errno);
        else if (S_ISDIR(sb.st_mode) && r->recursive) {
            if (lstat(path, &lsb) == 0 && S_ISLNK(lsb.st_mode))
                skip = "a symbolic link to a folder, not followed";
            else if (depth >= DIR_DEPTH_MAX)
                skip = "folders nested too deep";
            else {
                ft_error sub;
                st = list_dir(r, path, cap, depth + 1, &sub);
                if (st == FT_ENOINPUT) { /* an unreadable subfolder */
                    warn(&o, FT_WARN_SKIPPED, path, 0, "skipped: %s",
                         sub.message);
                    st = FT_OK;
                } else if (st != FT_OK && err)
                    *err = sub;
                free(path);
                continue;
            }
        } else if (!S_ISREG(sb.st_mode))
            skip = "not a regular file";
        if (skip) {
            warn(&o, FT_WARN_SKIPPED, path, 0, "skipped: %s", skip);
            free(path);
            continue;
        }
        if ((st = add_path(r, path, cap)) != FT_OK)
            free(path);
    }
    for (size_t i = 0; i < nnames; i++)
        free(names[i]);
    free(names);
    if (st == FT_ENOMEM)
        return ft_error_set(err, FT_ENOMEM, "out of memory");
    return st;
}

static void csv_stop(ft_reader *r)
{
    if (r->csv_live)
        csv_free(&r->csv);
    r->csv_live = false;
}

/* The current input's origin for its JSONL lines, copied into one block:
 * they may be parsed after the reader moved on, or was freed.  NULL when
 * out of memory. */
static ft_line_from *from_new(const ft_reader *r)
{
    origin o = origin_of(r);
    const char *s[] = {o.name, o.date, o.source, o.encoding};
    const char **field[] = {&o.name, &o.date, &o.source, &o.encoding};
    size_t len[4], total = sizeof(ft_line_from);
    for (int k = 0; k < 4; k++)
        total += len[k] = s[k] ? strlen(s[k]) + 1 : 0;
    ft_line_from *f = malloc(total);
    if (!f)
        return NULL;
    char *w = (char *)(f + 1);
    for (int k = 0; k < 4; k++)
        if (s[k]) {
            memcpy(w, s[k], len[k]);
            *field[k] = w;
            w += len[k];
        }
    o.warn = NULL; /* the parser's, given to ft_line_parse */
    o.warn_ctx = NULL;
    f->o = o;
    f->refs = 1;
    return f;
}

static void from_release(ft_line_from *f)
{
    if (f && --f->refs == 0)
        free(f);
}

static void close_input(ft_reader *r)
{
    if (r->fp && r->fp != stdin)
        fclose(r->fp);
    r->fp = NULL;
    csv_stop(r);
    from_release(r->from);
    r->from = NULL;
}

size_t ft_reader_paths(const ft_reader *r, const char *const **paths)
{
    *paths = (const char *const *)r->paths;
    return r->npaths;
}

void ft_reader_free(ft_reader *r)
{
    if (!r)
        return;
    close_input(r);
    for (size_t i = 0; i < r->npaths; i++)
        free(r->paths[i]);
    free(r->paths);
    free(r->date);
    free(r->source);
    free(r->encoding);
    free(r->chunk);
    if (r->dec == r->auto_dec)
        r->dec = NULL;
    ft_text_decoder_free(r->auto_dec);
    ft_text_decoder_free(r->dec);
    free(r->raw);
    free(r->decoded);
    for (int i = 0; i < NJFIELDS; i++)
        ft_buf_free(&r->cell[i]);
    free(r);
}

/* --encoding auto: read the input's first CHUNK bytes ahead into r->raw
 * and decode the input as CP949 when they are not UTF-8 but read as
 * CP949; else hand it out as it is (src_read gives r->raw first).  One
 * choice per input: a JSONL file's lines share its encoding. */
static void choose_encoding(ft_reader *r)
{
    r->dec = NULL;
    r->raw_len = fread(r->raw, 1, CHUNK, r->fp);
    r->raw_eof = r->raw_len < CHUNK; /* a read error shows again later */
    size_t bad;
    if (ft_text_utf8_valid(r->raw, r->raw_len, &bad))
        return;
    /* A character cut off by the end of the piece is still UTF-8. */
    unsigned char lead = (unsigned char)r->raw[bad];
    if (!r->raw_eof && bad + 4 > r->raw_len && lead >= 0xC2 && lead <= 0xF4)
        return;
    if (ft_text_looks_cp949(r->raw, r->raw_len, r->raw_eof)) {
        r->dec = r->auto_dec;
        ft_text_decoder_reset(r->dec);
    }
}

/* Make paths[r->next] the current input. */
static ft_status start_input(ft_reader *r, ft_error *err)
{
    const char *path = r->paths[r->next++];
    r->name = path;
    r->line = 0;
    r->primed = false;
    r->done = false;
    r->have_header = false;
    for (int k = 0; k < NJFIELDS; k++)
        r->col[k] = -1;
    r->raw_pos = r->raw_len = r->dec_pos = r->dec_len = 0;
    r->raw_eof = false;
    if (r->dec)
        ft_text_decoder_reset(r->dec);
    if (r->from_stdin) {
        r->fp = stdin;
        r->format = format_of_kind(r->kind);
    } else {
        r->fp = fopen(path, "rb");
        if (!r->fp)
            return fail_at(err, FT_ENOINPUT, path, 0, "%s", strerror(errno));
        if (!r->from_dir && r->kind != FT_INPUT_AUTO)
            r->format = format_of_kind(r->kind);
        else
            r->format = format_by_name(path);
    }
    if (r->auto_dec)
        choose_encoding(r);
    return FT_OK;
}

ft_status ft_reader_open(const char *path, const ft_reader_opts *opts,
                         ft_reader **out, ft_error *err)
{
    *out = NULL;
    char date[11];
    if (opts->date &&
        !ft_article_date_parse(opts->date, strlen(opts->date), date))
        return ft_error_set(err, FT_EUSAGE, "date '%s' is not a date",
                            opts->date);
    ft_reader *r = calloc(1, sizeof *r);
    if (!r)
        return ft_error_set(err, FT_ENOMEM, "out of memory");
    r->kind = opts->kind;
    r->max_bytes = opts->max_bytes ? opts->max_bytes : FT_ARTICLE_MAX_DEFAULT;
    r->warn = opts->warn;
    r->warn_ctx = opts->warn_ctx;
    r->recursive = opts->recursive;
    for (int i = 0; i < NJFIELDS; i++)
        ft_buf_init(&r->cell[i]);
    size_t cap = 0;
    ft_status st = FT_OK;
    bool auto_enc = opts->encoding && strcasecmp(opts->encoding, "auto") == 0;
    if (opts->encoding &&
        (st = ft_text_decoder_new(auto_enc ? "cp949" : opts->encoding,
                                  auto_enc ? &r->auto_dec : &r->dec, err)) !=
            FT_OK) {
        ft_reader_free(r);
        return st;
    }
    if ((opts->date && !(r->date = strdup(date))) ||
        (opts->source && !(r->source = strdup(opts->source))) ||
        ((r->dec || r->auto_dec) &&
         (!(r->encoding = strdup(auto_enc ? "cp949" : opts->encoding)) ||
          !(r->raw = malloc(CHUNK)) || !(r->decoded = malloc(CHUNK)))))
        st = ft_error_set(err, FT_ENOMEM, "out of memory");
    else if (strcmp(path, "-") == 0) {
        char *name = strdup("stdin");
        r->from_stdin = true;
        if (!name || add_path(r, name, &cap) != FT_OK) {
            free(name);
            st = ft_error_set(err, FT_ENOMEM, "out of memory");
        }
    } else {
        struct stat sb;
        if (stat(path, &sb) != 0)
            st = fail_at(err, FT_ENOINPUT, path, 0, "%s", strerror(errno));
        else if (S_ISDIR(sb.st_mode)) {
            r->from_dir = true;
            st = list_dir(r, path, &cap, 0, err);
        } else {
            char *copy = strdup(path);
            if (!copy || add_path(r, copy, &cap) != FT_OK) {
                free(copy);
                st = ft_error_set(err, FT_ENOMEM, "out of memory");
            } else /* open now, so a missing file is this call's error */
                st = start_input(r, err);
        }
    }
    if (st != FT_OK) {
        ft_reader_free(r);
        return st;
    }
    *out = r;
    return FT_OK;
}

/* ---- reading, decoded ------------------------------------------------
 *
 * Every reader takes its bytes from src_read, which decodes them to UTF-8
 * first when an encoding is set: what the readers see, check, store and
 * count offsets in is always the decoded text.
 */

/* Decode more of the current input into r->decoded; false when nothing
 * more will come (the end, or a read error: *error = errno). */
static bool decode_more(ft_reader *r, int *error)
{
    for (;;) {
        if (r->raw_pos < r->raw_len || r->raw_eof) {
            const char *in = r->raw + r->raw_pos;
            size_t left = r->raw_len - r->raw_pos, room = CHUNK;
            char *out = r->decoded;
            ft_text_decode(r->dec, &in, &left, &out, &room, r->raw_eof);
            r->raw_pos = r->raw_len - left;
            r->dec_pos = 0;
            r->dec_len = CHUNK - room;
            if (r->dec_len > 0)
                return true;
            if (r->raw_eof)
                return false;
        }
        /* Keep what is left (a sequence cut off by the last read) and
         * read more after it. */
        size_t keep = r->raw_len - r->raw_pos;
        memmove(r->raw, r->raw + r->raw_pos, keep);
        r->raw_pos = 0;
        r->raw_len = keep;
        size_t want = CHUNK - keep;
        size_t got = fread(r->raw + keep, 1, want, r->fp);
        r->raw_len += got;
        if (got < want) {
            if (ferror(r->fp)) {
                *error = errno ? errno : EIO;
                return false;
            }
            r->raw_eof = true;
        }
    }
}

/* Like fread on the current input, decoded: fewer than `want` bytes only
 * at its end or on a read error (*error = errno, else 0). */
static size_t src_read(ft_reader *r, char *dst, size_t want, int *error)
{
    *error = 0;
    if (!r->dec) {
        /* What choose_encoding read ahead comes first. */
        size_t ahead = r->raw_len - r->raw_pos;
        if (ahead > want)
            ahead = want;
        if (ahead)
            memcpy(dst, r->raw + r->raw_pos, ahead);
        r->raw_pos += ahead;
        if (ahead == want)
            return want;
        size_t got = ahead + fread(dst + ahead, 1, want - ahead, r->fp);
        if (got < want && ferror(r->fp))
            *error = errno ? errno : EIO;
        return got;
    }
    size_t got = 0;
    while (got < want) {
        if (r->dec_pos == r->dec_len && !decode_more(r, error))
            break;
        size_t n = r->dec_len - r->dec_pos;
        if (n > want - got)
            n = want - got;
        memcpy(dst + got, r->decoded + r->dec_pos, n);
        r->dec_pos += n;
        got += n;
    }
    return got;
}

/* NULL when s[0..n) looks like text, else why not. */
static const char *not_text(const char *s, size_t n)
{
    size_t m = n < SNIFF ? n : SNIFF, controls = 0;
    if (memchr(s, '\0', m))
        return "not text (NUL bytes: binary data?)";
    for (size_t i = 0; i < m; i++) {
        unsigned char c = (unsigned char)s[i];
        if ((c < 0x20 && (c < '\t' || c > '\r')) || c == 0x7F)
            controls++;
    }
    return controls * 10 > m ? "not text (mostly control characters)" : NULL;
}

/* Whether text (as read, not decoded) is well-formed UTF-8, which the
 * article's utf8 keeps (false: not, or not known); when it is not, a
 * warning says so. */
static bool check_utf8(const origin *o, const char *text, size_t len, long line)
{
    size_t bad;
    if (o->encoding)
        return false;
    if (ft_text_utf8_valid(text, len, &bad))
        return true;
    if (!o->warn)
        return false;
    /* Korean text saved as CP949 gives no figure read as UTF-8: say so
     * whatever the verbosity, with what to do. */
    if (ft_text_looks_cp949(text, len, true))
        warn(o, FT_WARN_CP949, o->name, line,
             "not UTF-8 but reads as CP949 (Korean), which is lost read "
             "as it is; use --encoding cp949 (or --encoding auto)");
    else
        warn(o, FT_WARN_UTF8, o->name, line,
             "invalid UTF-8 at byte %zu of the text (read as a separator)",
             bad);
    return false;
}

/* Decoded input holds U+FFFD only where a byte did not decode (CP949
 * cannot encode U+FFFD itself), so counting them in what makes one article
 * tells how many of its bytes were replaced. */
static size_t count_undecoded(const origin *o, const char *s, size_t n)
{
    return o->encoding && o->warn ? ft_text_count_replacements(s, n) : 0;
}

static void warn_undecoded(const origin *o, size_t count, long line)
{
    if (count)
        warn(o, FT_WARN_ENCODING, o->name, line,
             "%zu byte%s not valid %s, replaced by U+FFFD", count,
             count == 1 ? "" : "s", o->encoding);
}

/* Fill the metadata every article gets, in one block (article.h): the
 * id (NULL: "<input>:<line>"), published, source, title and url, given
 * as spans (ptr, len) that may be absent (NULL). */
static ft_status fill_meta(const origin *o, ft_article *a, long line,
                           const char *id, size_t id_len, const char *date,
                           size_t date_len, const char *source,
                           size_t source_len, const char *title,
                           size_t title_len, const char *url, size_t url_len)
{
    char norm[11];
    if (date && !ft_article_date_parse(date, date_len, norm)) {
        /* Quote at most 40 bytes, and no control characters: the text is
         * untrusted and the message may reach a terminal. */
        char shown[41];
        size_t n = date_len < 40 ? date_len : 40;
        for (size_t i = 0; i < n; i++)
            shown[i] = (unsigned char)date[i] < 0x20 || date[i] == 0x7F
                           ? '?'
                           : date[i];
        shown[n] = '\0';
        warn(o, FT_WARN_DATE, o->name, line,
             "date '%s' is not a recognised date; ignored", shown);
        date = NULL;
    }
    const char *pub = date ? norm : o->date ? o->date : "";
    if (!source) {
        source = o->source ? o->source : "";
        source_len = strlen(source);
    }
    if (!title)
        title = "", title_len = 0;
    if (!url)
        url = "", url_len = 0;
    if (!id) {
        int n = snprintf(NULL, 0, "%s:%ld", o->name, line);
        if (n < 0)
            return FT_ENOMEM;
        id_len = (size_t)n;
    }
    const char *part[] = {pub, source, title, url};
    size_t len[] = {strlen(pub), source_len, title_len, url_len};
    size_t total = id_len + 1;
    for (size_t k = 0; k < 4; k++)
        total += len[k] + 1;
    char *block = malloc(total);
    if (!block)
        return FT_ENOMEM;
    if (id)
        memcpy(block, id, id_len);
    else
        snprintf(block, id_len + 1, "%s:%ld", o->name, line);
    block[id_len] = '\0';
    a->id = block;
    char **field[] = {&a->published, &a->source, &a->title, &a->url};
    char *w = block + id_len + 1;
    for (size_t k = 0; k < 4; k++) {
        memcpy(w, part[k], len[k]);
        w[len[k]] = '\0';
        *field[k] = w;
        w += len[k] + 1;
    }
    return FT_OK;
}

/* ---- plain text ----------------------------------------------------- */

enum { H_TITLE, H_DATE, H_SOURCE, H_URL, NHEADERS };

typedef struct {
    const char *value[NHEADERS]; /* NULL when absent */
    size_t len[NHEADERS];
    size_t body; /* offset of the text after the header */
} header;

static bool is_blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
            return false;
    return true;
}

/* Recognise the header block at the top of s[0..n); without one,
 * h->body is 0 and every value NULL. */
static void parse_header(const char *s, size_t n, header *h)
{
    static const char *const keys[NHEADERS] = {"title", "date", "source",
                                               "url"};
    memset(h, 0, sizeof *h);
    header found;
    memset(&found, 0, sizeof found);
    size_t pos = 0;
    for (int lines = 0; lines < HEADER_MAX_LINES; lines++) {
        const char *nl = memchr(s + pos, '\n', n - pos);
        size_t eol = nl ? (size_t)(nl - s) : n;
        const char *line = s + pos;
        size_t len = eol - pos;
        size_t next = nl ? eol + 1 : n;
        if (is_blank(line, len)) {
            if (lines == 0)
                return; /* text that starts with a blank line */
            found.body = next;
            *h = found;
            return;
        }
        /* "Key: value", Key a short word */
        size_t k = 0;
        while (k < len && k < 32 &&
               ((line[k] >= 'A' && line[k] <= 'Z') ||
                (line[k] >= 'a' && line[k] <= 'z') ||
                (k > 0 &&
                 (is_digit(line[k]) || line[k] == '-' || line[k] == '_'))))
            k++;
        if (k == 0 || k >= len || line[k] != ':')
            return;
        int which = -1;
        for (int i = 0; i < NHEADERS; i++)
            if (strlen(keys[i]) == k && strncasecmp(line, keys[i], k) == 0)
                which = i;
        if (lines == 0 && which < 0)
            return; /* "Note: ..." opening the text is text */
        if (which >= 0) {
            size_t v = k + 1, e = len;
            while (v < e && (line[v] == ' ' || line[v] == '\t'))
                v++;
            while (e > v && (line[e - 1] == ' ' || line[e - 1] == '\t' ||
                             line[e - 1] == '\r'))
                e--;
            found.value[which] = line + v;
            found.len[which] = e - v;
        }
        if (!nl) { /* a file that is only a header */
            found.body = n;
            *h = found;
            return;
        }
        pos = next;
    }
}

/* Read the whole current input (at most max_bytes) into a new buffer. */
static ft_status slurp(ft_reader *r, char **out, size_t *out_len, ft_error *err)
{
    size_t limit = r->max_bytes, cap = CHUNK, len = 0;
    struct stat sb;
    /* The file's size says in advance whether it fits, and how much room
     * it needs, unless it is decoded: decoding changes the size. */
    if (!r->dec && r->fp != stdin && fstat(fileno(r->fp), &sb) == 0 &&
        S_ISREG(sb.st_mode)) {
        if ((uintmax_t)sb.st_size > limit)
            return fail_at(err, FT_ETOOBIG, r->name, 0,
                           "larger than %zu bytes (--max-bytes); skipped",
                           limit);
        cap = (size_t)sb.st_size + 2; /* + the NUL, + 1 to see EOF */
    }
    if (cap > limit + 2)
        cap = limit + 2;
    char *buf = malloc(cap);
    if (!buf)
        return ft_error_set(err, FT_ENOMEM, "out of memory");
    for (;;) {
        if (len == cap - 1) {
            if (len > limit)
                break;
            /* grow, never past limit + 1 bytes of data */
            size_t ncap = cap > (limit + 2) / 2 ? limit + 2 : cap * 2;
            char *p = realloc(buf, ncap);
            if (!p) {
                free(buf);
                return ft_error_set(err, FT_ENOMEM, "out of memory");
            }
            buf = p;
            cap = ncap;
        }
        size_t want = cap - 1 - len;
        int e;
        size_t got = src_read(r, buf + len, want, &e);
        len += got;
        if (got < want) {
            if (e) {
                free(buf);
                return fail_at(err, FT_EIO, r->name, 0, "read error: %s",
                               strerror(e));
            }
            break;
        }
    }
    if (len > limit) {
        free(buf);
        return fail_at(err, FT_ETOOBIG, r->name, 0,
                       "larger than %zu bytes (--max-bytes); skipped", limit);
    }
    buf[len] = '\0';
    *out = buf;
    *out_len = len;
    return FT_OK;
}

static ft_status next_text(ft_reader *r, ft_article *a, ft_error *err)
{
    char *buf = NULL;
    size_t len = 0;
    ft_status st = slurp(r, &buf, &len, err);
    if (st != FT_OK)
        return st;
    const char *why = not_text(buf, len);
    if (!why && memchr(buf, '\0', len))
        why = "not text (NUL bytes: binary data?)";
    if (why) {
        free(buf);
        return fail_at(err, FT_EDATA, r->name, 0, "%s", why);
    }
    origin o = origin_of(r);
    warn_undecoded(&o, count_undecoded(&o, buf, len), 0);
    size_t bom = ft_text_bom_len(buf, len);
    header h;
    parse_header(buf + bom, len - bom, &h);
    st = fill_meta(&o, a, 0, r->name, strlen(r->name), h.value[H_DATE],
                   h.len[H_DATE], h.value[H_SOURCE], h.len[H_SOURCE],
                   h.value[H_TITLE], h.len[H_TITLE], h.value[H_URL],
                   h.len[H_URL]);
    if (st != FT_OK) {
        free(buf);
        ft_article_clear(a);
        return ft_error_set(err, FT_ENOMEM, "out of memory");
    }
    /* The text keeps its bytes; only the BOM and header go. */
    size_t skip = bom + h.body;
    memmove(buf, buf + skip, len - skip);
    a->len = len - skip;
    a->text = buf;
    a->text[a->len] = '\0';
    a->utf8 = check_utf8(&o, a->text, a->len, 0);
    return FT_OK;
}

/* ---- JSONL ---------------------------------------------------------- */

/* Read more of the current input into the chunk buffer. */
static ft_status refill(ft_reader *r, ft_error *err)
{
    int e;
    r->chunk_pos = 0;
    r->chunk_len = src_read(r, r->chunk, CHUNK, &e);
    if (r->chunk_len < CHUNK) {
        if (e)
            return fail_at(err, FT_EIO, r->name, r->line + 1, "read error: %s",
                           strerror(e));
        r->chunk_eof = true;
    }
    return FT_OK;
}

/* Set up the current input for JSONL or CSV: first chunk, sniff, BOM. */
static ft_status start_stream(ft_reader *r, ft_error *err)
{
    if (!r->chunk && !(r->chunk = malloc(CHUNK)))
        return ft_error_set(err, FT_ENOMEM, "out of memory");
    r->chunk_eof = false;
    ft_status st = refill(r, err);
    if (st != FT_OK)
        return st;
    const char *why = not_text(r->chunk, r->chunk_len);
    if (why)
        return fail_at(err, FT_EDATA, r->name, 0, "%s", why);
    r->chunk_pos = ft_text_bom_len(r->chunk, r->chunk_len);
    r->primed = true;
    return FT_OK;
}

/* The next line (without its '\n') into a new NUL-terminated buffer.
 * A line longer than max_bytes is read through and dropped: FT_ETOOBIG. */
static ft_status read_line(ft_reader *r, char **out, size_t *out_len,
                           ft_error *err)
{
    char *buf = NULL;
    size_t len = 0, cap = 0, limit = r->max_bytes;
    bool any = false, too_big = false;
    for (;;) {
        if (r->chunk_pos == r->chunk_len) {
            if (r->chunk_eof)
                break;
            ft_status st = refill(r, err);
            if (st != FT_OK) {
                free(buf);
                return st;
            }
            if (r->chunk_len == 0)
                break;
        }
        char *s = r->chunk + r->chunk_pos;
        size_t avail = r->chunk_len - r->chunk_pos;
        char *nl = memchr(s, '\n', avail);
        size_t seg = nl ? (size_t)(nl - s) : avail;
        any = true;
        r->chunk_pos += seg + (nl != NULL);
        if (!too_big && len + seg > limit) {
            too_big = true;
            free(buf);
            buf = NULL;
        }
        if (!too_big) {
            if (len + seg + 1 > cap) {
                /* grow, never past limit + 1 bytes; a line wholly in
                 * the chunk gets just its size */
                size_t ncap = cap ? cap * 2 : nl ? seg + 1 : CHUNK;
                if (ncap < len + seg + 1)
                    ncap = len + seg + 1;
                if (ncap > limit + 1)
                    ncap = limit + 1;
                char *p = realloc(buf, ncap);
                if (!p) {
                    free(buf);
                    return ft_error_set(err, FT_ENOMEM, "out of memory");
                }
                buf = p;
                cap = ncap;
            }
            memcpy(buf + len, s, seg);
            len += seg;
        }
        if (nl)
            break;
    }
    if (!any)
        return FT_EOF;
    r->line++;
    if (too_big)
        return fail_at(err, FT_ETOOBIG, r->name, r->line,
                       "line larger than %zu bytes (--max-bytes); skipped",
                       limit);
    if (!buf && !(buf = malloc(1)))
        return ft_error_set(err, FT_ENOMEM, "out of memory");
    buf[len] = '\0';
    *out = buf;
    *out_len = len;
    return FT_OK;
}

typedef struct {
    char *p, *end, *start;
    const char *why;           /* first error, NULL while fine */
    size_t at;                 /* its byte offset in the line */
    const char *val[NJFIELDS]; /* decoded values, NULL when absent */
    size_t len[NJFIELDS];
    /* What the last string held, as far as a check after it cares: a
     * byte beyond ASCII (else it is UTF-8 whatever its escapes), or
     * perhaps a control (DEL, or an escape for one). */
    bool str_high, str_control;
    bool text_high, text_control; /* the same for the text field */
} jparser;

static bool jfail(jparser *j, const char *why)
{
    if (!j->why) {
        j->why = why;
        j->at = (size_t)(j->p - j->start);
    }
    return false;
}

static void jskip_ws(jparser *j)
{
    while (j->p < j->end &&
           (*j->p == ' ' || *j->p == '\t' || *j->p == '\r' || *j->p == '\n'))
        j->p++;
}

static bool jhex4(jparser *j, unsigned *out)
{
    unsigned v = 0;
    if (j->end - j->p < 4)
        return jfail(j, "short \\u escape");
    for (int i = 0; i < 4; i++) {
        char c = *j->p++;
        v <<= 4;
        if (c >= '0' && c <= '9')
            v |= (unsigned)(c - '0');
        else if (c >= 'a' && c <= 'f')
            v |= (unsigned)(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F')
            v |= (unsigned)(c - 'A' + 10);
        else
            return jfail(j, "bad \\u escape");
    }
    *out = v;
    return true;
}

static size_t put_utf8(unsigned cp, char *w)
{
    if (cp < 0x80) {
        w[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        w[0] = (char)(0xC0 | cp >> 6);
        w[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        w[0] = (char)(0xE0 | cp >> 12);
        w[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        w[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    w[0] = (char)(0xF0 | cp >> 18);
    w[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    w[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    w[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* The high bit of each byte of v equal to c, or of one below it: exact
 * whether any is (the classic "has a zero byte" and "has a byte less
 * than" tests), all a caller asks. */
static uint64_t word_eq(uint64_t v, unsigned char c)
{
    uint64_t x = v ^ (FT_ONES8 * c);
    return (x - FT_ONES8) & ~x & FT_HIGHS8;
}

static uint64_t word_below(uint64_t v, unsigned char c)
{
    return (v - FT_ONES8 * c) & ~v & FT_HIGHS8;
}

/* The end of the run of plain string bytes at p (not a quote, a
 * backslash or a C0 control), sixteen bytes at a time, then eight; notes
 * in j whether the run holds a byte beyond ASCII or DEL. */
static char *plain_run(jparser *j, char *p)
{
    ft_bytes16 high16 = {0}, del16 = {0};
    size_t k = 16;
    while (j->end - p >= 16) {
        ft_bytes16 v = ft_load16(p);
        uint32_t stop =
            ft_bits16((ft_bytes16)(v < 0x20) | (ft_bytes16)(v == '"') |
                      (ft_bytes16)(v == '\\'));
        if (stop) { /* only the lanes before it */
            k = (size_t)__builtin_ctz(stop);
            ft_bytes16 before = ft_lanes_below16(k);
            high16 |= v & before;
            del16 |= (ft_bytes16)(v == 0x7F) & before;
            p += k;
            break;
        }
        high16 |= v;
        del16 |= (ft_bytes16)(v == 0x7F);
        p += 16;
    }
    uint64_t high = 0, del = 0;
    if (k == 16) { /* the last bytes of the input */
        while (j->end - p >= 8) {
            uint64_t v;
            memcpy(&v, p, 8);
            if (word_below(v, 0x20) | word_eq(v, '"') | word_eq(v, '\\'))
                break;
            high |= v;
            del |= word_eq(v, 0x7F);
            p += 8;
        }
        unsigned char c;
        while (p < j->end && (c = (unsigned char)*p) >= 0x20 && c != '"' &&
               c != '\\') {
            high |= c;
            del |= c == 0x7F;
            p++;
        }
    }
    uint64_t h[2], d[2];
    memcpy(h, &high16, 16);
    memcpy(d, &del16, 16);
    if ((high | h[0] | h[1]) & FT_HIGHS8)
        j->str_high = true;
    if (del | d[0] | d[1])
        j->str_control = true;
    return p;
}

/* The bytes of a string from j->p decoded in place to w (w <= j->p),
 * sixteen at a time, and the escapes of one letter among them, up to a
 * quote, a control, another escape (\u) or the last sixteen bytes of
 * the line, which jstring reads on; the new w (and j->p), noting in j
 * what plain_run notes.  Each block's plain bytes go to w in one store:
 * the lanes past them keep the bytes that were there (read back first),
 * so that no byte at or past the stop, still to be read, is written
 * over; w + 16 <= j->p + 16 <= j->end, inside the line. */
static char *string_blocks(jparser *j, char *w)
{
    static const char unescaped[256] = {
        ['"'] = '"',  ['\\'] = '\\', ['/'] = '/',  ['b'] = '\b',
        ['f'] = '\f', ['n'] = '\n',  ['r'] = '\r', ['t'] = '\t'};
    char *p = j->p;
    const char *end = j->end; /* (the stores through w may alias j->end) */
    ft_bytes16 high = {0}, del = {0};
    bool backspace = false;
    while (end - p >= 16) {
        /* The whole blocks up to the first with a stop, by index: one add
         * a block for both places (w and p move together until the next
         * escape). */
        size_t i = 0, blocks = (size_t)(end - p) & ~(size_t)15;
        ft_bytes16 v;
        uint32_t stop = 0;
        for (; i < blocks; i += 16) {
            v = ft_load16(p + i);
            stop = ft_bits16((ft_bytes16)(v < 0x20) | (ft_bytes16)(v == '"') |
                             (ft_bytes16)(v == '\\'));
            if (stop)
                break;
            high |= v;
            del |= (ft_bytes16)(v == 0x7F);
            /* (stored where it is until the first escape) */
            memcpy(w + i, &v, 16);
        }
        p += i;
        w += i;
        if (!stop) /* fewer than sixteen bytes left */
            break;
        size_t k = (size_t)__builtin_ctz(stop);
        ft_bytes16 before = ft_lanes_below16(k);
        high |= v & before;
        del |= (ft_bytes16)(v == 0x7F) & before;
        v = (v & before) | (ft_load16(w) & ~before);
        memcpy(w, &v, 16);
        p += k;
        w += k;
        char d;
        if (*p != '\\' || end - p < 2 || !(d = unescaped[(unsigned char)p[1]]))
            break;
        backspace |= p[1] == 'b'; /* a control, as its escape says */
        *w++ = d;
        p += 2;
    }
    j->p = p;
    /* (a lane's high bit: a byte past ASCII; DEL lanes are 0xFF) */
    j->str_high |= ft_bits16(high) != 0;
    j->str_control |= ft_bits16(del) != 0 || backspace;
    return w;
}

/* A string at p (on its opening quote), decoded in place: an escape is
 * never shorter than what it stands for, so the write position never
 * passes the read position. */
static bool jstring(jparser *j, const char **out, size_t *out_len)
{
    char *w = ++j->p;
    *out = w;
    j->str_high = j->str_control = false;
    w = string_blocks(j, w);
    if (j->p < j->end && *j->p == '"') { /* the most common end */
        *out_len = (size_t)(w - *out);
        j->p++;
        return true;
    }
    while (j->p < j->end) {
        /* A run of plain bytes moves in one go (not at all before the
         * first escape, when w and j->p are the same place). */
        char *p = plain_run(j, j->p);
        if (p != j->p) {
            size_t run = (size_t)(p - j->p);
            if (w != j->p)
                memmove(w, j->p, run);
            w += run;
            j->p = p;
            if (p == j->end)
                break;
        }
        unsigned char c = (unsigned char)*j->p;
        if (c == '"') {
            *out_len = (size_t)(w - *out);
            j->p++;
            return true;
        }
        if (c < 0x20)
            return jfail(j, "control character in a string");
        if (c != '\\') {
            *w++ = *j->p++;
            continue;
        }
        if (++j->p == j->end)
            break;
        char e = *j->p++;
        switch (e) {
        case '"':
        case '\\':
        case '/':
            *w++ = e;
            break;
        case 'b':
            *w++ = '\b';
            j->str_control = true;
            break;
        case 'f':
            *w++ = '\f';
            break;
        case 'n':
            *w++ = '\n';
            break;
        case 'r':
            *w++ = '\r';
            break;
        case 't':
            *w++ = '\t';
            break;
        case 'u': {
            unsigned cp, lo;
            if (!jhex4(j, &cp))
                return false;
            if (cp >= 0xDC00 && cp <= 0xDFFF)
                return jfail(j, "lone surrogate in \\u escape");
            if (cp >= 0xD800 && cp <= 0xDBFF) {
                if (j->end - j->p < 6 || j->p[0] != '\\' || j->p[1] != 'u')
                    return jfail(j, "lone surrogate in \\u escape");
                j->p += 2;
                if (!jhex4(j, &lo))
                    return false;
                if (lo < 0xDC00 || lo > 0xDFFF)
                    return jfail(j, "lone surrogate in \\u escape");
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
            }
            if (cp == 0)
                return jfail(j, "\\u0000 in a string");
            if (cp < 0x20 || cp == 0x7F)
                j->str_control = true;
            w += put_utf8(cp, w);
            break;
        }
        default:
            j->p--;
            return jfail(j, "bad escape in a string");
        }
    }
    return jfail(j, "unterminated string");
}

static bool jliteral(jparser *j, const char *word)
{
    size_t n = strlen(word);
    if ((size_t)(j->end - j->p) < n || memcmp(j->p, word, n) != 0)
        return jfail(j, "unexpected character");
    j->p += n;
    return true;
}

/* A JSON number: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)? */
static bool jnumber(jparser *j)
{
    if (j->p < j->end && *j->p == '-')
        j->p++;
    if (j->p == j->end || !is_digit(*j->p))
        return jfail(j, "bad number");
    if (*j->p == '0')
        j->p++;
    else
        while (j->p < j->end && is_digit(*j->p))
            j->p++;
    if (j->p < j->end && *j->p == '.') {
        j->p++;
        if (j->p == j->end || !is_digit(*j->p))
            return jfail(j, "bad number");
        while (j->p < j->end && is_digit(*j->p))
            j->p++;
    }
    if (j->p < j->end && (*j->p == 'e' || *j->p == 'E')) {
        j->p++;
        if (j->p < j->end && (*j->p == '+' || *j->p == '-'))
            j->p++;
        if (j->p == j->end || !is_digit(*j->p))
            return jfail(j, "bad number");
        while (j->p < j->end && is_digit(*j->p))
            j->p++;
    }
    return true;
}

/* The field a key names, -1 for none, by a look at each name. */
static int field_of(const char *key, size_t klen)
{
    int which = -1;
    for (int i = 0; i < NJFIELDS; i++)
        if (fields[i].n == klen && memcmp(key, fields[i].s, klen) == 0)
            which = i;
    return which;
}

/* field_of for a key of klen < 16 bytes, none a NUL, at the start of v,
 * without a branch: the one name of its length (field_of_len), then the
 * key's lanes, those after it cleared, against that name's sixteen
 * bytes. */
static int field16(ft_bytes16 v, size_t klen)
{
    int which = field_of_len[klen];
    ft_bytes16 key = v & ft_lanes_below16(klen);
    bool same =
        ft_bits16((ft_bytes16)(key == ft_load16(fields[which].s))) == 0xFFFF;
    return same ? which : -1;
}

/* An object member's key and its ':' (and the spaces after it); *which
 * the field it names, -1 for none. */
static bool jkey(jparser *j, int *which)
{
    if (j->p == j->end || *j->p != '"')
        return jfail(j, "key expected");
    /* A key is short and plain ("text"): its closing quote is found in
     * one look at the sixteen bytes after the opening one, before any
     * backslash or control (else it is read as any string). */
    uint32_t stop = 0;
    ft_bytes16 v = {0};
    if (j->end - j->p > 16) {
        v = ft_load16(j->p + 1);
        stop = ft_bits16((ft_bytes16)(v == '"') | (ft_bytes16)(v == '\\') |
                         (ft_bytes16)(v < 0x20));
    }
    if (stop && j->p[1 + __builtin_ctz(stop)] == '"') {
        size_t len = (size_t)__builtin_ctz(stop);
        *which = field16(v, len);
        j->p += len + 2;
    } else {
        const char *key;
        size_t len;
        if (!jstring(j, &key, &len))
            return false;
        *which = field_of(key, len);
    }
    jskip_ws(j);
    if (j->p == j->end || *j->p != ':')
        return jfail(j, "':' expected");
    j->p++;
    jskip_ws(j);
    return true;
}

/* Any value, checked and thrown away (a key this reader does not use). */
static bool jskip_value(jparser *j, int depth)
{
    const char *s;
    size_t n;
    if (depth > JSON_MAX_DEPTH)
        return jfail(j, "nested too deeply");
    if (j->p == j->end)
        return jfail(j, "value expected");
    switch (*j->p) {
    case '"':
        return jstring(j, &s, &n);
    case 't':
        return jliteral(j, "true");
    case 'f':
        return jliteral(j, "false");
    case 'n':
        return jliteral(j, "null");
    case '{':
    case '[': {
        char close = *j->p == '{' ? '}' : ']';
        j->p++;
        jskip_ws(j);
        if (j->p < j->end && *j->p == close) {
            j->p++;
            return true;
        }
        for (;;) {
            int which; /* (a nested object's keys name no field) */
            if (close == '}' && !jkey(j, &which))
                return false;
            if (!jskip_value(j, depth + 1))
                return false;
            jskip_ws(j);
            if (j->p < j->end && *j->p == ',') {
                j->p++;
                jskip_ws(j);
                continue;
            }
            if (j->p < j->end && *j->p == close) {
                j->p++;
                return true;
            }
            return jfail(j, close == '}' ? "',' or '}' expected"
                                         : "',' or ']' expected");
        }
    }
    default:
        if (*j->p == '-' || is_digit(*j->p))
            return jnumber(j);
        return jfail(j, "unexpected character");
    }
}

static bool jfield(jparser *j, int which)
{
    if (j->p == j->end)
        return jfail(j, "value expected");
    if (*j->p == '"') {
        if (!jstring(j, &j->val[which], &j->len[which]))
            return false;
        if (which == J_TEXT) {
            j->text_high = j->str_high;
            j->text_control = j->str_control;
        }
        return true;
    }
    if (*j->p == 'n') {
        j->val[which] = NULL; /* null: as if absent */
        return jliteral(j, "null");
    }
    if (which == J_ID && (*j->p == '-' || is_digit(*j->p))) {
        const char *start = j->p;
        if (!jnumber(j))
            return false;
        j->val[which] = start;
        j->len[which] = (size_t)(j->p - start);
        return true;
    }
    static const char *const not_string[NJFIELDS] = {
        "\"id\" is not a string or number", "\"published\" is not a string",
        "\"source\" is not a string",       "\"title\" is not a string",
        "\"url\" is not a string",          "\"text\" is not a string"};
    return jfail(j, not_string[which]);
}

/* The object on one line; false with j->why set when malformed. */
static bool jobject(jparser *j)
{
    jskip_ws(j);
    if (j->p == j->end || *j->p != '{')
        return jfail(j, "'{' expected");
    j->p++;
    jskip_ws(j);
    unsigned seen = 0; /* a field given twice is refused: which would win? */
    if (j->p < j->end && *j->p == '}')
        j->p++;
    else
        for (;;) {
            int which;
            if (!jkey(j, &which))
                return false;
            if (which >= 0 && (seen & (1u << which)))
                return jfail(j, "a field given twice");
            if (which >= 0)
                seen |= 1u << which;
            if (!(which >= 0 ? jfield(j, which) : jskip_value(j, 1)))
                return false;
            jskip_ws(j);
            if (j->p < j->end && *j->p == ',') {
                j->p++;
                jskip_ws(j);
                continue;
            }
            if (j->p < j->end && *j->p == '}') {
                j->p++;
                break;
            }
            return jfail(j, "',' or '}' expected");
        }
    jskip_ws(j);
    if (j->p != j->end)
        return jfail(j, "text after the object");
    return true;
}

/* JSONL line number `at` of o (owned buffer, taken over) into an
 * article. */
static ft_status parse_jsonl(const origin *o, long at, char *line, size_t len,
                             ft_article *a, ft_error *err)
{
    /* Counted before the strings are decoded in place: a "\ufffd" escape
     * is the writer's, not a byte that failed to decode. */
    size_t undecoded = count_undecoded(o, line, len);
    jparser j;
    memset(&j, 0, sizeof j);
    j.p = j.start = line;
    j.end = line + len;
    if (!jobject(&j)) {
        free(line);
        return fail_at(err, FT_EDATA, o->name, at,
                       "malformed JSON: %s at byte %zu; line skipped", j.why,
                       j.at + 1);
    }
    if (!j.val[J_TEXT]) {
        free(line);
        return fail_at(err, FT_EDATA, o->name, at,
                       "no \"text\" string; line skipped");
    }
    /* "" names nothing, as null */
    bool named = j.val[J_ID] && j.len[J_ID] > 0;
    ft_status st = fill_meta(o, a, at, named ? j.val[J_ID] : NULL, j.len[J_ID],
                             j.val[J_PUBLISHED], j.len[J_PUBLISHED],
                             j.val[J_SOURCE], j.len[J_SOURCE], j.val[J_TITLE],
                             j.len[J_TITLE], j.val[J_URL], j.len[J_URL]);
    if (st != FT_OK) {
        free(line);
        ft_article_clear(a);
        return ft_error_set(err, FT_ENOMEM, "out of memory");
    }
    /* The line's buffer becomes the text: the decoded text is already in
     * it, and no other field is needed any more. */
    memmove(line, j.val[J_TEXT], j.len[J_TEXT]);
    line[j.len[J_TEXT]] = '\0';
    a->text = line;
    a->len = j.len[J_TEXT];
    /* Only bytes beyond ASCII can be bad UTF-8 (escapes decode to good);
     * blanking controls keeps it so (it blanks whole characters). */
    a->utf8 = j.text_high ? check_utf8(o, a->text, a->len, at) : true;
    warn_undecoded(o, undecoded, at);
    /* Terminal codes are not words (text.h); a text without a control
     * (nor an escape for one) has none to blank. */
    if (j.text_control)
        ft_text_blank_controls(a->text, a->len);
    return FT_OK;
}

/* The next line of the current JSONL input, unparsed; FT_EOF at its
 * end. */
static ft_status next_jsonl(ft_reader *r, ft_line *l, ft_error *err)
{
    if (!r->from && !(r->from = from_new(r)))
        return ft_error_set(err, FT_ENOMEM, "out of memory");
    for (;;) {
        char *line = NULL;
        size_t len = 0;
        ft_status st = read_line(r, &line, &len, err);
        if (st != FT_OK)
            return st;
        if (is_blank(line, len)) {
            free(line);
            continue;
        }
        r->from->refs++;
        *l = (ft_line){line, len, r->line, r->from};
        return FT_OK;
    }
}

ft_status ft_line_parse(ft_line *l, ft_article *out,
                        void (*warn)(void *ctx, ft_warning w,
                                     const ft_error *detail),
                        void *warn_ctx, ft_error *err)
{
    origin o = l->from->o;
    o.warn = warn;
    o.warn_ctx = warn_ctx;
    char *bytes = l->bytes;
    l->bytes = NULL;
    ft_article_clear(out);
    return parse_jsonl(&o, l->line, bytes, l->len, out, err);
}

void ft_line_clear(ft_line *l)
{
    free(l->bytes);
    from_release(l->from);
    *l = (ft_line){0};
}

/* ---- article CSV -----------------------------------------------------
 *
 * One article per row, under a header row naming the columns.  libcsv
 * parses the fields, strictly (a stray quote is an error).  This reader
 * first finds where each row ends, with a scanner that knows just enough
 * CSV (a line end ends a row unless it is inside a quoted field), and
 * feeds libcsv one row at a time.  So each row knows its line, a
 * malformed row is skipped by itself, and a row over max_bytes is read
 * through without being fed to libcsv or stored.
 */

/* Where the row scanner is.  A quote opens a quoted field only at the
 * start of a field (after spaces, which libcsv skips there); a stray
 * quote elsewhere leaves the field unquoted, so the row still ends at
 * its line end and only that row is lost. */
typedef enum { SC_FIELD_START, SC_UNQUOTED, SC_QUOTED, SC_QUOTE } scan_state;

/* One byte through the scanner; true when it ends the row. */
static bool scan_byte(scan_state *st, char c)
{
    switch (*st) {
    case SC_QUOTED:
        if (c == '"')
            *st = SC_QUOTE; /* the end of the field, or half of "" */
        return false;
    case SC_QUOTE:
        if (c == '"') {
            *st = SC_QUOTED;
            return false;
        }
        break; /* the field was closed: c as after any field */
    case SC_FIELD_START:
        if (c == '"') {
            *st = SC_QUOTED;
            return false;
        }
        if (c == ' ' || c == '\t')
            return false;
        break;
    case SC_UNQUOTED:
        break;
    }
    if (c == '\n' || c == '\r') /* libcsv ends a row at a CR too */
        return true;
    *st = c == ',' ? SC_FIELD_START : SC_UNQUOTED;
    return false;
}

static void csv_on_field(void *s, size_t n, void *ctx)
{
    ft_reader *r = ctx;
    size_t i = r->field++;
    if (r->row_why || r->row_oom)
        return;
    if (!r->have_header) {
        for (int k = 0; k < NJFIELDS; k++)
            if (fields[k].n == n && strncasecmp(s, fields[k].s, n) == 0) {
                if (r->col[k] >= 0)
                    r->row_why = "a column named twice";
                r->col[k] = (long)i;
            }
        return;
    }
    for (int k = 0; k < NJFIELDS; k++)
        if (r->col[k] == (long)i) {
            if (n && memchr(s, '\0', n))
                r->row_why = "a NUL byte in a field";
            else if (ft_buf_append(&r->cell[k], s, n) != FT_OK)
                r->row_oom = true;
        }
}

static void csv_on_row(int terminator, void *ctx)
{
    (void)terminator;
    ft_reader *r = ctx;
    r->rows++;
    r->row_fields = r->field;
    r->field = 0;
}

static ft_status csv_restart(ft_reader *r, ft_error *err)
{
    csv_stop(r);
    if (csv_init(&r->csv, CSV_STRICT | CSV_STRICT_FINI) != 0)
        return ft_error_set(err, FT_ENOMEM, "out of memory");
    /* libcsv grows a field by this much at a time: 128 bytes, its
     * default, would mean a realloc per 128 bytes of a long article. */
    csv_set_blk_size(&r->csv, CHUNK);
    r->csv_live = true;
    return FT_OK;
}

/* What can be wrong with a row as a whole. */
typedef enum { ROW_FINE, ROW_TOO_BIG, ROW_UNCLOSED, ROW_MALFORMED } row_problem;

/* Read the next row, up to and including the line end that ends it, and
 * feed it to libcsv, which calls csv_on_field and csv_on_row.  *first is
 * the line it starts on, *problem what made it unreadable.  FT_EOF when
 * the input has no more bytes; FT_EIO, FT_ENOMEM. */
static ft_status csv_read_row(ft_reader *r, long *first, row_problem *problem,
                              ft_error *err)
{
    size_t limit = r->max_bytes, size = 0;
    scan_state scan = SC_FIELD_START;
    bool ended = false, any = false, too_big = false, bad = false;
    r->field = r->rows = r->row_fields = 0;
    r->row_why = NULL;
    r->row_oom = false;
    for (int k = 0; k < NJFIELDS; k++)
        ft_buf_clear(&r->cell[k]);
    *first = r->line + 1;
    *problem = ROW_FINE;
    while (!ended) {
        if (r->chunk_pos == r->chunk_len) {
            if (r->chunk_eof)
                break;
            ft_status st = refill(r, err);
            if (st != FT_OK)
                return st;
            if (r->chunk_len == 0)
                break;
        }
        const char *s = r->chunk + r->chunk_pos;
        size_t avail = r->chunk_len - r->chunk_pos, i = 0;
        while (i < avail && !ended) {
            char c = s[i++];
            if (c == '\n')
                r->line++;
            ended = scan_byte(&scan, c);
        }
        any = true;
        r->chunk_pos += i;
        if (!too_big && !bad) {
            if (size + i > limit)
                too_big = true;
            else if (csv_parse(&r->csv, s, i, csv_on_field, csv_on_row, r) < i)
                bad = true;
        }
        size += i;
    }
    if (!any)
        return FT_EOF;
    if (!ended && !too_big && !bad &&
        csv_fini(&r->csv, csv_on_field, csv_on_row, r) != 0)
        bad = true;
    if (!too_big && !bad && r->rows <= 1)
        return FT_OK;
    *problem = too_big                       ? ROW_TOO_BIG
               : !ended && scan == SC_QUOTED ? ROW_UNCLOSED
                                             : ROW_MALFORMED;
    /* libcsv is left mid-row or in error: a fresh parser for the next. */
    return csv_restart(r, err);
}

/* Report a row that cannot be read; `skipped` says what is lost. */
static ft_status csv_reject(ft_reader *r, ft_error *err, long line,
                            row_problem problem, const char *why,
                            const char *skipped)
{
    switch (problem) {
    case ROW_TOO_BIG:
        return fail_at(err, FT_ETOOBIG, r->name, line,
                       "row larger than %zu bytes (--max-bytes); %s",
                       r->max_bytes, skipped);
    case ROW_UNCLOSED:
        return fail_at(err, FT_EDATA, r->name, line,
                       "malformed CSV: a quoted field is not closed by the "
                       "end of the file; %s",
                       skipped);
    case ROW_MALFORMED:
        return fail_at(err, FT_EDATA, r->name, line,
                       "malformed CSV in field %zu: a quote inside an "
                       "unquoted field, or text after a closing quote; %s",
                       r->field + 1, skipped);
    case ROW_FINE:
        break;
    }
    return fail_at(err, FT_EDATA, r->name, line, "%s; %s", why, skipped);
}

/* The row just read (every column present) into an article. */
static ft_status csv_article(ft_reader *r, long line, ft_article *a,
                             ft_error *err)
{
    origin o = origin_of(r);
    const char *v[NJFIELDS];
    size_t n[NJFIELDS], undecoded = 0;
    for (int k = 0; k < NJFIELDS; k++) {
        /* An empty cell is an absent value, as null is in JSONL. */
        n[k] = r->cell[k].len;
        v[k] = n[k] ? r->cell[k].data : NULL;
        undecoded += count_undecoded(&o, r->cell[k].data, n[k]);
    }
    ft_status st = fill_meta(&o, a, line, v[J_ID], n[J_ID], v[J_PUBLISHED],
                             n[J_PUBLISHED], v[J_SOURCE], n[J_SOURCE],
                             v[J_TITLE], n[J_TITLE], v[J_URL], n[J_URL]);
    /* The text cell's storage becomes the article's text. */
    ft_buf *t = &r->cell[J_TEXT];
    if (t->data) {
        a->text = t->data;
        a->len = t->len;
        ft_buf_init(t);
    } else
        a->text = strdup("");
    if (st != FT_OK || !a->id || !a->text) {
        ft_article_clear(a);
        return ft_error_set(err, FT_ENOMEM, "out of memory");
    }
    a->utf8 = check_utf8(&o, a->text, a->len, line);
    warn_undecoded(&o, undecoded, line);
    return FT_OK;
}

/* The next article of the current CSV input; FT_EOF at its end. */
static ft_status next_csv(ft_reader *r, ft_article *a, ft_error *err)
{
    ft_status st;
    if (!r->csv_live && (st = csv_restart(r, err)) != FT_OK)
        return st;
    for (;;) {
        long line;
        row_problem problem;
        st = csv_read_row(r, &line, &problem, err);
        if (st != FT_OK)
            return st;
        if (r->row_oom)
            return ft_error_set(err, FT_ENOMEM, "out of memory");
        if (problem == ROW_FINE && r->rows == 0)
            continue; /* a blank line */
        if (!r->have_header) {
            /* Without its header a file's rows mean nothing. */
            if (problem != ROW_FINE || r->row_why) {
                r->done = true;
                return csv_reject(r, err, line, problem, r->row_why,
                                  "in the header row: file skipped");
            }
            if (r->col[J_TEXT] < 0) {
                r->done = true;
                return fail_at(err, FT_EDATA, r->name, line,
                               "no \"text\" column in the header row; file "
                               "skipped");
            }
            r->ncols = r->row_fields;
            r->have_header = true;
            continue;
        }
        if (problem != ROW_FINE || r->row_why)
            return csv_reject(r, err, line, problem, r->row_why, "row skipped");
        if (r->row_fields != r->ncols)
            return fail_at(err, FT_EDATA, r->name, line,
                           "%zu field%s where the header has %zu; row skipped",
                           r->row_fields, r->row_fields == 1 ? "" : "s",
                           r->ncols);
        return csv_article(r, line, a, err);
    }
}

ft_status ft_reader_next_line(ft_reader *r, ft_article *out, ft_line *line,
                              ft_error *err)
{
    ft_article_clear(out);
    ft_line_clear(line);
    for (;;) {
        ft_status st;
        if (!r->fp) {
            if (r->next >= r->npaths)
                return FT_EOF;
            if ((st = start_input(r, err)) != FT_OK)
                return st;
        }
        if (r->format == IN_TEXT) {
            st = next_text(r, out, err);
            close_input(r);
            if (st == FT_OK)
                ft_text_blank_controls(out->text, out->len);
            return st;
        }
        if (!r->primed && (st = start_stream(r, err)) != FT_OK) {
            close_input(r);
            return st;
        }
        if (r->done) { /* a CSV file without a usable header */
            close_input(r);
            continue;
        }
        st = r->format == IN_JSONL ? next_jsonl(r, line, err)
                                   : next_csv(r, out, err);
        if (st == FT_EOF || st == FT_EIO) {
            close_input(r);
            if (st == FT_EOF)
                continue;
        }
        /* terminal codes are not words (text.h); a JSONL line's parser
         * blanks its own */
        if (st == FT_OK && r->format == IN_CSV)
            ft_text_blank_controls(out->text, out->len);
        return st;
    }
}

ft_status ft_reader_next(ft_reader *r, ft_article *out, ft_error *err)
{
    ft_line line = {0};
    ft_status st = ft_reader_next_line(r, out, &line, err);
    if (st == FT_OK && line.bytes)
        st = ft_line_parse(&line, out, r->warn, r->warn_ctx, err);
    ft_line_clear(&line);
    return st;
}
