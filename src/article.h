/* article.h — articles and the readers that produce them.
 *
 * An ft_article owns its strings (free with ft_article_clear): id and
 * text, each a block of its own; published, source, title and url live
 * in id's block, after it (one allocation, not five, an article).  Readers
 * accept a plain text file (one article, optional Title:/Date:/Source:/URL:
 * header lines then a blank line), a .jsonl file (one article per line),
 * a .csv file (one article per row), a directory (its article files in
 * name order) or "-" (standard input), in UTF-8 or, decoded, CP949.
 *
 * Ownership: ft_reader_open copies what it needs from its arguments; the
 * reader it returns belongs to the caller (ft_reader_free).  Each article
 * that ft_reader_next fills belongs to the caller (ft_article_clear).
 */
#ifndef FT_ARTICLE_H
#define FT_ARTICLE_H

#include <stdbool.h>
#include <stddef.h>

#include "status.h"

typedef struct {
    char *id;        /* the "id" field, else the path as given; its block
                        holds the four strings below too */
    char *published; /* YYYY-MM-DD or "" */
    char *source;    /* or "" */
    char *title;     /* or "" */
    char *url;       /* or "" */
    char *text;      /* body, NUL-terminated, len bytes (may hold no NUL) */
    size_t len;
    /* The reader found text well-formed UTF-8 (false: not known), so
     * that what is cut from it is not checked again (the row writer's
     * sentence and surface cells, figures.c). */
    bool utf8;
} ft_article;

void ft_article_clear(ft_article *a);

/* true when s[0..n) is a calendar date YYYY-MM-DD (year 1000..9999). */
bool ft_article_date_valid(const char *s, size_t n);

/* Read a publication date as papers print it and write it to out as
 * "YYYY-MM-DD" (11 bytes with the NUL); false, out untouched, when s[0..n)
 * is none of these forms or not a calendar date (Feb 30, month 13):
 *   2025-08-04, 2025-08-04T09:30:00+09:00 (an ISO 8601 timestamp: its
 *     date), 2025.08.04, 2025.8.4, 2025.08.04., 2025/08/04, 2025-8-4;
 *   Aug. 4, 2025 / August 4, 2025 / Aug 4 2025 / Aug. 4th, 2025;
 *   4 August 2025 / 4 Aug. 2025;
 *   2025년 8월 4일 (spaces optional).
 * Surrounding spaces, a weekday in front ("Mon, 4 Aug 2025") and anything
 * after a space, comma or '(' ("2025.08.04 09:30", "2025년 8월 4일(월)")
 * are allowed.  Day-month-year in digits (04/08/2025) is refused: it
 * means different days in different countries. */
bool ft_article_date_parse(const char *s, size_t n, char out[11]);

/* ---- readers ----------------------------------------------------------
 *
 * What the reader does with each kind of input:
 * - Plain text: the whole file is one article.  A UTF-8 byte order mark is
 *   dropped, then an optional header: lines "Key: value" at the very top,
 *   the first of them Title, Date, Source or URL (case-insensitive; other
 *   keys after it are ignored), ended by a blank line.  The text is the
 *   rest, byte for byte (CRLF line ends stay), and figure offsets count
 *   from its first byte.  An empty file is an article with no text.
 * - JSONL: one JSON object per line with string fields id, published,
 *   source, title, url and text (id may also be a number; null means
 *   absent; other keys are ignored).  Blank lines are skipped.  A line
 *   that is not such an object, or lacks "text", is rejected on its own
 *   and reading goes on with the next line.  An article without an id is
 *   named "FILE:LINE".
 * - Directory: its regular files whose names do not start with '.', in
 *   byte order of name; with `recursive`, each subfolder (not a symbolic
 *   link to one) is entered in its place in that order, depth first,
 *   else subfolders are skipped.  Files named
 *   *.jsonl or *.ndjson are JSONL, *.csv article CSV, the others plain
 *   text.
 * - Article CSV (RFC 4180, parsed by libcsv in strict mode): a header row
 *   names the columns, in any order, among id, published, source, title,
 *   url and text (any case; text is required, other names are ignored);
 *   then one article per row.  Quoted fields may hold line ends; CRLF
 *   and a byte order mark are fine; blank lines are skipped; an empty
 *   cell is an absent value.  A row that is malformed (a stray quote),
 *   has another number of fields than the header, or holds a NUL byte is
 *   rejected on its own, named by the line it starts on; a header without
 *   a text column, or malformed, rejects the file.  An article without an
 *   id is named "FILE:LINE".
 * - "-": standard input, plain text unless the kind says JSONL or CSV;
 *   its article is named "stdin" (its rows "stdin:LINE").
 * - A file is rejected as not text when its first 8 KiB hold a NUL byte
 *   or are more than 10% control characters (other than tab, LF, VT, FF,
 *   CR); a plain text article with a NUL byte anywhere is rejected too (in
 *   JSONL a raw NUL makes its line malformed, and \u0000 is refused).
 * - An article (file, JSONL line or CSV row) longer than max_bytes is
 *   rejected without being stored: memory stays within a small multiple
 *   of max_bytes plus a few 64 KiB buffers, whatever the input.
 * - With an encoding other than UTF-8, every input is decoded to UTF-8
 *   (text.h) before anything else looks at it: the sniffing, the header,
 *   JSON and CSV, the size limit and the offsets all concern the decoded
 *   text.  A byte that does not decode becomes U+FFFD, reported through
 *   the warning hook (FT_WARN_ENCODING, once per article).
 * - Bytes that are not UTF-8 (when not decoding) are kept (the extractor
 *   reads them as separators) and reported through the warning hook:
 *   FT_WARN_CP949 (once per article) when they read as CP949, else
 *   FT_WARN_UTF8.
 * - published comes from the Date header, the "published" field or the
 *   published column, read by ft_article_date_parse, else from the
 *   fallback date; an unusable date is reported through the warning hook
 *   and treated as absent.  source falls back the same way.
 */

typedef enum {
    FT_INPUT_AUTO = 0, /* by name: *.jsonl and *.ndjson are JSONL, *.csv
                          article CSV */
    FT_INPUT_TEXT,
    FT_INPUT_JSONL,
    FT_INPUT_CSV
} ft_input_kind;

#define FT_ARTICLE_MAX_DEFAULT ((size_t)16 << 20)

typedef enum {
    FT_WARN_DATE,     /* a date ft_article_date_parse cannot read, ignored */
    FT_WARN_UTF8,     /* bytes that are not UTF-8 */
    FT_WARN_SKIPPED,  /* a directory entry that is not a regular file */
    FT_WARN_ENCODING, /* bytes that did not decode, now U+FFFD */
    FT_WARN_CP949,    /* bytes that are not UTF-8 but read as CP949 */
    FT_NWARNINGS
} ft_warning;

typedef struct {
    ft_input_kind kind;   /* applies to a named file or "-"; a directory's
                             files are always judged by name */
    size_t max_bytes;     /* per article; 0 means FT_ARTICLE_MAX_DEFAULT */
    const char *date;     /* fallback publication date (any form that
                             ft_article_date_parse reads) or NULL */
    const char *encoding; /* of every input: NULL or "utf-8" (as is),
                             "cp949" or "euc-kr" (decoded; text.h), or
                             "auto": per input, as is when its first
                             64 KiB are UTF-8, else decoded as CP949 when
                             they read as CP949 (ft_text_looks_cp949) */
    const char *source;   /* fallback source or NULL */
    /* Called for things worth telling that do not reject an article;
     * detail carries the message, file and line.  May be NULL. */
    void (*warn)(void *ctx, ft_warning w, const ft_error *detail);
    void *warn_ctx;
    bool recursive; /* a directory's subfolders too */
} ft_reader_opts;

typedef struct ft_reader ft_reader;

/* Open path ("-" for standard input; a file; a directory).  FT_ENOINPUT
 * when it does not exist or cannot be opened, FT_EUSAGE for a bad fallback
 * date or an unknown encoding, FT_ECONFIG when iconv cannot decode the
 * encoding, FT_ENOMEM. */
ft_status ft_reader_open(const char *path, const ft_reader_opts *opts,
                         ft_reader **out, ft_error *err);

/* The next article into *out, which must be zeroed or hold an article from
 * an earlier call (its old contents are freed).  Returns
 *   FT_OK       an article;
 *   FT_EOF      no more articles;
 *   FT_EDATA, FT_ETOOBIG, FT_ENOINPUT, FT_EIO
 *               one input, JSONL line or CSV row was rejected (err says
 *               which, with file and line); call again to go on with the
 *               next one;
 *   FT_ENOMEM   give up.
 * *out holds no article unless FT_OK is returned. */
ft_status ft_reader_next(ft_reader *r, ft_article *out, ft_error *err);

/* ---- a JSONL line, parsed apart ---------------------------------------
 *
 * ft_reader_next is ft_reader_next_line then, for a line, ft_line_parse:
 * split, the reading thread only finds a JSONL line's end and copies it,
 * and any thread parses it later (pipeline.h), with the same article,
 * reject and warnings, in the same order, as ft_reader_next gives.
 *
 * Ownership and threads: an ft_line owns its bytes and a share of what
 * its input's articles and messages need (its name, the fallbacks, the
 * encoding), which stays valid after the reader moves on or is freed.
 * ft_reader_next_line and ft_line_clear count those shares, so they must
 * be called on one thread (the reader's); ft_line_parse only reads them,
 * on any thread, one call per line at a time. */

typedef struct ft_line_from ft_line_from;

typedef struct {
    char *bytes; /* NUL-terminated, len bytes; NULL: none (parsed) */
    size_t len;
    long line; /* its number in its input, for the messages */
    ft_line_from *from;
} ft_line;

/* As ft_reader_next, except that a JSONL line is not parsed: FT_OK with
 * line->bytes set and *out empty.  *line must be zeroed or hold a line
 * from an earlier call (cleared first).  The line limit (max_bytes), a
 * blank line and read errors are dealt with here, as ft_reader_next
 * does. */
ft_status ft_reader_next_line(ft_reader *r, ft_article *out, ft_line *line,
                              ft_error *err);

/* Parse l into *out (zeroed or an earlier article, freed first), taking
 * its bytes (they become the text); its warnings go to warn(warn_ctx,
 * ...), which may be NULL.  FT_OK, FT_EDATA (the line rejected, err says
 * why with file and line) or FT_ENOMEM. */
ft_status ft_line_parse(ft_line *l, ft_article *out,
                        void (*warn)(void *ctx, ft_warning w,
                                     const ft_error *detail),
                        void *warn_ctx, ft_error *err);

/* Free what is left of l (its bytes when not parsed, its share) and zero
 * it; on the reader's thread. */
void ft_line_clear(ft_line *l);

/* The inputs the reader goes through, in order: a file's path, a
 * directory's files, or "stdin".  Borrowed: valid until ft_reader_free. */
size_t ft_reader_paths(const ft_reader *r, const char *const **paths);

void ft_reader_free(ft_reader *r);

#endif
