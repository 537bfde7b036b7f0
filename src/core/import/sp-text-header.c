/* sp-text-header.c
 *
 * The top of a text article, as copied from a web page: a headline (sometimes with the
 * site's name glued to its end), then lines such as "Ukraine | May 30, 2025, Friday // 10:45
 * views", "site.example -- Sunday, August 17, 2025, 10:59:41 PM Eastern Daylight Time",
 * "Categories: …", a byline ("By Jane Doe"), or a photo caption with its credit ("Name |
 * Agency"). A caption's date is never the article's: it tells when the photo was taken.
 */
#define G_LOG_DOMAIN "sp-text-header"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sp-date-scan.h"
#include "sp-text-header.h"
#include "sp-text-reader.h"

/* A date or source line is short and holds few words besides the date's */
#define META_LINE_MAX_CHARS 160
#define META_LINE_MAX_PLAIN_WORDS 4
/* A photo credit: "Name Surname | Agency", "Photo: Agency" */
#define CREDIT_LINE_MAX_WORDS 8
/* A headline: one line, not a long sentence */
#define HEADLINE_MAX_CHARS (2 * SP_TEXT_TITLE_MAX_CHARS)
#define HEADLINE_SENTENCE_WORDS 12
/* A byline's name: "Jane Doe", "Maria de la Cruz Ortega", two words or more (and
 * "Jane Doe and John Roe") */
#define BYLINE_MIN_WORDS 2
#define BYLINE_MAX_WORDS 7
/* A title made of the first words */
#define FIRST_WORDS_MAX_CHARS 80
/* A glued site name is at least this long, and so is the word it is glued to */
#define GLUED_MIN_CHARS 6
/* A body word sharing more than this many letters past the real word's end is the same
 * word inflected or compounded, not a name glued on */
#define GLUED_SHARED_SLACK 2
#define GLUED_WORD_MIN_CHARS 3
#define MAX_WORD_BYTES 48
/* "Headline | Section | Site" */
#define MAX_SITE_SUFFIXES 2

/* A headline is one line, not a paragraph; a line that reads as a sentence ("… sat down with
 * the envoy.") opens the article's text unless a blank line sets it off as a headline */
static gboolean
is_headline (const SpTextLine *line,
             const SpTextLine *next)
{
  gboolean full_stop = line->length > 0 && line->text[line->length - 1] == '.';

  if (line->n_words == 0 || line->chars > HEADLINE_MAX_CHARS)
    return FALSE;

  if (full_stop && line->n_words >= HEADLINE_SENTENCE_WORDS)
    return next != NULL && next->blank_before && line->chars <= SP_TEXT_TITLE_MAX_CHARS;

  return TRUE;
}

/* "Leah Millis | Reuters", "Photo: AFP", "(Getty Images)" */
static gboolean
is_photo_credit (const SpTextLine *line)
{
  if (line->furniture == SP_FURNITURE_CAPTION && line->chars <= META_LINE_MAX_CHARS)
    return TRUE;

  return line->n_words > 0 && line->n_words <= CREDIT_LINE_MAX_WORDS && !line->sentence_end &&
         line->n_agency + line->n_photo > 0 && line->n_say == 0 &&
         (memchr (line->text, '|', line->length) != NULL ||
          memchr (line->text, '/', line->length) != NULL || line->n_photo > 0);
}

/* The number of words of a line that are not a date's, a time's or a domain's */
static guint
plain_words (const SpTextLine *line)
{
  guint known = line->n_meta + 2 * line->n_domains + line->n_agency + 1 /* the month */;

  return line->n_words > known ? line->n_words - known : 0;
}

static char *
date_line_date (const SpTextLine *line)
{
  g_autofree char *text = NULL;
  gboolean sentence = line->length > 0 && line->text[line->length - 1] == '.' &&
                      line->n_words > HEADLINE_SENTENCE_WORDS;

  if (line->chars > META_LINE_MAX_CHARS || sentence || line->n_say > 0 ||
      plain_words (line) > META_LINE_MAX_PLAIN_WORDS)
    return NULL;

  text = g_strndup (line->text, line->length);
  return sp_date_parse (text);
}

/* The first "name.tld" of a line, for the article's source */
static char *
line_domain (const SpTextLine *line)
{
  g_autofree char *text = g_strndup (line->text, line->length);
  g_auto(GStrv) words = g_strsplit_set (text, " \t|,;", -1);

  for (guint i = 0; words[i] != NULL; i++)
    {
      const char *dot = strrchr (words[i], '.');

      if (dot != NULL && dot != words[i] && dot[1] != '\0' && g_ascii_isalpha (dot[1]) &&
          strchr (words[i], '@') == NULL && !g_str_has_suffix (words[i], "."))
        {
          const char *start = words[i];

          if (g_str_has_prefix (start, "https://"))
            start += 8;
          else if (g_str_has_prefix (start, "http://"))
            start += 7;
          if (g_str_has_prefix (start, "www."))
            start += 4;
          return g_strndup (start, strcspn (start, "/"));
        }
    }

  return NULL;
}

/* The value after "Source:" */
static char *
label_value (const SpTextLine *line);

/**
 * sp_text_source_line_read:
 *
 * Gives @article the source a "Source: …" line names, when it has none.
 */
void
sp_text_source_line_read (SpArticle        *article,
                          const SpTextLine *line)
{
  g_autofree char *value = NULL;
  g_autofree char *domain = NULL;

  if (line->furniture != SP_FURNITURE_SOURCE || article->source != NULL ||
      line->chars > META_LINE_MAX_CHARS || (value = label_value (line)) == NULL)
    return;

  /* "Source: https://www.example.org/…" names the site by its domain */
  domain = line_domain (line);
  article->source = domain != NULL ? g_steal_pointer (&domain) : g_steal_pointer (&value);
}

static char *
label_value (const SpTextLine *line)
{
  const char *colon = memchr (line->text, ':', line->length);
  g_autofree char *value = NULL;

  if (colon == NULL)
    return NULL;

  value = g_strndup (colon + 1, line->text + line->length - (colon + 1));
  g_strstrip (value);
  return value[0] != '\0' ? g_steal_pointer (&value) : NULL;
}

static void
take_date (SpArticle  *article,
           char       *date)
{
  g_autofree char *owned = date;

  /* A file's own metadata and an analyst's edit know better than a line of its text */
  if (article->date != NULL && (article->date_source == SP_DATE_SOURCE_METADATA ||
                                article->date_source == SP_DATE_SOURCE_ANALYST))
    return;

  g_free (article->date);
  article->date = g_steal_pointer (&owned);
  article->date_source = SP_DATE_SOURCE_DATELINE;
  article->date_confidence = 0.9;
}

/* Whether @article's date was read from the top of the text (by a scan that does not know
 * captions) and is the date of this caption: the photo's, not the article's */
static gboolean
is_caption_date (const SpArticle  *article,
                 const SpTextLine *caption)
{
  g_autofree char *text = NULL;
  g_autofree char *date = NULL;

  if (article->date == NULL || article->date_source != SP_DATE_SOURCE_DATELINE)
    return FALSE;

  text = g_strndup (caption->text, caption->length);
  date = sp_date_parse (text);
  return date != NULL && g_str_equal (date, article->date);
}

/* "By Jane Doe", "by Jane Doe 10:41 AM February 5, 2026", "By Jane Doe | Reuters": the
 * author, when the line has one and @article has none. Returns whether the line is a
 * byline. */
static gboolean
take_byline (SpArticle        *article,
             const SpTextLine *line)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) words = NULL;
  static const char * const dashes[] = { " - ", " \342\200\223 ", " \342\200\224 " };
  GString *name;
  guint n = 0;
  char *end;

  if (line->length < 4 || g_ascii_strncasecmp (line->text, "by ", 3) != 0)
    return FALSE;

  /* The name runs to the first digit, bar, comma, dash or parenthesis */
  text = g_strndup (line->text + 3, line->length - 3);
  end = text + strcspn (text, "0123456789|,;()");
  *end = '\0';
  for (guint i = 0; i < G_N_ELEMENTS (dashes); i++)
    if ((end = strstr (text, dashes[i])) != NULL)
      *end = '\0';

  words = g_strsplit (g_strstrip (text), " ", -1);
  name = g_string_new (NULL);
  for (guint i = 0; words[i] != NULL; i++)
    {
      gunichar first = g_utf8_get_char (words[i]);

      if (words[i][0] == '\0')
        continue;
      /* Names are capitalised, but for particles after the first: "de", "van", "and" */
      if (!g_unichar_isupper (first) && (n == 0 || strlen (words[i]) > 3))
        {
          g_string_free (name, TRUE);
          return FALSE;
        }
      if (name->len > 0)
        g_string_append_c (name, ' ');
      g_string_append (name, words[i]);
      n++;
    }

  if (n < BYLINE_MIN_WORDS || n > BYLINE_MAX_WORDS)
    {
      g_string_free (name, TRUE);
      return FALSE;
    }

  if (article->author == NULL)
    article->author = g_string_free (name, FALSE);
  else
    g_string_free (name, TRUE);
  return TRUE;
}

/* Whether the title was the body's first line, as the plain text reader gives it */
static gboolean
title_is_first_line (const SpArticle  *article,
                     const SpTextLine *first)
{
  g_autofree char *shortened = NULL;

  if (article->title == NULL || article->title[0] == '\0' ||
      article->title_kind != SP_TITLE_KIND_HEADLINE)
    return TRUE;

  shortened = sp_text_shorten_title (first->text, first->length);
  return g_str_equal (article->title, shortened);
}

static void
take_title (SpArticle        *article,
            GArray           *lines,
            guint             headline)
{
  const SpTextLine *first = &g_array_index (lines, SpTextLine, 0);
  const SpTextLine *line;

  if (!title_is_first_line (article, first) && article->title_kind != SP_TITLE_KIND_FIRST_WORDS)
    {
      /* A title from the file's metadata: only the site's name goes */
      g_autofree char *title = g_steal_pointer (&article->title);

      article->title = sp_text_headline_clean (title, strlen (title), "");
      return;
    }

  if (headline >= lines->len)
    return;
  line = &g_array_index (lines, SpTextLine, headline);

  g_free (article->title);
  if (is_headline (line, headline + 1 < lines->len ?
                         &g_array_index (lines, SpTextLine, headline + 1) : NULL))
    {
      const char *rest = line->text + line->length;

      article->title = sp_text_headline_clean (line->text, line->length, rest);
      article->title_kind = SP_TITLE_KIND_HEADLINE;
    }
  else
    {
      article->title = sp_text_first_words (line->text, line->length);
      article->title_kind = SP_TITLE_KIND_FIRST_WORDS;
    }
}

/**
 * sp_text_header_read:
 * @lines: (element-type SpTextLine): the body's lines, from sp_text_lines_analyse()
 *
 * Finds the headline, date, source and category lines at the top of @article's body: the
 * title, date and source go into @article's fields (a file's metadata is kept where it has
 * some), and the lines that belong in fields are marked with their reason.
 *
 * @headline_in_body: (out): whether the line found is the article's headline; it is not when
 *   the file's metadata gave a title that is not the body's first line, and the line found
 *   is then the first of the article's text
 *
 * Returns: the index of the headline line in @lines (@lines->len when there are none)
 */
guint
sp_text_header_read (SpArticle *article,
                     GArray    *lines,
                     gboolean  *headline_in_body)
{
  guint n = MIN (lines->len, SP_TEXT_HEADER_MAX_LINES);
  guint headline = lines->len;
  gboolean dated = FALSE;
  gboolean caption_date = FALSE;
  gboolean titled;

  *headline_in_body = FALSE;
  if (lines->len == 0)
    return 0;
  titled = !title_is_first_line (article, &g_array_index (lines, SpTextLine, 0));

  for (guint i = 0; i < n; i++)
    {
      SpTextLine *line = &g_array_index (lines, SpTextLine, i);
      SpTextLine *next = i + 1 < lines->len ? &g_array_index (lines, SpTextLine, i + 1) : NULL;
      char *date;

      /* Navigation and share bars above the headline; a line that only recurs in other
       * documents may be a headline like theirs ("Talks, day 3"), unless the file's
       * metadata gave the title */
      if (headline == lines->len && sp_text_line_is_strong_junk (line) &&
          (line->furniture != SP_FURNITURE_NONE || line->social_bar || titled) &&
          line->furniture != SP_FURNITURE_SOURCE && line->furniture != SP_FURNITURE_CAPTION)
        {
          line->reason = sp_text_line_junk_reason (line);
          continue;
        }

      if (headline == lines->len)
        {
          headline = i;
          continue;
        }

      if (is_photo_credit (line))
        {
          SpTextLine *caption = &g_array_index (lines, SpTextLine, i - 1);

          line->reason = N_("photo caption");
          if (i - 1 != headline && caption->n_say == 0 && caption->reason == NULL)
            {
              caption->reason = N_("photo caption");
              caption_date |= is_caption_date (article, caption);
            }
          continue;
        }

      /* A caption's date is the photo's: look at the line under it first */
      if (next != NULL && is_photo_credit (next))
        continue;

      if (line->furniture == SP_FURNITURE_SOURCE && line->chars <= META_LINE_MAX_CHARS)
        {
          sp_text_source_line_read (article, line);
          line->reason = N_("source line");
          continue;
        }

      if ((line->furniture == SP_FURNITURE_CATEGORIES || line->furniture == SP_FURNITURE_TAGS) &&
          line->chars <= META_LINE_MAX_CHARS)
        {
          line->reason = sp_furniture_reason (line->furniture);
          continue;
        }

      if (!dated && (date = date_line_date (line)) != NULL)
        {
          g_autofree char *domain = line_domain (line);

          take_date (article, date);
          dated = TRUE;
          if (domain != NULL && article->source == NULL)
            article->source = g_steal_pointer (&domain);
          take_byline (article, line);
          line->reason = N_("dateline");
          continue;
        }

      if (line->chars <= META_LINE_MAX_CHARS && take_byline (article, line))
        {
          g_autofree char *text = g_strndup (line->text, line->length);

          line->reason = N_("byline");
          if (!dated && (date = sp_date_parse (text)) != NULL)
            {
              take_date (article, date);
              dated = TRUE;
              line->reason = N_("dateline");
            }
          continue;
        }

      /* The first paragraph of the article ends the header */
      if (line->sentence_end && line->n_words >= HEADLINE_SENTENCE_WORDS)
        break;
    }

  if (!dated && caption_date)
    {
      g_clear_pointer (&article->date, g_free);
      article->date_source = SP_DATE_SOURCE_NONE;
      article->date_confidence = 0;
    }

  take_title (article, lines, headline);
  *headline_in_body = !titled && article->title_kind == SP_TITLE_KIND_HEADLINE;
  return headline;
}

/* "guaranteesnomadictrails" → "guarantees" when the body has "guarantees" but no word that
 * goes on further into the rest ("peacekeepers" stays whole when the body has "peace" and
 * "peacekeeping"): returns where the glued name starts, or NULL. One pass over the body's
 * words, each compared with the start of @word. */
static const char *
glued_suffix (const char *word,
              gsize       length,
              const char *body)
{
  gsize longest = 0;
  gsize shared_most = 0;
  const char *p = body;

  if (length > MAX_WORD_BYTES || length < GLUED_WORD_MIN_CHARS + GLUED_MIN_CHARS)
    return NULL;

  for (gsize i = 0; i < length; i++)
    if (!g_ascii_islower (word[i]))
      return NULL;

  while (*p != '\0')
    {
      const char *start;
      gsize n;
      gsize shared = 0;

      while (*p != '\0' && !g_ascii_isalpha (*p))
        p++;
      start = p;
      while (g_ascii_isalpha (*p))
        p++;
      n = p - start;

      while (shared < n && shared < length &&
             g_ascii_tolower (start[shared]) == word[shared])
        shared++;

      /* The whole word is a word of the body: nothing is glued to it */
      if (shared == length && n == length)
        return NULL;

      if (shared == n && n >= GLUED_WORD_MIN_CHARS && n <= length - GLUED_MIN_CHARS)
        longest = MAX (longest, n);
      else
        shared_most = MAX (shared_most, shared);
    }

  if (longest == 0 || shared_most > longest + GLUED_SHARED_SLACK)
    return NULL;

  return word + longest;
}

/* Takes " | Site Name" or " - site.example" off the end */
static gsize
strip_site_suffix (const char *text,
                   gsize       length)
{
  static const char * const separators[] = { " | ", " - ", " \342\200\224 " };
  const char *sep = NULL;
  gsize sep_length = 0;
  g_autofree char *tail = NULL;
  g_auto(GStrv) words = NULL;
  guint n_words;

  for (guint k = 0; k < G_N_ELEMENTS (separators); k++)
    {
      gsize n = strlen (separators[k]);

      for (const char *p = text; p + n <= text + length; p++)
        if (memcmp (p, separators[k], n) == 0 && p > sep)
          {
            sep = p;
            sep_length = n;
          }
    }

  if (sep == NULL)
    return length;

  tail = g_strndup (sep + sep_length, text + length - (sep + sep_length));
  g_strstrip (tail);
  words = g_strsplit (tail, " ", -1);
  n_words = g_strv_length (words);
  if (n_words == 0 || n_words > 4)
    return length;

  /* A bar always sets off a site; a dash only a domain */
  if (sep[1] == '|' || (n_words == 1 && strchr (tail, '.') != NULL))
    return sep - text;

  return length;
}

/**
 * sp_text_headline_clean:
 * @body: the text after the headline, whose words tell a real word from a glued name
 *
 * Returns: (transfer full): the headline without the site name set off or glued at its end
 */
char *
sp_text_headline_clean (const char *headline,
                        gsize       length,
                        const char *body)
{
  g_autofree char *text = NULL;
  const char *last;
  const char *end;
  const char *suffix;

  length = sp_text_trimmed_length (headline, length);
  for (guint i = 0; i < MAX_SITE_SUFFIXES; i++)
    {
      gsize stripped = strip_site_suffix (headline, length);

      if (stripped == length)
        break;
      length = stripped;
    }
  text = g_strndup (headline, length);
  g_strstrip (text);

  /* The last word, if it ends the headline */
  end = text + strlen (text);
  last = end;
  while (last > text && g_ascii_isalpha (last[-1]))
    last--;

  if (end - last >= GLUED_WORD_MIN_CHARS + GLUED_MIN_CHARS)
    {
      if ((suffix = glued_suffix (last, end - last, body)) != NULL)
        text[suffix - text] = '\0';
    }

  if (text[0] == '\0')
    {
      g_free (text);
      text = g_strndup (headline, length);
    }

  return sp_text_shorten_title (text, strlen (text));
}

/**
 * sp_text_first_words:
 *
 * Returns: (transfer full): the first words of a line, for the title of an article without
 *   a headline, cut at a word and ended with "…" when there is more
 */
char *
sp_text_first_words (const char *text,
                     gsize       length)
{
  const char *cut;
  const char *space = NULL;
  g_autofree char *head = NULL;

  length = sp_text_trimmed_length (text, length);
  if (g_utf8_strlen (text, length) <= FIRST_WORDS_MAX_CHARS)
    return g_strndup (text, length);

  cut = g_utf8_offset_to_pointer (text, FIRST_WORDS_MAX_CHARS);
  for (const char *p = text; p < cut; p++)
    if (*p == ' ')
      space = p;
  if (space != NULL && space > text)
    cut = space;

  head = g_strndup (text, cut - text);
  g_strchomp (head);
  while (head[0] != '\0' && strchr (",;:-", head[strlen (head) - 1]) != NULL)
    head[strlen (head) - 1] = '\0';

  return g_strconcat (head, "…", NULL);
}
