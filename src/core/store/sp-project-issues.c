/* sp-project-issues.c
 *
 * Issues, with their keywords. An issue's key names a column of the matrix CSV; two keys
 * that differ only in case would name the same column for a spreadsheet, so keys are unique
 * under the one rule for names (sp-name.h) through the fold key in issues.key_fold.
 *
 * An issue has three kinds of keyword in one table (issue_keywords.kind, SpKeywordKind):
 * those that name the proposition's matter, opposing ones, which name its contrary, and
 * excluded phrases, in which a keyword does not stand for the issue. A phrase is of one kind
 * only: writing it as one kind takes it from the others.
 */
#define G_LOG_DOMAIN "sp-project-issues"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-issue-private.h"
#include "sp-name.h"
#include "sp-project-private.h"

static GListModel *
query_issues (SpProject  *self,
              gint64      only_id,
              GError    **error)
{
  g_autoptr(GHashTable) keywords = NULL;
  g_autoptr(GHashTable) opposing = NULL;
  g_autoptr(GHashTable) excluded = NULL;
  g_autoptr(GListStore) store = NULL;
  g_autoptr(SpStmt) stmt = NULL;
  int rc;

  keywords = _sp_project_load_string_lists (self,
                                            "SELECT issue_id, keyword FROM issue_keywords "
                                            "WHERE kind = 0 ORDER BY issue_id, id",
                                            error);
  if (keywords == NULL)
    return NULL;
  opposing = _sp_project_load_string_lists (self,
                                            "SELECT issue_id, keyword FROM issue_keywords "
                                            "WHERE kind = 1 ORDER BY issue_id, id",
                                            error);
  if (opposing == NULL)
    return NULL;
  excluded = _sp_project_load_string_lists (self,
                                            "SELECT issue_id, keyword FROM issue_keywords "
                                            "WHERE kind = 2 ORDER BY issue_id, id",
                                            error);
  if (excluded == NULL)
    return NULL;

  stmt = _sp_project_prepare (self,
                              "SELECT i.id, i.key, i.label, i.proposition, "
                              "  (SELECT count(*) FROM claims c WHERE c.issue_id = i.id) "
                              "FROM issues i WHERE ?1 = 0 OR i.id = ?1 ORDER BY i.id",
                              error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, only_id);
  store = g_list_store_new (SP_TYPE_ISSUE);

  while ((rc = _sp_project_step_row (self, stmt, _("Could not list the issues"), error)) > 0)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_autoptr(SpIssue) issue = NULL;

      issue = _sp_issue_new (id,
                             _sp_project_column_text (stmt, 1),
                             _sp_project_column_text (stmt, 2),
                             _sp_project_column_text (stmt, 3),
                             _sp_string_lists_lookup (keywords, id),
                             _sp_string_lists_lookup (opposing, id),
                             _sp_string_lists_lookup (excluded, id),
                             sqlite3_column_int (stmt, 4));
      g_list_store_append (store, issue);
    }

  if (rc < 0)
    return NULL;

  return G_LIST_MODEL (g_steal_pointer (&store));
}

/**
 * sp_project_list_issues:
 *
 * Returns: (transfer full): a #GListModel of #SpIssue in codebook order (the matrix's
 *   column order)
 */
GListModel *
sp_project_list_issues (SpProject  *self,
                        GError    **error)
{
  g_return_val_if_fail (SP_IS_PROJECT (self), NULL);

  return query_issues (self, 0, error);
}

/**
 * sp_project_get_issue:
 *
 * Returns: (transfer full): the issue, or %NULL with %SP_PROJECT_ERROR_NOT_FOUND
 */
SpIssue *
sp_project_get_issue (SpProject  *self,
                      gint64      id,
                      GError    **error)
{
  g_autoptr(GListModel) one = NULL;

  g_return_val_if_fail (SP_IS_PROJECT (self), NULL);

  if (!(one = query_issues (self, MAX (id, 0), error)))
    return NULL;

  return _sp_project_only_item (one, SP_TABLE_ISSUES, id, error);
}

/* Finds the issue holding @key under the rule for names; *id is 0 when none does. */
static gboolean
find_key_holder (SpProject   *self,
                 const char  *key,
                 gint64      *id,
                 char       **spelling,
                 GError     **error)
{
  g_autofree char *fold = sp_name_fold (key);
  g_autoptr(SpStmt) stmt = NULL;
  int rc;

  *id = 0;
  if (fold == NULL)
    return TRUE;

  if (!(stmt = _sp_project_prepare (self, "SELECT id, key FROM issues WHERE key_fold = ?1", error)))
    return FALSE;

  _sp_project_bind_text (stmt, 1, fold);
  if ((rc = _sp_project_step_row (self, stmt, _("Could not read the issues"), error)) < 0)
    return FALSE;

  if (rc > 0)
    {
      *id = sqlite3_column_int64 (stmt, 0);
      if (spelling != NULL)
        *spelling = g_strdup (_sp_project_column_text (stmt, 1));
    }

  return TRUE;
}

/**
 * sp_project_find_issue:
 * @key: an issue's key; case does not count (sp_name_fold())
 */
gboolean
sp_project_find_issue (SpProject   *self,
                       const char  *key,
                       gint64      *id,
                       GError     **error)
{
  gint64 found;

  g_return_val_if_fail (SP_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  if (!find_key_holder (self, key, &found, NULL, error))
    return FALSE;

  if (found == 0)
    {
      g_autofree char *shown = g_utf8_make_valid (key, -1);

      g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_NOT_FOUND,
                   _("There is no issue with the key %s"), shown);
      return FALSE;
    }

  *id = found;
  return TRUE;
}

/* Deletes the issue's keywords of other kinds than @kind that are among @keywords under the
 * one rule for names: a phrase written as one kind leaves the others. */
static gboolean
take_from_other_kinds (SpProject           *self,
                       gint64               issue_id,
                       const char * const  *keywords,
                       SpKeywordKind        kind,
                       GError             **error)
{
  g_autoptr(GHashTable) wanted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(SpStmt) select = NULL;
  int rc;

  for (guint i = 0; keywords[i] != NULL; i++)
    g_hash_table_add (wanted, sp_name_fold (keywords[i]));
  if (g_hash_table_size (wanted) == 0)
    return TRUE;

  select = _sp_project_prepare (self,
                                "SELECT id, keyword FROM issue_keywords WHERE issue_id = ?1 AND kind <> ?2",
                                error);
  if (select == NULL)
    return FALSE;
  sqlite3_bind_int64 (select, 1, issue_id);
  sqlite3_bind_int (select, 2, kind);
  while ((rc = _sp_project_step_row (self, select, _("Could not read the keywords"), error)) > 0)
    {
      g_autofree char *fold = sp_name_fold (_sp_project_column_text (select, 1));

      if (fold != NULL && g_hash_table_contains (wanted, fold))
        {
          gint64 id = sqlite3_column_int64 (select, 0);

          g_array_append_val (ids, id);
        }
    }
  if (rc < 0)
    return FALSE;

  for (guint i = 0; i < ids->len; i++)
    if (!_sp_project_delete_row (self, SP_TABLE_ISSUE_KEYWORDS, g_array_index (ids, gint64, i), error))
      return FALSE;

  return TRUE;
}

/* Replaces the issue's keywords of one @kind with @keywords, already cleaned */
static gboolean
write_keywords (SpProject           *self,
                gint64               issue_id,
                const char * const  *keywords,
                SpKeywordKind        kind,
                GError             **error)
{
  static const char * const select_kind[] = {
    [SP_KEYWORD_KIND_KEYWORD] = "SELECT id FROM issue_keywords WHERE issue_id = ?1 AND kind = 0",
    [SP_KEYWORD_KIND_OPPOSING] = "SELECT id FROM issue_keywords WHERE issue_id = ?1 AND kind = 1",
    [SP_KEYWORD_KIND_EXCLUDED] = "SELECT id FROM issue_keywords WHERE issue_id = ?1 AND kind = 2",
  };
  g_autoptr(SpStmt) insert = NULL;

  if (!_sp_project_delete_rows (self, SP_TABLE_ISSUE_KEYWORDS, select_kind[kind], issue_id, error) ||
      !take_from_other_kinds (self, issue_id, keywords, kind, error))
    return FALSE;

  insert = _sp_project_prepare (self,
                                "INSERT INTO issue_keywords (issue_id, keyword, kind) VALUES (?1, ?2, ?3)",
                                error);
  if (insert == NULL)
    return FALSE;

  for (guint i = 0; keywords[i] != NULL; i++)
    {
      gint64 keyword_id = 0;

      sqlite3_reset (insert);
      sqlite3_bind_int64 (insert, 1, issue_id);
      _sp_project_bind_text (insert, 2, keywords[i]);
      sqlite3_bind_int (insert, 3, kind);
      if (!_sp_project_step_done (self, insert, error) ||
          !_sp_project_row_written (self, SP_TABLE_ISSUE_KEYWORDS, &keyword_id, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
check_issue (SpProject   *self,
             gint64       id,
             const char  *key,
             const char  *label,
             const char  *proposition,
             GError     **error)
{
  g_autofree char *spelling = NULL;
  gint64 holder = 0;

  if (key == NULL || label == NULL || proposition == NULL)
    {
      g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_INVALID,
                   _("The key, label or proposition of an issue is not valid UTF-8 text"));
      return FALSE;
    }

  if (!sp_issue_key_is_valid (key))
    {
      g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_INVALID,
                   _("The issue key “%s” may only use letters, digits, “_”, “-” and “.”"), key);
      return FALSE;
    }

  if (label[0] == '\0')
    {
      g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_INVALID,
                   _("The issue %s needs a label"), key);
      return FALSE;
    }

  if (!find_key_holder (self, key, &holder, &spelling, error))
    return FALSE;

  if (holder != 0 && holder != id)
    {
      if (g_str_equal (spelling, key))
        g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_CONFLICT,
                     _("There is already an issue with the key %s"), key);
      else
        g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_CONFLICT,
                     _("%s is the same key as the issue %s (case does not count)"), key, spelling);
      return FALSE;
    }

  return TRUE;
}

static gboolean
write_issue (SpProject           *self,
             gint64              *id,
             const char          *raw_key,
             const char          *raw_label,
             const char          *raw_proposition,
             const char * const  *raw_keywords,
             GError             **error)
{
  g_autofree char *key = sp_name_normalize (raw_key ? raw_key : "");
  g_autofree char *key_fold = sp_name_fold (key);
  g_autofree char *label = sp_name_normalize (raw_label ? raw_label : "");
  g_autofree char *proposition = sp_name_normalize (raw_proposition ? raw_proposition : "");
  g_auto(GStrv) keywords = _sp_string_list_clean (raw_keywords, NULL);
  g_autofree char *now = _sp_project_now ();
  g_autoptr(SpStmt) stmt = NULL;

  if (!check_issue (self, *id, key, label, proposition, error))
    return FALSE;

  if (*id == 0)
    stmt = _sp_project_prepare (self,
                                "INSERT INTO issues (key, label, proposition, created, updated, key_fold) "
                                "VALUES (?1, ?2, ?3, ?4, ?4, ?6)",
                                error);
  else if (_sp_project_touch (self, SP_TABLE_ISSUES, *id, error))
    stmt = _sp_project_prepare (self,
                                "UPDATE issues SET key = ?1, label = ?2, proposition = ?3, "
                                "updated = ?4, key_fold = ?6 WHERE id = ?5",
                                error);
  if (stmt == NULL)
    return FALSE;

  _sp_project_bind_text (stmt, 1, key);
  _sp_project_bind_text (stmt, 2, label);
  _sp_project_bind_text (stmt, 3, proposition);
  _sp_project_bind_text (stmt, 4, now);
  if (*id != 0)
    sqlite3_bind_int64 (stmt, 5, *id);
  _sp_project_bind_text (stmt, 6, key_fold);

  if (!_sp_project_step_done (self, stmt, error) ||
      !_sp_project_row_written (self, SP_TABLE_ISSUES, id, error) ||
      !write_keywords (self, *id, (const char * const *)keywords, SP_KEYWORD_KIND_KEYWORD, error))
    return FALSE;

  _sp_project_mark_changed (self, SP_CHANGE_ISSUES | SP_CHANGE_CLAIMS | SP_CHANGE_SUGGESTIONS);

  return TRUE;
}

/**
 * sp_project_add_issue:
 * @key: the stable identifier (letters, digits, `_`, `-`, `.`): the matrix CSV's column
 *   name; unique without regard to case
 * @keywords: (nullable): phrases that signal the issue in a text
 *
 * Returns: the new issue's id, or 0 on error
 */
gint64
sp_project_add_issue (SpProject           *self,
                      const char          *key,
                      const char          *label,
                      const char          *proposition,
                      const char * const  *keywords,
                      GError             **error)
{
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (SP_IS_PROJECT (self), 0);

  if (!sp_project_begin_action (self, _("Add Issue"), error))
    return 0;

  ok = write_issue (self, &id, key, label, proposition, keywords, error);

  return sp_project_end_action (self, ok, error) ? id : 0;
}

gboolean
sp_project_update_issue (SpProject           *self,
                         gint64               id,
                         const char          *key,
                         const char          *label,
                         const char          *proposition,
                         const char * const  *keywords,
                         GError             **error)
{
  gboolean ok;

  g_return_val_if_fail (SP_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (id > 0, FALSE);

  if (!sp_project_begin_action (self, _("Edit Issue"), error))
    return FALSE;

  ok = write_issue (self, &id, key, label, proposition, keywords, error);

  return sp_project_end_action (self, ok, error);
}

/**
 * sp_project_set_issue_keywords_of_kind:
 * @kind: %SP_KEYWORD_KIND_OPPOSING: phrases that name the contrary of the issue's
 *   proposition, so that a statement for them is against it ("neutrality" for "Ukraine should
 *   be allowed to join NATO"); %SP_KEYWORD_KIND_EXCLUDED: phrases in which a keyword does not
 *   stand for the issue ("nuclear weapons" for "weapons"); %SP_KEYWORD_KIND_KEYWORD: the
 *   keywords, as sp_project_update_issue() writes them
 * @keywords: (nullable): the phrases; one of another kind of the issue stops being that
 *
 * Replaces the issue's phrases of one kind.
 *
 * Returns: %TRUE on success
 */
gboolean
sp_project_set_issue_keywords_of_kind (SpProject           *self,
                                       gint64               id,
                                       SpKeywordKind        kind,
                                       const char * const  *raw_keywords,
                                       GError             **error)
{
  g_auto(GStrv) keywords = _sp_string_list_clean (raw_keywords, NULL);
  gboolean ok;

  g_return_val_if_fail (SP_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (id > 0, FALSE);
  g_return_val_if_fail (kind <= SP_KEYWORD_KIND_EXCLUDED, FALSE);

  if (!sp_project_begin_action (self, _("Edit Issue"), error))
    return FALSE;

  ok = _sp_project_check_exists (self, SP_TABLE_ISSUES, "SELECT 1 FROM issues WHERE id = ?1", id,
                                 _("Could not look up the issue"), error) &&
       _sp_project_touch (self, SP_TABLE_ISSUES, id, error) &&
       write_keywords (self, id, (const char * const *)keywords, kind, error);
  if (ok)
    _sp_project_mark_changed (self, SP_CHANGE_ISSUES | SP_CHANGE_SUGGESTIONS);

  return sp_project_end_action (self, ok, error);
}

static gboolean
delete_issue_rows (SpProject  *self,
                   gint64      id,
                   GError    **error)
{
  if (!_sp_project_delete_rows (self, SP_TABLE_CLAIMS,
                                "SELECT id FROM claims WHERE issue_id = ?1", id, error) ||
      !_sp_project_delete_rows (self, SP_TABLE_SUGGESTIONS,
                                "SELECT id FROM suggestions WHERE issue_id = ?1", id, error) ||
      !_sp_project_delete_rows (self, SP_TABLE_ISSUE_KEYWORDS,
                                "SELECT id FROM issue_keywords WHERE issue_id = ?1", id, error) ||
      !_sp_project_delete_row (self, SP_TABLE_ISSUES, id, error))
    return FALSE;

  _sp_project_mark_changed (self, SP_CHANGE_ISSUES | SP_CHANGE_CLAIMS);

  return TRUE;
}

/**
 * sp_project_delete_issue:
 *
 * Deletes the issue with its keywords and claims. Ask the user first when
 * sp_issue_get_claim_count() is not 0. One undo step restores all of it.
 */
gboolean
sp_project_delete_issue (SpProject  *self,
                         gint64      id,
                         GError    **error)
{
  gboolean ok;

  g_return_val_if_fail (SP_IS_PROJECT (self), FALSE);

  if (!sp_project_begin_action (self, _("Delete Issue"), error))
    return FALSE;

  ok = delete_issue_rows (self, id, error);

  return sp_project_end_action (self, ok, error);
}

/**
 * sp_project_count_issues:
 *
 * Returns: how many issues the codebook holds; 0 when the project could not be read
 */
guint
sp_project_count_issues (SpProject *self)
{
  g_return_val_if_fail (SP_IS_PROJECT (self), 0);

  return _sp_project_count (self, "SELECT count(*) FROM issues", _("Could not count the issues"));
}
