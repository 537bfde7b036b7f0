/* sp-dna-open.c
 *
 * Opening a DNA project for the reader (sp-dna-file.c): a file read-only and immutable,
 * after checking that it is an SQLite database and that nothing beside it holds newer data,
 * or a copy held in memory.
 */
#define G_LOG_DOMAIN "sp-dna-file"

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "sp-dna-file-private.h"

/* A file DNA still has open may hold changes in its -wal or -journal beside it, which an
 * immutable connection would not see: refuse rather than read an older state. */
static gboolean
check_companion (const char  *path,
                 const char  *suffix,
                 const char  *name,
                 GError     **error)
{
  g_autofree char *companion = g_strconcat (path, suffix, NULL);
  GStatBuf st;

  if (g_stat (companion, &st) == 0 && st.st_size > 0)
    {
      g_set_error (error, SP_DNA_ERROR, SP_DNA_ERROR_BUSY,
                   _("%s: DNA has changes in %s%s that are not in the file yet; close the project in DNA first"),
                   name, name, suffix);
      return FALSE;
    }

  return TRUE;
}

/**
 * sp_dna_file_read:
 * @path: a DNA project (.dna)
 *
 * Reads @path without writing to it or beside it.
 *
 * Returns: (transfer full): the project, or %NULL with an #SP_DNA_ERROR (or
 *   %G_IO_ERROR_CANCELLED) whose message names the file
 */
SpDnaFile *
sp_dna_file_read (const char    *path,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *escaped = NULL;
  g_autofree char *uri = NULL;
  Reader r = { 0 };
  char header[16] = { 0 };
  GStatBuf st;
  FILE *f;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  r.file = _sp_dna_file_new (base);
  r.cancellable = cancellable;

  if (g_stat (path, &st) != 0 || !S_ISREG (st.st_mode))
    {
      g_set_error (error, SP_DNA_ERROR, SP_DNA_ERROR_IO, _("%s: %s"), r.file->name,
                   g_stat (path, &st) != 0 ? g_strerror (errno) : _("not a regular file"));
      sp_dna_file_free (r.file);
      return NULL;
    }
  if (st.st_size > SP_DNA_MAX_FILE_SIZE)
    {
      g_set_error (error, SP_DNA_ERROR, SP_DNA_ERROR_TOO_LARGE, _("%s: larger than %d MB"),
                   r.file->name, (int)(SP_DNA_MAX_FILE_SIZE >> 20));
      sp_dna_file_free (r.file);
      return NULL;
    }

  if ((f = g_fopen (path, "rb")) != NULL)
    {
      if (fread (header, 1, sizeof header, f) != sizeof header)
        memset (header, 0, sizeof header);
      fclose (f);
    }
  if (memcmp (header, "SQLite format 3", 16) != 0)
    {
      g_set_error (error, SP_DNA_ERROR, SP_DNA_ERROR_NOT_DNA,
                   _("%s: not a DNA project (not an SQLite database)"), r.file->name);
      sp_dna_file_free (r.file);
      return NULL;
    }
  if (!check_companion (path, "-wal", r.file->name, error) ||
      !check_companion (path, "-journal", r.file->name, error))
    {
      sp_dna_file_free (r.file);
      return NULL;
    }

  /* immutable: SQLite takes no lock and makes no -shm or -wal file beside someone else's
   * database; the checks above made sure that nothing beside it holds newer data */
  escaped = g_uri_escape_string (path, "/", TRUE);
  uri = g_strconcat ("file:", escaped, "?mode=ro&immutable=1", NULL);
  rc = sqlite3_open_v2 (uri, &r.db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_EXRESCODE, NULL);
  if (rc != SQLITE_OK)
    {
      _sp_dna_sqlite_failed (&r, rc, "sqlite_schema", error);
      _sp_dna_reader_clear (&r);
      sp_dna_file_free (r.file);
      return NULL;
    }

  return _sp_dna_read_database (&r, error);
}

/**
 * sp_dna_file_read_bytes:
 * @name: what messages call the file
 * @bytes: a whole DNA database
 *
 * Reads a DNA project held in memory (the fuzzing harness reads its input this way).
 *
 * Returns: (transfer full): the project, or %NULL with an #SP_DNA_ERROR
 */
SpDnaFile *
sp_dna_file_read_bytes (const char    *name,
                        GBytes        *bytes,
                        GCancellable  *cancellable,
                        GError       **error)
{
  Reader r = { 0 };
  gsize size;
  const guchar *data = g_bytes_get_data (bytes, &size);
  unsigned char *copy;
  int rc;

  r.file = _sp_dna_file_new (name);
  r.cancellable = cancellable;

  if (size < 16 || memcmp (data, "SQLite format 3", 16) != 0 || size > (gsize)SP_DNA_MAX_FILE_SIZE)
    {
      g_set_error (error, SP_DNA_ERROR, SP_DNA_ERROR_NOT_DNA,
                   _("%s: not a DNA project (not an SQLite database)"), r.file->name);
      sp_dna_file_free (r.file);
      return NULL;
    }

  if ((rc = sqlite3_open_v2 (":memory:", &r.db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_EXRESCODE, NULL)) != SQLITE_OK ||
      !(copy = sqlite3_malloc64 (size)))
    {
      _sp_dna_sqlite_failed (&r, rc != SQLITE_OK ? rc : SQLITE_NOMEM, "sqlite_schema", error);
      _sp_dna_reader_clear (&r);
      sp_dna_file_free (r.file);
      return NULL;
    }

  memcpy (copy, data, size);
  rc = sqlite3_deserialize (r.db, "main", copy, size, size,
                            SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_READONLY);
  if (rc != SQLITE_OK)
    {
      _sp_dna_sqlite_failed (&r, rc, "sqlite_schema", error);
      _sp_dna_reader_clear (&r);
      sp_dna_file_free (r.file);
      return NULL;
    }

  return _sp_dna_read_database (&r, error);
}
