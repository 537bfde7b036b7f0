/* sp-html-reader.c
 *
 * A saved web page is mostly page: menus, scripts, share buttons, teasers, comments. The
 * reader keeps the part that is the article — the largest <article> when it holds a fair
 * share of the page's text, else <main>, else <body> — and drops what is never article
 * text: scripts, styles, forms, navigation, hidden elements, headers, footers and asides
 * outside an article, blocks that are mostly links (menus, related stories), and blocks
 * whose class or id names them comments, share buttons and the like. Block elements become
 * line and paragraph breaks; inline text is joined with single spaces except in <pre>. The
 * metadata and the title come from sp-html-metadata.c.
 *
 * The bytes are decoded by sp_text_decode() (with the charset the page declares) before
 * libxml2 sees them, so the parser is always given UTF-8 and told to ignore the page's own
 * declaration; sp_html_bound() first takes out what would make libxml2 slow or stop early.
 * Entities are decoded by libxml2; everything that leaves here is plain text.
 *
 * Every article costs linear time: each walk below visits a node once and a constant
 * number of walks run (measuring, the text of <body>, of each candidate <article> — nested
 * ones are not candidates — and of <main>, and the walk that writes the text, which also
 * takes the first <h1>'s text as it goes). No walk recurses; pages nest deep. Every walk
 * spends from the reader's budget.
 */
#define G_LOG_DOMAIN "sp-html-reader"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>

#include "sp-charset.h"
#include "sp-date-scan.h"
#include "sp-html-bounds.h"
#include "sp-html-metadata.h"
#include "sp-html-node.h"
#include "sp-html-reader.h"
#include "sp-text-decode.h"
#include "sp-text-reader.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (htmlParserCtxt, htmlFreeParserCtxt)

#define HTML_OPTIONS (HTML_PARSE_NONET | HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | \
                      HTML_PARSE_NOWARNING | HTML_PARSE_IGNORE_ENC)

/* An <article> or <main> is the content when it holds this share of the body's text */
#define CONTENT_MIN_PERCENT 30
/* A block whose text is this much link text is a menu or a list of other stories */
#define LINK_LIST_PERCENT 65
/* A <form> with this many paragraphs (or a headline) wraps the page rather than a search */
#define PAGE_FORM_PARAGRAPHS 3

/* Never article text; nor is a <form>, unless it wraps the page */
static const char * const dropped_elements[] = {
  "script", "style", "noscript", "template", "svg", "math", "iframe", "frame", "frameset",
  "object", "embed", "canvas", "video", "audio", "map", "button", "select", "input",
  "textarea", "option", "nav", "aside", "dialog", "menu", "head", "title", "meta", "link",
  "base", NULL
};

/* Page chrome, unless inside an <article> or <main>, where they hold headline and byline */
static const char * const chrome_elements[] = { "header", "footer", NULL };

static const char * const dropped_roles[] = {
  "navigation", "search", "menu", "menubar", "complementary", "banner", "contentinfo",
  "dialog", "alertdialog", "toolbar", "tablist", NULL
};

/* Blocks that can be link lists */
static const char * const link_list_elements[] = {
  "ul", "ol", "div", "section", "table", "dl", NULL
};

/* Class and id words of blocks that are never the article. "social" is not among them:
 * embedded posts quote the people the article is about. */
static const char * const boilerplate_words[] = {
  "comments", "comment", "commentlist", "disqus", "respond", "share", "sharing", "related",
  "newsletter", "subscribe", "breadcrumb", "breadcrumbs", "sidebar", "cookie", "cookies",
  "consent", "advert", "advertisement", "ads", "promo", "outbrain", "taboola", "recommended",
  "trending", NULL
};

static const char * const paragraph_elements[] = {
  "p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "ul", "ol", "dl", "table",
  "article", "section", "main", "header", "footer", "figure", "figcaption", "address",
  "hr", "details", "summary", "fieldset", "center", "hgroup", NULL
};

static const char * const line_elements[] = {
  "div", "li", "tr", "dt", "dd", "br", "caption", "legend", NULL
};

static const char * const cell_elements[] = { "td", "th", NULL };

typedef enum
{
  BREAK_NONE,
  BREAK_SPACE,
  BREAK_LINE,
  BREAK_PARAGRAPH,
} SpBreak;

/* What is under one element of the body, measured once per page */
typedef struct
{
  gsize    text;          /* non-blank bytes of text, link lists below not counted */
  gsize    link;          /* how many of them are inside links */
  guint    n_paragraphs;  /* <p> elements */
  gboolean landmark;      /* an <article>, <main> or <h1> */
  gboolean link_list;
} SpElementStats;

typedef struct
{
  GHashTable   *stats;          /* xmlNode → SpElementStats */
  SpReadBudget *budget;
  xmlNode      *root;
  GString      *out;            /* NULL when only counting */
  gsize         n_chars;        /* non-blank bytes of text seen */
  SpBreak       pending;
  guint         pre_depth;
  guint         landmark_depth; /* <article> and <main> from the root down to here */
  guint         article_depth;  /* <article> elements from the root down to here */
  GPtrArray    *articles;       /* when not NULL, collects the outermost <article>s */
  xmlNode      *h1;             /* the first <h1> whose text is being taken */
  gsize         h1_start;
  char         *first_h1;
  char         *first_time;
} SpHtmlWalk;

static void
sp_html_walk_clear (SpHtmlWalk *walk)
{
  if (walk->out != NULL)
    g_string_free (walk->out, TRUE);
  g_free (walk->first_h1);
  g_free (walk->first_time);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SpHtmlWalk, sp_html_walk_clear)

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

static gboolean
is_landmark (xmlNode *node)
{
  return sp_html_is_named (node, "article") || sp_html_is_named (node, "main");
}

/* Measuring the body */

static SpElementStats *
stats_for (GHashTable *stats,
           xmlNode    *node)
{
  SpElementStats *st = g_hash_table_lookup (stats, node);

  if (st == NULL)
    {
      st = g_new0 (SpElementStats, 1);
      g_hash_table_insert (stats, node, st);
    }

  return st;
}

/* One pass over the body, bottom up: each element's text, link text, paragraphs and
 * landmarks. A link list counts for nothing in the element around it, so that the
 * wrapper of an article and its link lists is not taken for a link list itself. */
static GHashTable *
measure_body (xmlNode      *body,
              SpReadBudget *budget)
{
  GHashTable *stats = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  xmlNode *node = body->children;
  guint link_depth = 0;

  stats_for (stats, body);

  while (node != NULL && sp_read_budget_spend (budget, 1))
    {
      gboolean descend = FALSE;

      if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
        {
          SpElementStats *st = stats_for (stats, node->parent);
          gsize n = sp_html_count_visible ((const char *)node->content);

          st->text += n;
          if (link_depth > 0)
            st->link += n;
        }
      else if (node->type == XML_ELEMENT_NODE && !sp_html_name_in (node, dropped_elements))
        {
          SpElementStats *parent = stats_for (stats, node->parent);

          stats_for (stats, node);
          if (sp_html_is_named (node, "p"))
            parent->n_paragraphs++;
          if (is_landmark (node) || sp_html_is_named (node, "h1"))
            parent->landmark = TRUE;

          if (node->children != NULL)
            {
              descend = TRUE;
              if (sp_html_is_named (node, "a"))
                link_depth++;
            }
        }

      if (descend)
        {
          node = node->children;
          continue;
        }

      while (node->next == NULL)
        {
          SpElementStats *st;
          SpElementStats *parent;

          node = node->parent;
          if (node == NULL || node == body)
            return stats;

          if (sp_html_is_named (node, "a") && link_depth > 0)
            link_depth--;

          st = stats_for (stats, node);
          parent = stats_for (stats, node->parent);
          st->link_list = sp_html_name_in (node, link_list_elements) && st->text > 0 &&
                          st->link * 100 >= st->text * LINK_LIST_PERCENT;

          parent->n_paragraphs += st->n_paragraphs;
          parent->landmark |= st->landmark;
          if (!st->link_list)
            {
              parent->text += st->text;
              parent->link += st->link;
            }
        }

      node = node->next;
    }

  return stats;
}

/* What is not article text */

static gboolean
is_hidden (xmlNode *node)
{
  const char *value;

  if (sp_html_attribute (node, "hidden") != NULL)
    return TRUE;

  if ((value = sp_html_attribute (node, "aria-hidden")) != NULL &&
      g_ascii_strcasecmp (value, "true") == 0)
    return TRUE;

  if ((value = sp_html_attribute (node, "style")) != NULL && strchr (value, ':') != NULL)
    {
      g_autofree char *style = g_ascii_strdown (value, -1);
      char *out = style;

      for (const char *p = style; *p; p++)
        if (!g_ascii_isspace (*p))
          *out++ = *p;
      *out = '\0';

      if (strstr (style, "display:none") != NULL || strstr (style, "visibility:hidden") != NULL)
        return TRUE;
    }

  return FALSE;
}

/* Whether a class or id names a block that is never the article. Words are compared
 * whole: "share" is not "shared". */
static gboolean
has_boilerplate_name (xmlNode *node)
{
  static const char * const attributes[] = { "class", "id", NULL };

  for (guint i = 0; attributes[i] != NULL; i++)
    {
      const char *p = sp_html_attribute (node, attributes[i]);

      while (p != NULL && *p)
        {
          g_autofree char *word = NULL;
          const char *start;

          while (*p && !g_ascii_isalnum (*p))
            p++;
          start = p;
          while (g_ascii_isalnum (*p))
            p++;

          if (p == start)
            break;

          word = g_ascii_strdown (start, p - start);
          if (g_strv_contains (boilerplate_words, word))
            return TRUE;
        }
    }

  return FALSE;
}

/* Whether @node (a child of the walk's current element) is left out of the walk */
static gboolean
is_dropped (SpHtmlWalk *walk,
            xmlNode    *node)
{
  SpElementStats *st = g_hash_table_lookup (walk->stats, node);
  SpElementStats *all = g_hash_table_lookup (walk->stats, walk->root);
  const char *role;

  if (sp_html_name_in (node, dropped_elements))
    return TRUE;

  if (sp_html_is_named (node, "form") &&
      (st == NULL || (!st->landmark && st->n_paragraphs < PAGE_FORM_PARAGRAPHS)))
    return TRUE;

  if (sp_html_name_in (node, chrome_elements) && walk->landmark_depth == 0)
    return TRUE;

  if (st != NULL && st->link_list)
    return TRUE;

  /* A block that holds most of the content is the article's wrapper, whatever its name */
  if (has_boilerplate_name (node) &&
      (st == NULL || all == NULL || st->text * 2 < all->text))
    return TRUE;

  if ((role = sp_html_attribute (node, "role")) != NULL)
    {
      g_autofree char *lower = g_ascii_strdown (role, -1);

      if (g_strv_contains (dropped_roles, g_strstrip (lower)))
        return TRUE;
    }

  return is_hidden (node);
}

/* Walking the text */

static void
request_break (SpHtmlWalk *walk,
               SpBreak     level)
{
  walk->pending = MAX (walk->pending, level);
}

static void
flush_break (SpHtmlWalk *walk)
{
  if (walk->out != NULL && walk->out->len > 0)
    {
      switch (walk->pending)
        {
        case BREAK_SPACE:
          g_string_append_c (walk->out, ' ');
          break;

        case BREAK_LINE:
          g_string_append_c (walk->out, '\n');
          break;

        case BREAK_PARAGRAPH:
          g_string_append (walk->out, "\n\n");
          break;

        case BREAK_NONE:
        default:
          break;
        }
    }

  walk->pending = BREAK_NONE;
}

static void
add_text (SpHtmlWalk *walk,
          const char *text)
{
  if (text == NULL)
    return;

  if (walk->pre_depth > 0)
    {
      flush_break (walk);
      walk->n_chars += sp_html_count_visible (text);
      if (walk->out != NULL)
        g_string_append (walk->out, text);
      return;
    }

  for (const char *p = text; *p; )
    {
      const char *run = p;

      if (sp_html_is_space (*p))
        {
          while (sp_html_is_space (*p))
            p++;
          request_break (walk, BREAK_SPACE);
          continue;
        }

      while (*p && !sp_html_is_space (*p))
        p++;

      flush_break (walk);
      walk->n_chars += p - run;
      if (walk->out != NULL)
        g_string_append_len (walk->out, run, p - run);
    }
}

static void
enter_element (SpHtmlWalk *walk,
               xmlNode    *node)
{
  if (sp_html_name_in (node, paragraph_elements))
    request_break (walk, BREAK_PARAGRAPH);
  else if (sp_html_name_in (node, line_elements))
    request_break (walk, BREAK_LINE);
  else if (sp_html_name_in (node, cell_elements))
    request_break (walk, BREAK_SPACE);

  if (sp_html_is_named (node, "pre"))
    walk->pre_depth++;

  if (walk->articles != NULL && walk->article_depth == 0 && sp_html_is_named (node, "article"))
    g_ptr_array_add (walk->articles, node);

  if (walk->out == NULL)
    return;

  /* The first <h1>'s text is what the walk writes between entering and leaving it */
  if (walk->first_h1 == NULL && walk->h1 == NULL && sp_html_is_named (node, "h1"))
    {
      walk->h1 = node;
      walk->h1_start = walk->out->len;
    }

  if (walk->first_time == NULL && sp_html_is_named (node, "time"))
    walk->first_time = sp_date_parse (sp_html_attribute (node, "datetime"));
}

static void
leave_element (SpHtmlWalk *walk,
               xmlNode    *node)
{
  if (sp_html_is_named (node, "pre") && walk->pre_depth > 0)
    walk->pre_depth--;

  if (node == walk->h1)
    {
      g_autofree char *text = g_strndup (walk->out->str + walk->h1_start,
                                         walk->out->len - walk->h1_start);

      g_strdelimit (text, "\n", ' ');
      g_strstrip (text);
      if (text[0] != '\0')
        walk->first_h1 = g_steal_pointer (&text);
      walk->h1 = NULL;
    }

  if (sp_html_name_in (node, paragraph_elements))
    request_break (walk, BREAK_PARAGRAPH);
  else if (sp_html_name_in (node, line_elements))
    request_break (walk, BREAK_LINE);
  else if (sp_html_name_in (node, cell_elements))
    request_break (walk, BREAK_SPACE);
}

/* Into and out of an element's children: the counts of landmarks above them */
static void
descend_into (SpHtmlWalk *walk,
              xmlNode    *node)
{
  if (is_landmark (node))
    walk->landmark_depth++;
  if (sp_html_is_named (node, "article"))
    walk->article_depth++;
}

static void
climb_out_of (SpHtmlWalk *walk,
              xmlNode    *node)
{
  if (is_landmark (node) && walk->landmark_depth > 0)
    walk->landmark_depth--;
  if (sp_html_is_named (node, "article") && walk->article_depth > 0)
    walk->article_depth--;
}

/* Returns FALSE when the budget ran out */
static gboolean
walk_tree (SpHtmlWalk *walk)
{
  xmlNode *root = walk->root;
  xmlNode *node = root->children;

  walk->landmark_depth = is_landmark (root) ? 1 : 0;
  walk->article_depth = sp_html_is_named (root, "article") ? 1 : 0;

  while (node != NULL)
    {
      gboolean descend = FALSE;

      if (!sp_read_budget_spend (walk->budget, 1))
        return FALSE;

      if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
        {
          if (node->content != NULL &&
              !sp_read_budget_spend (walk->budget, strlen ((const char *)node->content)))
            return FALSE;
          add_text (walk, (const char *)node->content);
        }
      else if (node->type == XML_ELEMENT_NODE && !is_dropped (walk, node))
        {
          enter_element (walk, node);
          if (node->children != NULL)
            descend = TRUE;
          else
            leave_element (walk, node);
        }

      if (descend)
        {
          descend_into (walk, node);
          node = node->children;
          continue;
        }

      while (node->next == NULL)
        {
          node = node->parent;
          if (node == NULL || node == root)
            return TRUE;
          climb_out_of (walk, node);
          leave_element (walk, node);
        }

      node = node->next;
    }

  return TRUE;
}

/* The text under @root, counted; with @articles, the outermost <article>s under it that
 * the walk reaches are collected */
static gboolean
count_text (GHashTable   *stats,
            SpReadBudget *budget,
            xmlNode      *root,
            GPtrArray    *articles,
            gsize        *n_chars)
{
  g_auto(SpHtmlWalk) walk = { 0 };

  walk.stats = stats;
  walk.budget = budget;
  walk.root = root;
  walk.articles = articles;
  if (!walk_tree (&walk))
    return FALSE;

  *n_chars = walk.n_chars;
  return TRUE;
}

/* The <article> or <main> that is the page's content, or <body>; NULL when the budget ran
 * out */
static xmlNode *
find_content_root (GHashTable   *stats,
                   SpReadBudget *budget,
                   xmlNode      *body)
{
  g_autoptr(GPtrArray) articles = g_ptr_array_new ();
  gsize body_chars = 0;
  xmlNode *best = NULL;
  gsize best_chars = 0;
  xmlNode *main_element = NULL;
  gsize main_chars = 0;

  if (!count_text (stats, budget, body, articles, &body_chars))
    return NULL;

  for (guint i = 0; i < articles->len; i++)
    {
      xmlNode *article = g_ptr_array_index (articles, i);
      gsize n = 0;

      if (!count_text (stats, budget, article, NULL, &n))
        return NULL;

      if (n > best_chars)
        {
          best = article;
          best_chars = n;
        }
    }

  if (best != NULL && best_chars * 100 >= body_chars * CONTENT_MIN_PERCENT)
    return best;

  for (xmlNode *node = body; node != NULL; node = sp_html_next_node (node, body))
    {
      if (!sp_read_budget_spend (budget, 1))
        return NULL;

      if (sp_html_is_named (node, "main"))
        {
          main_element = node;
          break;
        }
    }

  if (main_element != NULL &&
      (!count_text (stats, budget, main_element, NULL, &main_chars)))
    return NULL;

  if (main_element != NULL && main_chars * 100 >= body_chars * CONTENT_MIN_PERCENT)
    return main_element;

  return body;
}

/* Normalised to NFC, like every other text that goes into a project */
static char *
nfc (char *text)
{
  g_autofree char *owned = text;

  if (owned == NULL)
    return NULL;

  return g_utf8_normalize (owned, -1, G_NORMALIZE_NFC);
}

/* Parses the page into @doc_out, which stays NULL for a page libxml2 makes no tree of */
static gboolean
parse (const char    *text,
       gsize          length,
       SpReadBudget  *budget,
       xmlDoc       **doc_out,
       GError       **error)
{
  g_autoptr(htmlParserCtxt) context = NULL;
  g_autofree char *bounded = NULL;
  gsize bounded_length = 0;
  htmlDocPtr doc;

  if (!sp_html_bound (text, length, budget, &bounded, &bounded_length, error))
    return FALSE;

  if (bounded != NULL)
    {
      text = bounded;
      length = bounded_length;
    }

  if (length > G_MAXINT)
    {
      g_set_error_literal (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_TOO_LARGE, _("too large"));
      return FALSE;
    }

  ensure_parser ();

  if (!(context = htmlNewParserCtxt ()))
    {
      g_set_error_literal (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_READ, _("out of memory"));
      return FALSE;
    }

  doc = htmlCtxtReadMemory (context, text, (int)length, NULL, "UTF-8", HTML_OPTIONS);

  /* libxml2 halts on what it cannot take (too deep a tree, no memory) and keeps what it
   * read so far: that is not the article */
  if (context->disableSAX != 0 || context->instate == XML_PARSER_EOF)
    {
      g_clear_pointer (&doc, xmlFreeDoc);
      g_set_error_literal (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_INCOMPLETE,
                           _("the page could not be read whole (its structure is too deep "
                             "or too large)"));
      return FALSE;
    }

  if (!sp_read_budget_check_clock (budget))
    {
      g_clear_pointer (&doc, xmlFreeDoc);
      sp_read_budget_set_error (budget, error);
      return FALSE;
    }

  *doc_out = doc;
  return TRUE;
}

/**
 * sp_html_reader_read:
 * @data: (array length=length): the page's bytes, in any encoding
 * @budget: (nullable): what reading it may cost; %NULL for the default
 *
 * Reads the article out of a saved web page. Fails as sp_text_decode() does, with
 * %SP_IMPORT_ERROR_TOO_SLOW when the budget runs out, %SP_IMPORT_ERROR_TOO_LARGE for a page
 * with too many elements, and %SP_IMPORT_ERROR_INCOMPLETE when the page could not be read
 * whole; a page without text gives an article with an empty body.
 *
 * Returns: (transfer full): the article
 */
SpArticle *
sp_html_reader_read (const char    *data,
                     gsize          length,
                     SpReadBudget  *budget,
                     GError       **error)
{
  g_autoptr(SpArticle) article = NULL;
  g_autoptr(SpReadBudget) own_budget = NULL;
  g_autoptr(GHashTable) stats = NULL;
  g_autofree char *charset = NULL;
  g_autofree char *text = NULL;
  g_autofree char *title = NULL;
  g_autoptr(xmlDoc) doc = NULL;
  g_auto(SpHtmlPage) page = { 0 };
  g_auto(SpHtmlWalk) walk = { 0 };
  xmlNode *top;
  xmlNode *body;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (budget == NULL)
    budget = own_budget = sp_read_budget_new (length);

  charset = sp_charset_sniff_html (data, length);
  if (!(text = sp_text_decode (data, length, charset, SP_TEXT_DECODE_MARKUP, error)))
    return NULL;

  if (!parse (text, strlen (text), budget, &doc, error))
    return NULL;

  article = sp_article_new ();
  if (doc == NULL || (top = xmlDocGetRootElement (doc)) == NULL)
    {
      article->body = g_strdup ("");
      return g_steal_pointer (&article);
    }

  if (!sp_html_page_read (&page, top, budget))
    {
      sp_read_budget_set_error (budget, error);
      return NULL;
    }

  body = top;
  for (xmlNode *node = top; node != NULL; node = sp_html_next_node (node, top))
    if (sp_html_is_named (node, "body"))
      {
        body = node;
        break;
      }

  stats = measure_body (body, budget);

  walk.stats = stats;
  walk.budget = budget;
  walk.out = g_string_new (NULL);
  if (sp_read_budget_is_exhausted (budget) ||
      !(walk.root = find_content_root (stats, budget, body)) ||
      !walk_tree (&walk))
    {
      sp_read_budget_set_error (budget, error);
      return NULL;
    }

  article->body = nfc (sp_text_tidy (walk.out->str));

  if ((title = sp_html_page_choose_title (&page, walk.first_h1)) != NULL)
    article->title = nfc (sp_text_title_from_body (title));
  else
    article->title = sp_text_title_from_body (article->body);
  article->author = nfc (sp_html_page_find_author (&page));
  article->date = sp_html_page_find_date (&page);
  if (article->date == NULL)
    article->date = g_strdup (walk.first_time);
  article->url = nfc (g_strdup (page.canonical != NULL ? page.canonical
                                                       : sp_html_page_get_meta (&page, "og:url")));
  article->source = nfc (g_strdup (sp_html_page_get_meta (&page, "og:site_name")));

  return g_steal_pointer (&article);
}
