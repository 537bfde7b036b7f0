/* test-import-json.c
 *
 * What the JSON reader makes of the text inside a record: NULs that json-glib would cut a
 * string at, bodies written in Markdown, and titles with the site's name glued to their end.
 * Every record here was written for these tests.
 */
#include "config.h"

#include <string.h>

#include "import-test-util.h"
#include "sp-import-formats.h"
#include "sp-json-values.h"

static GPtrArray *
read_as (const char  *file_name,
         const char  *json,
         GError     **error)
{
  const SpImportFormat *format = sp_import_format_for_name (file_name);
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));

  g_assert_nonnull (format);
  return sp_import_format_read (format, bytes, error);
}

static SpArticle *
article_at (GPtrArray *articles,
            guint      index)
{
  g_assert_cmpuint (index, <, articles->len);
  return g_ptr_array_index (articles, index);
}

/* NULs */

/* The escape is marked in place; an escaped backslash before "u0000" is not a NUL */
static void
test_json_mark_nuls (void)
{
  char text[] = "{\"a\": \"x\\u0000y\", \"b\": \"\\\\u0000\", \"c\": \"\\uFFFF \357\277\277\"}";
  const char expected[] = "{\"a\": \"x\\uffffy\", \"b\": \"\\\\u0000\", \"c\": \"\\ufffd \357\277\275\"}";

  g_assert_cmpuint (sp_json_mark_nuls (text, strlen (text)), ==, 1);
  g_assert_cmpstr (text, ==, expected);
}

/* A NUL in a field the article is read from refuses the record, naming the field; the
 * records around it are read whole */
static void
test_json_nul_refused (void)
{
  static const char json[] =
    "[{\"title\": \"Before\", \"body\": \"The first record is whole.\"},\n"
    " {\"title\": \"Cut\", \"content\": \"The envoy said\\u0000 the talks would go on.\"},\n"
    " {\"title\": \"After\", \"body\": \"A path C:\\\\u0000 is no NUL.\"}]";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = read_as ("nul.json", json, &error);
  SpArticle *skipped;

  g_assert_no_error (error);
  g_assert_cmpuint (articles->len, ==, 3);
  g_assert_cmpstr (article_at (articles, 0)->body, ==, "The first record is whole.");
  g_assert_cmpstr (article_at (articles, 1)->title, ==, "After");
  g_assert_cmpstr (article_at (articles, 1)->body, ==, "A path C:\\u0000 is no NUL.");

  skipped = article_at (articles, 2);
  g_assert_null (skipped->body);
  g_assert_nonnull (strstr (skipped->skipped, "NUL character"));
  g_assert_nonnull (strstr (skipped->skipped, "“content”"));
  g_assert_nonnull (strstr (skipped->skipped, "record 2"));
}

/* The same in JSON Lines, and in a field the body is found in by its length */
static void
test_json_nul_lines (void)
{
  static const char jsonl[] =
    "{\"title\": \"Fine\", \"text\": \"Nothing odd here.\"}\n"
    "{\"title\": \"Odd\", \"notes\": \"One two three four five six seven eight nine ten eleven "
    "twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty twenty-one "
    "words of prose, and then a NUL\\u0000 that would have ended the body right there, "
    "leaving the rest of this long paragraph unread and unreported.\"}\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = read_as ("nul.jsonl", jsonl, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (articles->len, ==, 2);
  g_assert_cmpstr (article_at (articles, 0)->title, ==, "Fine");
  g_assert_nonnull (strstr (article_at (articles, 1)->skipped, "“notes”"));

  /* Every record cut: the file gives no article, and says why */
  g_clear_pointer (&articles, g_ptr_array_unref);
  articles = read_as ("all.json", "{\"title\": \"T\", \"body\": \"\\u0000\"}", &error);
  g_assert_null (articles);
  g_assert_error (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_EMPTY);
  g_assert_nonnull (strstr (error->message, "NUL character"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import/json/mark-nuls", test_json_mark_nuls);
  g_test_add_func ("/import/json/nul-refused", test_json_nul_refused);
  g_test_add_func ("/import/json/nul-lines", test_json_nul_lines);

  return g_test_run ();
}
