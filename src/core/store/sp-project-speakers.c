/* sp-project-speakers.c
 *
 * What the suggestion engine keeps in a project besides its suggestions: the learnt model,
 * as bytes the store does not interpret (sp-suggest-model.c reads them, bounds-checked),
 * and the speakers a pass saw who are not in the codebook, for the analyst to add as actors
 * or dismiss. A speaker is one row per name under the one rule for names (sp-name.h); one
 * whose name became an actor's name or alias is no longer listed. Setting the model and
 * dismissing a speaker are the analyst's doing and are undone like any edit; a pass's list
 * of speakers is not an edit (like an import) and keeps the dismissed ones dismissed.
 */
#define G_LOG_DOMAIN "sp-project-speakers"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-name.h"
#include "sp-project-private.h"

/* Far above any model sp-suggest-model.c writes; a bigger blob is not ours */
#define MAX_MODEL_BYTES (64 * 1024 * 1024)

/**
 * sp_project_get_model:
 *
 * Returns: (transfer full) (nullable): the learnt model's bytes, or %NULL without an error
 *   when the project has none yet
 */
GBytes *
sp_project_get_model (SpProject  *self,
                      GError    **error)
{
  g_autoptr(SpStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (SP_IS_PROJECT (self), NULL);

  if (!(stmt = _sp_project_prepare (self, "SELECT model FROM suggestion_model WHERE id = 1", error)))
    return NULL;

  if ((rc = _sp_project_step_row (self, stmt, _("Could not read the learnt model"), error)) <= 0)
    return NULL;

  return g_bytes_new (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));
}

/**
 * sp_project_set_model:
 *
 * Stores the learnt model's bytes, as one undo step or as part of the caller's action.
 */
gboolean
sp_project_set_model (SpProject  *self,
                      GBytes     *model,
                      GError    **error)
{
  g_autofree char *now = _sp_project_now ();
  g_autoptr(SpStmt) stmt = NULL;
  gboolean ok;

  g_return_val_if_fail (SP_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (model != NULL, FALSE);

  if (g_bytes_get_size (model) > MAX_MODEL_BYTES)
    {
      g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_INVALID,
                   _("The learnt model is too big to store (%zu bytes)"), g_bytes_get_size (model));
      return FALSE;
    }

  if (!sp_project_begin_action (self, _("Teach the Suggestions"), error))
    return FALSE;

  ok = _sp_project_touch (self, SP_TABLE_SUGGESTION_MODEL, 1, error) &&
       (stmt = _sp_project_prepare (self,
                                    "INSERT INTO suggestion_model (id, model, updated) VALUES (1, ?1, ?2) "
                                    "ON CONFLICT (id) DO UPDATE SET model = excluded.model, "
                                    "updated = excluded.updated",
                                    error)) != NULL;
  if (ok)
    {
      _sp_project_bind_blob (stmt, 1, model);
      _sp_project_bind_text (stmt, 2, now);
      ok = _sp_project_step_done (self, stmt, error);
    }
  if (ok)
    _sp_project_mark_changed (self, SP_CHANGE_SUGGESTIONS);

  return sp_project_end_action (self, ok, error);
}

void
sp_discovered_speaker_free (SpDiscoveredSpeaker *speaker)
{
  if (speaker == NULL)
    return;

  g_free (speaker->name);
  g_free (speaker->title);
  g_free (speaker->affiliation);
  g_free (speaker);
}

/* One speaker of a pass, its name normalised, merged with the pass's other mentions of it */
typedef struct
{
  char   *name;
  char   *title;
  char   *affiliation;
  guint   n_mentions;
  gint64  document_id;
} Merged;

static void
merged_free (gpointer data)
{
  Merged *m = data;

  g_free (m->name);
  g_free (m->title);
  g_free (m->affiliation);
  g_free (m);
}

/* Text from an article, made one line of valid UTF-8; NULL stays NULL, empty becomes NULL */
static char *
clean_optional (const char *text)
{
  g_autofree char *clean = sp_name_normalize (text);

  if (clean == NULL || clean[0] == '\0')
    return NULL;

  return g_steal_pointer (&clean);
}

static GHashTable *
merge_speakers (const SpSpeakerFields *speakers,
                guint                  n_speakers)
{
  g_autoptr(GHashTable) merged = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, merged_free);

  for (guint i = 0; i < n_speakers; i++)
    {
      const SpSpeakerFields *s = &speakers[i];
      g_autofree char *name = sp_name_normalize (s->name);
      g_autofree char *key = NULL;
      Merged *m;

      if (name == NULL || name[0] == '\0' || !(key = sp_name_fold (name)) || key[0] == '\0')
        continue;

      if ((m = g_hash_table_lookup (merged, key)) == NULL)
        {
          m = g_new0 (Merged, 1);
          m->name = g_steal_pointer (&name);
          m->document_id = s->document_id;
          g_hash_table_insert (merged, g_steal_pointer (&key), m);
        }

      m->n_mentions = MIN ((guint64)m->n_mentions + s->n_mentions, G_MAXINT32);
      if (m->title == NULL)
        m->title = clean_optional (s->title);
      if (m->affiliation == NULL)
        m->affiliation = clean_optional (s->affiliation);
    }

  return g_steal_pointer (&merged);
}

static gboolean
write_speakers (SpProject   *self,
                GHashTable  *merged,
                GError     **error)
{
  g_autoptr(SpStmt) upsert = NULL;
  g_autoptr(SpStmt) drop = NULL;
  g_autoptr(SpStmt) documents = NULL;
  GHashTableIter iter;
  gpointer key, value;

  /* dropped first, so that a speaker seen again keeps its row */
  if (!(drop = _sp_project_prepare (self, "UPDATE speakers SET mentions = 0 WHERE dismissed = 0", error)) ||
      !_sp_project_step_done (self, drop, error) ||
      !(documents = _sp_project_prepare (self, "SELECT 1 FROM documents WHERE id = ?1", error)) ||
      !(upsert = _sp_project_prepare (self,
                                      "INSERT INTO speakers (key, name, title, affiliation, mentions, "
                                      "document_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6) "
                                      "ON CONFLICT (key) DO UPDATE SET name = excluded.name, "
                                      "title = excluded.title, affiliation = excluded.affiliation, "
                                      "mentions = excluded.mentions, document_id = excluded.document_id",
                                      error)))
    return FALSE;

  g_hash_table_iter_init (&iter, merged);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Merged *m = value;
      int rc;

      sqlite3_reset (documents);
      sqlite3_bind_int64 (documents, 1, m->document_id);
      if ((rc = _sp_project_step_row (self, documents, _("Could not read the documents"), error)) < 0)
        return FALSE;

      sqlite3_reset (upsert);
      sqlite3_clear_bindings (upsert);
      _sp_project_bind_text (upsert, 1, key);
      _sp_project_bind_text (upsert, 2, m->name);
      _sp_project_bind_text (upsert, 3, m->title);
      _sp_project_bind_text (upsert, 4, m->affiliation);
      sqlite3_bind_int64 (upsert, 5, m->n_mentions);
      if (rc > 0)
        sqlite3_bind_int64 (upsert, 6, m->document_id);
      if (!_sp_project_step_done (self, upsert, error))
        return FALSE;
    }

  return _sp_project_exec (self, "DELETE FROM speakers WHERE dismissed = 0 AND mentions = 0", error);
}

/**
 * sp_project_replace_speakers:
 * @speakers: (array length=n_speakers): what a pass saw; several entries of one name add up
 *
 * Makes the list of discovered speakers the pass's: speakers it did not see go, unless the
 * analyst dismissed them (a dismissed name stays dismissed when seen again). Names that are
 * empty or not UTF-8 are passed over. Not an undo step.
 */
gboolean
sp_project_replace_speakers (SpProject              *self,
                             const SpSpeakerFields  *speakers,
                             guint                   n_speakers,
                             GError                **error)
{
  g_autoptr(GHashTable) merged = NULL;
  gboolean ok;

  g_return_val_if_fail (SP_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (speakers != NULL || n_speakers == 0, FALSE);

  merged = merge_speakers (speakers, n_speakers);

  if (!sp_project_begin_action (self, NULL, error))
    return FALSE;

  ok = write_speakers (self, merged, error);
  if (ok)
    _sp_project_mark_changed (self, SP_CHANGE_SUGGESTIONS);

  return sp_project_end_action (self, ok, error);
}

/**
 * sp_project_list_speakers:
 * @with_dismissed: whether dismissed speakers are listed too
 *
 * The speakers passes saw who are not (or not yet) actors: none whose name is an actor's
 * name or alias.
 *
 * Returns: (transfer full) (element-type SpDiscoveredSpeaker): most mentioned first, then
 *   by name
 */
GPtrArray *
sp_project_list_speakers (SpProject  *self,
                          gboolean    with_dismissed,
                          GError    **error)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(SpStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (SP_IS_PROJECT (self), NULL);

  if (!(stmt = _sp_project_prepare (self,
                                    "SELECT id, name, title, affiliation, mentions, document_id, dismissed "
                                    "FROM speakers s "
                                    "WHERE (?1 OR s.dismissed = 0) "
                                    "AND NOT EXISTS (SELECT 1 FROM actor_keys k WHERE k.key = s.key) "
                                    "ORDER BY s.mentions DESC, s.key, s.id",
                                    error)))
    return NULL;

  sqlite3_bind_int (stmt, 1, with_dismissed ? 1 : 0);
  list = g_ptr_array_new_with_free_func ((GDestroyNotify)sp_discovered_speaker_free);

  while ((rc = _sp_project_step_row (self, stmt, _("Could not list the discovered speakers"), error)) > 0)
    {
      SpDiscoveredSpeaker *speaker = g_new0 (SpDiscoveredSpeaker, 1);

      speaker->id = sqlite3_column_int64 (stmt, 0);
      speaker->name = _sp_project_dup_display_text (stmt, 1);
      speaker->title = _sp_project_dup_display_text (stmt, 2);
      speaker->affiliation = _sp_project_dup_display_text (stmt, 3);
      speaker->n_mentions = sqlite3_column_int (stmt, 4);
      speaker->document_id = sqlite3_column_int64 (stmt, 5);
      speaker->dismissed = sqlite3_column_int (stmt, 6) != 0;
      g_ptr_array_add (list, speaker);
    }

  if (rc < 0)
    return NULL;

  return g_steal_pointer (&list);
}

/**
 * sp_project_dismiss_speaker:
 * @dismissed: %FALSE to list the speaker again
 *
 * One undo step.
 */
gboolean
sp_project_dismiss_speaker (SpProject  *self,
                            gint64      id,
                            gboolean    dismissed,
                            GError    **error)
{
  g_autoptr(SpStmt) stmt = NULL;
  gboolean ok;

  g_return_val_if_fail (SP_IS_PROJECT (self), FALSE);

  if (!sp_project_begin_action (self, dismissed ? _("Dismiss Speaker") : _("List Speaker Again"), error))
    return FALSE;

  ok = _sp_project_touch (self, SP_TABLE_SPEAKERS, id, error) &&
       (stmt = _sp_project_prepare (self, "UPDATE speakers SET dismissed = ?1 WHERE id = ?2", error)) != NULL;
  if (ok)
    {
      sqlite3_bind_int (stmt, 1, dismissed ? 1 : 0);
      sqlite3_bind_int64 (stmt, 2, id);
      ok = _sp_project_step_done (self, stmt, error) &&
           _sp_project_row_written (self, SP_TABLE_SPEAKERS, &id, error);
    }
  if (ok)
    _sp_project_mark_changed (self, SP_CHANGE_SUGGESTIONS);

  return sp_project_end_action (self, ok, error);
}
