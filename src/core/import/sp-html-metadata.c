/* sp-html-metadata.c
 *
 * On news pages <title> carries the site's name ("Headline | Site") and the <h1> is the
 * headline as printed, so the <h1> is the title unless it shares too few words with the
 * page's own title (og:title, else the JSON-LD headline, else <title>) — then the <h1> is
 * a logo or a section name and the page's title wins. Either way a site's name glued
 * before or after it (" | Site", " - Site", "Site: ", "example.com") is cut: the name
 * og:site_name or the JSON-LD publisher gives, the page's domain, or a short part behind
 * a bar.
 *
 * The date is, best first: the JSON-LD article's datePublished, a date <meta> tag, the
 * first <time> inside the article's own text (never a teaser's or a caption's: the content
 * finder skips those), and any JSON-LD datePublished; each with how sure it is. Author,
 * address and publication come from <meta> and <link> tags and from the JSON-LD, read
 * with json-glib (sp-html-json-ld.c); the publication falls back to the page's domain.
 */
#define G_LOG_DOMAIN "sp-html-metadata"

#include "config.h"

#include <string.h>

#include "sp-date-scan.h"
#include "sp-html-metadata.h"
#include "sp-html-node.h"

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
  sp_html_json_ld_clear (&page->ld);
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
      else if (sp_html_is_named (node, "script"))
        {
          const char *type = sp_html_attribute (node, "type");

          if (type != NULL && g_ascii_strcasecmp (type, "application/ld+json") == 0)
            {
              xmlChar *json = xmlNodeGetContent (node);

              if (json != NULL && !sp_read_budget_spend (budget, strlen ((const char *)json)))
                {
                  xmlFree (json);
                  return FALSE;
                }
              sp_html_json_ld_read (&page->ld, (const char *)json);
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
      if (value == NULL || value[0] == '\0' || is_url (value))
        continue;

      if (g_ascii_strncasecmp (value, "by ", 3) == 0)
        value += 3;

      return g_strdup (value);
    }

  return g_strdup (page->ld.author);
}

/**
 * sp_html_page_find_date:
 * @content_time: (nullable): the date of the first <time> in the article's own text
 * @confidence: (out): how sure the date is the article's, 0 … 1
 *
 * The article object's datePublished in the JSON-LD, else a date meta tag, else the
 * article's own <time>, else the first datePublished of any JSON-LD object (a page's
 * date, usually the article's). Dates of items the page lists are never taken.
 *
 * Returns: (transfer full) (nullable): the date as YYYY-MM-DD
 */
char *
sp_html_page_find_date (SpHtmlPage *page,
                        const char *content_time,
                        double     *confidence)
{
  *confidence = 0;

  if (page->ld.date != NULL)
    {
      *confidence = 0.95;
      return g_strdup (page->ld.date);
    }

  for (guint i = 0; date_keys[i] != NULL; i++)
    {
      char *date = sp_date_parse (sp_html_page_get_meta (page, date_keys[i]));

      if (date != NULL)
        {
          *confidence = 0.9;
          return date;
        }
    }

  if (content_time != NULL)
    {
      *confidence = 0.8;
      return g_strdup (content_time);
    }

  if (page->ld.any_date != NULL)
    {
      *confidence = 0.6;
      return g_strdup (page->ld.any_date);
    }

  return NULL;
}

/* The host of @url without "www.", or NULL */
static char *
host_of (const char *url)
{
  g_autoptr(GUri) uri = url != NULL ? g_uri_parse (url, G_URI_FLAGS_NONE, NULL) : NULL;
  const char *host = uri != NULL ? g_uri_get_host (uri) : NULL;

  if (host == NULL || host[0] == '\0')
    return NULL;
  if (g_str_has_prefix (host, "www."))
    host += 4;

  return g_ascii_strdown (host, -1);
}

/* The page's address: <link rel=canonical>, og:url or the JSON-LD's */
const char *
sp_html_page_find_url (SpHtmlPage *page)
{
  const char *candidates[] = {
    page->canonical, sp_html_page_get_meta (page, "og:url"), page->ld.url
  };

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    if (candidates[i] != NULL && is_url (candidates[i]))
      return candidates[i];

  return NULL;
}

/**
 * sp_html_page_find_source:
 *
 * The publication: og:site_name, else the JSON-LD's publisher, else the domain of the
 * page's address.
 *
 * Returns: (transfer full) (nullable):
 */
char *
sp_html_page_find_source (SpHtmlPage *page)
{
  const char *site = sp_html_page_get_meta (page, "og:site_name");

  if (site != NULL && site[0] != '\0')
    return g_strdup (site);
  if (page->ld.publisher != NULL)
    return g_strdup (page->ld.publisher);
  if ((site = sp_html_page_get_meta (page, "application-name")) != NULL && site[0] != '\0')
    return g_strdup (site);

  return host_of (sp_html_page_find_url (page));
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

/* Letters and digits of @text, in lower case: "The Coast-Times" → "thecoasttimes" */
static char *
squash (const char *text)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);
  GString *out = g_string_new (NULL);

  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)))
      g_string_append_unichar (out, g_utf8_get_char (p));

  return g_string_free (out, FALSE);
}

static guint
count_words (const char *text)
{
  guint n = 0;
  gboolean in_word = FALSE;

  for (const char *p = text; *p; p++)
    {
      gboolean space = g_ascii_isspace (*p);

      if (!space && !in_word)
        n++;
      in_word = !space;
    }

  return n;
}

/* Whether a part of a page title cut off by a separator names the site: its name, its
 * publisher, its domain ("Example.com"), or a short part behind a bar */
static gboolean
names_site (const char *part,
            const char *separator,
            const char *site,
            const char *host,
            gboolean   *certain)
{
  g_autofree char *squashed = squash (part);
  guint n_words = count_words (part);

  *certain = TRUE;

  if (squashed[0] == '\0')
    return FALSE;

  if (site != NULL)
    {
      g_autofree char *squashed_site = squash (site);

      if (strcmp (squashed, squashed_site) == 0)
        return TRUE;
    }

  if (host != NULL && n_words <= 4)
    {
      g_autofree char *squashed_host = squash (host);
      const char *dot = strrchr (host, '.');
      g_autofree char *label = g_strndup (host, dot != NULL ? (gsize)(dot - host) : strlen (host));
      g_autofree char *squashed_label = squash (label);

      if (strstr (squashed_host, squashed) != NULL || strstr (squashed, squashed_label) != NULL)
        return TRUE;
    }

  if (n_words == 1 && strchr (part, '.') != NULL)
    return TRUE;

  /* Nothing to compare with: one capitalised word after a dash is a name ("- Entermedia") */
  if (site == NULL && host == NULL && strcmp (separator, " | ") != 0 && separator[0] != '\0' &&
      n_words == 1 && g_unichar_isupper (g_utf8_get_char (part)))
    return TRUE;

  /* A short part behind a bar is a site's or a section's name: cut, but not a source */
  *certain = FALSE;
  return strcmp (separator, " | ") == 0 && n_words <= 4;
}

/* A page title without a glued " | Site", " - Site", " — Site" or "Site: " naming the
 * publication */
static char *
strip_site_name (const char  *title,
                 const char  *site,
                 const char  *host,
                 char       **site_found)
{
  static const char * const separators[] = { " | ", " - ", " – ", " — ", " :: ", " · ", " » ", NULL };
  g_autofree char *result = g_strdup (title);
  gboolean certain = FALSE;

  for (guint round = 0; round < 2; round++)
    {
      gboolean cut = FALSE;

      for (guint i = 0; separators[i] != NULL && !cut; i++)
        {
          const char *last = g_strrstr (result, separators[i]);
          const char *first = strstr (result, separators[i]);

          if (last != NULL && last != result &&
              count_words (result) - count_words (last) >= 2 &&
              names_site (last + strlen (separators[i]), separators[i], site, host, &certain))
            {
              if (certain && site_found != NULL && *site_found == NULL)
                *site_found = g_strstrip (g_strdup (last + strlen (separators[i])));
              result[last - result] = '\0';
              cut = TRUE;
            }
          else if (first != NULL && first != result && count_words (first) >= 3)
            {
              g_autofree char *part = g_strndup (result, first - result);

              /* Only the site's own name leads a title: "Politics | ..." is a section */
              if (names_site (part, "", site, host, &certain))
                {
                  char *rest = g_strdup (first + strlen (separators[i]));

                  if (site_found != NULL && *site_found == NULL)
                    *site_found = g_strstrip (g_strdup (part));

                  g_free (result);
                  result = rest;
                  cut = TRUE;
                }
            }
        }

      if (!cut)
        break;
    }

  return g_strstrip (g_steal_pointer (&result));
}

/**
 * sp_html_page_choose_title:
 * @h1: (nullable): the text of the article's first <h1>
 * @site_found: (out) (optional) (nullable): the site's name, when one was cut off the title
 *
 * Returns: (transfer full) (nullable): the article's title
 */
char *
sp_html_page_choose_title (SpHtmlPage  *page,
                           const char  *h1,
                           char       **site_found)
{
  const char *og_title = sp_html_page_get_meta (page, "og:title");
  const char *page_title = og_title != NULL ? og_title
                           : page->ld.headline != NULL ? page->ld.headline : page->title;
  g_autofree char *site = sp_html_page_find_source (page);
  g_autofree char *host = host_of (sp_html_page_find_url (page));

  if (h1 != NULL && (page_title == NULL || titles_agree (h1, page_title)))
    return strip_site_name (h1, site, host, site_found);

  if (page_title != NULL)
    return strip_site_name (page_title, site, host, site_found);

  return NULL;
}

/**
 * sp_html_title_strip_site:
 * @title: a title as a page or an export gives it
 * @site: (nullable): the publication's name, when it is known
 * @url: (nullable): the article's address, whose host names the publication too
 * @site_found: (out) (optional) (nullable): the publication's name, when one was cut off the
 *   title and is surely its name (not a section's)
 *
 * The rule web page titles go through, for titles from elsewhere (a JSON export's).
 *
 * Returns: (transfer full): @title without a glued " | Site", " - Site", " — Site" or
 *   "Site: " naming the publication, nor a section's name behind a bar
 */
char *
sp_html_title_strip_site (const char  *title,
                          const char  *site,
                          const char  *url,
                          char       **site_found)
{
  g_autofree char *host = host_of (url);

  g_return_val_if_fail (title != NULL, NULL);

  if (site_found != NULL)
    *site_found = NULL;

  return strip_site_name (title, site, host, site_found);
}
