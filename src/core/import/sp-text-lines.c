/* sp-text-lines.c
 *
 * One pass over a body's lines: each is split into words once (see sp_text_tokenize()), and
 * everything the cleaner weighs is counted from those words, so that the whole analysis
 * stays linear in the body's length.
 */
#define G_LOG_DOMAIN "sp-text-lines"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sp-text-lines.h"
#include "sp-utf8.h"

/* A line this long or longer, without a sentence's end, was cut off: a teaser */
#define TEASER_MIN_CHARS 40
#define TEASER_MIN_WORDS 6
/* Link-like lines: a few words at most */
#define LINK_MAX_WORDS 4
#define LINK_MAX_CHARS 40
/* Only lines this short are counted across documents (see sp_text_line_hashes()) */
#define RECURRING_MAX_CHARS 160
static const char SITE_FURNITURE[] = N_("site furniture");

/* A line held by this many other documents is furniture */
#define RECURRING_MIN_COUNT 2

static const char * const top_level_domains[] = {
  "com", "org", "net", "co", "uk", "in", "ru", "ua", "de", "fr", "io", "news", "info", "gov",
  "eu", "us", "ca", "au", "ie", "it", "es", "pl", "nl", "ch", "at", "tv", "me", NULL
};

static gboolean
is_sentence_end (gunichar c)
{
  switch (c)
    {
    case '.':
    case '!':
    case '?':
    case '"':
    case '\'':
    case ')':
    case ';':
    case 0x201D: /* ” */
    case 0x2019: /* ’ */
    case 0x00BB: /* » closing a quotation */
    case 0x2026: /* … */
      return TRUE;
    default:
      return FALSE;
    }
}

/* "[12] …", "[xciii] …": an endnote of the article, whatever it looks like */
static gboolean
is_reference (const char *text,
              gsize       length)
{
  gsize i = 1;

  if (length < 3 || text[0] != '[')
    return FALSE;

  while (i < length && i < 12 && (g_ascii_isdigit (text[i]) || strchr ("ivxlcdm", text[i]) != NULL))
    i++;

  return i > 1 && i < length && text[i] == ']';
}

static gunichar
last_char (const char *text,
           gsize       length)
{
  const char *prev;

  if (length == 0)
    return 0;
  prev = g_utf8_find_prev_char (text, text + length);
  return prev != NULL ? g_utf8_get_char (prev) : 0;
}

/* Whether the token is a top-level domain glued to the word before it by a dot */
static gboolean
is_domain_end (const SpTextLine  *line,
               const SpTextToken *previous,
               const SpTextToken *token)
{
  gsize length = token->end - token->start;
  char word[8];

  if (previous == NULL || previous->end + 1 != token->start ||
      line->text[previous->end] != '.' || length >= sizeof word)
    return FALSE;

  for (gsize i = 0; i < length; i++)
    word[i] = g_ascii_tolower (line->text[token->start + i]);
  word[length] = '\0';

  return g_strv_contains (top_level_domains, word);
}

static void
count_words (SpTextLine *line,
             GArray     *tokens)
{
  const SpTextToken *previous = NULL;

  for (guint i = 0; i < tokens->len; i++)
    {
      const SpTextToken *token = &g_array_index (tokens, SpTextToken, i);

      if (token->is_number)
        {
          previous = token;
          continue;
        }

      line->n_words++;
      if ((token->flags & SP_WORD_VOICE) != 0 && !token->quoted)
        line->n_voice++;
      if ((token->flags & SP_WORD_SAY) != 0)
        line->n_say++;
      if ((token->flags & SP_WORD_SOCIAL) != 0)
        line->n_social++;
      if ((token->flags & SP_WORD_AGENCY) != 0)
        line->n_agency++;
      if ((token->flags & SP_WORD_PHOTO) != 0)
        line->n_photo++;
      if ((token->flags & SP_WORD_NOTICE) != 0)
        line->n_notice++;
      if ((token->flags & (SP_WORD_META | SP_WORD_WEEKDAY | SP_WORD_TIME)) != 0)
        line->n_meta++;
      if (is_domain_end (line, previous, token))
        line->n_domains++;
      previous = token;
    }
}

/* Whether what follows the phrase's last token marks it as a label: a glued word, a colon,
 * a bar or a guillemet */
static gboolean
is_label (const SpTextLine  *line,
          GArray            *tokens,
          guint              last)
{
  const SpTextToken *final = &g_array_index (tokens, SpTextToken, last);
  const char *p = line->text + final->end;
  const char *end = line->text + line->length;

  if (last + 1 < tokens->len && g_array_index (tokens, SpTextToken, last + 1).glued)
    return TRUE;

  while (p < end && *p == ' ')
    p++;

  return p < end && strchr (":|»›>-", *p) != NULL;
}

static gboolean
has_glued_word (GArray *tokens)
{
  for (guint i = 0; i < tokens->len; i++)
    if (g_array_index (tokens, SpTextToken, i).glued)
      return TRUE;

  return FALSE;
}

static void
match_furniture (SpTextLine *line,
                 GArray     *tokens)
{
  const SpPhrase *phrase;
  guint first = 0;
  guint last = 0;

  /* A paragraph without a glued word can only be marked by a phrase that opens it (see
   * below), which is then the first phrase found: the rest of its words are not looked at */
  if (line->chars > SP_TEXT_LINE_SHORT_CHARS && !has_glued_word (tokens))
    phrase = sp_text_match_opening_phrase (line->text, tokens, &first, &last);
  else
    phrase = sp_text_match_phrase (line->text, tokens, &first, &last);

  if (phrase == NULL)
    return;

  line->phrase_start = phrase->place == SP_PLACE_START || phrase->place == SP_PLACE_LINE;
  line->glued_label = last + 1 < tokens->len &&
                      g_array_index (tokens, SpTextToken, last + 1).glued;
  if (line->glued_label)
    line->label_length = g_array_index (tokens, SpTextToken, last).end;

  /* In a paragraph, a phrase counts only as the label that opens it: "Sign Our Petition"
   * glued to an op-ed, "Also Read: |" before a teaser */
  if (line->chars > SP_TEXT_LINE_SHORT_CHARS &&
      !(phrase->place == SP_PLACE_START && is_label (line, tokens, last)))
    return;

  line->furniture = phrase->furniture;
}

static void
analyse_line (SpTextLine      *line,
              GArray          *tokens,
              SpLineCountFunc  count,
              gpointer         user_data)
{
  gunichar last = last_char (line->text, line->length);

  g_array_set_size (tokens, 0);
  sp_text_tokenize (line->text, line->length, tokens);
  count_words (line, tokens);
  match_furniture (line, tokens);

  line->sentence_end = is_sentence_end (last);
  line->reference = is_reference (line->text, line->length);
  line->link_like = !line->sentence_end && line->n_words <= LINK_MAX_WORDS &&
                    line->chars <= LINK_MAX_CHARS;
  line->teaser = !line->sentence_end && last != ':' && line->chars >= TEASER_MIN_CHARS &&
                 line->n_words >= TEASER_MIN_WORDS;
  line->social_bar = line->n_social >= 2 && line->n_social * 5 >= line->n_words * 3 &&
                     line->chars <= SP_TEXT_LINE_SHORT_CHARS;

  if (count != NULL && line->chars <= RECURRING_MAX_CHARS)
    line->recurring = count (sp_text_line_hash (line->text, line->length), user_data) >=
                      RECURRING_MIN_COUNT;
}

/**
 * sp_text_lines_analyse:
 * @body: a body in the readers' layout (see sp_text_tidy())
 * @count: (nullable) (scope call): how many other documents hold a line
 *
 * Returns: (transfer full) (element-type SpTextLine): the non-blank lines of @body, each
 *   pointing into @body
 */
GArray *
sp_text_lines_analyse (const char      *body,
                       SpLineCountFunc  count,
                       gpointer         user_data)
{
  g_autoptr(GArray) tokens = g_array_new (FALSE, FALSE, sizeof (SpTextToken));
  GArray *lines = g_array_new (FALSE, TRUE, sizeof (SpTextLine));
  gboolean blank_before = FALSE;
  guint chars = 0;

  for (const char *p = body; p != NULL; )
    {
      const char *eol = strchr (p, '\n');
      gsize length = eol != NULL ? (gsize)(eol - p) : strlen (p);
      guint line_chars = (guint) sp_utf8_count_chars (p, length);

      if (length == 0)
        blank_before = TRUE;
      else
        {
          SpTextLine line = { 0 };

          line.text = p;
          line.length = length;
          line.chars = line_chars;
          line.start_char = chars;
          line.blank_before = blank_before;
          analyse_line (&line, tokens, count, user_data);
          g_array_append_val (lines, line);
          blank_before = FALSE;
        }

      chars += line_chars + 1;
      p = eol != NULL ? eol + 1 : NULL;
    }

  return lines;
}

/**
 * sp_text_line_is_strong_junk:
 *
 * Returns: whether @line is furniture on its own evidence: a furniture phrase, a share bar,
 *   or a line other documents hold
 */
gboolean
sp_text_line_is_strong_junk (const SpTextLine *line)
{
  if (line->furniture == SP_FURNITURE_CAPTION || line->furniture == SP_FURNITURE_SOURCE)
    return line->chars <= SP_TEXT_LINE_SHORT_CHARS;
  if (line->furniture != SP_FURNITURE_NONE && line->furniture != SP_FURNITURE_CREDIT)
    return TRUE;

  return line->social_bar ||
         (line->recurring && !line->reference && (line->link_like || !line->sentence_end));
}

/**
 * sp_text_line_is_weak_junk:
 *
 * Returns: whether @line looks like furniture but could be the article's: a few words
 *   without a sentence, a teaser cut off mid-sentence, a recurring sentence
 */
gboolean
sp_text_line_is_weak_junk (const SpTextLine *line)
{
  return line->furniture != SP_FURNITURE_CREDIT && !line->reference &&
         (line->link_like || line->teaser || line->recurring);
}

/**
 * sp_text_line_junk_reason:
 *
 * Returns: the reason @line shows when it is taken out, untranslated
 */
const char *
sp_text_line_junk_reason (const SpTextLine *line)
{
  if (line->furniture != SP_FURNITURE_NONE && line->furniture != SP_FURNITURE_CREDIT)
    return sp_furniture_reason (line->furniture);
  if (line->social_bar)
    return sp_furniture_reason (SP_FURNITURE_SHARE);
  if (line->recurring)
    return SITE_FURNITURE;
  if (line->teaser)
    return sp_furniture_reason (SP_FURNITURE_RELATED);
  if (line->link_like)
    return sp_furniture_reason (SP_FURNITURE_NAVIGATION);
  return N_("appended article");
}

/**
 * sp_text_reason_is_minor:
 *
 * Returns: whether a line taken out for @reason says little on its own (a separator, a
 *   navigation link), so that it joins the block next to it
 */
gboolean
sp_text_reason_is_minor (const char *reason)
{
  return reason == SITE_FURNITURE || reason == sp_furniture_reason (SP_FURNITURE_NAVIGATION);
}
