/* sp-xml-text.h
 *
 * What the readers of XML and HTML exports (.docx parts, Factiva) share: an XML parse that
 * never reaches the network nor expands entities, the HTML reader's bounded parse of a page,
 * element names without their namespace prefix, and the text of an element made fit for an
 * article's fields.
 */
#pragma once

#include <glib.h>
#include <libxml/tree.h>

#include "sp-read-budget.h"

G_BEGIN_DECLS

xmlDoc   *sp_xml_parse        (const char    *data,
                               gsize          length,
                               const char    *what,
                               SpReadBudget  *budget,
                               GError       **error);
xmlDoc   *sp_xml_parse_html_text (const char    *text,
                                  gsize          length,
                                  SpReadBudget  *budget,
                                  GError       **error);
xmlDoc   *sp_xml_parse_html   (const char    *data,
                               gsize          length,
                               SpReadBudget  *budget,
                               GError       **error);
gboolean  sp_xml_is_named     (xmlNode       *node,
                               const char    *local_name);
xmlNode  *sp_xml_next_node    (xmlNode       *node,
                               xmlNode       *top,
                               gboolean       into_children);
char     *sp_xml_text_of      (xmlNode       *node,
                               SpReadBudget  *budget);
char     *sp_xml_field        (const char    *text);
char     *sp_xml_clean        (const char    *text);
char     *sp_xml_author_field (const char    *byline);
char     *sp_xml_html_text    (xmlNode       *top,
                               SpReadBudget  *budget);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)

G_END_DECLS
