/* sp-project-lists.c
 *
 * The string lists that hang off the codebook: an actor's aliases and an issue's keywords.
 * Both are cleaned by the one rule for names (sp-name.h) before they are written, and read
 * back for a whole listing in one query.
 */
#define G_LOG_DOMAIN "sp-project"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-name.h"
#include "sp-project-private.h"

/*
 * _sp_string_list_clean:
 * @items: (nullable): what the caller was given
 * @exclude: (nullable): a name whose repeats are dropped too (an actor's own name)
 *
 * Normalises every item (sp_name_normalize()), drops empty ones, items that are not valid
 * UTF-8 and repeats under sp_name_fold(), keeping the first spelling.
 *
 * Returns: (transfer full): the cleaned list
 */
GStrv
_sp_string_list_clean (const char * const *items,
                       const char         *exclude)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (exclude != NULL)
    {
      char *key = sp_name_fold (exclude);

      if (key != NULL)
        g_hash_table_add (seen, key);
    }

  for (guint i = 0; items != NULL && items[i] != NULL; i++)
    {
      g_autofree char *item = sp_name_normalize (items[i]);
      g_autofree char *key = NULL;

      if (item == NULL || item[0] == '\0')
        continue;

      key = sp_name_fold (item);
      if (g_hash_table_contains (seen, key))
        continue;

      g_hash_table_add (seen, g_steal_pointer (&key));
      g_strv_builder_add (builder, item);
    }

  return g_strv_builder_end (builder);
}

static void
null_terminate_cb (gpointer key,
                   gpointer value,
                   gpointer user_data)
{
  g_ptr_array_add (value, NULL);
}

/*
 * _sp_project_load_string_lists:
 * @sql: selects (owner id, string) rows in the order the lists keep
 *
 * Returns: (transfer full): owner id -> its strings; read them with
 *   _sp_string_lists_lookup()
 */
GHashTable *
_sp_project_load_string_lists (SpProject   *self,
                               const char  *sql,
                               GError     **error)
{
  g_autoptr(GHashTable) lists = NULL;
  g_autoptr(SpStmt) stmt = NULL;
  int rc;

  if (!(stmt = _sp_project_prepare (self, sql, error)))
    return NULL;

  lists = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                 (GDestroyNotify)g_ptr_array_unref);

  while ((rc = _sp_project_step_row (self, stmt, _("Could not read the codebook"), error)) > 0)
    {
      gint64 owner = sqlite3_column_int64 (stmt, 0);
      GPtrArray *list = g_hash_table_lookup (lists, &owner);

      if (list == NULL)
        {
          list = g_ptr_array_new_with_free_func (g_free);
          g_hash_table_insert (lists, g_memdup2 (&owner, sizeof owner), list);
        }
      g_ptr_array_add (list, g_strdup (_sp_project_column_text (stmt, 1)));
    }

  if (rc < 0)
    return NULL;

  g_hash_table_foreach (lists, null_terminate_cb, NULL);

  return g_steal_pointer (&lists);
}

/* Returns: (nullable): the NULL-terminated strings of @owner */
const char * const *
_sp_string_lists_lookup (GHashTable *lists,
                         gint64      owner)
{
  GPtrArray *list = g_hash_table_lookup (lists, &owner);

  return list != NULL ? (const char * const *)list->pdata : NULL;
}
