/* sp-html-reader.c
 *
 * A saved web page is mostly page: menus, scripts, share buttons, teasers, comments. The
 * reader keeps the part that is the article — the largest <article> when it holds a fair
 * share of the page's text, else <main>, else <body> — and drops what is never article
 * text: scripts, styles, forms, navigation, hidden elements, headers, footers and asides
 * outside an article, blocks that are mostly links (menus, related stories), and blocks
 * whose class or id names them comments, share buttons and the like. Block elements become
 * line and paragraph breaks; inline text is joined with single spaces except in <pre>.
 *
 * The title is the first <h1> of the kept part: on news pages <title> carries the site's
 * name ("Headline | Site") and the <h1> is the headline as printed. When the page's own
 * title (og:title, else <title>) shares too few words with that <h1> — the <h1> is a logo
 * or a section name — the page's title wins, without a trailing " | site name". Author,
 * date, address and publication come from <meta> and <link> tags, JSON-LD's datePublished
 * and the first <time datetime> of the kept part.
 *
 * The bytes are decoded by sp_text_decode() (with the charset the page declares) before
 * libxml2 sees them, so the parser is always given UTF-8 and told to ignore the page's own
 * declaration. Entities are decoded by libxml2; everything that leaves here is plain text.
 * Pages nest deep, so no walk here recurses.
 */
#define G_LOG_DOMAIN "sp-html-reader"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>

#include "sp-date-scan.h"
#include "sp-html-reader.h"
#include "sp-text-decode.h"
#include "sp-text-reader.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)

#define HTML_OPTIONS (HTML_PARSE_NONET | HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | \
                      HTML_PARSE_NOWARNING | HTML_PARSE_IGNORE_ENC)

/* How far into the page the charset declaration is looked for */
#define SNIFF_BYTES (64 * 1024)
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

/* Where meta tags keep the author and the date, best first */
static const char * const author_keys[] = {
  "author", "article:author", "byl", "parsely-author", "sailthru.author", "dc.creator",
  "dcterms.creator", NULL
};
static const char * const date_keys[] = {
  "article:published_time", "datepublished", "date", "pubdate", "publishdate",
  "publish-date", "dc.date", "dc.date.issued", "dcterms.created", "dcterms.issued",
  "dcterms.date", "sailthru.date", "parsely-pub-date", "og:published_time",
  "article.published", "citation_publication_date", NULL
};

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

/* What the page says about itself, and the measurements of its body */
typedef struct
{
  char       *title;      /* <title> */
  GHashTable *meta;       /* <meta> name, property or itemprop → content */
  char       *canonical;
  char       *ld_date;    /* JSON-LD datePublished */
  GHashTable *stats;      /* xmlNode → SpElementStats */
} SpPage;

typedef struct
{
  SpPage   *page;
  xmlNode  *root;
  GString  *out;          /* NULL when only counting */
  gsize     n_chars;      /* non-blank bytes of text seen */
  SpBreak   pending;
  guint     pre_depth;
  char     *first_h1;
  char     *first_time;
} SpHtmlWalk;

static void
sp_page_clear (SpPage *page)
{
  g_free (page->title);
  g_clear_pointer (&page->meta, g_hash_table_unref);
  g_free (page->canonical);
  g_free (page->ld_date);
  g_clear_pointer (&page->stats, g_hash_table_unref);
}

static void
sp_html_walk_clear (SpHtmlWalk *walk)
{
  if (walk->out != NULL)
    g_string_free (walk->out, TRUE);
  g_free (walk->first_h1);
  g_free (walk->first_time);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SpPage, sp_page_clear)
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

/* Tree helpers */

static const char *
node_name (xmlNode *node)
{
  return node->name != NULL ? (const char *)node->name : "";
}

static gboolean
is_named (xmlNode    *node,
          const char *name)
{
  return node->type == XML_ELEMENT_NODE && g_str_equal (node_name (node), name);
}

static gboolean
name_in (xmlNode            *node,
         const char * const *names)
{
  return g_strv_contains (names, node_name (node));
}

/* An attribute's value as the parser stored it (entities decoded), or NULL */
static const char *
attribute (xmlNode    *node,
           const char *name)
{
  for (xmlAttr *attr = node->properties; attr != NULL; attr = attr->next)
    {
      if (g_ascii_strcasecmp ((const char *)attr->name, name) != 0)
        continue;

      if (attr->children != NULL && attr->children->type == XML_TEXT_NODE &&
          attr->children->content != NULL)
        return (const char *)attr->children->content;
      return "";
    }

  return NULL;
}

/* The node after @node in document order, staying under @top */
static xmlNode *
next_node (xmlNode *node,
           xmlNode *top)
{
  if (node->children != NULL)
    return node->children;

  while (node != NULL && node != top && node->next == NULL)
    node = node->parent;

  return node != NULL && node != top ? node->next : NULL;
}

static gboolean
is_html_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

static gsize
count_visible (const char *text)
{
  gsize n = 0;

  for (const char *p = text; p != NULL && *p; p++)
    if (!is_html_space (*p))
      n++;

  return n;
}

/* @text on one line with single spaces, or NULL when it is blank */
static char *
collapse_spaces (const char *text)
{
  GString *out;

  if (text == NULL)
    return NULL;

  out = g_string_new (NULL);
  for (const char *p = text; *p; p++)
    {
      if (!is_html_space (*p))
        g_string_append_c (out, *p);
      else if (out->len > 0 && out->str[out->len - 1] != ' ')
        g_string_append_c (out, ' ');
    }

  if (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);

  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      return NULL;
    }

  return g_string_free (out, FALSE);
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

static SpElementStats *
lookup_stats (SpPage  *page,
              xmlNode *node)
{
  return page->stats != NULL ? g_hash_table_lookup (page->stats, node) : NULL;
}

/* One pass over the body, bottom up: each element's text, link text, paragraphs and
 * landmarks. A link list counts for nothing in the element around it, so that the
 * wrapper of an article and its link lists is not taken for a link list itself. */
static GHashTable *
measure_body (xmlNode *body)
{
  GHashTable *stats = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  xmlNode *node = body->children;
  guint link_depth = 0;

  stats_for (stats, body);

  while (node != NULL)
    {
      gboolean descend = FALSE;

      if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
        {
          SpElementStats *st = stats_for (stats, node->parent);
          gsize n = count_visible ((const char *)node->content);

          st->text += n;
          if (link_depth > 0)
            st->link += n;
        }
      else if (node->type == XML_ELEMENT_NODE && !name_in (node, dropped_elements))
        {
          SpElementStats *parent = stats_for (stats, node->parent);

          stats_for (stats, node);
          if (is_named (node, "p"))
            parent->n_paragraphs++;
          if (is_named (node, "article") || is_named (node, "main") || is_named (node, "h1"))
            parent->landmark = TRUE;

          if (node->children != NULL)
            {
              descend = TRUE;
              if (is_named (node, "a"))
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

          if (is_named (node, "a") && link_depth > 0)
            link_depth--;

          st = stats_for (stats, node);
          parent = stats_for (stats, node->parent);
          st->link_list = name_in (node, link_list_elements) && st->text > 0 &&
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
is_inside_article (xmlNode *node,
                   xmlNode *root)
{
  for (xmlNode *p = node->parent; p != NULL; p = p->parent)
    {
      if (is_named (p, "article") || is_named (p, "main"))
        return TRUE;
      if (p == root)
        break;
    }

  return FALSE;
}

static gboolean
is_hidden (xmlNode *node)
{
  const char *value;

  if (attribute (node, "hidden") != NULL)
    return TRUE;

  if ((value = attribute (node, "aria-hidden")) != NULL && g_ascii_strcasecmp (value, "true") == 0)
    return TRUE;

  if ((value = attribute (node, "style")) != NULL && strchr (value, ':') != NULL)
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
      const char *p = attribute (node, attributes[i]);

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

static gboolean
is_dropped (SpPage  *page,
            xmlNode *node,
            xmlNode *root)
{
  SpElementStats *st = lookup_stats (page, node);
  SpElementStats *all = lookup_stats (page, root);
  const char *role;

  if (name_in (node, dropped_elements))
    return TRUE;

  if (is_named (node, "form") &&
      (st == NULL || (!st->landmark && st->n_paragraphs < PAGE_FORM_PARAGRAPHS)))
    return TRUE;

  if (name_in (node, chrome_elements) && !is_inside_article (node, root))
    return TRUE;

  if (st != NULL && st->link_list)
    return TRUE;

  /* A block that holds most of the content is the article's wrapper, whatever its name */
  if (has_boilerplate_name (node) &&
      (st == NULL || all == NULL || st->text * 2 < all->text))
    return TRUE;

  if ((role = attribute (node, "role")) != NULL)
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
      walk->n_chars += count_visible (text);
      if (walk->out != NULL)
        g_string_append (walk->out, text);
      return;
    }

  for (const char *p = text; *p; )
    {
      const char *run = p;

      if (is_html_space (*p))
        {
          while (is_html_space (*p))
            p++;
          request_break (walk, BREAK_SPACE);
          continue;
        }

      while (*p && !is_html_space (*p))
        p++;

      flush_break (walk);
      walk->n_chars += p - run;
      if (walk->out != NULL)
        g_string_append_len (walk->out, run, p - run);
    }
}

static void walk_tree (SpHtmlWalk *walk);

/* The text of an element, on one line */
static char *
element_text (SpPage  *page,
              xmlNode *node)
{
  g_auto(SpHtmlWalk) walk = { 0 };

  walk.page = page;
  walk.root = node;
  walk.out = g_string_new (NULL);
  walk_tree (&walk);

  g_strdelimit (walk.out->str, "\n", ' ');
  return g_strstrip (g_strdup (walk.out->str));
}

static void
enter_element (SpHtmlWalk *walk,
               xmlNode    *node)
{
  if (name_in (node, paragraph_elements))
    request_break (walk, BREAK_PARAGRAPH);
  else if (name_in (node, line_elements))
    request_break (walk, BREAK_LINE);
  else if (name_in (node, cell_elements))
    request_break (walk, BREAK_SPACE);

  if (is_named (node, "pre"))
    walk->pre_depth++;

  if (walk->out == NULL)
    return;

  if (walk->first_h1 == NULL && is_named (node, "h1"))
    {
      g_autofree char *text = element_text (walk->page, node);

      if (text[0] != '\0')
        walk->first_h1 = g_steal_pointer (&text);
    }

  if (walk->first_time == NULL && is_named (node, "time"))
    walk->first_time = sp_date_parse (attribute (node, "datetime"));
}

static void
leave_element (SpHtmlWalk *walk,
               xmlNode    *node)
{
  if (is_named (node, "pre") && walk->pre_depth > 0)
    walk->pre_depth--;

  if (name_in (node, paragraph_elements))
    request_break (walk, BREAK_PARAGRAPH);
  else if (name_in (node, line_elements))
    request_break (walk, BREAK_LINE);
  else if (name_in (node, cell_elements))
    request_break (walk, BREAK_SPACE);
}

static void
walk_tree (SpHtmlWalk *walk)
{
  xmlNode *root = walk->root;
  xmlNode *node = root->children;

  while (node != NULL)
    {
      gboolean descend = FALSE;

      if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
        add_text (walk, (const char *)node->content);
      else if (node->type == XML_ELEMENT_NODE && !is_dropped (walk->page, node, root))
        {
          enter_element (walk, node);
          if (node->children != NULL)
            descend = TRUE;
          else
            leave_element (walk, node);
        }

      if (descend)
        {
          node = node->children;
          continue;
        }

      while (node->next == NULL)
        {
          node = node->parent;
          if (node == NULL || node == root)
            return;
          leave_element (walk, node);
        }

      node = node->next;
    }
}

static gsize
count_text (SpPage  *page,
            xmlNode *root)
{
  g_auto(SpHtmlWalk) walk = { 0 };

  walk.page = page;
  walk.root = root;
  walk_tree (&walk);

  return walk.n_chars;
}

/* The content */

static gboolean
has_dropped_ancestor (SpPage  *page,
                      xmlNode *node,
                      xmlNode *top)
{
  for (xmlNode *p = node->parent; p != NULL && p != top; p = p->parent)
    if (p->type == XML_ELEMENT_NODE && is_dropped (page, p, top))
      return TRUE;

  return FALSE;
}

/* The <article> or <main> that is the page's content, or <body> */
static xmlNode *
find_content_root (SpPage  *page,
                   xmlNode *body)
{
  gsize body_chars = count_text (page, body);
  xmlNode *best = NULL;
  gsize best_chars = 0;
  xmlNode *main_element = NULL;

  for (xmlNode *node = body; node != NULL; node = next_node (node, body))
    {
      gsize n;

      if (main_element == NULL && is_named (node, "main"))
        main_element = node;

      if (!is_named (node, "article") || has_dropped_ancestor (page, node, body))
        continue;

      if ((n = count_text (page, node)) > best_chars)
        {
          best = node;
          best_chars = n;
        }
    }

  if (best != NULL && best_chars * 100 >= body_chars * CONTENT_MIN_PERCENT)
    return best;

  if (main_element != NULL &&
      count_text (page, main_element) * 100 >= body_chars * CONTENT_MIN_PERCENT)
    return main_element;

  return body;
}

/* What the page says about itself */

static char *
node_content (xmlNode *node)
{
  xmlChar *content = xmlNodeGetContent (node);
  char *text = collapse_spaces ((const char *)content);

  xmlFree (content);
  return text;
}

static char *
json_ld_date (const char *json)
{
  g_autofree char *value = NULL;
  const char *p = json != NULL ? strstr (json, "\"datePublished\"") : NULL;
  const char *end;

  if (p == NULL)
    return NULL;

  p += strlen ("\"datePublished\"");
  while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == ':')
    p++;
  if (*p != '"' || (end = strchr (p + 1, '"')) == NULL || end - p > 64)
    return NULL;

  value = g_strndup (p + 1, end - p - 1);
  return sp_date_parse (value);
}

static void
read_page_info (SpPage  *page,
                xmlNode *top)
{
  page->meta = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (xmlNode *node = top; node != NULL; node = next_node (node, top))
    {
      if (node->type != XML_ELEMENT_NODE)
        continue;

      if (is_named (node, "title") && page->title == NULL)
        page->title = node_content (node);
      else if (is_named (node, "meta"))
        {
          g_autofree char *value = collapse_spaces (attribute (node, "content"));
          g_autofree char *key = NULL;
          const char *name = attribute (node, "property");

          if (name == NULL)
            name = attribute (node, "name");
          if (name == NULL)
            name = attribute (node, "itemprop");
          if (name == NULL || value == NULL)
            continue;

          key = g_strstrip (g_ascii_strdown (name, -1));
          if (!g_hash_table_contains (page->meta, key))
            g_hash_table_insert (page->meta, g_steal_pointer (&key), g_steal_pointer (&value));
        }
      else if (is_named (node, "link") && page->canonical == NULL)
        {
          const char *rel = attribute (node, "rel");

          if (rel != NULL && g_ascii_strcasecmp (rel, "canonical") == 0)
            page->canonical = collapse_spaces (attribute (node, "href"));
        }
      else if (is_named (node, "script") && page->ld_date == NULL)
        {
          const char *type = attribute (node, "type");

          if (type != NULL && g_ascii_strcasecmp (type, "application/ld+json") == 0)
            {
              xmlChar *json = xmlNodeGetContent (node);

              page->ld_date = json_ld_date ((const char *)json);
              xmlFree (json);
            }
        }
    }
}

static const char *
meta (SpPage     *page,
      const char *key)
{
  return g_hash_table_lookup (page->meta, key);
}

static gboolean
is_url (const char *value)
{
  return g_str_has_prefix (value, "http://") || g_str_has_prefix (value, "https://");
}

static char *
find_author (SpPage *page)
{
  for (guint i = 0; author_keys[i] != NULL; i++)
    {
      const char *value = meta (page, author_keys[i]);

      /* article:author is often a profile page's address */
      if (value == NULL || is_url (value))
        continue;

      if (g_ascii_strncasecmp (value, "by ", 3) == 0)
        value += 3;

      return g_strdup (value);
    }

  return NULL;
}

static char *
find_date (SpPage *page)
{
  for (guint i = 0; date_keys[i] != NULL; i++)
    {
      char *date = sp_date_parse (meta (page, date_keys[i]));

      if (date != NULL)
        return date;
    }

  return g_strdup (page->ld_date);
}

/* The title */

static GHashTable *
title_words (const char *text)
{
  GHashTable *words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (const char *p = text; *p; )
    {
      const char *start;

      while (*p && !g_unichar_isalnum (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      start = p;
      while (*p && g_unichar_isalnum (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);

      if (p > start)
        g_hash_table_add (words, g_utf8_casefold (start, p - start));
    }

  return words;
}

/* Whether two titles share at least half of the words of the longer one */
static gboolean
titles_agree (const char *a,
              const char *b)
{
  g_autoptr(GHashTable) words_a = title_words (a);
  g_autoptr(GHashTable) words_b = title_words (b);
  guint most = MAX (g_hash_table_size (words_a), g_hash_table_size (words_b));
  guint shared = 0;
  GHashTableIter iter;
  gpointer word;

  g_hash_table_iter_init (&iter, words_a);
  while (g_hash_table_iter_next (&iter, &word, NULL))
    if (g_hash_table_contains (words_b, word))
      shared++;

  return most > 0 && shared * 2 >= most;
}

/* A page title without a trailing " | Site", " - Site" or " — Site" naming the publication */
static char *
strip_site_name (const char *title,
                 const char *site)
{
  static const char * const separators[] = { " | ", " - ", " – ", " — ", " :: ", NULL };
  gsize title_length = strlen (title);
  gsize site_length = site != NULL ? strlen (site) : 0;

  if (site_length == 0 || site_length >= title_length)
    return g_strdup (title);

  for (guint i = 0; separators[i] != NULL; i++)
    {
      gsize sep_length = strlen (separators[i]);
      gsize cut = title_length - site_length;

      if (cut > sep_length &&
          g_ascii_strcasecmp (title + cut, site) == 0 &&
          strncmp (title + cut - sep_length, separators[i], sep_length) == 0)
        return g_strndup (title, cut - sep_length);
    }

  return g_strdup (title);
}

static char *
choose_title (SpPage     *page,
              const char *h1)
{
  const char *og_title = meta (page, "og:title");
  const char *page_title = og_title != NULL ? og_title : page->title;

  if (h1 != NULL && (page_title == NULL || titles_agree (h1, page_title)))
    return g_strdup (h1);

  if (page_title != NULL)
    return strip_site_name (page_title, meta (page, "og:site_name"));

  return NULL;
}

/* Normalised to NFC, like every other text that goes into a project */
static char *
nfc (char *text)
{
  g_autofree char *owned = text;

  if (text == NULL)
    return NULL;

  return g_utf8_normalize (text, -1, G_NORMALIZE_NFC);
}

/**
 * sp_html_sniff_charset:
 * @data: (array length=length): the page's bytes
 *
 * Finds the charset a page declares in a <meta charset>, a <meta http-equiv="Content-Type">
 * or an XML declaration near its start.
 *
 * Returns: (transfer full) (nullable): the declared charset's name, in lower case
 */
char *
sp_html_sniff_charset (const char *data,
                       gsize       length)
{
  g_autofree char *head = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  head = g_ascii_strdown (data != NULL ? data : "", MIN (length, SNIFF_BYTES));

  /* <?xml version="1.0" encoding="..."?> */
  if (g_str_has_prefix (head, "<?xml"))
    {
      const char *close = strstr (head, "?>");
      const char *enc = strstr (head, "encoding=");

      if (enc != NULL && close != NULL && enc < close)
        {
          enc += strlen ("encoding=");
          if (*enc == '"' || *enc == '\'')
            {
              const char *end = strchr (enc + 1, *enc);

              if (end != NULL && end < close && end > enc + 1)
                return g_strndup (enc + 1, end - enc - 1);
            }
        }
    }

  for (const char *p = strstr (head, "<meta"); p != NULL; p = strstr (p + 5, "<meta"))
    {
      const char *close = strchr (p, '>');
      const char *value;
      gsize n = 0;

      if (close == NULL)
        break;

      if ((value = g_strstr_len (p, close - p, "charset=")) == NULL)
        continue;

      value += strlen ("charset=");
      while (*value == '"' || *value == '\'' || *value == ' ')
        value++;

      while (value + n < close &&
             (g_ascii_isalnum (value[n]) || value[n] == '-' || value[n] == '_' ||
              value[n] == '.' || value[n] == ':'))
        n++;

      if (n > 0)
        return g_strndup (value, n);
    }

  return NULL;
}

/**
 * sp_html_reader_read:
 * @data: (array length=length): the page's bytes, in any encoding
 *
 * Reads the article out of a saved web page. Fails as sp_text_decode() does; a page
 * without text gives an article with an empty body.
 *
 * Returns: (transfer full): the article
 */
SpArticle *
sp_html_reader_read (const char  *data,
                     gsize        length,
                     GError     **error)
{
  g_autoptr(SpArticle) article = NULL;
  g_autofree char *charset = NULL;
  g_autofree char *text = NULL;
  g_autofree char *title = NULL;
  g_autoptr(xmlDoc) doc = NULL;
  g_auto(SpPage) page = { 0 };
  g_auto(SpHtmlWalk) walk = { 0 };
  xmlNode *top;
  xmlNode *body;
  gsize text_length;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  charset = sp_html_sniff_charset (data, length);
  if (!(text = sp_text_decode (data, length, charset, SP_TEXT_DECODE_MARKUP, error)))
    return NULL;

  text_length = strlen (text);
  if (text_length > G_MAXINT)
    {
      g_set_error_literal (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_TOO_LARGE, _("too large"));
      return NULL;
    }

  ensure_parser ();

  article = sp_article_new ();
  doc = htmlReadMemory (text, (int)text_length, NULL, "UTF-8", HTML_OPTIONS);
  if (doc == NULL || (top = xmlDocGetRootElement (doc)) == NULL)
    {
      article->body = g_strdup ("");
      return g_steal_pointer (&article);
    }

  read_page_info (&page, top);

  body = top;
  for (xmlNode *node = top; node != NULL; node = next_node (node, top))
    if (is_named (node, "body"))
      {
        body = node;
        break;
      }

  page.stats = measure_body (body);

  walk.page = &page;
  walk.root = find_content_root (&page, body);
  walk.out = g_string_new (NULL);
  walk_tree (&walk);

  article->body = nfc (sp_text_tidy (walk.out->str));

  if ((title = choose_title (&page, walk.first_h1)) != NULL)
    article->title = nfc (sp_text_title_from_body (title));
  else
    article->title = sp_text_title_from_body (article->body);
  article->author = nfc (find_author (&page));
  article->date = find_date (&page);
  if (article->date == NULL)
    article->date = g_strdup (walk.first_time);
  article->url = nfc (g_strdup (page.canonical != NULL ? page.canonical : meta (&page, "og:url")));
  article->source = nfc (g_strdup (meta (&page, "og:site_name")));

  return g_steal_pointer (&article);
}
