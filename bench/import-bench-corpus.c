/* import-bench-corpus.c
 *
 * Press releases from CSV (RFC 4180: quoted fields with doubled quotes, which may hold line
 * breaks) to plain-text files. The columns are found by their names in the first row.
 */
#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "import-bench-corpus.h"

/**
 * sp_bench_corpus_dir:
 *
 * Returns: (transfer full) (nullable): the folder @sub of the shared corpus ($SP_CORPUS_DIR,
 *   or ../shared/corpus next to the source tree), or %NULL when it is not there
 */
char *
sp_bench_corpus_dir (const char *sub)
{
  const char *env = g_getenv ("SP_CORPUS_DIR");
  g_autofree char *dir = NULL;

  if (env != NULL && env[0] != '\0')
    dir = g_build_filename (env, sub, NULL);
  else
    dir = g_build_filename (SP_SHARED_CORPUS, sub, NULL);

  return g_file_test (dir, G_FILE_TEST_IS_DIR) ? g_steal_pointer (&dir) : NULL;
}

/* The fields of the CSV row at *@p, which moves to the next row; %NULL at the end */
static GPtrArray *
next_row (const char **p,
          const char  *end)
{
  GPtrArray *fields;

  if (*p >= end)
    return NULL;

  fields = g_ptr_array_new_with_free_func (g_free);

  for (;;)
    {
      GString *field = g_string_new (NULL);

      if (*p < end && **p == '"')
        {
          for ((*p)++; *p < end; (*p)++)
            {
              if (**p == '"' && *p + 1 < end && (*p)[1] == '"')
                {
                  g_string_append_c (field, '"');
                  (*p)++;
                }
              else if (**p == '"')
                {
                  (*p)++;
                  break;
                }
              else
                g_string_append_c (field, **p);
            }
        }

      while (*p < end && **p != ',' && **p != '\n')
        {
          if (**p != '\r')
            g_string_append_c (field, **p);
          (*p)++;
        }

      g_ptr_array_add (fields, g_string_free (field, FALSE));

      if (*p >= end || **p == '\n')
        {
          (*p)++;
          return fields;
        }
      (*p)++;
    }
}

static int
column (GPtrArray  *header,
        const char *name)
{
  for (guint i = 0; i < header->len; i++)
    if (g_str_equal (g_ptr_array_index (header, i), name))
      return (int)i;

  return -1;
}

static gsize
write_csv (const char  *csv_path,
           const char  *folder,
           const char  *prefix,
           GPtrArray   *paths,
           GError     **error)
{
  g_autofree char *contents = NULL;
  g_autoptr(GPtrArray) header = NULL;
  const char *p;
  const char *end;
  gsize length;
  gsize n_bytes = 0;
  int headline, date, body;
  guint n = 0;

  if (!g_file_get_contents (csv_path, &contents, &length, error))
    return 0;

  p = contents;
  end = contents + length;
  header = next_row (&p, end);
  if (header == NULL ||
      (headline = column (header, "headline")) < 0 ||
      (date = column (header, "date")) < 0 ||
      (body = column (header, "body")) < 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "%s: no headline, date and body columns", csv_path);
      return 0;
    }

  for (;;)
    {
      g_autoptr(GPtrArray) row = next_row (&p, end);
      g_autofree char *name = NULL;
      g_autofree char *path = NULL;
      g_autofree char *text = NULL;
      const char *day;

      if (row == NULL)
        break;
      if (row->len <= (guint)MAX (headline, MAX (date, body)))
        continue;

      day = g_ptr_array_index (row, date);
      text = g_strdup_printf ("%s\n%.10s\n\n%s\n", (char *)g_ptr_array_index (row, headline),
                              day, (char *)g_ptr_array_index (row, body));
      name = g_strdup_printf ("%s-%04u.txt", prefix, n++);
      path = g_build_filename (folder, name, NULL);
      if (!g_file_set_contents (path, text, -1, error))
        return 0;

      n_bytes += strlen (text);
      g_ptr_array_add (paths, g_steal_pointer (&path));
    }

  return n_bytes;
}

/**
 * sp_bench_write_press_releases:
 * @corpus_dir: the press releases' folder of the shared corpus
 * @folder: an existing folder for the articles
 * @paths: (element-type filename): where the files' paths are added
 *
 * Returns: the number of bytes written, or 0 with @error set
 */
gsize
sp_bench_write_press_releases (const char  *corpus_dir,
                               const char  *folder,
                               GPtrArray   *paths,
                               GError     **error)
{
  static const char * const files[] = { "putin", "zelenskyy" };
  gsize n_bytes = 0;

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *name = g_strconcat (files[i], ".csv", NULL);
      g_autofree char *csv = g_build_filename (corpus_dir, name, NULL);
      gsize n = write_csv (csv, folder, files[i], paths, error);

      if (n == 0)
        return 0;
      n_bytes += n;
    }

  return n_bytes;
}
