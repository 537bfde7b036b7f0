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

/* The page cache of every connection to a project: 32 MiB, for reading */
#define SP_PROJECT_CACHE_PRAGMA "PRAGMA cache_size = -32768;"

G_BEGIN_DECLS

/* A prepared statement that finalizes itself: g_autoptr(SpStmt) stmt = _sp_project_prepare (…) */
typedef sqlite3_stmt SpStmt;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpStmt, sqlite3_finalize)

/* A statement the project keeps prepared for the rows an import writes many times over:
 * g_autoptr(SpCachedStmt) stmt = _sp_project_prepare_cached (…) resets it and clears its
 * bindings when it goes out of scope, so that it holds no lock and no borrowed text. */
typedef sqlite3_stmt SpCachedStmt;

static inline void
_sp_cached_stmt_release (SpCachedStmt *stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpCachedStmt, _sp_cached_stmt_release)

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
  SP_TABLE_DOCUMENTS,
  SP_TABLE_REMOVALS,
  SP_TABLE_DOCUMENT_FINGERPRINTS, /* keyed by the document's id */
  SP_TABLE_SUGGESTION_MODEL,      /* one row, id 1 */
  SP_TABLE_SPEAKERS,
  SP_N_TABLES
} SpTable;

typedef struct _SpUndoStep SpUndoStep;
typedef struct _SpFingerprints SpFingerprints;

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
  guint          action_broken;  /* > 0: the action at this depth wrote part of a change and
                                  * then failed, so it can only roll back (_sp_project_break_action()) */
  SpChangeFlags  action_changes;
  SpUndoStep    *action_step;
  char          *action_time;    /* what the action's new rows are stamped with; NULL until
                                  * the first asks (_sp_project_action_time()) */

  GPtrArray     *undo_stack;
  GPtrArray     *redo_stack;

  GHashTable    *statements;   /* SQL text (a string literal, by address) -> sqlite3_stmt */

  /* sp-project-fingerprints.c: every document's fingerprint and how many documents hold each
   * line hash, as of fingerprints_version (PRAGMA data_version); NULL until asked for, and
   * after anything they cannot follow */
  SpFingerprints *fingerprints;
  gint64         fingerprints_version;
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
SpCachedStmt *_sp_project_prepare_cached (SpProject     *self,
                                          const char    *sql,
                                          GError       **error);
void        _sp_project_clear_statements (SpProject     *self);
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
const char *_sp_project_action_time      (SpProject     *self);
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
gboolean    _sp_project_check_exists     (SpProject     *self,
                                          SpTable        table,
                                          const char    *sql,
                                          gint64         id,
                                          const char    *context,
                                          GError       **error);
guint       _sp_project_count            (SpProject     *self,
                                          const char    *sql,
                                          const char    *context);
GArray     *_sp_project_select_ids       (SpProject     *self,
                                          SpStmt        *select,
                                          GError       **error);
gboolean    _sp_project_delete_rows      (SpProject     *self,
                                          SpTable        table,
                                          const char    *select_ids_sql,
                                          gint64         owner_id,
                                          GError       **error);
gboolean    _sp_project_update_rows      (SpProject     *self,
                                          SpTable        table,
                                          const char    *select_ids_sql,
                                          const char    *update_sql,
                                          gint64         owner_id,
                                          gint64         value,
                                          GError       **error);
gpointer    _sp_project_only_item        (GListModel    *one,
                                          SpTable        table,
                                          gint64         id,
                                          GError       **error);
gboolean    _sp_project_action_can_write (SpProject     *self,
                                          GError       **error);
void        _sp_project_break_action     (SpProject     *self);
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

/* sp-project-documents.c, for the files that read and change documents */
#define SP_DOCUMENT_COLUMNS \
  "d.id, d.file_name, d.title, d.date, d.source, d.url, d.author, d.body_length, " \
  "(SELECT count(*) FROM claims c WHERE c.document_id = d.id), " \
  "d.title_kind, d.date_source, d.date_confidence, d.near_duplicate_of, " \
  "(SELECT count(*) FROM removals r WHERE r.document_id = d.id), d.section, d.document_type"

/* The full-text index of one documents row (?1), put in or taken out as the row is now */
#define SP_FTS_INSERT_SQL \
  "INSERT INTO documents_fts (rowid, title, body) SELECT id, title, body FROM documents WHERE id = ?1"
#define SP_FTS_DELETE_SQL \
  "INSERT INTO documents_fts (documents_fts, rowid, title, body) " \
  "SELECT 'delete', id, title, body FROM documents WHERE id = ?1"

SpDocument *_sp_project_document_from_row (SpStmt       *stmt);
gboolean    _sp_project_index_document   (SpProject     *self,
                                          gint64         id,
                                          gboolean       add,
                                          GError       **error);
char       *_sp_project_dup_document_title (SpProject   *self,
                                          gint64         id,
                                          GError       **error);

/* sp-project-fingerprints.c */
void        _sp_project_add_fingerprints (SpProject     *self,
                                          gint64         id,
                                          guint64        simhash,
                                          const guint64 *line_hashes,
                                          guint          n_line_hashes);
void        _sp_project_forget_fingerprints (SpProject  *self);

/* sp-project-blobs.c: the sentences and line hashes of a document, stored as little-endian
 * integers */
int         _sp_compare_guint64          (const guint64 *a,
                                          const guint64 *b);
GBytes     *_sp_hashes_encode            (const guint64 *hashes,
                                          guint          n_hashes);
guint64    *_sp_hashes_decode            (const void    *blob,
                                          gsize          n_bytes,
                                          guint         *n_hashes);
void        _sp_project_bind_blob        (SpStmt        *stmt,
                                          int            column,
                                          GBytes        *bytes);
guint32    *_sp_sentences_decode         (const void    *blob,
                                          gsize          n_bytes,
                                          guint          body_length,
                                          guint         *n_pairs);
GBytes     *_sp_sentences_encode         (const guint32 *pairs,
                                          guint          n_pairs);
gboolean    _sp_sentences_are_valid      (const guint32 *pairs,
                                          guint          n_pairs,
                                          guint          body_length);

/* sp-project-actors.c */
GHashTable *_sp_project_load_actor_groups (SpProject   *self,
                                           GHashTable **names,
                                           GError     **error);
gboolean    _sp_project_actor_within      (SpProject   *self,
                                           gint64       id,
                                           gint64       ancestor_id,
                                           gboolean    *within,
                                           GError     **error);
gboolean    _sp_project_find_name_key     (SpProject   *self,
                                           gint64       actor_id,
                                           gint64      *key_id,
                                           GError     **error);
gboolean    _sp_project_insert_alias      (SpProject   *self,
                                           gint64       actor_id,
                                           const char  *alias,
                                           gint64      *alias_id,
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
gboolean  _sp_project_check_index_settings (sqlite3     *db,
                                            const char  *path,
                                            GError     **error);
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
