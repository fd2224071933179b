/* outfile.h — output files that appear whole or not at all.
 *
 * An output is written to a temporary file in its own folder
 * (".NAME.XXXXXX", so a reader listing the folder skips it), flushed to
 * disk and renamed over NAME: a crash or a kill at any moment leaves the
 * previous complete NAME, never half a file.
 *
 * Ownership: an ft_outfile owns its FILE and both paths until
 * ft_outfile_commit or ft_outfile_abort, which free them (either may be
 * called on an ft_outfile that failed to open, or twice).
 */
#ifndef FT_OUTFILE_H
#define FT_OUTFILE_H

#include <stdio.h>

#include "status.h"

typedef struct {
    FILE *fp;   /* write here; NULL once closed */
    char *tmp;  /* the temporary file's path */
    char *path; /* DIR/NAME */
} ft_outfile;

/* Create DIR/.NAME.XXXXXX (mode 0666 less the umask) and open it for
 * writing.  FT_ECANTCREAT when the folder does not take it, FT_ENOMEM. */
ft_status ft_outfile_open(ft_outfile *o, const char *dir, const char *name,
                          ft_error *err);

/* Close the stream (when still open) and flush the file to disk, then
 * rename it to its final name.  FT_EIO when a write, the flush or the
 * rename failed; FT_ECANTCREAT (err names the path) when something not
 * a regular file (a FIFO, a device, a folder) has the final name: it is
 * left as it is.  Either way the temporary file is then removed. */
ft_status ft_outfile_commit(ft_outfile *o, ft_error *err);

/* Close and remove the temporary file. */
void ft_outfile_abort(ft_outfile *o);

/* FT_ECANTCREAT (err names path) when something not a regular file (a
 * FIFO, a device, a socket, a folder) has the name path: it is not ours
 * to replace.  FT_OK when nothing or a regular file (or a symlink, which
 * a rename replaces, never writes through) has it. */
ft_status ft_outfile_check(const char *path, ft_error *err);

/* "DIR/NAME" in fresh memory (the caller frees); "./NAME" when DIR is
 * empty.  NULL when out of memory. */
char *ft_outfile_join(const char *dir, const char *name);

/* An anonymous scratch file for a writer's own use (read back and
 * gone with it), in $TMPDIR, else /tmp, as sort(1) chooses: glibc's
 * tmpfile(3) always uses /tmp, which may be small where the user
 * pointed TMPDIR at room.  Its name is removed at once, so nothing is
 * left however the process ends, and it is closed on exec, so no child
 * (gnuplot) holds it.  `what` goes into the short-lived name
 * ("figtrend-WHAT-XXXXXX").  NULL with errno set when it cannot be made;
 * *dir (may be NULL) says where it was tried. */
FILE *ft_outfile_scratch(const char *what, const char **dir);

/* Flush the folder itself to disk, so that renames in it survive a power
 * cut.  Best effort: errors are ignored. */
void ft_outfile_sync_dir(const char *dir);

/* A folder a writer makes for itself alone in the output folder (with
 * mkdtemp: this prefix and six characters, mode 0700), when another
 * program must open the file by name (gnuplot, its picture). */
#define FT_OUTFILE_PRIVATE_PREFIX ".figtrend-draw."

/* A temporary file unchanged for this long belongs to a writer that
 * was killed (or hangs): a live one keeps writing. */
#define FT_OUTFILE_STALE_SECONDS (10 * 60)

/* Remove the temporary files that writers killed mid-way left in dir
 * (".NAME.XXXXXX" where NAME ends in .csv, .svg, .png, .pdf, .gp, .dat,
 * .html or .xlsx, or is the manifest of src/manifest.h), and their
 * private folders (above, with the files in
 * them): only regular files and real folders of the calling user,
 * unchanged for FT_OUTFILE_STALE_SECONDS, so that a writer at work
 * that does not take the lock (or another program's file of the same
 * kind of name) keeps its file.  Call it while holding the folder's
 * lock (below).  Best effort; returns how many went. */
size_t ft_outfile_sweep(const char *dir);

/* ---- many outputs flushed to disk at once ---------------------------
 *
 * A flush to disk waits for the disk (milliseconds each), so a report
 * of thousands of charts flushing file by file spent nearly all its time
 * waiting.  A batch writes its files under their final names in a
 * private folder of its own (FT_OUTFILE_PRIVATE_PREFIX, mode 0700) in
 * the output folder, where another program (gnuplot) may write by name
 * too; ft_outfile_batch_commit then flushes them all at once (one
 * syncfs(2) where the C library has it, else an fsync each), renames
 * each into the output folder and flushes the folder once.  Until the
 * commit no file of the batch has its final name: a kill before it
 * leaves the previous outputs (and the private folder, which
 * ft_outfile_sweep removes).  The commit is one rename a file, not one
 * step: a kill during its renames leaves the files before in place, new,
 * and the rest as they were, each of them whole.
 *
 * Ownership: the batch owns its folder and the files in it;
 * ft_outfile_batch_free removes what was not committed. */
typedef struct ft_outfile_batch ft_outfile_batch;

/* A batch for outputs in dir; its private folder is made now.
 * FT_ECANTCREAT (err names dir), FT_ENOMEM. */
ft_status ft_outfile_batch_new(const char *dir, ft_outfile_batch **b,
                               ft_error *err);

/* Remove the files not committed and the private folder (NULL: nothing
 * to do). */
void ft_outfile_batch_free(ft_outfile_batch *b);

/* The private folder ("DIR/.figtrend-draw.XXXXXX"), where the batch's
 * file NAME is written as FOLDER/NAME. */
const char *ft_outfile_batch_dir(const ft_outfile_batch *b);

/* Write data[0..len) as the batch's file name (a name, not a path).
 * FT_ECANTCREAT when something not a regular file has the final name
 * DIR/NAME (ft_outfile_check) or the file cannot be made, FT_EIO when
 * it cannot be written (err names DIR/NAME), FT_ENOMEM. */
ft_status ft_outfile_batch_write(ft_outfile_batch *b, const char *name,
                                 const void *data, size_t len, ft_error *err);

/* Take FOLDER/NAME, written by another program, into the batch.
 * FT_ENOMEM.  A batch's names must differ (here and in
 * ft_outfile_batch_write): the second rename of one name would fail. */
ft_status ft_outfile_batch_add(ft_outfile_batch *b, const char *name,
                               ft_error *err);

/* Flush the batch's files to disk, rename each to DIR/NAME, flush the
 * folder; the batch is then empty (and may take more).  FT_EIO when the
 * flush failed (none is renamed, all are removed: the previous outputs
 * stay) or a rename failed (err names it; the files after it are
 * removed, the ones before are in place); FT_ECANTCREAT when something
 * not a regular file took a final name meanwhile (that file is removed,
 * the others are in place; err names the first). */
ft_status ft_outfile_batch_commit(ft_outfile_batch *b, ft_error *err);

/* mkdir -p: dir and every missing folder above it.  FT_ECANTCREAT (err
 * names dir) when it is not a folder afterwards, FT_ENOMEM. */
ft_status ft_outfile_mkdirs(const char *dir, ft_error *err);

/* ---- one writer at a time ------------------------------------------
 *
 * An exclusive flock(2) on DIR/NAME (created when missing, never
 * removed: removing it would let two runs lock two different files).
 * The lock goes with the process: a run that is killed lets go of it. */

/* Take the lock, waiting up to wait_seconds for another holder to let go
 * (0: do not wait).  *fd is the descriptor to pass to
 * ft_outfile_unlock.  FT_ELOCKED when another process holds it still,
 * FT_ECANTCREAT when the file cannot be made. */
ft_status ft_outfile_lock(const char *dir, const char *name,
                          double wait_seconds, int *fd, ft_error *err);

/* Let go of a lock from ft_outfile_lock (fd < 0: nothing to do). */
void ft_outfile_unlock(int fd);

#endif
