/* outfile.c — write to a temporary file, flush, rename. */
#include "outfile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

char *ft_outfile_join(const char *dir, const char *name)
{
    if (!dir || !*dir)
        dir = ".";
    size_t dl = strlen(dir), nl = strlen(name);
    bool slash = dir[dl - 1] != '/';
    char *p = malloc(dl + slash + nl + 1);
    if (!p)
        return NULL;
    memcpy(p, dir, dl);
    if (slash)
        p[dl] = '/';
    memcpy(p + dl + slash, name, nl + 1);
    return p;
}

static void clear(ft_outfile *o)
{
    free(o->tmp);
    free(o->path);
    o->fp = NULL;
    o->tmp = o->path = NULL;
}

ft_status ft_outfile_open(ft_outfile *o, const char *dir, const char *name,
                          ft_error *err)
{
    o->fp = NULL;
    o->tmp = o->path = NULL;
    size_t nl = strlen(name);
    char *hidden = malloc(nl + 9);
    if (!hidden)
        return ft_error_set(err, FT_ENOMEM, "out of memory");
    hidden[0] = '.';
    memcpy(hidden + 1, name, nl);
    memcpy(hidden + 1 + nl, ".XXXXXX", 8);
    o->tmp = ft_outfile_join(dir, hidden);
    o->path = ft_outfile_join(dir, name);
    free(hidden);
    if (!o->tmp || !o->path) {
        clear(o);
        return ft_error_set(err, FT_ENOMEM, "out of memory");
    }
    int fd = mkstemp(o->tmp);
    if (fd < 0) {
        ft_error_set(err, FT_ECANTCREAT, "cannot create a file here: %s",
                     strerror(errno));
        ft_error_at(err, o->path, 0);
        clear(o);
        return FT_ECANTCREAT;
    }
    /* mkstemp makes 0600; an output is as readable as any other file. */
    mode_t mask = umask(0);
    umask(mask);
    fchmod(fd, 0666 & ~mask);
    if (!(o->fp = fdopen(fd, "w"))) {
        int e = errno;
        close(fd);
        unlink(o->tmp);
        clear(o);
        return ft_error_set(err, e == ENOMEM ? FT_ENOMEM : FT_ECANTCREAT,
                            "cannot open a temporary file: %s", strerror(e));
    }
    return FT_OK;
}

ft_status ft_outfile_commit(ft_outfile *o, ft_error *err)
{
    if (!o->tmp)
        return ft_error_set(err, FT_EIO, "output file not open");
    int failed = 0;
    errno = 0;
    if (o->fp) {
        if (fflush(o->fp) != 0 || ferror(o->fp) || fsync(fileno(o->fp)) != 0)
            failed = errno ? errno : EIO;
        if (fclose(o->fp) != 0 && !failed)
            failed = errno ? errno : EIO;
        o->fp = NULL;
    } else {
        /* Written by another program (gnuplot): flush it all the same. */
        int fd = open(o->tmp, O_RDONLY);
        if (fd < 0 || fsync(fd) != 0)
            failed = errno ? errno : EIO;
        if (fd >= 0)
            close(fd);
    }
    if (!failed && rename(o->tmp, o->path) != 0)
        failed = errno;
    if (failed) {
        ft_error_set(err, FT_EIO, "write error: %s", strerror(failed));
        ft_error_at(err, o->path, 0);
        unlink(o->tmp);
        clear(o);
        return FT_EIO;
    }
    clear(o);
    return FT_OK;
}

void ft_outfile_abort(ft_outfile *o)
{
    if (o->fp)
        fclose(o->fp);
    if (o->tmp)
        unlink(o->tmp);
    clear(o);
}

void ft_outfile_sync_dir(const char *dir)
{
    int fd = open(dir && *dir ? dir : ".", O_RDONLY | O_DIRECTORY);
    if (fd >= 0) {
        fsync(fd);
        close(fd);
    }
}
