/* sp-html-walk.h
 *
 * One walk over a subtree of a parsed page, in document order, for each of the HTML
 * reader's passes: the pass is told when an element is entered and left, what text it
 * holds, and where the page breaks a line or a paragraph. The walk does not recurse (pages
 * nest deep) and spends one budget step per node and one per byte of text.
 */
#pragma once

#include <libxml/tree.h>

#include "sp-read-budget.h"

G_BEGIN_DECLS

typedef enum
{
  SP_HTML_BREAK_NONE,
  SP_HTML_BREAK_SPACE,
  SP_HTML_BREAK_LINE,
  SP_HTML_BREAK_PARAGRAPH,
} SpHtmlBreak;

typedef struct
{
  /* FALSE skips the element with all it holds; leave is then not called for it */
  gboolean (*enter)     (xmlNode     *node,
                         gpointer     data);
  void     (*leave)     (xmlNode     *node,
                         gpointer     data);
  void     (*text)      (xmlNode     *node,
                         const char  *text,
                         gpointer     data);
  /* Before an element is entered and after it is left (before leave) */
  void     (*separate)  (SpHtmlBreak  level,
                         gpointer     data);
} SpHtmlWalkFuncs;

SpHtmlBreak sp_html_break_of      (xmlNode               *node);
gboolean    sp_html_walk          (xmlNode               *root,
                                   SpReadBudget          *budget,
                                   const SpHtmlWalkFuncs *funcs,
                                   gpointer               data);

G_END_DECLS
