/* sp-json-values.h
 *
 * The values of a JSON export's fields as text and dates, and the NULs json-glib would cut
 * its strings at.
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

char     *sp_json_value_text      (JsonNode   *node,
                                   const char *separator,
                                   guint       level);
char     *sp_json_value_date      (JsonNode   *node);
char     *sp_json_date_from_url   (const char *url);
guint     sp_json_mark_nuls       (char       *text,
                                   gsize       length);
gboolean  sp_json_value_holds_nul (JsonNode   *node,
                                   guint       level);

G_END_DECLS
