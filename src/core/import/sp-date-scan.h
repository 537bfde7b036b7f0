/* sp-date-scan.h
 *
 * Finding an article's date in its metadata or in the first lines of its text. Only dates
 * whose reading is certain count: "05/06/2025" could be May or June and is skipped.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *sp_date_scan_header (const char *text,
                           guint       max_lines);
char *sp_date_parse       (const char *value);

G_END_DECLS
