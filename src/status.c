/* status.c — the error record and the status → exit code map. */
#include "status.h"

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
    /* The numbers are sysexits.h's, which DESIGN.md adopts. */
    switch (status) {
    case FT_OK:
    case FT_EOF:
        return 0;
    case FT_EUSAGE:
        return 64;
    case FT_EDATA:
    case FT_ETOOBIG:
        return 65;
    case FT_ENOINPUT:
        return 66;
    case FT_ECANTCREAT:
        return 73;
    case FT_EIO:
    case FT_ENOMEM:
        return 74;
    case FT_ELOCKED:
        return 75;
    case FT_ECONFIG:
        return 78;
    }
    return 74;
}
