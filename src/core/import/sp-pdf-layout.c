/* sp-pdf-layout.c
 *
 * A PDF breaks every line where the page did, and repeats on each page what belongs to the
 * page rather than to the article: its number, and the header and footer a browser prints
 * ("30/05/2025, 10:15   Talks resume – Gazette", "https://gazette.example/talks   1/3").
 *
 * Lines are joined again into paragraphs: a line that fills most of the page's width and
 * does not end a sentence goes on in the next line. Pages end paragraphs. Joining only turns
 * a line break into a space (or into nothing after a hyphen, which stays).
 *
 * Furniture is looked for in the SP_PDF_FURNITURE_LINES lines at the top and at the bottom
 * of each page: a line that is a page number ("3", "Page 3 of 5", "- 3 -"), or a line that
 * stands at the top (or the bottom) of at least two pages and half of them, digits aside.
 * It is taken out as a removed block the analyst can put back, and a web address in it is
 * the article's url when the PDF gave none. The body is written here already tidy, so that
 * the blocks' offsets are the body's.
 */
#define G_LOG_DOMAIN "sp-pdf-layout"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sp-pdf-layout.h"
#include "sp-text-reader.h"

/* A line this long, against the page's longest, was broken by the page's width */
#define FULL_LINE_PERCENT 70
/* Pages whose longest line is shorter than this are not set in running text */
#define MIN_COLUMN_CHARS 30

typedef enum
{
  KEEP,
  PAGE_NUMBER,
  HEADER,
  FOOTER,
} LineKind;

typedef struct
{
  char     *text;   /* trimmed */
  LineKind  kind;
} Line;

typedef struct
{
  GArray *lines;    /* Line */
  glong   longest;  /* characters of the longest kept line */
} Page;

typedef enum
{
  BREAK_NONE,
  BREAK_SPACE,
  BREAK_LINE,
  BREAK_PARAGRAPH,
} Break;

static void
clear_line (gpointer data)
{
  g_free (((Line *)data)->text);
}

static void
page_free (Page *page)
{
  g_array_unref (page->lines);
  g_free (page);
}

/* @text without whitespace (any Unicode space) at its ends */
static char *
trim (const char *text,
      gsize       length)
{
  const char *start = text;
  const char *end = text + length;

  while (start < end && g_unichar_isspace (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);

  return g_strndup (start, sp_text_trimmed_length (start, end - start));
}

static Page *
split_page (const char *text)
{
  Page *page = g_new0 (Page, 1);

  page->lines = g_array_new (FALSE, FALSE, sizeof (Line));
  g_array_set_clear_func (page->lines, clear_line);

  for (const char *line = text; line != NULL; )
    {
      const char *eol = strchr (line, '\n');
      Line entry = { trim (line, eol != NULL ? (gsize)(eol - line) : strlen (line)), KEEP };

      g_array_append_val (page->lines, entry);
      line = eol != NULL ? eol + 1 : NULL;
    }

  return page;
}

static const char *
skip_dashes_and_spaces (const char *p)
{
  for (;;)
    {
      if (*p == ' ' || *p == '-')
        p++;
      else if (g_str_has_prefix (p, "–") || g_str_has_prefix (p, "—"))
        p += strlen ("–");
      else
        return p;
    }
}

static const char *
skip_number (const char *p)
{
  const char *start = p;

  while (g_ascii_isdigit (*p) && p - start < 4)
    p++;

  return p > start && !g_ascii_isdigit (*p) ? p : NULL;
}

/* "3", "- 3 -", "Page 3", "page 3 of 5", "3/5", "Seite 3 von 5" */
static gboolean
is_page_number (const char *line)
{
  static const char * const words[] = { "page ", "seite ", "pág. ", "p. ", "pg. ", NULL };
  static const char * const between[] = { "of", "/", "von", "de", "sur", NULL };
  g_autofree char *lower = g_utf8_strdown (line, -1);
  const char *p = skip_dashes_and_spaces (lower);

  for (guint i = 0; words[i] != NULL; i++)
    if (g_str_has_prefix (p, words[i]))
      {
        p += strlen (words[i]);
        break;
      }

  if (!(p = skip_number (p)))
    return FALSE;

  while (*p == ' ')
    p++;
  for (guint i = 0; between[i] != NULL; i++)
    if (g_str_has_prefix (p, between[i]))
      {
        p += strlen (between[i]);
        while (*p == ' ')
          p++;
        if (!(p = skip_number (p)))
          return FALSE;
        break;
      }

  return *skip_dashes_and_spaces (p) == '\0';
}

/* The line with every run of digits as one '#': a header's date and a footer's page number
 * change from page to page */
static char *
furniture_key (const char *line)
{
  GString *key = g_string_sized_new (strlen (line));

  for (const char *p = line; *p; p++)
    {
      if (!g_ascii_isdigit (*p))
        g_string_append_c (key, *p);
      else if (key->len == 0 || key->str[key->len - 1] != '#')
        g_string_append_c (key, '#');
    }

  return g_string_free (key, FALSE);
}

/* The index of the @n-th non-empty line from the top (or, @from_bottom, the bottom), or -1 */
static int
nth_line (Page     *page,
          guint     n,
          gboolean  from_bottom)
{
  guint seen = 0;

  for (guint i = 0; i < page->lines->len; i++)
    {
      guint index = from_bottom ? page->lines->len - 1 - i : i;

      if (g_array_index (page->lines, Line, index).text[0] == '\0')
        continue;
      if (seen++ == n)
        return (int)index;
    }

  return -1;
}

/* How many pages have each line (by its key) near their top or their bottom */
static GHashTable *
count_edge_lines (GPtrArray *pages,
                  gboolean   bottom)
{
  GHashTable *counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < pages->len; i++)
    {
      g_autoptr(GHashTable) on_page = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      Page *page = g_ptr_array_index (pages, i);

      for (guint n = 0; n < SP_PDF_FURNITURE_LINES; n++)
        {
          int index = nth_line (page, n, bottom);
          char *key;

          if (index < 0)
            break;
          key = furniture_key (g_array_index (page->lines, Line, index).text);
          if (!g_hash_table_add (on_page, key))
            continue;
          g_hash_table_insert (counts, g_strdup (key),
                               GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, key)) + 1));
        }
    }

  return counts;
}

static gboolean
repeats (GHashTable *counts,
         const char *line,
         guint       n_pages)
{
  g_autofree char *key = furniture_key (line);
  guint count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, key));

  return count >= 2 && count * 2 >= n_pages;
}

/* Marks the furniture at one edge of a page, from the edge inwards */
static void
mark_edge (Page       *page,
           GHashTable *counts,
           guint       n_pages,
           gboolean    bottom)
{
  for (guint n = 0; n < SP_PDF_FURNITURE_LINES; n++)
    {
      /* Marked lines are still counted: the n-th line from the edge */
      int index = nth_line (page, n, bottom);
      Line *line;

      if (index < 0)
        return;
      line = &g_array_index (page->lines, Line, index);
      if (line->kind != KEEP)
        return;

      if (is_page_number (line->text))
        line->kind = PAGE_NUMBER;
      else if (n_pages >= 2 && repeats (counts, line->text, n_pages))
        line->kind = bottom ? FOOTER : HEADER;
      else
        return;
    }
}

static gboolean
ends_sentence (const char *line)
{
  gsize length = strlen (line);
  gunichar c;

  if (length == 0)
    return TRUE;

  c = g_utf8_get_char (g_utf8_find_prev_char (line, line + length));
  return c == '.' || c == '!' || c == '?' || c == ':' || c == '"' || c == 0x201D || c == 0x2019;
}

static const char *
reason_for (LineKind kind)
{
  switch (kind)
    {
    case PAGE_NUMBER:
      return _("page number");
    case HEADER:
      return _("page header");
    case FOOTER:
      return _("page footer");
    case KEEP:
    default:
      g_assert_not_reached ();
    }
}

/* The first web address in @line */
static char *
find_url (const char *line)
{
  const char *start = strstr (line, "https://");
  gsize length;

  if (start == NULL)
    start = strstr (line, "http://");
  if (start == NULL)
    return NULL;

  length = strcspn (start, " \t");
  return g_strndup (start, length);
}

typedef struct
{
  GString   *out;
  glong      chars;    /* characters in @out */
  Break      pending;  /* what goes before the next kept line */
  SpArticle *article;
} Writer;

static void
write_line (Writer     *writer,
            const char *text)
{
  static const char * const separators[] = { "", " ", "\n", "\n\n" };
  const char *separator = writer->out->len > 0 ? separators[writer->pending] : "";

  g_string_append (writer->out, separator);
  g_string_append (writer->out, text);
  writer->chars += strlen (separator) + g_utf8_strlen (text, -1);
}

static void
write_page (Writer *writer,
            Page   *page)
{
  writer->pending = BREAK_PARAGRAPH;

  for (guint i = 0; i < page->lines->len; i++)
    {
      Line *line = &g_array_index (page->lines, Line, i);
      glong chars;
      gboolean full;

      if (line->text[0] == '\0')
        {
          writer->pending = BREAK_PARAGRAPH;
          continue;
        }

      if (line->kind != KEEP)
        {
          sp_article_add_removed (writer->article, (guint)writer->chars, line->text,
                                  reason_for (line->kind));
          if (writer->article->url == NULL && line->kind != PAGE_NUMBER)
            writer->article->url = find_url (line->text);
          continue;
        }

      write_line (writer, line->text);

      chars = g_utf8_strlen (line->text, -1);
      full = page->longest >= MIN_COLUMN_CHARS && chars * 100 >= page->longest * FULL_LINE_PERCENT;
      if (!full || ends_sentence (line->text))
        writer->pending = BREAK_LINE;
      /* A hyphen at the end is kept and joined: "negoti-ations" loses nothing, while taking
       * it out would make "long-term" "longterm" */
      else if (g_str_has_suffix (line->text, "-"))
        writer->pending = BREAK_NONE;
      else
        writer->pending = BREAK_SPACE;
    }
}

/**
 * sp_pdf_layout:
 * @pages: (element-type utf8): each page's text, clean (see sp_field_text_clean())
 * @article: where the body, the removed furniture and a url found in it go
 *
 * Sets @article's body to the pages' text laid out in paragraphs, without their furniture.
 */
void
sp_pdf_layout (GPtrArray *pages,
               SpArticle *article)
{
  g_autoptr(GPtrArray) split = g_ptr_array_new_with_free_func ((GDestroyNotify)page_free);
  g_autoptr(GHashTable) top_counts = NULL;
  g_autoptr(GHashTable) bottom_counts = NULL;
  Writer writer = { g_string_new (NULL), 0, BREAK_NONE, article };

  g_return_if_fail (pages != NULL && article != NULL);

  for (guint i = 0; i < pages->len; i++)
    g_ptr_array_add (split, split_page (g_ptr_array_index (pages, i)));

  top_counts = count_edge_lines (split, FALSE);
  bottom_counts = count_edge_lines (split, TRUE);

  for (guint i = 0; i < split->len; i++)
    {
      Page *page = g_ptr_array_index (split, i);

      mark_edge (page, top_counts, split->len, FALSE);
      mark_edge (page, bottom_counts, split->len, TRUE);

      for (guint j = 0; j < page->lines->len; j++)
        if (g_array_index (page->lines, Line, j).kind == KEEP)
          page->longest = MAX (page->longest,
                               g_utf8_strlen (g_array_index (page->lines, Line, j).text, -1));
    }

  for (guint i = 0; i < split->len; i++)
    write_page (&writer, g_ptr_array_index (split, i));

  g_free (article->body);
  article->body = g_string_free (writer.out, FALSE);
}
