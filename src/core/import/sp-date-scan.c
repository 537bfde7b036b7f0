/* sp-date-scan.c
 *
 * A line is split into numbers and words, and the token sequences that spell a date are
 * matched: 2025-05-30 (also inside a timestamp), May 30, 2025, 30 May 2025, Aug. 17th, 2025,
 * 30. Mai 2025, and numeric day/month/year orders when a part above 12 settles which is the
 * day. Month names are English, with the full names in German, French, Spanish, Italian and
 * Dutch. Two-digit years and impossible days (February 30) never count.
 */
#define G_LOG_DOMAIN "sp-date-scan"

#include "config.h"

#include <string.h>

#include "sp-date-scan.h"

/* In the header, a date counts when it starts within this many characters of its line:
 * datelines and bylines carry the date up front, while a date at the end of a long
 * sentence (a photo caption, a lede about an earlier event) is not the article's. */
#define DATELINE_REACH 100
/* Only this much of a line is looked at. */
#define SCAN_BYTES 1024

#define MIN_YEAR 1900
#define MAX_YEAR 2100

typedef enum
{
  TOKEN_NUMBER,
  TOKEN_WORD,
} SpTokenKind;

typedef struct
{
  SpTokenKind kind;
  guint       start;     /* byte offsets in the line */
  guint       end;
  guint       value;     /* a number's value (4 digits at most), a word's month or 0 */
  guint       n_digits;
  gboolean    ordinal;   /* a word that is an ordinal suffix: st, nd, rd, th */
} SpToken;

typedef struct
{
  guint year;
  guint month;
  guint day;
} SpYmd;

static const struct {
  const char *name;
  guint       month;
} month_names[] = {
  { "january", 1 }, { "february", 2 }, { "march", 3 }, { "april", 4 }, { "may", 5 },
  { "june", 6 }, { "july", 7 }, { "august", 8 }, { "september", 9 }, { "october", 10 },
  { "november", 11 }, { "december", 12 },
  { "jan", 1 }, { "feb", 2 }, { "mar", 3 }, { "apr", 4 }, { "jun", 6 }, { "jul", 7 },
  { "aug", 8 }, { "sep", 9 }, { "sept", 9 }, { "oct", 10 }, { "nov", 11 }, { "dec", 12 },
  /* German */
  { "januar", 1 }, { "jänner", 1 }, { "februar", 2 }, { "märz", 3 }, { "mai", 5 },
  { "juni", 6 }, { "juli", 7 }, { "oktober", 10 }, { "dezember", 12 },
  /* French */
  { "janvier", 1 }, { "février", 2 }, { "mars", 3 }, { "avril", 4 }, { "juin", 6 },
  { "juillet", 7 }, { "août", 8 }, { "septembre", 9 }, { "octobre", 10 },
  { "novembre", 11 }, { "décembre", 12 },
  /* Spanish */
  { "enero", 1 }, { "febrero", 2 }, { "marzo", 3 }, { "abril", 4 }, { "mayo", 5 },
  { "junio", 6 }, { "julio", 7 }, { "agosto", 8 }, { "septiembre", 9 }, { "setiembre", 9 },
  { "octubre", 10 }, { "noviembre", 11 }, { "diciembre", 12 },
  /* Italian */
  { "gennaio", 1 }, { "febbraio", 2 }, { "aprile", 4 }, { "maggio", 5 }, { "giugno", 6 },
  { "luglio", 7 }, { "settembre", 9 }, { "ottobre", 10 }, { "dicembre", 12 },
  /* Dutch */
  { "januari", 1 }, { "februari", 2 }, { "maart", 3 }, { "mei", 5 }, { "augustus", 8 },
};

static guint
lookup_month (const char *word,
              gsize       length)
{
  g_autofree char *folded = NULL;

  if (length < 3 || length > 12)
    return 0;

  folded = g_utf8_casefold (word, length);
  for (guint i = 0; i < G_N_ELEMENTS (month_names); i++)
    if (g_str_equal (folded, month_names[i].name))
      return month_names[i].month;

  return 0;
}

static gboolean
is_ordinal_suffix (const char *word,
                   gsize       length)
{
  return length == 2 &&
         (g_ascii_strncasecmp (word, "st", 2) == 0 || g_ascii_strncasecmp (word, "nd", 2) == 0 ||
          g_ascii_strncasecmp (word, "rd", 2) == 0 || g_ascii_strncasecmp (word, "th", 2) == 0);
}

static GArray *
tokenize (const char *line,
          gsize       length)
{
  GArray *tokens = g_array_new (FALSE, FALSE, sizeof (SpToken));
  const char *end = line + length;
  const char *p = line;

  while (p < end)
    {
      SpToken token = { 0 };

      if (g_ascii_isdigit (*p))
        {
          token.kind = TOKEN_NUMBER;
          token.start = p - line;
          for (; p < end && g_ascii_isdigit (*p); p++)
            {
              if (++token.n_digits <= 4)
                token.value = token.value * 10 + (*p - '0');
            }
          token.end = p - line;
          g_array_append_val (tokens, token);
        }
      else if (g_unichar_isalpha (g_utf8_get_char (p)))
        {
          token.kind = TOKEN_WORD;
          token.start = p - line;
          while (p < end && g_unichar_isalpha (g_utf8_get_char (p)))
            p = g_utf8_next_char (p);
          token.end = p - line;
          token.value = lookup_month (line + token.start, token.end - token.start);
          token.ordinal = is_ordinal_suffix (line + token.start, token.end - token.start);
          g_array_append_val (tokens, token);
        }
      else
        p = g_utf8_next_char (p);
    }

  return tokens;
}

/* Whether the text between two tokens is whitespace plus at most one of each character in
 * @punctuation. */
static gboolean
gap_ok (const char *line,
        guint       start,
        guint       end,
        const char *punctuation)
{
  guint seen = 0;

  if (end - start > 6)
    return FALSE;

  for (const char *p = line + start; p < line + end; p = g_utf8_next_char (p))
    {
      const char *which;

      if (g_unichar_isspace (g_utf8_get_char (p)))
        continue;

      which = *p != '\0' ? strchr (punctuation, *p) : NULL;
      if (which == NULL || (seen & (1u << (which - punctuation))) != 0)
        return FALSE;
      seen |= 1u << (which - punctuation);
    }

  return TRUE;
}

/* The text between two tokens is exactly @sep. */
static gboolean
gap_is (const char *line,
        guint       start,
        guint       end,
        char        sep)
{
  return end == start + 1 && line[start] == sep;
}

static gboolean
valid_ymd (guint  year,
           guint  month,
           guint  day,
           SpYmd *ymd)
{
  if (year < MIN_YEAR || year > MAX_YEAR ||
      !g_date_valid_dmy (day, month, year))
    return FALSE;

  ymd->year = year;
  ymd->month = month;
  ymd->day = day;
  return TRUE;
}

static const SpToken *
token_at (GArray *tokens,
          guint   i)
{
  return i < tokens->len ? &g_array_index (tokens, SpToken, i) : NULL;
}

static gboolean
is_number (const SpToken *token,
           guint          min_digits,
           guint          max_digits)
{
  return token != NULL && token->kind == TOKEN_NUMBER &&
         token->n_digits >= min_digits && token->n_digits <= max_digits;
}

static gboolean
is_month (const SpToken *token)
{
  return token != NULL && token->kind == TOKEN_WORD && token->value != 0;
}

/* Matches a date starting at token @i. */
static gboolean
match_at (const char *line,
          GArray     *tokens,
          guint       i,
          SpYmd      *ymd)
{
  const SpToken *a = token_at (tokens, i);
  const SpToken *b = token_at (tokens, i + 1);
  const SpToken *c = token_at (tokens, i + 2);
  const SpToken *d = token_at (tokens, i + 3);

  if (b == NULL || c == NULL)
    return FALSE;

  /* 2025-05-30, 2025/05/30, 2025.05.30 */
  if (is_number (a, 4, 4) && is_number (b, 1, 2) && is_number (c, 1, 2))
    {
      char sep = line[a->end];

      if ((sep == '-' || sep == '/' || sep == '.') &&
          gap_is (line, a->end, b->start, sep) && gap_is (line, b->end, c->start, sep))
        return valid_ymd (a->value, b->value, c->value, ymd);
      return FALSE;
    }

  /* 30.05.2025, 5/30/2025: only when a part above 12 says which is the day */
  if (is_number (a, 1, 2) && is_number (b, 1, 2) && is_number (c, 4, 4))
    {
      char sep = line[a->end];

      if ((sep == '-' || sep == '/' || sep == '.') &&
          gap_is (line, a->end, b->start, sep) && gap_is (line, b->end, c->start, sep))
        {
          if (a->value > 12 && b->value <= 12)
            return valid_ymd (c->value, b->value, a->value, ymd);
          if (b->value > 12 && a->value <= 12)
            return valid_ymd (c->value, a->value, b->value, ymd);
          if (a->value == b->value)
            return valid_ymd (c->value, a->value, a->value, ymd);
        }
      return FALSE;
    }

  /* May 30, 2025; Aug. 17th, 2025 */
  if (is_month (a) && is_number (b, 1, 2) && gap_ok (line, a->end, b->start, "."))
    {
      const SpToken *year = c;
      guint day_end = b->end;

      if (c->kind == TOKEN_WORD && c->ordinal && c->start == b->end)
        {
          year = d;
          day_end = c->end;
        }

      if (is_number (year, 4, 4) && gap_ok (line, day_end, year->start, ","))
        return valid_ymd (year->value, a->value, b->value, ymd);
      return FALSE;
    }

  /* 30 May 2025, 17th Aug. 2025, 30. Mai 2025, 30-May-2025 */
  if (is_number (a, 1, 2))
    {
      const SpToken *month = b;
      const SpToken *year = c;

      if (b->kind == TOKEN_WORD && b->ordinal && b->start == a->end)
        {
          month = c;
          year = d;
        }

      if (is_month (month) && is_number (year, 4, 4) &&
          gap_ok (line, (month == b ? a : b)->end, month->start, ".-") &&
          gap_ok (line, month->end, year->start, ".,-"))
        return valid_ymd (year->value, month->value, a->value, ymd);
    }

  return FALSE;
}

/* The first date in @line; with @reach, only one starting within @reach characters. */
static gboolean
scan_line (const char *line,
           gsize       length,
           guint       reach,
           SpYmd      *ymd)
{
  g_autoptr(GArray) tokens = NULL;
  glong n_chars = 0;
  guint counted = 0;

  if (length > SCAN_BYTES)
    {
      const char *cut = g_utf8_find_prev_char (line, line + SCAN_BYTES + 1);

      length = cut != NULL ? (gsize)(cut - line) : 0;
    }

  tokens = tokenize (line, length);

  for (guint i = 0; i < tokens->len; i++)
    {
      const SpToken *token = &g_array_index (tokens, SpToken, i);

      /* Characters before the token, counted on from the last one's */
      n_chars += g_utf8_strlen (line + counted, token->start - counted);
      counted = token->start;
      if (reach > 0 && n_chars > (glong)reach)
        break;

      if (match_at (line, tokens, i, ymd))
        return TRUE;
    }

  return FALSE;
}

static char *
format_ymd (const SpYmd *ymd)
{
  return g_strdup_printf ("%04u-%02u-%02u", ymd->year, ymd->month, ymd->day);
}

/**
 * sp_date_scan_header:
 * @text: an article's text
 * @max_lines: how many non-empty lines make the header
 *
 * Looks for the article's date in its header: the first date whose reading is certain,
 * starting near the beginning of one of the first @max_lines non-empty lines.
 *
 * Returns: (transfer full) (nullable): the date as YYYY-MM-DD, or %NULL
 */
char *
sp_date_scan_header (const char *text,
                     guint       max_lines)
{
  guint n_lines = 0;

  g_return_val_if_fail (text != NULL, NULL);

  for (const char *line = text; line != NULL && n_lines < max_lines; )
    {
      const char *eol = strchr (line, '\n');
      gsize length = eol != NULL ? (gsize)(eol - line) : strlen (line);
      SpYmd ymd;
      gboolean blank = TRUE;

      for (gsize i = 0; i < length && blank; i++)
        blank = g_ascii_isspace (line[i]);

      if (!blank)
        {
          n_lines++;
          if (scan_line (line, length, DATELINE_REACH, &ymd))
            return format_ymd (&ymd);
        }

      line = eol != NULL ? eol + 1 : NULL;
    }

  return NULL;
}

/**
 * sp_date_parse:
 * @value: a date as metadata gives it: "2025-05-30T10:00:00Z", "Fri, 30 May 2025 10:00:00
 *   +0000", "May 30, 2025", "20250530", ...
 *
 * A timestamp's date is taken as written, without converting its time zone.
 *
 * Returns: (transfer full) (nullable): the date as YYYY-MM-DD, or %NULL when @value holds
 *   no date whose reading is certain
 */
char *
sp_date_parse (const char *value)
{
  g_autofree char *trimmed = NULL;
  SpYmd ymd;

  if (value == NULL)
    return NULL;

  trimmed = g_strstrip (g_strdup (value));

  if (strlen (trimmed) == 8 && strspn (trimmed, "0123456789") == 8)
    {
      guint number = (guint)g_ascii_strtoull (trimmed, NULL, 10);

      if (valid_ymd (number / 10000, number / 100 % 100, number % 100, &ymd))
        return format_ymd (&ymd);
      return NULL;
    }

  if (scan_line (trimmed, strlen (trimmed), 0, &ymd))
    return format_ymd (&ymd);

  return NULL;
}
