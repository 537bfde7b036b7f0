/* sp-html-content.c
 *
 * Finding the article in a page, in linear time. One walk over <body> cuts the page's text
 * into blocks (a paragraph, a heading, a list item, a line: whatever the page breaks a line
 * around) and records, for every element, the range of blocks it holds. Everything after
 * that works on the list of blocks and on prefix sums over it, so that what an element
 * holds is one subtraction, whatever its depth.
 *
 * - Never text: scripts, navigation, asides, hidden elements, controls (skipped by the
 *   walk). Furniture: elements named as comments, share bars, related stories,
 *   newsletters and the like, forms, captions, headers and footers outside an <article>,
 *   lists or divisions that are mostly links, and another story's teaser (a linked
 *   headline with a line or two of text) — each unless it holds half the page's text,
 *   when it is a wrapper with an unlucky name. Blocks that are mostly link text, and lines
 *   that say "Advertisement", "Story continues below", "Image 3 of 12" or hold small print
 *   (sp-html-furniture.c).
 *
 * - Each block weighs for or against the element it is in: a paragraph (enough words, few
 *   of them links) by its length; a furniture line against, by its length; furniture
 *   elements and short lines (a byline, a label) a little against. The content is the
 *   element with the highest sum: the smallest one that holds most of the prose and little
 *   of the rest. A page with no paragraph at all is read whole (or its largest <article>).
 *
 * - When the page's JSON-LD gives the article's body, the blocks weigh by how much of them
 *   is in it (runs of three words), and when the best element holds most of that body and
 *   the body is not a mere summary of what the weights found, its blocks that are in the
 *   body are the article. When the page holds little of it (a script puts the text in)
 *   and the weights found much less, the JSON-LD body itself is the article.
 *
 * Of the chosen element, the blocks that are not furniture are the article; the headline
 * (its leading <h1>) is the title and leaves the body, and so do a few short lines before
 * the first paragraph (kicker, byline, date) and after the last (tags, "Filed under…"),
 * unless they are sentences, tables or lists; a line such as "Related stories" late in
 * the article ends it.
 */
#define G_LOG_DOMAIN "sp-html-content"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sp-date-scan.h"
#include "sp-html-content.h"
#include "sp-html-furniture.h"
#include "sp-html-json-ld.h"
#include "sp-html-node.h"
#include "sp-html-shingles.h"
#include "sp-html-walk.h"
#include "sp-text-reader.h"

/* A block is prose when it has this many visible bytes and words */
#define PROSE_CHARS 70
#define PROSE_WORDS 8
/* ... and less than this share of link text */
#define PROSE_LINK_PERCENT 35
/* A block with this share of link text is a link or a list of them */
#define LINK_BLOCK_PERCENT 50
/* An element whose text is this much link text is a menu or a list of other stories */
#define LINK_LIST_PERCENT 65
/* A list of other stories has less prose than this for each linked headline */
#define TEASER_PROSE_CHARS 400
/* A line that ends the article comes after this share of the prose */
#define END_AFTER_PERCENT 80
/* A short line that ends a sentence and has this many words is the article's */
#define SENTENCE_WORDS 4
/* Short lines after the last paragraph that are left out, at most */
#define TAIL_MAX_CHARS 100
/* Short lines before the first paragraph that are left out, at most */
#define LEAD_MAX_CHARS 200
/* How much a short line weighs against its element, per byte, against a prose byte's 1 */
#define SHORT_WEIGHT 0.1
#define DROPPED_WEIGHT 0.1
#define JUNK_WEIGHT 1.0
/* A landmark is the content of a page without paragraphs when it holds this share of its text */
#define LANDMARK_MIN_PERCENT 30
/* Elements marked as the article's body that are looked at */
#define MAX_ARTICLE_BODIES 8
/* A reference body shorter than this many shingles is a summary, not the article */
#define REFERENCE_MIN_SHINGLES 30
/* The best element must hold this share of the reference's shingles to be taken for it */
#define REFERENCE_COVERED_PERCENT 50
/* ... and be at least this share of what the heuristic found, else it is a summary */
#define REFERENCE_WHOLE_PERCENT 60
/* What the heuristic found must be this share of the reference body's length */
#define REFERENCE_FOUND_PERCENT 40

/* Tables and lists: what they hold is the article's when they are inside it */
static const char * const list_elements[] = { "table", "ul", "ol", "dl", NULL };

/* Elements that can be link lists */
static const char * const link_list_elements[] = {
  "ul", "ol", "div", "section", "table", "dl", NULL
};

typedef struct
{
  guint       start;      /* in the collector's text */
  guint       length;
  guint       chars;      /* visible bytes */
  guint       link_chars;
  guint       n_words;
  guint       n_shingles;
  guint       n_known;    /* shingles that are in the reference */
  SpHtmlBreak before;
  guint       h1 : 1;
  guint       heading : 1;
  guint       junk : 1;   /* by what it says or how much of it is links */
  guint       teaser : 1; /* a heading that is a link: another story's */
  guint       pre : 1;
  guint       tables : 8; /* <table>, <ul>, <ol> and <dl> elements around it, up to 255 */
  guint       dropped : 1;/* inside soft junk */
} SpBlock;

typedef struct
{
  xmlNode *node;
  guint    first;       /* the blocks it holds: [first, end) */
  guint    end;
  guint    soft_junk : 1;
  guint    link_list : 1;
  guint    block : 1;
  guint    article_body : 1; /* itemprop="articleBody": the page says this is the article */
} SpSpan;

typedef struct
{
  guint  block;         /* the block it stands before */
  char  *date;
} SpTime;

typedef struct
{
  SpReadBudget *budget;
  GString      *text;
  GArray       *blocks;       /* SpBlock */
  GArray       *spans;        /* SpSpan, in document order */
  GArray       *open;         /* indices of the spans entered and not yet left */
  GArray       *times;        /* SpTime */
  gboolean      in_block;
  gboolean      pending_space;
  SpHtmlBreak   pending;
  SpBlock       current;
  guint         link_depth;
  guint         heading_depth;
  guint         h1_depth;
  guint         pre_depth;
  guint         landmark_depth;
  guint         table_depth;
} SpCollector;

static void
time_clear (gpointer data)
{
  g_free (((SpTime *)data)->date);
}

static void
collector_clear (SpCollector *self)
{
  g_string_free (self->text, TRUE);
  g_array_unref (self->blocks);
  g_array_unref (self->spans);
  g_array_unref (self->open);
  g_array_unref (self->times);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SpCollector, collector_clear)

static void
clear_removed_block (gpointer data)
{
  SpRemovedBlock *block = data;

  g_free (block->text);
  g_free (block->reason);
}

void
sp_html_content_clear (SpHtmlContent *content)
{
  g_clear_pointer (&content->removed, g_array_unref);
  g_clear_pointer (&content->text, g_free);
  g_clear_pointer (&content->headline, g_free);
  g_clear_pointer (&content->time, g_free);
  content->from_reference = FALSE;
}

/* Collecting the blocks */

static void
end_block (SpCollector *self)
{
  if (!self->in_block)
    return;

  self->current.length = self->text->len - self->current.start;
  g_array_append_val (self->blocks, self->current);
  self->in_block = FALSE;
  self->pending_space = FALSE;
  self->pending = SP_HTML_BREAK_NONE;
}

static void
start_block (SpCollector *self)
{
  self->current = (SpBlock) { 0 };
  self->current.start = self->text->len;
  self->current.before = self->pending;
  self->current.h1 = self->h1_depth > 0;
  self->current.heading = self->heading_depth > 0;
  self->current.pre = self->pre_depth > 0;
  self->current.tables = MIN (self->table_depth, 255);
  self->in_block = TRUE;
  self->pending_space = FALSE;
}

static void
add_run (SpCollector *self,
         const char  *run,
         gsize        length,
         gsize        visible)
{
  if (!self->in_block)
    start_block (self);
  else if (self->pending_space)
    g_string_append_c (self->text, ' ');
  self->pending_space = FALSE;

  g_string_append_len (self->text, run, length);
  self->current.chars += visible;
  if (self->link_depth > 0)
    self->current.link_chars += visible;
}

static void
on_text (xmlNode    *node,
         const char *text,
         gpointer    data)
{
  SpCollector *self = data;

  if (self->pre_depth > 0)
    {
      gsize visible = sp_html_count_visible (text);

      if (visible > 0 || self->in_block)
        add_run (self, text, strlen (text), visible);
      return;
    }

  for (const char *p = text; *p; )
    {
      const char *run = p;

      if (sp_html_is_space (*p))
        {
          while (sp_html_is_space (*p))
            p++;
          if (self->in_block)
            self->pending_space = TRUE;
          continue;
        }

      while (*p && !sp_html_is_space (*p))
        p++;
      add_run (self, run, p - run, p - run);
      self->current.n_words += sp_html_count_words (run, p - run);
    }
}

static void
on_separate (SpHtmlBreak level,
             gpointer    data)
{
  SpCollector *self = data;

  if (level == SP_HTML_BREAK_SPACE)
    {
      if (self->in_block)
        self->pending_space = TRUE;
      return;
    }

  end_block (self);
  self->pending = MAX (self->pending, level);
}

static gboolean
on_enter (xmlNode  *node,
          gpointer  data)
{
  SpCollector *self = data;
  SpSpan span = { 0 };
  guint index;

  if (sp_html_is_never_text (node))
    return FALSE;

  span.block = sp_html_break_of (node) >= SP_HTML_BREAK_LINE;
  if (span.block)
    end_block (self);

  span.node = node;
  span.first = self->blocks->len;
  span.link_list = sp_html_name_in (node, link_list_elements);
  span.article_body = g_strcmp0 (sp_html_attribute (node, "itemprop"), "articleBody") == 0;
  span.soft_junk = sp_html_is_furniture_element (node, self->landmark_depth > 0);
  index = self->spans->len;
  g_array_append_val (self->spans, span);
  g_array_append_val (self->open, index);

  if (sp_html_is_named (node, "a"))
    self->link_depth++;
  else if (sp_html_is_heading (node))
    {
      self->heading_depth++;
      if (sp_html_is_named (node, "h1"))
        self->h1_depth++;
    }
  else if (sp_html_is_named (node, "pre"))
    self->pre_depth++;
  else if (sp_html_name_in (node, list_elements))
    self->table_depth++;
  else if (sp_html_is_landmark (node))
    self->landmark_depth++;
  else if (sp_html_is_named (node, "time"))
    {
      /* The block it is in, or the next one */
      SpTime time = { self->blocks->len, NULL };

      if ((time.date = sp_date_parse (sp_html_attribute (node, "datetime"))) != NULL)
        g_array_append_val (self->times, time);
    }

  return TRUE;
}

static void
on_leave (xmlNode  *node,
          gpointer  data)
{
  SpCollector *self = data;
  guint index;

  if (sp_html_break_of (node) >= SP_HTML_BREAK_LINE)
    end_block (self);

  g_return_if_fail (self->open->len > 0);
  index = g_array_index (self->open, guint, self->open->len - 1);
  g_array_set_size (self->open, self->open->len - 1);
  g_array_index (self->spans, SpSpan, index).end = self->blocks->len;

  if (sp_html_is_named (node, "a"))
    self->link_depth--;
  else if (sp_html_is_heading (node))
    {
      self->heading_depth--;
      if (sp_html_is_named (node, "h1"))
        self->h1_depth--;
    }
  else if (sp_html_is_named (node, "pre"))
    self->pre_depth--;
  else if (sp_html_name_in (node, list_elements))
    self->table_depth--;
  else if (sp_html_is_landmark (node))
    self->landmark_depth--;
}

/* Judging the blocks */

static gboolean
is_prose (const SpBlock *block)
{
  return !block->junk && !block->dropped && !block->heading &&
         block->chars >= PROSE_CHARS && block->n_words >= PROSE_WORDS &&
         block->link_chars * 100 < block->chars * PROSE_LINK_PERCENT;
}

static gboolean
is_bad (const SpBlock *block)
{
  return block->junk || block->dropped;
}

/* Whether @block is a sentence of a few words: "The talks resume on Monday." */
static gboolean
is_sentence (SpCollector   *self,
             const SpBlock *block)
{
  const char *text = self->text->str + block->start;
  const char *end = text + block->length;
  gunichar last;

  if (is_bad (block) || block->heading || block->n_words < SENTENCE_WORDS)
    return FALSE;

  while (end > text && sp_html_is_space (end[-1]))
    end--;
  if (end == text)
    return FALSE;

  last = g_utf8_get_char (g_utf8_find_prev_char (text, end));
  return last == '.' || last == '!' || last == '?' || last == '"' || last == 0x201D ||
         last == 0x2019 || last == 0x3002;
}


/* Whether @span holds one of @article_bodies: then it is not junk, whatever its name */
static gboolean
holds_article_body (const SpSpan *span,
                    GPtrArray    *article_bodies)
{
  for (guint i = 0; i < article_bodies->len; i++)
    {
      const SpSpan *body = g_ptr_array_index (article_bodies, i);

      if (body->first >= span->first && body->end <= span->end)
        return TRUE;
    }

  return FALSE;
}

/* Marks the blocks inside soft junk, and judges each block by itself */
static void
judge_blocks (SpCollector *self)
{
  guint n = self->blocks->len;
  g_autofree guint64 *chars = g_new0 (guint64, n + 1);
  g_autofree guint64 *links = g_new0 (guint64, n + 1);
  g_autofree guint64 *prose = g_new0 (guint64, n + 1);
  g_autofree guint *teasers = g_new0 (guint, n + 1);
  g_autofree gint *marks = g_new0 (gint, n + 1);
  g_autoptr(GPtrArray) article_bodies = g_ptr_array_new ();
  gint inside = 0;

  for (guint i = 0; i < n; i++)
    {
      SpBlock *block = &g_array_index (self->blocks, SpBlock, i);

      chars[i + 1] = chars[i] + block->chars;
      links[i + 1] = links[i] + block->link_chars;

      block->junk = block->chars > 0 &&
                    block->link_chars * 100 >= block->chars * LINK_BLOCK_PERCENT;
      if (!block->junk)
        block->junk = sp_html_is_furniture_line (self->text->str + block->start, block->length,
                                                 block->chars);
      block->teaser = block->heading && block->chars > 0 &&
                      block->link_chars * 100 >= block->chars * LINK_BLOCK_PERCENT;
      prose[i + 1] = prose[i] + (is_prose (block) ? block->chars : 0);
      teasers[i + 1] = teasers[i] + block->teaser;
    }

  for (guint i = 0; i < self->spans->len && article_bodies->len < MAX_ARTICLE_BODIES; i++)
    {
      const SpSpan *span = &g_array_index (self->spans, SpSpan, i);

      if (span->article_body && span->first < span->end)
        g_ptr_array_add (article_bodies, (gpointer) span);
    }

  for (guint i = 0; i < self->spans->len; i++)
    {
      const SpSpan *span = &g_array_index (self->spans, SpSpan, i);
      guint64 text = chars[span->end] - chars[span->first];
      guint64 link = links[span->end] - links[span->first];
      guint n_teasers = teasers[span->end] - teasers[span->first];
      gboolean junk = span->soft_junk ||
                      (span->link_list && text > 0 && link * 100 >= text * LINK_LIST_PERCENT) ||
                      /* another story's teaser: a linked headline and a line of it */
                      (n_teasers == 1 &&
                       prose[span->end] - prose[span->first] < TEASER_PROSE_CHARS);

      /* A block that holds half the page's text is the article's wrapper, whatever its name */
      if (junk && text * 2 < chars[n] && span->first < span->end &&
          !holds_article_body (span, article_bodies))
        {
          marks[span->first]++;
          marks[span->end]--;
        }
    }

  for (guint i = 0; i < n; i++)
    {
      inside += marks[i];
      g_array_index (self->blocks, SpBlock, i).dropped = inside > 0;
    }
}

static double
heuristic_weight (const SpBlock *block)
{
  if (block->dropped)
    return -DROPPED_WEIGHT * block->chars;
  if (block->junk)
    return -JUNK_WEIGHT * block->chars;
  if (is_prose (block))
    return block->chars - 2.0 * block->link_chars;
  return -SHORT_WEIGHT * block->chars;
}

static double
reference_weight (const SpBlock *block)
{
  return 2.0 * block->n_known - (double)block->n_shingles;
}

static gboolean
reference_keeps (const SpBlock *block)
{
  return block->n_shingles > 0 && block->n_known * 2 >= block->n_shingles;
}

/* The span with the highest sum of @weights; of equals, the one holding fewer blocks */
static const SpSpan *
best_span (SpCollector *self,
           double       (*weight) (const SpBlock *block),
           double      *sum_out)
{
  guint n = self->blocks->len;
  g_autofree double *sums = g_new0 (double, n + 1);
  const SpSpan *best = NULL;
  double best_sum = 0;

  for (guint i = 0; i < n; i++)
    sums[i + 1] = sums[i] + weight (&g_array_index (self->blocks, SpBlock, i));

  for (guint i = 0; i < self->spans->len; i++)
    {
      const SpSpan *span = &g_array_index (self->spans, SpSpan, i);
      double sum = sums[span->end] - sums[span->first];

      if (!span->block && i > 0)
        continue;

      if (best == NULL || sum > best_sum ||
          (sum == best_sum && span->end - span->first < best->end - best->first))
        {
          best = span;
          best_sum = sum;
        }
    }

  *sum_out = best_sum;
  return best;
}

static void
count_known (SpCollector *self,
             GHashTable  *known)
{
  SpShingler shingler;

  for (guint i = 0; i < self->blocks->len; i++)
    {
      SpBlock *block = &g_array_index (self->blocks, SpBlock, i);
      g_autofree char *text = g_strndup (self->text->str + block->start, block->length);

      sp_shingler_init (&shingler, known);
      sp_shingler_feed (&shingler, text);
      sp_shingler_end_block (&shingler);
      block->n_shingles = shingler.n_shingles;
      block->n_known = shingler.n_known;
    }
}

/* Writing the article */

/* Tables and lists around @node and @node itself */
static guint
count_tables (xmlNode *node)
{
  guint n = 0;

  for (; node != NULL; node = node->parent)
    if (sp_html_name_in (node, list_elements))
      n++;

  return MIN (n, 255);
}

/* Whether @block is of what the article says rather than around it: a paragraph, a
 * sentence, preformatted text, a table or a list inside the article */
static gboolean
is_article_text (SpCollector   *self,
                 const SpBlock *block,
                 guint          tables)
{
  return is_prose (block) || is_sentence (self, block) ||
         (!is_bad (block) && (block->pre || block->tables > tables));
}

typedef gboolean (*SpKeepFunc) (const SpBlock *block);

static gboolean
heuristic_keeps (const SpBlock *block)
{
  return !is_bad (block);
}

/* For a page without paragraphs: the largest <article> or <main> when it holds a fair
 * share of the text that is not junk, else the whole page */
static const SpSpan *
landmark_span (SpCollector *self)
{
  guint n = self->blocks->len;
  g_autofree guint64 *kept = g_new0 (guint64, n + 1);
  const SpSpan *all = &g_array_index (self->spans, SpSpan, 0);
  const SpSpan *best = all;
  guint64 best_chars = 0;

  for (guint i = 0; i < n; i++)
    {
      const SpBlock *block = &g_array_index (self->blocks, SpBlock, i);

      kept[i + 1] = kept[i] + (heuristic_keeps (block) ? block->chars : 0);
    }

  for (guint i = 1; i < self->spans->len; i++)
    {
      const SpSpan *span = &g_array_index (self->spans, SpSpan, i);
      guint64 chars = kept[span->end] - kept[span->first];

      if (sp_html_is_landmark (span->node) && chars > best_chars)
        {
          best = span;
          best_chars = chars;
        }
    }

  return best_chars * 100 >= kept[n] * LANDMARK_MIN_PERCENT ? best : all;
}

/* Adds @text to the last removed block when nothing was kept since it and it was taken
 * out for the same reason, else starts a new one; its place is set when the next kept
 * block is written */
static void
add_removed (GArray     *removed,
             guint       first_unplaced,
             const char *text,
             const char *reason)
{
  SpRemovedBlock *last = removed->len > first_unplaced
                         ? &g_array_index (removed, SpRemovedBlock, removed->len - 1) : NULL;
  SpRemovedBlock block;

  if (last != NULL && strcmp (last->reason, reason) == 0)
    {
      char *joined = g_strconcat (last->text, "\n", text, NULL);

      g_free (last->text);
      last->text = joined;
      return;
    }

  block.offset = 0;
  block.text = g_strdup (text);
  block.reason = g_strdup (reason);
  g_array_append_val (removed, block);
}

/* The removed blocks not yet placed go back before the body's character @offset */
static void
place_removed (GArray *removed,
               guint  *first_unplaced,
               guint   offset)
{
  for (; *first_unplaced < removed->len; (*first_unplaced)++)
    g_array_index (removed, SpRemovedBlock, *first_unplaced).offset = offset;
}

/* The article's text, each block tidied and normalised to NFC as a body must be, and in
 * @removed what was taken out of the chosen element, with where it stood */
static char *
write_blocks (SpCollector  *self,
              const SpSpan *span,
              SpKeepFunc    keeps,
              gboolean      trim_tail,
              GArray       *removed)
{
  g_autoptr(GString) out = g_string_new (NULL);
  guint first = span->first;
  guint end = span->end;
  guint headline_end;
  guint chars = 0;
  guint first_unplaced = removed->len;
  gboolean skipped = FALSE;
  guint tables = count_tables (span->node);

  /* The headline is the title */
  while (first < end && g_array_index (self->blocks, SpBlock, first).h1)
    first++;
  headline_end = first;

  /* A few lines before the first paragraph are a kicker, a byline, a date */
  if (trim_tail)
    {
      guint64 lead = 0;
      guint start = first;

      while (start < end)
        {
          const SpBlock *block = &g_array_index (self->blocks, SpBlock, start);

          if (is_article_text (self, block, tables))
            break;
          if (!is_bad (block))
            lead += block->chars;
          start++;
        }
      if (start < end && lead <= LEAD_MAX_CHARS)
        first = start;
    }

  if (trim_tail)
    {
      guint64 total = 0;
      guint64 seen = 0;

      for (guint i = first; i < end; i++)
        {
          const SpBlock *block = &g_array_index (self->blocks, SpBlock, i);

          if (is_prose (block))
            total += block->chars;
        }

      for (guint i = first; i < end; i++)
        {
          const SpBlock *block = &g_array_index (self->blocks, SpBlock, i);

          if (is_prose (block))
            seen += block->chars;
          else if (!block->dropped && seen * 100 >= total * END_AFTER_PERCENT &&
                   sp_html_ends_article (self->text->str + block->start, block->length,
                                         block->chars))
            {
              end = i;
              break;
            }
        }
    }

  if (trim_tail)
    {
      guint last = end;

      guint64 tail = 0;

      for (guint i = first; i < end; i++)
        {
          const SpBlock *block = &g_array_index (self->blocks, SpBlock, i);

          if (is_article_text (self, block, tables))
            last = i + 1;
        }
      for (guint i = last; i < end; i++)
        {
          const SpBlock *block = &g_array_index (self->blocks, SpBlock, i);

          if (!is_bad (block))
            tail += block->chars;
        }
      /* A few lines after the last paragraph are furniture; many are a list the article
       * ends with */
      if (last < end && tail <= TAIL_MAX_CHARS)
        end = last;
    }

  for (guint i = headline_end; i < span->end; i++)
    {
      const SpBlock *block = &g_array_index (self->blocks, SpBlock, i);
      const char *reason = NULL;
      g_autofree char *raw = NULL;
      g_autofree char *tidy = NULL;
      g_autofree char *text = NULL;

      if (!keeps (block))
        reason = keeps == reference_keeps && !is_bad (block) ? N_("not in the article's body")
                                                           : N_("page furniture");
      else if (i < first)
        reason = N_("byline and date lines");
      else if (i >= end)
        reason = N_("after the article");

      raw = g_strndup (self->text->str + block->start, block->length);
      tidy = sp_text_tidy (raw);
      if (tidy[0] == '\0')
        continue;
      if ((text = g_utf8_normalize (tidy, -1, G_NORMALIZE_NFC)) == NULL)
        continue;

      if (reason != NULL)
        {
          add_removed (removed, first_unplaced, text, reason);
          skipped = TRUE;
          continue;
        }

      if (out->len > 0)
        {
          gboolean paragraph = skipped || block->before == SP_HTML_BREAK_PARAGRAPH;

          g_string_append (out, paragraph ? "\n\n" : "\n");
          chars += paragraph ? 2 : 1;
        }
      place_removed (removed, &first_unplaced, chars);
      g_string_append (out, text);
      chars += g_utf8_strlen (text, -1);
      skipped = FALSE;
    }

  place_removed (removed, &first_unplaced, chars);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
first_h1 (SpCollector *self,
          guint        first,
          guint        end)
{
  for (guint i = first; i < end; i++)
    {
      const SpBlock *block = &g_array_index (self->blocks, SpBlock, i);

      if (block->h1 && block->chars > 0)
        return g_strndup (self->text->str + block->start, block->length);
    }

  return NULL;
}

static char *
first_time (SpCollector  *self,
            const SpSpan *span)
{
  for (guint i = 0; i < self->times->len; i++)
    {
      const SpTime *time = &g_array_index (self->times, SpTime, i);

      if (time->block < span->first || time->block > span->end)
        continue;
      if (time->block < self->blocks->len &&
          g_array_index (self->blocks, SpBlock, time->block).dropped)
        continue;

      return g_strdup (time->date);
    }

  return NULL;
}

static guint64
count_chars (SpCollector  *self,
             const SpSpan *span,
             SpKeepFunc    keeps)
{
  guint64 total = 0;

  for (guint i = span->first; i < span->end; i++)
    {
      const SpBlock *block = &g_array_index (self->blocks, SpBlock, i);

      if (keeps (block))
        total += block->chars;
    }

  return total;
}

/**
 * sp_html_content_extract:
 * @body: the page's <body> (or its root, when it has none)
 * @reference: (nullable): the article's body as the page's JSON-LD gives it, plain or markup
 *
 * Fills @content with the article's text, its headline and the date of its first <time>.
 *
 * Returns: %FALSE when @budget ran out
 */
gboolean
sp_html_content_extract (SpHtmlContent *content,
                         xmlNode       *body,
                         const char    *reference,
                         SpReadBudget  *budget)
{
  static const SpHtmlWalkFuncs funcs = { on_enter, on_leave, on_text, on_separate };
  g_auto(SpCollector) self = { 0 };
  g_autoptr(GHashTable) known = NULL;
  const SpSpan *span = NULL;
  const SpSpan *heuristic;
  guint64 heuristic_chars;
  gboolean by_reference = FALSE;
  gboolean short_lines;
  double sum = 0;

  content->removed = g_array_new (FALSE, FALSE, sizeof (SpRemovedBlock));
  g_array_set_clear_func (content->removed, clear_removed_block);

  self.budget = budget;
  self.text = g_string_new (NULL);
  self.blocks = g_array_new (FALSE, FALSE, sizeof (SpBlock));
  self.spans = g_array_new (FALSE, FALSE, sizeof (SpSpan));
  self.open = g_array_new (FALSE, FALSE, sizeof (guint));
  self.times = g_array_new (FALSE, FALSE, sizeof (SpTime));
  g_array_set_clear_func (self.times, time_clear);

  if (!sp_html_walk (body, budget, &funcs, &self))
    return FALSE;
  end_block (&self);

  if (self.spans->len == 0)
    {
      content->text = g_strdup ("");
      return TRUE;
    }

  judge_blocks (&self);

  if (reference != NULL)
    {
      known = sp_html_shingle_set (reference);
      if (g_hash_table_size (known) < REFERENCE_MIN_SHINGLES)
        g_clear_pointer (&known, g_hash_table_unref);
    }

  /* No paragraph anywhere: a page of short lines, all of which count */
  heuristic = best_span (&self, heuristic_weight, &sum);
  short_lines = sum <= 0;
  if (short_lines)
    heuristic = landmark_span (&self);
  heuristic_chars = count_chars (&self, heuristic, heuristic_keeps);

  if (known != NULL)
    {
      guint64 covered = 0;
      gsize reference_chars = sp_html_count_visible (reference);

      if (!sp_read_budget_spend (budget, self.text->len))
        return FALSE;
      count_known (&self, known);
      span = best_span (&self, reference_weight, &sum);
      for (guint i = span->first; i < span->end; i++)
        covered += g_array_index (self.blocks, SpBlock, i).n_known;

      /* The reference is the article when the page holds it and it is not a summary of
       * what the heuristic found */
      by_reference = covered * 100 >= g_hash_table_size (known) * REFERENCE_COVERED_PERCENT &&
                     reference_chars * 100 >= heuristic_chars * REFERENCE_WHOLE_PERCENT;

      /* The page holds little of it, and the heuristic found much less text: the text
       * is put in by a script */
      if (!by_reference &&
          covered * 100 < g_hash_table_size (known) * REFERENCE_COVERED_PERCENT &&
          heuristic_chars * 100 < reference_chars * REFERENCE_FOUND_PERCENT)
        {
          content->text = sp_html_json_ld_body_text (reference);
          content->from_reference = TRUE;
        }
    }

  if (by_reference)
    content->text = write_blocks (&self, span, reference_keeps, FALSE, content->removed);
  else
    {
      span = heuristic;
      if (content->text == NULL)
        content->text = write_blocks (&self, span, heuristic_keeps, !short_lines,
                                      content->removed);

      /* Nothing kept: a page of short lines. All its text that is not junk, then. */
      if (content->text[0] == '\0')
        {
          span = &g_array_index (self.spans, SpSpan, 0);
          g_free (content->text);
          g_array_set_size (content->removed, 0);
          content->text = write_blocks (&self, span, heuristic_keeps, FALSE, content->removed);
        }
    }

  content->headline = first_h1 (&self, span->first, span->end);
  if (content->headline == NULL)
    content->headline = first_h1 (&self, 0, self.blocks->len);
  content->time = first_time (&self, span);

  return TRUE;
}
