/* status.c — the error record and the status → exit code map. */
#include "status.h"

#include "exitcode.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

ft_status ft_error_set(ft_error *err, ft_status status, const char *fmt, ...)
{
    if (err) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(err->message, sizeof err->message, fmt, ap);
        va_end(ap);
        err->file[0] = '\0';
        err->line = 0;
    }
    return status;
}

void ft_error_at(ft_error *err, const char *file, long line)
{
    if (!err)
        return;
    if (file)
        snprintf(err->file, sizeof err->file, "%s", file);
    else
        err->file[0] = '\0';
    err->line = line;
}

int ft_status_exit_code(ft_status status)
{
    /* The codes are sysexits.h's, which DESIGN.md adopts (exitcode.h). */
    switch (status) {
    case FT_OK:
    case FT_EOF:
        return FT_EXIT_OK;
    case FT_EUSAGE:
        return FT_EXIT_USAGE;
    case FT_EDATA:
    case FT_ETOOBIG:
        return FT_EXIT_DATAERR;
    case FT_ENOINPUT:
        return FT_EXIT_NOINPUT;
    case FT_ECANTCREAT:
        return FT_EXIT_CANTCREAT;
    case FT_EIO:
    case FT_ENOMEM:
        return FT_EXIT_IOERR;
    case FT_ELOCKED:
        return FT_EXIT_TEMPFAIL;
    case FT_ECONFIG:
        return FT_EXIT_CONFIG;
    }
    return FT_EXIT_IOERR;
}
