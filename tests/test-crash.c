/* test-crash.c
 *
 * Every acknowledged edit survives kill -9. The test runs itself as a child that makes
 * edits as fast as it can, printing "ack ID" after each one returns; the parent kills it
 * with SIGKILL mid-stream, reopens the file, and looks for every acknowledged claim.
 */
#include "config.h"

#include <stdio.h>

#include "sp-test-util.h"

#define ACKS_BEFORE_KILL 200

static int
run_child (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpProject) project = sp_project_open (path, &error);
  gint64 actor, issue;

  g_assert_no_error (error);
  g_assert_true (sp_project_find_actor (project, "Envoy", &actor, &error));
  g_assert_true (sp_project_find_issue (project, "talks", &issue, &error));

  for (guint i = 0; ; i++)
    {
      SpClaimSpec spec = { 1, i % 40, i % 40 + 5, actor, issue, (int)(i % 5) - 2, NULL, SP_CLAIM_ORIGIN_MANUAL, 0 };
      gint64 id = sp_project_add_claim (project, &spec, &error);

      g_assert_no_error (error);
      printf ("ack %" G_GINT64_FORMAT " %d\n", id, spec.stance);
      fflush (stdout);
    }

  return 0;
}

/* How many of the acknowledged claims @project holds */
static guint
count_acked (SpProject  *project,
             GHashTable *acked)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) claims = sp_project_list_claims (project, 0, &error);
  guint n_found = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (claims); i++)
    {
      g_autoptr(SpClaim) claim = g_list_model_get_item (claims, i);
      gint64 id = sp_claim_get_id (claim);

      if (g_hash_table_contains (acked, &id))
        n_found++;
    }

  return n_found;
}

static void
test_kill_during_edits (void)
{
  g_autofree char *dir = sp_test_make_tmpdir ();
  g_autofree char *path = NULL;
  g_autoptr(SpProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GDataInputStream) lines = NULL;
  g_autoptr(GHashTable) acked = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GListModel) claims = NULL;
  guint n_acked = 0;
  guint n_found = 0;

  project = sp_test_new_project (dir, "crash.standpoint");
  path = g_strdup (sp_project_get_path (project));
  sp_test_add_document (project, "talks.txt", "Talks",
                        "The envoy said talks would continue next week in the capital.");
  g_assert_cmpint (sp_project_add_actor (project, "Envoy", SP_ACTOR_KIND_PERSON, 0, NULL, &error), >, 0);
  g_assert_cmpint (sp_project_add_issue (project, "talks", "Talks", NULL, NULL, &error), >, 0);
  g_clear_object (&project);

  child = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                            g_test_get_filename (G_TEST_BUILT, "test-crash", NULL),
                            "--child", path, NULL);
  g_assert_no_error (error);

  lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (child));
  while (n_acked < ACKS_BEFORE_KILL)
    {
      g_autofree char *line = g_data_input_stream_read_line (lines, NULL, NULL, &error);
      gint64 id;

      g_assert_no_error (error);
      g_assert_nonnull (line);
      g_assert_true (g_str_has_prefix (line, "ack "));
      id = g_ascii_strtoll (line + 4, NULL, 10);
      g_hash_table_add (acked, g_memdup2 (&id, sizeof id));
      n_acked++;
    }

  g_subprocess_force_exit (child);
  g_subprocess_wait (child, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (g_subprocess_get_if_exited (child));

  /* A read-only open reads the WAL the killed process left behind without replaying it
   * into the file; a read-write open replays it */
  project = sp_project_open_read_only (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_acked (project, acked), ==, n_acked);
  g_clear_object (&project);

  project = sp_project_open (path, &error);
  g_assert_no_error (error);
  claims = sp_project_list_claims (project, 0, &error);
  g_assert_no_error (error);
  n_found = count_acked (project, acked);

  g_test_message ("%u edits acknowledged before the kill, %u claims in the reopened file",
                  n_acked, g_list_model_get_n_items (claims));
  g_assert_cmpuint (n_found, ==, n_acked);

  /* And the project still takes edits */
  {
    SpClaimSpec spec = { 1, 0, 3, 1, 1, 0, NULL, SP_CLAIM_ORIGIN_MANUAL, 0 };
    g_assert_cmpint (sp_project_add_claim (project, &spec, &error), >, 0);
    g_assert_no_error (error);
  }

  g_clear_object (&project);
  sp_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 3 && g_str_equal (argv[1], "--child"))
    return run_child (argv[2]);

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/crash/kill-during-edits", test_kill_during_edits);

  return g_test_run ();
}
