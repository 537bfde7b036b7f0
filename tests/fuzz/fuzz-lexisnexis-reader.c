/* fuzz-lexisnexis-reader.c: LexisNexis exports in plain text, from their bytes as the text
 * format reads them (decoding, telling an export from an article, splitting) */
#include "config.h"

#include "fuzz-articles.h"
#include "sp-lexisnexis-reader.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  static const SpImportError allowed[] = { SP_IMPORT_ERROR_INCOMPLETE, SP_IMPORT_ERROR_EMPTY };
  g_autoptr(GError) error = NULL;
  g_autoptr(SpReadBudget) budget = fuzz_budget_new (size);
  g_autoptr(GPtrArray) articles = NULL;
  g_autofree char *text = NULL;

  text = sp_text_decode ((const char *)data, size, NULL, SP_TEXT_DECODE_DEFAULT, &error);
  if (text == NULL)
    return 0;

  /* Split whether or not it looks like an export: text that is not one has no article */
  sp_lexisnexis_detect (text);
  articles = sp_lexisnexis_reader_read (text, budget, &error);
  fuzz_check_articles (articles, error, allowed, G_N_ELEMENTS (allowed));
  return 0;
}
