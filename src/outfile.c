/* outfile.c — write to a temporary file, flush, rename; folders; locks. */
/* flock(2) and nanosleep are outside POSIX 2008 proper. */
#define _DEFAULT_SOURCE
#include "outfile.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
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
        int fd = open(o->tmp, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
        if (fd < 0 || fsync(fd) != 0)
            failed = errno ? errno : EIO;
        if (fd >= 0)
            close(fd);
    }
    /* A FIFO, device, socket or folder by the output's name is not ours
     * to replace: say so rather than make it vanish.  (A symlink is
     * replaced, never written through.) */
    struct stat sb;
    if (!failed && lstat(o->path, &sb) == 0 && !S_ISREG(sb.st_mode) &&
        !S_ISLNK(sb.st_mode)) {
        ft_error_set(err, FT_ECANTCREAT,
                     "not a regular file, so left as it is");
        ft_error_at(err, o->path, 0);
        unlink(o->tmp);
        clear(o);
        return FT_ECANTCREAT;
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

FILE *ft_outfile_scratch(const char *what, const char **dir)
{
    const char *d = getenv("TMPDIR");
    d = d && *d ? d : "/tmp";
    if (dir)
        *dir = d;
    char path[4096];
    int k = snprintf(path, sizeof path, "%s/figtrend-%s-XXXXXX", d, what);
    if (k < 0 || (size_t)k >= sizeof path) {
        errno = ENAMETOOLONG;
        return NULL;
    }
    int fd = mkstemp(path);
    if (fd < 0)
        return NULL;
    unlink(path);
    FILE *f = NULL;
    if (fcntl(fd, F_SETFD, FD_CLOEXEC) == 0)
        f = fdopen(fd, "w+");
    if (!f) {
        int e = errno;
        close(fd);
        errno = e;
    }
    return f;
}

void ft_outfile_sync_dir(const char *dir)
{
    int fd = open(dir && *dir ? dir : ".", O_RDONLY | O_DIRECTORY);
    if (fd >= 0) {
        fsync(fd);
        close(fd);
    }
}

ft_status ft_outfile_mkdirs(const char *dir, ft_error *err)
{
    char *p = strdup(dir && *dir ? dir : ".");
    if (!p)
        return ft_error_set(err, FT_ENOMEM, "out of memory");
    for (char *s = p + 1; *s; s++) {
        if (*s != '/')
            continue;
        *s = '\0';
        mkdir(p, 0777); /* an error shows below */
        *s = '/';
    }
    int e = mkdir(p, 0777) == 0 ? 0 : errno;
    struct stat sb;
    ft_status st = FT_OK;
    if (stat(p, &sb) != 0 || !S_ISDIR(sb.st_mode)) {
        st = ft_error_set(err, FT_ECANTCREAT, "cannot create the folder: %s",
                          strerror(e && e != EEXIST ? e : ENOTDIR));
        ft_error_at(err, dir, 0);
    }
    free(p);
    return st;
}

static double now_seconds(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

ft_status ft_outfile_lock(const char *dir, const char *name,
                          double wait_seconds, int *fd, ft_error *err)
{
    *fd = -1;
    char *path = ft_outfile_join(dir, name);
    if (!path)
        return ft_error_set(err, FT_ENOMEM, "out of memory");
    int f = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0666);
    if (f < 0) {
        ft_error_set(err, FT_ECANTCREAT, "cannot create the lock file: %s",
                     strerror(errno));
        ft_error_at(err, path, 0);
        free(path);
        return FT_ECANTCREAT;
    }
    double deadline = now_seconds() + (wait_seconds > 0 ? wait_seconds : 0);
    for (;;) {
        if (flock(f, LOCK_EX | LOCK_NB) == 0)
            break;
        int e = errno;
        if (e == EINTR)
            continue;
        if (e != EWOULDBLOCK || now_seconds() >= deadline) {
            ft_status st = e == EWOULDBLOCK ? FT_ELOCKED : FT_ECANTCREAT;
            ft_error_set(err, st, "%s",
                         e == EWOULDBLOCK ? "another run holds the lock"
                                          : strerror(e));
            ft_error_at(err, path, 0);
            close(f);
            free(path);
            return st;
        }
        /* Polled, not blocked with an alarm: nothing here owns the
         * process's signals.  A tenth of a second is no burden on a
         * scheduled job. */
        struct timespec pause = {0, 100 * 1000 * 1000};
        nanosleep(&pause, NULL);
    }
    free(path);
    *fd = f;
    return FT_OK;
}

void ft_outfile_unlock(int fd)
{
    if (fd >= 0)
        close(fd); /* closing lets go of the flock */
}

/* Whether name is ".NAME.XXXXXX" with NAME one of our outputs' kinds. */
static bool is_leftover(const char *name)
{
    static const char *const kinds[] = {
        ".csv", ".svg",  ".png",  ".pdf",
        ".gp",  ".dat",  ".html", ".xlsx",
        /* FT_MANIFEST_NAME, less its leading dot */
        "figtrend-manifest"};
    size_t n = strlen(name);
    if (n < 1 + 2 + 7 || name[0] != '.' || name[n - 7] != '.')
        return false;
    for (size_t i = n - 6; i < n; i++) {
        char c = name[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
              (c >= '0' && c <= '9')))
            return false;
    }
    size_t stem = n - 7; /* ".NAME" */
    for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
        size_t kl = strlen(kinds[k]);
        if (stem > kl + 1 && memcmp(name + stem - kl, kinds[k], kl) == 0)
            return true;
    }
    return false;
}

/* Whether name is FT_OUTFILE_PRIVATE_PREFIX and six letters or digits. */
static bool is_private(const char *name)
{
    size_t pl = strlen(FT_OUTFILE_PRIVATE_PREFIX);
    if (strncmp(name, FT_OUTFILE_PRIVATE_PREFIX, pl) != 0 ||
        strlen(name) != pl + 6)
        return false;
    for (const char *c = name + pl; *c; c++)
        if (!((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') ||
              (*c >= '0' && *c <= '9')))
            return false;
    return true;
}

/* Whether sb is our own user's and was last changed at least
 * FT_OUTFILE_STALE_SECONDS ago: a writer at work (one that does not
 * take the folder's lock, another program using the same kind of
 * name) keeps changing its file, one that was killed stopped. */
static bool stale(const struct stat *sb, time_t now)
{
    return sb->st_uid == geteuid() &&
           now - sb->st_mtime >= FT_OUTFILE_STALE_SECONDS;
}

/* Empty and remove a private folder a killed writer left: only a real
 * folder (not a symlink to one) of our own user, stale itself, and only
 * the stale regular files directly in it (a writer puts nothing else
 * there).  Whether it went. */
static bool sweep_private(int dirfd, const char *name, time_t now)
{
    int fd = openat(dirfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
                                     O_CLOEXEC);
    if (fd < 0)
        return false;
    struct stat sb;
    DIR *d = NULL;
    if (fstat(fd, &sb) != 0 || !stale(&sb, now) || !(d = fdopendir(fd))) {
        close(fd);
        return false;
    }
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        struct stat fb;
        if (fstatat(fd, e->d_name, &fb, AT_SYMLINK_NOFOLLOW) == 0 &&
            S_ISREG(fb.st_mode) && stale(&fb, now))
            unlinkat(fd, e->d_name, 0); /* anything else stays, and so it */
    }
    closedir(d);
    return unlinkat(dirfd, name, AT_REMOVEDIR) == 0;
}

size_t ft_outfile_sweep(const char *dir)
{
    DIR *d = opendir(dir && *dir ? dir : ".");
    if (!d)
        return 0;
    size_t gone = 0;
    time_t now = time(NULL);
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (is_private(e->d_name)) {
            gone += sweep_private(dirfd(d), e->d_name, now);
            continue;
        }
        struct stat sb;
        if (is_leftover(e->d_name) &&
            fstatat(dirfd(d), e->d_name, &sb, AT_SYMLINK_NOFOLLOW) == 0 &&
            S_ISREG(sb.st_mode) && stale(&sb, now) &&
            unlinkat(dirfd(d), e->d_name, 0) == 0)
            gone++;
    }
    closedir(d);
    return gone;
}
