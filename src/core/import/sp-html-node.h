/* sp-html-node.h
 *
 * Small helpers over libxml2's HTML tree, shared by the HTML reader's content walk and its
 * metadata. Walks go through sp_html_next_node(): pages nest deep, so nothing here recurses.
 */
#pragma once

#include <glib.h>
#include <libxml/tree.h>

G_BEGIN_DECLS

const char *sp_html_node_name       (xmlNode            *node);
gboolean    sp_html_is_named        (xmlNode            *node,
                                     const char         *name);
gboolean    sp_html_name_in         (xmlNode            *node,
                                     const char * const *names);
const char *sp_html_attribute       (xmlNode            *node,
                                     const char         *name);
xmlNode    *sp_html_next_node       (xmlNode            *node,
                                     xmlNode            *top);
gboolean    sp_html_is_space        (char                c);
gsize       sp_html_count_visible   (const char         *text);
char       *sp_html_collapse_spaces (const char         *text);
gboolean    sp_html_is_landmark     (xmlNode            *node);
gboolean    sp_html_is_heading      (xmlNode            *node);
guint       sp_html_count_words     (const char         *run,
                                     gsize               length);

G_END_DECLS
