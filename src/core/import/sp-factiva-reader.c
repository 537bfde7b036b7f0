/* sp-factiva-reader.c
 *
 * Factiva HTML: each article is an element of class "article" (with its language's class,
 * "frArticle", "deArticle"…) that holds no other. Two layouts are read:
 * - a table of fields, each row a code (<td class="index">HD</td>) and its value: HD the
 *   headline, BY the author, PD the date, SN the source, LP and TD the lead and the text;
 *   the other rows (word count, codes, copyright…) are kept as removed text;
 * - blocks: the headline (class "…Headline"), then one <div> each for the word count, the
 *   date, the source, the source's code, the language and the copyright, an author of class
 *   "author", and paragraphs of class "articleParagraph".
 * The page's own furniture (menus, scripts, the search summary) is never inside an article.
 *
 * Factiva XML (PPSResponse): each <article> has <headline>, <leadParagraph> and
 * <tailParagraphs> (their <paragraph>s, or plain text), <publicationDate>, <sourceName> and
 * <byline> or <author>.
 */
#define G_LOG_DOMAIN "sp-factiva-reader"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sp-date-scan.h"
#include "sp-factiva-reader.h"
#include "sp-html-node.h"
#include "sp-text-reader.h"
#include "sp-xml-text.h"

static gboolean
contains_bytes (const char *data,
                gsize       length,
                const char *needle)
{
  gsize needle_length = strlen (needle);

  for (const char *p = data; p != NULL && (gsize)(p - data) + needle_length <= length; p++)
    {
      p = memchr (p, needle[0], length - needle_length + 1 - (p - data));
      if (p == NULL)
        return FALSE;
      if (memcmp (p, needle, needle_length) == 0)
        return TRUE;
    }

  return FALSE;
}

/**
 * sp_factiva_detect_html:
 *
 * Returns: whether a web page's bytes are a Factiva export: it names Factiva and has the
 *   classes of Factiva's articles
 */
gboolean
sp_factiva_detect_html (const char *data,
                        gsize       length)
{
  return data != NULL && contains_bytes (data, length, "Factiva") &&
         (contains_bytes (data, length, "articleParagraph") ||
          contains_bytes (data, length, "class=\"index\""));
}

/* Whether @node's class has the word @word; with @suffix, a word that ends in it */
static gboolean
has_class (xmlNode    *node,
           const char *word,
           gboolean    suffix)
{
  const char *classes = node->type == XML_ELEMENT_NODE ? sp_html_attribute (node, "class") : NULL;
  g_auto(GStrv) words = NULL;

  if (classes == NULL)
    return FALSE;

  words = g_strsplit_set (classes, " \t\n\r\f", -1);
  for (guint i = 0; words[i] != NULL; i++)
    if (suffix ? (g_str_has_suffix (words[i], word) && strlen (words[i]) > strlen (word))
               : g_str_equal (words[i], word))
      return TRUE;

  return FALSE;
}

/* The outermost article elements that hold no other: each article element marks its
 * ancestors, stopping at one already marked */
static GPtrArray *
find_articles (xmlNode      *top,
               SpReadBudget *budget)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();
  g_autoptr(GHashTable) holders = g_hash_table_new (NULL, NULL);
  GPtrArray *articles = g_ptr_array_new ();

  for (xmlNode *node = top; node != NULL; node = sp_xml_next_node (node, top, TRUE))
    {
      if (!sp_read_budget_spend (budget, 1))
        break;
      if (!has_class (node, "article", FALSE))
        continue;

      g_ptr_array_add (found, node);
      for (xmlNode *up = node->parent; up != NULL && g_hash_table_add (holders, up); up = up->parent)
        ;
    }

  for (guint i = 0; i < found->len; i++)
    if (!g_hash_table_contains (holders, found->pdata[i]))
      g_ptr_array_add (articles, found->pdata[i]);

  return articles;
}

typedef struct
{
  SpArticle    *article;
  GString      *body;
  GString      *fields;     /* what is neither text nor metadata, kept as removed text */
  SpReadBudget *budget;
  gboolean      after_headline;
} SpFactivaArticle;

static void
add_paragraph (GString    *body,
               const char *text)
{
  g_autofree char *clean = sp_xml_clean (text);

  if (body->len > 0)
    g_string_append (body, "\n\n");
  g_string_append (body, clean);
}

/* The headline stays the body's first paragraph, as in every other reader */
static void
prepend_headline (GString    *body,
                  const char *title)
{
  if (title == NULL)
    return;

  if (body->len > 0)
    g_string_prepend (body, "\n\n");
  g_string_prepend (body, title);
}

static char *
field_text (xmlNode      *node,
            SpReadBudget *budget)
{
  g_autofree char *text = sp_xml_text_of (node, budget);

  return sp_xml_field (text);
}

static void
set_date (SpArticle  *article,
          const char *text)
{
  if (article->date != NULL || (article->date = sp_date_parse (text)) == NULL)
    return;

  article->date_source = SP_DATE_SOURCE_METADATA;
  article->date_confidence = SP_FACTIVA_DATE_CONFIDENCE;
}

/* The paragraphs under @node: its <p>s, or its whole text */
static void
add_paragraphs_of (SpFactivaArticle *reading,
                   xmlNode          *node)
{
  gboolean any = FALSE;

  for (xmlNode *at = node; at != NULL; at = sp_xml_next_node (at, node, !sp_html_is_named (at, "p")))
    if (sp_html_is_named (at, "p"))
      {
        g_autofree char *text = field_text (at, reading->budget);

        if (text != NULL)
          add_paragraph (reading->body, text);
        any = TRUE;
      }

  if (!any)
    {
      g_autofree char *text = field_text (node, reading->budget);

      if (text != NULL)
        add_paragraph (reading->body, text);
    }
}

/* A row of the table layout: its code and its value */
static gboolean
read_row (SpFactivaArticle *reading,
          xmlNode          *row)
{
  xmlNode *index = NULL;
  xmlNode *value = NULL;
  g_autofree char *code = NULL;
  g_autofree char *text = NULL;

  for (xmlNode *cell = row->children; cell != NULL; cell = cell->next)
    if (sp_html_is_named (cell, "td"))
      {
        if (index == NULL)
          index = cell;
        else if (value == NULL)
          value = cell;
      }

  if (index == NULL || value == NULL || !has_class (index, "index", FALSE) ||
      !(code = field_text (index, reading->budget)))
    return FALSE;

  if (g_str_equal (code, "LP") || g_str_equal (code, "TD"))
    {
      add_paragraphs_of (reading, value);
      return TRUE;
    }

  if (!(text = field_text (value, reading->budget)))
    return TRUE;

  if (g_str_equal (code, "HD") && reading->article->title == NULL)
    reading->article->title = g_steal_pointer (&text);
  else if (g_str_equal (code, "BY") && reading->article->author == NULL)
    reading->article->author = sp_xml_author_field (text);
  else if (g_str_equal (code, "SN") && reading->article->source == NULL)
    reading->article->source = g_steal_pointer (&text);
  else if (g_str_equal (code, "PD") && reading->article->date == NULL)
    set_date (reading->article, text);
  else
    g_string_append_printf (reading->fields, "%s %s\n", code, text);

  return TRUE;
}

/* A block of the block layout between the headline and the text: the date, then the
 * source */
static void
read_block (SpFactivaArticle *reading,
            xmlNode          *block)
{
  g_autofree char *text = field_text (block, reading->budget);
  SpArticle *article = reading->article;

  if (text == NULL)
    return;

  if (article->date == NULL && reading->body->len == 0)
    {
      set_date (article, text);
      if (article->date != NULL)
        return;
    }
  else if (article->date != NULL && article->source == NULL && reading->body->len == 0)
    {
      article->source = g_steal_pointer (&text);
      return;
    }

  g_string_append_printf (reading->fields, "%s\n", text);
}

static gboolean
has_element_children (xmlNode *node)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (child->type == XML_ELEMENT_NODE && !sp_html_is_named (child, "br") &&
        !sp_html_is_named (child, "b") && !sp_html_is_named (child, "span"))
      return TRUE;

  return FALSE;
}

static SpArticle *
read_html_article (xmlNode      *top,
                   SpReadBudget *budget)
{
  g_autoptr(SpArticle) article = sp_article_new ();
  g_autoptr(GString) body = g_string_new (NULL);
  g_autoptr(GString) fields = g_string_new (NULL);
  SpFactivaArticle reading = { article, body, fields, budget, FALSE };
  xmlNode *node = top;

  while (node != NULL && !sp_read_budget_is_exhausted (budget))
    {
      gboolean into_children = TRUE;

      sp_read_budget_spend (budget, 1);

      if (sp_html_is_named (node, "tr"))
        into_children = !read_row (&reading, node);
      else if (node->type == XML_ELEMENT_NODE &&
               (has_class (node, "Headline", TRUE) ||
                g_strcmp0 (sp_html_attribute (node, "id"), "hd") == 0))
        {
          if (article->title == NULL)
            article->title = field_text (node, budget);
          reading.after_headline = TRUE;
          into_children = FALSE;
        }
      else if (node->type == XML_ELEMENT_NODE && has_class (node, "articleParagraph", TRUE))
        {
          g_autofree char *text = field_text (node, budget);

          if (text != NULL)
            add_paragraph (body, text);
          into_children = FALSE;
        }
      else if (node->type == XML_ELEMENT_NODE && has_class (node, "author", FALSE))
        {
          if (article->author == NULL)
            {
              g_autofree char *byline = sp_xml_text_of (node, budget);

              article->author = sp_xml_author_field (byline);
            }
          into_children = FALSE;
        }
      else if (reading.after_headline && sp_html_is_named (node, "div") &&
               !has_element_children (node))
        {
          read_block (&reading, node);
          into_children = FALSE;
        }

      node = sp_xml_next_node (node, top, into_children);
    }

  prepend_headline (body, article->title);
  article->body = sp_text_tidy (body->str);

  if (fields->len > 0)
    {
      g_autofree char *kept = sp_text_tidy (fields->str);

      sp_article_add_removed (article, g_utf8_strlen (article->body, -1), kept,
                              _("export fields"));
    }

  if (article->title != NULL)
    {
      g_autofree char *whole = g_steal_pointer (&article->title);

      article->title = sp_text_shorten_title (whole, strlen (whole));
    }

  return g_steal_pointer (&article);
}

/**
 * sp_factiva_reader_read_html:
 * @data: (array length=length): the page's bytes, in any encoding
 * @budget: (nullable): what reading it may cost
 *
 * Reads the articles of a saved Factiva page. Fails as the HTML reader does.
 *
 * Returns: (transfer full) (element-type SpArticle): the articles, none when the page holds
 *   no Factiva article (it is then an ordinary page); %NULL with @error set
 */
GPtrArray *
sp_factiva_reader_read_html (const char    *data,
                             gsize          length,
                             SpReadBudget  *budget,
                             GError       **error)
{
  g_autoptr(xmlDoc) doc = NULL;
  g_autoptr(GPtrArray) elements = NULL;
  g_autoptr(GPtrArray) articles = g_ptr_array_new_with_free_func ((GDestroyNotify)sp_article_free);
  g_autoptr(GError) local_error = NULL;
  xmlNode *top;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (!(doc = sp_xml_parse_html (data, length, budget, &local_error)))
    {
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      return g_steal_pointer (&articles);
    }

  if ((top = xmlDocGetRootElement (doc)) == NULL)
    return g_steal_pointer (&articles);

  elements = find_articles (top, budget);
  for (guint i = 0; i < elements->len && !sp_read_budget_is_exhausted (budget); i++)
    g_ptr_array_add (articles, read_html_article (elements->pdata[i], budget));

  if (sp_read_budget_set_error (budget, error))
    return NULL;

  return g_steal_pointer (&articles);
}

static SpArticle *
read_xml_article (xmlNode      *top,
                  SpReadBudget *budget)
{
  g_autoptr(SpArticle) article = sp_article_new ();
  g_autoptr(GString) body = g_string_new (NULL);
  g_autofree char *date = NULL;

  for (xmlNode *child = top->children; child != NULL; child = child->next)
    {
      if (sp_xml_is_named (child, "headline") && article->title == NULL)
        article->title = field_text (child, budget);
      else if (sp_xml_is_named (child, "sourceName") && article->source == NULL)
        article->source = field_text (child, budget);
      else if ((sp_xml_is_named (child, "byline") || sp_xml_is_named (child, "author")) &&
               article->author == NULL)
        {
          g_autofree char *byline = sp_xml_text_of (child, budget);

          article->author = sp_xml_author_field (byline);
        }
      else if (sp_xml_is_named (child, "publicationDate") && date == NULL)
        date = field_text (child, budget);
      else if (sp_xml_is_named (child, "leadParagraph") ||
               sp_xml_is_named (child, "tailParagraphs"))
        {
          gboolean any = FALSE;

          for (xmlNode *p = child->children; p != NULL; p = p->next)
            if (sp_xml_is_named (p, "paragraph"))
              {
                g_autofree char *text = field_text (p, budget);

                if (text != NULL)
                  add_paragraph (body, text);
                any = TRUE;
              }

          if (!any)
            {
              /* Plain text: its lines as they are, without their indentation */
              g_autofree char *text = sp_xml_text_of (child, budget);
              g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
              g_autofree char *joined = NULL;

              for (guint i = 0; lines[i] != NULL; i++)
                g_strstrip (lines[i]);
              joined = g_strjoinv ("\n", lines);
              add_paragraph (body, joined);
            }
        }
    }

  set_date (article, date);
  prepend_headline (body, article->title);
  article->body = sp_text_tidy (body->str);

  if (article->title != NULL)
    {
      g_autofree char *whole = g_steal_pointer (&article->title);

      article->title = sp_text_shorten_title (whole, strlen (whole));
    }

  return g_steal_pointer (&article);
}

/**
 * sp_factiva_reader_read_xml:
 * @budget: (nullable): what reading it may cost
 *
 * Reads the articles of a Factiva XML export. Fails with %SP_IMPORT_ERROR_INCOMPLETE for XML
 * that is not well-formed, %SP_IMPORT_ERROR_UNSUPPORTED for XML that is not a Factiva export,
 * %SP_IMPORT_ERROR_TOO_SLOW when the budget runs out.
 *
 * Returns: (transfer full) (element-type SpArticle): the articles, or %NULL with @error set
 */
GPtrArray *
sp_factiva_reader_read_xml (GBytes        *bytes,
                            SpReadBudget  *budget,
                            GError       **error)
{
  g_autoptr(xmlDoc) doc = NULL;
  g_autoptr(GPtrArray) articles = g_ptr_array_new_with_free_func ((GDestroyNotify)sp_article_free);
  const char *data;
  gsize length;
  xmlNode *top;

  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &length);
  if (!(doc = sp_xml_parse (data, length, _("the file"), budget, error)))
    return NULL;

  top = xmlDocGetRootElement (doc);
  for (xmlNode *node = top; node != NULL; )
    {
      gboolean is_article = sp_xml_is_named (node, "article") && node->parent != NULL &&
                            sp_xml_is_named (node->parent, "ppsarticle");

      if (!sp_read_budget_spend (budget, 1))
        break;

      if (is_article)
        g_ptr_array_add (articles, read_xml_article (node, budget));

      node = sp_xml_next_node (node, top, !is_article);
    }

  if (sp_read_budget_set_error (budget, error))
    return NULL;

  if (articles->len == 0)
    {
      g_set_error_literal (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_UNSUPPORTED,
                           _("not a Factiva export: the XML file has no <ppsarticle> articles"));
      return NULL;
    }

  return g_steal_pointer (&articles);
}
