/* exitcode.h — figtrend's exit codes, each named once.
 *
 * The numbers are sysexits.h's, which DESIGN.md adopts, plus 3 for a
 * partial success (some inputs rejected, the rest written); they are
 * named here rather than taken from <sysexits.h>, which is not POSIX.
 * Command-line only: the library returns ft_status, and
 * ft_status_exit_code() maps that to these.
 */
#ifndef FT_EXITCODE_H
#define FT_EXITCODE_H

enum {
    FT_EXIT_OK = 0,         /* success, also "nothing new" */
    FT_EXIT_PARTIAL = 3,    /* some inputs rejected, the rest written */
    FT_EXIT_USAGE = 64,     /* bad option or argument */
    FT_EXIT_DATAERR = 65,   /* bad input data */
    FT_EXIT_NOINPUT = 66,   /* input missing or unreadable */
    FT_EXIT_CANTCREAT = 73, /* cannot create an output */
    FT_EXIT_IOERR = 74,     /* read or write error, out of memory */
    FT_EXIT_TEMPFAIL = 75,  /* another run holds the lock */
    FT_EXIT_CONFIG = 78,    /* datasets or configuration unusable */
};

#endif
