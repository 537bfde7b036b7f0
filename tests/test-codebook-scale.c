/* test-codebook-scale.c
 *
 * The two shapes of codebook that once took minutes to import — ten thousand actors in ten
 * groups, and a chain of affiliations ten thousand deep — import whole, every actor with the
 * right affiliation. How long they take is bench/codebook-bench's business, not a test's.
 */
#define G_LOG_DOMAIN "test-codebook-scale"

#include "config.h"

#include "sp-codebook.h"
#include "sp-test-util.h"

#define N_GROUPS 10

/* Ten thousand, or the number given after the test options (the sanitizer build checks the
 * same paths on fewer actors) */
static guint n_actors = 10000;

typedef struct
{
  char      *dir;
  SpProject *project;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = sp_test_make_tmpdir ();
  f->project = sp_test_new_project (f->dir, "scale.standpoint");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->project);
  sp_test_remove_tree (f->dir);
  g_free (f->dir);
}

static void
append_actor (GString    *json,
              const char *name,
              const char *kind,
              const char *affiliation)
{
  g_string_append_printf (json, "%s\n  {\"name\": \"%s\", \"kind\": \"%s\"",
                          json->str[json->len - 1] == '[' ? "" : ",", name, kind);
  if (affiliation != NULL)
    g_string_append_printf (json, ", \"affiliation\": \"%s\"", affiliation);
  g_string_append_c (json, '}');
}

/* Returns: (transfer full): name -> the affiliation's name, for every actor */
static GHashTable *
import_and_list (SpProject  *project,
                 const char *json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) actors = NULL;
  GHashTable *affiliations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  SpCodebookImportStats stats = { 0 };

  g_assert_true (sp_codebook_import (project, json, -1, "scale.json", &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.actors_added, ==, n_actors);
  g_assert_cmpuint (stats.actors_updated, ==, 0);

  actors = sp_project_list_actors (project, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (actors), ==, n_actors);

  for (guint i = 0; i < n_actors; i++)
    {
      g_autoptr(SpActor) actor = g_list_model_get_item (actors, i);
      const char *parent = sp_actor_get_affiliation_name (actor);

      g_hash_table_insert (affiliations, g_strdup (sp_actor_get_name (actor)),
                           g_strdup (sp_actor_get_affiliation_id (actor) ? parent : ""));
    }

  return affiliations;
}

/* Members listed before their groups: every affiliation is a forward reference. */
static void
test_groups (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GString) json = g_string_new ("{\"format\": \"standpoint-codebook\", \"version\": 1, \"actors\": [");
  g_autoptr(GHashTable) affiliations = NULL;

  for (guint i = 0; i < n_actors - N_GROUPS; i++)
    {
      g_autofree char *name = g_strdup_printf ("Member %05u", i);
      g_autofree char *group = g_strdup_printf ("Group %u", i % N_GROUPS);

      append_actor (json, name, "person", group);
    }
  for (guint i = 0; i < N_GROUPS; i++)
    {
      g_autofree char *name = g_strdup_printf ("Group %u", i);

      append_actor (json, name, "group", NULL);
    }
  g_string_append (json, "]}\n");

  affiliations = import_and_list (f->project, json->str);

  for (guint i = 0; i < n_actors - N_GROUPS; i++)
    {
      g_autofree char *name = g_strdup_printf ("Member %05u", i);
      g_autofree char *group = g_strdup_printf ("Group %u", i % N_GROUPS);

      g_assert_cmpstr (g_hash_table_lookup (affiliations, name), ==, group);
    }
  for (guint i = 0; i < N_GROUPS; i++)
    {
      g_autofree char *name = g_strdup_printf ("Group %u", i);

      g_assert_cmpstr (g_hash_table_lookup (affiliations, name), ==, "");
    }
}

/* Link i belongs to link i - 1; the deepest link comes first in the file. */
static void
test_chain (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GString) json = g_string_new ("{\"format\": \"standpoint-codebook\", \"version\": 1, \"actors\": [");
  g_autoptr(GHashTable) affiliations = NULL;

  for (guint i = n_actors; i > 0; i--)
    {
      g_autofree char *name = g_strdup_printf ("Link %05u", i - 1);
      g_autofree char *parent = i > 1 ? g_strdup_printf ("Link %05u", i - 2) : NULL;

      append_actor (json, name, "group", parent);
    }
  g_string_append (json, "]}\n");

  affiliations = import_and_list (f->project, json->str);

  for (guint i = 0; i < n_actors; i++)
    {
      g_autofree char *name = g_strdup_printf ("Link %05u", i);
      g_autofree char *parent = i > 0 ? g_strdup_printf ("Link %05u", i - 1) : g_strdup ("");

      g_assert_cmpstr (g_hash_table_lookup (affiliations, name), ==, parent);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (argc > 1)
    n_actors = MAX ((guint) g_ascii_strtoull (argv[1], NULL, 10), 2 * N_GROUPS);

  g_test_add ("/codebook-scale/groups", Fixture, NULL, fixture_set_up, test_groups, fixture_tear_down);
  g_test_add ("/codebook-scale/chain", Fixture, NULL, fixture_set_up, test_chain, fixture_tear_down);

  return g_test_run ();
}
