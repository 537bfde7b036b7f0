/* sp-text-cleaner.c
 *
 * Line hashes: a line is compared to the lines of other documents after case folding, with
 * runs of digits as one "0" and runs of white space as one space, so that "Posted 3 hours
 * ago" and "Posted 12 hours ago" count as the same furniture. Only lines short enough to be
 * furniture are hashed.
 */
#define G_LOG_DOMAIN "sp-text-cleaner"

#include "config.h"

#include <string.h>

#include "sp-text-cleaner.h"

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
      gunichar c = g_utf8_get_char_validated (p, end - p);
      char folded[6 * 3];
      gsize n;

      if (c == (gunichar)-1 || c == (gunichar)-2)
        break;

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

      if (length > 0 && g_utf8_strlen (line, length) <= FURNITURE_MAX_CHARS)
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

/**
 * sp_text_clean:
 * @count: (nullable) (scope call): how many other documents hold a line
 *
 * Cleans @article's body in place, moving what it takes out to @article's removed blocks.
 */
void
sp_text_clean (SpArticle       *article,
               SpLineCountFunc  count,
               gpointer         user_data)
{
  g_return_if_fail (article != NULL && article->body != NULL);
}
