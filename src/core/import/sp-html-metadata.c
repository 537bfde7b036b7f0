/* sp-html-metadata.c
 *
 * On news pages <title> carries the site's name ("Headline | Site") and the <h1> is the
 * headline as printed, so the <h1> is the title unless it shares too few words with the
 * page's own title (og:title, else <title>) — then the <h1> is a logo or a section name and
 * the page's title wins, without a trailing " | site name". Author, date, address and
 * publication come from <meta> and <link> tags and from JSON-LD's datePublished, read with
 * json-glib.
 */
#define G_LOG_DOMAIN "sp-html-metadata"

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "sp-date-scan.h"
#include "sp-html-metadata.h"
#include "sp-html-node.h"

/* json-glib parses recursively: deeper JSON is not handed to it */
#define MAX_JSON_DEPTH 64

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

void
sp_html_page_clear (SpHtmlPage *page)
{
  g_clear_pointer (&page->title, g_free);
  g_clear_pointer (&page->meta, g_hash_table_unref);
  g_clear_pointer (&page->canonical, g_free);
  g_clear_pointer (&page->ld_date, g_free);
}

/* Whether @json nests no deeper than json-glib can take; strings are skipped. */
static gboolean
json_depth_ok (const char *json)
{
  guint depth = 0;
  gboolean in_string = FALSE;

  for (const char *p = json; *p; p++)
    {
      if (in_string)
        {
          if (*p == '\\' && p[1] != '\0')
            p++;
          else if (*p == '"')
            in_string = FALSE;
        }
      else if (*p == '"')
        in_string = TRUE;
      else if (*p == '[' || *p == '{')
        {
          if (++depth > MAX_JSON_DEPTH)
            return FALSE;
        }
      else if ((*p == ']' || *p == '}') && depth > 0)
        depth--;
    }

  return TRUE;
}

/**
 * sp_html_json_ld_date:
 * @json: the text of a <script type="application/ld+json">
 *
 * The first datePublished in the JSON, in document order, that holds a date: the
 * article's own comes before those of the items it lists.
 *
 * Returns: (transfer full) (nullable): the date as YYYY-MM-DD
 */
char *
sp_html_json_ld_date (const char *json)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GPtrArray) stack = NULL;

  if (json == NULL || strstr (json, "datePublished") == NULL || !json_depth_ok (json))
    return NULL;

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, json, -1, NULL) || json_parser_get_root (parser) == NULL)
    return NULL;

  /* Depth first, members in the order they are written: children are pushed in reverse */
  stack = g_ptr_array_new ();
  g_ptr_array_add (stack, json_parser_get_root (parser));

  while (stack->len > 0)
    {
      JsonNode *node = g_ptr_array_steal_index (stack, stack->len - 1);

      if (JSON_NODE_HOLDS_OBJECT (node))
        {
          JsonObject *object = json_node_get_object (node);
          g_autoptr(GList) members = json_object_get_members (object);
          JsonNode *date = json_object_get_member (object, "datePublished");
          char *found;

          if (date != NULL && JSON_NODE_HOLDS_VALUE (date) &&
              json_node_get_value_type (date) == G_TYPE_STRING &&
              (found = sp_date_parse (json_node_get_string (date))) != NULL)
            return found;

          for (GList *l = g_list_last (members); l != NULL; l = l->prev)
            g_ptr_array_add (stack, json_object_get_member (object, l->data));
        }
      else if (JSON_NODE_HOLDS_ARRAY (node))
        {
          JsonArray *array = json_node_get_array (node);

          for (guint i = json_array_get_length (array); i > 0; i--)
            g_ptr_array_add (stack, json_array_get_element (array, i - 1));
        }
    }

  return NULL;
}

static char *
node_content (xmlNode *node)
{
  xmlChar *content = xmlNodeGetContent (node);
  char *text = sp_html_collapse_spaces ((const char *)content);

  xmlFree (content);
  return text;
}

/**
 * sp_html_page_read:
 * @top: the page's root element
 *
 * Returns: %FALSE when @budget ran out
 */
gboolean
sp_html_page_read (SpHtmlPage   *page,
                   xmlNode      *top,
                   SpReadBudget *budget)
{
  page->meta = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (xmlNode *node = top; node != NULL; node = sp_html_next_node (node, top))
    {
      if (!sp_read_budget_spend (budget, 1))
        return FALSE;

      if (node->type != XML_ELEMENT_NODE)
        continue;

      if (sp_html_is_named (node, "title") && page->title == NULL)
        page->title = node_content (node);
      else if (sp_html_is_named (node, "meta"))
        {
          g_autofree char *value = sp_html_collapse_spaces (sp_html_attribute (node, "content"));
          g_autofree char *key = NULL;
          const char *name = sp_html_attribute (node, "property");

          if (name == NULL)
            name = sp_html_attribute (node, "name");
          if (name == NULL)
            name = sp_html_attribute (node, "itemprop");
          if (name == NULL || value == NULL)
            continue;

          key = g_strstrip (g_ascii_strdown (name, -1));
          if (!g_hash_table_contains (page->meta, key))
            g_hash_table_insert (page->meta, g_steal_pointer (&key), g_steal_pointer (&value));
        }
      else if (sp_html_is_named (node, "link") && page->canonical == NULL)
        {
          const char *rel = sp_html_attribute (node, "rel");

          if (rel != NULL && g_ascii_strcasecmp (rel, "canonical") == 0)
            page->canonical = sp_html_collapse_spaces (sp_html_attribute (node, "href"));
        }
      else if (sp_html_is_named (node, "script") && page->ld_date == NULL)
        {
          const char *type = sp_html_attribute (node, "type");

          if (type != NULL && g_ascii_strcasecmp (type, "application/ld+json") == 0)
            {
              xmlChar *json = xmlNodeGetContent (node);

              page->ld_date = sp_html_json_ld_date ((const char *)json);
              if (json != NULL && !sp_read_budget_spend (budget, strlen ((const char *)json)))
                {
                  xmlFree (json);
                  return FALSE;
                }
              xmlFree (json);
            }
        }
    }

  return TRUE;
}

const char *
sp_html_page_get_meta (SpHtmlPage *page,
                       const char *key)
{
  return page->meta != NULL ? g_hash_table_lookup (page->meta, key) : NULL;
}

static gboolean
is_url (const char *value)
{
  return g_str_has_prefix (value, "http://") || g_str_has_prefix (value, "https://");
}

char *
sp_html_page_find_author (SpHtmlPage *page)
{
  for (guint i = 0; author_keys[i] != NULL; i++)
    {
      const char *value = sp_html_page_get_meta (page, author_keys[i]);

      /* article:author is often a profile page's address */
      if (value == NULL || is_url (value))
        continue;

      if (g_ascii_strncasecmp (value, "by ", 3) == 0)
        value += 3;

      return g_strdup (value);
    }

  return NULL;
}

char *
sp_html_page_find_date (SpHtmlPage *page)
{
  for (guint i = 0; date_keys[i] != NULL; i++)
    {
      char *date = sp_date_parse (sp_html_page_get_meta (page, date_keys[i]));

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

/**
 * sp_html_page_choose_title:
 * @h1: (nullable): the text of the article's first <h1>
 *
 * Returns: (transfer full) (nullable): the article's title
 */
char *
sp_html_page_choose_title (SpHtmlPage *page,
                           const char *h1)
{
  const char *og_title = sp_html_page_get_meta (page, "og:title");
  const char *page_title = og_title != NULL ? og_title : page->title;

  if (h1 != NULL && (page_title == NULL || titles_agree (h1, page_title)))
    return g_strdup (h1);

  if (page_title != NULL)
    return strip_site_name (page_title, sp_html_page_get_meta (page, "og:site_name"));

  return NULL;
}
