/* fuzz-pdf-reader.c: PDF files, from their bytes, through poppler-glib's text layer */
#include "config.h"

#include "fuzz-common.h"
#include "sp-pdf-reader.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(SpReadBudget) budget = fuzz_budget_new (size);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = sp_pdf_reader_read (bytes, budget, &error);

  fuzz_check_articles (articles, error);
  return 0;
}
