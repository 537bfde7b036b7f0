/* sp-front-matter.c
 *
 * YAML front matter, as static site generators and web clippers write it above an article:
 * a "---" line, "key: value" lines, and a "---" (or "...") line. Only what an article's
 * metadata needs is understood: plain and quoted scalars, flow lists ("[a, b]"), block lists
 * ("- a") and folded or literal blocks ("key: >"). A text whose dashes enclose anything but
 * keys has no front matter: the dashes are part of its text.
 */
#define G_LOG_DOMAIN "sp-front-matter"

#include "config.h"

#include <string.h>

#include "sp-date-scan.h"
#include "sp-front-matter.h"
#include "sp-text-reader.h"

static gboolean
is_fence_line (const char *line,
               const char *marker)
{
  gsize n = strlen (marker);

  return strncmp (line, marker, n) == 0 && sp_text_trimmed_length (line + n, strlen (line + n)) == 0;
}

static gboolean
looks_like_url (const char *value)
{
  return g_str_has_prefix (value, "http://") || g_str_has_prefix (value, "https://");
}

/* The key of a "key: value" line, and where its value starts; NULL for other lines. */
static char *
front_matter_key (const char  *line,
                  const char **value)
{
  const char *p = line;

  while (g_ascii_isalnum (*p) || *p == '_' || *p == '-')
    p++;

  if (p == line || *p != ':' || (p[1] != '\0' && p[1] != ' ' && p[1] != '\t'))
    return NULL;

  *value = p + 1;
  return g_ascii_strdown (line, p - line);
}

static char *
unquote_double (const char *p)
{
  GString *out = g_string_new (NULL);

  for (p++; *p != '\0' && *p != '"'; p++)
    {
      if (*p != '\\' || p[1] == '\0')
        {
          g_string_append_c (out, *p);
          continue;
        }

      p++;
      switch (*p)
        {
        case 'n':
          g_string_append_c (out, '\n');
          break;

        case 't':
          g_string_append_c (out, '\t');
          break;

        case 'u':
          {
            char hex[5] = { 0 };
            gunichar c;

            for (guint i = 0; i < 4 && g_ascii_isxdigit (p[i + 1]); i++)
              hex[i] = p[i + 1];

            if (strlen (hex) != 4)
              {
                g_string_append_c (out, 'u');
                break;
              }

            c = g_ascii_strtoull (hex, NULL, 16);
            if (g_unichar_validate (c) && c != 0)
              g_string_append_unichar (out, c);
            p += 4;
          }
          break;

        default:
          g_string_append_c (out, *p);
          break;
        }
    }

  return g_string_free (out, FALSE);
}

static char *
unquote_single (const char *p)
{
  GString *out = g_string_new (NULL);

  for (p++; *p != '\0'; p++)
    {
      if (*p == '\'')
        {
          if (p[1] != '\'')
            break;
          p++;
        }
      g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

/* A quoted or plain YAML scalar (with a trailing comment); NULL for empty and null values */
static char *
yaml_simple_scalar (const char *value)
{
  g_autofree char *plain = NULL;
  char *comment;

  while (*value == ' ' || *value == '\t')
    value++;

  if (*value == '"')
    return g_strstrip (unquote_double (value));
  if (*value == '\'')
    return g_strstrip (unquote_single (value));

  plain = g_strdup (value);
  if ((comment = strstr (plain, " #")) != NULL)
    *comment = '\0';
  g_strstrip (plain);

  if (plain[0] == '\0' || g_str_equal (plain, "~") || g_ascii_strcasecmp (plain, "null") == 0)
    return NULL;

  return g_steal_pointer (&plain);
}

/* A YAML scalar as written on one line, or a flow list, which becomes "a, b" */
static char *
yaml_scalar (const char *value)
{
  while (*value == ' ' || *value == '\t')
    value++;

  if (*value == '[')
    {
      g_autofree char *inner = g_strdup (value + 1);
      g_auto(GStrv) items = NULL;
      g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func (g_free);
      char *close = strrchr (inner, ']');

      if (close != NULL)
        *close = '\0';

      items = g_strsplit (inner, ",", -1);
      for (guint i = 0; items[i] != NULL; i++)
        {
          char *item = yaml_simple_scalar (items[i]);

          if (item != NULL)
            g_ptr_array_add (kept, item);
        }

      if (kept->len == 0)
        return NULL;

      g_ptr_array_add (kept, NULL);
      return g_strjoinv (", ", (char **)kept->pdata);
    }

  return yaml_simple_scalar (value);
}

static gboolean
key_in (const char         *key,
        const char * const *keys)
{
  return g_strv_contains (keys, key);
}

static void
take_front_matter_value (SpArticle  *article,
                         gboolean   *url_from_url_key,
                         const char *key,
                         char       *value)
{
  static const char * const title_keys[] = { "title", "headline", NULL };
  static const char * const date_keys[] = {
    "date", "published", "pubdate", "date_published", "published_at", "publish_date",
    "published_date", NULL
  };
  static const char * const author_keys[] = { "author", "authors", "byline", "creator", NULL };
  static const char * const url_keys[] = {
    "url", "link", "source_url", "canonical_url", "canonical", "permalink", "original_url", NULL
  };
  static const char * const source_keys[] = {
    "source", "publication", "publisher", "site_name", "site", NULL
  };
  g_autofree char *owned = value;

  if (value == NULL)
    return;

  if (key_in (key, title_keys) && article->title == NULL)
    article->title = g_steal_pointer (&owned);
  else if (key_in (key, date_keys) && article->date == NULL)
    {
      /* The front matter is the file's metadata, written by the tool that saved it */
      if ((article->date = sp_date_parse (value)) != NULL)
        {
          article->date_source = SP_DATE_SOURCE_METADATA;
          article->date_confidence = 0.9;
        }
    }
  else if (key_in (key, author_keys) && article->author == NULL)
    article->author = g_steal_pointer (&owned);
  else if (key_in (key, url_keys) && !*url_from_url_key)
    {
      g_free (article->url);
      article->url = g_steal_pointer (&owned);
      *url_from_url_key = TRUE;
    }
  else if (key_in (key, source_keys))
    {
      /* "source:" holds the page's address in many clippers' output */
      if (looks_like_url (value))
        {
          if (article->url == NULL)
            article->url = g_steal_pointer (&owned);
        }
      else if (article->source == NULL)
        article->source = g_steal_pointer (&owned);
    }
}

/* Whether lines[1..end) can be front matter: keys, their continuation lines, comments. */
static gboolean
is_front_matter (char  **lines,
                 guint   end)
{
  guint n_keys = 0;

  for (guint i = 1; i < end; i++)
    {
      const char *value;
      g_autofree char *key = NULL;
      const char *line = lines[i];

      if (line[0] == '\0' || line[0] == ' ' || line[0] == '\t' || line[0] == '#')
        continue;

      if ((key = front_matter_key (line, &value)) == NULL)
        return FALSE;
      n_keys++;
    }

  return n_keys > 0;
}

/* Reads the keys of lines[1..end) into @article. */
static void
read_keys (char      **lines,
           guint       end,
           SpArticle  *article)
{
  gboolean url_from_url_key = FALSE;

  for (guint i = 1; i < end; i++)
    {
      const char *value = NULL;
      g_autofree char *key = front_matter_key (lines[i], &value);
      g_autofree char *scalar = NULL;

      if (key == NULL)
        continue;

      scalar = yaml_scalar (value);

      /* "key:" followed by "- item" lines, or by an indented block ("key: |" / "key: >") */
      if (scalar == NULL || g_str_equal (scalar, "|") || g_str_equal (scalar, ">") ||
          g_str_equal (scalar, "|-") || g_str_equal (scalar, ">-"))
        {
          g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
          gboolean list = FALSE;

          for (; i + 1 < end && (lines[i + 1][0] == ' ' || lines[i + 1][0] == '\t'); i++)
            {
              const char *item = lines[i + 1];
              char *part;

              while (*item == ' ' || *item == '\t')
                item++;

              if (item[0] == '-' && (item[1] == ' ' || item[1] == '\0'))
                {
                  list = TRUE;
                  part = yaml_simple_scalar (item + 1);
                }
              else
                part = g_strstrip (g_strdup (item));

              if (part != NULL && part[0] != '\0')
                g_ptr_array_add (parts, part);
              else
                g_free (part);
            }

          g_clear_pointer (&scalar, g_free);
          if (parts->len > 0)
            {
              g_ptr_array_add (parts, NULL);
              scalar = g_strjoinv (list ? ", " : " ", (char **)parts->pdata);
            }
        }

      take_front_matter_value (article, &url_from_url_key, key, g_steal_pointer (&scalar));
    }
}

/**
 * sp_front_matter_read:
 * @text: an article's decoded text
 * @article: where the metadata goes; fields already set are kept
 *
 * Reads the YAML front matter at the start of @text, if it has any.
 *
 * Returns: where the article's text starts after the front matter: 0 when there is none
 */
gsize
sp_front_matter_read (const char *text,
                      SpArticle  *article)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  const char *line = text;
  gsize body = 0;
  guint end = 0;

  g_return_val_if_fail (text != NULL, 0);
  g_return_val_if_fail (article != NULL, 0);

  /* Only as many lines as the front matter has are split off */
  while (line != NULL)
    {
      const char *eol = strchr (line, '\n');
      char *copy = eol != NULL ? g_strndup (line, eol - line) : g_strdup (line);

      g_ptr_array_add (lines, copy);
      line = eol != NULL ? eol + 1 : NULL;

      if (lines->len == 1 && !is_fence_line (copy, "---"))
        return 0;

      if (lines->len > 1 && (is_fence_line (copy, "---") || is_fence_line (copy, "...")))
        {
          end = lines->len - 1;
          body = line != NULL ? (gsize)(line - text) : strlen (text);
          break;
        }
    }

  if (end == 0)
    return 0;

  g_ptr_array_add (lines, NULL);
  if (!is_front_matter ((char **)lines->pdata, end))
    return 0;

  read_keys ((char **)lines->pdata, end, article);
  return body;
}
