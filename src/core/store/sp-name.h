/* sp-name.h
 *
 * The one rule for names: how actor names, aliases and issue keys are stored and when two
 * of them are the same. The store's UNIQUE indexes, the codebook merge and every lookup use
 * these two functions and nothing else.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *sp_name_normalize (const char *name);
char     *sp_name_fold      (const char *name);
gboolean  sp_name_equal     (const char *a,
                             const char *b);
gboolean  sp_name_lists_overlap (const char * const * const *lists,
                                 guint                       n_lists,
                                 guint                      *list,
                                 guint                      *index,
                                 guint                      *earlier);

G_END_DECLS
