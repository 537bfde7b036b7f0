/* fuzz-project.c
 *
 * libFuzzer harness for opening a project file: any bytes are written to a scratch file and
 * opened as a project. A file that opens (after its checks, migration and validation) is read
 * the way the window and the CLI read it: every list, every document with its sentences,
 * removed blocks and a search inside it, a search of all documents, fingerprints and line
 * counts, the matrix at both levels. Refusals are fine; criticals and warnings count as crashes.
 *
 *   ./fuzz-project tests/fuzz/corpus/project
 */
#define G_LOG_DOMAIN "fuzz-project"

#include "config.h"

#include <stdint.h>
#include <stdlib.h>

#include <glib/gstdio.h>

#include "sp-matrix.h"
#include "sp-project.h"

int LLVMFuzzerInitialize   (int            *argc,
                            char         ***argv);
int LLVMFuzzerTestOneInput (const uint8_t  *data,
                            size_t          size);

static char *scratch_dir;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GError) error = NULL;

  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);

  if (!(scratch_dir = g_dir_make_tmp ("fuzz-project-XXXXXX", &error)))
    g_error ("%s", error->message);

  return 0;
}

/* Everything opening may leave beside the file: its log, index, journal and backups */
static void
clear_scratch (void)
{
  g_autoptr(GDir) dir = g_dir_open (scratch_dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (scratch_dir, name, NULL);
      g_unlink (path);
    }
}

static void
read_everything (SpProject *project)
{
  g_autoptr(GListModel) documents = NULL;
  g_autoptr(GListModel) actors = NULL;
  g_autoptr(GListModel) issues = NULL;

  if ((documents = sp_project_list_documents (project, NULL)))
    {
      for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
        {
          g_autoptr(SpDocument) document = g_list_model_get_item (documents, i);
          g_autofree char *body = sp_project_dup_document_body (project, sp_document_get_id (document), NULL);
          g_autoptr(GListModel) claims = sp_project_list_claims (project, sp_document_get_id (document), NULL);
          g_autoptr(GListModel) removals = sp_project_list_removals (project, sp_document_get_id (document), NULL);
          g_autoptr(GArray) found = sp_project_find_in_document (project, sp_document_get_id (document), "the", NULL);
          g_autofree guint32 *sentences = NULL;
          glong length = body != NULL ? g_utf8_strlen (body, -1) : 0;
          guint n_pairs = 0;

          /* Opening refuses text that is not UTF-8: whatever opens reads as UTF-8 */
          if (body != NULL && !g_utf8_validate (body, -1, NULL))
            abort ();
          if (claims != NULL)
            g_list_model_get_n_items (claims);

          /* Sentences and removed blocks that are read back lie inside the body */
          sentences = sp_project_dup_document_sentences (project, sp_document_get_id (document), &n_pairs, NULL);
          for (guint k = 0; sentences != NULL && k < n_pairs; k++)
            if (sentences[2 * k] >= sentences[2 * k + 1] || sentences[2 * k + 1] > length)
              abort ();
          for (guint k = 0; removals != NULL && k < g_list_model_get_n_items (removals); k++)
            {
              g_autoptr(SpRemoval) removal = g_list_model_get_item (removals, k);

              if (sp_removal_get_offset (removal) > length)
                abort ();
            }
          for (guint k = 0; found != NULL && k < found->len; k++)
            if (g_array_index (found, SpTextRange, k).end > length)
              abort ();
        }
    }

  {
    g_autoptr(GListModel) found = sp_project_search_documents (project, "talks \"NOT*", NULL);
    g_autoptr(GArray) near = sp_project_find_near_duplicates (project, 0x0123456789ABCDEF, 64, NULL);
    guint64 hashes[] = { 1, 2, 3 };
    guint counts[G_N_ELEMENTS (hashes)];

    sp_project_count_lines (project, hashes, G_N_ELEMENTS (hashes), counts, NULL);
    (void)found;
    (void)near;
  }

  actors = sp_project_list_actors (project, NULL);
  if ((issues = sp_project_list_issues (project, NULL)))
    {
      for (guint i = 0; i < g_list_model_get_n_items (issues); i++)
        {
          g_autoptr(SpIssue) issue = g_list_model_get_item (issues, i);
          g_autoptr(GListModel) claims = sp_project_list_issue_claims (project, sp_issue_get_id (issue), NULL);

          if (claims != NULL)
            g_list_model_get_n_items (claims);
        }
    }

  for (SpMatrixLevel level = SP_MATRIX_LEVEL_ACTOR; level <= SP_MATRIX_LEVEL_GROUP; level++)
    {
      g_autoptr(SpMatrix) matrix = sp_matrix_compute (project, level, NULL);

      if (matrix != NULL)
        sp_matrix_get_n_claims (matrix);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *path = g_build_filename (scratch_dir, "fuzz.standpoint", NULL);

  clear_scratch ();
  if (g_file_set_contents (path, (const char *)data, size, NULL))
    {
      g_autoptr(SpProject) project = sp_project_open (path, NULL);

      if (project != NULL)
        read_everything (project);
    }
  clear_scratch ();

  return 0;
}
