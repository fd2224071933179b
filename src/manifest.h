/* manifest.h — the names of the files a report wrote in its folder.
 *
 * A report keeps them in DIR/.figtrend-manifest, one name a line, so that
 * the next report removes its own outputs that are no longer made (the
 * chart of a series that is gone, a picture in a format no longer asked
 * for, a workbook no longer asked for) and never anything else: a file
 * the user put there is not in the manifest, even when it is named like
 * an output or starts like a chart script.  A folder without a manifest
 * (new, or written before manifests) loses nothing.
 *
 * The manifest is read as untrusted: a line that is not a plain name in
 * DIR (a slash, "..", a leading dot, a control byte, too long) is
 * ignored, and only regular files are removed.
 *
 * Ownership: an ft_manifest owns its names; the caller frees it.
 */
#ifndef FT_MANIFEST_H
#define FT_MANIFEST_H

#include <stdbool.h>
#include <stddef.h>

#include "status.h"

#define FT_MANIFEST_NAME ".figtrend-manifest"

typedef struct ft_manifest ft_manifest;

ft_manifest *ft_manifest_new(void);
void ft_manifest_free(ft_manifest *m);

/* Add the name of an output written in the folder (once; a name that
 * is not a plain name is refused with FT_EUSAGE).  FT_ENOMEM. */
ft_status ft_manifest_add(ft_manifest *m, const char *name);

/* The same for STEM.EXT. */
ft_status ft_manifest_add2(ft_manifest *m, const char *stem, const char *ext);

/* Whether the name is one of m's. */
bool ft_manifest_has(const ft_manifest *m, const char *name);

/* Called with each name removed, for the command's -v. */
typedef void (*ft_manifest_removed_fn)(const char *dir, const char *name,
                                       void *ctx);

/* End a report in dir whose outputs are m's names.  With `prune`, remove
 * every regular file the previous manifest names and m does not
 * (calling `removed` for each); then write m, with the names that could
 * not be removed, as the new manifest.  Without `prune` (a report that
 * failed part-way) remove nothing and write the previous names with m's,
 * so that the next report still knows them.  FT_ECANTCREAT or FT_EIO
 * when the manifest cannot be written (the old one stays); FT_ENOMEM. */
ft_status ft_manifest_finish(ft_manifest *m, const char *dir, bool prune,
                             ft_manifest_removed_fn removed, void *ctx,
                             ft_error *err);

#endif
