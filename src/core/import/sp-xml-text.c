/* sp-xml-text.c
 *
 * libxml2 parses with its default bounds (depth, text node size, entity amplification):
 * entities are left unexpanded, no DTD is loaded and nothing is fetched. A document it
 * cannot read whole is refused, never read in part. Walks go through sp_xml_next_node() and
 * never recurse: documents may nest deep.
 */
#define G_LOG_DOMAIN "sp-xml-text"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>

#include "sp-article.h"
#include "sp-charset.h"
#include "sp-html-bounds.h"
#include "sp-text-decode.h"
#include "sp-xml-text.h"

#define XML_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | \
                     XML_PARSE_NOCDATA)

#define HTML_OPTIONS (HTML_PARSE_NONET | HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | \
                      HTML_PARSE_NOWARNING | HTML_PARSE_IGNORE_ENC)

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlParserCtxt, xmlFreeParserCtxt)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (htmlParserCtxt, htmlFreeParserCtxt)

static void
ensure_parser (void)
{
  static gsize initialised = 0;

  /* xmlInitParser() must run once before threads parse */
  if (g_once_init_enter (&initialised))
    {
      xmlInitParser ();
      g_once_init_leave (&initialised, 1);
    }
}

/* libxml2 prints some problems (an encoder's) whatever the options say */
static void
ignore_message (void       *context,
                const char *message,
                ...)
{
}

/**
 * sp_xml_parse:
 * @what: what the document is, for the message: "word/document.xml"
 *
 * Returns: (transfer full): the document; %NULL with %SP_IMPORT_ERROR_INCOMPLETE when it is
 *   not well-formed or past libxml2's bounds, %SP_IMPORT_ERROR_TOO_LARGE when it is over
 *   2 GB, %SP_IMPORT_ERROR_TOO_SLOW when the budget ran out
 */
xmlDoc *
sp_xml_parse (const char    *data,
              gsize          length,
              const char    *what,
              SpReadBudget  *budget,
              GError       **error)
{
  g_autoptr(xmlParserCtxt) context = NULL;
  g_autoptr(xmlDoc) doc = NULL;
  const xmlError *problem;
  xmlGenericErrorFunc saved_handler;
  void *saved_context;

  if (length > G_MAXINT)
    {
      g_set_error (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_TOO_LARGE, _("%s is too large"), what);
      return NULL;
    }

  ensure_parser ();
  if (!(context = xmlNewParserCtxt ()))
    {
      g_set_error_literal (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_READ, _("out of memory"));
      return NULL;
    }

  saved_handler = xmlGenericError;
  saved_context = xmlGenericErrorContext;
  xmlSetGenericErrorFunc (NULL, ignore_message);
  doc = xmlCtxtReadMemory (context, data != NULL ? data : "", (int)length, NULL, NULL,
                           XML_OPTIONS);
  xmlSetGenericErrorFunc (saved_context, saved_handler);
  problem = xmlCtxtGetLastError (context);

  if (doc == NULL || !context->wellFormed)
    {
      g_autofree char *message = NULL;

      if (problem != NULL && problem->message != NULL)
        message = g_strstrip (g_strdup (problem->message));

      if (message != NULL && message[0] != '\0')
        g_set_error (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_INCOMPLETE,
                     _("%s is not well-formed XML (line %d: %s)"), what, problem->line, message);
      else
        g_set_error (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_INCOMPLETE,
                     _("%s is not well-formed XML"), what);
      return NULL;
    }

  if (!sp_read_budget_spend (budget, length) || !sp_read_budget_check_clock (budget))
    {
      sp_read_budget_set_error (budget, error);
      return NULL;
    }

  return g_steal_pointer (&doc);
}

/**
 * sp_xml_parse_html_text:
 * @text: (array length=length): a page as UTF-8
 *
 * Parses a web page the one way every reader of pages does: bounded by sp_html_bound(),
 * without network access, and read whole or not at all (libxml2 halts on what it cannot
 * take, too deep a tree or no memory, and keeps what it read so far: that is not the page).
 *
 * Returns: (transfer full) (nullable): the page, %NULL with @error set, or %NULL without
 *   @error for a page libxml2 makes no tree of
 */
xmlDoc *
sp_xml_parse_html_text (const char    *text,
                        gsize          length,
                        SpReadBudget  *budget,
                        GError       **error)
{
  g_autoptr(htmlParserCtxt) context = NULL;
  g_autofree char *bounded = NULL;
  gsize bounded_length = 0;
  xmlDoc *doc;

  if (!sp_html_bound (text, length, budget, &bounded, &bounded_length, error))
    return NULL;

  if (bounded != NULL)
    {
      text = bounded;
      length = bounded_length;
    }

  if (length > G_MAXINT)
    {
      g_set_error_literal (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_TOO_LARGE, _("too large"));
      return NULL;
    }

  ensure_parser ();
  if (!(context = htmlNewParserCtxt ()))
    {
      g_set_error_literal (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_READ, _("out of memory"));
      return NULL;
    }

  doc = htmlCtxtReadMemory (context, text, (int)length, NULL, "UTF-8", HTML_OPTIONS);
  if (context->disableSAX != 0 || context->instate == XML_PARSER_EOF)
    {
      g_clear_pointer (&doc, xmlFreeDoc);
      g_set_error_literal (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_INCOMPLETE,
                           _("the page could not be read whole (its structure is too deep "
                             "or too large)"));
      return NULL;
    }

  if (!sp_read_budget_check_clock (budget))
    {
      g_clear_pointer (&doc, xmlFreeDoc);
      sp_read_budget_set_error (budget, error);
      return NULL;
    }

  return doc;
}

/**
 * sp_xml_parse_html:
 * @data: (array length=length): a page's bytes, in any encoding
 *
 * Decodes a page with the charset it declares and parses it with sp_xml_parse_html_text().
 *
 * Returns: (transfer full) (nullable): as sp_xml_parse_html_text()
 */
xmlDoc *
sp_xml_parse_html (const char    *data,
                   gsize          length,
                   SpReadBudget  *budget,
                   GError       **error)
{
  g_autofree char *charset = sp_charset_sniff_html (data, length);
  g_autofree char *text = NULL;

  if (!(text = sp_text_decode (data, length, charset, SP_TEXT_DECODE_MARKUP, error)))
    return NULL;

  return sp_xml_parse_html_text (text, strlen (text), budget, error);
}

/* Whether @node is an element named @local_name, in any namespace */
gboolean
sp_xml_is_named (xmlNode    *node,
                 const char *local_name)
{
  return node != NULL && node->type == XML_ELEMENT_NODE && node->name != NULL &&
         strcmp ((const char *)node->name, local_name) == 0;
}

/* The node after @node in document order under @top; its children are skipped unless
 * @into_children */
xmlNode *
sp_xml_next_node (xmlNode  *node,
                  xmlNode  *top,
                  gboolean  into_children)
{
  if (into_children && node->children != NULL && node->type == XML_ELEMENT_NODE)
    return node->children;

  while (node != NULL && node != top && node->next == NULL)
    node = node->parent;

  return node != NULL && node != top ? node->next : NULL;
}

/**
 * sp_xml_text_of:
 * @budget: (nullable): spent one step per node and byte
 *
 * Returns: (transfer full): the text of @node and everything under it, as it stands
 */
char *
sp_xml_text_of (xmlNode      *node,
                SpReadBudget *budget)
{
  GString *text = g_string_new (NULL);

  for (xmlNode *at = node; at != NULL; at = sp_xml_next_node (at, node, TRUE))
    {
      if ((at->type == XML_TEXT_NODE || at->type == XML_CDATA_SECTION_NODE) &&
          at->content != NULL)
        g_string_append (text, (const char *)at->content);

      if (!sp_read_budget_spend (budget, 1 + (at->content != NULL && at->type != XML_ELEMENT_NODE
                                              ? strlen ((const char *)at->content) : 0)))
        break;
    }

  return g_string_free (text, FALSE);
}

/**
 * sp_xml_clean:
 *
 * Returns: (transfer full): @text (valid UTF-8) without control characters (a line break
 *   stays, CR becomes one, the rest becomes a space), in NFC
 */
char *
sp_xml_clean (const char *text)
{
  g_autofree char *copy = g_strdup (text != NULL ? text : "");

  for (char *p = copy; *p; p++)
    {
      if (*p == '\r')
        *p = p[1] == '\n' ? ' ' : '\n';
      else if ((guchar)*p < 0x20 && *p != '\n' && *p != '\t')
        *p = ' ';
    }

  return g_utf8_normalize (copy, -1, G_NORMALIZE_NFC);
}

/**
 * sp_xml_field:
 *
 * Returns: (transfer full) (nullable): @text cleaned, on one line with single spaces, or
 *   %NULL when it is blank
 */
char *
sp_xml_field (const char *text)
{
  g_autofree char *clean = sp_xml_clean (text);
  GString *field;
  gboolean space = FALSE;

  if (clean == NULL)
    return NULL;

  field = g_string_new (NULL);
  for (const char *p = clean; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        space = field->len > 0;
      else
        {
          if (space)
            g_string_append_c (field, ' ');
          g_string_append_unichar (field, c);
          space = FALSE;
        }
    }

  if (field->len == 0)
    {
      g_string_free (field, TRUE);
      return NULL;
    }

  return g_string_free (field, FALSE);
}

/**
 * sp_xml_author_field:
 * @byline: a byline: "By Jane Doe", "BY JANE DOE"
 *
 * Returns: (transfer full) (nullable): the author's name, on one line, or %NULL when there
 *   is none
 */
char *
sp_xml_author_field (const char *byline)
{
  g_autofree char *field = sp_xml_field (byline);

  if (field != NULL && g_ascii_strncasecmp (field, "by ", 3) == 0)
    {
      g_autofree char *name = g_steal_pointer (&field);

      field = sp_xml_field (name + 3);
    }

  return g_steal_pointer (&field);
}

/* Elements whose start begins a new paragraph of a page's text */
static const char * const html_block_elements[] = {
  "p", "div", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table", "blockquote",
  "pre", "hr", "dt", "dd", "center", NULL
};

static const char * const html_hidden_elements[] = {
  "head", "script", "style", "title", "noscript", "template", NULL
};

/**
 * sp_xml_html_text:
 * @top: a page's root
 * @budget: (nullable): spent one step per node and byte
 *
 * The whole text of a page, every block a paragraph of its own, a <br> a line break and
 * the spaces inside a line collapsed: for exports whose layout, not the page, says what is what.
 *
 * Returns: (transfer full): the text, cleaned (see sp_xml_clean())
 */
char *
sp_xml_html_text (xmlNode      *top,
                  SpReadBudget *budget)
{
  g_autoptr(GString) text = g_string_new (NULL);
  gboolean space = FALSE;

  for (xmlNode *node = top; node != NULL; )
    {
      gboolean into_children = TRUE;

      if (!sp_read_budget_spend (budget, 1))
        break;

      if (node->type == XML_ELEMENT_NODE && node->name != NULL)
        {
          g_autofree char *name = g_ascii_strdown ((const char *)node->name, -1);

          if (g_strv_contains (html_hidden_elements, name))
            into_children = FALSE;
          else if (g_str_equal (name, "br") && text->len > 0)
            {
              g_string_append_c (text, '\n');
              space = FALSE;
            }
          else if (g_strv_contains (html_block_elements, name) && text->len > 0)
            {
              g_string_append (text, "\n\n");
              space = FALSE;
            }
        }
      else if (node->type == XML_TEXT_NODE && node->content != NULL)
        {
          const char *content = (const char *)node->content;

          sp_read_budget_spend (budget, strlen (content));
          for (const char *p = content; *p; p = g_utf8_next_char (p))
            {
              gunichar c = g_utf8_get_char (p);

              if (g_unichar_isspace (c))
                space = TRUE;
              else
                {
                  if (space && text->len > 0 && text->str[text->len - 1] != '\n')
                    g_string_append_c (text, ' ');
                  g_string_append_unichar (text, c);
                  space = FALSE;
                }
            }
        }

      node = sp_xml_next_node (node, top, into_children);
    }

  return sp_xml_clean (text->str);
}
