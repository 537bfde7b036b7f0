/* bench-articles.c
 *
 * Made-up plain-text articles for the benchmarks: 3–5 KB of invented words each, with a
 * headline and a dateline, the same for a given seed.
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "bench-articles.h"

static const char * const syllables[] = {
  "ka", "lo", "mi", "ne", "ra", "to", "vu", "sel", "mar", "dun", "tre", "pol", "an", "is",
  "or", "ven", "gal", "ster", "bri", "co", "fe", "ha", "jin", "qua", "wes", "zor", "ul",
  "em", "pri", "da",
};

static const char * const months[] = {
  "January", "February", "March", "April", "May", "June", "July", "August", "September",
  "October", "November", "December",
};

static void
append_word (GString *out,
             GRand   *rand,
             gboolean capital)
{
  guint n = g_rand_int_range (rand, 1, 5);
  gsize start = out->len;

  for (guint i = 0; i < n; i++)
    g_string_append (out, syllables[g_rand_int_range (rand, 0, G_N_ELEMENTS (syllables))]);

  if (capital)
    out->str[start] = g_ascii_toupper (out->str[start]);
}

static void
append_sentence (GString *out,
                 GRand   *rand)
{
  guint n = g_rand_int_range (rand, 8, 25);

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append (out, g_rand_int_range (rand, 0, 12) == 0 ? ", " : " ");
      append_word (out, rand, i == 0 || g_rand_int_range (rand, 0, 10) == 0);
    }

  g_string_append (out, g_rand_int_range (rand, 0, 15) == 0 ? "?" : ".");
}

char *
sp_bench_make_article (GRand *rand)
{
  GString *out = g_string_new (NULL);
  gsize target = g_rand_int_range (rand, 3000, 5001);
  guint n_title = g_rand_int_range (rand, 5, 11);

  for (guint i = 0; i < n_title; i++)
    {
      if (i > 0)
        g_string_append_c (out, ' ');
      append_word (out, rand, i == 0 || g_rand_boolean (rand));
    }

  g_string_append (out, "\n\n");
  append_word (out, rand, TRUE);
  g_string_append_printf (out, ", %d %s %d\n\n", g_rand_int_range (rand, 1, 29),
                          months[g_rand_int_range (rand, 0, 12)], g_rand_int_range (rand, 2020, 2027));

  while (out->len < target)
    {
      guint n = g_rand_int_range (rand, 3, 7);

      for (guint i = 0; i < n; i++)
        {
          if (i > 0)
            g_string_append_c (out, ' ');
          append_sentence (out, rand);
        }
      g_string_append (out, "\n\n");
    }

  return g_string_free (out, FALSE);
}

void
sp_bench_remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          sp_bench_remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

/**
 * sp_bench_write_articles:
 * @folder: an existing folder
 * @paths: (element-type filename): where the files' paths are added
 *
 * Returns: the number of bytes written, or 0 with @error set
 */
gsize
sp_bench_write_articles (const char  *folder,
                         guint        n,
                         GRand       *rand,
                         GPtrArray   *paths,
                         GError     **error)
{
  gsize n_bytes = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("%06u.txt", i);
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_autofree char *text = sp_bench_make_article (rand);

      n_bytes += strlen (text);
      if (!g_file_set_contents (path, text, -1, error))
        return 0;
      if (paths != NULL)
        g_ptr_array_add (paths, g_steal_pointer (&path));
    }

  return n_bytes;
}
