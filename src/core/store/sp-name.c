/* sp-name.c
 *
 * A name is stored in NFC with its surrounding white space removed and every inner run of
 * white space made one space, so that "Émile Dupont" typed with a combining accent, pasted
 * with a tab or a no-break space, is stored as the same string as the precomposed one.
 *
 * Two names are the same when their fold keys are equal. The key is Unicode canonical
 * caseless matching (NFD, full case folding, then NFC so that keys stay short and readable
 * in the database): "Ōsaka Group", "ōSAKA GROUP" and "ŌSAKA GROUP" share one key, as do
 * "Straße" and "STRASSE".
 */
#define G_LOG_DOMAIN "sp-name"

#include "config.h"

#include <string.h>

#include "sp-name.h"

/**
 * sp_name_normalize:
 * @name: (nullable): UTF-8 text
 *
 * Returns: (transfer full) (nullable): @name in NFC, trimmed, with every run of white space
 *   (Unicode spaces, tabs, line breaks) made one ASCII space; %NULL if @name is %NULL or not
 *   valid UTF-8. An empty string stays empty: whether that is allowed is the caller's rule.
 */
char *
sp_name_normalize (const char *name)
{
  g_autofree char *nfc = NULL;
  g_autoptr(GString) out = NULL;
  gboolean pending_space = FALSE;

  if (name == NULL || !g_utf8_validate (name, -1, NULL))
    return NULL;

  if (!(nfc = g_utf8_normalize (name, -1, G_NORMALIZE_NFC)))
    return NULL;

  out = g_string_sized_new (strlen (nfc));
  for (const char *p = nfc; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || g_unichar_type (c) == G_UNICODE_SPACE_SEPARATOR)
        {
          pending_space = out->len > 0;
          continue;
        }

      if (pending_space)
        g_string_append_c (out, ' ');
      pending_space = FALSE;
      g_string_append_unichar (out, c);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * sp_name_fold:
 * @name: (nullable): UTF-8 text
 *
 * Returns: (transfer full) (nullable): the key under which @name is unique: its normal form
 *   (sp_name_normalize()) compared without case, by canonical caseless matching; %NULL if
 *   @name is %NULL or not valid UTF-8.
 */
char *
sp_name_fold (const char *name)
{
  g_autofree char *normal = sp_name_normalize (name);
  g_autofree char *decomposed = NULL;
  g_autofree char *folded = NULL;

  if (normal == NULL)
    return NULL;

  decomposed = g_utf8_normalize (normal, -1, G_NORMALIZE_NFD);
  folded = g_utf8_casefold (decomposed, -1);
  return g_utf8_normalize (folded, -1, G_NORMALIZE_NFC);
}

/**
 * sp_name_equal:
 *
 * Returns: whether @a and @b name the same thing under sp_name_fold(); %FALSE if either is
 *   %NULL or not valid UTF-8.
 */
gboolean
sp_name_equal (const char *a,
               const char *b)
{
  g_autofree char *fa = sp_name_fold (a);
  g_autofree char *fb = sp_name_fold (b);

  return fa != NULL && fb != NULL && g_str_equal (fa, fb);
}

/**
 * sp_name_lists_overlap:
 * @lists: @n_lists lists of names, each %NULL-terminated
 * @list: (out): the list of the first name an earlier list also holds
 * @index: (out): its index in that list
 * @earlier: (out): the earlier list that holds it
 *
 * Whether two of @lists hold the same name under sp_name_fold() (an issue's keyword that
 * is also its opposing keyword). Repeats within one list do not count. Linear in the names.
 *
 * Returns: %TRUE when they do, with the first such name found
 */
gboolean
sp_name_lists_overlap (const char * const * const *lists,
                       guint                       n_lists,
                       guint                      *list,
                       guint                      *index,
                       guint                      *earlier)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint k = 0; k < n_lists; k++)
    for (guint i = 0; lists[k] != NULL && lists[k][i] != NULL; i++)
      {
        char *fold = sp_name_fold (lists[k][i]);
        guint holder;

        if (fold == NULL)
          continue;
        holder = GPOINTER_TO_UINT (g_hash_table_lookup (seen, fold));
        if (holder != 0 && holder - 1 != k)
          {
            *list = k;
            *index = i;
            *earlier = holder - 1;
            g_free (fold);
            return TRUE;
          }
        if (holder == 0)
          g_hash_table_insert (seen, fold, GUINT_TO_POINTER (k + 1));
        else
          g_free (fold);
      }

  return FALSE;
}
