/* sp-test-util.h
 *
 * Helpers shared by the GTest suites: throw-away project files in a temporary folder, short
 * articles written for the tests, project files as an older version wrote them, and counting
 * rows in a project's tables.
 */
#pragma once

#include "sp-project.h"

G_BEGIN_DECLS

char      *sp_test_make_tmpdir      (void);
void       sp_test_remove_tree      (const char *path);
SpProject *sp_test_new_project      (const char *dir,
                                     const char *name);
gint64     sp_test_add_article      (SpProject  *project,
                                     const char *file_name,
                                     const char *title,
                                     const char *body);
gint64     sp_test_add_document     (SpProject  *project,
                                     const char *file_name,
                                     const char *title,
                                     const char *body);
gint64     sp_test_add_claim        (SpProject  *project,
                                     gint64      document,
                                     guint       start,
                                     guint       end,
                                     gint64      actor,
                                     gint64      issue,
                                     int         stance,
                                     const char *note);
char      *sp_test_sha256_file      (const char *path);
char      *sp_test_make_old_project (const char *dir,
                                     const char *name,
                                     guint       version,
                                     const char *sql);
gint64     sp_test_count_rows       (SpProject  *project,
                                     const char *sql);

G_END_DECLS
