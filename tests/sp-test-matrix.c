/* sp-test-matrix.c: projects of any size for the matrix tests, and dated documents */
#include "config.h"

#include <string.h>

#include "sp-test-matrix.h"
#include "sp-test-util.h"

/* Adds @n_actors actors "Actor 00000"… (so rows keep their order) and @n_issues issues in
 * one action; a third of the cells get one claim, whose stance runs through the scale. */
void
sp_test_matrix_fill (SpProject *project,
                     guint      n_actors,
                     guint      n_issues)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) issues = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 document;

  g_assert_true (sp_project_begin_action (project, NULL, &error));
  g_assert_no_error (error);

  document = sp_test_add_document (project, "talks.txt", "Talks",
                                   "The delegations met again and restated their positions.");

  for (guint c = 0; c < n_issues; c++)
    {
      g_autofree char *key = g_strdup_printf ("issue_%03u", c);
      g_autofree char *label = g_strdup_printf ("Issue %u: a proposition", c);
      gint64 id = sp_project_add_issue (project, key, label, "", NULL, &error);

      g_assert_no_error (error);
      g_array_append_val (issues, id);
    }

  for (guint r = 0; r < n_actors; r++)
    {
      g_autofree char *name = g_strdup_printf ("Actor %05u", r);
      gint64 actor = sp_project_add_actor (project, name, SP_ACTOR_KIND_PERSON, 0, NULL, &error);

      g_assert_no_error (error);
      for (guint c = 0; c < n_issues; c++)
        if ((r + 2 * c) % 3 == 0)
          {
            SpClaimSpec spec = {
              .document_id = document,
              .start = 4,
              .end = 14,
              .actor_id = actor,
              .issue_id = g_array_index (issues, gint64, c),
              .stance = (int)((r + c) % 5) - 2,
              .origin = SP_CLAIM_ORIGIN_MANUAL,
            };

            sp_project_add_claim (project, &spec, &error);
            g_assert_no_error (error);
          }
    }

  g_assert_true (sp_project_end_action (project, TRUE, &error));
  g_assert_no_error (error);
}


/* Adds a document named @file_name (its title too) of @date and @source, either may be NULL,
 * whose @body is one sentence, so that a suggestion can point at sentence 0 */
gint64
sp_test_matrix_add_dated (SpProject  *project,
                          const char *file_name,
                          const char *date,
                          const char *source,
                          const char *body)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, file_name, -1);
  guint32 sentence[] = { 0, (guint32)strlen (body) };
  SpDocumentFields fields = {
    .file_name = file_name, .title = file_name, .date = date, .source = source, .body = body,
    .content_hash = hash, .text_hash = hash, .sentences = sentence, .n_sentences = 1,
  };
  gint64 id = sp_project_add_document (project, &fields, &error);

  g_assert_no_error (error);
  return id;
}
