/* fuzz-lexisnexis-reader.c: LexisNexis exports from their bytes, as the text format reads
 * them (decoding, telling an export from an article, splitting) and as the HTML format does */
#include "config.h"

#include "fuzz-articles.h"
#include "sp-lexisnexis-reader.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  static const SpImportError text_allowed[] = { SP_IMPORT_ERROR_INCOMPLETE, SP_IMPORT_ERROR_EMPTY };
  /* A page is refused by the decoder or the parser as the HTML reader's are */
  static const SpImportError html_allowed[] = {
    SP_IMPORT_ERROR_BINARY, SP_IMPORT_ERROR_EMPTY, SP_IMPORT_ERROR_ENCODING,
    SP_IMPORT_ERROR_TOO_LARGE, SP_IMPORT_ERROR_INCOMPLETE,
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) html_error = NULL;
  g_autoptr(SpReadBudget) budget = fuzz_budget_new (size);
  g_autoptr(SpReadBudget) html_budget = fuzz_budget_new (size);
  g_autoptr(GPtrArray) articles = NULL;
  g_autoptr(GPtrArray) from_html = NULL;
  g_autofree char *text = NULL;

  from_html = sp_lexisnexis_reader_read_html ((const char *)data, size, html_budget, &html_error);
  fuzz_check_export_articles (from_html, html_error, html_allowed, G_N_ELEMENTS (html_allowed));

  text = sp_text_decode ((const char *)data, size, NULL, SP_TEXT_DECODE_DEFAULT, &error);
  if (text == NULL)
    return 0;

  /* Split whether or not it looks like an export: text that is not one has no article */
  sp_lexisnexis_detect (text);
  articles = sp_lexisnexis_reader_read (text, budget, &error);
  fuzz_check_export_articles (articles, error, text_allowed, G_N_ELEMENTS (text_allowed));
  return 0;
}
