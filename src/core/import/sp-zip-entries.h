/* sp-zip-entries.h
 *
 * The few named entries a reader needs out of a zip archive (a .docx), unpacked under
 * bounds: how many entries the archive may hold, how much the wanted entries may unpack to
 * in all, and how many times the archive's own size that may be. An archive past a bound is
 * refused with a reason (a zip bomb is not unpacked to find out).
 */
#pragma once

#include <glib.h>

#include "sp-read-budget.h"

G_BEGIN_DECLS

/* Entries an archive may hold */
#define SP_ZIP_MAX_ENTRIES      10000
/* What the wanted entries may unpack to, in all */
#define SP_ZIP_MAX_UNPACKED     (64 * 1024 * 1024)
/* ... and how many times the archive's size that may be, above a floor */
#define SP_ZIP_MAX_RATIO        100
#define SP_ZIP_RATIO_FLOOR      (1024 * 1024)

gboolean    sp_zip_has_signature (const char          *data,
                                  gsize                length);
GHashTable *sp_zip_read_entries  (const char          *data,
                                  gsize                length,
                                  const char * const  *names,
                                  SpReadBudget        *budget,
                                  GError             **error);

G_END_DECLS
