/* sp-zip-entries.c
 *
 * libarchive reads the archive from memory. Entries that are not wanted are skipped without
 * being unpacked; the wanted ones are unpacked a block at a time, and the bounds are checked
 * after every block, so that the work done on a zip bomb stops at the bound.
 */
#define G_LOG_DOMAIN "sp-zip-entries"

#include "config.h"

#include <string.h>

#include <archive.h>
#include <archive_entry.h>
#include <glib/gi18n-lib.h>

#include "sp-article.h"
#include "sp-zip-entries.h"

#define BLOCK_SIZE (64 * 1024)

typedef struct archive SpArchive;

static void
sp_archive_free (SpArchive *archive)
{
  archive_read_free (archive);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpArchive, sp_archive_free)

/**
 * sp_zip_has_signature:
 *
 * Returns: whether @data starts as a zip archive does (a local file header, or the end of
 *   an empty archive)
 */
gboolean
sp_zip_has_signature (const char *data,
                      gsize       length)
{
  return length >= 4 &&
         (memcmp (data, "PK\003\004", 4) == 0 || memcmp (data, "PK\005\006", 4) == 0);
}

/* A whole archive ends in its central directory's end record, within the last 64 kB (its
 * comment) and 22 bytes (the record) */
static gboolean
has_end_record (const char *data,
                gsize       length)
{
  gsize lowest = length > 65535 + 22 ? length - 65535 - 22 : 0;

  if (length < 22)
    return FALSE;

  for (gsize at = length - 22 + 1; at-- > lowest; )
    if (memcmp (data + at, "PK\005\006", 4) == 0)
      return TRUE;

  return FALSE;
}

static void
set_damaged (GError    **error,
             SpArchive  *archive)
{
  const char *why = archive_error_string (archive);

  g_set_error (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_INCOMPLETE,
               _("the zip archive is damaged (%s)"),
               why != NULL ? why : _("unknown error"));
}

static gsize
unpack_limit (gsize length)
{
  guint64 ratio_limit = MAX ((guint64)length * SP_ZIP_MAX_RATIO, SP_ZIP_RATIO_FLOOR);

  return (gsize)MIN (ratio_limit, (guint64)SP_ZIP_MAX_UNPACKED);
}

static void
set_too_large (GError     **error,
               const char  *name,
               gsize        length)
{
  if (unpack_limit (length) == SP_ZIP_MAX_UNPACKED)
    g_set_error (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_TOO_LARGE,
                 _("%s unpacks to more than %u MB (a zip bomb?)"),
                 name, (guint)(SP_ZIP_MAX_UNPACKED / (1024 * 1024)));
  else
    g_set_error (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_TOO_LARGE,
                 _("%s unpacks to more than %u times the size of the file (a zip bomb?)"),
                 name, (guint)SP_ZIP_MAX_RATIO);
}

/* Unpacks the current entry; *unpacked counts what all wanted entries unpacked to */
static GBytes *
read_entry (SpArchive     *archive,
            const char    *name,
            gsize          length,
            gsize         *unpacked,
            SpReadBudget  *budget,
            GError       **error)
{
  g_autoptr(GByteArray) data = g_byte_array_new ();
  gsize limit = unpack_limit (length);

  for (;;)
    {
      la_ssize_t got;

      g_byte_array_set_size (data, data->len + BLOCK_SIZE);
      got = archive_read_data (archive, data->data + data->len - BLOCK_SIZE, BLOCK_SIZE);
      if (got < 0)
        {
          set_damaged (error, archive);
          return NULL;
        }
      g_byte_array_set_size (data, data->len - BLOCK_SIZE + (guint)got);
      if (got == 0)
        break;

      *unpacked += (gsize)got;
      if (*unpacked > limit)
        {
          set_too_large (error, name, length);
          return NULL;
        }

      /* Unpacking is bounded by the limits; its time still counts */
      if (!sp_read_budget_check_clock (budget))
        {
          sp_read_budget_set_error (budget, error);
          return NULL;
        }
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

/**
 * sp_zip_read_entries:
 * @data: (array length=length): the archive's bytes
 * @names: (array zero-terminated=1): the entries wanted, by their path in the archive
 * @budget: (nullable): what unpacking may cost
 *
 * Unpacks the entries of @names that the archive holds (the first of each name). Fails with
 * %SP_IMPORT_ERROR_BINARY when @data is not a zip archive, %SP_IMPORT_ERROR_TOO_LARGE past
 * a bound (see sp-zip-entries.h), %SP_IMPORT_ERROR_INCOMPLETE for a damaged or cut archive
 * and %SP_IMPORT_ERROR_TOO_SLOW when the budget runs out.
 *
 * Returns: (transfer full) (element-type utf8 GBytes): entry name → its bytes, without the
 *   names the archive lacks; %NULL with @error set
 */
GHashTable *
sp_zip_read_entries (const char          *data,
                     gsize                length,
                     const char * const  *names,
                     SpReadBudget        *budget,
                     GError             **error)
{
  g_autoptr(SpArchive) archive = NULL;
  g_autoptr(GHashTable) entries = NULL;
  gsize unpacked = 0;
  guint n_entries = 0;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (names != NULL, NULL);

  if (!sp_zip_has_signature (data, length))
    {
      g_set_error_literal (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_BINARY,
                           _("not a zip archive, as a .docx file must be"));
      return NULL;
    }

  if (!has_end_record (data, length))
    {
      g_set_error_literal (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_INCOMPLETE,
                           _("the zip archive is cut short (its central directory is missing)"));
      return NULL;
    }

  archive = archive_read_new ();
  if (archive == NULL ||
      archive_read_support_format_zip (archive) != ARCHIVE_OK ||
      archive_read_open_memory (archive, data, length) != ARCHIVE_OK)
    {
      set_damaged (error, archive);
      return NULL;
    }

  entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify)g_bytes_unref);

  for (;;)
    {
      struct archive_entry *entry;
      const char *name;
      int status = archive_read_next_header (archive, &entry);

      if (status == ARCHIVE_EOF)
        break;
      if (status < ARCHIVE_WARN)
        {
          set_damaged (error, archive);
          return NULL;
        }

      if (++n_entries > SP_ZIP_MAX_ENTRIES)
        {
          g_set_error (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_TOO_LARGE,
                       _("the zip archive holds more than %u entries"), SP_ZIP_MAX_ENTRIES);
          return NULL;
        }

      if (!sp_read_budget_spend (budget, 1))
        {
          sp_read_budget_set_error (budget, error);
          return NULL;
        }

      name = archive_entry_pathname (entry);
      if (name != NULL && g_strv_contains (names, name) &&
          !g_hash_table_contains (entries, name))
        {
          GBytes *bytes = read_entry (archive, name, length, &unpacked, budget, error);

          if (bytes == NULL)
            return NULL;
          g_hash_table_insert (entries, g_strdup (name), bytes);
        }
      else if (archive_read_data_skip (archive) < ARCHIVE_WARN)
        {
          set_damaged (error, archive);
          return NULL;
        }
    }

  return g_steal_pointer (&entries);
}
