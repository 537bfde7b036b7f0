/* fuzz-scratch-project.h
 *
 * The scratch project a harness merges or imports into: created once, in a temporary folder
 * of its own, and removed with its -wal and -shm files and the folder when the fuzzer exits.
 */
#pragma once

#include <stdlib.h>

#include <glib/gstdio.h>

#include "sp-project.h"

static SpProject *fuzz_scratch_project;
static char *fuzz_scratch_dir;

static void
fuzz_scratch_project_remove (void)
{
  g_autofree char *path = NULL;
  g_autofree char *wal = NULL;
  g_autofree char *shm = NULL;

  if (fuzz_scratch_project == NULL)
    return;

  path = g_strdup (sp_project_get_path (fuzz_scratch_project));
  wal = g_strconcat (path, "-wal", NULL);
  shm = g_strconcat (path, "-shm", NULL);
  g_clear_object (&fuzz_scratch_project);
  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
  g_rmdir (fuzz_scratch_dir);
  g_clear_pointer (&fuzz_scratch_dir, g_free);
}

/* Creates the project in a folder named after @harness; a failure ends the fuzzer */
static inline SpProject *
fuzz_scratch_project_create (const char *harness)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *template = g_strconcat (harness, "-XXXXXX", NULL);
  g_autofree char *path = NULL;

  if (!(fuzz_scratch_dir = g_dir_make_tmp (template, &error)))
    g_error ("%s", error->message);

  path = g_build_filename (fuzz_scratch_dir, "fuzz.standpoint", NULL);
  if (!(fuzz_scratch_project = sp_project_create (path, &error)))
    g_error ("%s", error->message);

  atexit (fuzz_scratch_project_remove);
  return fuzz_scratch_project;
}
