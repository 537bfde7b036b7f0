/* sp-text-reader.c
 *
 * Plain text articles, and the layout every reader's output ends in. Lines are not rejoined
 * into paragraphs: exported and crawled articles put one paragraph on each line, and a
 * claim's offsets must point at text the analyst recognises.
 */
#define G_LOG_DOMAIN "sp-text-reader"

#include "config.h"

#include <string.h>

#include "sp-front-matter.h"
#include "sp-text-reader.h"

/**
 * sp_text_trimmed_length:
 *
 * Returns: the length of @line without the whitespace at its end
 */
gsize
sp_text_trimmed_length (const char *line,
                gsize       length)
{
  const char *end = line + length;

  while (end > line)
    {
      const char *prev = g_utf8_find_prev_char (line, end);

      if (prev == NULL || !g_unichar_isspace (g_utf8_get_char (prev)))
        break;
      end = prev;
    }

  return end - line;
}

static const char *
skip_space (const char *p,
            const char *end)
{
  while (p < end && g_unichar_isspace (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);

  return p;
}

/**
 * sp_text_tidy:
 * @text: UTF-8 text with LF line ends
 *
 * Gives text the layout every reader's body has: whitespace removed at line ends, no blank
 * lines at the start or the end, and paragraphs separated by exactly one blank line.
 *
 * Returns: (transfer full): the tidied text, empty when @text has nothing but whitespace
 */
char *
sp_text_tidy (const char *text)
{
  GString *out;
  const char *line;
  gboolean blank_before = FALSE;

  g_return_val_if_fail (text != NULL, NULL);

  out = g_string_sized_new (strlen (text));

  for (line = text; line != NULL; )
    {
      const char *eol = strchr (line, '\n');
      gsize length = eol != NULL ? (gsize)(eol - line) : strlen (line);
      gsize kept = sp_text_trimmed_length (line, length);

      if (kept == 0)
        blank_before = out->len > 0;
      else
        {
          if (out->len > 0)
            g_string_append (out, blank_before ? "\n\n" : "\n");
          g_string_append_len (out, line, kept);
          blank_before = FALSE;
        }

      line = eol != NULL ? eol + 1 : NULL;
    }

  return g_string_free (out, FALSE);
}

/**
 * sp_text_shorten_title:
 *
 * Returns: (transfer full): @text, cut at a word to %SP_TEXT_TITLE_MAX_CHARS characters
 */
char *
sp_text_shorten_title (const char *text,
                       gsize       length)
{
  g_autofree char *head = NULL;
  const char *cut;
  const char *space = NULL;

  if (g_utf8_strlen (text, length) <= SP_TEXT_TITLE_MAX_CHARS)
    return g_strndup (text, length);

  cut = g_utf8_offset_to_pointer (text, SP_TEXT_TITLE_MAX_CHARS - 1);
  for (const char *p = text + (cut - text) / 2; p < cut; p++)
    if (*p == ' ')
      space = p;
  if (space != NULL)
    cut = space;

  head = g_strndup (text, cut - text);
  return g_strconcat (g_strchomp (head), "…", NULL);
}

/**
 * sp_text_title_from_body:
 *
 * Returns: (transfer full) (nullable): the first non-empty line of @body, cut to
 *   %SP_TEXT_TITLE_MAX_CHARS characters at a word, or %NULL when @body has no text
 */
char *
sp_text_title_from_body (const char *body)
{
  g_return_val_if_fail (body != NULL, NULL);

  for (const char *line = body; line != NULL; )
    {
      const char *eol = strchr (line, '\n');
      const char *end = eol != NULL ? eol : line + strlen (line);
      const char *start = skip_space (line, end);
      gsize length = sp_text_trimmed_length (start, end - start);

      if (length > 0)
        return sp_text_shorten_title (start, length);

      line = eol != NULL ? eol + 1 : NULL;
    }

  return NULL;
}

/**
 * sp_text_reader_read_plain:
 * @text: decoded text (see sp_text_decode())
 * @budget: (nullable): what reading it may cost; %NULL for the default
 *
 * Reads a plain text article: leading YAML front matter gives the metadata, the first
 * non-empty line is the title and stays in the body.
 *
 * Returns: (transfer full): the article, its body possibly empty; %NULL with
 *   %SP_IMPORT_ERROR_TOO_SLOW when the budget ran out
 */
SpArticle *
sp_text_reader_read_plain (const char    *text,
                           SpReadBudget  *budget,
                           GError       **error)
{
  g_autoptr(SpArticle) article = NULL;
  g_autoptr(SpReadBudget) own_budget = NULL;
  gsize length;
  gsize first;

  g_return_val_if_fail (text != NULL, NULL);

  length = strlen (text);
  if (budget == NULL)
    budget = own_budget = sp_read_budget_new (length);

  /* Front matter and layout look at each byte a few times */
  if (!sp_read_budget_spend (budget, length))
    {
      sp_read_budget_set_error (budget, error);
      return NULL;
    }

  article = sp_article_new ();
  first = sp_front_matter_read (text, article);
  article->body = sp_text_tidy (text + first);

  if (article->title == NULL)
    article->title = sp_text_title_from_body (article->body);

  return g_steal_pointer (&article);
}
