/* status.h — status codes and the error record shared by every module.
 *
 * The library never prints and never exits: a function that can fail returns
 * an ft_status and, when the caller passes a non-NULL ft_error, fills it with
 * a one-line message (and the file and line it concerns, when known).  The
 * command-line layer maps statuses to the exit codes of DESIGN.md.
 */
#ifndef FT_STATUS_H
#define FT_STATUS_H

#include <stddef.h>

typedef enum {
    FT_OK = 0,
    FT_EUSAGE,    /* bad option or argument               -> exit 64 */
    FT_EDATA,     /* bad input data                       -> exit 65 */
    FT_ENOINPUT,  /* input missing or unreadable          -> exit 66 */
    FT_ECANTCREAT,/* cannot create output                 -> exit 73 */
    FT_EIO,       /* read or write error                  -> exit 74 */
    FT_ELOCKED,   /* another run holds the lock           -> exit 75 */
    FT_ECONFIG,   /* datasets or configuration unusable   -> exit 78 */
    FT_ENOMEM,    /* out of memory                        -> exit 74 */
    FT_ETOOBIG,   /* an input larger than we accept       -> exit 65 */
    FT_EOF        /* no more input: not an error (readers) -> exit 0 */
} ft_status;

typedef struct {
    char message[256];
    char file[256]; /* empty when not about a file */
    long line;      /* 0 when unknown */
} ft_error;

/* Fill err (when non-NULL) with a printf-style message; returns status so
 * that error paths read `return ft_error_set(err, FT_EDATA, ...)`. */
ft_status ft_error_set(ft_error *err, ft_status status, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Record the file and line an error concerns (either may be NULL/0). */
void ft_error_at(ft_error *err, const char *file, long line);

/* Exit code of DESIGN.md for a status. */
int ft_status_exit_code(ft_status status);

#endif
