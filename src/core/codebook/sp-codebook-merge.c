/* sp-codebook-merge.c
 *
 * Merging a codebook file into a project. Everything is checked against the project first —
 * matches, names and aliases another actor holds, affiliations and their circles — and only
 * then written, in one action: one transaction and one undo step, so that a failure halfway
 * leaves nothing behind and Undo takes the whole import back.
 *
 * The work is linear in the size of the project and the file: the project's actors and
 * issues are listed once, names are matched through one table of fold keys (sp_name_fold,
 * the store's rule), and the affiliations after the import form a forest that one walk
 * checks for circles and puts in order, parents before children, so that each actor is
 * written once and no intermediate state has a circle.
 */
#define G_LOG_DOMAIN "sp-codebook"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-codebook-private.h"
#include "sp-name.h"

#define NO_NODE   G_MAXUINT
#define NOT_FILE  G_MAXUINT

typedef enum
{
  UNSEEN,
  ON_WALK,
  PLACED,
} Mark;

/* An actor of the project as it will be after the import: one of the project's, matched by
 * the file or not, or a new one from the file. */
typedef struct
{
  gint64      id;          /* 0 until a new actor is written */
  SpActor    *existing;    /* nullable; owned by Merge.project_actors */
  const char *name;
  guint       file_index;  /* NOT_FILE when the file does not list it */
  guint       parent;      /* its affiliation after the import, or NO_NODE */
  Mark        mark;
} Node;

/* Who holds a fold key: a node, by its name or an alias. */
typedef struct
{
  guint    node;
  gboolean is_alias;
} Holder;

typedef struct
{
  const SpCodebook *book;
  GPtrArray        *project_actors;  /* SpActor */
  GArray           *nodes;           /* Node */
  guint            *node_of;         /* file actor -> node */
  GHashTable       *held;            /* fold key (borrowed) -> Holder */
  GPtrArray        *folds;           /* the fold keys of the project's names and aliases */
  GArray           *order;           /* file actors, parents first */
} Merge;

static void
merge_clear (Merge *self)
{
  g_clear_pointer (&self->project_actors, g_ptr_array_unref);
  g_clear_pointer (&self->nodes, g_array_unref);
  g_clear_pointer (&self->node_of, g_free);
  g_clear_pointer (&self->held, g_hash_table_unref);
  g_clear_pointer (&self->folds, g_ptr_array_unref);
  g_clear_pointer (&self->order, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Merge, merge_clear)

static Node *
node_at (Merge *self,
         guint  index)
{
  return &g_array_index (self->nodes, Node, index);
}

static Holder *
find_holder (Merge      *self,
             const char *fold)
{
  return g_hash_table_lookup (self->held, fold);
}

/* The first holder of a fold key keeps it. */
static void
hold (Merge      *self,
      const char *fold,
      guint       node,
      gboolean    is_alias)
{
  Holder *holder;

  if (g_hash_table_contains (self->held, fold))
    return;

  holder = g_new (Holder, 1);
  *holder = (Holder) { node, is_alias };
  g_hash_table_insert (self->held, (gpointer)fold, holder);
}

static void
hold_project_text (Merge      *self,
                   const char *text,
                   guint       node,
                   gboolean    is_alias)
{
  char *fold = sp_name_fold (text);

  if (fold == NULL)
    return;

  g_ptr_array_add (self->folds, fold);
  hold (self, fold, node, is_alias);
}

/* Every actor of the project, its name and aliases held, its affiliation as it is. */
static gboolean
load_project_actors (Merge      *self,
                     SpProject  *project,
                     GError    **error)
{
  g_autoptr(GListModel) actors = NULL;
  g_autoptr(GHashTable) node_of_id = NULL;
  guint n;

  if (!(actors = sp_project_list_actors (project, error)))
    return FALSE;

  n = g_list_model_get_n_items (actors);
  node_of_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  self->project_actors = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      SpActor *actor = g_list_model_get_item (actors, i);
      Node node = { sp_actor_get_id (actor), actor, sp_actor_get_name (actor), NOT_FILE, NO_NODE, UNSEEN };

      g_ptr_array_add (self->project_actors, actor);
      g_array_append_val (self->nodes, node);
    }

  /* The ids live in the nodes, which no longer move until the file's actors are added. */
  for (guint i = 0; i < n; i++)
    g_hash_table_insert (node_of_id, &node_at (self, i)->id, GUINT_TO_POINTER (i + 1));

  for (guint i = 0; i < n; i++)
    {
      gint64 parent_id = sp_actor_get_affiliation_id (node_at (self, i)->existing);
      guint parent = GPOINTER_TO_UINT (g_hash_table_lookup (node_of_id, &parent_id));

      node_at (self, i)->parent = parent > 0 ? parent - 1 : NO_NODE;
      hold_project_text (self, node_at (self, i)->name, i, FALSE);
    }

  /* Names first: an alias that repeats another actor's name (possible in a project written
   * before names were compared this way) does not take the name from it. */
  for (guint i = 0; i < n; i++)
    {
      const char * const *aliases = sp_actor_get_aliases (node_at (self, i)->existing);

      for (guint j = 0; aliases != NULL && aliases[j] != NULL; j++)
        hold_project_text (self, aliases[j], i, TRUE);
    }

  return TRUE;
}

static gboolean
conflict (Merge       *self,
          const char  *path,
          const char  *text,
          Holder      *holder,
          GError     **error)
{
  return _sp_codebook_fail (error, SP_CODEBOOK_ERROR_CONFLICT, self->book->source, path,
                            holder->is_alias ? _("\"%s\" is already an alias of %s")
                                             : _("\"%s\" is the name of another actor, %s"),
                            text, node_at (self, holder->node)->name);
}

/* Matches the file's actors to the project's by name and checks that no name or alias
 * would end up with two actors. */
static gboolean
resolve_actors (Merge   *self,
                GError **error)
{
  const SpCodebook *book = self->book;

  for (guint i = 0; i < book->actors->len; i++)
    {
      SpFileActor *actor = g_ptr_array_index (book->actors, i);
      Holder *holder = find_holder (self, actor->fold);

      if (holder != NULL && holder->is_alias)
        {
          g_autofree char *path = g_strdup_printf ("actors[%u].name", i);

          return conflict (self, path, actor->name, holder, error);
        }

      if (holder != NULL)
        {
          /* The same name, in any case or form: the file's entry updates the project's actor. */
          self->node_of[i] = holder->node;
        }
      else
        {
          Node node = { 0, NULL, actor->name, i, NO_NODE, UNSEEN };

          self->node_of[i] = self->nodes->len;
          g_array_append_val (self->nodes, node);
          hold (self, actor->fold, self->node_of[i], FALSE);
        }

      node_at (self, self->node_of[i])->file_index = i;
    }

  for (guint i = 0; i < book->actors->len; i++)
    {
      SpFileActor *actor = g_ptr_array_index (book->actors, i);

      for (guint j = 0; j < actor->aliases->len; j++)
        {
          const char *fold = g_ptr_array_index (actor->alias_folds, j);
          Holder *holder = find_holder (self, fold);

          if (holder != NULL && holder->node != self->node_of[i])
            {
              g_autofree char *path = g_strdup_printf ("actors[%u].aliases[%u]", i, j);

              return conflict (self, path, g_ptr_array_index (actor->aliases, j), holder, error);
            }

          hold (self, fold, self->node_of[i], TRUE);
        }
    }

  return TRUE;
}

/* Resolves affiliations by name, forward references included. */
static gboolean
resolve_affiliations (Merge   *self,
                      GError **error)
{
  const SpCodebook *book = self->book;

  for (guint i = 0; i < book->actors->len; i++)
    {
      SpFileActor *actor = g_ptr_array_index (book->actors, i);
      Node *node = node_at (self, self->node_of[i]);
      Holder *holder;

      node->parent = NO_NODE;
      if (actor->affiliation == NULL)
        continue;

      holder = find_holder (self, actor->affiliation_fold);
      if (holder == NULL || holder->is_alias)
        {
          g_autofree char *path = g_strdup_printf ("actors[%u].affiliation", i);

          return _sp_codebook_fail (error, SP_CODEBOOK_ERROR_INVALID, book->source, path,
                                    _("\"%s\" is not the name of an actor in %s or in the project"),
                                    actor->affiliation, book->source);
        }

      if (holder->node == self->node_of[i])
        {
          g_autofree char *path = g_strdup_printf ("actors[%u].affiliation", i);

          return _sp_codebook_fail (error, SP_CODEBOOK_ERROR_INVALID, book->source, path,
                                    _("%s cannot be affiliated with itself"), actor->name);
        }

      node->parent = holder->node;
    }

  return TRUE;
}

/* Names the circle at the end of @walk, from @start on, by its first actor in the file.
 * @walker is the file actor whose walk met it. */
static gboolean
refuse_circle (Merge   *self,
               GArray  *walk,
               guint    start,
               guint    walker,
               GError **error)
{
  g_autofree char *path = NULL;
  SpFileActor *actor;
  guint first = NOT_FILE;

  for (guint i = start; i < walk->len; i++)
    first = MIN (first, node_at (self, g_array_index (walk, guint, i))->file_index);

  if (first == NOT_FILE)
    {
      /* Only a damaged project has a circle of its own */
      actor = g_ptr_array_index (self->book->actors, walker);
      path = g_strdup_printf ("actors[%u].affiliation", walker);
      return _sp_codebook_fail (error, SP_CODEBOOK_ERROR_INVALID, self->book->source, path,
                                _("the project's affiliations above %s go in a circle"),
                                actor->name);
    }

  actor = g_ptr_array_index (self->book->actors, first);
  path = g_strdup_printf ("actors[%u].affiliation", first);
  return _sp_codebook_fail (error, SP_CODEBOOK_ERROR_INVALID, self->book->source, path,
                            _("%s cannot be affiliated with %s, which is part of %s itself"),
                            actor->name, actor->affiliation, actor->name);
}

/*
 * Orders the file's actors parents first, walking up from each actor through the
 * affiliations after the import (the project's actors that the file does not list keep
 * theirs) until an actor already placed. Every actor is walked over once, so a chain ten
 * thousand deep costs ten thousand steps; meeting an actor of the current walk again is a
 * circle.
 */
static gboolean
order_actors (Merge   *self,
              GError **error)
{
  g_autoptr(GArray) walk = g_array_new (FALSE, FALSE, sizeof (guint));

  self->order = g_array_sized_new (FALSE, FALSE, sizeof (guint), self->book->actors->len);

  for (guint i = 0; i < self->book->actors->len; i++)
    {
      guint index = self->node_of[i];

      g_array_set_size (walk, 0);
      while (index != NO_NODE && node_at (self, index)->mark != PLACED)
        {
          Node *node = node_at (self, index);

          if (node->mark == ON_WALK)
            {
              guint start = 0;

              while (g_array_index (walk, guint, start) != index)
                start++;
              return refuse_circle (self, walk, start, i, error);
            }

          node->mark = ON_WALK;
          g_array_append_val (walk, index);
          index = node->parent;
        }

      for (guint j = walk->len; j > 0; j--)
        {
          Node *node = node_at (self, g_array_index (walk, guint, j - 1));

          node->mark = PLACED;
          if (node->file_index != NOT_FILE)
            g_array_append_val (self->order, node->file_index);
        }
    }

  return TRUE;
}

/* @first followed by @more, without repeats under sp_name_fold() and without @skip: the
 * store's list with the file's entries added, so that "nothing new" can be told beforehand. */
static GStrv
merge_lists (const char * const *first,
             GPtrArray          *more,
             const char         *skip)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n_first = first ? g_strv_length ((char **)first) : 0;

  if (skip != NULL)
    g_hash_table_add (seen, sp_name_fold (skip));

  for (guint i = 0; i < n_first + more->len; i++)
    {
      const char *item = i < n_first ? first[i] : g_ptr_array_index (more, i - n_first);
      g_autofree char *fold = sp_name_fold (item);

      if (fold == NULL || fold[0] == '\0' || g_hash_table_contains (seen, fold))
        continue;

      g_hash_table_add (seen, g_steal_pointer (&fold));
      g_strv_builder_add (builder, item);
    }

  return g_strv_builder_end (builder);
}

/* @list without the entries that are among @taken or @also_taken under sp_name_fold(): a
 * project's phrases of one kind without those the file gives as another kind */
static GStrv
list_without (const char * const *list,
              GPtrArray          *taken,
              GPtrArray          *also_taken)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) folds = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < taken->len + also_taken->len; i++)
    {
      char *fold = sp_name_fold (g_ptr_array_index (i < taken->len ? taken : also_taken,
                                                    i < taken->len ? i : i - taken->len));

      if (fold != NULL)
        g_hash_table_add (folds, fold);
    }

  for (guint i = 0; list != NULL && list[i] != NULL; i++)
    {
      g_autofree char *fold = sp_name_fold (list[i]);

      if (fold == NULL || !g_hash_table_contains (folds, fold))
        g_strv_builder_add (builder, list[i]);
    }

  return g_strv_builder_end (builder);
}

/* An issue's phrases of @kind after the merge: the project's (@old), but those the file
 * gives as another kind, then the file's */
static GStrv
merged_kind (const char * const *old,
             GPtrArray          *file[3],
             SpKeywordKind       kind)
{
  g_auto(GStrv) kept = list_without (old, file[(kind + 1) % 3], file[(kind + 2) % 3]);

  return merge_lists ((const char * const *)kept, file[kind], NULL);
}

static gboolean
strv_equal (const char * const *a,
            const char * const *b)
{
  static const char * const empty[] = { NULL };

  return g_strv_equal (a ? a : empty, b ? b : empty);
}

static gboolean
write_actors (Merge                  *self,
              SpProject              *project,
              SpCodebookImportStats  *stats,
              GError                **error)
{
  for (guint i = 0; i < self->order->len; i++)
    {
      guint file_index = g_array_index (self->order, guint, i);
      SpFileActor *actor = g_ptr_array_index (self->book->actors, file_index);
      Node *node = node_at (self, self->node_of[file_index]);
      gint64 parent_id = node->parent != NO_NODE ? node_at (self, node->parent)->id : 0;
      g_auto(GStrv) aliases = NULL;

      /* Parents come first, so a new parent already has its id. */
      g_assert (node->parent == NO_NODE || parent_id != 0);

      if (node->existing == NULL)
        {
          aliases = merge_lists (NULL, actor->aliases, actor->name);
          node->id = sp_project_add_actor (project, actor->name, actor->kind, parent_id,
                                           (const char * const *)aliases, error);
          if (node->id == 0)
            return FALSE;

          stats->actors_added++;
        }
      else
        {
          SpActor *existing = node->existing;
          const char * const *old_aliases = sp_actor_get_aliases (existing);

          aliases = merge_lists (old_aliases, actor->aliases, sp_actor_get_name (existing));
          if (strv_equal ((const char * const *)aliases, old_aliases) &&
              parent_id == sp_actor_get_affiliation_id (existing) &&
              actor->kind == sp_actor_get_kind (existing))
            continue;

          if (!sp_project_update_actor (project, node->id, sp_actor_get_name (existing),
                                        actor->kind, parent_id,
                                        (const char * const *)aliases, error))
            return FALSE;

          stats->actors_updated++;
        }
    }

  return TRUE;
}

static gboolean
write_issues (Merge                  *self,
              SpProject              *project,
              SpCodebookImportStats  *stats,
              GError                **error)
{
  g_autoptr(GListModel) project_issues = NULL;
  g_autoptr(GHashTable) by_fold = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  guint n;

  if (!(project_issues = sp_project_list_issues (project, error)))
    return FALSE;

  n = g_list_model_get_n_items (project_issues);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SpIssue) issue = g_list_model_get_item (project_issues, i);
      char *fold = sp_name_fold (sp_issue_get_key (issue));

      if (fold == NULL || g_hash_table_contains (by_fold, fold))
        g_free (fold);
      else
        g_hash_table_insert (by_fold, fold, g_steal_pointer (&issue));
    }

  for (guint i = 0; i < self->book->issues->len; i++)
    {
      SpFileIssue *issue = g_ptr_array_index (self->book->issues, i);
      SpIssue *existing = g_hash_table_lookup (by_fold, issue->fold);
      GPtrArray *file[3] = { issue->keywords, issue->opposing_keywords, issue->excluded_phrases };
      const char * const *old[3] = { NULL, NULL, NULL };
      g_auto(GStrv) keywords = NULL;
      g_auto(GStrv) opposing = NULL;
      g_auto(GStrv) excluded = NULL;
      gint64 id;

      if (existing != NULL)
        {
          old[SP_KEYWORD_KIND_KEYWORD] = sp_issue_get_keywords (existing);
          old[SP_KEYWORD_KIND_OPPOSING] = sp_issue_get_opposing_keywords (existing);
          old[SP_KEYWORD_KIND_EXCLUDED] = sp_issue_get_excluded_phrases (existing);
        }
      /* A phrase the file gives as one kind takes that kind */
      keywords = merged_kind (old[SP_KEYWORD_KIND_KEYWORD], file, SP_KEYWORD_KIND_KEYWORD);
      opposing = merged_kind (old[SP_KEYWORD_KIND_OPPOSING], file, SP_KEYWORD_KIND_OPPOSING);
      excluded = merged_kind (old[SP_KEYWORD_KIND_EXCLUDED], file, SP_KEYWORD_KIND_EXCLUDED);

      if (existing == NULL)
        {
          id = sp_project_add_issue (project, issue->key, issue->label,
                                     issue->proposition ? issue->proposition : "",
                                     (const char * const *)keywords, error);
          if (id == 0)
            return FALSE;

          stats->issues_added++;
        }
      else
        {
          const char *proposition = issue->proposition ? issue->proposition
                                                       : sp_issue_get_proposition (existing);

          if (strv_equal ((const char * const *)keywords, old[SP_KEYWORD_KIND_KEYWORD]) &&
              strv_equal ((const char * const *)opposing, old[SP_KEYWORD_KIND_OPPOSING]) &&
              strv_equal ((const char * const *)excluded, old[SP_KEYWORD_KIND_EXCLUDED]) &&
              g_strcmp0 (issue->label, sp_issue_get_label (existing)) == 0 &&
              g_strcmp0 (proposition, sp_issue_get_proposition (existing)) == 0)
            continue;

          /* The project's spelling of the key stays: it names a column of its CSV. */
          id = sp_issue_get_id (existing);
          if (!sp_project_update_issue (project, id,
                                        sp_issue_get_key (existing), issue->label, proposition,
                                        (const char * const *)keywords, error))
            return FALSE;

          stats->issues_updated++;
        }

      if ((opposing[0] != NULL || (old[SP_KEYWORD_KIND_OPPOSING] != NULL && old[SP_KEYWORD_KIND_OPPOSING][0] != NULL)) &&
          !sp_project_set_issue_keywords_of_kind (project, id, SP_KEYWORD_KIND_OPPOSING,
                                                  (const char * const *)opposing, error))
        return FALSE;
      if ((excluded[0] != NULL || (old[SP_KEYWORD_KIND_EXCLUDED] != NULL && old[SP_KEYWORD_KIND_EXCLUDED][0] != NULL)) &&
          !sp_project_set_issue_keywords_of_kind (project, id, SP_KEYWORD_KIND_EXCLUDED,
                                                  (const char * const *)excluded, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
merge_codebook (SpProject              *project,
                const SpCodebook       *book,
                SpCodebookImportStats  *stats,
                GError                **error)
{
  g_auto(Merge) merge = { book, };

  merge.nodes = g_array_new (FALSE, FALSE, sizeof (Node));
  merge.node_of = g_new0 (guint, MAX (book->actors->len, 1));
  merge.held = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  merge.folds = g_ptr_array_new_with_free_func (g_free);

  if (!load_project_actors (&merge, project, error) ||
      !resolve_actors (&merge, error) ||
      !resolve_affiliations (&merge, error) ||
      !order_actors (&merge, error))
    return FALSE;

  if (!write_actors (&merge, project, stats, error) ||
      !write_issues (&merge, project, stats, error))
    {
      g_prefix_error (error, "%s: ", book->source);
      return FALSE;
    }

  return TRUE;
}

/**
 * sp_codebook_merge:
 * @project: the project, in the thread that uses it
 * @book: a codebook from sp_codebook_read(); it is not changed and may be merged again
 * @stats: (out) (optional): what the import added and changed
 *
 * Merges a codebook into the project: actors by name, issues by key, both compared as the
 * store compares them (sp_name_fold). A matched actor takes its kind and affiliation from the
 * file and keeps its aliases with the file's added; a matched issue takes label and
 * proposition from the file and keeps its keywords with the file's added. Everything is
 * checked before anything is written; a codebook with any conflict is refused as a whole,
 * and a successful merge is one undo step.
 *
 * Returns: %TRUE on success; %FALSE with an #SP_CODEBOOK_ERROR (or, when the store fails,
 *   an #SP_PROJECT_ERROR) whose message names the file and the offending member
 */
gboolean
sp_codebook_merge (SpProject              *project,
                   const SpCodebook       *book,
                   SpCodebookImportStats  *stats,
                   GError                **error)
{
  SpCodebookImportStats counted = { 0 };
  gboolean ok;

  g_return_val_if_fail (SP_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (book != NULL, FALSE);

  /* Checking against the project inside the action means nothing changes in between. */
  if (!sp_project_begin_action (project, _("Import Codebook"), error))
    return FALSE;

  ok = merge_codebook (project, book, &counted, error);

  if (!sp_project_end_action (project, ok, ok ? error : NULL))
    return FALSE;

  if (stats != NULL)
    *stats = counted;

  return TRUE;
}

/**
 * sp_codebook_import:
 * @data: the file's bytes
 * @length: the length of @data, or -1 when it is NUL-terminated
 * @source_name: the file's name, for messages ("codebook.json: actors[3].kind: …")
 * @stats: (out) (optional): what the import added and changed
 *
 * sp_codebook_read() and sp_codebook_merge() in one call, in the project's thread.
 */
gboolean
sp_codebook_import (SpProject              *project,
                    const char             *data,
                    gssize                  length,
                    const char             *source_name,
                    SpCodebookImportStats  *stats,
                    GError                **error)
{
  g_autoptr(SpCodebook) book = NULL;

  g_return_val_if_fail (SP_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (data != NULL || length <= 0, FALSE);

  if (!(book = sp_codebook_read (data, length, source_name, error)))
    return FALSE;

  return sp_codebook_merge (project, book, stats, error);
}
