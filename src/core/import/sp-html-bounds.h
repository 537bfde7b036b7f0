/* sp-html-bounds.h
 *
 * A linear pass over a page's markup before libxml2 sees it, bounding what would make
 * libxml2 2.9 slow or make it stop early: attributes per tag, elements open at once, tags in
 * all.
 */
#pragma once

#include "sp-read-budget.h"

G_BEGIN_DECLS

/* Elements open at once, as libxml2 will see them at most; libxml2 stops at 256. Elements
 * that a later start tag closes (<p>, <li>, cells and rows...) may go deeper than others,
 * so that the paragraphs of a deep page keep their breaks. */
#define SP_HTML_MAX_DEPTH             200
#define SP_HTML_MAX_DEPTH_AUTO_CLOSED 240
/* Attributes kept per tag: libxml2 compares each with all before it */
#define SP_HTML_MAX_ATTRIBUTES 64
/* Start and end tags in one page */
#define SP_HTML_MAX_TAGS       1000000

gboolean sp_html_bound (const char    *html,
                        gsize          length,
                        SpReadBudget  *budget,
                        char         **bounded,
                        gsize         *bounded_length,
                        GError       **error);

G_END_DECLS
