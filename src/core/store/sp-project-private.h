/* sp-project-private.h
 *
 * Internals shared by the files that make up SpProject: sp-project.c (the object, actions,
 * undo and redo), sp-project-open.c (opening, creating, migrating), sp-project-sql.c (the
 * statement and error helpers every file uses), sp-project-schema*.c (migrations and the
 * check of a file's schema), sp-project-undo.c (the undo journal), and the per-concern stores
 * sp-project-documents.c, sp-project-actors.c, sp-project-issues.c and sp-project-claims.c.
 */
#pragma once

#include <sqlite3.h>

#include "sp-project.h"

G_BEGIN_DECLS

/* A prepared statement that finalizes itself: g_autoptr(SpStmt) stmt = _sp_project_prepare (…) */
typedef sqlite3_stmt SpStmt;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpStmt, sqlite3_finalize)

/* The tables whose rows an undo step can restore. */
typedef enum
{
  SP_TABLE_ACTORS,
  SP_TABLE_ACTOR_ALIASES,
  SP_TABLE_ACTOR_KEYS,
  SP_TABLE_ISSUES,
  SP_TABLE_ISSUE_KEYWORDS,
  SP_TABLE_CLAIMS,
  SP_TABLE_SUGGESTIONS,
  SP_N_TABLES
} SpTable;

typedef struct _SpUndoStep SpUndoStep;

struct _SpProject
{
  GObject        parent_instance;

  char          *path;
  sqlite3       *db;
  gboolean       read_only;        /* opened read-only: every mutator refuses */
  char          *read_only_reason; /* why, as the end of a sentence; NULL when writable */
  GPtrArray     *open_notes;       /* what opening found and the user should read */
  gint64         busy_since;       /* when the current wait for a lock began (monotonic) */

  /* The open action: depth of nested sp_project_begin_action() calls, the changes it has
   * made so far, and what the SpProject::changed signal will carry when it commits. */
  guint          action_depth;
  GArray        *action_marks;   /* undo step length at each depth's start */
  SpChangeFlags  action_changes;
  SpUndoStep    *action_step;

  GPtrArray     *undo_stack;
  GPtrArray     *redo_stack;
};

/* sp-project-sql.c */
void        _sp_sqlite_set_error         (sqlite3       *db,
                                          GError       **error,
                                          int            rc,
                                          const char    *context);
int         _sp_sqlite_busy_cb           (void          *data,
                                          int            n_calls);
SpStmt     *_sp_project_prepare          (SpProject     *self,
                                          const char    *sql,
                                          GError       **error);
gboolean    _sp_project_exec             (SpProject     *self,
                                          const char    *sql,
                                          GError       **error);
void        _sp_project_rollback         (SpProject     *self,
                                          const char    *sql,
                                          GError       **error);
gboolean    _sp_project_step_done        (SpProject     *self,
                                          SpStmt        *stmt,
                                          GError       **error);
int         _sp_project_step_row         (SpProject     *self,
                                          SpStmt        *stmt,
                                          const char    *context,
                                          GError       **error);
void        _sp_project_set_error        (SpProject     *self,
                                          GError       **error,
                                          int            rc,
                                          const char    *context);
void        _sp_project_set_not_found    (GError       **error,
                                          SpTable        table,
                                          gint64         id);
char       *_sp_project_now              (void);
void        _sp_project_bind_text        (SpStmt        *stmt,
                                          int            column,
                                          const char    *text);
const char *_sp_project_column_text      (SpStmt        *stmt,
                                          int            column);
char       *_sp_project_dup_display_text (SpStmt       *stmt,
                                          int            column);
gboolean    _sp_project_touch            (SpProject     *self,
                                          SpTable        table,
                                          gint64         id,
                                          GError       **error);
gboolean    _sp_project_touch_inserted   (SpProject     *self,
                                          SpTable        table,
                                          gint64         id,
                                          GError       **error);
gboolean    _sp_project_row_written      (SpProject     *self,
                                          SpTable        table,
                                          gint64        *id,
                                          GError       **error);
gboolean    _sp_project_delete_row       (SpProject     *self,
                                          SpTable        table,
                                          gint64         id,
                                          GError       **error);
gboolean    _sp_project_delete_rows      (SpProject     *self,
                                          SpTable        table,
                                          const char    *select_ids_sql,
                                          gint64         owner_id,
                                          GError       **error);
gpointer    _sp_project_only_item        (GListModel    *one,
                                          SpTable        table,
                                          gint64         id,
                                          GError       **error);
void        _sp_project_mark_changed     (SpProject     *self,
                                          SpChangeFlags  what);

/* sp-project-lists.c: the string lists of actors (aliases) and issues (keywords) */
GStrv       _sp_string_list_clean        (const char * const *items,
                                          const char         *exclude);
GHashTable *_sp_project_load_string_lists (SpProject   *self,
                                           const char  *sql,
                                           GError     **error);
const char * const *_sp_string_lists_lookup (GHashTable *lists,
                                             gint64      owner);

/* sp-project-actors.c */
GHashTable *_sp_project_load_actor_groups (SpProject   *self,
                                           GHashTable **names,
                                           GError     **error);

/* sp-project-undo.c */
const char *_sp_table_delete_sql       (SpTable        table);
SpUndoStep *_sp_undo_step_new          (const char    *label);
void        _sp_undo_step_free         (SpUndoStep    *step);
const char *_sp_undo_step_get_label    (SpUndoStep    *step);
guint       _sp_undo_step_get_length   (SpUndoStep    *step);
void        _sp_undo_step_truncate     (SpUndoStep    *step,
                                        guint          length);
gboolean    _sp_undo_step_record       (SpUndoStep    *step,
                                        sqlite3       *db,
                                        SpTable        table,
                                        gint64         id,
                                        gboolean       inserted,
                                        GError       **error);
gboolean    _sp_undo_step_finish       (SpUndoStep    *step,
                                        sqlite3       *db,
                                        GError       **error);
gboolean    _sp_undo_step_apply        (SpUndoStep    *step,
                                        sqlite3       *db,
                                        gboolean       backwards,
                                        SpChangeFlags *changes,
                                        GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpUndoStep, _sp_undo_step_free)

/* sp-project-schema.c */
gboolean  _sp_project_schema_migrate   (sqlite3       *db,
                                        int            from_version,
                                        int            to_version,
                                        GPtrArray     *notes,
                                        GError       **error);
gboolean  _sp_project_schema_validate  (sqlite3       *db,
                                        const char    *path,
                                        int            version,
                                        GError       **error);
gboolean  _sp_project_check_references (sqlite3       *db,
                                        GPtrArray     *notes,
                                        GError       **error);
guint     _sp_project_n_checked_references (void);

/* sp-project-text-check.c */
gboolean  _sp_project_check_text       (sqlite3       *db,
                                        const char    *path,
                                        GPtrArray     *notes,
                                        GError       **error);
const char * const *_sp_project_text_checked_tables (void);

/* sp-project-schema-names.c: the step of migration 4 that gives every name its fold key */
gboolean  _sp_project_schema_fold_names (sqlite3      *db,
                                         GPtrArray    *notes,
                                         GError      **error);

G_END_DECLS
