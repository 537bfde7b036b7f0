/* test-actor-merge.c
 *
 * Merging two actors: claims and suggestions move, aliases and the merged name join the kept
 * actor, members are re-pointed, circles are refused, and one undo restores every row byte
 * for byte (redo brings the merge back).
 */
#define G_LOG_DOMAIN "test-actor-merge"

#include "config.h"

#include <string.h>

#include <sqlite3.h>

#include "sp-project.h"
#include "sp-test-util.h"

typedef struct
{
  char      *dir;
  SpProject *project;
  gint64     document;
  gint64     issue;
  gint64     russia;     /* aliases Moscow, Russian Federation */
  gint64     kremlin;    /* alias Kremlin Palace; affiliated with nobody; two claims */
  gint64     peskov;     /* affiliated with Kremlin */
  gint64     spokesman;  /* affiliated with Peskov */
} Fixture;

static const char article[] =
  "The Kremlin said talks could resume next month.\n\n"
  "Moscow rejected the proposal outright.\n\n"
  "Peskov told reporters that nothing had been agreed.";

static gint64
add_actor (SpProject          *project,
           const char         *name,
           SpActorKind         kind,
           gint64              affiliation,
           const char * const *aliases)
{
  g_autoptr(GError) error = NULL;
  gint64 id = sp_project_add_actor (project, name, kind, affiliation, aliases, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  static const char * const russia_aliases[] = { "Moscow", "Russian Federation", NULL };
  static const char * const kremlin_aliases[] = { "Kremlin Palace", NULL };
  g_autoptr(GError) error = NULL;
  SpSuggestionFields suggestion = { .sentence = 0, .start = 4, .end = 47, .stance = 1,
                                    .prior = 0.6, .confidence = 0.6 };

  f->dir = sp_test_make_tmpdir ();
  f->project = sp_test_new_project (f->dir, "merge.standpoint");
  f->document = sp_test_add_article (f->project, "talks.txt", "Talks", article);
  f->issue = sp_project_add_issue (f->project, "talks", "Talks resume", "Talks should resume",
                                   NULL, &error);
  g_assert_no_error (error);

  f->russia = add_actor (f->project, "Russia", SP_ACTOR_KIND_STATE, 0, russia_aliases);
  f->kremlin = add_actor (f->project, "Kremlin", SP_ACTOR_KIND_ORGANISATION, 0, kremlin_aliases);
  f->peskov = add_actor (f->project, "Dmitry Peskov", SP_ACTOR_KIND_PERSON, f->kremlin, NULL);
  f->spokesman = add_actor (f->project, "Deputy Spokesman", SP_ACTOR_KIND_PERSON, f->peskov, NULL);

  sp_test_add_claim (f->project, f->document, 0, 47, f->kremlin, f->issue, 1, NULL);
  sp_test_add_claim (f->project, f->document, 49, 87, f->russia, f->issue, -2, NULL);
  sp_test_add_claim (f->project, f->document, 89, 139, f->kremlin, f->issue, 0, "hedged");

  suggestion.actor_id = f->kremlin;
  suggestion.issue_id = f->issue;
  g_assert_true (sp_project_replace_suggestions (f->project, f->document, &suggestion, 1, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sp_test_count_rows (f->project, "SELECT count(*) FROM suggestions"), ==, 1);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->project);
  sp_test_remove_tree (f->dir);
  g_free (f->dir);
}

/* Every row of the tables a merge touches, in id order, read through a connection of its
 * own: what "restores everything exactly" is compared on. */
static char *
dump_rows (SpProject *project)
{
  static const char * const queries[] = {
    "SELECT * FROM actors ORDER BY id",
    "SELECT * FROM actor_aliases ORDER BY id",
    "SELECT * FROM actor_keys ORDER BY id",
    "SELECT * FROM claims ORDER BY id",
    "SELECT * FROM suggestions ORDER BY id",
  };
  GString *out = g_string_new (NULL);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (sp_project_get_path (project), &db, SQLITE_OPEN_READONLY, NULL),
                   ==, SQLITE_OK);

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (db, queries[q], -1, &stmt, NULL), ==, SQLITE_OK);
      g_string_append_printf (out, "%s\n", queries[q]);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int i = 0; i < sqlite3_column_count (stmt); i++)
            {
              const char *text = (const char *)sqlite3_column_text (stmt, i);
              g_string_append_printf (out, "%s|", text ? text : "<null>");
            }
          g_string_append_c (out, '\n');
        }
      sqlite3_finalize (stmt);
    }

  sqlite3_close (db);
  return g_string_free (out, FALSE);
}

static void
test_merge_moves_everything (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpActor) russia = NULL;
  g_autoptr(SpActor) peskov = NULL;
  g_autoptr(SpActor) spokesman = NULL;
  const char * const *aliases;
  gint64 found = 0;

  g_assert_true (sp_project_merge_actors (f->project, f->russia, f->kremlin, &error));
  g_assert_no_error (error);

  /* The merged actor is gone; its claims and its suggestion are the kept actor's */
  g_assert_null (sp_project_get_actor (f->project, f->kremlin, &error));
  g_assert_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (sp_test_count_rows (f->project, "SELECT count(*) FROM claims WHERE actor_id = 1"), ==, 3);
  g_assert_cmpint (sp_test_count_rows (f->project, "SELECT count(*) FROM claims WHERE actor_id = 2"), ==, 0);
  g_assert_cmpint (sp_test_count_rows (f->project, "SELECT count(*) FROM suggestions WHERE actor_id = 1"), ==, 1);
  g_assert_cmpint (sp_test_count_rows (f->project, "SELECT count(*) FROM claims WHERE note = 'hedged' AND stance = 0"), ==, 1);

  /* Aliases joined, with the merged actor's name among them (sorted by the store) */
  russia = sp_project_get_actor (f->project, f->russia, &error);
  g_assert_no_error (error);
  aliases = sp_actor_get_aliases (russia);
  g_assert_cmpuint (g_strv_length ((char **)aliases), ==, 4);
  g_assert_cmpstr (aliases[0], ==, "Kremlin");
  g_assert_cmpstr (aliases[1], ==, "Kremlin Palace");
  g_assert_cmpstr (aliases[2], ==, "Moscow");
  g_assert_cmpstr (aliases[3], ==, "Russian Federation");
  g_assert_cmpuint (sp_actor_get_claim_count (russia), ==, 3);
  g_assert_cmpint (sp_actor_get_kind (russia), ==, SP_ACTOR_KIND_STATE);

  /* Every name is found, by the rule for names, as the kept actor */
  g_assert_true (sp_project_find_actor (f->project, "KREMLIN", &found, &error));
  g_assert_cmpint (found, ==, f->russia);
  g_assert_true (sp_project_find_actor (f->project, "kremlin palace", &found, &error));
  g_assert_cmpint (found, ==, f->russia);
  g_assert_no_error (error);

  /* Members re-pointed; a member's own members stay where they were */
  peskov = sp_project_get_actor (f->project, f->peskov, &error);
  spokesman = sp_project_get_actor (f->project, f->spokesman, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sp_actor_get_affiliation_id (peskov), ==, f->russia);
  g_assert_cmpint (sp_actor_get_affiliation_id (spokesman), ==, f->peskov);
  g_assert_cmpint (sp_actor_get_group_id (spokesman), ==, f->russia);

  /* The freed name can be used again, and the taken one cannot */
  g_assert_cmpint (sp_project_add_actor (f->project, "Kremlin Palace", SP_ACTOR_KIND_ORGANISATION, 0, NULL, &error), ==, 0);
  g_assert_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_CONFLICT);
}

static void
test_merge_undo_redo (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dump_rows (f->project);
  g_autofree char *label_before = g_strdup (sp_project_get_undo_label (f->project));
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;

  g_assert_true (sp_project_merge_actors (f->project, f->russia, f->kremlin, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (sp_project_get_undo_label (f->project), ==, "Merge Actors");
  after = dump_rows (f->project);
  g_assert_cmpstr (after, !=, before);

  /* One step: a single undo restores every row exactly */
  g_assert_true (sp_project_undo (f->project, &error));
  g_assert_no_error (error);
  undone = dump_rows (f->project);
  g_assert_cmpstr (undone, ==, before);
  g_assert_cmpstr (sp_project_get_undo_label (f->project), ==, label_before);

  g_assert_true (sp_project_redo (f->project, &error));
  g_assert_no_error (error);
  redone = dump_rows (f->project);
  g_assert_cmpstr (redone, ==, after);

  /* And back once more, through the redo that just ran */
  g_assert_true (sp_project_undo (f->project, &error));
  g_clear_pointer (&undone, g_free);
  undone = dump_rows (f->project);
  g_assert_cmpstr (undone, ==, before);
}

static void
test_merge_refusals (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dump_rows (f->project);
  g_autofree char *label_before = g_strdup (sp_project_get_undo_label (f->project));
  g_autofree char *after = NULL;

  /* Peskov is part of the Kremlin: taking it in would make Peskov part of himself, and so
   * would the spokesman two levels down */
  g_assert_false (sp_project_merge_actors (f->project, f->peskov, f->kremlin, &error));
  g_assert_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "part of itself"));
  g_clear_error (&error);
  g_assert_false (sp_project_merge_actors (f->project, f->spokesman, f->kremlin, &error));
  g_assert_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (sp_project_merge_actors (f->project, f->russia, f->russia, &error));
  g_assert_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (sp_project_merge_actors (f->project, f->russia, 999, &error));
  g_assert_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Nothing changed, and no step was added */
  after = dump_rows (f->project);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpstr (sp_project_get_undo_label (f->project), ==, label_before);
}

static void
test_merge_member_into_group (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpActor) kremlin = NULL;
  g_autoptr(SpActor) spokesman = NULL;

  /* The other way round is fine: the Kremlin takes in Peskov, whose member moves up to it */
  g_assert_true (sp_project_merge_actors (f->project, f->kremlin, f->peskov, &error));
  g_assert_no_error (error);

  kremlin = sp_project_get_actor (f->project, f->kremlin, &error);
  spokesman = sp_project_get_actor (f->project, f->spokesman, &error);
  g_assert_no_error (error);
  /* The kept actor does not become affiliated with itself */
  g_assert_cmpint (sp_actor_get_affiliation_id (kremlin), ==, 0);
  g_assert_cmpint (sp_actor_get_affiliation_id (spokesman), ==, f->kremlin);
  g_assert_cmpuint (g_strv_length ((char **)sp_actor_get_aliases (kremlin)), ==, 2);
  g_assert_cmpstr (sp_actor_get_aliases (kremlin)[0], ==, "Dmitry Peskov");
}

static void
test_merge_takes_affiliation (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpActor) keep = NULL;
  gint64 aide;

  /* An actor without an affiliation takes the merged one's */
  aide = add_actor (f->project, "Kremlin aide", SP_ACTOR_KIND_PERSON, 0, NULL);
  g_assert_true (sp_project_merge_actors (f->project, aide, f->spokesman, &error));
  g_assert_no_error (error);
  keep = sp_project_get_actor (f->project, aide, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sp_actor_get_affiliation_id (keep), ==, f->peskov);
  g_assert_cmpint (sp_actor_get_group_id (keep), ==, f->kremlin);
}

static void
test_merge_read_only (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpProject) reader = NULL;
  g_autofree char *path = g_strdup (sp_project_get_path (f->project));

  g_clear_object (&f->project);
  reader = sp_project_open_read_only (path, &error);
  g_assert_no_error (error);
  g_assert_false (sp_project_merge_actors (reader, 1, 2, &error));
  g_assert_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_READ_ONLY);
  g_assert_cmpint (sp_test_count_rows (reader, "SELECT count(*) FROM actors"), ==, 4);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/actor-merge/moves-everything", test_merge_moves_everything);
  ADD ("/actor-merge/undo-redo", test_merge_undo_redo);
  ADD ("/actor-merge/refusals", test_merge_refusals);
  ADD ("/actor-merge/member-into-group", test_merge_member_into_group);
  ADD ("/actor-merge/takes-affiliation", test_merge_takes_affiliation);
  ADD ("/actor-merge/read-only", test_merge_read_only);

#undef ADD

  return g_test_run ();
}
