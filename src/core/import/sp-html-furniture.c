/* sp-html-furniture.c
 *
 * What on a web page is furniture rather than the article: elements that are never text
 * (scripts, navigation, hidden blocks), elements whose class or id names them comments,
 * share bars, related stories and the like, and lines that say "Advertisement", "Story
 * continues below", "Image 3 of 12" or carry a site's small print. Phrases are matched in
 * lower case, inside short lines only: a paragraph that mentions a newsletter is not one.
 */
#define G_LOG_DOMAIN "sp-html-furniture"

#include "config.h"

#include <string.h>

#include "sp-html-furniture.h"
#include "sp-html-node.h"

/* Furniture phrases are looked for in lines up to this long, small print up to this long */
#define PHRASE_MAX_CHARS 120
#define SMALL_PRINT_MAX_CHARS 600
/* A line that ends the article is this short */
#define END_LINE_MAX_CHARS 40

static const char * const dropped_elements[] = {
  "script", "style", "noscript", "template", "svg", "math", "iframe", "frame", "frameset",
  "object", "embed", "canvas", "video", "audio", "map", "button", "select", "input",
  "textarea", "option", "nav", "aside", "dialog", "menu", "head", "title", "meta", "link",
  "base", NULL
};

static const char * const dropped_roles[] = {
  "navigation", "search", "menu", "menubar", "complementary", "banner", "contentinfo",
  "dialog", "alertdialog", "toolbar", "tablist", NULL
};

/* Page chrome, unless inside an <article> or <main>, where they hold headline and byline */
static const char * const chrome_elements[] = { "header", "footer", NULL };

/* Class and id words of blocks that are never the article. "social" is not among them:
 * embedded posts quote the people the article is about. */
static const char * const boilerplate_words[] = {
  "comments", "comment", "commentlist", "disqus", "respond", "share", "sharing", "related",
  "newsletter", "subscribe", "breadcrumb", "breadcrumbs", "sidebar", "cookie", "cookies",
  "consent", "advert", "advertisement", "ads", "promo", "outbrain", "taboola", "recommended",
  "trending", "petition", "signup", "popular", "byline", "tags", "caption", "credit",
  "gallery", NULL
};

/* Short blocks that hold these (in lower case) are furniture */
static const char * const junk_phrases[] = {
  "advert", "story continues below", "article continues below",
  "continue reading", "share this", "share on", "sign up", "subscribe", "newsletter",
  "read more", "related:", "related articles", "related stories", "follow us",
  "click here", "all rights reserved", "copyright", "©", "sign the petition", "leave a comment",
  "comments", "recommended", "you may also like", "more from", "image caption",
  "getty images", "photo:", "requires javascript", "enable javascript", "join our",
  "don't miss", "don’t miss", NULL
};

/* Longer blocks that hold these are a site's small print or a photo's caption */
static const char * const small_print_phrases[] = {
  "terms of use", "terms of service", "privacy policy", "may not be reproduced",
  "all rights reserved", "registered office", "cookie policy", "file photo", "(ap photo",
  "/ap photo", "getty images", "(reuters/", "photo credit", "image copyright",
  "internet explorer", "modern browser", "non-commercial use", "customer service", "(image:",
  "(photo:", "(picture:", "on facebook", "letters to the editor", NULL
};

/* A short line or a heading that says the article is over and other things follow */
static const char * const end_phrases[] = {
  "related", "more stories", "more from", "recent", "popular", "most read", "most viewed",
  "you may also like", "you might also like", "comments", "trending", "read next",
  "recommended", "what to read next", "latest news", "top stories", "more news",
  "further reading", "also read", "share this", "você pode gostar", "leia também",
  "veja também", "articoli correlati", "potrebbe interessarti", "baca juga", "lihat juga",
  "te puede interesar", "lee también", "à lire aussi", "lesen sie auch", "stories", "more:",
  NULL
};

/* What the walk leaves out */

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

/**
 * sp_html_is_never_text:
 *
 * Returns: whether @node and all it holds are never article text: scripts, styles,
 *   controls, navigation, asides, dialogs, and what the page hides
 */
gboolean
sp_html_is_never_text (xmlNode *node)
{
  const char *role;

  if (sp_html_name_in (node, dropped_elements))
    return TRUE;

  if ((role = sp_html_attribute (node, "role")) != NULL)
    {
      g_autofree char *lower = g_ascii_strdown (role, -1);

      if (g_strv_contains (dropped_roles, g_strstrip (lower)))
        return TRUE;
    }

  return is_hidden (node);
}

/* Whether a class or id names a block that is never the article. Words are compared
 * whole: "share" is not "shared", but "share-bar" and "share_bar" hold "share". */
static gboolean
has_boilerplate_name (xmlNode *node)
{
  static const char * const attributes[] = { "class", "id", NULL };

  for (guint i = 0; attributes[i] != NULL; i++)
    {
      const char *p = sp_html_attribute (node, attributes[i]);

      while (p != NULL && *p)
        {
          char word[32];
          const char *start;

          while (*p && !g_ascii_isalnum (*p))
            p++;
          start = p;
          while (g_ascii_isalnum (*p))
            p++;

          if (p == start)
            break;
          if ((gsize)(p - start) >= sizeof word)
            continue;

          for (gsize j = 0; j < (gsize)(p - start); j++)
            word[j] = g_ascii_tolower (start[j]);
          word[p - start] = '\0';
          if (g_strv_contains (boilerplate_words, word))
            return TRUE;
        }
    }

  return FALSE;
}

static gboolean
has_phrase (const char         *text,
            gsize               length,
            const char * const *phrases)
{
  g_autofree char *lower = g_utf8_strdown (text, length);

  for (guint i = 0; phrases[i] != NULL; i++)
    if (strstr (lower, phrases[i]) != NULL)
      return TRUE;

  return FALSE;
}

/* "Image 3 of 12", "Photo 1 / 9", "1 / 9": a gallery's counter */
static gboolean
is_gallery_counter (const char *text,
                    gsize       length)
{
  static const char * const words[] = { "image ", "photo ", "slide ", "picture ", NULL };
  g_autofree char *lower = NULL;
  const char *p;

  if (length > 24)
    return FALSE;

  lower = g_ascii_strdown (text, length);
  p = lower;
  for (guint i = 0; words[i] != NULL; i++)
    if (g_str_has_prefix (p, words[i]))
      p += strlen (words[i]);

  if (!g_ascii_isdigit (*p))
    return FALSE;
  while (g_ascii_isdigit (*p))
    p++;
  while (*p == ' ')
    p++;
  if (g_str_has_prefix (p, "of"))
    p += 2;
  else if (*p == '/')
    p++;
  else
    return FALSE;
  while (*p == ' ')
    p++;

  return g_ascii_isdigit (*p) || *p == '\0';
}

/**
 * sp_html_is_furniture_element:
 * @in_landmark: whether @node is inside an <article> or <main>
 *
 * Returns: whether @node is, by its name or class, a block around the article rather than
 *   of it: comments, share bars, related stories, newsletter and petition boxes, forms,
 *   captions, and headers and footers outside an article. The caller decides whether it
 *   holds too much of the page for that to be true.
 */
gboolean
sp_html_is_furniture_element (xmlNode  *node,
                              gboolean  in_landmark)
{
  return has_boilerplate_name (node) || sp_html_is_named (node, "form") ||
         sp_html_is_named (node, "figcaption") ||
         (sp_html_name_in (node, chrome_elements) && !in_landmark);
}

/**
 * sp_html_is_furniture_line:
 * @text: (array length=length): a line of the page's text
 * @chars: its visible bytes
 *
 * Returns: whether the line is furniture: a gallery's counter, a short line with a
 *   furniture phrase, or small print (terms of use, photo credits)
 */
gboolean
sp_html_is_furniture_line (const char *text,
                           gsize       length,
                           gsize       chars)
{
  if (is_gallery_counter (text, length))
    return TRUE;
  if (chars <= PHRASE_MAX_CHARS && has_phrase (text, length, junk_phrases))
    return TRUE;
  return chars <= SMALL_PRINT_MAX_CHARS && has_phrase (text, length, small_print_phrases);
}

/**
 * sp_html_ends_article:
 *
 * Returns: whether the line says the article is over and other things follow: "Related
 *   stories", "Most read", "Comments"...
 */
gboolean
sp_html_ends_article (const char *text,
                      gsize       length,
                      gsize       chars)
{
  return chars <= END_LINE_MAX_CHARS && has_phrase (text, length, end_phrases);
}
