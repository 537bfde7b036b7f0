/* test-names.c
 *
 * The one rule for names in the store: names, aliases and issue keys stored in normal form
 * and unique under their fold key, lookups through it, and the migration that brings an
 * older project under the rule without merging or losing anything.
 */
#include "config.h"

#include <string.h>

#include <sqlite3.h>
#include <glib/gstdio.h>

#include "sp-name.h"
#include "sp-project-private.h"
#include "sp-test-util.h"

/* The same names, precomposed and decomposed (E + COMBINING ACUTE ACCENT) */
#define EMILE_NFC "\xc3\x89mile Dupont"
#define EMILE_NFD "E\xcc\x81mile Dupont"

typedef struct
{
  char      *dir;
  SpProject *project;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = sp_test_make_tmpdir ();
  f->project = sp_test_new_project (f->dir, "names.standpoint");
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->project);
  sp_test_remove_tree (f->dir);
  g_free (f->dir);
}

static gint64
add_actor (SpProject          *project,
           const char         *name,
           const char * const *aliases)
{
  g_autoptr(GError) error = NULL;
  gint64 id = sp_project_add_actor (project, name, SP_ACTOR_KIND_ORGANISATION, 0, aliases, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
assert_conflict (GError     *error,
                 const char *mentioned)
{
  g_assert_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_CONFLICT);
  if (strstr (error->message, mentioned) == NULL)
    g_error ("“%s” does not mention “%s”", error->message, mentioned);
}

/* Every name and alias has exactly one key row, and no row points nowhere */
static void
assert_keys_consistent (SpProject *project)
{
  g_assert_cmpint (sp_test_count_rows (project, "SELECT count(*) FROM actor_keys"), ==,
                   sp_test_count_rows (project, "SELECT (SELECT count(*) FROM actors) + (SELECT count(*) FROM actor_aliases)"));
  g_assert_cmpint (sp_test_count_rows (project, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
}

static void
test_case_under_unicode (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 osaka, found = 0;

  osaka = add_actor (f->project, "Ōsaka Group", NULL);

  /* SQLite's NOCASE folds ASCII only: this was accepted before */
  g_assert_cmpint (sp_project_add_actor (f->project, "ōSAKA GROUP", SP_ACTOR_KIND_GROUP, 0, NULL, &error), ==, 0);
  assert_conflict (error, "Ōsaka Group");
  g_clear_error (&error);

  g_assert_true (sp_project_find_actor (f->project, "ŌSAKA  group", &found, &error));
  g_assert_no_error (error);
  g_assert_cmpint (found, ==, osaka);
  g_assert_cmpint (sp_test_count_rows (f->project, "SELECT count(*) FROM actors"), ==, 1);
}

static void
test_alias_under_unicode (Fixture       *f,
                          gconstpointer  data)
{
  const char *first_aliases[] = { "ōsaka", NULL };
  const char *second_aliases[] = { "Ōsaka", NULL };
  g_autoptr(GError) error = NULL;
  gint64 first, second;

  first = add_actor (f->project, "Osaka City Council", first_aliases);
  second = add_actor (f->project, "Osaka Prefecture", NULL);

  g_assert_false (sp_project_update_actor (f->project, second, "Osaka Prefecture",
                                           SP_ACTOR_KIND_STATE, 0, second_aliases, &error));
  assert_conflict (error, "Osaka City Council");
  g_clear_error (&error);

  /* A name may not take another actor's alias either */
  g_assert_cmpint (sp_project_add_actor (f->project, "ŌSAKA", SP_ACTOR_KIND_GROUP, 0, NULL, &error), ==, 0);
  assert_conflict (error, "Osaka City Council");
  g_clear_error (&error);

  {
    gint64 found = 0;
    g_assert_true (sp_project_find_actor (f->project, "Ōsaka", &found, &error));
    g_assert_cmpint (found, ==, first);
  }
  g_assert_cmpint (sp_test_count_rows (f->project, "SELECT count(*) FROM actor_aliases"), ==, 1);
  assert_keys_consistent (f->project);
}

static void
test_decomposed_accents (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpActor) actor = NULL;
  gint64 id, found = 0;

  id = add_actor (f->project, EMILE_NFC, NULL);
  g_assert_cmpint (sp_project_add_actor (f->project, EMILE_NFD, SP_ACTOR_KIND_PERSON, 0, NULL, &error), ==, 0);
  assert_conflict (error, EMILE_NFC);
  g_clear_error (&error);

  g_assert_true (sp_project_find_actor (f->project, EMILE_NFD, &found, &error));
  g_assert_cmpint (found, ==, id);

  /* Stored in normal form: a decomposed, tab-separated name comes back precomposed */
  g_assert_true (sp_project_delete_actor (f->project, id, &error));
  id = add_actor (f->project, " E\xcc\x81mile\t Dupont ", NULL);
  actor = sp_project_get_actor (f->project, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sp_actor_get_name (actor), ==, EMILE_NFC);
}

static void
test_issue_keys (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 nato, found = 0;

  nato = sp_project_add_issue (f->project, "nato", "NATO membership", NULL, NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpint (sp_project_add_issue (f->project, "NATO", "Again", NULL, NULL, &error), ==, 0);
  assert_conflict (error, "nato");
  g_clear_error (&error);

  g_assert_true (sp_project_find_issue (f->project, "Nato", &found, &error));
  g_assert_cmpint (found, ==, nato);

  /* An issue may change the case of its own key */
  g_assert_true (sp_project_update_issue (f->project, nato, "NATO", "NATO membership", NULL, NULL, &error));
  g_assert_no_error (error);
}

/* A name and an alias trade places in one edit; undo and redo bring each state back whole */
static void
test_swap_and_undo (Fixture       *f,
                    gconstpointer  data)
{
  const char *before[] = { "Russian Federation", "Kremlin", NULL };
  const char *after[] = { "russia", "Kremlin", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(SpActor) actor = NULL;
  gint64 id, found = 0;

  id = add_actor (f->project, "Russia", before);
  g_assert_true (sp_project_update_actor (f->project, id, "Russian Federation",
                                          SP_ACTOR_KIND_STATE, 0, after, &error));
  g_assert_no_error (error);
  assert_keys_consistent (f->project);

  actor = sp_project_get_actor (f->project, id, &error);
  g_assert_cmpstr (sp_actor_get_name (actor), ==, "Russian Federation");
  g_assert_true (sp_project_find_actor (f->project, "RUSSIA", &found, &error));
  g_assert_cmpint (found, ==, id);

  g_assert_true (sp_project_undo (f->project, &error));
  g_assert_no_error (error);
  assert_keys_consistent (f->project);
  g_clear_object (&actor);
  actor = sp_project_get_actor (f->project, id, &error);
  g_assert_cmpstr (sp_actor_get_name (actor), ==, "Russia");

  g_assert_true (sp_project_redo (f->project, &error));
  g_assert_no_error (error);
  assert_keys_consistent (f->project);

  /* Deleting takes the keys along; undo brings them back, so the name is taken again */
  g_assert_true (sp_project_delete_actor (f->project, id, &error));
  g_assert_cmpint (sp_test_count_rows (f->project, "SELECT count(*) FROM actor_keys"), ==, 0);
  g_assert_true (sp_project_undo (f->project, &error));
  assert_keys_consistent (f->project);
  g_assert_cmpint (sp_project_add_actor (f->project, "KREMLIN", SP_ACTOR_KIND_STATE, 0, NULL, &error), ==, 0);
  assert_conflict (error, "Kremlin");
}

/* A project as version 3 wrote it, with names that are the same under the new rule */
static char *
make_version_3_project (const char *dir)
{
  return sp_test_make_old_project (dir, "old.standpoint", 3,
                                   "INSERT INTO documents (id, file_name, title, body, body_length, "
                                   "  content_hash, text_hash, imported) "
                                   "VALUES (1, 'a.txt', 'A', 'Talks resumed in Osaka today.', 29, 'c', 't', 'x');"
                                   "INSERT INTO actors (id, name, kind, created, updated) VALUES "
                                   "  (1, 'Ōsaka Group', 'group', 'x', 'x'),"
                                   "  (2, 'ōSAKA GROUP', 'group', 'x', 'x'),"
                                   "  (3, '" EMILE_NFD "', 'person', 'x', 'x'),"
                                   "  (4, '" EMILE_NFC "', 'person', 'x', 'x'),"
                                   "  (5, 'Ōsaka Group (duplicate)', 'group', 'x', 'x');"
                                   "INSERT INTO actor_aliases (id, actor_id, alias) VALUES "
                                   "  (1, 1, 'ōsaka'), (2, 4, 'Ōsaka'), (3, 3, 'D\xc3\xbcpont'), (4, 4, 'Du\xcc\x88pont');"
                                   "INSERT INTO issues (id, key, label, created, updated) VALUES "
                                   "  (1, 'nato', 'NATO', 'x', 'x'), (2, 'NATO', 'NATO again', 'x', 'x');"
                                   "INSERT INTO claims (document_id, start_offset, end_offset, actor_id, issue_id, "
                                   "  stance, origin, created, updated) VALUES "
                                   "  (1, 0, 5, 2, 2, 1, 'manual', 'x', 'x'), (1, 6, 10, 4, 1, -1, 'manual', 'x', 'x');");
}

static void
assert_note (GPtrArray  *notes,
             const char *part1,
             const char *part2)
{
  for (guint i = 0; i < notes->len; i++)
    if (strstr (notes->pdata[i], part1) && strstr (notes->pdata[i], part2))
      return;

  for (guint i = 0; i < notes->len; i++)
    g_printerr ("note: %s\n", (char *)notes->pdata[i]);
  g_error ("no note mentions “%s” and “%s”", part1, part2);
}

static void
assert_name (SpProject  *project,
             gint64      id,
             const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpActor) actor = sp_project_get_actor (project, id, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (sp_actor_get_name (actor), ==, expected);
}

/* Two lists share a name under the rule for names; repeats inside one list do not count */
static void
test_lists_overlap (void)
{
  const char *keywords[] = { "Truce", "truce", "ceasefire", NULL };
  const char *opposing[] = { "offensive", NULL };
  const char *excluded[] = { "truce talks", "CEASEFIRE", NULL };
  const char * const *lists[] = { keywords, opposing, NULL, excluded };
  guint list = 9, index = 9, earlier = 9;

  g_assert_false (sp_name_lists_overlap (lists, 3, &list, &index, &earlier));
  g_assert_true (sp_name_lists_overlap (lists, 4, &list, &index, &earlier));
  g_assert_cmpuint (list, ==, 3);
  g_assert_cmpuint (index, ==, 1);
  g_assert_cmpuint (earlier, ==, 0);
}

static void
test_migrate_duplicates (void)
{
  g_autofree char *dir = sp_test_make_tmpdir ();
  g_autofree char *path = make_version_3_project (dir);
  g_autofree char *backup = g_strconcat (path, ".v3.bak", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SpProject) project = NULL;
  g_autoptr(SpActor) actor = NULL;
  g_autoptr(SpIssue) issue = NULL;
  GPtrArray *notes;
  gint64 found = 0;

  project = sp_project_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));

  /* Nothing merged, nothing lost: every row is there, claims on the renamed ones too */
  g_assert_cmpint (sp_test_count_rows (project, "SELECT count(*) FROM actors"), ==, 5);
  g_assert_cmpint (sp_test_count_rows (project, "SELECT count(*) FROM actor_aliases"), ==, 4);
  g_assert_cmpint (sp_test_count_rows (project, "SELECT count(*) FROM issues"), ==, 2);
  g_assert_cmpint (sp_test_count_rows (project, "SELECT count(*) FROM claims WHERE actor_id = 2 AND issue_id = 2"), ==, 1);
  g_assert_cmpint (sp_test_count_rows (project, "SELECT count(*) FROM claims WHERE actor_id = 4 AND issue_id = 1"), ==, 1);
  assert_keys_consistent (project);

  /* The first keeps its spelling (now in normal form); later ones get a suffix that is the
   * same as no other name */
  assert_name (project, 1, "Ōsaka Group");
  assert_name (project, 2, "ōSAKA GROUP (duplicate 2)");
  assert_name (project, 3, EMILE_NFC);
  assert_name (project, 4, EMILE_NFC " (duplicate)");
  assert_name (project, 5, "Ōsaka Group (duplicate)");

  actor = sp_project_get_actor (project, 4, &error);
  g_assert_cmpstr (sp_actor_get_aliases (actor)[0], ==, "D\xc3\xbcpont (duplicate)");
  g_assert_cmpstr (sp_actor_get_aliases (actor)[1], ==, "Ōsaka (duplicate)");
  issue = sp_project_get_issue (project, 2, &error);
  g_assert_cmpstr (sp_issue_get_key (issue), ==, "NATO-duplicate");

  /* Each rename is reported */
  notes = sp_project_get_open_notes (project);
  g_assert_cmpuint (notes->len, ==, 5);
  assert_note (notes, "ōSAKA GROUP", "ōSAKA GROUP (duplicate 2)");
  assert_note (notes, EMILE_NFC, EMILE_NFC " (duplicate)");
  assert_note (notes, "“Ōsaka”", "“Ōsaka (duplicate)”");
  assert_note (notes, "“Du\xcc\x88pont”", "“D\xc3\xbcpont (duplicate)”");
  assert_note (notes, "“NATO”", "“NATO-duplicate”");

  /* Lookups follow the new rule */
  g_assert_true (sp_project_find_actor (project, "ŌSAKA", &found, &error));
  g_assert_cmpint (found, ==, 1);
  g_assert_true (sp_project_find_actor (project, EMILE_NFD, &found, &error));
  g_assert_cmpint (found, ==, 3);

  /* The next open has nothing to report */
  g_clear_object (&project);
  project = sp_project_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sp_project_get_open_notes (project)->len, ==, 0);

  g_clear_object (&project);
  sp_test_remove_tree (dir);
}

/* An alias whose actor is gone (a file written with foreign keys off) does not stop the
 * migration: it is reported instead */
static void
test_migrate_dangling_alias (void)
{
  g_autofree char *dir = sp_test_make_tmpdir ();
  g_autofree char *path = make_version_3_project (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(SpProject) project = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO actor_aliases (id, actor_id, alias) VALUES (9, 99, 'Ghost')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  project = sp_project_open (path, &error);
  g_assert_no_error (error);
  assert_note (sp_project_get_open_notes (project), "actor_aliases", "(id 9)");
  g_assert_cmpint (sp_test_count_rows (project, "SELECT count(*) FROM actor_aliases"), ==, 5);

  g_clear_object (&project);
  sp_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/names/case-under-unicode", test_case_under_unicode);
  ADD ("/names/alias-under-unicode", test_alias_under_unicode);
  ADD ("/names/decomposed-accents", test_decomposed_accents);
  ADD ("/names/issue-keys", test_issue_keys);
  ADD ("/names/swap-and-undo", test_swap_and_undo);
#undef ADD
  g_test_add_func ("/names/lists-overlap", test_lists_overlap);
  g_test_add_func ("/names/migrate-duplicates", test_migrate_duplicates);
  g_test_add_func ("/names/migrate-dangling-alias", test_migrate_dangling_alias);

  return g_test_run ();
}
