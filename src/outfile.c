/* outfile.c — write to a temporary file, flush, rename; folders; locks. */
/* flock(2) and nanosleep are outside POSIX 2008 proper, syncfs(2) is
 * Linux's own. */
#define _GNU_SOURCE
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
    if (!failed && ft_outfile_check(o->path, err) != FT_OK) {
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

/* A FIFO, device, socket or folder by an output's name is not ours to
 * replace: say so rather than make it vanish. */
static bool in_the_way(const struct stat *sb)
{
    return !S_ISREG(sb->st_mode) && !S_ISLNK(sb->st_mode);
}

static ft_status not_regular(const char *path, ft_error *err)
{
    ft_error_set(err, FT_ECANTCREAT, "not a regular file, so left as it is");
    ft_error_at(err, path, 0);
    return FT_ECANTCREAT;
}

ft_status ft_outfile_check(const char *path, ft_error *err)
{
    struct stat sb;
    if (lstat(path, &sb) == 0 && in_the_way(&sb))
        return not_regular(path, err);
    return FT_OK;
}

/* ---- batches ------------------------------------------------------------ */

struct ft_outfile_batch {
    char *dir;        /* the output folder, for messages */
    char *own;        /* its private folder */
    int dirfd, ownfd; /* both open, for the *at calls */
    char *names;      /* the files taken, each ending in '\0' */
    size_t len, cap, n;
};

ft_status ft_outfile_batch_new(const char *dir, ft_outfile_batch **out,
                               ft_error *err)
{
    *out = NULL;
    ft_outfile_batch *b = calloc(1, sizeof *b);
    if (!b)
        return ft_error_set(err, FT_ENOMEM, "out of memory");
    b->dirfd = b->ownfd = -1;
    b->dir = strdup(dir && *dir ? dir : ".");
    b->own = ft_outfile_join(dir, FT_OUTFILE_PRIVATE_PREFIX "XXXXXX");
    if (!b->dir || !b->own) {
        ft_outfile_batch_free(b);
        return ft_error_set(err, FT_ENOMEM, "out of memory");
    }
    if (!mkdtemp(b->own)) {
        free(b->own);
        b->own = NULL; /* not made: nothing to remove */
    } else {
        b->dirfd = open(b->dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        b->ownfd = open(b->own, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    }
    if (b->ownfd < 0 || b->dirfd < 0) {
        ft_error_set(err, FT_ECANTCREAT, "cannot create a folder here: %s",
                     strerror(errno));
        ft_error_at(err, b->dir, 0);
        ft_outfile_batch_free(b);
        return FT_ECANTCREAT;
    }
    *out = b;
    return FT_OK;
}

/* Remove the files taken and not committed. */
static void remove_all(ft_outfile_batch *b)
{
    const char *name = b->names;
    for (size_t i = 0; i < b->n; i++, name += strlen(name) + 1)
        unlinkat(b->ownfd, name, 0);
    b->n = b->len = 0;
}

void ft_outfile_batch_free(ft_outfile_batch *b)
{
    if (!b)
        return;
    if (b->ownfd >= 0) {
        remove_all(b);
        close(b->ownfd);
    }
    if (b->dirfd >= 0)
        close(b->dirfd);
    if (b->own)
        rmdir(b->own); /* a file left in it (not ours) keeps it for sweep */
    free(b->own);
    free(b->dir);
    free(b->names);
    free(b);
}

const char *ft_outfile_batch_dir(const ft_outfile_batch *b)
{
    return b->own;
}

ft_status ft_outfile_batch_add(ft_outfile_batch *b, const char *name,
                               ft_error *err)
{
    size_t l = strlen(name) + 1;
    if (b->cap - b->len < l) {
        size_t cap = b->cap ? b->cap : 4096;
        while (cap - b->len < l)
            cap *= 2;
        char *p = realloc(b->names, cap);
        if (!p)
            return ft_error_set(err, FT_ENOMEM, "out of memory");
        b->names = p;
        b->cap = cap;
    }
    memcpy(b->names + b->len, name, l);
    b->len += l;
    b->n++;
    return FT_OK;
}

/* What went wrong with DIR/NAME (and errno's message, unless e is 0)
 * into err; returns st. */
static ft_status batch_error(const ft_outfile_batch *b, const char *name,
                             ft_status st, const char *what, int e,
                             ft_error *err)
{
    if (e)
        ft_error_set(err, st, "%s: %s", what, strerror(e));
    else
        ft_error_set(err, st, "%s", what);
    char *path = ft_outfile_join(b->dir, name);
    ft_error_at(err, path ? path : b->dir, 0);
    free(path);
    return st;
}

ft_status ft_outfile_batch_write(ft_outfile_batch *b, const char *name,
                                 const void *data, size_t len, ft_error *err)
{
    struct stat sb;
    if (fstatat(b->dirfd, name, &sb, AT_SYMLINK_NOFOLLOW) == 0 &&
        in_the_way(&sb))
        return batch_error(b, name, FT_ECANTCREAT,
                           "not a regular file, so left as it is", 0, err);
    /* The folder is ours alone, so the name is too; the mode is an
     * output's (0666 less the umask). */
    int fd =
        openat(b->ownfd, name,
               O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0666);
    if (fd < 0)
        return batch_error(b, name, FT_ECANTCREAT, "cannot create a file here",
                           errno, err);
    const char *p = data;
    int e = 0;
    while (len > 0 && !e) {
        ssize_t k = write(fd, p, len);
        if (k > 0) {
            p += k;
            len -= (size_t)k;
        } else if (k == 0 || errno != EINTR)
            e = k == 0 ? EIO : errno;
    }
    if (close(fd) != 0 && !e && errno != EINTR)
        e = errno;
    if (e) {
        unlinkat(b->ownfd, name, 0);
        return batch_error(b, name, FT_EIO, "write error", e, err);
    }
    ft_status st = ft_outfile_batch_add(b, name, err);
    if (st != FT_OK)
        unlinkat(b->ownfd, name, 0);
    return st;
}

/* Flush every file of the batch to disk; 0 or an errno. */
static int flush_all(ft_outfile_batch *b)
{
#if defined(__linux__) && defined(__GLIBC__) &&                                \
    (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 14))
    /* One call for the whole file system the files are on (Linux reports
     * a failed write-back through it since 5.8).  Its error may be any
     * file's on that file system, not ours: then each of ours is
     * flushed and asked on its own. */
    if (syncfs(b->ownfd) == 0)
        return 0;
#endif
    const char *name = b->names;
    for (size_t i = 0; i < b->n; i++, name += strlen(name) + 1) {
        int fd = openat(b->ownfd, name,
                        O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC);
        int e = fd < 0 || fsync(fd) != 0 ? errno : 0;
        if (fd >= 0)
            close(fd);
        if (e)
            return e;
    }
    return 0;
}

ft_status ft_outfile_batch_commit(ft_outfile_batch *b, ft_error *err)
{
    if (b->n == 0)
        return FT_OK;
    int e = flush_all(b);
    if (e) {
        remove_all(b);
        ft_error_set(err, FT_EIO, "write error: %s", strerror(e));
        ft_error_at(err, b->dir, 0);
        return FT_EIO;
    }
    ft_status st = FT_OK;
    const char *name = b->names;
    for (size_t i = 0; i < b->n; i++, name += strlen(name) + 1) {
        struct stat sb;
        if (st != FT_EIO &&
            fstatat(b->dirfd, name, &sb, AT_SYMLINK_NOFOLLOW) == 0 &&
            in_the_way(&sb)) {
            /* Something came by the name since the file was written. */
            if (st == FT_OK)
                batch_error(b, name, FT_ECANTCREAT,
                            "not a regular file, so left as it is", 0, err);
            st = FT_ECANTCREAT;
        } else if (st != FT_EIO &&
                   renameat(b->ownfd, name, b->dirfd, name) == 0)
            continue;
        else if (st != FT_EIO)
            st = batch_error(b, name, FT_EIO, "write error", errno, err);
        unlinkat(b->ownfd, name, 0);
    }
    b->n = b->len = 0;
    fsync(b->dirfd); /* the renames survive a power cut */
    return st;
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
        ".csv", ".svg", ".png", ".pdf", ".gp", ".dat", ".html", ".xlsx",
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
    int fd =
        openat(dirfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
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
