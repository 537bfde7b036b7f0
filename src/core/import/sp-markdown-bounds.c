/* sp-markdown-bounds.c
 *
 * md4c 0.4.8 (Debian 12's) takes quadratic time on some Markdown, all of it about brackets;
 * its 0.5 releases fix this, but the floor is 0.4.8. It spends time in one block before it
 * calls back, so the reader's budget cannot stop it there; instead this pass rewrites the
 * rare texts that would set it off, without losing a character of their text:
 *
 *  - a paragraph of many lines with many links or brackets makes md4c walk the paragraph's
 *    lines again for every link: such a paragraph gets a blank line once the product of its
 *    lines and its brackets reaches SP_MARKDOWN_MAX_LINE_BRACKETS (a thousand lines of
 *    links), so that it becomes two paragraphs;
 *  - deeply nested brackets make md4c look up every nested label among the link reference
 *    definitions: when the text has both, the definitions' opening brackets are escaped,
 *    so that they are read as the text they are written as.
 *
 * Lines inside fenced code are left alone, as md4c reads no brackets there.
 */
#define G_LOG_DOMAIN "sp-markdown-bounds"

#include "config.h"

#include <string.h>

#include "sp-markdown-bounds.h"

typedef struct
{
  const char *start;
  gsize       length;
  gboolean    blank;
  gboolean    in_fence;       /* a line of fenced code, or a fence */
  gboolean    definition;     /* looks like "[label]: destination" */
  gboolean    break_before;   /* gets a blank line before it */
} SpLine;

static guint
indent_of (const char *line,
           gsize       length)
{
  guint n = 0;

  while (n < length && line[n] == ' ')
    n++;

  return n;
}

/* "```" or "~~~" (three or more) after at most three spaces; 0 for other lines */
static guint
fence_length (const char *line,
              gsize       length,
              char       *fence_char)
{
  guint indent = indent_of (line, length);
  guint n = 0;

  if (indent > 3 || indent >= length || (line[indent] != '`' && line[indent] != '~'))
    return 0;

  while (indent + n < length && line[indent + n] == line[indent])
    n++;

  if (n < 3)
    return 0;

  *fence_char = line[indent];
  return n;
}

static gboolean
is_closing_fence (const char *line,
                  gsize       length,
                  char        fence_char,
                  guint       open_length)
{
  char c = 0;
  guint n = fence_length (line, length, &c);

  if (n == 0 || c != fence_char || n < open_length)
    return FALSE;

  for (gsize i = indent_of (line, length) + n; i < length; i++)
    if (line[i] != ' ' && line[i] != '\t')
      return FALSE;

  return TRUE;
}

/* "[label]: ..." after at most three spaces */
static gboolean
looks_like_definition (const char *line,
                       gsize       length)
{
  guint indent = indent_of (line, length);
  const char *close;

  if (indent > 3 || indent >= length || line[indent] != '[')
    return FALSE;

  close = memchr (line + indent, ']', length - indent);
  return close != NULL && close > line + indent + 1 &&
         (gsize)(close - line) + 1 < length && close[1] == ':';
}

static gboolean
is_blank (const char *line,
          gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if (line[i] != ' ' && line[i] != '\t' && line[i] != '\r')
      return FALSE;

  return TRUE;
}

/**
 * sp_markdown_bound:
 * @markdown: (array length=length): the text
 * @bounded_length: (out): the length of the rewritten text
 *
 * Returns: (transfer full) (nullable): the text to parse instead of @markdown, or %NULL
 *   when @markdown needs no change
 */
char *
sp_markdown_bound (const char *markdown,
                   gsize       length,
                   gsize      *bounded_length)
{
  g_autoptr(GArray) lines = g_array_new (FALSE, FALSE, sizeof (SpLine));
  GString *out;
  gboolean in_fence = FALSE;
  char fence_char = 0;
  guint open_fence = 0;
  guint64 run_lines = 0;
  guint64 run_brackets = 0;
  guint depth = 0;
  guint deepest = 0;
  gboolean has_definitions = FALSE;
  gboolean changed = FALSE;

  *bounded_length = 0;

  for (const char *p = markdown; p < markdown + length; )
    {
      const char *eol = memchr (p, '\n', markdown + length - p);
      SpLine line = { p, (eol != NULL ? eol : markdown + length) - p, FALSE, FALSE, FALSE, FALSE };
      guint64 brackets = 0;
      char c = 0;
      guint n;

      p = eol != NULL ? eol + 1 : markdown + length;

      if (in_fence)
        {
          line.in_fence = TRUE;
          if (is_closing_fence (line.start, line.length, fence_char, open_fence))
            in_fence = FALSE;
          g_array_append_val (lines, line);
          continue;
        }

      if ((n = fence_length (line.start, line.length, &c)) > 0)
        {
          in_fence = TRUE;
          fence_char = c;
          open_fence = n;
          line.in_fence = TRUE;
          run_lines = run_brackets = 0;
          depth = 0;
          g_array_append_val (lines, line);
          continue;
        }

      if ((line.blank = is_blank (line.start, line.length)))
        {
          run_lines = run_brackets = 0;
          depth = 0;
          g_array_append_val (lines, line);
          continue;
        }

      line.definition = looks_like_definition (line.start, line.length);
      has_definitions |= line.definition;

      for (gsize i = 0; i < line.length; i++)
        {
          if (line.start[i] == '\\')
            i++;
          else if (line.start[i] == '[')
            {
              brackets++;
              deepest = MAX (deepest, ++depth);
            }
          else if (line.start[i] == ']' && depth > 0)
            depth--;
        }

      if (run_lines > 0 &&
          (run_lines + 1) * (run_brackets + brackets) > SP_MARKDOWN_MAX_LINE_BRACKETS)
        {
          line.break_before = TRUE;
          changed = TRUE;
          run_lines = run_brackets = 0;
        }

      run_lines++;
      run_brackets += brackets;
      g_array_append_val (lines, line);
    }

  if (has_definitions && deepest > SP_MARKDOWN_MAX_BRACKET_DEPTH)
    changed = TRUE;
  else
    has_definitions = FALSE;

  if (!changed)
    return NULL;

  out = g_string_sized_new (length + lines->len / 64 + 16);

  for (guint i = 0; i < lines->len; i++)
    {
      const SpLine *line = &g_array_index (lines, SpLine, i);
      gsize end = line->start + line->length - markdown;
      guint indent = indent_of (line->start, line->length);

      if (line->break_before)
        g_string_append_c (out, '\n');

      if (has_definitions && line->definition)
        {
          g_string_append_len (out, line->start, indent);
          g_string_append_c (out, '\\');
          g_string_append_len (out, line->start + indent, line->length - indent);
        }
      else
        g_string_append_len (out, line->start, line->length);

      if (end < length)
        g_string_append_c (out, '\n');
    }

  *bounded_length = out->len;
  return g_string_free (out, FALSE);
}
