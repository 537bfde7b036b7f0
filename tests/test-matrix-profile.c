/* test-matrix-profile.c
 *
 * The profiles behind the matrix's rows and columns: an actor's position on every issue with
 * its latest claim and whether it changed sides, and an issue's actors with their strongest
 * quote (highest |stance|, then latest).
 */
#define G_LOG_DOMAIN "test-matrix-profile"

#include "config.h"

#include "sp-matrix-profile.h"
#include "sp-test-util.h"

typedef struct
{
  char      *dir;
  SpProject *project;
  gint64     march;     /* dated 2025-03-04 */
  gint64     january;   /* dated 2025-01-20 */
  gint64     undated;
  gint64     talks;
  gint64     sanctions;
  gint64     berg;
  gint64     reyes;
} Fixture;

static const char body[] =
  "Berg said the talks must go on. Reyes called them a waste of time. Nobody else spoke.";

static gint64
add_dated (SpProject  *project,
           const char *file_name,
           const char *date)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *content_hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, file_name, -1);
  g_autofree char *text = g_strdup_printf ("%s (%s)", body, file_name);
  g_autofree char *text_hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
  SpDocumentFields fields = { .file_name = file_name, .title = file_name, .date = date,
                              .body = text, .content_hash = content_hash, .text_hash = text_hash };
  gint64 id = sp_project_add_document (project, &fields, &error);

  g_assert_no_error (error);
  return id;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = sp_test_make_tmpdir ();
  f->project = sp_test_new_project (f->dir, "profile.standpoint");
  f->march = add_dated (f->project, "march.txt", "2025-03-04");
  f->january = add_dated (f->project, "january.txt", "2025-01-20");
  f->undated = add_dated (f->project, "undated.txt", NULL);
  f->talks = sp_project_add_issue (f->project, "talks", "Talks go on", "The talks should go on", NULL, &error);
  f->sanctions = sp_project_add_issue (f->project, "sanctions", "Sanctions", "", NULL, &error);
  f->berg = sp_project_add_actor (f->project, "Ana Berg", SP_ACTOR_KIND_PERSON, 0, NULL, &error);
  f->reyes = sp_project_add_actor (f->project, "Tomas Reyes", SP_ACTOR_KIND_PERSON, 0, NULL, &error);
  g_assert_no_error (error);

  /* Berg on the talks: +2 undated, -1 in January, +1 in March (latest, changed sides) */
  sp_test_add_claim (f->project, f->undated, 0, 31, f->berg, f->talks, 2, NULL);
  sp_test_add_claim (f->project, f->march, 0, 31, f->berg, f->talks, 1, NULL);
  sp_test_add_claim (f->project, f->january, 0, 31, f->berg, f->talks, -1, NULL);
  /* Reyes on the talks: -2 in January and -2 in March (the latest of the strongest) */
  sp_test_add_claim (f->project, f->january, 32, 66, f->reyes, f->talks, -2, NULL);
  sp_test_add_claim (f->project, f->march, 32, 66, f->reyes, f->talks, -2, "again");
  sp_test_add_claim (f->project, f->march, 67, 85, f->reyes, f->talks, -1, NULL);
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
test_actor_positions (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) claims = NULL;
  g_autoptr(GPtrArray) positions = sp_matrix_actor_positions (f->project, f->berg, SP_MATRIX_LEVEL_ACTOR, &claims, &error);
  g_autoptr(SpClaim) first = NULL;
  g_autoptr(SpClaim) last = NULL;
  SpActorPosition *talks = NULL;
  SpActorPosition *sanctions = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (positions->len, ==, 2);
  for (guint i = 0; i < positions->len; i++)
    {
      SpActorPosition *p = g_ptr_array_index (positions, i);

      if (p->issue_id == f->talks)
        talks = p;
      else if (p->issue_id == f->sanctions)
        sanctions = p;
    }

  g_assert_nonnull (talks);
  g_assert_cmpuint (talks->n_claims, ==, 3);
  g_assert_cmpfloat_with_epsilon (talks->mean, 2.0 / 3.0, 1e-9);
  g_assert_cmpstr (sp_claim_get_document_date (talks->latest), ==, "2025-03-04");
  g_assert_true (talks->sign_changed);
  g_assert_cmpstr (talks->issue_label, ==, "Talks go on");

  /* An issue the actor said nothing on is still in the row */
  g_assert_nonnull (sanctions);
  g_assert_cmpuint (sanctions->n_claims, ==, 0);
  g_assert_null (sanctions->latest);
  g_assert_false (sanctions->sign_changed);

  /* The claims in time: undated first, March last */
  g_assert_cmpuint (g_list_model_get_n_items (claims), ==, 3);
  first = g_list_model_get_item (claims, 0);
  last = g_list_model_get_item (claims, 2);
  g_assert_null (sp_claim_get_document_date (first));
  g_assert_cmpstr (sp_claim_get_document_date (last), ==, "2025-03-04");
}

/* A group's row at the group level holds its members' claims, at any depth; at the actor
 * level only its own */
static void
test_group_positions (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 party = sp_project_add_actor (f->project, "Harbour Party", SP_ACTOR_KIND_GROUP, 0, NULL, &error);
  gint64 branch = sp_project_add_actor (f->project, "North Branch", SP_ACTOR_KIND_GROUP, party, NULL, &error);
  gint64 voss = sp_project_add_actor (f->project, "Lea Voss", SP_ACTOR_KIND_PERSON, branch, NULL, &error);
  g_autoptr(GPtrArray) own = NULL;
  g_autoptr(GPtrArray) group = NULL;
  g_autoptr(GListModel) claims = NULL;

  g_assert_no_error (error);
  sp_test_add_claim (f->project, f->march, 67, 85, voss, f->sanctions, -2, NULL);
  sp_test_add_claim (f->project, f->january, 67, 85, party, f->sanctions, 1, NULL);

  own = sp_matrix_actor_positions (f->project, party, SP_MATRIX_LEVEL_ACTOR, NULL, &error);
  g_assert_no_error (error);
  group = sp_matrix_actor_positions (f->project, party, SP_MATRIX_LEVEL_GROUP, &claims, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < own->len; i++)
    {
      SpActorPosition *a = g_ptr_array_index (own, i);
      SpActorPosition *g = g_ptr_array_index (group, i);

      g_assert_cmpint (a->issue_id, ==, g->issue_id);
      if (a->issue_id != f->sanctions)
        continue;
      g_assert_cmpuint (a->n_claims, ==, 1);
      g_assert_cmpfloat (a->mean, ==, 1);
      g_assert_cmpuint (g->n_claims, ==, 2);
      g_assert_cmpfloat (g->mean, ==, -0.5);
      g_assert_cmpint (sp_claim_get_actor_id (g->latest), ==, voss);
    }
  g_assert_cmpuint (g_list_model_get_n_items (claims), ==, 2);
}

static void
test_no_sign_change (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) positions = sp_matrix_actor_positions (f->project, f->reyes, SP_MATRIX_LEVEL_ACTOR, NULL, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < positions->len; i++)
    {
      SpActorPosition *p = g_ptr_array_index (positions, i);

      if (p->issue_id == f->talks)
        {
          /* -2, -2, -1: always against */
          g_assert_cmpuint (p->n_claims, ==, 3);
          g_assert_false (p->sign_changed);
          g_assert_cmpint (sp_claim_get_stance (p->latest), ==, -1);
        }
    }
}

static void
test_issue_positions (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) claims = NULL;
  g_autoptr(GPtrArray) positions = sp_matrix_issue_positions (f->project, f->talks, &claims, &error);
  SpIssuePosition *first;
  SpIssuePosition *second;

  g_assert_no_error (error);
  g_assert_cmpuint (positions->len, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (claims), ==, 6);

  /* Reyes is the more decided: mean -5/3 against Berg's +2/3 */
  first = g_ptr_array_index (positions, 0);
  second = g_ptr_array_index (positions, 1);
  g_assert_cmpint (first->actor_id, ==, f->reyes);
  g_assert_cmpstr (first->actor_name, ==, "Tomas Reyes");
  g_assert_cmpfloat_with_epsilon (first->mean, -5.0 / 3.0, 1e-9);
  /* Two claims at -2: the later one, in March */
  g_assert_cmpint (sp_claim_get_stance (first->strongest), ==, -2);
  g_assert_cmpstr (sp_claim_get_note (first->strongest), ==, "again");

  /* Berg's strongest is the undated +2: strength comes before time */
  g_assert_cmpint (second->actor_id, ==, f->berg);
  g_assert_cmpint (sp_claim_get_stance (second->strongest), ==, 2);

  /* An issue without claims has no positions */
  g_clear_pointer (&positions, g_ptr_array_unref);
  positions = sp_matrix_issue_positions (f->project, f->sanctions, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (positions->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/matrix-profile/actor-positions", test_actor_positions);
  ADD ("/matrix-profile/no-sign-change", test_no_sign_change);
  ADD ("/matrix-profile/issue-positions", test_issue_positions);
  ADD ("/matrix-profile/group-positions", test_group_positions);

#undef ADD

  return g_test_run ();
}
