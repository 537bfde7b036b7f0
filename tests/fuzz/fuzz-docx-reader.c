/* fuzz-docx-reader.c: Word documents. Bytes that start as a zip archive are read as the
 * file; other bytes become the word/document.xml of a zip archive made here, so that the
 * fuzzer reaches the XML and the LexisNexis splitting without having to forge checksums. */
#include "config.h"

#include <archive.h>
#include <archive_entry.h>

#include "fuzz-articles.h"
#include "sp-docx-reader.h"
#include "sp-zip-entries.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static la_ssize_t
append (struct archive *archive,
        void           *user_data,
        const void     *buffer,
        size_t          length)
{
  g_byte_array_append (user_data, buffer, (guint)length);
  return (la_ssize_t)length;
}

static GBytes *
wrap_as_docx (const guint8 *data,
              size_t        size)
{
  GByteArray *zip = g_byte_array_new ();
  struct archive *archive = archive_write_new ();
  struct archive_entry *entry = archive_entry_new ();

  archive_write_set_format_zip (archive);
  archive_write_set_bytes_in_last_block (archive, 1);
  archive_write_set_format_option (archive, "zip", "compression", "store");
  archive_write_open (archive, zip, NULL, append, NULL);
  archive_entry_set_pathname (entry, "word/document.xml");
  archive_entry_set_filetype (entry, AE_IFREG);
  archive_entry_set_perm (entry, 0644);
  archive_entry_set_size (entry, (la_int64_t)size);
  archive_write_header (archive, entry);
  archive_write_data (archive, data, size);
  archive_entry_free (entry);
  archive_write_close (archive);
  archive_write_free (archive);

  return g_byte_array_free_to_bytes (zip);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  static const SpImportError allowed[] = {
    SP_IMPORT_ERROR_BINARY, SP_IMPORT_ERROR_INCOMPLETE, SP_IMPORT_ERROR_TOO_LARGE,
    SP_IMPORT_ERROR_UNSUPPORTED, SP_IMPORT_ERROR_EMPTY,
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(SpReadBudget) budget = NULL;
  g_autoptr(GPtrArray) articles = NULL;

  if (sp_zip_has_signature ((const char *)data, size))
    bytes = g_bytes_new_static (data, size);
  else
    bytes = wrap_as_docx (data, size);

  budget = fuzz_budget_new (g_bytes_get_size (bytes));
  articles = sp_docx_reader_read (bytes, budget, &error);
  fuzz_check_export_articles (articles, error, allowed, G_N_ELEMENTS (allowed));
  return 0;
}
