/* import-test-util.h
 *
 * Helpers for the import suites: the fixtures in fixtures/import/, files written for a test,
 * and imports whose report the test then looks into.
 */
#pragma once

#include "sp-article.h"
#include "sp-importer.h"
#include "sp-test-util.h"

G_BEGIN_DECLS

/* A PNG's first bytes: signature, then the IHDR chunk of a 1×1 image */
extern const char sp_test_png_bytes[];
extern const gsize sp_test_png_length;

char                *sp_test_fixture_path  (const char          *name);
GBytes              *sp_test_fixture_bytes (const char          *name);
char                *sp_test_write_file    (const char          *dir,
                                            const char          *name,
                                            const char          *data,
                                            gssize               length);
char                *sp_test_copy_fixture  (const char          *dir,
                                            const char          *fixture,
                                            const char          *name);
SpImportReport      *sp_test_import_paths  (SpProject           *project,
                                            const char * const  *paths);
SpImportReport      *sp_test_import_path   (SpProject           *project,
                                            const char          *path);
const SpImportEntry *sp_test_entry_for     (SpImportReport      *report,
                                            const char          *base_name);
char                *sp_test_decode        (const char          *data,
                                            gssize               length,
                                            const char          *charset,
                                            GError             **error);
SpArticle           *sp_test_read_html     (const char          *html);
SpArticle           *sp_test_read_html_fixture (const char      *name);
SpArticle           *sp_test_read_markdown (const char          *markdown);
SpArticle           *sp_test_read_plain    (const char          *text);
char                *sp_test_corpus_dir    (const char          *sub);

G_END_DECLS
