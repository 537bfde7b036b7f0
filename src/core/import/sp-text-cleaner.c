/* sp-text-cleaner.c
 *
 * The cleaning decides line by line, on what sp-text-lines.c found in each: metadata lines
 * at the top (sp-text-header.c), furniture lines wherever they stand, the end of the
 * article (its credit line, a heading of teasers, or a furniture line after which the
 * voice changes from reported speech to an author addressing the reader), and the run of
 * furniture after that end. When unsure, a line stays: a change of voice alone, without a
 * furniture line where it happens, never cuts (analysis pieces end in the author's voice).
 *
 * Line hashes: a line is compared to the lines of other documents after case folding, with
 * runs of digits as one "0" and runs of white space as one space, so that "Posted 3 hours
 * ago" and "Posted 12 hours ago" count as the same furniture. Only lines short enough to be
 * furniture are hashed.
 */
#define G_LOG_DOMAIN "sp-text-cleaner"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sp-text-cleaner.h"
#include "sp-text-header.h"
#include "sp-text-lines.h"

/* Longer lines are prose, never furniture */
#define FURNITURE_MAX_CHARS 160

/* FNV-1a, 64 bits: stable across runs and machines, which the project's counts rely on */
#define FNV_OFFSET 0xcbf29ce484222325ULL
#define FNV_PRIME  0x100000001b3ULL

static guint64
fnv_add (guint64     hash,
         const char *bytes,
         gsize       length)
{
  for (gsize i = 0; i < length; i++)
    {
      hash ^= (guchar)bytes[i];
      hash *= FNV_PRIME;
    }

  return hash;
}

/**
 * sp_text_line_hash:
 *
 * Returns: the hash under which @line is counted across documents; never 0
 */
guint64
sp_text_line_hash (const char *line,
                   gsize       length)
{
  const char *end = line + length;
  guint64 hash = FNV_OFFSET;
  gboolean in_space = FALSE;
  gboolean in_digits = FALSE;
  gboolean started = FALSE;

  g_return_val_if_fail (line != NULL || length == 0, 1);

  for (const char *p = line; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = (guchar)*p < 0x80 ? (guchar)*p : g_utf8_get_char_validated (p, end - p);
      char folded[6 * 3];
      gsize n;

      if (c == (gunichar)-1 || c == (gunichar)-2)
        break;

      /* ASCII as g_unichar_isspace(), g_unichar_isdigit() and g_unichar_tolower() see it,
       * without their tables: the hashes must not change */
      if (c < 0x80 && c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f' &&
          !g_ascii_isdigit (c))
        {
          char lower = g_ascii_tolower ((char)c);

          if (in_space)
            hash = fnv_add (hash, " ", 1);
          in_space = FALSE;
          started = TRUE;
          in_digits = FALSE;
          hash = fnv_add (hash, &lower, 1);
          continue;
        }

      if (g_unichar_isspace (c))
        {
          in_space = started;
          continue;
        }

      if (in_space)
        hash = fnv_add (hash, " ", 1);
      in_space = FALSE;
      started = TRUE;

      if (g_unichar_isdigit (c))
        {
          if (!in_digits)
            hash = fnv_add (hash, "0", 1);
          in_digits = TRUE;
          continue;
        }
      in_digits = FALSE;

      {
        gunichar lower = g_unichar_tolower (c);

        n = g_unichar_to_utf8 (lower, folded);
        hash = fnv_add (hash, folded, n);
      }
    }

  return hash != 0 ? hash : 1;
}

/**
 * sp_text_line_hashes:
 *
 * Returns: (transfer full) (element-type guint64): the hashes of @body's lines short enough
 *   to be furniture, each once
 */
GArray *
sp_text_line_hashes (const char *body)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  GArray *hashes = g_array_new (FALSE, FALSE, sizeof (guint64));
  const char *line = body;

  g_return_val_if_fail (body != NULL, hashes);

  while (*line != '\0')
    {
      const char *end = strchr (line, '\n');
      gsize length = end != NULL ? (gsize)(end - line) : strlen (line);

      /* A line holds between a quarter of its bytes and all of them in characters */
      if (length > 0 && length / 4 <= FURNITURE_MAX_CHARS &&
          (length <= FURNITURE_MAX_CHARS || g_utf8_strlen (line, length) <= FURNITURE_MAX_CHARS))
        {
          guint64 hash = sp_text_line_hash (line, length);

          if (!g_hash_table_contains (seen, &hash))
            {
              g_array_append_val (hashes, hash);
              g_hash_table_add (seen, g_memdup2 (&hash, sizeof hash));
            }
        }

      if (end == NULL)
        break;
      line = end + 1;
    }

  return hashes;
}

/* The article before a cut must be this long for a change of voice after it to count */
#define VOICE_MIN_WORDS 80
/* After a furniture line: this share of an author's "we" and "you" (per thousand words) */
#define VOICE_MIN_PER_MILLE 15
/* A credit line ends an article of this many words at least */
#define CREDIT_MIN_WORDS_BEFORE 50
/* Under a heading of teasers, at most this many lines */
#define TEASERS_MAX_LINES 16
/* The article before it attributes what it reports: this many attribution verbs per
 * thousand words at least (an opinion piece has few, and its own voice throughout) */
#define SAY_MIN_PER_MILLE 10

typedef struct
{
  guint words;
  guint voice;
  guint say;
} SpVoiceCount;

/* Whether the text after a cut speaks in another voice than the article before it: an
 * author addressing the reader, where the article attributed what it said */
static gboolean
voice_changes (const SpVoiceCount *before,
               const SpVoiceCount *after)
{
  guint64 voice_after = after->voice;
  guint64 voice_before = before->voice;

  if (before->words < VOICE_MIN_WORDS || after->words < VOICE_MIN_WORDS)
    return FALSE;

  g_debug ("voice before %u/%u (said %u), after %u/%u (said %u)", before->voice, before->words,
           before->say, after->voice, after->words, after->say);

  return (guint64)before->say * 1000 >= (guint64)SAY_MIN_PER_MILLE * before->words &&
         voice_after * 1000 >= (guint64)VOICE_MIN_PER_MILLE * after->words &&
         voice_after * before->words >= 3 * voice_before * after->words &&
         2 * (guint64)after->say * before->words <= (guint64)before->say * after->words;
}

/* Whether a line's furniture phrase can open an appended piece */
static gboolean
opens_appendix (const SpTextLine *line)
{
  SpFurniture furniture = line->furniture;

  return furniture == SP_FURNITURE_SHARE || furniture == SP_FURNITURE_AD ||
         furniture == SP_FURNITURE_RELATED || furniture == SP_FURNITURE_NEWSLETTER ||
         furniture == SP_FURNITURE_COMMENTS || furniture == SP_FURNITURE_PETITION;
}

/* The line from which the rest of the body is not the article: after the credit line that
 * ends it, at a heading of teasers, or at a furniture line after which the voice changes
 * (an op-ed glued under a report). Returns lines->len when the article runs to the end. */
static guint
find_cut (GArray   *lines,
          guint     first,
          gboolean *voice)
{
  g_autofree SpVoiceCount *prefix = g_new0 (SpVoiceCount, lines->len + 1);
  const SpVoiceCount *total;
  guint n = lines->len;
  guint cut = n;
  guint total_chars;

  for (guint i = 0; i < n; i++)
    {
      const SpTextLine *line = &g_array_index (lines, SpTextLine, i);

      prefix[i + 1] = prefix[i];
      if (i < first || line->reason != NULL)
        continue;
      prefix[i + 1].words += line->n_words;
      prefix[i + 1].voice += line->n_voice;
      prefix[i + 1].say += line->n_say;
    }
  total = &prefix[n];

  if (n == 0)
    return n;
  {
    const SpTextLine *last = &g_array_index (lines, SpTextLine, n - 1);

    total_chars = last->start_char + last->chars;
  }

  /* The credit line under an article ends it, when less follows than precedes it or what
   * follows is mostly furniture */
  for (guint i = n; i > first; i--)
    {
      const SpTextLine *line = &g_array_index (lines, SpTextLine, i - 1);
      guint end = line->start_char + line->chars;
      guint n_junk = 0;

      if (line->furniture != SP_FURNITURE_CREDIT)
        continue;

      for (guint k = i; k < n; k++)
        {
          const SpTextLine *after = &g_array_index (lines, SpTextLine, k);

          if (sp_text_line_is_strong_junk (after) || sp_text_line_is_weak_junk (after))
            n_junk++;
        }

      if (prefix[i].words - prefix[first].words >= CREDIT_MIN_WORDS_BEFORE && i < n &&
          (total_chars - end < end || n_junk * 2 >= n - i))
        {
          g_debug ("the article ends with its credit line %u of %u", i - 1, n);
          cut = i;
        }
      break;
    }

  /* A heading of teasers ("Related Articles", "Previous Article") in the second half with
   * nothing but short lines under it */
  for (guint i = n; i > first + (n - first) / 2; i--)
    {
      const SpTextLine *line = &g_array_index (lines, SpTextLine, i - 1);

      if (line->chars > SP_TEXT_LINE_SHORT_CHARS || n - i > TEASERS_MAX_LINES)
        break;
      if (line->furniture == SP_FURNITURE_RELATED && i - 1 < cut && i - 1 > first)
        {
          g_debug ("teasers from line %u of %u", i - 1, n);
          cut = i - 1;
        }
    }

  /* A piece in another voice after a furniture line in the last two thirds */
  for (guint i = first + (n - first) / 3; i < cut; i++)
    {
      const SpTextLine *line = &g_array_index (lines, SpTextLine, i);
      SpVoiceCount before;
      SpVoiceCount after;

      if (i <= first || !opens_appendix (line))
        continue;

      before.words = prefix[i].words - prefix[first].words;
      before.voice = prefix[i].voice - prefix[first].voice;
      before.say = prefix[i].say - prefix[first].say;
      after.words = total->words - prefix[i].words;
      after.voice = total->voice - prefix[i].voice;
      after.say = total->say - prefix[i].say;

      if (voice_changes (&before, &after))
        {
          g_debug ("another voice from furniture line %u of %u", i, n);
          *voice = TRUE;
          cut = i;
          break;
        }
    }

  return cut;
}

/* Lines that are furniture wherever they stand: ads, share bars, teaser labels, and lines
 * other documents hold. A paragraph stays, whatever label opens it. */
static void
mark_furniture_lines (GArray *lines,
                      guint   first)
{
  for (guint i = first; i < lines->len; i++)
    {
      SpTextLine *line = &g_array_index (lines, SpTextLine, i);

      if (line->reason != NULL || line->chars > SP_TEXT_LINE_SHORT_CHARS ||
          !sp_text_line_is_strong_junk (line))
        continue;

      /* Tags, categories and sources are taken as such only at the ends */
      if (line->furniture == SP_FURNITURE_TAGS || line->furniture == SP_FURNITURE_CATEGORIES ||
          line->furniture == SP_FURNITURE_SOURCE)
        continue;

      /* A phrase inside a reported sentence is the article's: "the site said it would no
       * longer use cookies" */
      if (line->furniture != SP_FURNITURE_NONE && !line->phrase_start && line->n_say > 0)
        continue;

      line->reason = sp_text_line_junk_reason (line);
    }
}

/* How many short lines may stand between two lines of a site's notices, and how short */
#define NOTICE_MAX_GAP        2
#define NOTICE_GAP_MAX_WORDS  21

/* Whether a line can belong to a site's notices above the article: it holds their words
 * and reports no one's */
static gboolean
is_notice_line (const SpTextLine *line)
{
  return line->n_notice > 0 && line->n_say == 0;
}

/* A site's notices above the article, as saved pages and crawls keep them: a cookie or
 * consent banner, a sign-in or newsletter box. The run of lines at the top that hold their
 * words goes when it is clearly one: a cookie, newsletter or advertisement phrase in it,
 * or, in two lines or more, four such words and the site addressing its reader ("we",
 * "your"). Between two such lines may stand a few short ones (a cookie's name and what it
 * does, a list of domains); an article's paragraph ends the run. An article that opens on
 * privacy does not address its reader, and reports what someone said. */
static void
mark_lead_notices (GArray *lines,
                   guint   first)
{
  guint end = first;
  guint n_lines = 0, n_words = 0, n_voice = 0;
  guint gap = 0;
  gboolean phrase = FALSE;

  for (guint i = first; i < lines->len && gap <= NOTICE_MAX_GAP; i++)
    {
      const SpTextLine *line = &g_array_index (lines, SpTextLine, i);
      gboolean notice_phrase = (line->furniture == SP_FURNITURE_COOKIES ||
                                line->furniture == SP_FURNITURE_NEWSLETTER ||
                                line->furniture == SP_FURNITURE_AD) && line->n_say == 0;

      if (notice_phrase || is_notice_line (line))
        {
          phrase |= notice_phrase;
          n_lines++;
          n_words += line->n_notice;
          n_voice += line->n_voice > 0 ? 1 : 0;
          end = i + 1;
          gap = 0;
        }
      else if (line->link_like || line->reason != NULL)
        continue;
      else if (line->n_words < NOTICE_GAP_MAX_WORDS || (line->n_domains > 0 && !line->sentence_end))
        gap++;
      else
        break;
    }

  if (!(phrase || (n_lines >= 2 && n_words >= 4 && n_voice > 0)))
    return;

  for (guint i = first; i < end; i++)
    {
      SpTextLine *line = &g_array_index (lines, SpTextLine, i);

      if (line->reason == NULL)
        line->reason = N_("site notice");
    }
}

/* The run of furniture at the end (above @cut, where what is not the article starts):
 * taken out when it holds at least one line that is furniture on its own evidence, or when
 * it is only link-like lines ("*", "Back") over a cut. Returns where the run starts. */
static guint
mark_tail (GArray *lines,
           guint   first,
           guint   cut)
{
  guint start = cut;
  gboolean strong = FALSE;
  gboolean links_only = TRUE;

  for (guint i = cut; i > first + 1; i--)
    {
      const SpTextLine *line = &g_array_index (lines, SpTextLine, i - 1);

      if (line->reason != NULL || sp_text_line_is_strong_junk (line))
        strong = TRUE;
      else if (!sp_text_line_is_weak_junk (line))
        break;
      links_only &= line->link_like;
      start = i - 1;
    }

  if (!strong && !(links_only && cut < lines->len))
    return cut;

  return start;
}

/* Reasons for the lines from @start to the end, which are not the article. A piece in
 * another voice goes as one block (but for a label glued to its start); elsewhere each line
 * goes for its own reason, and a short line among teasers is one of them (a summary). */
static void
mark_appendix (GArray   *lines,
               guint     start,
               gboolean  one_piece)
{
  const char *related = sp_furniture_reason (SP_FURNITURE_RELATED);
  const char *appended = N_("appended article");
  const char *previous = NULL;

  for (guint i = start; i < lines->len; i++)
    {
      SpTextLine *line = &g_array_index (lines, SpTextLine, i);

      if (line->glued_label && line->chars > SP_TEXT_LINE_SHORT_CHARS)
        {
          line->label_reason = sp_text_line_junk_reason (line);
          line->reason = appended;
        }
      else if (one_piece)
        line->reason = appended;
      else if (line->reason != NULL)
        ;
      else
        {
          line->reason = sp_text_line_junk_reason (line);
          if (previous == related && line->chars <= SP_TEXT_LINE_SHORT_CHARS &&
              line->furniture == SP_FURNITURE_NONE && !line->social_bar)
            line->reason = related;
        }

      if (!sp_text_reason_is_minor (line->reason))
        previous = line->reason;
    }
}

/* Lines of many documents in an article most of whose lines recur elsewhere: the same
 * story imported twice, not furniture */
static void
forget_duplicate_recurrence (GArray *lines)
{
  guint n_short = 0;
  guint n_recurring = 0;

  for (guint i = 0; i < lines->len; i++)
    {
      const SpTextLine *line = &g_array_index (lines, SpTextLine, i);

      if (line->chars <= SP_TEXT_LINE_SHORT_CHARS)
        n_short++;
      if (line->recurring && line->sentence_end)
        n_recurring++;
    }

  if (n_recurring < 3 || n_recurring * 10 < n_short * 3)
    return;

  for (guint i = 0; i < lines->len; i++)
    g_array_index (lines, SpTextLine, i).recurring = FALSE;
}

typedef struct
{
  guint       offset;        /* in the new body */
  guint       old_offset;    /* in the body before the cleaning */
  GString    *text;
  const char *reason;
} SpPendingBlock;

/* Where a character of the old body stands in the new one */
static guint
map_offset (GArray      *lines,
            const guint *new_start,
            guint        offset,
            guint        new_length)
{
  guint lo = 0;
  guint hi = lines->len;
  const SpTextLine *line;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (lines, SpTextLine, mid).start_char <= offset)
        lo = mid + 1;
      else
        hi = mid;
    }

  if (lo == 0)
    return 0;

  line = &g_array_index (lines, SpTextLine, lo - 1);
  if (line->reason != NULL)
    return new_start[lo - 1];
  if (offset - line->start_char >= line->chars)
    return lo < lines->len ? new_start[lo] : new_length;
  return new_start[lo - 1] + (offset - line->start_char);
}

/* Adds a line taken out to the block before it, when nothing stands between them and
 * they go for the same reason or one of them says little on its own; or starts a block */
static void
add_to_block (GArray     *blocks,
              guint       first_unplaced,
              const char *text,
              gsize       length,
              const char *reason,
              gboolean    blank_before,
              guint       old_offset)
{
  SpPendingBlock *last = blocks->len > first_unplaced ?
                         &g_array_index (blocks, SpPendingBlock, blocks->len - 1) : NULL;

  while (length > 0 && *text == ' ')
    {
      text++;
      length--;
    }
  if (length == 0)
    return;

  if (last != NULL && (g_str_equal (last->reason, reason) || sp_text_reason_is_minor (reason) ||
                       sp_text_reason_is_minor (last->reason)))
    {
      g_string_append (last->text, blank_before ? "\n\n" : "\n");
      if (sp_text_reason_is_minor (last->reason))
        last->reason = reason;
    }
  else
    {
      SpPendingBlock block = { 0, old_offset, g_string_new (NULL), reason };

      g_array_append_val (blocks, block);
      last = &g_array_index (blocks, SpPendingBlock, blocks->len - 1);
    }

  g_string_append_len (last->text, text, length);
}

/* Writes the kept lines as the new body and the others as removed blocks, one block for
 * each run of lines taken out for the same reason */
static void
rebuild (SpArticle *article,
         GArray    *lines)
{
  g_autoptr(GString) body = g_string_sized_new (strlen (article->body));
  g_autoptr(GArray) blocks = g_array_new (FALSE, FALSE, sizeof (SpPendingBlock));
  g_autofree guint *new_start = g_new0 (guint, lines->len + 1);
  g_autoptr(GArray) old_blocks = g_steal_pointer (&article->removed);
  g_autofree guint *old_offsets = NULL;
  guint chars = 0;
  guint first_unplaced = 0;
  gboolean blank = FALSE;
  guint i_old = 0;
  guint i_new = 0;

  for (guint i = 0; i < lines->len; i++)
    {
      const SpTextLine *line = &g_array_index (lines, SpTextLine, i);

      blank |= line->blank_before;

      if (line->reason != NULL)
        {
          gsize label = line->label_reason != NULL ? line->label_length : 0;

          if (label > 0)
            add_to_block (blocks, first_unplaced, line->text, label, line->label_reason,
                          line->blank_before, line->start_char);
          add_to_block (blocks, first_unplaced, line->text + label, line->length - label,
                        line->reason, label > 0 ? FALSE : line->blank_before,
                        line->start_char);
          continue;
        }

      if (body->len > 0)
        {
          g_string_append (body, blank ? "\n\n" : "\n");
          chars += blank ? 2 : 1;
        }
      blank = FALSE;

      for (; first_unplaced < blocks->len; first_unplaced++)
        g_array_index (blocks, SpPendingBlock, first_unplaced).offset = chars;
      for (guint k = i; k > 0 && g_array_index (lines, SpTextLine, k - 1).reason != NULL; k--)
        new_start[k - 1] = chars;

      new_start[i] = chars;
      g_string_append_len (body, line->text, line->length);
      chars += line->chars;
    }

  for (; first_unplaced < blocks->len; first_unplaced++)
    g_array_index (blocks, SpPendingBlock, first_unplaced).offset = chars;
  for (guint k = lines->len; k > 0 && g_array_index (lines, SpTextLine, k - 1).reason != NULL; k--)
    new_start[k - 1] = chars;

  /* Blocks an earlier step took out, moved to where they now stand, in body order */
  if (old_blocks != NULL)
    {
      old_offsets = g_new (guint, old_blocks->len);
      for (guint k = 0; k < old_blocks->len; k++)
        {
          SpRemovedBlock *old = &g_array_index (old_blocks, SpRemovedBlock, k);

          old_offsets[k] = old->offset;
          old->offset = map_offset (lines, new_start, old->offset, chars);
        }
    }

  while (i_new < blocks->len || (old_blocks != NULL && i_old < old_blocks->len))
    {
      SpPendingBlock *block = i_new < blocks->len ?
                              &g_array_index (blocks, SpPendingBlock, i_new) : NULL;
      SpRemovedBlock *old = old_blocks != NULL && i_old < old_blocks->len ?
                            &g_array_index (old_blocks, SpRemovedBlock, i_old) : NULL;

      if (old != NULL &&
          (block == NULL || old->offset < block->offset ||
           (old->offset == block->offset && old_offsets[i_old] <= block->old_offset)))
        {
          sp_article_add_removed (article, old->offset, old->text, old->reason);
          i_old++;
        }
      else
        {
          sp_article_add_removed (article, block->offset, block->text->str, block->reason);
          g_string_free (block->text, TRUE);
          i_new++;
        }
    }

  g_free (article->body);
  article->body = g_string_free (g_steal_pointer (&body), FALSE);
}

/* The headline stays as the body's first line, but without the site name glued to it or set
 * off at its end ("…guaranteesnomadictrails", "… | Example News"), which goes to the removed
 * blocks where it stood */
static void
cut_site_name_from_headline (SpArticle *article)
{
  g_autoptr(GArray) blocks = NULL;
  const char *body = article->body;
  const char *line_end;
  gsize title_length;
  guint title_chars;
  guint suffix_chars;
  g_autofree char *suffix = NULL;
  GString *rest;

  if (article->title_kind != SP_TITLE_KIND_HEADLINE || article->title == NULL)
    return;

  title_length = strlen (article->title);
  line_end = strchr (body, '\n');
  if (line_end == NULL)
    line_end = body + strlen (body);
  if (title_length == 0 || (gsize) (line_end - body) <= title_length ||
      strncmp (body, article->title, title_length) != 0)
    return;

  suffix = g_strndup (body + title_length, line_end - body - title_length);
  title_chars = g_utf8_strlen (body, title_length);
  suffix_chars = g_utf8_strlen (suffix, -1);

  /* The blocks after the headline move back by the site name's length; it goes in between */
  blocks = g_steal_pointer (&article->removed);
  for (guint i = 0; blocks != NULL && i < blocks->len; i++)
    {
      SpRemovedBlock *block = &g_array_index (blocks, SpRemovedBlock, i);

      if (block->offset > title_chars)
        break;
      sp_article_add_removed (article, block->offset, block->text, block->reason);
    }
  sp_article_add_removed (article, title_chars, suffix, N_("site name"));
  for (guint i = 0; blocks != NULL && i < blocks->len; i++)
    {
      SpRemovedBlock *block = &g_array_index (blocks, SpRemovedBlock, i);

      if (block->offset > title_chars)
        sp_article_add_removed (article, block->offset - suffix_chars, block->text, block->reason);
    }

  rest = g_string_new_len (body, title_length);
  g_string_append (rest, line_end);
  g_free (article->body);
  article->body = g_string_free (rest, FALSE);
}

/**
 * sp_text_clean:
 * @count: (nullable) (scope call): how many other documents hold a line
 *
 * Cleans @article's body in place, moving what it takes out to @article's removed blocks:
 * metadata lines at the top (their date and source go into @article's fields, and the
 * headline, without a glued site name, into its title), furniture lines wherever they
 * stand, and at the end, furniture, teasers and pieces appended after the article. The
 * title gets the body's first words, marked as such, when the article has no headline.
 */
void
sp_text_clean (SpArticle       *article,
               SpLineCountFunc  count,
               gpointer         user_data)
{
  g_autoptr(GArray) lines = NULL;
  guint headline;
  guint first;
  guint cut;
  gboolean voice = FALSE;
  gboolean kept = FALSE;
  gboolean headline_in_body;

  g_return_if_fail (article != NULL && article->body != NULL);

  lines = sp_text_lines_analyse (article->body, count, user_data);
  if (lines->len == 0)
    return;

  forget_duplicate_recurrence (lines);
  headline = sp_text_header_read (article, lines, &headline_in_body);
  if (headline >= lines->len)
    return;

  /* The article's text starts under its headline, or with it when it has none or the title
   * came from the file's metadata */
  first = headline_in_body ? headline + 1 : headline;

  mark_furniture_lines (lines, first);
  mark_lead_notices (lines, first);
  cut = find_cut (lines, first, &voice);
  mark_appendix (lines, cut, voice);
  mark_appendix (lines, mark_tail (lines, first, cut), FALSE);

  /* Never all of it: when nothing but the headline would stay, the cleaning was wrong */
  for (guint i = first; i < lines->len && !kept; i++)
    kept = g_array_index (lines, SpTextLine, i).reason == NULL;
  if (!kept)
    for (guint i = first; i < lines->len; i++)
      g_array_index (lines, SpTextLine, i).reason = NULL;

  /* A "Source:" line taken out at the end names the source */
  for (guint i = first; i < lines->len; i++)
    {
      const SpTextLine *line = &g_array_index (lines, SpTextLine, i);

      if (line->reason != NULL)
        sp_text_source_line_read (article, line);
    }

  rebuild (article, lines);
  cut_site_name_from_headline (article);
}
