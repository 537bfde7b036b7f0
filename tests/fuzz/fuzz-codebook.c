/* fuzz-codebook.c
 *
 * libFuzzer harness for the codebook reader: any bytes go to sp_codebook_read(). A file it
 * accepts is merged into a scratch project, exported, read back (an export must always be a
 * codebook this reader accepts), and the merge undone, so the checks against a project and
 * the ordering of affiliations are exercised too. Criticals and warnings count as crashes.
 *
 *   clang -fsanitize=fuzzer,address,undefined … fuzz-codebook.c (see tests/fuzz/meson.build)
 *   ./fuzz-codebook tests/fuzz/corpus/codebook
 */
#define G_LOG_DOMAIN "fuzz-codebook"

#include "config.h"

#include <stdint.h>
#include <stdlib.h>

#include "sp-codebook.h"

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
  project = fuzz_scratch_project_create ("fuzz-codebook");
  return 0;
}

/* An accepted file: merged, exported, read back, and taken out again. */
static void
merge_and_export (const SpCodebook *book)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpCodebook) again = NULL;
  g_autofree char *json = NULL;

  if (!sp_codebook_merge (project, book, NULL, &error))
    {
      g_assert_nonnull (error);
      return;
    }

  if (!(json = sp_codebook_export (project, &error)))
    g_error ("export after a merge: %s", error->message);
  if (!(again = sp_codebook_read (json, -1, "export.json", &error)))
    g_error ("an export that does not read back: %s\n%s", error->message, json);

  if (sp_project_can_undo (project) && !sp_project_undo (project, &error))
    g_error ("undo after a merge: %s", error->message);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpCodebook) book = NULL;

  book = sp_codebook_read ((const char *) data, (gssize) size, "fuzz.json", &error);
  g_assert ((book == NULL) == (error != NULL));
  if (error != NULL)
    g_assert_true (g_utf8_validate (error->message, -1, NULL));

  if (book != NULL)
    merge_and_export (book);

  return 0;
}
