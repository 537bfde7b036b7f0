/* sp-text-reader.c
 *
 * Plain text and Markdown articles. Both may start with YAML front matter (as written by
 * static site generators and web clippers), which gives the metadata and is not part of the
 * body. Markdown is reduced to the text a reader sees: markers go, link texts stay, images
 * go. Lines are not rejoined into paragraphs: exported and crawled articles put one
 * paragraph on each line, and a claim's offsets must point at text the analyst recognises.
 *
 * Everything here runs on files from anywhere, so the inline pass is linear in the line
 * length: brackets are paired in one pass beforehand, nesting is bounded, and a code span
 * looks only a bounded number of backtick runs ahead for its end.
 */
#define G_LOG_DOMAIN "sp-text-reader"

#include "config.h"

#include <string.h>

#include "sp-date-scan.h"
#include "sp-text-reader.h"

/* Brackets nested deeper than this are left as they are. */
#define MAX_LINK_NESTING 16
/* How many backtick runs a code span looks ahead for its closing run. */
#define MAX_CODE_SPAN_RUNS 64

/* The length of @line without the whitespace at its end. */
static gsize
trimmed_length (const char *line,
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
      gsize kept = trimmed_length (line, length);

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

static char *
shorten_title (const char *text,
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
      gsize length = trimmed_length (start, end - start);

      if (length > 0)
        return shorten_title (start, length);

      line = eol != NULL ? eol + 1 : NULL;
    }

  return NULL;
}

/* Front matter */

static gboolean
is_fence_line (const char *line,
               const char *marker)
{
  gsize n = strlen (marker);

  return strncmp (line, marker, n) == 0 && trimmed_length (line + n, strlen (line + n)) == 0;
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
    article->date = sp_date_parse (value);
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

/* Reads leading front matter into @article. Returns the index of the first body line: 0
 * when the text has no front matter. */
static guint
read_front_matter (char      **lines,
                   SpArticle  *article)
{
  gboolean url_from_url_key = FALSE;
  guint end;

  if (lines[0] == NULL || !is_fence_line (lines[0], "---"))
    return 0;

  for (end = 1; lines[end] != NULL; end++)
    if (is_fence_line (lines[end], "---") || is_fence_line (lines[end], "..."))
      break;

  if (lines[end] == NULL || !is_front_matter (lines, end))
    return 0;

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

  return end + 1;
}

/* Markdown inline syntax */

typedef struct
{
  guint open;
  guint close;
} SpPair;

typedef struct
{
  guint start;
  guint length;
} SpRun;

typedef struct
{
  const char *line;
  gsize       length;
  GArray     *brackets;  /* SpPair, by open */
  GArray     *parens;    /* SpPair, by open */
  GArray     *ticks;     /* SpRun, by start */
} SpInline;

static GArray *
pair_up (const char *line,
         gsize       length,
         char        open,
         char        close)
{
  GArray *pairs = g_array_new (FALSE, FALSE, sizeof (SpPair));
  guint stack[MAX_LINK_NESTING];
  guint depth = 0;
  guint skipped = 0;

  for (gsize i = 0; i < length; i++)
    {
      if (line[i] == '\\' && i + 1 < length)
        i++;
      else if (line[i] == open)
        {
          if (depth < MAX_LINK_NESTING)
            {
              SpPair pair = { i, G_MAXUINT };

              g_array_append_val (pairs, pair);
              stack[depth++] = pairs->len - 1;
            }
          else
            skipped++;
        }
      else if (line[i] == close)
        {
          if (skipped > 0)
            skipped--;
          else if (depth > 0)
            g_array_index (pairs, SpPair, stack[--depth]).close = i;
        }
    }

  return pairs;
}

static GArray *
find_tick_runs (const char *line,
                gsize       length)
{
  GArray *runs = g_array_new (FALSE, FALSE, sizeof (SpRun));

  for (gsize i = 0; i < length; )
    {
      SpRun run = { i, 0 };

      while (i < length && line[i] == '`')
        {
          run.length++;
          i++;
        }

      if (run.length > 0)
        g_array_append_val (runs, run);
      else
        i++;
    }

  return runs;
}

/* The position of what closes the bracket or parenthesis at @open, or G_MAXUINT. */
static guint
find_close (GArray *pairs,
            guint   open)
{
  guint lo = 0;
  guint hi = pairs->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      const SpPair *pair = &g_array_index (pairs, SpPair, mid);

      if (pair->open == open)
        return pair->close;
      if (pair->open < open)
        lo = mid + 1;
      else
        hi = mid;
    }

  return G_MAXUINT;
}

/* The end of a code span opened by the backtick run at @start, or G_MAXUINT. */
static guint
find_code_span_end (SpInline *self,
                    guint     start,
                    guint    *run_length)
{
  guint lo = 0;
  guint hi = self->ticks->len;
  guint index;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (self->ticks, SpRun, mid).start < start)
        lo = mid + 1;
      else
        hi = mid;
    }

  index = lo;
  if (index >= self->ticks->len)
    return G_MAXUINT;

  *run_length = g_array_index (self->ticks, SpRun, index).length;
  for (guint i = index + 1; i < self->ticks->len && i <= index + MAX_CODE_SPAN_RUNS; i++)
    {
      const SpRun *run = &g_array_index (self->ticks, SpRun, i);

      if (run->length == *run_length)
        return run->start;
    }

  return G_MAXUINT;
}

/* For "[text](destination)" or "[text][label]" with "[" at @open: where the link text ends
 * and the whole link ends. */
static gboolean
parse_link (SpInline *self,
            guint     open,
            guint     limit,
            guint    *text_end,
            guint    *link_end)
{
  guint close = find_close (self->brackets, open);
  guint end;

  if (close == G_MAXUINT || close + 1 >= limit)
    return FALSE;

  if (self->line[close + 1] == '(')
    end = find_close (self->parens, close + 1);
  else if (self->line[close + 1] == '[')
    end = find_close (self->brackets, close + 1);
  else
    return FALSE;

  if (end == G_MAXUINT || end >= limit)
    return FALSE;

  *text_end = close;
  *link_end = end + 1;
  return TRUE;
}

static gunichar
char_before (SpInline *self,
             guint     pos)
{
  const char *prev;

  if (pos == 0)
    return ' ';
  prev = g_utf8_find_prev_char (self->line, self->line + pos);
  return prev != NULL ? g_utf8_get_char (prev) : ' ';
}

static gunichar
char_at (SpInline *self,
         guint     pos)
{
  return pos < self->length ? g_utf8_get_char (self->line + pos) : ' ';
}

/* Whether a run of *, _ or ~ is an emphasis marker, as CommonMark's flanking rules would
 * say: next to text on at least one side, and for _ not inside a word (snake_case). */
static gboolean
is_emphasis_run (SpInline *self,
                 char      marker,
                 guint     start,
                 guint     length)
{
  gunichar before = char_before (self, start);
  gunichar after = char_at (self, start + length);
  gboolean left = !g_unichar_isspace (after);
  gboolean right = !g_unichar_isspace (before);

  switch (marker)
    {
    case '*':
      return left || right;

    case '_':
      return (left && !g_unichar_isalnum (before)) || (right && !g_unichar_isalnum (after));

    case '~':
      return length == 2 && (left || right);

    default:
      return FALSE;
    }
}

static void
append_inline (SpInline *self,
               GString  *out,
               guint     start,
               guint     end)
{
  const char *line = self->line;
  guint i = start;

  while (i < end)
    {
      char c = line[i];
      guint text_end;
      guint link_end;

      if (c == '\\' && i + 1 < end && g_ascii_ispunct (line[i + 1]))
        {
          g_string_append_c (out, line[i + 1]);
          i += 2;
        }
      else if (c == '`')
        {
          guint run = 0;
          guint close = find_code_span_end (self, i, &run);

          if (close != G_MAXUINT && close + run <= end)
            {
              g_string_append_len (out, line + i + run, close - i - run);
              i = close + run;
            }
          else
            {
              g_string_append_len (out, line + i, run);
              i += run;
            }
        }
      else if (c == '!' && i + 1 < end && line[i + 1] == '[' &&
               parse_link (self, i + 1, end, &text_end, &link_end))
        i = link_end;  /* images carry no article text */
      else if (c == '[' && parse_link (self, i, end, &text_end, &link_end))
        {
          append_inline (self, out, i + 1, text_end);
          i = link_end;
        }
      else if (c == '<' && (g_str_has_prefix (line + i, "<http://") ||
                            g_str_has_prefix (line + i, "<https://") ||
                            g_str_has_prefix (line + i, "<mailto:")))
        {
          guint j = i + 1;

          while (j < end && line[j] != '>' && line[j] != ' ')
            j++;

          if (j < end && line[j] == '>')
            {
              g_string_append_len (out, line + i + 1, j - i - 1);
              i = j + 1;
            }
          else
            {
              g_string_append_c (out, c);
              i++;
            }
        }
      else if (c == '*' || c == '_' || c == '~')
        {
          guint run = 0;

          while (i + run < end && line[i + run] == c)
            run++;

          if (!is_emphasis_run (self, c, i, run))
            g_string_append_len (out, line + i, run);
          i += run;
        }
      else
        {
          g_string_append_c (out, c);
          i++;
        }
    }
}

static void
append_inline_line (GString    *out,
                    const char *line,
                    gsize       length)
{
  SpInline self = { line, length, NULL, NULL, NULL };

  /* Nothing to do for most lines of prose */
  if (strpbrk (line, "\\`![<*_~") == NULL)
    {
      g_string_append_len (out, line, length);
      return;
    }

  self.brackets = pair_up (line, length, '[', ']');
  self.parens = pair_up (line, length, '(', ')');
  self.ticks = find_tick_runs (line, length);

  append_inline (&self, out, 0, length);

  g_array_unref (self.brackets);
  g_array_unref (self.parens);
  g_array_unref (self.ticks);
}

/* Markdown block syntax */

static guint
leading_spaces (const char *line)
{
  guint n = 0;

  while (line[n] == ' ')
    n++;

  return n;
}

/* "```" or "~~~" (three or more) opening or closing a code block. */
static gboolean
is_code_fence (const char *line,
               char       *fence_char,
               guint      *fence_length)
{
  const char *p = line + leading_spaces (line);
  guint n = 0;

  if (p - line > 3 || (*p != '`' && *p != '~'))
    return FALSE;

  while (p[n] == *p)
    n++;

  if (n < 3)
    return FALSE;

  *fence_char = *p;
  *fence_length = n;
  return TRUE;
}

static gboolean
is_closing_fence (const char *line,
                  char        fence_char,
                  guint       fence_length)
{
  char c;
  guint n;

  return is_code_fence (line, &c, &n) && c == fence_char && n >= fence_length &&
         trimmed_length (line, strlen (line)) == leading_spaces (line) + n;
}

/* Lines of one repeated character: "===" and "---" under a heading, "***" or "- - -"
 * between sections. */
static gboolean
is_rule (const char *line,
         char       *rule_char)
{
  const char *p = line + leading_spaces (line);
  guint n = 0;
  char c = *p;

  if (p - line > 3 || (c != '-' && c != '*' && c != '_' && c != '='))
    return FALSE;

  for (; *p != '\0'; p++)
    {
      if (*p == c)
        n++;
      else if (*p != ' ' && *p != '\t')
        return FALSE;
    }

  *rule_char = c;
  return c == '=' || n >= 2;
}

static gboolean
is_table_separator (const char *line)
{
  gboolean dash = FALSE;
  gboolean pipe = FALSE;

  for (const char *p = line; *p != '\0'; p++)
    {
      if (*p == '-')
        dash = TRUE;
      else if (*p == '|')
        pipe = TRUE;
      else if (*p != ':' && *p != ' ' && *p != '\t')
        return FALSE;
    }

  return dash && pipe;
}

/* "[label]: destination" */
static gboolean
is_reference_definition (const char *line)
{
  const char *p = line + leading_spaces (line);
  const char *close;

  if (p - line > 3 || *p != '[' || (close = strstr (p, "]:")) == NULL || close == p + 1)
    return FALSE;

  return close[2] == ' ' || close[2] == '\t';
}

/* The level of an ATX heading ("## Text"), 0 for other lines; @text is where its text
 * starts. */
static guint
heading_level (const char  *line,
               const char **text)
{
  const char *p = line + leading_spaces (line);
  guint level = 0;

  if (p - line > 3)
    return 0;

  while (p[level] == '#')
    level++;

  if (level == 0 || level > 6 || (p[level] != ' ' && p[level] != '\t' && p[level] != '\0'))
    return 0;

  *text = p + level;
  return level;
}

/* The length of a heading's text without its closing "###". */
static gsize
heading_text_length (const char *text)
{
  gsize length = trimmed_length (text, strlen (text));
  gsize end = length;

  while (end > 0 && text[end - 1] == '#')
    end--;

  if (end == 0 || text[end - 1] == ' ' || text[end - 1] == '\t')
    return trimmed_length (text, end);

  return length;
}

/* Where a list item's marker ends ("- ", "* ", "+ ", "1. ", "1) "), or 0. */
static gsize
list_marker_length (const char *line)
{
  const char *p = line;
  guint digits = 0;

  while (*p == ' ' || *p == '\t')
    p++;

  if (*p == '-' || *p == '*' || *p == '+')
    p++;
  else
    {
      while (g_ascii_isdigit (p[digits]) && digits < 9)
        digits++;
      if (digits == 0 || (p[digits] != '.' && p[digits] != ')'))
        return 0;
      p += digits + 1;
    }

  if (*p != ' ' && *p != '\t')
    return 0;

  return p + 1 - line;
}

/* Removes HTML comments, which may span lines; @in_comment carries the state. */
static char *
strip_comments (const char *line,
                gboolean   *in_comment)
{
  GString *out = g_string_new (NULL);
  const char *p = line;

  while (*p != '\0')
    {
      if (*in_comment)
        {
          const char *close = strstr (p, "-->");

          if (close == NULL)
            break;
          p = close + 3;
          *in_comment = FALSE;
        }
      else
        {
          const char *open = strstr (p, "<!--");

          if (open == NULL)
            {
              g_string_append (out, p);
              break;
            }
          g_string_append_len (out, p, open - p);
          p = open + 4;
          *in_comment = TRUE;
        }
    }

  return g_string_free (out, FALSE);
}

/* Reduces Markdown lines to plain text lines; the first level-one heading goes to
 * @heading. */
static char *
markdown_to_text (char  **lines,
                  char  **heading)
{
  GString *out = g_string_new (NULL);
  gboolean in_comment = FALSE;
  gboolean in_fence = FALSE;
  char fence_char = 0;
  guint fence_length = 0;
  gsize last_line_start = 0;
  gboolean last_line_text = FALSE;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = NULL;
      const char *text;
      char rule_char;
      guint level;
      gsize line_start = out->len;
      gboolean was_in_comment;

      if (in_fence)
        {
          if (is_closing_fence (lines[i], fence_char, fence_length))
            in_fence = FALSE;
          else
            g_string_append_printf (out, "%s\n", lines[i]);
          last_line_text = FALSE;
          continue;
        }

      was_in_comment = in_comment;
      line = strip_comments (lines[i], &in_comment);
      if ((was_in_comment || trimmed_length (lines[i], strlen (lines[i])) > 0) &&
          trimmed_length (line, strlen (line)) == 0)
        continue;  /* nothing but a comment */

      if (is_code_fence (line, &fence_char, &fence_length))
        {
          in_fence = TRUE;
          last_line_text = FALSE;
          continue;
        }

      if (is_rule (line, &rule_char))
        {
          /* "Title\n=====" is a level-one heading */
          if (rule_char == '=' && last_line_text && *heading == NULL)
            *heading = g_strndup (out->str + last_line_start, out->len - last_line_start - 1);
          last_line_text = FALSE;
          continue;
        }

      if (is_table_separator (line) || is_reference_definition (line))
        continue;

      text = line;
      while (*(text + leading_spaces (text)) == '>')
        {
          text += leading_spaces (text) + 1;
          if (*text == ' ')
            text++;
        }

      if ((level = heading_level (text, &text)) > 0)
        {
          text = text + leading_spaces (text);
          append_inline_line (out, text, heading_text_length (text));
          if (level == 1 && *heading == NULL)
            *heading = g_strndup (out->str + line_start, out->len - line_start);
        }
      else
        {
          gsize marker = list_marker_length (text);

          g_string_append_len (out, text, marker);
          append_inline_line (out, text + marker, strlen (text + marker));
        }

      g_string_append_c (out, '\n');
      last_line_start = line_start;
      last_line_text = trimmed_length (out->str + line_start, out->len - line_start) > 0;
    }

  return g_string_free (out, FALSE);
}

/* Like g_strsplit (text, "\n", -1), which finds each line end with strstr(): under
 * AddressSanitizer that measures the whole rest of the text every time. */
static GStrv
split_lines (const char *text)
{
  GPtrArray *lines = g_ptr_array_new ();
  const char *line = text;
  const char *eol;

  while ((eol = strchr (line, '\n')) != NULL)
    {
      g_ptr_array_add (lines, g_strndup (line, eol - line));
      line = eol + 1;
    }

  g_ptr_array_add (lines, g_strdup (line));
  g_ptr_array_add (lines, NULL);

  return (GStrv)g_ptr_array_free (lines, FALSE);
}

static SpArticle *
read_text (const char *text,
           gboolean    markdown)
{
  g_autoptr(SpArticle) article = sp_article_new ();
  g_auto(GStrv) lines = split_lines (text);
  g_autofree char *heading = NULL;
  g_autofree char *reduced = NULL;
  guint first = read_front_matter (lines, article);

  if (markdown)
    reduced = markdown_to_text (lines + first, &heading);
  else
    reduced = g_strjoinv ("\n", lines + first);

  article->body = sp_text_tidy (reduced);

  if (article->title == NULL && heading != NULL)
    {
      g_strstrip (heading);
      if (heading[0] != '\0')
        article->title = shorten_title (heading, strlen (heading));
    }

  if (article->title == NULL)
    article->title = sp_text_title_from_body (article->body);

  return g_steal_pointer (&article);
}

/**
 * sp_text_reader_read_plain:
 * @text: decoded text (see sp_text_decode())
 *
 * Reads a plain text article: leading YAML front matter gives the metadata, the first
 * non-empty line is the title and stays in the body.
 *
 * Returns: (transfer full): the article; its body may be empty
 */
SpArticle *
sp_text_reader_read_plain (const char *text)
{
  g_return_val_if_fail (text != NULL, NULL);

  return read_text (text, FALSE);
}

/**
 * sp_text_reader_read_markdown:
 * @text: decoded text (see sp_text_decode())
 *
 * Reads a Markdown article. The title is the front matter's, else the first level-one
 * heading's text, else the first non-empty line; a heading stays in the body as a line of
 * its own. Markers of emphasis, headings and block quotes go, links keep their text,
 * images and HTML comments are dropped, code blocks and list items are kept as lines.
 *
 * Returns: (transfer full): the article; its body may be empty
 */
SpArticle *
sp_text_reader_read_markdown (const char *text)
{
  g_return_val_if_fail (text != NULL, NULL);

  return read_text (text, TRUE);
}
