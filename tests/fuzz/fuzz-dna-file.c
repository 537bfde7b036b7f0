/* fuzz-dna-file.c
 *
 * libFuzzer harness for the DNA reader: any bytes are read as a DNA project from memory
 * (sp_dna_file_read_bytes(), the same reader as for files). A project it accepts is imported
 * into a scratch Standpoint project, every network is built from it, and the import undone,
 * so that the UTF-16 spans, the affiliation choice and the issue keys meet hostile values too.
 * A refusal must be one line of valid UTF-8. Criticals and warnings count as crashes.
 *
 *   ./fuzz-dna-file tests/fuzz/corpus/dna-file
 */
#define G_LOG_DOMAIN "fuzz-dna-file"

#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "sp-dna-import.h"
#include "sp-network.h"

#include "fuzz-scratch-project.h"

int LLVMFuzzerInitialize   (int            *argc,
                            char         ***argv);
int LLVMFuzzerTestOneInput (const uint8_t  *data,
                            size_t          size);

static SpProject *project;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  project = fuzz_scratch_project_create ("fuzz-dna-file");
  return 0;
}

static void
import_and_undo (SpDnaFile *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpDnaReport) report = NULL;
  g_autoptr(GListModel) claims = NULL;

  if (!(report = sp_dna_import (project, file, NULL, NULL, NULL, NULL, NULL, &error)))
    {
      g_assert_nonnull (error);
      g_assert_null (strchr (error->message, '\n'));
      return;
    }

  /* every claim's quote is whole characters of its document */
  claims = sp_project_list_claims (project, 0, &error);
  g_assert_nonnull (claims);
  for (guint i = 0; i < g_list_model_get_n_items (claims); i++)
    {
      g_autoptr(SpClaim) claim = g_list_model_get_item (claims, i);

      g_assert_true (g_utf8_validate (sp_claim_get_quote (claim), -1, NULL));
    }

  for (int type = SP_NETWORK_TWO_MODE; type <= SP_NETWORK_SUBTRACT; type++)
    {
      SpNetworkOptions options = {
        .type = type,
        .normalize = type == SP_NETWORK_TWO_MODE ? SP_NETWORK_NORMALIZE_NONE : SP_NETWORK_NORMALIZE_JACCARD,
        .group_level = type == SP_NETWORK_CONFLICT,
      };
      g_autoptr(SpNetwork) network = sp_network_build (project, &options, &error);
      g_autoptr(GBytes) bytes = NULL;

      if (network == NULL)
        g_error ("a network of an imported DNA project: %s", error->message);
      bytes = sp_network_serialize (network, SP_NETWORK_FORMAT_GRAPHML);
      g_assert_true (g_utf8_validate (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));
    }

  if (sp_project_can_undo (project) && !sp_project_undo (project, &error))
    g_error ("undo after a DNA import: %s", error->message);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(SpDnaFile) file = sp_dna_file_read_bytes ("fuzz.dna", bytes, NULL, &error);

  g_assert ((file == NULL) == (error != NULL));
  if (error != NULL)
    {
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      g_assert_null (strchr (error->message, '\n'));
      return 0;
    }

  import_and_undo (file);
  return 0;
}
