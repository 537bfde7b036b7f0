/* sp-project.c
 *
 * The project object and the action machinery every mutator goes through: an action is one
 * SQLite transaction (nested actions are savepoints inside it) and, when it has an undo
 * label, one undo step. A project opened read-only refuses every action here, in one place.
 * Opening and migrating a file is sp-project-open.c.
 *
 * Transactions start with BEGIN IMMEDIATE, which takes the write lock at once: a transaction
 * that began as a reader and later wanted to write could fail with SQLITE_BUSY_SNAPSHOT
 * after another connection committed, without waiting. Writers hold the lock only for their
 * short transactions, and the busy handler (sp-project-sql.c) lets a waiting edit in as soon
 * as it is free.
 */
#define G_LOG_DOMAIN "sp-project"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-project-private.h"

enum {
  PROP_0,
  PROP_PATH,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (SpProject, sp_project, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
sp_project_finalize (GObject *object)
{
  SpProject *self = (SpProject *)object;

  if (self->action_depth > 0)
    {
      g_critical ("Project %s closed with an open action; rolling it back", self->path);
      _sp_project_rollback (self, "ROLLBACK", NULL);
    }

  g_clear_pointer (&self->action_step, _sp_undo_step_free);
  g_clear_pointer (&self->action_time, g_free);
  g_clear_pointer (&self->action_marks, g_array_unref);
  g_clear_pointer (&self->undo_stack, g_ptr_array_unref);
  g_clear_pointer (&self->redo_stack, g_ptr_array_unref);
  g_clear_pointer (&self->open_notes, g_ptr_array_unref);
  _sp_project_forget_fingerprints (self);
  _sp_project_clear_statements (self);

  /* close_v2 never leaves the file open behind a statement someone forgot: it closes once
   * the last one is finalized, where close would fail with SQLITE_BUSY and leak it */
  if (self->db != NULL && sqlite3_close_v2 (self->db) != SQLITE_OK)
    g_warning ("%s: could not close: %s", self->path, sqlite3_errmsg (self->db));
  self->db = NULL;

  g_clear_pointer (&self->read_only_reason, g_free);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (sp_project_parent_class)->finalize (object);
}

static void
sp_project_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  SpProject *self = SP_PROJECT (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;

    case PROP_CAN_UNDO:
      g_value_set_boolean (value, sp_project_can_undo (self));
      break;

    case PROP_CAN_REDO:
      g_value_set_boolean (value, sp_project_can_redo (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_project_class_init (SpProjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sp_project_finalize;
  object_class->get_property = sp_project_get_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SpProject::changed:
   * @what: the #SpChangeFlags of what a committed action, undo or redo touched
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void
sp_project_init (SpProject *self)
{
  self->action_marks = g_array_new (FALSE, FALSE, sizeof (guint));
  self->undo_stack = g_ptr_array_new_with_free_func ((GDestroyNotify)_sp_undo_step_free);
  self->redo_stack = g_ptr_array_new_with_free_func ((GDestroyNotify)_sp_undo_step_free);
  self->open_notes = g_ptr_array_new_with_free_func (g_free);
}

const char *
sp_project_get_path (SpProject *self)
{
  g_return_val_if_fail (SP_IS_PROJECT (self), NULL);
  return self->path;
}

/**
 * sp_project_is_read_only:
 *
 * Returns: whether the project was opened read-only (its file or folder cannot be written);
 *   every edit then fails with %SP_PROJECT_ERROR_READ_ONLY
 */
gboolean
sp_project_is_read_only (SpProject *self)
{
  g_return_val_if_fail (SP_IS_PROJECT (self), FALSE);
  return self->read_only;
}

/**
 * sp_project_get_read_only_reason:
 *
 * Returns: (nullable): why the project is read-only, as the end of a sentence ("its folder
 *   cannot be written"), or %NULL when it is not
 */
const char *
sp_project_get_read_only_reason (SpProject *self)
{
  g_return_val_if_fail (SP_IS_PROJECT (self), NULL);
  return self->read_only_reason;
}

/**
 * sp_project_get_open_notes:
 *
 * What opening the project found that the user should read, one line each: names a
 * migration had to rename because they became duplicates under the rule for names, rows
 * that refer to rows that do not exist, a log of edits that could not be read. The window
 * and the command line show them after opening; they are not repeated on the next open
 * unless the problem is still there.
 *
 * Returns: (transfer none) (element-type utf8): the notes, possibly none
 */
GPtrArray *
sp_project_get_open_notes (SpProject *self)
{
  g_return_val_if_fail (SP_IS_PROJECT (self), NULL);
  return self->open_notes;
}

/* SQLite rolls a whole transaction back by itself after some errors (a full disk, an I/O
 * error, out of memory). The action is then over whatever its depth: nothing of it may run
 * on in autocommit mode, and its end must not roll back what is not there. */
static gboolean
check_transaction_lost (SpProject  *self,
                        GError    **error)
{
  if (self->action_depth == 0 || !sqlite3_get_autocommit (self->db))
    return TRUE;

  if (error != NULL && *error == NULL)
    g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_FAILED,
                 _("%s: the changes were rolled back after an earlier error"), self->path);
  return FALSE;
}

/* The refusal every mutator gives on a read-only project. */
static gboolean
check_writable (SpProject  *self,
                GError    **error)
{
  if (!self->read_only)
    return TRUE;

  g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_READ_ONLY,
               _("%s is open read-only because %s: it cannot be changed"),
               self->path, self->read_only_reason);
  return FALSE;
}

/**
 * sp_project_notify_changed:
 *
 * Emits SpProject::changed for changes another connection (a worker thread's) committed to
 * the same file, so that views over this connection reload.
 */
void
sp_project_notify_changed (SpProject     *self,
                           SpChangeFlags  what)
{
  g_return_if_fail (SP_IS_PROJECT (self));

  if (what != 0)
    g_signal_emit (self, signals[CHANGED], 0, (guint)what);
}

/* Actions */

/* SAVEPOINT and RELEASE run once per imported document: kept prepared */
static gboolean
exec_cached (SpProject   *self,
             const char  *sql,
             GError     **error)
{
  g_autoptr(SpCachedStmt) stmt = _sp_project_prepare_cached (self, sql, error);

  return stmt != NULL && _sp_project_step_done (self, stmt, error);
}

/**
 * sp_project_begin_action:
 * @undo_label: (nullable): what Undo will say it undoes, or %NULL for an action that is not
 *   undone (an import)
 *
 * Starts an action: one transaction, and one undo step when @undo_label is given. Actions
 * nest; a nested action is a savepoint whose failure rolls back only its own changes, and the
 * outermost action's label names the undo step. Every call must be paired with
 * sp_project_end_action().
 */
gboolean
sp_project_begin_action (SpProject   *self,
                         const char  *undo_label,
                         GError     **error)
{
  guint mark = 0;

  g_return_val_if_fail (SP_IS_PROJECT (self), FALSE);

  if (!check_writable (self, error) ||
      !check_transaction_lost (self, error))
    return FALSE;

  if (self->action_depth == 0)
    {
      if (!_sp_project_exec (self, "BEGIN IMMEDIATE", error))
        return FALSE;

      self->action_changes = 0;
      g_clear_pointer (&self->action_time, g_free);
      g_clear_pointer (&self->action_step, _sp_undo_step_free);
      if (undo_label != NULL)
        self->action_step = _sp_undo_step_new (undo_label);
    }
  else if (!exec_cached (self, "SAVEPOINT sp_action", error))
    return FALSE;

  if (self->action_step != NULL)
    mark = _sp_undo_step_get_length (self->action_step);

  g_array_append_val (self->action_marks, mark);
  self->action_depth++;

  return TRUE;
}

static void
push_undo_step (SpProject  *self,
                SpUndoStep *step)
{
  gboolean could_redo = sp_project_can_redo (self);
  gboolean could_undo = sp_project_can_undo (self);

  g_ptr_array_add (self->undo_stack, step);
  g_ptr_array_set_size (self->redo_stack, 0);

  if (!could_undo)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (could_redo)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

/*
 * _sp_project_break_action:
 *
 * Called by a mutator that writes without a savepoint of its own (a savepoint costs the
 * full-text index a flush) when a statement failed after an earlier one of the same change
 * had written: the innermost action cannot stand any more, and ending it rolls it back
 * whatever its caller says.
 */
/* Whether a mutator may write inside the open action without a begin_action() of its own:
 * the transaction is still there and no earlier change broke it */
gboolean
_sp_project_action_can_write (SpProject  *self,
                              GError    **error)
{
  g_return_val_if_fail (self->action_depth > 0, FALSE);

  if (!check_transaction_lost (self, error))
    return FALSE;

  if (self->action_broken != 0)
    {
      g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_FAILED,
                   _("%s: the changes were rolled back after an earlier error"), self->path);
      return FALSE;
    }

  return TRUE;
}

void
_sp_project_break_action (SpProject *self)
{
  g_return_if_fail (self->action_depth > 0);

  if (self->action_broken == 0 || self->action_broken > self->action_depth)
    self->action_broken = self->action_depth;
}

/**
 * sp_project_end_action:
 * @success: whether the action's changes stand; %FALSE rolls them back
 *
 * Ends the innermost action. Ending the outermost one commits the transaction, records the
 * undo step and emits SpProject::changed. Returns %FALSE when the changes could not be
 * committed, or when @success was %FALSE; then @error is set only if it is still empty and
 * the rollback failed too, so a mutator passes the @error its failed step already filled.
 */
gboolean
sp_project_end_action (SpProject  *self,
                       gboolean    success,
                       GError    **error)
{
  guint mark;
  SpChangeFlags changes;
  g_autoptr(SpUndoStep) step = NULL;
  gboolean lost;

  g_return_val_if_fail (SP_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (self->action_depth > 0, FALSE);

  lost = !check_transaction_lost (self, success ? error : NULL);
  if (self->action_broken != 0 && self->action_broken >= self->action_depth)
    {
      /* Rolling this action back takes the half-written change with it */
      if (success && !lost && error != NULL && *error == NULL)
        g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_FAILED,
                     _("%s: the changes were rolled back after an earlier error"), self->path);
      success = FALSE;
      self->action_broken = 0;
    }
  self->action_depth--;
  mark = g_array_index (self->action_marks, guint, self->action_depth);
  g_array_set_size (self->action_marks, self->action_depth);

  if (self->action_depth > 0)
    {
      if (success && !lost)
        return exec_cached (self, "RELEASE sp_action", error);

      _sp_project_forget_fingerprints (self);
      if (!lost)
        _sp_project_rollback (self, "ROLLBACK TO sp_action; RELEASE sp_action", error);
      if (self->action_step != NULL)
        _sp_undo_step_truncate (self->action_step, mark);
      return FALSE;
    }

  step = g_steal_pointer (&self->action_step);
  changes = self->action_changes;
  self->action_changes = 0;

  if (!success || lost)
    {
      _sp_project_forget_fingerprints (self);
      if (!lost)
        _sp_project_rollback (self, "ROLLBACK", error);
      return FALSE;
    }

  if ((step != NULL && !_sp_undo_step_finish (step, self->db, error)) ||
      !_sp_project_exec (self, "COMMIT", error))
    {
      /* A failed COMMIT may have rolled back already; the second error is the rollback's
       * "no transaction is active", which is logged, not shown */
      _sp_project_forget_fingerprints (self);
      if (sqlite3_get_autocommit (self->db) == 0)
        _sp_project_rollback (self, "ROLLBACK", error);
      return FALSE;
    }

  if (step != NULL && _sp_undo_step_get_length (step) > 0)
    push_undo_step (self, g_steal_pointer (&step));

  sp_project_notify_changed (self, changes);

  return TRUE;
}

/* Undo and redo */

gboolean
sp_project_can_undo (SpProject *self)
{
  g_return_val_if_fail (SP_IS_PROJECT (self), FALSE);
  return self->undo_stack->len > 0;
}

gboolean
sp_project_can_redo (SpProject *self)
{
  g_return_val_if_fail (SP_IS_PROJECT (self), FALSE);
  return self->redo_stack->len > 0;
}

/* Returns: (nullable): the label of the step Undo would undo */
const char *
sp_project_get_undo_label (SpProject *self)
{
  g_return_val_if_fail (SP_IS_PROJECT (self), NULL);

  if (self->undo_stack->len == 0)
    return NULL;
  return _sp_undo_step_get_label (g_ptr_array_index (self->undo_stack, self->undo_stack->len - 1));
}

/* Returns: (nullable): the label of the step Redo would redo */
const char *
sp_project_get_redo_label (SpProject *self)
{
  g_return_val_if_fail (SP_IS_PROJECT (self), NULL);

  if (self->redo_stack->len == 0)
    return NULL;
  return _sp_undo_step_get_label (g_ptr_array_index (self->redo_stack, self->redo_stack->len - 1));
}

/* Moves the top step of @from to @to after applying it in one transaction. On failure the
 * step is dropped: the rows it would restore have been changed by other means. */
static gboolean
replay_step (SpProject  *self,
             GPtrArray  *from,
             GPtrArray  *to,
             gboolean    backwards,
             GError    **error)
{
  SpUndoStep *step;
  SpChangeFlags changes = 0;

  g_return_val_if_fail (SP_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (self->action_depth == 0, FALSE);

  if (from->len == 0)
    return TRUE;

  if (!check_writable (self, error))
    return FALSE;

  step = g_ptr_array_steal_index (from, from->len - 1);
  _sp_project_forget_fingerprints (self);

  if (!_sp_project_exec (self, "BEGIN IMMEDIATE; PRAGMA defer_foreign_keys = ON", error))
    {
      g_ptr_array_add (from, step);
      return FALSE;
    }

  if (!_sp_undo_step_apply (step, self->db, backwards, &changes, error) ||
      !_sp_project_exec (self, "COMMIT", error))
    {
      if (sqlite3_get_autocommit (self->db) == 0)
        _sp_project_rollback (self, "ROLLBACK", error);
      _sp_undo_step_free (step);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
      return FALSE;
    }

  g_ptr_array_add (to, step);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  sp_project_notify_changed (self, changes);

  return TRUE;
}

/**
 * sp_project_undo:
 *
 * Restores every row the last undoable action changed, in one transaction.
 */
gboolean
sp_project_undo (SpProject  *self,
                 GError    **error)
{
  return replay_step (self, self->undo_stack, self->redo_stack, TRUE, error);
}

/**
 * sp_project_redo:
 *
 * Reapplies the last undone action, in one transaction.
 */
gboolean
sp_project_redo (SpProject  *self,
                 GError    **error)
{
  return replay_step (self, self->redo_stack, self->undo_stack, FALSE, error);
}
