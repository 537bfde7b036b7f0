/* sp-import-read.c
 *
 * An article file's bytes, read in an import worker: a local file is refused before it is
 * opened when it is not a regular file or is over SP_IMPORT_MAX_FILE_SIZE, and opened
 * without blocking, so that a FIFO put in its place cannot hang the import; a file without
 * a local path is read through GIO under the same limit.
 */
#define G_LOG_DOMAIN "sp-import-read"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "sp-import-private.h"

#define READ_CHUNK (64 * 1024)

static void
set_too_large (GError **error,
               goffset  size)
{
  g_autofree char *limit = g_format_size_full (SP_IMPORT_MAX_FILE_SIZE, G_FORMAT_SIZE_IEC_UNITS);

  if (size > 0)
    {
      g_autofree char *formatted = g_format_size_full (size, G_FORMAT_SIZE_IEC_UNITS);

      g_set_error (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_TOO_LARGE,
                   _("too large (%s; the limit is %s)"), formatted, limit);
    }
  else
    g_set_error (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_TOO_LARGE,
                 _("too large (over %s)"), limit);
}

static void
set_errno_error (GError **error,
                 int      saved_errno)
{
  g_autoptr(GError) io_error = g_error_new_literal (G_IO_ERROR,
                                                    g_io_error_from_errno (saved_errno),
                                                    g_strerror (saved_errno));

  _sp_import_set_read_error (error, io_error);
}

/* A local file's bytes. Anything but a regular file is refused before it is opened, and it
 * is opened without blocking, so that a FIFO put in its place meanwhile cannot hang the
 * import either. */
static GBytes *
read_local_bytes (const char    *path,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autofree char *contents = NULL;
  struct stat st;
  gsize length = 0;
  gsize allocated;
  int fd;

  if (g_stat (path, &st) != 0)
    {
      set_errno_error (error, errno);
      return NULL;
    }

  if (!S_ISREG (st.st_mode))
    {
      g_set_error_literal (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_READ,
                           _sp_import_describe_mode (st.st_mode));
      return NULL;
    }

  if (st.st_size > SP_IMPORT_MAX_FILE_SIZE)
    {
      set_too_large (error, st.st_size);
      return NULL;
    }

  if ((fd = g_open (path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY, 0)) < 0)
    {
      set_errno_error (error, errno);
      return NULL;
    }

  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      g_set_error_literal (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_READ,
                           _sp_import_describe_mode (st.st_mode));
      g_close (fd, NULL);
      return NULL;
    }

  /* One byte more than the limit shows a file that grew since it was measured */
  allocated = MIN ((gsize)st.st_size, (gsize)SP_IMPORT_MAX_FILE_SIZE) + 1;
  contents = g_malloc (allocated + 1);

  for (;;)
    {
      gssize n;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          g_close (fd, NULL);
          return NULL;
        }

      if (length == allocated)
        {
          if (allocated > SP_IMPORT_MAX_FILE_SIZE)
            {
              g_close (fd, NULL);
              set_too_large (error, 0);
              return NULL;
            }
          allocated = MIN (allocated * 2, (gsize)SP_IMPORT_MAX_FILE_SIZE + 1);
          contents = g_realloc (contents, allocated + 1);
        }

      n = read (fd, contents + length, MIN (allocated - length, READ_CHUNK));
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved_errno = errno;

          g_close (fd, NULL);
          set_errno_error (error, saved_errno);
          return NULL;
        }
      if (n == 0)
        break;
      length += n;
    }

  g_close (fd, NULL);
  return g_bytes_new_take (g_steal_pointer (&contents), length);
}

/* A file without a local path (a GVfs location): through GIO */
static GBytes *
read_remote_bytes (GFile         *file,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info != NULL && g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error_literal (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_READ, _("not a regular file"));
      return NULL;
    }

  if (info != NULL && g_file_info_get_size (info) > SP_IMPORT_MAX_FILE_SIZE)
    {
      set_too_large (error, g_file_info_get_size (info));
      return NULL;
    }

  if (info == NULL ||
      !g_file_load_contents (file, cancellable, &contents, &length, NULL, &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        _sp_import_set_read_error (error, local_error);
      return NULL;
    }

  if (length > SP_IMPORT_MAX_FILE_SIZE)
    {
      set_too_large (error, 0);
      return NULL;
    }

  return g_bytes_new_take (g_steal_pointer (&contents), length);
}

/**
 * _sp_import_read_bytes:
 *
 * Returns: (transfer full): the file's bytes, or %NULL with @error set; a file that is too
 *   large or not a regular file is refused without being read
 */
GBytes *
_sp_import_read_bytes (GFile         *file,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autofree char *path = g_file_get_path (file);

  if (path != NULL)
    return read_local_bytes (path, cancellable, error);

  return read_remote_bytes (file, cancellable, error);
}
