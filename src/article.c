/* article.c — article readers: plain text files, JSONL, directories and
 * standard input, with bounded memory whatever the input. */
#include "article.h"

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
    free(a->id);
    free(a->published);
    free(a->source);
    free(a->title);
    free(a->url);
    free(a->text);
    memset(a, 0, sizeof *a);
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

bool ft_article_date_valid(const char *s, size_t n)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (n != 10 || s[4] != '-' || s[7] != '-')
        return false;
    for (size_t i = 0; i < 10; i++)
        if (i != 4 && i != 7 && !is_digit(s[i]))
            return false;
    int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 +
            (s[3] - '0');
    int m = (s[5] - '0') * 10 + (s[6] - '0');
    int d = (s[8] - '0') * 10 + (s[9] - '0');
    if (y < 1000 || m < 1 || m > 12 || d < 1)
        return false;
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return d <= days[m - 1] + (m == 2 && leap);
}

/* A date, or an ISO 8601 timestamp whose first 10 characters are one
 * ("2025-03-04T09:00:00+09:00", "2025-03-04 09:00"). */
static bool date_prefix_valid(const char *s, size_t n)
{
    if (n < 10 || !ft_article_date_valid(s, 10))
        return false;
    return n == 10 || s[10] == 'T' || s[10] == 't' || s[10] == ' ';
}

/* ---- the reader ----------------------------------------------------- */

struct ft_reader {
    /* options, copied */
    ft_input_kind kind;
    size_t max_bytes;
    char *date, *source; /* NULL when not given */
    void (*warn)(void *ctx, ft_warning w, const ft_error *detail);
    void *warn_ctx;

    /* inputs: one path, or a directory's files (all owned) */
    char **paths;
    size_t npaths, next;
    bool from_dir, from_stdin;

    /* the input being read */
    FILE *fp;
    const char *name; /* paths[i], or "stdin" */
    bool jsonl;
    bool primed; /* JSONL: first chunk read and sniffed */
    long line;   /* JSONL lines read so far */
    char *chunk; /* JSONL read buffer, CHUNK bytes */
    size_t chunk_pos, chunk_len;
    bool chunk_eof;
};

static void warn(ft_reader *r, ft_warning w, const char *file, long line,
                 const char *fmt, ...) __attribute__((format(printf, 5, 6)));

static void warn(ft_reader *r, ft_warning w, const char *file, long line,
                 const char *fmt, ...)
{
    if (!r->warn)
        return;
    ft_error e;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e.message, sizeof e.message, fmt, ap);
    va_end(ap);
    e.file[0] = '\0';
    ft_error_at(&e, file, line);
    r->warn(r->warn_ctx, w, &e);
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

static bool name_is_jsonl(const char *path)
{
    size_t n = strlen(path);
    return (n >= 6 && strcasecmp(path + n - 6, ".jsonl") == 0) ||
           (n >= 7 && strcasecmp(path + n - 7, ".ndjson") == 0);
}

static int cmp_paths(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
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

/* The regular files of a directory, one level, dotfiles left out. */
static ft_status list_dir(ft_reader *r, const char *dir, ft_error *err)
{
    DIR *d = opendir(dir);
    if (!d)
        return fail_at(err, FT_ENOINPUT, dir, 0, "%s", strerror(errno));
    size_t cap = 0, dlen = strlen(dir);
    bool slash = dlen > 0 && dir[dlen - 1] == '/';
    ft_status st = FT_OK;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        size_t n = dlen + 1 + strlen(e->d_name) + 1;
        char *path = malloc(n);
        if (!path) {
            st = FT_ENOMEM;
            break;
        }
        snprintf(path, n, "%s%s%s", dir, slash ? "" : "/", e->d_name);
        struct stat sb;
        const char *skip = NULL;
        if (stat(path, &sb) != 0)
            skip = strerror(errno);
        else if (!S_ISREG(sb.st_mode))
            skip = "not a regular file";
        if (skip) {
            warn(r, FT_WARN_SKIPPED, path, 0, "skipped: %s", skip);
            free(path);
            continue;
        }
        if ((st = add_path(r, path, &cap)) != FT_OK) {
            free(path);
            break;
        }
    }
    closedir(d);
    if (st == FT_ENOMEM)
        return ft_error_set(err, FT_ENOMEM, "out of memory");
    if (r->npaths > 1)
        qsort(r->paths, r->npaths, sizeof *r->paths, cmp_paths);
    return FT_OK;
}

static void close_input(ft_reader *r)
{
    if (r->fp && r->fp != stdin)
        fclose(r->fp);
    r->fp = NULL;
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
    free(r->chunk);
    free(r);
}

/* Make paths[r->next] the current input. */
static ft_status start_input(ft_reader *r, ft_error *err)
{
    const char *path = r->paths[r->next++];
    r->name = path;
    r->line = 0;
    r->primed = false;
    if (r->from_stdin) {
        r->fp = stdin;
        r->jsonl = r->kind == FT_INPUT_JSONL;
    } else {
        r->fp = fopen(path, "rb");
        if (!r->fp)
            return fail_at(err, FT_ENOINPUT, path, 0, "%s", strerror(errno));
        if (!r->from_dir && r->kind != FT_INPUT_AUTO)
            r->jsonl = r->kind == FT_INPUT_JSONL;
        else
            r->jsonl = name_is_jsonl(path);
    }
    return FT_OK;
}

ft_status ft_reader_open(const char *path, const ft_reader_opts *opts,
                         ft_reader **out, ft_error *err)
{
    *out = NULL;
    if (opts->date && !ft_article_date_valid(opts->date, strlen(opts->date)))
        return ft_error_set(err, FT_EUSAGE, "date '%s' is not YYYY-MM-DD",
                            opts->date);
    ft_reader *r = calloc(1, sizeof *r);
    if (!r)
        return ft_error_set(err, FT_ENOMEM, "out of memory");
    r->kind = opts->kind;
    r->max_bytes = opts->max_bytes ? opts->max_bytes : FT_ARTICLE_MAX_DEFAULT;
    r->warn = opts->warn;
    r->warn_ctx = opts->warn_ctx;
    size_t cap = 0;
    ft_status st = FT_OK;
    if ((opts->date && !(r->date = strdup(opts->date))) ||
        (opts->source && !(r->source = strdup(opts->source))))
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
            st = list_dir(r, path, err);
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

static void warn_utf8(ft_reader *r, const char *text, size_t len, long line)
{
    size_t bad;
    if (r->warn && !ft_text_utf8_valid(text, len, &bad))
        warn(r, FT_WARN_UTF8, r->name, line,
             "invalid UTF-8 at byte %zu of the text (read as a separator)",
             bad);
}

/* Fill the metadata every article gets; published and source are given
 * as spans (ptr, len) that may be absent (NULL). */
static ft_status fill_meta(ft_reader *r, ft_article *a, long line,
                           const char *date, size_t date_len,
                           const char *source, size_t source_len,
                           const char *title, size_t title_len, const char *url,
                           size_t url_len)
{
    if (date && !date_prefix_valid(date, date_len)) {
        /* Quote at most 40 bytes, and no control characters: the text is
         * untrusted and the message may reach a terminal. */
        char shown[41];
        size_t n = date_len < 40 ? date_len : 40;
        for (size_t i = 0; i < n; i++)
            shown[i] = (unsigned char)date[i] < 0x20 || date[i] == 0x7F
                           ? '?'
                           : date[i];
        shown[n] = '\0';
        warn(r, FT_WARN_DATE, r->name, line,
             "date '%s' is not YYYY-MM-DD; ignored", shown);
        date = NULL;
    }
    if (date)
        a->published = strndup(date, 10);
    else
        a->published = strdup(r->date ? r->date : "");
    if (source)
        a->source = strndup(source, source_len);
    else
        a->source = strdup(r->source ? r->source : "");
    a->title = title ? strndup(title, title_len) : strdup("");
    a->url = url ? strndup(url, url_len) : strdup("");
    if (!a->published || !a->source || !a->title || !a->url)
        return FT_ENOMEM;
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
    if (r->fp != stdin && fstat(fileno(r->fp), &sb) == 0 &&
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
        size_t got = fread(buf + len, 1, want, r->fp);
        len += got;
        if (got < want) {
            if (ferror(r->fp)) {
                int e = errno;
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
    size_t bom = ft_text_bom_len(buf, len);
    header h;
    parse_header(buf + bom, len - bom, &h);
    a->id = strdup(r->name);
    st = fill_meta(r, a, 0, h.value[H_DATE], h.len[H_DATE], h.value[H_SOURCE],
                   h.len[H_SOURCE], h.value[H_TITLE], h.len[H_TITLE],
                   h.value[H_URL], h.len[H_URL]);
    if (st != FT_OK || !a->id) {
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
    warn_utf8(r, a->text, a->len, 0);
    return FT_OK;
}

/* ---- JSONL ---------------------------------------------------------- */

/* Read more of the current input into the chunk buffer. */
static ft_status refill(ft_reader *r, ft_error *err)
{
    r->chunk_pos = 0;
    r->chunk_len = fread(r->chunk, 1, CHUNK, r->fp);
    if (r->chunk_len < CHUNK) {
        if (ferror(r->fp))
            return fail_at(err, FT_EIO, r->name, r->line + 1, "read error: %s",
                           strerror(errno));
        r->chunk_eof = true;
    }
    return FT_OK;
}

/* Set up the current input for JSONL: first chunk, sniff, BOM. */
static ft_status start_jsonl(ft_reader *r, ft_error *err)
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
                /* grow, never past limit + 1 bytes */
                size_t ncap = cap ? cap * 2 : CHUNK;
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

enum { J_ID, J_PUBLISHED, J_SOURCE, J_TITLE, J_URL, J_TEXT, NJFIELDS };

typedef struct {
    char *p, *end, *start;
    const char *why;           /* first error, NULL while fine */
    size_t at;                 /* its byte offset in the line */
    const char *val[NJFIELDS]; /* decoded values, NULL when absent */
    size_t len[NJFIELDS];
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

/* A string at p (on its opening quote), decoded in place: an escape is
 * never shorter than what it stands for, so the write position never
 * passes the read position. */
static bool jstring(jparser *j, const char **out, size_t *out_len)
{
    char *w = ++j->p;
    *out = w;
    while (j->p < j->end) {
        /* A run of plain bytes moves in one go (not at all before the
         * first escape, when w and j->p are the same place). */
        char *p = j->p;
        while (p < j->end && (unsigned char)*p >= 0x20 && *p != '"' &&
               *p != '\\')
            p++;
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

/* Any value, checked and thrown away (a key this reader does not use). */
/* An object member's key and its ':' (and the spaces after it). */
static bool jkey(jparser *j, const char **key, size_t *len)
{
    if (j->p == j->end || *j->p != '"')
        return jfail(j, "key expected");
    if (!jstring(j, key, len))
        return false;
    jskip_ws(j);
    if (j->p == j->end || *j->p != ':')
        return jfail(j, "':' expected");
    j->p++;
    jskip_ws(j);
    return true;
}

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
            if (close == '}') {
                if (!jkey(j, &s, &n))
                    return false;
            }
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
    if (*j->p == '"')
        return jstring(j, &j->val[which], &j->len[which]);
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
    static const char *const keys[NJFIELDS] = {"id",    "published", "source",
                                               "title", "url",       "text"};
    jskip_ws(j);
    if (j->p == j->end || *j->p != '{')
        return jfail(j, "'{' expected");
    j->p++;
    jskip_ws(j);
    if (j->p < j->end && *j->p == '}')
        j->p++;
    else
        for (;;) {
            const char *key;
            size_t klen;
            if (!jkey(j, &key, &klen))
                return false;
            int which = -1;
            for (int i = 0; i < NJFIELDS; i++)
                if (strlen(keys[i]) == klen && memcmp(key, keys[i], klen) == 0)
                    which = i;
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

/* One JSONL line (owned buffer, taken over) into an article. */
static ft_status parse_jsonl(ft_reader *r, char *line, size_t len,
                             ft_article *a, ft_error *err)
{
    jparser j;
    memset(&j, 0, sizeof j);
    j.p = j.start = line;
    j.end = line + len;
    if (!jobject(&j)) {
        free(line);
        return fail_at(err, FT_EDATA, r->name, r->line,
                       "malformed JSON: %s at byte %zu; line skipped", j.why,
                       j.at + 1);
    }
    if (!j.val[J_TEXT]) {
        free(line);
        return fail_at(err, FT_EDATA, r->name, r->line,
                       "no \"text\" string; line skipped");
    }
    if (j.val[J_ID])
        a->id = strndup(j.val[J_ID], j.len[J_ID]);
    else {
        size_t n = strlen(r->name) + 24;
        if ((a->id = malloc(n)) != NULL)
            snprintf(a->id, n, "%s:%ld", r->name, r->line);
    }
    ft_status st =
        fill_meta(r, a, r->line, j.val[J_PUBLISHED], j.len[J_PUBLISHED],
                  j.val[J_SOURCE], j.len[J_SOURCE], j.val[J_TITLE],
                  j.len[J_TITLE], j.val[J_URL], j.len[J_URL]);
    if (st != FT_OK || !a->id) {
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
    warn_utf8(r, a->text, a->len, r->line);
    return FT_OK;
}

/* The next article of the current JSONL input; FT_EOF at its end. */
static ft_status next_jsonl(ft_reader *r, ft_article *a, ft_error *err)
{
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
        return parse_jsonl(r, line, len, a, err);
    }
}

ft_status ft_reader_next(ft_reader *r, ft_article *out, ft_error *err)
{
    ft_article_clear(out);
    for (;;) {
        ft_status st;
        if (!r->fp) {
            if (r->next >= r->npaths)
                return FT_EOF;
            if ((st = start_input(r, err)) != FT_OK)
                return st;
        }
        if (r->jsonl && !r->primed && (st = start_jsonl(r, err)) != FT_OK) {
            close_input(r);
            return st;
        }
        if (!r->jsonl) {
            st = next_text(r, out, err);
            close_input(r);
            return st;
        }
        st = next_jsonl(r, out, err);
        if (st == FT_EOF || st == FT_EIO) {
            close_input(r);
            if (st == FT_EOF)
                continue;
        }
        return st;
    }
}
