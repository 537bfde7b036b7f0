/* fuzz-html-reader.c: web pages, from their bytes (charset sniffing and decoding included) */
#include "config.h"

#include "fuzz-common.h"
#include "sp-html-reader.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpReadBudget) budget = fuzz_budget_new (size);
  g_autoptr(SpArticle) article = NULL;

  article = sp_html_reader_read ((const char *)data, size, budget, &error);

  /* Bytes that are not text are refused by the decoder, not by the reader */
  if (article == NULL && error != NULL && error->domain == SP_IMPORT_ERROR &&
      (error->code == SP_IMPORT_ERROR_BINARY || error->code == SP_IMPORT_ERROR_EMPTY ||
       error->code == SP_IMPORT_ERROR_ENCODING || error->code == SP_IMPORT_ERROR_TOO_LARGE ||
       error->code == SP_IMPORT_ERROR_INCOMPLETE))
    return 0;

  fuzz_check_result (article, error);
  return 0;
}
