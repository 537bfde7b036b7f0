#include "config.h"

#include <string.h>

#include "import-test-util.h"
#include "sp-html-reader.h"
#include "sp-markdown-reader.h"
#include "sp-text-decode.h"
#include "sp-text-reader.h"

const char sp_test_png_bytes[] =
  "\211PNG\r\n\032\n\0\0\0\rIHDR\0\0\0\001\0\0\0\001\010\006\0\0\0\037\025\304\211";
const gsize sp_test_png_length = sizeof sp_test_png_bytes - 1;

char *
sp_test_fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", "import", name, NULL);
}

GBytes *
sp_test_fixture_bytes (const char *name)
{
  g_autofree char *path = sp_test_fixture_path (name);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, length);
}

char *
sp_test_write_file (const char *dir,
                    const char *name,
                    const char *data,
                    gssize      length)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *parent = NULL;
  char *path = g_build_filename (dir, name, NULL);

  parent = g_path_get_dirname (path);
  g_assert_cmpint (g_mkdir_with_parents (parent, 0755), ==, 0);
  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);

  return path;
}

char *
sp_test_copy_fixture (const char *dir,
                      const char *fixture,
                      const char *name)
{
  g_autoptr(GBytes) bytes = sp_test_fixture_bytes (fixture);
  gsize length = 0;
  const char *data = g_bytes_get_data (bytes, &length);

  return sp_test_write_file (dir, name, data, length);
}

SpImportReport *
sp_test_import_paths (SpProject          *project,
                      const char * const *paths)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  SpImportReport *report;

  for (guint i = 0; paths[i] != NULL; i++)
    g_ptr_array_add (files, g_file_new_for_path (paths[i]));

  report = sp_import_paths (project, (GFile * const *)files->pdata, files->len,
                            NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);

  return report;
}

SpImportReport *
sp_test_import_path (SpProject  *project,
                     const char *path)
{
  const char *paths[] = { path, NULL };

  return sp_test_import_paths (project, paths);
}

const SpImportEntry *
sp_test_entry_for (SpImportReport *report,
                   const char     *base_name)
{
  for (guint i = 0; i < sp_import_report_get_n_entries (report); i++)
    {
      const SpImportEntry *entry = sp_import_report_get_entry (report, i);
      g_autofree char *name = g_path_get_basename (entry->path);

      if (g_str_equal (name, base_name))
        return entry;
    }

  g_error ("No report entry for %s", base_name);
  return NULL;
}

char *
sp_test_decode (const char  *data,
                gssize       length,
                const char  *charset,
                GError     **error)
{
  return sp_text_decode (data, length < 0 ? strlen (data) : (gsize)length, charset,
                         SP_TEXT_DECODE_DEFAULT, error);
}

SpArticle *
sp_test_read_html (const char *html)
{
  g_autoptr(GError) error = NULL;
  SpArticle *article = sp_html_reader_read (html, strlen (html), NULL, &error);

  g_assert_no_error (error);
  return article;
}

/* Reads the HTML fixture @name, which must read without error */
SpArticle *
sp_test_read_html_fixture (const char *name)
{
  g_autoptr(GBytes) bytes = sp_test_fixture_bytes (name);
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  const char *data = g_bytes_get_data (bytes, &length);
  SpArticle *article = sp_html_reader_read (data, length, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (article);
  return article;
}

SpArticle *
sp_test_read_markdown (const char *markdown)
{
  g_autoptr(GError) error = NULL;
  SpArticle *article = sp_markdown_reader_read (markdown, NULL, &error);

  g_assert_no_error (error);
  return article;
}

SpArticle *
sp_test_read_plain (const char *text)
{
  g_autoptr(GError) error = NULL;
  SpArticle *article = sp_text_reader_read_plain (text, NULL, &error);

  g_assert_no_error (error);
  return article;
}

/**
 * sp_test_corpus_dir:
 * @sub: a folder of the shared corpus
 *
 * Returns: (nullable): the folder in ../shared/corpus (or $SP_CORPUS_DIR), or %NULL with the
 *   test marked skipped, saying why, when it is not there
 */
char *
sp_test_corpus_dir (const char *sub)
{
  const char *env = g_getenv ("SP_CORPUS_DIR");
  g_autofree char *dir = NULL;

  if (env != NULL && env[0] != '\0')
    dir = g_build_filename (env, sub, NULL);
  else
    dir = g_test_build_filename (G_TEST_DIST, "..", "..", "shared", "corpus", sub, NULL);

  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *message = g_strdup_printf ("%s is not there (set SP_CORPUS_DIR to the "
                                                  "shared corpus to run this test)", dir);
      g_test_skip (message);
      return NULL;
    }

  return g_steal_pointer (&dir);
}
