/* sp-sentences.c
 *
 * Sentences by ICU's sentence break iterator with its abbreviation suppressions
 * (`en@ss=standard`), run on the body's own UTF-8 through a UText, and then corrected where
 * news text trips it:
 * - ICU ends a sentence at every line break. A line break inside a paragraph that was
 *   wrapped by hand (most of its lines are long and end mid-sentence), or before a line that
 *   goes on in lower case, is not an end; any other line that ends without a full stop (a
 *   headline, a dateline, a byline) is a sentence of its own, and a blank line always ends one.
 * - Titles ICU does not know ("Gen.", "Lt.", "St."), month abbreviations before a day
 *   ("Oct. 9"), initials ("J. R. R. Tolkien") and dotted abbreviations before a name
 *   ("U.S. President") do not end a sentence; initials and dotted abbreviations do before a
 *   word that usually starts one ("… in the U.S. The next day").
 * - A question or an exclamation that goes on in lower case (`“Why?” asked the envoy`) is
 *   one sentence.
 * - "…" ends a sentence before a capital, as "..." does for ICU, except inside brackets ("[…]").
 * Offsets are in characters, as claims' are; sentences never include the white space around
 * them.
 */
#define G_LOG_DOMAIN "sp-sentences"

#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <unicode/ubrk.h>
#include <unicode/utext.h>

#include "sp-sentences.h"
#include "sp-utf8.h"

/* A line at least this long that ends mid-sentence, with another line of its paragraph
 * after it, looks wrapped; a paragraph with several such lines, and more of them than of
 * other lines, was wrapped by hand */
#define WRAPPED_MIN_CHARS 40

struct _SpSentenceSplitter
{
  UBreakIterator *iterator;
};

/* Titles before a name: never the end of a sentence */
static const char * const titles[] = {
  "Mr", "Mrs", "Ms", "Mx", "Messrs", "Mme", "Mlle", "Dr", "Prof", "Gen", "Lt", "Col", "Maj",
  "Capt", "Cpt", "Cmdr", "Cdr", "Adm", "Brig", "Sgt", "Cpl", "Pvt", "Gov", "Sen", "Rep",
  "Rev", "Hon", "Pres", "Amb", "Fr", "St", "Ste", "Ft", "Mt", "Supt", "Insp", "Det", "Atty",
  "Sec", "Dept",
};

/* Before a number */
static const char * const numbered[] = {
  "No", "Nos", "Nr", "Art", "Arts", "Vol", "Fig", "Ch", "Chap", "Para", "para", "p", "pp",
  "sec", "art", "no",
};

static const char * const months[] = {
  "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
};

/* Capitalised words that start sentences far more often than they follow "U.S." or "J." */
static const char * const starters[] = {
  "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "This", "That", "These",
  "Those", "There", "Here", "In", "On", "At", "But", "And", "Or", "So", "As", "If", "When",
  "While", "After", "Before", "However", "Meanwhile", "His", "Her", "Its", "Their", "Our",
  "My", "Your", "Then", "Now", "Yet", "Still", "Also", "Both", "Some", "Many", "Most", "All",
  "Not", "What", "Who", "Why", "How", "Where", "Which", "Earlier", "Later", "According",
};

static gboolean
in_list (const char * const *list,
         guint               n,
         const char         *word,
         gsize               length)
{
  if (length == 0)
    return FALSE;

  /* The first letter rules out most words without measuring them */
  for (guint i = 0; i < n; i++)
    if (list[i][0] == word[0] && strncmp (list[i], word, length) == 0 && list[i][length] == '\0')
      return TRUE;

  return FALSE;
}

#define IN_LIST(list, word, length) in_list (list, G_N_ELEMENTS (list), word, length)

/* Closing quotes and brackets that may follow the end of a sentence */
static gboolean
is_closer (gunichar c)
{
  return c == '"' || c == '\'' || c == ')' || c == ']' || c == 0x201D || c == 0x2019 ||
         c == 0x00BB || c == 0x203A;
}

static gboolean
is_opener (gunichar c)
{
  return c == '"' || c == '\'' || c == '(' || c == '[' || c == 0x201C || c == 0x2018 ||
         c == 0x00AB || c == 0x2039;
}

static gboolean
is_space_at (const char *p)
{
  guchar c = *p;

  if (c < 0x80)
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';

  return g_unichar_isspace (g_utf8_get_char (p));
}

/* Where the text of [start, end) ends without its trailing white space */
static gsize
trim_end (const char *text,
          gsize       start,
          gsize       end)
{
  while (end > start)
    {
      const char *prev = g_utf8_prev_char (text + end);

      if (!is_space_at (prev))
        break;
      end = prev - text;
    }

  return end;
}

/* Where the text at @start begins after white space, before @end; @n_newlines counts the
 * line breaks skipped */
static gsize
skip_space (const char *text,
            gsize       start,
            gsize       end,
            guint      *n_newlines)
{
  while (start < end && is_space_at (text + start))
    {
      if (n_newlines != NULL && text[start] == '\n')
        (*n_newlines)++;
      start = g_utf8_next_char (text + start) - text;
    }

  return start;
}

/* Where the text at @start begins after white space, or where the second line break in it
 * is: a blank line, after which it does not matter how much more white space follows */
static gsize
skip_space_in_paragraph (const char *text,
                         gsize       start,
                         gsize       end,
                         guint      *n_newlines)
{
  while (start < end && is_space_at (text + start) && *n_newlines < 2)
    {
      if (text[start] == '\n')
        (*n_newlines)++;
      start = g_utf8_next_char (text + start) - text;
    }

  return start;
}

/* The last character of [start, end) that is not a closing quote or bracket, and where it
 * is; 0 when there is none */
static gunichar
last_before_closers (const char *text,
                     gsize       start,
                     gsize       end,
                     gsize      *where)
{
  while (end > start)
    {
      const char *prev = g_utf8_prev_char (text + end);
      gunichar c = g_utf8_get_char (prev);

      end = prev - text;
      if (!is_closer (c))
        {
          if (where != NULL)
            *where = end;
          return c;
        }
    }

  return 0;
}

static gboolean
is_terminal (gunichar c)
{
  return c == '.' || c == '!' || c == '?' || c == 0x2026;
}

/* Whether [start, end) (without trailing white space) ends like a sentence */
static gboolean
ends_sentence (const char *text,
               gsize       start,
               gsize       end)
{
  return is_terminal (last_before_closers (text, start, end, NULL));
}

/* A paragraph: the lines between two blank lines, and whether it was wrapped by hand */
typedef struct
{
  gsize    start;
  gsize    end;
  gboolean wrapped;
} Block;

static gboolean
is_blank (const char *text,
          gsize       start,
          gsize       end)
{
  return skip_space (text, start, end, NULL) == end;
}

static gsize
line_start (const char *text,
            gsize       pos)
{
  while (pos > 0 && text[pos - 1] != '\n')
    pos--;

  return pos;
}

static gsize
line_end (const char *text,
          gsize       length,
          gsize       pos)
{
  const char *eol = memchr (text + pos, '\n', length - pos);

  return eol != NULL ? (gsize)(eol - text) : length;
}

/* The paragraph holding the non-blank line at @pos */
static void
find_block (const char *text,
            gsize       length,
            gsize       pos,
            Block      *block)
{
  gsize start = line_start (text, pos);
  gsize end = line_end (text, length, pos);
  guint n_inner = 0;
  guint n_wrapped = 0;

  while (start > 0)
    {
      gsize prev = line_start (text, start - 1);

      if (is_blank (text, prev, start - 1))
        break;
      start = prev;
    }

  while (end < length)
    {
      gsize next = line_end (text, length, end + 1);

      if (is_blank (text, end + 1, next))
        break;
      end = next;
    }

  for (gsize line = start; line < end; )
    {
      gsize eol = line_end (text, length, line);
      gsize trimmed = trim_end (text, line, eol);

      if (eol >= end)
        break;

      n_inner++;
      if (!ends_sentence (text, line, trimmed) &&
          sp_utf8_count_chars (text + line, trimmed - line) >= WRAPPED_MIN_CHARS)
        n_wrapped++;
      line = eol + 1;
    }

  block->start = start;
  block->end = end;
  block->wrapped = n_wrapped >= 2 && n_wrapped * 2 > n_inner;
}

static gboolean
in_wrapped_block (const char *text,
                  gsize       length,
                  gsize       pos,
                  Block      *cache)
{
  if (pos < cache->start || pos >= cache->end)
    find_block (text, length, pos, cache);

  return cache->wrapped;
}

static gboolean
is_upper_at (const char *p)
{
  return g_unichar_isupper (g_utf8_get_char (p)) || g_unichar_istitle (g_utf8_get_char (p));
}

static gboolean
is_lower_at (const char *p)
{
  return g_unichar_islower (g_utf8_get_char (p));
}

static gboolean
is_bullet_at (const char *p)
{
  gunichar c = g_utf8_get_char (p);

  return c == '-' || c == '*' || c == 0x2022 || c == 0x2013 || c == 0x2014 || c == 0x25AA;
}

/* The word at @next is capitalised and does not usually start a sentence */
static gboolean
is_name_at (const char *text,
            gsize       next,
            gsize       length)
{
  gsize end = next;

  if (!is_upper_at (text + next))
    return FALSE;

  while (end < length && g_ascii_isalpha (text[end]))
    end++;

  return !IN_LIST (starters, text + next, end - next);
}

/* "J" or "Ž": one capital letter */
static gboolean
is_initial (const char *word,
            gsize       length)
{
  return length > 0 && g_utf8_next_char (word) == word + length && is_upper_at (word);
}

/* "U.S", "a.m", "Ph.D": letters in ones or twos between dots (the last dot taken off) */
static gboolean
is_dotted (const char *word,
           gsize       length)
{
  guint run = 0;
  guint n_dots = 0;

  for (gsize i = 0; i < length; i++)
    {
      if (g_ascii_isalpha (word[i]))
        {
          if (++run > 2)
            return FALSE;
        }
      else if (word[i] == '.' && run > 0)
        {
          run = 0;
          n_dots++;
        }
      else
        return FALSE;
    }

  return n_dots > 0 && run > 0;
}

/* Whether the sentence ICU ended at @last (the end of its text) goes on at @next, on the
 * same line or on a wrapped one */
static gboolean
goes_on (const char *text,
         gsize       length,
         gsize       start,
         gsize       last,
         gsize       next)
{
  gsize term_at = 0;
  gunichar term = last_before_closers (text, start, last, &term_at);
  gsize word;

  if (term == '?' || term == '!')
    return is_lower_at (text + next);

  /* A full stop inside quotes ends the sentence, as ICU says */
  if (term != '.' || term_at + 1 != last)
    return FALSE;

  for (word = term_at; word > start && !is_space_at (g_utf8_prev_char (text + word)); )
    word = g_utf8_prev_char (text + word) - text;
  while (word < term_at && is_opener (g_utf8_get_char (text + word)))
    word = g_utf8_next_char (text + word) - text;

  if (IN_LIST (titles, text + word, term_at - word))
    return is_upper_at (text + next) || g_ascii_isdigit (text[next]);

  if (IN_LIST (numbered, text + word, term_at - word) ||
      IN_LIST (months, text + word, term_at - word))
    return g_ascii_isdigit (text[next]);

  if (is_initial (text + word, term_at - word) || is_dotted (text + word, term_at - word))
    return is_name_at (text, next, length);

  return FALSE;
}

/* Whether a sentence ends at @boundary, where ICU put an end, after the sentence begun at
 * @start */
static gboolean
ends_at (const char *text,
         gsize       length,
         gsize       start,
         gsize       boundary,
         Block      *block)
{
  gsize last = trim_end (text, start, boundary);
  guint n_newlines = 0;
  gsize next;
  gboolean line_ended;

  /* White space only, which is dropped */
  if (last == start)
    return TRUE;

  /* ICU puts the end after a line break, so the white space is counted from @last */
  next = skip_space_in_paragraph (text, last, length, &n_newlines);

  /* A blank line; the end of the text */
  if (n_newlines >= 2 || next == length)
    return TRUE;

  if (n_newlines == 1)
    {
      if (is_bullet_at (text + next))
        return TRUE;

      line_ended = ends_sentence (text, start, last);
      if (!line_ended && is_lower_at (text + next))
        return FALSE;
      /* A headline, a dateline, or a paragraph on a line of its own */
      if (!in_wrapped_block (text, length, last - 1, block))
        return TRUE;
      if (!line_ended)
        return FALSE;
    }

  return !goes_on (text, length, start, last, next);
}

/* Where "…" ends a sentence before a capital: after the white space that follows it */
static void
add_ellipsis_ends (const char *text,
                   gsize       length,
                   GArray     *ends)
{
  static const char ellipsis[] = "\xe2\x80\xa6";
  const char *end = text + length;
  const char *p = text;

  while ((p = g_strstr_len (p, end - p, ellipsis)) != NULL)
    {
      const char *after = p + 3;
      gsize boundary;

      if (p > text && (p[-1] == '[' || p[-1] == '('))
        {
          p = after;
          continue;
        }

      while (after < end && is_closer (g_utf8_get_char (after)))
        after = g_utf8_next_char (after);

      boundary = skip_space (text, after - text, length, NULL);
      if (boundary > (gsize)(after - text) && boundary < length &&
          memchr (after, '\n', boundary - (after - text)) == NULL &&
          is_upper_at (text + boundary))
        g_array_append_val (ends, boundary);

      p = after;
    }
}

static int
compare_offsets (gconstpointer a,
                 gconstpointer b)
{
  gsize x = *(const gsize *)a;
  gsize y = *(const gsize *)b;

  return x < y ? -1 : x > y;
}

/* Byte offsets to character offsets, for offsets that only grow */
typedef struct
{
  const char *text;
  gsize       byte;
  guint32     chars;
} Cursor;

static guint32
cursor_move (Cursor *cursor,
             gsize   byte)
{
  cursor->chars += sp_utf8_count_chars (cursor->text + cursor->byte, byte - cursor->byte);
  cursor->byte = byte;

  return cursor->chars;
}

static void
add_sentence (GArray     *sentences,
              Cursor     *cursor,
              const char *text,
              gsize       start,
              gsize       end)
{
  guint32 span[2];

  start = skip_space (text, start, end, NULL);
  end = trim_end (text, start, end);
  if (start == end)
    return;

  span[0] = cursor_move (cursor, start);
  span[1] = cursor_move (cursor, end);
  g_array_append_vals (sentences, span, 2);
}

/**
 * sp_sentence_splitter_new:
 *
 * A splitter holds ICU's iterator, which takes a while to load: keep one for many texts, in
 * one thread at a time.
 *
 * Returns: (transfer full): a splitter, or %NULL with @error set when ICU has no sentence
 *   rules
 */
SpSentenceSplitter *
sp_sentence_splitter_new (GError **error)
{
  g_autoptr(SpSentenceSplitter) self = g_new0 (SpSentenceSplitter, 1);
  UErrorCode status = U_ZERO_ERROR;

  self->iterator = ubrk_open (UBRK_SENTENCE, "en@ss=standard", NULL, 0, &status);
  if (U_FAILURE (status))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Sentences cannot be found: ICU has no sentence rules (%s)"),
                   u_errorName (status));
      return NULL;
    }

  return g_steal_pointer (&self);
}

void
sp_sentence_splitter_free (SpSentenceSplitter *self)
{
  if (self == NULL)
    return;

  if (self->iterator != NULL)
    ubrk_close (self->iterator);
  g_free (self);
}

/**
 * sp_sentence_splitter_split:
 * @text: (array length=length): UTF-8 text, such as a document's body
 *
 * Returns: (transfer full) (element-type guint32): two character offsets for each
 *   sentence, where it starts and where it ends, in order; no sentence holds only white
 *   space or starts or ends with it
 */
GArray *
sp_sentence_splitter_split (SpSentenceSplitter *self,
                            const char         *text,
                            gsize               length)
{
  GArray *sentences = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr(GArray) ends = NULL;
  UText ut = UTEXT_INITIALIZER;
  UErrorCode status = U_ZERO_ERROR;
  Cursor cursor = { text, 0, 0 };
  Block block = { 0, 0, FALSE };
  gsize start = 0;
  int32_t boundary;

  g_return_val_if_fail (self != NULL, sentences);
  g_return_val_if_fail (text != NULL || length == 0, sentences);
  g_return_val_if_fail (length < G_MAXINT32, sentences);

  if (length == 0)
    return sentences;

  ends = g_array_new (FALSE, FALSE, sizeof (gsize));

  utext_openUTF8 (&ut, text, (int64_t)length, &status);
  ubrk_setUText (self->iterator, &ut, &status);
  if (U_FAILURE (status))
    {
      /* Not for valid UTF-8 of this size; should it happen, each line is a sentence */
      g_warning ("ICU could not look at a text for sentences: %s", u_errorName (status));
      for (const char *eol = text; (eol = memchr (eol, '\n', text + length - eol)) != NULL; )
        {
          gsize end = ++eol - text;

          g_array_append_val (ends, end);
        }
    }
  else
    for (boundary = ubrk_first (self->iterator);
         (boundary = ubrk_next (self->iterator)) != UBRK_DONE; )
      {
        gsize end = boundary;

        g_array_append_val (ends, end);
      }

  add_ellipsis_ends (text, length, ends);
  g_array_sort (ends, compare_offsets);

  for (guint i = 0; i < ends->len; i++)
    {
      gsize end = g_array_index (ends, gsize, i);

      if (end <= start || end >= length)
        continue;
      if (ends_at (text, length, start, end, &block))
        {
          add_sentence (sentences, &cursor, text, start, end);
          start = end;
        }
    }

  add_sentence (sentences, &cursor, text, start, length);

  /* The iterator keeps a shallow copy of the UText, unused until the next text is set */
  utext_close (&ut);

  return sentences;
}
