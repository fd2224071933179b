/* subject.h — what each figure pays for: named funds, programmes, systems
 * and budget lines, acronyms joined to their expansions, back-references
 * ("the fund", "its budget") resolved to the last matching name, and a
 * table of aliases (alias -> canonical name) that merges spellings.
 *
 * Ownership: an ft_subjects owns its strings (ft_subjects_free); the
 * canonical names it returns are borrowed from it.  It also holds the
 * index of the module's word lists, made once by ft_subjects_new, so that
 * ft_subjects_assign looks each word of an article up once; once loaded,
 * an ft_subjects is only read, and threads may share it.
 */
#ifndef FT_SUBJECT_H
#define FT_SUBJECT_H

#include <stddef.h>

#include "figures.h"
#include "status.h"

typedef struct ft_subjects ft_subjects;

/* An empty alias table (and the word index); NULL when out of memory. */
ft_subjects *ft_subjects_new(void);
void ft_subjects_free(ft_subjects *s);

/* Add the aliases of a CSV file with the columns alias,canonical (a header
 * row naming them is optional; later files win over earlier ones).
 * FT_ENOINPUT when it cannot be opened, FT_ECONFIG with file and line when
 * a row is malformed. */
ft_status ft_subjects_load(ft_subjects *s, const char *path, ft_error *err);

/* Add one alias (any case, "the" and spacing ignored when looked up). */
ft_status ft_subjects_add(ft_subjects *s, const char *alias,
                          const char *canonical);

/* The canonical name for a name as written, or NULL when it has none. */
const char *ft_subjects_canonical(const ft_subjects *s, const char *name,
                                  size_t n);

/* Fill `subject` of each figure of one article (figures in text order,
 * offsets into text).  `aliases` may be NULL (the words are then indexed
 * for this call alone, which costs more). */
void ft_subjects_assign(const ft_subjects *aliases, const char *text,
                        size_t len, ft_figure *figs, size_t n);

/* Every word of every table is found by the look-up that reads it, with
 * the role its table gives it (for the tests). */
bool ft_subject_lists_ordered(void);

/* Does each fast path of the module agree with its plain form at every
 * byte of t[0,n) (n bytes, which the call reads and nothing past them)?
 * The word look-up against a walk over every entry, for each length a
 * word of the lists may have, and which of its letters are capitals; the
 * end of a word, and of a run of bytes past ASCII, and the classes of the
 * 64 bytes from each (SSE2 and AVX2 where the build and the processor
 * have them), against a walk a byte at a time (for the tests). */
bool ft_subject_fast_paths_agree(const char *t, size_t n);

#endif
