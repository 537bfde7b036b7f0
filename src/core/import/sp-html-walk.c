/* sp-html-walk.c
 *
 * The walk goes down to the first child, along to the next sibling, and up through the
 * parents when a subtree is done: no recursion, so a page nested a million deep costs no
 * stack. Breaks are reported where the page would show them: a paragraph around headings,
 * paragraphs and sections, a line around divisions, list items and rows, a space between
 * cells.
 */
#define G_LOG_DOMAIN "sp-html-walk"

#include "config.h"

#include <string.h>

#include "sp-html-node.h"
#include "sp-html-walk.h"

static const char * const paragraph_elements[] = {
  "p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "ul", "ol", "dl", "table",
  "article", "section", "main", "header", "footer", "figure", "figcaption", "address",
  "hr", "details", "summary", "fieldset", "center", "hgroup", "aside", "nav", "form",
  "body", NULL
};

static const char * const line_elements[] = {
  "div", "li", "tr", "dt", "dd", "br", "caption", "legend", "tbody", "thead", "tfoot",
  NULL
};

static const char * const cell_elements[] = { "td", "th", NULL };

/**
 * sp_html_break_of:
 *
 * Returns: the break the page shows around @node: a paragraph around headings, paragraphs
 *   and sections, a line around divisions, list items and rows, a space between cells
 */
SpHtmlBreak
sp_html_break_of (xmlNode *node)
{
  if (node->type != XML_ELEMENT_NODE)
    return SP_HTML_BREAK_NONE;
  if (sp_html_name_in (node, paragraph_elements))
    return SP_HTML_BREAK_PARAGRAPH;
  if (sp_html_name_in (node, line_elements))
    return SP_HTML_BREAK_LINE;
  if (sp_html_name_in (node, cell_elements))
    return SP_HTML_BREAK_SPACE;
  return SP_HTML_BREAK_NONE;
}

static void
leave_node (xmlNode               *node,
            const SpHtmlWalkFuncs *funcs,
            gpointer               data)
{
  SpHtmlBreak level = sp_html_break_of (node);

  if (level != SP_HTML_BREAK_NONE && funcs->separate != NULL)
    funcs->separate (level, data);
  if (funcs->leave != NULL)
    funcs->leave (node, data);
}

/* Returns FALSE when the element is skipped */
static gboolean
enter_node (xmlNode               *node,
            const SpHtmlWalkFuncs *funcs,
            gpointer               data)
{
  SpHtmlBreak level = sp_html_break_of (node);

  if (funcs->enter != NULL && !funcs->enter (node, data))
    return FALSE;
  if (level != SP_HTML_BREAK_NONE && funcs->separate != NULL)
    funcs->separate (level, data);
  return TRUE;
}

/**
 * sp_html_walk:
 * @root: where the walk starts; it is entered and left like the elements it holds
 *
 * Returns: %FALSE when @budget ran out
 */
gboolean
sp_html_walk (xmlNode               *root,
              SpReadBudget          *budget,
              const SpHtmlWalkFuncs *funcs,
              gpointer               data)
{
  xmlNode *node;

  if (root == NULL || root->type != XML_ELEMENT_NODE)
    return TRUE;

  if (!enter_node (root, funcs, data))
    return TRUE;

  node = root->children;
  while (node != NULL)
    {
      gboolean descend = FALSE;

      if (!sp_read_budget_spend (budget, 1))
        return FALSE;

      if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
        {
          if (node->content != NULL)
            {
              if (!sp_read_budget_spend (budget, strlen ((const char *)node->content)))
                return FALSE;
              if (funcs->text != NULL)
                funcs->text (node, (const char *)node->content, data);
            }
        }
      else if (node->type == XML_ELEMENT_NODE && enter_node (node, funcs, data))
        {
          if (node->children != NULL)
            descend = TRUE;
          else
            leave_node (node, funcs, data);
        }

      if (descend)
        {
          node = node->children;
          continue;
        }

      while (node->next == NULL)
        {
          node = node->parent;
          if (node == NULL)
            return TRUE;
          leave_node (node, funcs, data);
          if (node == root)
            return TRUE;
        }

      node = node->next;
    }

  leave_node (root, funcs, data);
  return TRUE;
}
