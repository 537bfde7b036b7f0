/* fuzz-factiva-reader.c: the same bytes as a Factiva HTML page and as Factiva XML */
#include "config.h"

#include "fuzz-articles.h"
#include "sp-factiva-reader.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  /* Bytes that are not text are refused by the decoder; a page libxml2 cannot read whole,
   * or XML that is not well-formed or not an export, by the parser */
  static const SpImportError html_allowed[] = {
    SP_IMPORT_ERROR_BINARY, SP_IMPORT_ERROR_EMPTY, SP_IMPORT_ERROR_ENCODING,
    SP_IMPORT_ERROR_TOO_LARGE, SP_IMPORT_ERROR_INCOMPLETE,
  };
  static const SpImportError xml_allowed[] = {
    SP_IMPORT_ERROR_INCOMPLETE, SP_IMPORT_ERROR_UNSUPPORTED, SP_IMPORT_ERROR_TOO_LARGE,
  };
  g_autoptr(GError) html_error = NULL;
  g_autoptr(GError) xml_error = NULL;
  g_autoptr(SpReadBudget) html_budget = fuzz_budget_new (size);
  g_autoptr(SpReadBudget) xml_budget = fuzz_budget_new (size);
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(GPtrArray) from_html = NULL;
  g_autoptr(GPtrArray) from_xml = NULL;

  sp_factiva_detect_html ((const char *)data, size);
  from_html = sp_factiva_reader_read_html ((const char *)data, size, html_budget, &html_error);
  fuzz_check_export_articles (from_html, html_error, html_allowed, G_N_ELEMENTS (html_allowed));

  from_xml = sp_factiva_reader_read_xml (bytes, xml_budget, &xml_error);
  fuzz_check_export_articles (from_xml, xml_error, xml_allowed, G_N_ELEMENTS (xml_allowed));
  return 0;
}
