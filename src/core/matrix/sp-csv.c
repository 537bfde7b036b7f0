/* sp-csv.c
 *
 * Every CSV Standpoint writes goes through these two functions, so that quoting and formula
 * neutralisation are the same in every export. A number is written with
 * sp_csv_append_field(); anything that came from a person or an article (a name, a title, a
 * note) with sp_csv_append_text_field(), which neutralises it: "-Foo" must stay text, while
 * "-0.5" in a numeric column must stay a number.
 */
#define G_LOG_DOMAIN "sp-csv"

#include "config.h"

#include <string.h>

#include "sp-csv.h"

static void
append_quoted (GString    *line,
               const char *prefix,
               const char *text)
{
  gboolean quote = strpbrk (text, ",\"\r\n") != NULL;

  if (!quote)
    {
      g_string_append (line, prefix);
      g_string_append (line, text);
      return;
    }

  g_string_append_c (line, '"');
  g_string_append (line, prefix);
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (line, '"');
      g_string_append_c (line, *p);
    }
  g_string_append_c (line, '"');
}

static void
append_field (GString    *line,
              const char *prefix,
              const char *text,
              gboolean    first)
{
  if (!first)
    g_string_append_c (line, ',');

  if (text != NULL)
    append_quoted (line, prefix, text);
}

/**
 * sp_csv_append_field:
 * @line: the line being built
 * @text: (nullable): the field's text, written as it is; %NULL for an empty field
 * @first: whether this is the line's first field (no separator before it)
 *
 * Appends one field, quoted when it holds a comma, a double quote, CR or LF, with double
 * quotes doubled. Use it for numbers and fixed names; text from elsewhere goes through
 * sp_csv_append_text_field().
 */
void
sp_csv_append_field (GString    *line,
                     const char *text,
                     gboolean    first)
{
  g_return_if_fail (line != NULL);
  append_field (line, "", text, first);
}

/**
 * sp_csv_needs_neutralising:
 * @text: (nullable): a text field
 *
 * Returns: whether a spreadsheet could take @text for a formula: it starts with `=`, `+`,
 *   `-`, `@`, a tab or a carriage return
 */
gboolean
sp_csv_needs_neutralising (const char *text)
{
  return text != NULL && text[0] != '\0' && strchr ("=+-@\t\r", text[0]) != NULL;
}

/**
 * sp_csv_append_text_field:
 * @line: the line being built
 * @text: (nullable): text from a person or an article
 * @first: whether this is the line's first field
 *
 * Like sp_csv_append_field(), but text that a spreadsheet would run as a formula gets a
 * single quote in front, which spreadsheets show as text and do not evaluate.
 */
void
sp_csv_append_text_field (GString    *line,
                          const char *text,
                          gboolean    first)
{
  g_return_if_fail (line != NULL);
  append_field (line, sp_csv_needs_neutralising (text) ? "'" : "", text, first);
}
