/* sp-html-furniture.h
 *
 * What on a web page is furniture rather than the article: by element, by name, by what a
 * line says.
 */
#pragma once

#include <glib.h>
#include <libxml/tree.h>

G_BEGIN_DECLS

gboolean sp_html_is_never_text        (xmlNode    *node);
gboolean sp_html_is_furniture_element (xmlNode    *node,
                                       gboolean    in_landmark);
gboolean sp_html_is_furniture_line    (const char *text,
                                       gsize       length,
                                       gsize       chars);
gboolean sp_html_ends_article         (const char *text,
                                       gsize       length,
                                       gsize       chars);

G_END_DECLS
