/* sp-markdown-reader.c
 *
 * md4c parses the Markdown (CommonMark with tables and strike-through); this file turns its
 * events into the text a reader sees: markers go, link texts stay, images and HTML comments
 * go, code and list items are kept as lines (with their list markers), table rows become
 * "| a | b |" lines.
 *
 * Lines are not rejoined into paragraphs: exported and crawled articles put one paragraph on
 * each line, and a claim's offsets must point at text the analyst recognises. md4c reports
 * soft line breaks, but not where blocks sat in the source, so the break between two blocks
 * is read off the source between the last text of one and the first text of the next (md4c
 * hands over text as pointers into the document): a blank line there is a paragraph break,
 * a newline a line break. Lines of nothing but '>' count as blank, as they do inside a
 * block quote.
 *
 * md4c is linear on what articles hold and sp_markdown_bound() keeps it away from what it
 * is not linear on; every callback spends from the reader's budget (links also the size of
 * their destination, which md4c copies for each) and stops the parse when it runs out.
 */
#define G_LOG_DOMAIN "sp-markdown-reader"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <md4c.h>

#include "sp-front-matter.h"
#include "sp-markdown-bounds.h"
#include "sp-markdown-reader.h"
#include "sp-text-reader.h"

#define MARKDOWN_FLAGS (MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | MD_FLAG_NOINDENTEDCODEBLOCKS)
/* md4c 0.4.8 reads a few bytes past the end of its input in some places (fixed upstream in
 * 0.5.0): the text it is given is followed by this many zero bytes */
#define MD4C_PADDING 64
/* How far back from a strike-through's first text its tildes are looked for */
#define MAX_MARKERS_BEFORE_TEXT 16

typedef enum
{
  BREAK_NONE,
  BREAK_LINE,
  BREAK_PARAGRAPH,
} SpBreak;

typedef struct
{
  gboolean ordered;
  char     mark;         /* '-', '*' or '+'; '.' or ')' after a number */
  guint    number;       /* the next item's number */
} SpList;

typedef struct
{
  const char   *doc;
  const char   *doc_end;
  SpReadBudget *budget;
  GString      *out;
  GString      *row;            /* the table row being read, or NULL */
  guint         n_cells;        /* cells of that row so far */
  SpBreak       pending;        /* the break to write before the next text */
  gboolean      boundary;       /* a block began or ended since the last text */
  const char   *last_end;       /* the end of the last text in the document */
  guint         image_depth;    /* images carry no article text */
  GArray       *strikes;        /* gboolean for each open strike-through: one tilde? */
  gboolean      strike_unseen;  /* the last one opened has had no text yet */
  gboolean      in_comment;     /* inside an HTML comment */
  GArray       *lists;          /* SpList, innermost last */
  GString      *marker;         /* list markers not written yet */
  guint         heading_level;  /* of the heading being read, or 0 */
  gssize        heading_start;  /* where its text starts in out, or -1 */
  char         *heading;        /* the first level-one heading */
} SpMarkdown;

static void
sp_markdown_clear (SpMarkdown *self)
{
  if (self->out != NULL)
    g_string_free (self->out, TRUE);
  if (self->row != NULL)
    g_string_free (self->row, TRUE);
  if (self->marker != NULL)
    g_string_free (self->marker, TRUE);
  g_clear_pointer (&self->lists, g_array_unref);
  g_clear_pointer (&self->strikes, g_array_unref);
  g_free (self->heading);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SpMarkdown, sp_markdown_clear)

/* The break the source has between two texts: a paragraph break when a whole line between
 * them is blank, a line break when they are on different lines. */
static SpBreak
break_between (const char *from,
               const char *to)
{
  SpBreak level = BREAK_NONE;
  gboolean line_blank = FALSE;

  for (const char *p = from; p < to; p++)
    {
      if (*p == '\n')
        {
          if (level == BREAK_LINE && line_blank)
            return BREAK_PARAGRAPH;
          level = BREAK_LINE;
          line_blank = TRUE;
        }
      else if (*p != ' ' && *p != '\t' && *p != '>' && *p != '\r')
        line_blank = FALSE;
    }

  return level;
}

static gboolean
in_document (SpMarkdown *self,
             const char *text,
             gsize       size)
{
  return text >= self->doc && text + size <= self->doc_end;
}

/* Notes where a text lies in the source, and the break before it if it starts a block */
static void
see_text (SpMarkdown *self,
          const char *text,
          gsize       size)
{
  if (!in_document (self, text, size))
    {
      if (self->boundary)
        self->pending = MAX (self->pending, BREAK_LINE);
      self->boundary = FALSE;
      return;
    }

  if (self->boundary && self->last_end != NULL && text >= self->last_end)
    self->pending = MAX (self->pending, break_between (self->last_end, text));
  self->boundary = FALSE;

  if (self->last_end == NULL || text + size > self->last_end)
    self->last_end = text + size;
}

/* Writes the pending break, counting the newlines the text already ends in */
static void
flush_break (SpMarkdown *self)
{
  guint want = self->pending == BREAK_PARAGRAPH ? 2 : self->pending == BREAK_LINE ? 1 : 0;
  guint have = 0;

  self->pending = BREAK_NONE;
  if (self->out->len == 0)
    return;

  while (have < want && have < self->out->len &&
         self->out->str[self->out->len - 1 - have] == '\n')
    have++;

  for (; have < want; have++)
    g_string_append_c (self->out, '\n');
}

/* Appends text that the reader sees: inside a table row to the row, else after the pending
 * break and list markers */
static void
emit (SpMarkdown *self,
      const char *text,
      gsize       size)
{
  if (size == 0)
    return;

  if (self->row != NULL)
    {
      g_string_append_len (self->row, text, size);
      return;
    }

  flush_break (self);

  if (self->marker->len > 0)
    {
      g_string_append_len (self->out, self->marker->str, self->marker->len);
      g_string_truncate (self->marker, 0);
    }

  if (self->heading_level > 0 && self->heading_start < 0)
    self->heading_start = self->out->len;

  g_string_append_len (self->out, text, size);
}

/* Raw HTML is kept as text, as it stands in the file, except comments */
static void
emit_html (SpMarkdown *self,
           const char *text,
           gsize       size)
{
  const char *p = text;
  const char *end = text + size;

  while (p < end)
    {
      if (self->in_comment)
        {
          const char *close = g_strstr_len (p, end - p, "-->");

          if (close == NULL)
            return;
          p = close + 3;
          self->in_comment = FALSE;
        }
      else
        {
          const char *open = g_strstr_len (p, end - p, "<!--");

          emit (self, p, (open != NULL ? open : end) - p);
          if (open == NULL)
            return;
          p = open + 4;
          self->in_comment = TRUE;
        }
    }
}

/* Drops the newline a code or HTML block's last line ends in: the break after the block
 * comes from the source like any other */
static void
drop_final_newline (SpMarkdown *self)
{
  if (self->out->len > 0 && self->out->str[self->out->len - 1] == '\n')
    g_string_truncate (self->out, self->out->len - 1);
}

static int
enter_block_cb (MD_BLOCKTYPE  type,
                void         *detail,
                void         *user_data)
{
  SpMarkdown *self = user_data;

  if (!sp_read_budget_spend (self->budget, 1))
    return -1;

  self->boundary = TRUE;

  switch (type)
    {
    case MD_BLOCK_UL:
    case MD_BLOCK_OL:
      {
        SpList list = { type == MD_BLOCK_OL, 0, 0 };

        if (list.ordered)
          {
            MD_BLOCK_OL_DETAIL *ol = detail;

            list.mark = ol->mark_delimiter;
            list.number = ol->start;
          }
        else
          list.mark = ((MD_BLOCK_UL_DETAIL *)detail)->mark;

        g_array_append_val (self->lists, list);
      }
      break;

    case MD_BLOCK_LI:
      if (self->lists->len > 0)
        {
          SpList *list = &g_array_index (self->lists, SpList, self->lists->len - 1);

          for (guint i = 1; i < self->lists->len && self->marker->len == 0; i++)
            g_string_append (self->marker, "  ");
          if (list->ordered)
            g_string_append_printf (self->marker, "%u%c ", list->number++, list->mark);
          else
            g_string_append_printf (self->marker, "%c ", list->mark);
        }
      break;

    case MD_BLOCK_H:
      self->heading_level = ((MD_BLOCK_H_DETAIL *)detail)->level;
      self->heading_start = -1;
      break;

    case MD_BLOCK_TR:
      self->row = g_string_new (NULL);
      self->n_cells = 0;
      break;

    case MD_BLOCK_TH:
    case MD_BLOCK_TD:
      if (self->row != NULL && self->n_cells++ > 0)
        g_string_append (self->row, " | ");
      break;

    case MD_BLOCK_DOC:
    case MD_BLOCK_QUOTE:
    case MD_BLOCK_HR:
    case MD_BLOCK_CODE:
    case MD_BLOCK_HTML:
    case MD_BLOCK_P:
    case MD_BLOCK_TABLE:
    case MD_BLOCK_THEAD:
    case MD_BLOCK_TBODY:
    default:
      break;
    }

  return 0;
}

static int
leave_block_cb (MD_BLOCKTYPE  type,
                void         *detail,
                void         *user_data)
{
  SpMarkdown *self = user_data;

  if (!sp_read_budget_spend (self->budget, 1))
    return -1;

  switch (type)
    {
    case MD_BLOCK_UL:
    case MD_BLOCK_OL:
      if (self->lists->len > 0)
        g_array_set_size (self->lists, self->lists->len - 1);
      break;

    case MD_BLOCK_LI:
      /* An empty item keeps its marker line */
      if (self->marker->len > 0)
        {
          g_autofree char *marker = g_strchomp (g_strdup (self->marker->str));

          g_string_truncate (self->marker, 0);
          self->pending = MAX (self->pending, BREAK_LINE);
          emit (self, marker, strlen (marker));
        }
      break;

    case MD_BLOCK_H:
      if (self->heading_level == 1 && self->heading == NULL && self->heading_start >= 0)
        self->heading = g_strndup (self->out->str + self->heading_start,
                                   self->out->len - self->heading_start);
      self->heading_level = 0;
      break;

    case MD_BLOCK_CODE:
    case MD_BLOCK_HTML:
      drop_final_newline (self);
      break;

    case MD_BLOCK_TR:
      {
        g_autoptr(GString) row = g_steal_pointer (&self->row);

        if (self->boundary)
          self->pending = MAX (self->pending, BREAK_LINE);
        g_string_prepend (row, "| ");
        g_string_append (row, " |");
        emit (self, row->str, row->len);
      }
      break;

    case MD_BLOCK_DOC:
    case MD_BLOCK_QUOTE:
    case MD_BLOCK_HR:
    case MD_BLOCK_P:
    case MD_BLOCK_TABLE:
    case MD_BLOCK_THEAD:
    case MD_BLOCK_TBODY:
    case MD_BLOCK_TH:
    case MD_BLOCK_TD:
    default:
      break;
    }

  self->boundary = TRUE;
  return 0;
}

/* md4c 0.4 takes "~one~" for strike-through as well as "~~two~~"; only the second is, as
 * in GitHub's Markdown: a single tilde is text ("~5 km"). md4c does not say which it saw,
 * so the source before the span's first text tells: one tilde, after the markers of any
 * spans opened with it. */
static gboolean
is_single_tilde (SpMarkdown *self,
                 const char *text)
{
  const char *p = text;

  /* Markers of that many spans at once are not written by anyone: the look back is bounded,
   * so that no text is looked at more than a few times */
  while (p > self->doc && text - p < MAX_MARKERS_BEFORE_TEXT && strchr ("*_[`", p[-1]) != NULL)
    p--;

  return p > self->doc && p[-1] == '~' && (p - 1 == self->doc || p[-2] != '~');
}

static void
see_strike_through (SpMarkdown *self,
                    const char *text,
                    gsize       size)
{
  gboolean *single;

  self->strike_unseen = FALSE;
  if (self->strikes->len == 0 || !in_document (self, text, size))
    return;

  single = &g_array_index (self->strikes, gboolean, self->strikes->len - 1);
  if ((*single = is_single_tilde (self, text)))
    emit (self, "~", 1);
}

static int
enter_span_cb (MD_SPANTYPE  type,
               void        *detail,
               void        *user_data)
{
  SpMarkdown *self = user_data;

  if (type == MD_SPAN_IMG)
    self->image_depth++;

  if (type == MD_SPAN_A || type == MD_SPAN_IMG)
    {
      /* Both details start with the destination and the title */
      MD_SPAN_A_DETAIL *link = detail;

      if (!sp_read_budget_spend (self->budget, (guint64)link->href.size + link->title.size))
        return -1;
    }

  if (type == MD_SPAN_DEL)
    {
      gboolean single = FALSE;

      g_array_append_val (self->strikes, single);
      self->strike_unseen = TRUE;
    }

  return sp_read_budget_spend (self->budget, 1) ? 0 : -1;
}

static int
leave_span_cb (MD_SPANTYPE  type,
               void        *detail,
               void        *user_data)
{
  SpMarkdown *self = user_data;

  if (type == MD_SPAN_IMG && self->image_depth > 0)
    self->image_depth--;

  if (type == MD_SPAN_DEL && self->strikes->len > 0)
    {
      if (g_array_index (self->strikes, gboolean, self->strikes->len - 1) && self->image_depth == 0)
        emit (self, "~", 1);
      g_array_set_size (self->strikes, self->strikes->len - 1);
      self->strike_unseen = FALSE;
    }

  return sp_read_budget_spend (self->budget, 1) ? 0 : -1;
}

static int
text_cb (MD_TEXTTYPE   type,
         const MD_CHAR *text,
         MD_SIZE        size,
         void          *user_data)
{
  SpMarkdown *self = user_data;

  if (!sp_read_budget_spend (self->budget, 1 + size))
    return -1;

  see_text (self, text, size);

  if (self->image_depth > 0)
    return 0;

  if (self->strike_unseen)
    see_strike_through (self, text, size);

  switch (type)
    {
    case MD_TEXT_NULLCHAR:
      emit (self, "\357\277\275", 3);
      break;

    case MD_TEXT_BR:
    case MD_TEXT_SOFTBR:
      emit (self, "\n", 1);
      break;

    case MD_TEXT_HTML:
      emit_html (self, text, size);
      break;

    /* Entities stay as written, as in plain text */
    case MD_TEXT_ENTITY:
    case MD_TEXT_NORMAL:
    case MD_TEXT_CODE:
    case MD_TEXT_LATEXMATH:
    default:
      emit (self, text, size);
      break;
    }

  return 0;
}

/* @markdown (the text after any front matter) reduced to plain text; the first level-one
 * heading's text in @heading when it is not NULL */
static char *
reduce (const char    *markdown,
        gsize          markdown_length,
        SpReadBudget  *budget,
        char         **heading,
        GError       **error)
{
  static const MD_PARSER parser = {
    .abi_version = 0,
    .flags = MARKDOWN_FLAGS,
    .enter_block = enter_block_cb,
    .leave_block = leave_block_cb,
    .enter_span = enter_span_cb,
    .leave_span = leave_span_cb,
    .text = text_cb,
  };
  g_auto(SpMarkdown) self = { 0 };
  g_autofree char *reduced = NULL;
  g_autofree char *bounded = NULL;
  g_autofree char *padded = NULL;
  gsize bounded_length = 0;

  if (markdown_length > G_MAXUINT32 / 2)
    {
      g_set_error_literal (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_TOO_LARGE, _("too large"));
      return NULL;
    }

  if (!sp_read_budget_spend (budget, markdown_length))
    {
      sp_read_budget_set_error (budget, error);
      return NULL;
    }

  if ((bounded = sp_markdown_bound (markdown, markdown_length, &bounded_length)) != NULL)
    {
      markdown = bounded;
      markdown_length = bounded_length;
    }

  padded = g_malloc0 (markdown_length + MD4C_PADDING);
  memcpy (padded, markdown, markdown_length);
  markdown = padded;

  self.doc = markdown;
  self.doc_end = markdown + markdown_length;
  self.budget = budget;
  self.out = g_string_sized_new (self.doc_end - self.doc);
  self.marker = g_string_new (NULL);
  self.lists = g_array_new (FALSE, FALSE, sizeof (SpList));
  self.strikes = g_array_new (FALSE, FALSE, sizeof (gboolean));
  self.heading_start = -1;

  if (md_parse (markdown, (MD_SIZE)(self.doc_end - markdown), &parser, &self) != 0 ||
      sp_read_budget_is_exhausted (budget))
    {
      if (!sp_read_budget_set_error (budget, error))
        g_set_error_literal (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_INCOMPLETE,
                             _("the Markdown parser gave up on it"));
      return NULL;
    }

  if (heading != NULL)
    *heading = g_steal_pointer (&self.heading);

  reduced = g_string_free (g_steal_pointer (&self.out), FALSE);
  return sp_text_tidy (reduced);
}

/**
 * sp_markdown_reader_read:
 * @text: decoded text (see sp_text_decode())
 * @budget: (nullable): what reading it may cost; %NULL for the default
 *
 * Reads a Markdown article. The title is the front matter's, else the first level-one
 * heading's text, else the first non-empty line; a heading stays in the body as a line of
 * its own. Markers of emphasis, headings and block quotes go, links keep their text, images
 * and HTML comments are dropped, code blocks and list items are kept as lines.
 *
 * Returns: (transfer full): the article, its body possibly empty; %NULL with
 *   %SP_IMPORT_ERROR_TOO_SLOW when the budget ran out, or %SP_IMPORT_ERROR_TOO_LARGE
 */
SpArticle *
sp_markdown_reader_read (const char    *text,
                         SpReadBudget  *budget,
                         GError       **error)
{
  g_autoptr(SpArticle) article = NULL;
  g_autoptr(SpReadBudget) own_budget = NULL;
  g_autofree char *heading = NULL;
  const char *markdown;
  gsize length;

  g_return_val_if_fail (text != NULL, NULL);

  length = strlen (text);
  if (budget == NULL)
    budget = own_budget = sp_read_budget_new (length);

  article = sp_article_new ();
  markdown = text + sp_front_matter_read (text, article);

  if (!(article->body = reduce (markdown, text + length - markdown, budget, &heading, error)))
    return NULL;

  if (article->title == NULL && heading != NULL)
    {
      g_strdelimit (heading, "\n", ' ');
      g_strstrip (heading);
      if (heading[0] != '\0')
        article->title = sp_text_shorten_title (heading, strlen (heading));
    }

  if (article->title == NULL)
    article->title = sp_text_title_from_body (article->body);

  return g_steal_pointer (&article);
}

/**
 * sp_markdown_to_text:
 * @text: decoded text, all of it Markdown (no front matter is looked for)
 * @budget: (nullable): what reading it may cost; %NULL for the default
 *
 * Reduces Markdown to plain text as sp_markdown_reader_read() does an article's body, for a
 * field of another format that holds Markdown (see sp_markdown_detect()).
 *
 * Returns: (transfer full): the text; %NULL with @error set as sp_markdown_reader_read()
 */
char *
sp_markdown_to_text (const char    *text,
                     SpReadBudget  *budget,
                     GError       **error)
{
  g_autoptr(SpReadBudget) own_budget = NULL;
  gsize length;

  g_return_val_if_fail (text != NULL, NULL);

  length = strlen (text);
  if (budget == NULL)
    budget = own_budget = sp_read_budget_new (length);

  return reduce (text, length, budget, NULL, error);
}

/* Whether @p starts an ATX heading: up to three spaces, one to six '#', a space and text */
static gboolean
is_heading_line (const char *p)
{
  guint marks = 0;

  for (guint i = 0; i < 3 && *p == ' '; i++)
    p++;
  while (*p == '#' && marks <= 6)
    {
      p++;
      marks++;
    }
  if (marks == 0 || marks > 6 || (*p != ' ' && *p != '\t'))
    return FALSE;
  while (*p == ' ' || *p == '\t')
    p++;

  return *p != '\0' && *p != '\n' && *p != '#';
}

/* How many marks of emphasis make text Markdown: one strong ("**bold**"), or two of single
 * emphasis, which plain text uses on its own now and then */
#define STRONG_MARKS_NEEDED 1
#define EMPHASIS_MARKS_NEEDED 2

/* What one line has shown so far of a link or emphasis */
typedef struct
{
  gsize    bracket_text;  /* bytes since an open '[', or 0 */
  gboolean bracket_open;
  gboolean destination;   /* inside "](…" */
  gsize    destination_length;
  gboolean opened[2][2];  /* an opening '*' / '_' (single, double) earlier on the line */
} LineMarks;

/**
 * sp_markdown_detect:
 * @text: text from a field that may hold Markdown
 *
 * Whether @text is written in Markdown: it has a heading line that starts a paragraph
 * ("## Talks resume"), a link ("[the statement](https://…)") or emphasis ("**bold**", or
 * "*a*" twice). A '#' that does not start such a line ("#1", "#Ukraine", "No. #4", a
 * "# of ships" line inside a paragraph) and asterisks inside words are plain text. One pass over @text, each line looked at no more than twice.
 *
 * Returns: whether to read @text with sp_markdown_to_text()
 */
gboolean
sp_markdown_detect (const char *text)
{
  LineMarks line = { 0 };
  gboolean blank = TRUE;           /* the line so far */
  gboolean after_blank = TRUE;     /* the line before was blank, or there was none */
  guint strong = 0;
  guint emphasis = 0;

  g_return_val_if_fail (text != NULL, FALSE);

  for (const char *p = text; *p != '\0'; p++)
    {
      if ((p == text || p[-1] == '\n') && after_blank && is_heading_line (p))
        return TRUE;

      if (*p == '\n')
        {
          memset (&line, 0, sizeof line);
          after_blank = blank;
          blank = TRUE;
          continue;
        }
      if (!g_ascii_isspace (*p))
        blank = FALSE;

      if (line.destination)
        {
          if (*p == ')' && line.destination_length > 0)
            return TRUE;
          if (*p == ')' || *p == ' ' || *p == '\t')
            line.destination = FALSE;
          line.destination_length++;
          continue;
        }

      if (*p == '[')
        {
          line.bracket_open = TRUE;
          line.bracket_text = 0;
        }
      else if (*p == ']' && line.bracket_open && line.bracket_text > 0 && p[1] == '(')
        {
          line.bracket_open = FALSE;
          line.destination = TRUE;
          line.destination_length = 0;
          p++;
        }
      else if (*p == '*' || *p == '_')
        {
          /* A run of one or two markers: it opens before a letter or digit when it is not
           * inside a word, and closes after one when it is not followed by one */
          gsize n = 1;
          gboolean after_word = p > text && g_ascii_isalnum (p[-1]);
          guint kind = *p == '*' ? 0 : 1;

          while (p[n] == *p)
            n++;
          if (n <= 2)
            {
              if (after_word && !g_ascii_isalnum (p[n]) && line.opened[kind][n - 1])
                {
                  line.opened[kind][n - 1] = FALSE;
                  if (n == 2 ? ++strong >= STRONG_MARKS_NEEDED : ++emphasis >= EMPHASIS_MARKS_NEEDED)
                    return TRUE;
                }
              else if (!after_word && g_ascii_isalnum (p[n]))
                line.opened[kind][n - 1] = TRUE;
            }
          p += n - 1;
        }
      else if (line.bracket_open)
        line.bracket_text++;
    }

  return FALSE;
}
